"""TGA, BMP, WebP and GIF: written by vfx_rs and read back by Pillow directly, written by Pillow and read by
vfx_rs, with the same errors and size limits as every reader."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image as PILImage

import vfx_rs
from vfx_rs.io import LIMITS

ATOL_8BIT = 0.5 / 255 + 1e-6
"""One rounding to an 8-bit code."""


def _premultiplied(rng: np.random.Generator, channels: int) -> np.ndarray:
    data = rng.random((6, 9, channels), dtype=np.float32)
    if channels == 4:
        data[..., 3] = np.linspace(0.2, 1.0, 9, dtype=np.float32)
        data[..., :3] *= data[..., 3:]
    return data


@pytest.mark.parametrize(("ext", "channels"), [("tga", 4), ("tga", 3), ("tga", 1), ("bmp", 3), ("bmp", 1), ("webp", 4)])
def test_lossless_write_reads_back_in_pillow(tmp_path: Path, rng, ext: str, channels: int) -> None:
    data = _premultiplied(rng, channels)
    path = tmp_path / f"out.{ext}"
    vfx_rs.write(path, vfx_rs.Image(data), **({"lossless": True} if ext == "webp" else {}))
    pil = np.asarray(PILImage.open(path)).astype(np.float64) / 255.0
    pil = pil.reshape(*pil.shape[:2], -1)
    expected = data.astype(np.float64)
    if channels == 4:  # the file holds straight colour
        expected[..., :3] /= expected[..., 3:]
    np.testing.assert_allclose(pil[..., : expected.shape[2]], expected, atol=ATOL_8BIT)
    back = vfx_rs.read(path)
    assert back.format == "u8"
    np.testing.assert_allclose(back.pixels[..., :channels], data, atol=2 * ATOL_8BIT)


@pytest.mark.parametrize(
    ("ext", "mode", "channels"), [("tga", "RGBA", 4), ("bmp", "P", 3), ("gif", "P", 3), ("webp", "RGB", 3)]
)
def test_files_pillow_wrote_read_as_pillow_decodes_them(
    tmp_path: Path, rng, ext: str, mode: str, channels: int
) -> None:
    codes = (rng.random((5, 8, 4)) * 255).astype(np.uint8)
    pil = PILImage.fromarray(codes, "RGBA").convert(mode) if mode != "RGBA" else PILImage.fromarray(codes, "RGBA")
    path = tmp_path / f"theirs.{ext}"
    pil.save(path, **({"lossless": True} if ext == "webp" else {}))
    reference = np.asarray(PILImage.open(path).convert("RGBA" if channels == 4 else "RGB")).astype(np.float32) / 255
    ours = vfx_rs.read(path)
    assert ours.channels == channels
    if channels == 4:
        reference[..., :3] *= reference[..., 3:]
    np.testing.assert_allclose(ours.pixels, reference, atol=1e-6)


def test_animated_gif_frames_by_index(tmp_path: Path) -> None:
    frames = [PILImage.new("RGB", (4, 3), (v, 0, 255 - v)) for v in (0, 128, 255)]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    assert vfx_rs.read(path).metadata["frames"] == 3
    np.testing.assert_allclose(vfx_rs.read(path, frame=2).pixels[0, 0], (1.0, 0.0, 0.0), atol=1e-6)
    with pytest.raises(vfx_rs.ArgumentError, match="frame 3 out of range; the file has 3"):
        vfx_rs.read(path, frame=3)


def test_formats_without_alpha_refuse_it_and_gif_is_lossy_rgb(tmp_path: Path, rng) -> None:
    for ext in ("bmp", "gif"):
        with pytest.raises(vfx_rs.ArgumentError, match="holds grey or RGB; the image has 4 channels"):
            vfx_rs.write(tmp_path / f"a.{ext}", vfx_rs.Image(_premultiplied(rng, 4)))
        assert not (tmp_path / f"a.{ext}").exists()
    flat = np.full((4, 4, 3), (0.2, 0.6, 1.0), np.float32)
    vfx_rs.write(tmp_path / "flat.gif", vfx_rs.Image(flat))
    np.testing.assert_allclose(vfx_rs.read(tmp_path / "flat.gif").pixels, flat, atol=ATOL_8BIT)


def test_damaged_truncated_and_oversized_files_raise_format_errors(tmp_path: Path, rng, monkeypatch) -> None:
    vfx_rs.write(tmp_path / "ok.bmp", vfx_rs.Image(_premultiplied(rng, 3)))
    data = (tmp_path / "ok.bmp").read_bytes()
    (tmp_path / "cut.bmp").write_bytes(data[:40])
    with pytest.raises(vfx_rs.FormatError, match=r"cut\.bmp.*BMP"):
        vfx_rs.read(tmp_path / "cut.bmp")
    (tmp_path / "riff.webp").write_bytes(b"RIFF\x10\x00\x00\x00WAVEfmt ")
    with pytest.raises(vfx_rs.FormatError, match="not WebP"):
        vfx_rs.read(tmp_path / "riff.webp")
    monkeypatch.setattr(LIMITS, "max_dimension", 8)
    with pytest.raises(vfx_rs.FormatError, match=r"ok\.bmp: .*(larger|exceeds|limit)"):
        vfx_rs.read(tmp_path / "ok.bmp")


def test_bmp_header_claiming_a_huge_image_is_refused_before_decoding(tmp_path: Path) -> None:
    import struct

    header = b"BM" + struct.pack("<IHHI", 0, 0, 0, 54)
    info = struct.pack("<IiiHHIIiiII", 40, 60000, 60000, 1, 24, 0, 0, 2835, 2835, 0, 0)
    (tmp_path / "bomb.bmp").write_bytes(header + info + b"\x00" * 64)
    with pytest.raises(vfx_rs.FormatError, match=r"bomb\.bmp: .*(larger|exceeds|limit)"):
        vfx_rs.read(tmp_path / "bomb.bmp")


def test_webp_quality_is_checked(tmp_path: Path) -> None:
    with pytest.raises(vfx_rs.ArgumentError, match="quality must be an integer from 0 to 100"):
        vfx_rs.write(tmp_path / "q.webp", vfx_rs.Image(np.zeros((2, 2, 3), np.float32)), quality=101)


@pytest.mark.parametrize(
    ("ext", "mode", "options"),
    [
        ("bmp", "RGB", {}),
        ("tga", "RGBA", {}),
        ("gif", "P", {}),
        ("webp", "RGB", {"quality": 80}),  # VP8 (lossy)
        ("webp", "RGB", {"lossless": True}),  # VP8L
        ("webp", "RGBA", {"quality": 80}),  # VP8X (alpha)
    ],
)
def test_header_sizes_agree_with_pillow(tmp_path: Path, ext: str, mode: str, options: dict) -> None:
    from vfx_rs.io.headers import raster_size

    path = tmp_path / f"s.{ext}"
    PILImage.new(mode, (1234, 567)).save(path, **options)
    assert raster_size(ext, path.read_bytes()[:32], str(path)) == PILImage.open(path).size
