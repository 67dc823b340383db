"""PNG, 8 and 16 bit, grey, grey+alpha, RGB and RGBA, through imagecodecs (libpng).

Pillow, imageio's PNG plugin, reads 16-bit RGB PNG files as 8 bit; imagecodecs
keeps all 16 bits, so PNG goes through it. PNG stores unassociated alpha
(PNG specification, section 12.8); `vfx_rs` images are premultiplied, as
OpenImageIO's are, so colour is multiplied by alpha on read and divided by
it on write.
"""

from __future__ import annotations

from vfx_rs.errors import ArgumentError, FormatError
from vfx_rs.image import Image
from vfx_rs.io.integer import (
    associate_alpha,
    check_bit_depth,
    decode_file,
    encode_integers,
    image_from_codes,
    unassociate_alpha,
)
from vfx_rs.io.limits import check_size

__all__ = ["WRITE_OPTIONS", "default_bit_depth", "read", "write"]

WRITE_OPTIONS = {"png": frozenset({"bit_depth"})}


def _png_size(head: bytes, path: str) -> tuple[int, int, int]:
    """Width, height and channel count from the IHDR chunk (PNG spec, section 11.2.2)."""
    if len(head) < 33 or head[12:16] != b"IHDR":
        raise FormatError("PNG file lacks an IHDR chunk", path=path)
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    channels = {0: 1, 2: 3, 3: 3, 4: 2, 6: 4}.get(head[25])
    if channels is None:
        raise FormatError(f"PNG file has unknown colour type {head[25]}", path=path)
    return width, height, channels


def read(path: str) -> Image:
    """Read a PNG file; 8-bit files give format "u8", 16-bit files "u16"."""
    import imagecodecs

    with open(path, "rb") as handle:
        check_size(*_png_size(handle.read(33), path), path)
    codes = decode_file(path, imagecodecs.png_decode, "PNG")
    image = image_from_codes(
        codes, path, {"alpha": "associated"} if codes.ndim == 3 and codes.shape[2] in (2, 4) else None
    )
    if image.channels in (2, 4):
        associate_alpha(image._data)
    return image


def default_bit_depth(image: Image) -> int:
    """The bit depth `write` uses when none is given: 8 for 8-bit sources, 16 otherwise."""
    return 8 if image.format == "u8" else 16


def write(path: str, image: Image, fmt: str = "png", bit_depth: int | None = None) -> None:
    """Write 1-4 channels as 8- or 16-bit PNG (16 by default for float and 16-bit images)."""
    import imagecodecs

    if image.channels > 4:
        raise ArgumentError(f"PNG holds 1 to 4 channels, the image has {image.channels}")
    bits = check_bit_depth(bit_depth, (8, 16), default_bit_depth(image), "PNG")
    data = image.numpy()
    if image.channels in (2, 4):
        unassociate_alpha(data)
    codes = encode_integers(data, bits)
    if image.channels == 1:
        codes = codes[:, :, 0]
    with open(path, "wb") as handle:
        handle.write(imagecodecs.png_encode(codes))
