"""The vfx-rs-py ``io`` functions: one reader and one writer per format, with that format's options.

``read_exr(path)`` reads only an OpenEXR file (a PNG under that name is a
`FormatError`); ``write_dpx(path, img, bit_depth=BitDepth.Bit10)`` writes
only to a ``.dpx`` path. Both go through `vfx_rs.io.read` and `write`, so
the same limits, checks and atomic writes apply.
"""

from __future__ import annotations

import os
from typing import Any

from vfx_rs.errors import ArgumentError, FormatError
from vfx_rs.image import Image
from vfx_rs.io.registry import format_for_extension

__all__ = [
    "read_dpx",
    "read_exr",
    "read_hdr",
    "read_jpeg",
    "read_png",
    "read_tiff",
    "write_dpx",
    "write_exr",
    "write_hdr",
    "write_jpeg",
    "write_png",
    "write_tiff",
]

_EXR_COMPRESSIONS = ("none", "rle", "zip", "piz", "dwaa", "dwab")
_PNG_LEVELS = {"fast": 0, "default": 1, "best": 2, "0": 0, "1": 1, "2": 2}


def _read(path: str | os.PathLike[str], name: str, label: str) -> Image:
    from vfx_rs.io import detect_format, read

    found = detect_format(path).name
    if found != name:
        raise FormatError(f"not a {label} file (it holds {found})", path=os.fspath(path))
    return read(path)


def _write(path: str | os.PathLike[str], image: Image, name: str, label: str, **options: Any) -> None:
    from vfx_rs.io import write

    target = os.fspath(path)
    ext = os.path.splitext(target)[1]
    if format_for_extension(ext, target).name != name:
        raise ArgumentError(f"write_{name} writes {label} files; the path ends in {ext!r}", path=target)
    write(target, image, **options)


def _bits(value: Any, allowed: tuple[int, ...], default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or int(value) not in allowed:
        raise ArgumentError(f"bit_depth must be a BitDepth or one of {allowed}, not {value!r}")
    return int(value)


def read_exr(path: str | os.PathLike[str]) -> Image:
    """Read an OpenEXR file (its first part; `vfx_rs.read_layered` for all layers)."""
    return _read(path, "exr", "OpenEXR")


def write_exr(
    path: str | os.PathLike[str], image: Image, compression: str | None = None, use_half: bool = False
) -> None:
    """Write OpenEXR: `compression` none, rle, zip (default), piz, dwaa, dwab; `use_half` for 16-bit floats."""
    method = "zip" if compression is None else str(compression).lower()
    if method not in _EXR_COMPRESSIONS:
        raise ArgumentError(f"unknown EXR compression {compression!r}; use one of: {', '.join(_EXR_COMPRESSIONS)}")
    _write(path, image, "exr", "OpenEXR", compression=method, pixel_type="half" if use_half else "float")


def read_png(path: str | os.PathLike[str]) -> Image:
    """Read a PNG file."""
    return _read(path, "png", "PNG")


def write_png(path: str | os.PathLike[str], image: Image, compression: Any = None, bit_depth: Any = None) -> None:
    """Write PNG at 8 (default) or 16 bits.

    `compression` (``"fast"``, ``"default"``, ``"best"`` or 0-2) is checked
    and accepted for compatibility; PNG is lossless, so it would change only
    the file size, and files are written at zlib's default level.
    """
    if compression is not None and str(compression).lower() not in _PNG_LEVELS:
        raise ArgumentError(f"unknown PNG compression {compression!r}; use fast, default or best (or 0-2)")
    _write(path, image, "png", "PNG", bit_depth=_bits(bit_depth, (8, 16), 8))


def read_jpeg(path: str | os.PathLike[str]) -> Image:
    """Read a JPEG file."""
    return _read(path, "jpeg", "JPEG")


def write_jpeg(path: str | os.PathLike[str], image: Image, quality: int = 90) -> None:
    """Write 8-bit JPEG at `quality` 1-100 (alpha dropped)."""
    _write(path, image, "jpeg", "JPEG", quality=int(quality))


def read_dpx(path: str | os.PathLike[str]) -> Image:
    """Read a DPX file."""
    return _read(path, "dpx", "DPX")


def write_dpx(path: str | os.PathLike[str], image: Image, bit_depth: Any = None) -> None:
    """Write DPX at `bit_depth` 8, 10 (default), 12 or 16 (a `vfx_rs.BitDepth` or an int)."""
    _write(path, image, "dpx", "DPX", bit_depth=_bits(bit_depth, (8, 10, 12, 16), 10))


def read_tiff(path: str | os.PathLike[str]) -> Image:
    """Read a TIFF file."""
    return _read(path, "tiff", "TIFF")


def write_tiff(path: str | os.PathLike[str], image: Image) -> None:
    """Write TIFF (float images as 32-bit float, integer images at their depth)."""
    _write(path, image, "tiff", "TIFF")


def read_hdr(path: str | os.PathLike[str]) -> Image:
    """Read a Radiance HDR (RGBE) file."""
    return _read(path, "hdr", "Radiance HDR")


def write_hdr(path: str | os.PathLike[str], image: Image) -> None:
    """Write Radiance HDR (RGB; an alpha channel is dropped)."""
    _write(path, image, "hdr", "Radiance HDR")
