"""TGA, BMP, WebP and GIF through imageio's Pillow plugin, 8 bits per channel.

Pillow decodes every variant of these formats to 8-bit grey, RGB or RGBA (palettes expanded, 16-bit
5-5-5 TGA/BMP widened to 8 bits, GIF and WebP frames by index); the header is read first and its size
checked against `vfx_rs.io.LIMITS` before any pixel is decoded. As for PNG, the files store
unassociated alpha (Truevision TGA 2.0, WebP container specification "ALPH"), so colour is
premultiplied on read and divided by alpha on write.

Writing: TGA (``rle=``), BMP (grey or RGB: Pillow reads a 32-bit BMP's alpha back as padding, so RGBA
is refused rather than lost), WebP (``quality=``, ``lossless=``; lossless keeps the colour under zero
alpha) and GIF (grey or RGB, one frame, colours reduced to a 256-entry adaptive palette by Pillow: lossy;
GIF's 1-bit transparency cannot hold an alpha channel, so RGBA is refused).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError, FormatError
from vfx_rs.image import Image
from vfx_rs.io.decoder_errors import decoder_reason
from vfx_rs.io.headers import raster_size
from vfx_rs.io.integer import associate_alpha, encode_integers, image_from_codes, unassociate_alpha
from vfx_rs.io.limits import check_size

__all__ = ["EXTENSIONS", "WRITE_OPTIONS", "default_bit_depth", "read", "write"]

EXTENSIONS = {"tga": ".tga", "bmp": ".bmp", "webp": ".webp", "gif": ".gif"}
"""The extension imageio is told for each format (the temporary file of an atomic write has its own name)."""

WRITE_OPTIONS = {
    "tga": frozenset({"rle"}),
    "bmp": frozenset(),
    "webp": frozenset({"quality", "lossless"}),
    "gif": frozenset(),
}

_NAMES = {"tga": "TGA", "bmp": "BMP", "webp": "WebP", "gif": "GIF"}


def default_bit_depth(image: Image) -> int:
    """Every format here is written at 8 bits per channel."""
    return 8


def read(path: str, fmt: str | None = None, frame: int = 0) -> Image:
    """Read one frame (the first by default) as 8-bit grey, RGB or RGBA.

    Parameters
    ----------
    path
        A TGA, BMP, WebP or GIF file.
    frame
        Frame index of an animated GIF or WebP.
    """
    import imageio.v3 as iio

    if fmt is None:
        from vfx_rs.io import detect_format

        fmt = detect_format(path).name
    with open(path, "rb") as handle:
        head = handle.read(32)
    if fmt == "webp" and head[8:12] != b"WEBP":
        raise FormatError("a RIFF file that is not WebP (no WEBP form type)", path=path)
    check_size(*raster_size(fmt, head, path), 4, path)
    if isinstance(frame, bool) or not isinstance(frame, int) or frame < 0:
        raise ArgumentError(f"frame must be a frame index (0 or more), not {frame!r}", path=path)
    try:
        with iio.imopen(path, "r", plugin="pillow", extension=EXTENSIONS[fmt]) as handle:
            frames = handle.properties().n_images or 1
            if frame >= frames:
                raise ArgumentError(f"frame {frame} out of range; the file has {frames} frame(s)", path=path)
            shape = handle.properties(index=frame).shape
            check_size(shape[1], shape[0], shape[2] if len(shape) > 2 else 1, path)
            codes = np.asarray(handle.read(index=frame))
    except (ArgumentError, FormatError):
        raise
    except Exception as exc:  # Pillow's errors for damaged data are plain OSError/ValueError/SyntaxError
        raise FormatError(f"damaged {_NAMES[fmt]} data: {decoder_reason(exc)}", path=path) from exc
    if codes.dtype != np.uint8:
        raise FormatError(f"{_NAMES[fmt]} decoded to {codes.dtype}, expected 8-bit samples", path=path)
    image = image_from_codes(codes, path, {"frames": frames} if frames > 1 else None)
    if image.channels in (2, 4):
        associate_alpha(image._data)
        image.metadata["alpha"] = "associated"
    return image


def write(path: str, image: Image, fmt: str = "tga", **options: Any) -> None:
    """Write 8-bit grey, RGB or RGBA (see the module docstring for each format's options and limits)."""
    import imageio.v3 as iio

    name = _NAMES[fmt]
    holds = (1, 3) if fmt in ("bmp", "gif") else (1, 2, 3, 4)
    if image.channels not in holds:
        kinds = "grey or RGB" if fmt in ("bmp", "gif") else "grey, grey+alpha, RGB or RGBA"
        raise ArgumentError(f"{name} holds {kinds}; the image has {image.channels} channels {image.channel_names}")
    data = image.numpy()
    if image.channels in (2, 4):
        unassociate_alpha(data)
    codes = encode_integers(data, 8)
    if image.channels == 1:
        codes = codes[:, :, 0]
    kwargs: dict[str, Any] = {}
    if fmt == "tga":
        kwargs["compression"] = "tga_rle" if options.get("rle") else None
    elif fmt == "webp":
        lossless, quality = bool(options.get("lossless", False)), options.get("quality", 90)
        if isinstance(quality, bool) or not isinstance(quality, int) or not 0 <= quality <= 100:
            raise ArgumentError(f"WebP quality must be an integer from 0 to 100, not {quality!r}")
        kwargs.update(lossless=lossless, quality=quality, exact=lossless)
    iio.imwrite(path, codes, plugin="pillow", extension=EXTENSIONS[fmt], **kwargs)
