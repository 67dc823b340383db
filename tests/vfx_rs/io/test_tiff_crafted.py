"""TIFF variants tifffile does not write, built by hand: SGI LogLuv/LogL, float24, subsampled YCbCr."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_FLOAT32_ULP, RTOL_LOGLUV_DECODE
from tests.vfx_rs.io.test_tiff_conformance import oiio_read
from tests.vfx_rs.io.tiff_craft import SHORT, logluv32_codes, sgilog_rle, write_tiff

H, W = 6, 10
LOGLUV_TAGS = {259: (SHORT, [34676]), 277: (SHORT, [3]), 258: (SHORT, [16, 16, 16]), 339: (SHORT, [2, 2, 2])}


def larson_xyz(words: np.ndarray) -> np.ndarray:
    """LogLuv32 words to XYZ by the paper's decoding (cell centres), written here independently of libtiff."""
    log, u, v = (words >> 16) & 0x7FFF, (words >> 8) & 0xFF, words & 0xFF
    y = np.exp2((log + 0.5) / 256 - 64)
    up, vp = (u + 0.5) / 410, (v + 0.5) / 410
    x, yc = 9 * up / (6 * up - 16 * vp + 12), 4 * vp / (6 * up - 16 * vp + 12)
    return np.stack([x / yc * y, y, (1 - x - yc) / yc * y], -1)


def hdr_xyz() -> np.ndarray:
    """Colours from 1e-3 to 50 (well past SDR white), slightly off the white point."""
    y, x = np.mgrid[0:H, 0:W].astype(np.float64)
    lum = 10.0 ** (-3 + 4.7 * (x + W * y) / (H * W - 1))
    return np.stack([lum * (0.9 + 0.02 * x), lum, lum * (1.1 - 0.03 * y)], -1)


def test_logluv32_float_xyz_and_openimageio_8_bit_default(tmp_path: Path) -> None:
    path = tmp_path / "luv.tif"
    words = logluv32_codes(hdr_xyz())
    write_tiff(path, W, H, sgilog_rle(words, 4), {262: (SHORT, [32845]), **LOGLUV_TAGS})
    raw = vfx_rs.read(path, raw_color=True)
    assert raw.channel_names == ["X", "Y", "Z"] and raw.format == "f32"
    np.testing.assert_allclose(raw.numpy(), larson_xyz(words), rtol=RTOL_LOGLUV_DECODE)
    default = vfx_rs.read(path)
    assert default.format == "u8" and "LogLuv" in default.metadata["tiff:conversion"]
    np.testing.assert_allclose(default.numpy(), oiio_read(path)[0], rtol=0, atol=ATOL_FLOAT32_ULP)


def test_logl16_float_luminance_and_openimageio_8_bit_default(tmp_path: Path) -> None:
    path = tmp_path / "l16.tif"
    words = logluv32_codes(hdr_xyz()) >> 16
    tags = {262: (SHORT, [32844]), 259: (SHORT, [34676]), 258: (SHORT, [16]), 339: (SHORT, [2])}
    write_tiff(path, W, H, sgilog_rle(words, 2), tags)
    raw = vfx_rs.read(path, raw_color=True)
    np.testing.assert_allclose(raw.numpy()[..., 0], larson_xyz(words << 16)[..., 1], rtol=RTOL_LOGLUV_DECODE)
    np.testing.assert_allclose(vfx_rs.read(path).numpy(), oiio_read(path)[0], rtol=0, atol=ATOL_FLOAT32_ULP)


def test_float24_samples_exact(tmp_path: Path) -> None:
    """24-bit float (1 sign, 7 exponent, 16 mantissa bits; Adobe TIFF Technote 3): values with few mantissa bits
    are exact. OpenImageIO 3.2 reads these samples as if they were 32-bit floats, so the reference is the values."""
    import imagecodecs

    values = (np.arange(H * W * 3, dtype=np.float32).reshape(H, W, 3) - 40) / 16
    strip = imagecodecs.float24_encode(values, byteorder="<")
    tags = {262: (SHORT, [2]), 277: (SHORT, [3]), 258: (SHORT, [24, 24, 24]), 339: (SHORT, [3, 3, 3])}
    write_tiff(tmp_path / "f24.tif", W, H, bytes(strip), tags)
    image = vfx_rs.read(tmp_path / "f24.tif")
    np.testing.assert_array_equal(image.numpy(), values)


@pytest.mark.parametrize("subsampling", [(2, 2), (2, 1)])
def test_uncompressed_subsampled_ycbcr_as_openimageio(tmp_path: Path, subsampling: tuple[int, int]) -> None:
    """TIFF 6.0 section 21: data units of sx * sy luma samples then Cb and Cr for each block."""
    sx, sy = subsampling
    rng = np.random.default_rng(7)
    blocks = (H // sy) * (W // sx)
    units = np.concatenate([rng.integers(16, 236, (blocks, sx * sy)), rng.integers(16, 240, (blocks, 2))], 1)
    path = tmp_path / "ycc.tif"
    tags = {262: (SHORT, [6]), 277: (SHORT, [3]), 258: (SHORT, [8, 8, 8]), 530: (SHORT, [sx, sy])}
    write_tiff(path, W, H, units.astype(np.uint8).tobytes(), tags)
    image = vfx_rs.read(path)
    assert "YCbCr" in image.metadata["tiff:conversion"]
    np.testing.assert_allclose(image.numpy(), oiio_read(path)[0], rtol=0, atol=ATOL_FLOAT32_ULP)
