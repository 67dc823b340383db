"""TIFF, 8/16-bit integer and 32-bit float, 1-4 channels (and more), through tifffile.

Alpha is written as associated (premultiplied, TIFF 6.0 ExtraSamples = 1), as
`vfx_rs` images are; files with unassociated alpha (ExtraSamples = 2) are
premultiplied on read, as OpenImageIO does.
"""

from __future__ import annotations

import numpy as np

from vfx_rs.errors import FormatError
from vfx_rs.image import Image
from vfx_rs.io.integer import associate_alpha, check_bit_depth, decode_integers, encode_integers
from vfx_rs.io.limits import check_size

__all__ = ["WRITE_OPTIONS", "default_bit_depth", "read", "write"]

WRITE_OPTIONS = {"tiff": frozenset({"bit_depth", "compression"})}

_FORMATS = {np.dtype(np.uint8): ("u8", 8), np.dtype(np.uint16): ("u16", 16)}


def read(path: str) -> Image:
    """Read the first page of a TIFF file (strips or tiles, any compression tifffile decodes)."""
    import tifffile

    try:
        with tifffile.TiffFile(path) as tif:
            page = tif.pages.first
            shape = page.shape
            samples = shape[2] if len(shape) == 3 else 1
            check_size(int(page.imagewidth), int(page.imagelength), samples, path)
            data = page.asarray()
            unassociated = 2 in tuple(page.extrasamples or ())
    except FormatError:
        raise
    except Exception as exc:
        raise FormatError(f"damaged or unsupported TIFF data: {exc}", path=path) from exc
    if data.ndim == 2:
        data = data[:, :, np.newaxis]
    if data.ndim != 3:
        raise FormatError(f"TIFF page has shape {data.shape}; expected a 2D image", path=path)
    if data.dtype in _FORMATS:
        fmt, bits = _FORMATS[data.dtype]
        pixels = decode_integers(data, bits)
    elif data.dtype.kind == "f":
        fmt, bits, pixels = ("f16" if data.dtype == np.float16 else "f32"), 8 * data.dtype.itemsize, data
    else:
        raise FormatError(f"TIFF sample type {data.dtype} is not supported", path=path)
    pixels = np.array(pixels, np.float32)
    if unassociated and pixels.shape[2] in (2, 4):
        associate_alpha(pixels)
    return Image._adopt(pixels, None, fmt, {"bit_depth": bits})


def default_bit_depth(image: Image) -> int:
    """The bit depth `write` uses when none is given: the source's 8 or 16, else 32-bit float."""
    return {"u8": 8, "u16": 16}.get(image.format, 32)


def write(path: str, image: Image, fmt: str = "tiff", bit_depth: int | None = None, compression: str = "zlib") -> None:
    """Write as 8/16-bit integer or 32-bit float TIFF (float by default for float images), zlib-compressed."""
    import tifffile

    bits = check_bit_depth(bit_depth, (8, 16, 32), default_bit_depth(image), "TIFF")
    data = image.numpy() if bits == 32 else encode_integers(image.numpy(), bits)
    photometric = "rgb" if image.channels >= 3 else "minisblack"
    extra = max(0, image.channels - 3) if photometric == "rgb" else image.channels - 1
    tifffile.imwrite(
        path,
        data if image.channels > 1 else data[:, :, 0],
        photometric=photometric,
        extrasamples=["assocalpha"] + ["unspecified"] * (extra - 1) if extra else None,
        compression=None if compression == "none" else compression,
    )
