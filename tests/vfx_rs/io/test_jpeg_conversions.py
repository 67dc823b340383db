"""JPEG conversions against OpenImageIO reading the same file: CMYK/YCCK to RGB, Ultra HDR gain maps."""

from __future__ import annotations

from pathlib import Path

import imagecodecs
import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_FLOAT32_ULP

oiio = pytest.importorskip("OpenImageIO")


def oiio_pixels(path: Path) -> np.ndarray:
    buf = oiio.ImageBuf(str(path))
    pixels = buf.get_pixels(oiio.FLOAT)
    assert not buf.has_error, buf.geterror()
    return np.asarray(pixels, np.float32)


@pytest.mark.parametrize("stored", ["CMYK", "YCCK"])
def test_cmyk_jpeg_to_rgb_as_openimageio(tmp_path: Path, stored: str) -> None:
    path = tmp_path / "k.jpg"
    ink = (np.arange(32 * 48 * 4) * 37 % 256).astype(np.uint8).reshape(32, 48, 4)
    path.write_bytes(imagecodecs.jpeg8_encode(ink, colorspace="CMYK", outcolorspace=stored, level=95))
    image = vfx_rs.read(path)
    assert image.channel_names == ["R", "G", "B"] and "CMYK" in image.metadata["jpeg:conversion"]
    np.testing.assert_allclose(image.numpy(), oiio_pixels(path), rtol=0, atol=ATOL_FLOAT32_ULP)
    inks = vfx_rs.read(path, raw_color=True)
    assert inks.channel_names == ["C", "M", "Y", "K"]
    c = inks.numpy()
    rgb = np.floor((1 - c[..., :3]) * (1 - c[..., 3:]) * 255 + 0.5) / 255  # the inks, as OpenImageIO renders them
    np.testing.assert_allclose(rgb, oiio_pixels(path), rtol=0, atol=1 / 255 + 1e-6)


def test_ultra_hdr_reconstructed_as_openimageio_and_sdr_base_on_request(tmp_path: Path) -> None:
    path = tmp_path / "u.jpg"
    y, x = np.mgrid[0:64, 0:96].astype(np.float32)
    hdr = np.stack([x / 24, y / 16, (x + y) / 40, np.ones_like(x)], -1).astype(np.float16)
    path.write_bytes(imagecodecs.ultrahdr_encode(hdr))
    image = vfx_rs.read(path)
    assert image.format == "f16" and image.channel_names == ["R", "G", "B", "A"]
    assert "Ultra HDR" in image.metadata["jpeg:conversion"]
    np.testing.assert_array_equal(image.numpy(), oiio_pixels(path))
    assert image.numpy()[..., :3].max() > 1.5  # the gain map lifted the highlights above SDR white
    base = vfx_rs.read(path, hdr=False)
    assert base.format == "u8" and base.channels == 3
    np.testing.assert_array_equal(base.numpy() * 255, imagecodecs.jpeg8_decode(path.read_bytes()))


@pytest.mark.parametrize(("bits", "lossless"), [(12, True), (12, False), (16, True), (10, True)])
def test_high_precision_jpeg_normalised_by_its_own_precision(tmp_path: Path, bits: int, lossless: bool) -> None:
    """OpenImageIO 3.2 refuses JPEG above 8 bits; the reference is the codes written, over ``2**bits - 1``."""
    path = tmp_path / "p.jpg"
    y, x = np.mgrid[0:16, 0:24]
    codes = ((x * 24 + y * 16) * (2**bits - 1) // 792).astype(np.uint16)
    path.write_bytes(imagecodecs.jpeg8_encode(codes, bitspersample=bits, lossless=lossless, level=100))
    image = vfx_rs.read(path)
    assert image.metadata["bit_depth"] == bits and image.format == "u16"
    step = 1.0 if lossless else 8.0  # lossy 12-bit at quality 100: within a few codes
    np.testing.assert_allclose(image.numpy()[..., 0], codes / (2**bits - 1), rtol=0, atol=step / (2**bits - 1) + 1e-7)
