"""TIFF variants written by tifffile, read by vfx_rs and compared with OpenImageIO reading the same file.

Every layout (contiguous/planar, strips/tiles), every unsigned depth from 1 to
32 bits, float 16/32 (24 in test_tiff_crafted.py), palette, min-is-white,
CMYK, YCbCr and every compression tifffile writes. Where OpenImageIO cannot
read a file (depths 3, 5, 7; compressions its libtiff lacks) the reference is
the codes the test wrote, divided by the depth's maximum.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import tifffile

import vfx_rs
from tests.tolerances import ATOL_FLOAT32_ULP, ATOL_TIFF_CONTAINER

oiio = pytest.importorskip("OpenImageIO")

H, W = 20, 36


def oiio_read(path: Path, **config: Any) -> tuple[np.ndarray, Any]:
    """OpenImageIO's float pixels (H, W, C) and spec, with configuration attributes such as oiio:RawColor."""
    spec = oiio.ImageSpec()
    for key, value in config.items():
        spec.attribute(key, value)
    buf = oiio.ImageBuf(str(path), 0, 0, spec)
    pixels = buf.get_pixels(oiio.FLOAT)
    assert not buf.has_error, buf.geterror()
    return np.asarray(pixels, np.float32).reshape(buf.spec().height, buf.spec().width, -1), buf.spec()


def codes(bits: int, samples: int) -> np.ndarray:
    """Every code of the depth somewhere (a ramp plus its reverse), as the smallest unsigned dtype."""
    dtype = np.uint8 if bits <= 8 else np.uint16 if bits <= 16 else np.uint32
    n = H * W * samples
    ramp = (np.arange(n, dtype=np.uint64) * 2654435761) % (2**bits)
    ramp[:2] = (0, 2**bits - 1)
    return ramp.astype(dtype).reshape(H, W, samples) if samples > 1 else ramp.astype(dtype).reshape(H, W)


def layout(data: np.ndarray, planar: str) -> np.ndarray:
    """(H, W, S) samples as tifffile takes them for `planar`: (S, H, W) for separate planes."""
    return np.ascontiguousarray(np.moveaxis(data, -1, 0)) if planar == "separate" else data


def assert_matches_oiio(path: Path, atol: float, **read_options: Any) -> vfx_rs.Image:
    ours = vfx_rs.read(path, **read_options)
    reference, _ = oiio_read(path, **({"oiio:RawColor": 1} if read_options.get("raw_color") else {}))
    assert ours.numpy().shape == reference.shape
    np.testing.assert_allclose(ours.numpy(), reference, rtol=0, atol=atol)
    return ours


@pytest.mark.parametrize("planar", ["contig", "separate"])
@pytest.mark.parametrize("tile", [None, (16, 16)])
@pytest.mark.parametrize("bits", [1, 2, 4, 6, 8, 10, 12, 14, 16, 24, 32])
def test_unsigned_depths_and_layouts(tmp_path: Path, bits: int, planar: str, tile: Any) -> None:
    path = tmp_path / "u.tif"
    data = codes(bits, 3)
    tifffile.imwrite(path, layout(data, planar), bitspersample=bits, photometric="rgb", planarconfig=planar, tile=tile)
    image = assert_matches_oiio(path, ATOL_TIFF_CONTAINER[bits])
    np.testing.assert_allclose(image.numpy(), data / (2**bits - 1), rtol=0, atol=ATOL_FLOAT32_ULP)
    assert image.metadata["bit_depth"] == bits and image.channel_names == ["R", "G", "B"]
    assert image.format == ("u8" if bits <= 8 else "u16" if bits <= 16 else "f32")  # u32 means unnormalised IDs


@pytest.mark.parametrize("bits", [3, 5, 7, 9, 11])
def test_depths_openimageio_refuses_are_normalised_by_their_maximum(tmp_path: Path, bits: int) -> None:
    path = tmp_path / "odd.tif"
    data = codes(bits, 1)
    tifffile.imwrite(path, data, bitspersample=bits, photometric="minisblack")
    image = vfx_rs.read(path)
    np.testing.assert_allclose(image.numpy()[..., 0], data / (2**bits - 1), rtol=0, atol=ATOL_FLOAT32_ULP)


@pytest.mark.parametrize("dtype", [np.float16, np.float32])
@pytest.mark.parametrize("planar", ["contig", "separate"])
def test_float_samples_exact(tmp_path: Path, dtype: type, planar: str) -> None:
    path = tmp_path / "f.tif"
    rng = np.random.default_rng(1)
    data = (rng.standard_normal((H, W, 4)) * 8).astype(dtype)
    tifffile.imwrite(path, layout(data, planar), photometric="rgb", planarconfig=planar, extrasamples=["assocalpha"])
    image = assert_matches_oiio(path, 0.0)
    assert image.format == ("f16" if dtype == np.float16 else "f32")


@pytest.mark.parametrize("bits", [1, 2, 4, 8, 16])
def test_palette_to_rgb_from_the_colour_map(tmp_path: Path, bits: int) -> None:
    path = tmp_path / "p.tif"
    rng = np.random.default_rng(bits)
    colormap = rng.integers(0, 65536, (3, 2**bits), dtype=np.uint16)
    # tifffile writes a 256-entry map below 8 bits, which libtiff refuses: write it, then put in the right map
    tifffile.imwrite(
        path,
        codes(bits, 1),
        bitspersample=bits,
        photometric="palette",
        colormap=np.resize(colormap, (3, max(256, 2**bits))),
    )
    with tifffile.TiffFile(path, mode="r+") as tif:
        tif.pages.first.tags["ColorMap"].overwrite(colormap.reshape(-1))
    image = assert_matches_oiio(path, ATOL_FLOAT32_ULP)
    assert image.channels == 3 and image.format == "u8" and "palette" in image.metadata["tiff:conversion"]
    with tifffile.TiffFile(path, mode="r+") as tif:
        tif.pages.first.tags["ColorMap"].overwrite(np.resize(colormap, (3, 2 * 2**bits)).reshape(-1))
    with pytest.raises(vfx_rs.FormatError, match="ColorMap"):
        vfx_rs.read(path)


@pytest.mark.parametrize("bits", [1, 4, 8])
def test_min_is_white_inverted_as_openimageio(tmp_path: Path, bits: int) -> None:
    path = tmp_path / "w.tif"
    tifffile.imwrite(path, codes(bits, 1), bitspersample=bits, photometric="miniswhite")
    image = assert_matches_oiio(path, ATOL_TIFF_CONTAINER[bits])
    assert image.metadata["tiff:conversion"] == "min-is-white inverted"


@pytest.mark.parametrize("bits", [12, 16, 24])
def test_min_is_white_above_8_bits_is_inverted_where_openimageio_is_not(tmp_path: Path, bits: int) -> None:
    """OpenImageIO 3.2 inverts min-is-white only in 8-bit containers (``invert_photometric``); TIFF 6.0
    section 3 makes 0 white at every depth, so vfx_rs gives ``1 - OpenImageIO``."""
    path = tmp_path / "w.tif"
    tifffile.imwrite(path, codes(bits, 1), bitspersample=bits, photometric="miniswhite")
    reference, _ = oiio_read(path)
    atol = ATOL_TIFF_CONTAINER[bits] + ATOL_FLOAT32_ULP
    np.testing.assert_allclose(vfx_rs.read(path).numpy(), 1.0 - reference, rtol=0, atol=atol)
    tifffile.imwrite(path, codes(16, 1).astype(np.float32), photometric="miniswhite")
    with pytest.raises(vfx_rs.FormatError, match="min-is-white"):  # no defined white for float samples
        vfx_rs.read(path)


@pytest.mark.parametrize("bits", [8, 16])
@pytest.mark.parametrize("planar", ["contig", "separate"])
def test_cmyk_to_rgb_and_raw(tmp_path: Path, bits: int, planar: str) -> None:
    path = tmp_path / "k.tif"
    tifffile.imwrite(path, layout(codes(bits, 4), planar), photometric="separated", planarconfig=planar)
    image = assert_matches_oiio(path, ATOL_FLOAT32_ULP)
    assert image.channel_names == ["R", "G", "B"] and "CMYK" in image.metadata["tiff:conversion"]
    raw = assert_matches_oiio(path, ATOL_FLOAT32_ULP, raw_color=True)
    assert raw.channel_names == ["C", "M", "Y", "K"]


@pytest.mark.parametrize("subsampling", [(1, 1), (2, 1), (2, 2)])
def test_ycbcr_jpeg_subsampled(tmp_path: Path, subsampling: tuple[int, int]) -> None:
    path = tmp_path / "y.tif"
    data = codes(8, 3) // 2 + 60
    tifffile.imwrite(path, data, photometric="ycbcr", subsampling=subsampling, compression="jpeg", rowsperstrip=16)
    assert_matches_oiio(path, ATOL_FLOAT32_ULP)


def test_ycbcr_uncompressed_through_the_rgba_interface(tmp_path: Path) -> None:
    path = tmp_path / "y.tif"
    tifffile.imwrite(path, codes(8, 3), photometric="ycbcr", subsampling=(1, 1))
    image = assert_matches_oiio(path, ATOL_FLOAT32_ULP)
    assert "YCbCr" in image.metadata["tiff:conversion"]
    with pytest.raises(vfx_rs.FormatError, match="raw_color"):
        vfx_rs.read(path, raw_color=True)


OIIO_READS = ["none", "lzw", "zlib", "deflate", "packbits", "jpeg", "webp"]
OIIO_LACKS = ["lzma", "zstd", "png", "jpeg2000", "jpegxl", "jpegxr", "lerc"]


@pytest.mark.parametrize("compression", OIIO_READS + OIIO_LACKS)
def test_every_compression_tifffile_writes(tmp_path: Path, compression: str) -> None:
    path = tmp_path / "c.tif"
    data = codes(8, 3) // 4 + 80 if compression in ("jpeg", "webp") else codes(8, 3)
    options = {"compressionargs": {"level": 100, "lossless": True}} if compression == "webp" else {}
    tifffile.imwrite(
        path, data, photometric="rgb", compression=None if compression == "none" else compression, **options
    )
    if compression in OIIO_READS:
        assert_matches_oiio(path, ATOL_FLOAT32_ULP)
    else:
        np.testing.assert_allclose(vfx_rs.read(path).numpy(), data / 255.0, rtol=0, atol=ATOL_FLOAT32_ULP)


def test_unassociated_alpha_premultiplied_and_unspecified_extra_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.tif"
    tifffile.imwrite(path, codes(16, 4), photometric="rgb", extrasamples=["unassalpha"])
    image = vfx_rs.read(path)
    np.testing.assert_allclose(image.numpy(), oiio_read(path)[0], rtol=0, atol=ATOL_TIFF_CONTAINER[16])
    assert image.channel_names == ["R", "G", "B", "A"]
    tifffile.imwrite(path, codes(8, 4), photometric="rgb", extrasamples=["unspecified"])
    image = assert_matches_oiio(path, ATOL_FLOAT32_ULP)
    assert image.channel_names == ["R", "G", "B", "C3"]


@pytest.mark.parametrize("dtype", [np.int8, np.int16])
def test_signed_integers_as_openimageio(tmp_path: Path, dtype: type) -> None:
    path = tmp_path / "s.tif"
    info = np.iinfo(dtype)
    data = np.linspace(info.min, info.max, H * W).astype(dtype).reshape(H, W)
    tifffile.imwrite(path, data, photometric="minisblack")
    assert_matches_oiio(path, ATOL_FLOAT32_ULP)


def test_bilevel_ccitt_rle_written_by_openimageio(tmp_path: Path) -> None:
    """1-bit CCITT modified Huffman (Compression 2; TIFF 6.0 section 10), the one fax coding OpenImageIO writes;
    G3/G4 files are checked by bench/corpus.py on libtiff's fax pictures."""
    path = tmp_path / "fax.tif"
    data = ((codes(8, 1) > 180) * 255).astype(np.uint8)[:, :, np.newaxis]
    spec = oiio.ImageSpec(W, H, 1, oiio.UINT8)
    spec.attribute("compression", "ccittrle")
    spec.attribute("oiio:BitsPerSample", 1)
    out = oiio.ImageOutput.create(str(path))
    assert out.open(str(path), spec) and out.write_image(data)
    out.close()
    with tifffile.TiffFile(path) as tif:
        assert int(tif.pages.first.compression) == 2
    image = assert_matches_oiio(path, ATOL_FLOAT32_ULP)
    np.testing.assert_array_equal(image.numpy(), data / 255.0)


@pytest.mark.parametrize(("bits", "dtype"), [(10, None), (12, None), (16, None), (32, np.float32)])
def test_big_endian_files(tmp_path: Path, bits: int, dtype: Any) -> None:
    """Big-endian (MM) files; not 24 bit, which tifffile 2026.3 writes wrongly in big-endian files (0xFFFFFF
    becomes bytes FF FF 00; libtiff and OpenImageIO read what it wrote); little-endian 24 bit is checked above."""
    path = tmp_path / "be.tif"
    data = codes(bits, 3) if dtype is None else codes(16, 3).astype(dtype) / 7
    tifffile.imwrite(path, data, byteorder=">", photometric="rgb", **({"bitspersample": bits} if dtype is None else {}))
    assert_matches_oiio(path, ATOL_TIFF_CONTAINER[bits] if dtype is None else 0.0)
