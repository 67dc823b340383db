"""DPX time code, frame rate, transfer and colorimetric fields round-trip, and agree with OpenImageIO both ways."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs

oiio = pytest.importorskip("OpenImageIO")

META = {"timecode": "01:02:03:04", "frame_rate": 24.0, "dpx:transfer": 2, "dpx:colorimetric": 4}


def test_dpx_time_and_colour_fields_round_trip_and_openimageio_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "m.dpx"
    vfx_rs.write(path, vfx_rs.Image(np.full((4, 6, 3), 0.5, np.float32), metadata=META))
    back = vfx_rs.read(path).metadata
    assert {key: back[key] for key in META} == META
    spec = oiio.ImageInput.open(str(path)).spec()
    assert spec.get_string_attribute("dpx:TimeCode") == "01:02:03:04"
    assert spec.get_float_attribute("dpx:FrameRate") == 24.0
    assert spec.get_string_attribute("dpx:Transfer") == "Linear"  # SMPTE 268M table 5a: 2 = linear
    assert spec.get_string_attribute("dpx:Colorimetric") == "Unspecified video"  # table 5b: 4


def test_dpx_time_code_written_by_openimageio(tmp_path: Path) -> None:
    path = tmp_path / "o.dpx"
    spec = oiio.ImageSpec(6, 4, 3, oiio.UINT16)
    spec.attribute("smpte:TimeCode", oiio.TypeDesc("timecode"), np.array([0x12345617, 0], np.uint32))  # BCD
    spec.attribute("dpx:FrameRate", 25.0)
    out = oiio.ImageOutput.create(str(path))
    assert out.open(str(path), spec)
    assert out.write_image(np.full((4, 6, 3), 0.25, np.float32))
    out.close()
    written = oiio.ImageInput.open(str(path)).spec().get_string_attribute("dpx:TimeCode")
    meta = vfx_rs.read(path).metadata
    assert meta["timecode"] == written == "12:34:56:17" and meta["frame_rate"] == 25.0


def test_dpx_without_time_code_has_none(tmp_path: Path) -> None:
    path = tmp_path / "n.dpx"
    vfx_rs.write(path, vfx_rs.Image(np.zeros((2, 2, 3), np.float32)))
    assert "timecode" not in vfx_rs.read(path).metadata
    assert oiio.ImageInput.open(str(path)).spec().get_string_attribute("dpx:TimeCode") == ""


@pytest.mark.parametrize("bits", [10, 12])
def test_dpx_filled_method_b_as_openimageio(tmp_path: Path, bits: int) -> None:
    """Packing 2 (SMPTE 268M-2003, filled method B): the padding bits at the top of each word, not the bottom.
    Built from a method A file by moving every sample down by the padding (2 bits of each 10-bit word, 4 of each
    12-bit one)."""
    import struct

    path = tmp_path / "b.dpx"
    y, x = np.mgrid[0:4, 0:6].astype(np.float32)
    vfx_rs.write(path, vfx_rs.Image(np.stack([x / 5, y / 3, (x + y) / 8], -1)), bit_depth=bits)
    blob = bytearray(path.read_bytes())
    dtype = ">u4" if bits == 10 else ">u2"
    words = np.frombuffer(bytes(blob[2048:]), dtype) >> (2 if bits == 10 else 4)
    blob[2048:] = words.astype(dtype).tobytes()
    struct.pack_into(">H", blob, 804, 2)
    path.write_bytes(bytes(blob))
    buf = oiio.ImageBuf(str(path))
    reference = buf.get_pixels(oiio.FLOAT)
    assert not buf.has_error, buf.geterror()
    ours = vfx_rs.read(path)
    assert ours.metadata["dpx:packing"] == 2
    np.testing.assert_allclose(ours.numpy(), reference, rtol=0, atol=1 / 65535)
