"""vfx-rs-py per-format io functions (issue 21): each reads and writes only its format, with its options."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import OpenImageIO as oiio
import pytest

import vfx_rs
from tests.tolerances import ATOL_8BIT, ATOL_HALF
from vfx_rs import io

RGBA = np.random.default_rng(1).random((4, 5, 4)).astype(np.float32) * np.float32(0.9) + np.float32(0.05)


def test_each_writer_makes_its_format_as_openimageio_sees_it(tmp_path: Path) -> None:
    img = vfx_rs.Image(RGBA)
    io.write_exr(tmp_path / "a.exr", img, compression="piz", use_half=True)
    io.write_png(tmp_path / "a.png", img, compression="best", bit_depth=16)
    io.write_jpeg(tmp_path / "a.jpg", img, quality=80)
    io.write_dpx(tmp_path / "a.dpx", img, bit_depth=vfx_rs.BitDepth.Bit12)
    io.write_tiff(tmp_path / "a.tif", img)
    io.write_hdr(tmp_path / "a.hdr", img)
    expected = {"a.exr": ("openexr", "half", 4), "a.png": ("png", "uint16", 4), "a.jpg": ("jpeg", "uint8", 3),
                "a.dpx": ("dpx", "uint16", 4), "a.tif": ("tiff", "float", 4), "a.hdr": ("hdr", "float", 3)}  # fmt: skip
    for name, (fmt, dtype, channels) in expected.items():
        inp = oiio.ImageInput.open(str(tmp_path / name))
        spec = inp.spec()
        assert (inp.format_name(), str(spec.format), spec.nchannels) == (fmt, dtype, channels), name
        inp.close()
    assert oiio.ImageInput.open(str(tmp_path / "a.exr")).spec().get_string_attribute("compression") == "piz"
    assert oiio.ImageInput.open(str(tmp_path / "a.dpx")).spec().get_int_attribute("oiio:BitsPerSample") == 12
    np.testing.assert_allclose(io.read_exr(tmp_path / "a.exr").numpy(), RGBA, rtol=ATOL_HALF)
    np.testing.assert_allclose(io.read_tiff(tmp_path / "a.tif").numpy(), RGBA)
    assert io.read_png(tmp_path / "a.png").format == "u16" and io.read_jpeg(tmp_path / "a.jpg").channels == 3
    np.testing.assert_allclose(io.read_dpx(tmp_path / "a.dpx").numpy(), RGBA, atol=ATOL_8BIT)
    assert io.read_hdr(tmp_path / "a.hdr").channels == 3


def test_wrong_format_or_option_raises(tmp_path: Path) -> None:
    img = vfx_rs.Image(RGBA)
    io.write_png(tmp_path / "a.png", img)
    with pytest.raises(vfx_rs.FormatError, match="not a OpenEXR file"):
        io.read_exr(tmp_path / "a.png")
    with pytest.raises(vfx_rs.ArgumentError, match="write_exr writes OpenEXR"):
        io.write_exr(tmp_path / "b.png", img)
    with pytest.raises(vfx_rs.ArgumentError, match="compression"):
        io.write_exr(tmp_path / "b.exr", img, compression="b45")
    with pytest.raises(vfx_rs.ArgumentError, match="bit_depth"):
        io.write_dpx(tmp_path / "b.dpx", img, bit_depth=11)
