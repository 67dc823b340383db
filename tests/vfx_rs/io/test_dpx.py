"""DPX: exact round trips and cross-checks with OpenImageIO at 8/10/12/16 bit, both byte orders; damaged files."""

from __future__ import annotations

import contextlib
import struct
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vfx_rs

oiio = pytest.importorskip("OpenImageIO")

CASES = [(c, b, o) for c in (1, 3, 4) for b in (8, 10, 12, 16) for o in ("big", "little")]
IDS = [f"{c}ch-{b}bit-{o}" for c, b, o in CASES]


def codes_for(channels: int, bits: int, seed: int = 7) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 2**bits, size=(9, 13, channels))


def our_codes(path: Path, bits: int) -> np.ndarray:
    return np.rint(vfx_rs.read(path).numpy() * (2**bits - 1)).astype(np.int64)


def oiio_codes(path: Path, bits: int) -> np.ndarray:
    pixels = oiio.ImageBuf(str(path)).get_pixels(oiio.UINT8 if bits == 8 else oiio.UINT16)
    return pixels.astype(np.int64) >> (0 if bits == 8 else 16 - bits)


def oiio_write(path: Path, codes: np.ndarray, bits: int, order: str) -> None:
    spec = oiio.ImageSpec(codes.shape[1], codes.shape[0], codes.shape[2], oiio.UINT8 if bits == 8 else oiio.UINT16)
    spec.attribute("oiio:BitsPerSample", bits)
    spec.attribute("oiio:Endian", order)
    out = oiio.ImageOutput.create(str(path))
    assert out.open(str(path), spec)
    assert out.write_image((codes / (2**bits - 1)).astype(np.float32))
    out.close()


@pytest.mark.parametrize(("channels", "bits", "order"), CASES, ids=IDS)
def test_round_trip_is_exact(tmp_path: Path, channels: int, bits: int, order: str) -> None:
    codes = codes_for(channels, bits)
    path = tmp_path / "a.dpx"
    vfx_rs.write(path, vfx_rs.Image((codes / (2**bits - 1)).astype(np.float32)), bit_depth=bits, byte_order=order)
    back = vfx_rs.read(path)
    assert back.metadata["bit_depth"] == bits and back.metadata["dpx:byte_order"] == order
    np.testing.assert_array_equal(our_codes(path, bits), codes)


@pytest.mark.parametrize(("channels", "bits", "order"), CASES, ids=IDS)
def test_files_written_by_openimageio_read_exactly(tmp_path: Path, channels: int, bits: int, order: str) -> None:
    codes = codes_for(channels, bits, seed=11)
    path = tmp_path / "o.dpx"
    oiio_write(path, codes, bits, order)
    np.testing.assert_array_equal(our_codes(path, bits), codes)


@pytest.mark.parametrize(("channels", "bits", "order"), CASES, ids=IDS)
def test_openimageio_reads_our_files(tmp_path: Path, channels: int, bits: int, order: str) -> None:
    """10-bit lines whose component count is not a multiple of 3 (Y, RGBA) end on a padded word.

    OpenImageIO writes them that way too (see the byte comparison below) but reads such files,
    its own included, as one unpadded stream; for those the pixel bytes are compared instead.
    """
    codes = codes_for(channels, bits, seed=13)
    ours, theirs = tmp_path / "ours.dpx", tmp_path / "theirs.dpx"
    vfx_rs.write(ours, vfx_rs.Image((codes / (2**bits - 1)).astype(np.float32)), bit_depth=bits, byte_order=order)
    if bits == 10 and (codes.shape[1] * channels) % 3:
        # SMPTE 268M filled method A, written out here: three components per word, each line padded.
        line = codes.reshape(codes.shape[0], -1)
        padded = np.zeros((line.shape[0], -(-line.shape[1] // 3) * 3), np.uint32)
        padded[:, : line.shape[1]] = line
        t = padded.reshape(line.shape[0], -1, 3)
        expected = ((t[..., 0] << 22) | (t[..., 1] << 12) | (t[..., 2] << 2)).astype(
            f"{'>' if order == 'big' else '<'}u4"
        )
        assert pixel_bytes(ours) == expected.tobytes()
        oiio_write(theirs, codes, bits, order)
        if channels == 4:  # OpenImageIO writes RGBA 10 bit filled too (Y it packs): the same bytes
            assert pixel_bytes(theirs) == expected.tobytes()
        return
    np.testing.assert_array_equal(oiio_codes(ours, bits), codes)


def pixel_bytes(path: Path) -> bytes:
    blob = path.read_bytes()
    order = ">" if blob[:4] == b"SDPX" else "<"
    return blob[struct.unpack_from(f"{order}I", blob, 4)[0] :]


def _valid(tmp_path: Path) -> bytes:
    path = tmp_path / "v.dpx"
    vfx_rs.write(path, vfx_rs.Image(np.full((4, 5, 3), 0.5, np.float32)), bit_depth=10)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda b: b[:1000], "shorter than"),
        (lambda b: b"JUNK" + b[4:], "magic"),
        (lambda b: b[:-40], "does not fit"),
        (lambda b: b[:772] + struct.pack(">II", 70000, 4) + b[780:], "limit"),
        (lambda b: b[:772] + struct.pack(">II", 0, 4) + b[780:], "invalid image size"),
        (lambda b: b[:803] + bytes([32]) + b[804:], "bit depth 32"),
        (lambda b: b[:806] + struct.pack(">H", 1) + b[808:], "run-length"),
        (lambda b: b[:4] + struct.pack(">I", 10**9) + b[8:808] + struct.pack(">I", 10**9) + b[812:], "does not fit"),
        (lambda b: b[:800] + bytes([99]) + b[801:], "descriptor 99"),
    ],
)
def test_damaged_headers_raise_format_error(tmp_path: Path, edit: object, message: str) -> None:
    path = tmp_path / "bad.dpx"
    path.write_bytes(edit(_valid(tmp_path)))  # type: ignore[operator]
    with pytest.raises(vfx_rs.FormatError, match=f"bad.dpx.*{message}"):
        vfx_rs.read(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_damage_gives_only_project_errors(tmp_path: Path, data: st.DataObject) -> None:
    blob = bytearray(_valid(tmp_path))
    for _ in range(data.draw(st.integers(1, 6))):
        blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
    blob = blob[: data.draw(st.integers(0, len(blob)))]
    path = tmp_path / "fuzz.dpx"
    path.write_bytes(bytes(blob))
    with contextlib.suppress(vfx_rs.VfxError):
        vfx_rs.read(path)


def test_write_refuses_unsupported_layouts(tmp_path: Path) -> None:
    with pytest.raises(vfx_rs.ArgumentError, match="2 channels"):
        vfx_rs.write(tmp_path / "a.dpx", vfx_rs.Image(np.zeros((2, 2, 2), np.float32)))
    with pytest.raises(vfx_rs.ArgumentError, match="bit_depth"):
        vfx_rs.write(tmp_path / "a.dpx", vfx_rs.Image(np.zeros((2, 2, 3), np.float32)), bit_depth=11)
    with pytest.raises(vfx_rs.ArgumentError, match="byte_order"):
        vfx_rs.write(tmp_path / "a.dpx", vfx_rs.Image(np.zeros((2, 2, 3), np.float32)), byte_order="middle")
