"""PNG, JPEG, TIFF and Radiance HDR: round trips, and files read the same by OpenImageIO both ways."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_8BIT, ATOL_16BIT, ATOL_FLOAT32_ULP, ATOL_JPEG_Q95

RTOL_RGBE = 2.0**-7
"""RGBE keeps an 8-bit mantissa per channel under a shared exponent: relative to the largest channel."""

oiio = pytest.importorskip("OpenImageIO")


def image(channels: int) -> np.ndarray:
    """Smooth test pixels; the last of 2 or 4 channels is an alpha, the colour premultiplied by it."""
    y, x = np.mgrid[0:40, 0:56].astype(np.float32)
    planes = [x / 55.0, y / 39.0, 0.5 + 0.4 * np.sin(x / 6.0)][: {1: 1, 2: 1, 3: 3, 4: 3}[channels]]
    if channels in (2, 4):
        alpha = 0.3 + 0.7 * (x + y) / 94.0
        planes = [p * alpha for p in planes] + [alpha]
    return np.stack(planes, -1).astype(np.float32)


def oiio_read(path: Path) -> np.ndarray:
    """OpenImageIO's pixels, with alpha premultiplied in float.

    OpenImageIO premultiplies 8/16-bit files in integer precision; asking it for
    the stored (unassociated) values and premultiplying here in float compares
    the decoding itself, code for code.
    """
    config = oiio.ImageSpec()
    config.attribute("oiio:UnassociatedAlpha", 1)
    buf = oiio.ImageBuf(str(path), 0, 0, config)
    assert not buf.has_error, buf.geterror()
    pixels = buf.get_pixels(oiio.FLOAT)
    if buf.spec().alpha_channel >= 0 and buf.spec().get_int_attribute("oiio:UnassociatedAlpha", 0):
        pixels[..., :-1] *= pixels[..., -1:]
    return pixels


def oiio_write(path: Path, data: np.ndarray, fmt: object) -> None:
    out = oiio.ImageOutput.create(str(path))
    assert out.open(str(path), oiio.ImageSpec(data.shape[1], data.shape[0], data.shape[2], fmt))
    assert out.write_image(data)
    out.close()


@pytest.mark.parametrize("channels", [1, 2, 3, 4])
@pytest.mark.parametrize(("bits", "atol"), [(8, ATOL_8BIT), (16, ATOL_16BIT)])
def test_png_round_trip_and_openimageio_agree(tmp_path: Path, channels: int, bits: int, atol: float) -> None:
    data = image(channels)
    path = tmp_path / "a.png"
    vfx_rs.write(path, vfx_rs.Image(data), bit_depth=bits)
    back = vfx_rs.read(path)
    assert back.format == f"u{bits}" and back.channels == channels
    # With alpha, colour is stored divided by alpha and both are quantised: twice the step.
    np.testing.assert_allclose(back.numpy(), data, atol=atol * (2 if channels in (2, 4) else 1) + 1e-7)
    np.testing.assert_allclose(oiio_read(path), back.numpy(), rtol=0, atol=ATOL_FLOAT32_ULP)


def test_png_written_by_openimageio_reads_identically(tmp_path: Path) -> None:
    path = tmp_path / "o.png"
    oiio_write(path, image(3), oiio.UINT16)
    np.testing.assert_allclose(vfx_rs.read(path).numpy(), oiio_read(path), rtol=0, atol=ATOL_FLOAT32_ULP)


def test_png_clips_rounds_and_zeroes_nan(tmp_path: Path) -> None:
    data = np.array([[[-0.5, 0.5 / 255 + 1e-4, np.nan], [2.0, 1.0, 0.0]]], np.float32)
    vfx_rs.write(tmp_path / "c.png", vfx_rs.Image(data), bit_depth=8)
    np.testing.assert_array_equal(vfx_rs.read(tmp_path / "c.png").numpy() * 255, [[[0, 1, 0], [255, 255, 0]]])


def test_jpeg_within_bound_and_drops_alpha(tmp_path: Path) -> None:
    path = tmp_path / "a.jpg"
    vfx_rs.write(path, vfx_rs.Image(image(3)), quality=95)
    back = vfx_rs.read(path)
    assert back.format == "u8"
    assert np.abs(back.numpy() - image(3)).max() <= ATOL_JPEG_Q95
    np.testing.assert_allclose(oiio_read(path), back.numpy(), rtol=0, atol=ATOL_FLOAT32_ULP)
    vfx_rs.write(tmp_path / "b.jpg", vfx_rs.Image(image(4)))  # alpha dropped, as vfx-rs and OpenImageIO do
    rgb = vfx_rs.read(tmp_path / "b.jpg")
    assert rgb.channels == 3
    assert np.abs(rgb.numpy() - image(4)[..., :3]).max() <= ATOL_JPEG_Q95
    with pytest.raises(vfx_rs.ArgumentError, match="5 channels"):
        vfx_rs.write(tmp_path / "c.jpg", vfx_rs.Image(np.zeros((2, 2, 5), np.float32)))
    with pytest.raises(vfx_rs.ArgumentError, match="quality"):
        vfx_rs.write(tmp_path / "b.jpg", vfx_rs.Image(image(3)), quality=101)


@pytest.mark.parametrize(("bits", "atol"), [(8, ATOL_8BIT), (16, ATOL_16BIT), (32, 0.0)])
@pytest.mark.parametrize("channels", [1, 3, 4])
def test_tiff_round_trip_and_openimageio_agree(tmp_path: Path, bits: int, atol: float, channels: int) -> None:
    data = image(channels) * (4.0 if bits == 32 else 1.0)
    path = tmp_path / "a.tif"
    vfx_rs.write(path, vfx_rs.Image(data), bit_depth=bits)
    back = vfx_rs.read(path)
    assert back.format == {8: "u8", 16: "u16", 32: "f32"}[bits]
    np.testing.assert_allclose(back.numpy(), data, atol=atol + 1e-7)
    np.testing.assert_allclose(oiio_read(path), back.numpy(), rtol=0, atol=ATOL_FLOAT32_ULP)


def test_tiff_written_by_openimageio_reads_identically(tmp_path: Path) -> None:
    path = tmp_path / "o.tif"
    oiio_write(path, image(4), oiio.UINT16)
    np.testing.assert_allclose(vfx_rs.read(path).numpy(), oiio_read(path), rtol=0, atol=ATOL_FLOAT32_ULP)


def test_hdr_round_trip_within_rgbe_precision_and_openimageio_agree(tmp_path: Path) -> None:
    data = image(3) * np.float32(50.0) + np.float32(1e-3)
    path = tmp_path / "a.hdr"
    vfx_rs.write(path, vfx_rs.Image(data))
    back = vfx_rs.read(path).numpy()
    assert (np.abs(back - data) <= RTOL_RGBE * data.max(axis=-1, keepdims=True)).all()
    np.testing.assert_allclose(oiio_read(path), back, rtol=1e-6)
    oiio_path = tmp_path / "o.hdr"
    oiio_write(oiio_path, data, oiio.FLOAT)
    np.testing.assert_allclose(vfx_rs.read(oiio_path).numpy(), oiio_read(oiio_path), rtol=1e-6)


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".tif", ".hdr"])
def test_truncated_files_raise_format_error(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    data = image(3)
    vfx_rs.write(path, vfx_rs.Image(data))
    blob = path.read_bytes()
    for cut in (16, len(blob) // 3):
        path.write_bytes(blob[:cut])
        with pytest.raises(vfx_rs.FormatError, match=f"a{suffix}"):
            vfx_rs.read(path)


def test_magic_bytes_win_over_extension(tmp_path: Path) -> None:
    path = tmp_path / "really_a_png.exr"
    vfx_rs.write(tmp_path / "x.png", vfx_rs.Image(image(3)))
    path.write_bytes((tmp_path / "x.png").read_bytes())
    assert vfx_rs.read(path).format == "u16"


def test_unknown_extension_and_empty_file(tmp_path: Path) -> None:
    with pytest.raises(vfx_rs.FormatError, match="known extensions"):
        vfx_rs.write(tmp_path / "a.xyz", vfx_rs.Image(image(3)))
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(vfx_rs.FormatError, match="empty"):
        vfx_rs.read(tmp_path / "empty.png")
    with pytest.raises(vfx_rs.IoError, match="directory"):
        vfx_rs.read(tmp_path)


def test_contract_image_and_io_snippets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    vfx_rs.write("image.exr", vfx_rs.Image(image(4)))
    vfx_rs.write("input.exr", vfx_rs.Image(image(4)))
    vfx_rs.write("photo.jpg", vfx_rs.Image(image(3)))
    # "Image Class", as written.
    img = vfx_rs.read("image.exr")
    print(img.width)
    print(img.height)
    print(img.channels)
    print(img.format)
    arr = img.numpy()
    img = vfx_rs.Image(arr)
    assert (img.width, img.height, img.channels, img.format) == (56, 40, 4, "f32")
    # "I/O Functions", as written.
    img = vfx_rs.read("input.exr")
    img = vfx_rs.read("photo.jpg")
    vfx_rs.write("output.png", img)
    vfx_rs.write("output.exr", img)
    assert vfx_rs.read("output.png").format == "u8" and vfx_rs.read("output.exr").channels == 3
