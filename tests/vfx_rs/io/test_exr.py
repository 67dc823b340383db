"""EXR round trips, layers, windows, options, atomic writes and hostile headers."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_HALF
from vfx_rs.io.exr import COMPRESSIONS

LOSSLESS = ("none", "rle", "zips", "zip", "piz")
LOSSY_BOUNDS = {
    "pxr24": (2e-5, 5e-6),
    "b44": (0.25, 0.003),
    "b44a": (0.25, 0.003),
    "dwaa": (0.03, 0.002),
    "dwab": (0.03, 0.002),
}
"""(max, mean) error relative to max(|value|, 1). Measured on this image: pxr24 1.5e-5 / 3.3e-6
(it keeps 15 mantissa bits of float); b44 and b44a 0.24 / 0.0023 (4x4 blocks: the worst pixels
sit in blocks spanning negative and positive values); dwaa and dwab 0.022 / 0.0017."""


def smooth_rgba() -> np.ndarray:
    y, x = np.mgrid[0:48, 0:64].astype(np.float32)
    rgb = np.stack([x / 63.0, y / 47.0, 0.25 + 0.5 * np.sin(x / 9.0) * np.cos(y / 7.0)], -1) * 4.0
    return np.concatenate([rgb, np.full((48, 64, 1), 1.0, np.float32)], -1).astype(np.float32)


@pytest.mark.parametrize("compression", LOSSLESS)
@pytest.mark.parametrize("pixel_type", ["half", "float"])
def test_lossless_round_trip_is_exact(tmp_path: Path, compression: str, pixel_type: str) -> None:
    data = smooth_rgba()
    if pixel_type == "half":
        data = data.astype(np.float16).astype(np.float32)
    path = tmp_path / "a.exr"
    vfx_rs.write(path, vfx_rs.Image(data), compression=compression, pixel_type=pixel_type)
    back = vfx_rs.read(path)
    assert back.format == ("f16" if pixel_type == "half" else "f32")
    assert back.metadata["compression"] == compression
    np.testing.assert_array_equal(back.numpy(), data)


@pytest.mark.parametrize("compression", sorted(LOSSY_BOUNDS))
def test_lossy_round_trip_within_bound(tmp_path: Path, compression: str) -> None:
    data = smooth_rgba()
    path = tmp_path / "a.exr"
    pixel_type = "float" if compression == "pxr24" else "half"
    vfx_rs.write(path, vfx_rs.Image(data), compression=compression, pixel_type=pixel_type)
    err = np.abs(vfx_rs.read(path).numpy() - data) / np.maximum(np.abs(data), 1.0)
    worst, mean = LOSSY_BOUNDS[compression]
    assert err.max() <= worst and err.mean() <= mean


def test_half_rounding_within_half_precision(tmp_path: Path, hdr_rgba: np.ndarray) -> None:
    vfx_rs.write(tmp_path / "h.exr", vfx_rs.Image(hdr_rgba), pixel_type="half")
    back = vfx_rs.read(tmp_path / "h.exr").numpy()
    np.testing.assert_allclose(back, hdr_rgba, rtol=ATOL_HALF, atol=2.0**-24)


def test_uint_channels_and_arbitrary_names_survive(tmp_path: Path) -> None:
    ids = np.arange(12, dtype=np.float32).reshape(3, 4, 1) * 1000.0
    img = vfx_rs.Image(np.concatenate([ids, ids / 7.0], -1), channel_names=["id", "coverage"], format="u32")
    vfx_rs.write(tmp_path / "ids.exr", img)
    back = vfx_rs.read(tmp_path / "ids.exr")
    assert back.format == "u32" and sorted(back.channel_names) == ["coverage", "id"]
    np.testing.assert_array_equal(back.numpy()[..., back.channel_names.index("id")], ids[..., 0])
    np.testing.assert_array_equal(back.numpy()[..., back.channel_names.index("coverage")], np.rint(ids[..., 0] / 7.0))


def test_windows_and_chromaticities_survive(tmp_path: Path) -> None:
    meta = {
        "dataWindow": (10, 20, 73, 67),
        "displayWindow": (0, 0, 99, 99),
        "chromaticities": (0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.3127, 0.3290),
    }
    vfx_rs.write(tmp_path / "w.exr", vfx_rs.Image(smooth_rgba(), metadata=meta))
    back = vfx_rs.read(tmp_path / "w.exr")
    assert back.data_window == (10, 20, 73, 67) and back.display_window == (0, 0, 99, 99)
    np.testing.assert_allclose(back.metadata["chromaticities"], meta["chromaticities"], rtol=1e-6)


@pytest.mark.parametrize("multipart", [False, True])
def test_layers_round_trip(tmp_path: Path, multipart: bool) -> None:
    data = smooth_rgba()
    layered = vfx_rs.LayeredImage(
        {
            "beauty": vfx_rs.Image(data),
            "diffuse": vfx_rs.Image(data[..., :3] * 0.5),
            "depth": vfx_rs.Image(data[..., :1] * 100.0, channel_names=["Z"]),
        }
    )
    path = tmp_path / "layers.exr"
    vfx_rs.write_layers(path, layered, multipart=multipart)
    back = vfx_rs.read_layered(path)
    assert sorted(back.layer_names()) == ["beauty", "depth", "diffuse"]
    np.testing.assert_array_equal(back["diffuse"].numpy(), data[..., :3] * 0.5)
    assert back["depth"].channel_names == ["Z"]
    np.testing.assert_array_equal(vfx_rs.read_layer(path, "depth").numpy()[..., 0], data[..., 0] * 100.0)
    with pytest.raises(vfx_rs.NotFoundError, match="layers are"):
        vfx_rs.read_layer(path, "specular")


def test_contract_quick_start_and_multilayer_snippets(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    vfx_rs.write("input.exr", vfx_rs.Image(smooth_rgba()))
    # Quick Start, as written.
    img = vfx_rs.read("input.exr")
    print(f"Size: {img.width}x{img.height}, {img.channels} channels")
    data = img.numpy()
    data *= 1.5
    result = vfx_rs.Image(data)
    vfx_rs.write("output.exr", result)
    np.testing.assert_array_equal(vfx_rs.read("output.exr").numpy(), smooth_rgba() * 1.5)
    # Multi-Layer EXR, as written.
    vfx_rs.write_layers("render.exr", {"beauty": result, "depth": vfx_rs.Image(data[..., :1], ["Z"])})
    layered = vfx_rs.read_layered("render.exr")
    beauty = layered["beauty"]
    depth = layered["depth"]
    for name in layered.layer_names():
        layer = layered[name]
        print(f"{name}: {layer.width}x{layer.height}")
    assert (beauty.channels, depth.channels) == (4, 1)


def test_bad_options_raise_argument_errors(tmp_path: Path) -> None:
    img = vfx_rs.Image(smooth_rgba())
    with pytest.raises(vfx_rs.ArgumentError, match="piz"):
        vfx_rs.write(tmp_path / "a.exr", img, compression="zstd9")
    with pytest.raises(vfx_rs.ArgumentError, match="half"):
        vfx_rs.write(tmp_path / "a.exr", img, pixel_type="double")
    with pytest.raises(vfx_rs.ArgumentError, match="unknown exr write option"):
        vfx_rs.write(tmp_path / "a.exr", img, quality=3)
    assert not list(tmp_path.iterdir())


def test_failed_write_keeps_old_file_and_leaves_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import OpenEXR

    target = tmp_path / "keep.exr"
    vfx_rs.write(target, vfx_rs.Image(smooth_rgba()))
    before = target.read_bytes()

    def half_written(self: object, path: str) -> None:
        Path(path).write_bytes(b"\x76\x2f\x31\x01partial")
        raise RuntimeError("disk vanished mid-write")

    monkeypatch.setattr(OpenEXR.File, "write", half_written)
    with pytest.raises(vfx_rs.VfxError, match=r"keep\.exr"):
        vfx_rs.write(target, vfx_rs.Image(smooth_rgba() * 2))
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.exr"]


def _header_only_exr(width: int, height: int) -> bytes:
    def attr(name: str, kind: str, value: bytes) -> bytes:
        return name.encode() + b"\0" + kind.encode() + b"\0" + struct.pack("<i", len(value)) + value

    chlist = b"R\0" + struct.pack("<iBBBBii", 1, 0, 0, 0, 0, 1, 1) + b"\0"
    box = struct.pack("<iiii", 0, 0, width - 1, height - 1)
    header = attr("channels", "chlist", chlist) + attr("compression", "compression", b"\0")
    header += attr("dataWindow", "box2i", box) + attr("displayWindow", "box2i", box)
    header += attr("lineOrder", "lineOrder", b"\0") + attr("pixelAspectRatio", "float", struct.pack("<f", 1))
    header += attr("screenWindowCenter", "v2f", struct.pack("<ff", 0, 0)) + attr(
        "screenWindowWidth", "float", struct.pack("<f", 1)
    )
    return b"\x76\x2f\x31\x01" + struct.pack("<I", 2) + header + b"\0" + b"\0" * 64


@pytest.mark.parametrize(("width", "height"), [(100_000, 10), (60_000, 60_000)])
def test_absurd_header_is_refused_before_allocating(tmp_path: Path, width: int, height: int) -> None:
    path = tmp_path / "huge.exr"
    path.write_bytes(_header_only_exr(width, height))
    with pytest.raises(vfx_rs.FormatError, match=r"huge\.exr.*(limit|GiB)"):
        vfx_rs.read(path)


def test_every_compression_name_is_writable(tmp_path: Path) -> None:
    for compression in COMPRESSIONS:
        vfx_rs.write(tmp_path / f"{compression}.exr", vfx_rs.Image(smooth_rgba()), compression=compression)
        assert vfx_rs.read(tmp_path / f"{compression}.exr").metadata["compression"] == compression
