"""JPEG (8-bit grey or RGB) through imagecodecs (libjpeg-turbo)."""

from __future__ import annotations

from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfx_rs.io.integer import decode_file, encode_integers, image_from_codes

__all__ = ["WRITE_OPTIONS", "read", "write"]

WRITE_OPTIONS = {"jpeg": frozenset({"quality"})}


def read(path: str) -> Image:
    """Read a JPEG file as 8-bit grey or RGB."""
    import imagecodecs

    return image_from_codes(decode_file(path, imagecodecs.jpeg8_decode, "JPEG"), path)


def write(path: str, image: Image, fmt: str = "jpeg", quality: int = 95) -> None:
    """Write grey or RGB as 8-bit JPEG at `quality` (1-100).

    JPEG has no alpha: an RGBA (or grey+alpha) image is written as its RGB
    (or grey) channels and the alpha channel is dropped, as vfx-rs and
    OpenImageIO do. Other channel counts raise `ArgumentError`.
    """
    import imagecodecs

    if not isinstance(quality, int) or not 1 <= quality <= 100:
        raise ArgumentError(f"JPEG quality must be an integer from 1 to 100, not {quality!r}")
    kept = {1: 1, 2: 1, 3: 3, 4: 3}.get(image.channels)
    if kept is None:
        raise ArgumentError(f"JPEG holds grey or RGB; the image has {image.channels} channels {image.channel_names}")
    codes = encode_integers(image.numpy()[..., :kept], 8)
    if kept == 1:
        codes = codes[:, :, 0]
    with open(path, "wb") as handle:
        handle.write(imagecodecs.jpeg8_encode(codes, level=quality))
