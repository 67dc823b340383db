"""Reading and writing images: `read`, `write`, layers, and the format registry.

Formats are chosen by magic bytes, then by extension (`vfx_rs.io.registry`).
Every failure is a `vfx_rs.IoError` (the file system) or `vfx_rs.FormatError`
(the data), naming the file. Every write is atomic (`vfx_rs.io.atomic`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import numpy as np

from vfx_rs._files import check_path, open_regular
from vfx_rs.errors import ArgumentError, FormatError, IoError, VfxError
from vfx_rs.image import Image, LayeredImage
from vfx_rs.io.atomic import atomic_output
from vfx_rs.io.cinema_dng import CinemaDng, is_cinema_dng, open_cinema_dng, read_cinema_dng_frame
from vfx_rs.io.decoder_errors import decoder_reason
from vfx_rs.io.limits import LIMITS, ReadLimits
from vfx_rs.io.per_format import (
    read_dpx,
    read_exr,
    read_hdr,
    read_jpeg,
    read_png,
    read_tiff,
    write_dpx,
    write_exr,
    write_hdr,
    write_jpeg,
    write_png,
    write_tiff,
)
from vfx_rs.io.registry import FORMATS, MAGIC_LENGTH, FileFormat, format_for_extension, format_for_magic

__all__ = [
    "FORMATS",
    "LIMITS",
    "CinemaDng",
    "FileFormat",
    "ReadLimits",
    "detect_format",
    "is_cinema_dng",
    "open_cinema_dng",
    "read",
    "read_cinema_dng_frame",
    "read_dpx",
    "read_exr",
    "read_hdr",
    "read_jpeg",
    "read_layer",
    "read_layered",
    "read_png",
    "read_tiff",
    "write",
    "write_dpx",
    "write_exr",
    "write_hdr",
    "write_jpeg",
    "write_layers",
    "write_png",
    "write_tiff",
]

PathLike = str | os.PathLike[str]


def _attach_path(exc: VfxError, path: str) -> VfxError:
    """The same error naming `path`, if it named no file yet."""
    if exc.path is not None:
        return exc
    return type(exc)(exc.message, path=path, line=exc.line)


def detect_format(path: PathLike) -> FileFormat:
    """The format of an existing file: by magic bytes, else by extension.

    Raises `IoError` if the file cannot be opened and `FormatError` if the
    format is unknown.
    """
    name = check_path(path, "image")
    with open_regular(name, "an image file") as handle:
        try:
            head = handle.read(MAGIC_LENGTH)
        except OSError as exc:
            raise IoError(f"cannot read: {exc.strerror or exc}", path=name) from exc
    fmt = format_for_magic(head, os.path.splitext(name)[1])
    if fmt is not None:
        return fmt
    if not head:
        raise FormatError("file is empty", path=name)
    return format_for_extension(os.path.splitext(name)[1], name)


def _call_reader(path: str, function: str, *args: Any, **options: Any) -> Any:
    fmt = detect_format(path)
    module = fmt.load()
    reader = getattr(module, function, None)
    if reader is None:
        raise FormatError(f"{fmt.name} files have no layers; use vfx_rs.read", path=path)
    try:
        return reader(path, *args, **options)
    except VfxError as exc:
        raise _attach_path(exc, path) from exc
    except TypeError as exc:
        if "unexpected keyword" in str(exc):
            raise ArgumentError(f"{fmt.name} reader: {exc}", path=path) from exc
        raise FormatError(f"cannot read {fmt.name} file: {decoder_reason(exc)}", path=path) from exc
    except OSError as exc:
        raise IoError(f"cannot read {fmt.name} file: {exc.strerror or exc}", path=path) from exc
    except MemoryError as exc:
        raise FormatError(f"{fmt.name} file asks for more memory than is available", path=path) from exc
    except Exception as exc:
        raise FormatError(f"cannot read {fmt.name} file: {decoder_reason(exc)}", path=path) from exc


def read(path: PathLike, **options: Any) -> Image:
    """Read an image file.

    The format comes from the file's magic bytes, then its extension. EXR
    files give their first part's RGBA (or all) channels; see `read_layer`
    and `read_layered` for the rest.

    Parameters
    ----------
    path
        The file to read.
    **options
        Format-specific options (EXR: ``part=`` index or name; TIFF:
        ``raw_color=True`` keeps CMYK inks and decodes LogLuv/LogL to float
        XYZ/Y; JPEG: ``hdr=False`` gives an Ultra HDR file's SDR base,
        ``raw_color=True`` keeps CMYK inks).

    Raises
    ------
    IoError
        The file is missing or unreadable.
    FormatError
        The format is unknown or the data is damaged, truncated or too large.
    """
    return _call_reader(check_path(path, "image"), "read", **options)


def read_layered(path: PathLike) -> LayeredImage:
    """Read every layer of a file as a `LayeredImage`.

    EXR layers come from channel name prefixes (``diffuse.R``) and from the
    parts of a multi-part file; a file without layers gives one layer named
    ``beauty``.
    """
    name = check_path(path, "image")
    if detect_format(name).name != "exr":
        return LayeredImage({"beauty": read(name)})
    return _call_reader(name, "read_layered")


def read_layer(path: PathLike, name: str) -> Image:
    """Read one layer of a file by name (see `read_layered` for the names)."""
    path = check_path(path, "image")
    if detect_format(path).name != "exr":
        return read_layered(path)[name]
    return _call_reader(path, "read_layer", name)


def _as_image(image: Image | np.ndarray) -> Image:
    if isinstance(image, Image):
        return image
    if isinstance(image, np.ndarray):
        return Image(image)
    raise ArgumentError(f"expected a vfx_rs.Image or numpy.ndarray, not {type(image).__name__}")


def _call_writer(path: PathLike, function: str, payload: Any, options: Mapping[str, Any]) -> None:
    target = check_path(path, "image")
    fmt = format_for_extension(os.path.splitext(target)[1], target)
    module = fmt.load()
    writer = getattr(module, function, None)
    if writer is None and function == "write":
        raise FormatError(f"{fmt.name} files are read here, not written", path=target)
    if writer is None:
        raise FormatError(f"{fmt.name} files cannot hold layers; write an .exr", path=target)
    unknown = sorted(set(options) - set(module.WRITE_OPTIONS.get(fmt.name, ())))
    if unknown:
        allowed = ", ".join(sorted(module.WRITE_OPTIONS.get(fmt.name, ()))) or "none"
        raise ArgumentError(f"unknown {fmt.name} write option(s) {', '.join(unknown)}; allowed: {allowed}", path=target)
    try:
        with atomic_output(target) as tmp:
            writer(tmp, payload, fmt=fmt.name, **options)
    except VfxError as exc:
        raise _attach_path(exc, target) from exc
    except MemoryError as exc:
        raise IoError(f"out of memory while writing {fmt.name}", path=target) from exc
    except Exception as exc:
        raise FormatError(f"cannot write {fmt.name} file: {exc}", path=target) from exc


def write(path: PathLike, image: Image | np.ndarray, **options: Any) -> None:
    """Write an image; the format comes from the extension.

    The write is atomic: the target is either its old content or the complete
    new file, never a partial one.

    Parameters
    ----------
    path
        Target file; its extension picks the format.
    image
        A `vfx_rs.Image` or an ``(H, W[, C])`` array.
    **options
        EXR: ``compression=`` ("none", "rle", "zips", "zip", "piz", "pxr24",
        "b44", "b44a", "dwaa", "dwab"), ``pixel_type=`` ("half", "float").
        PNG, TIFF, DPX: ``bit_depth=``. TIFF: ``compression=``, ``planar=``,
        ``tile=``. JPEG: ``quality=`` (1-100).
    """
    _call_writer(path, "write", _as_image(image), options)


def write_layers(path: PathLike, layered: LayeredImage | Mapping[str, Image], **options: Any) -> None:
    """Write a multi-layer EXR file.

    Parameters
    ----------
    path
        Target ``.exr`` file.
    layered
        A `LayeredImage` or a mapping of layer name to `Image`.
    **options
        ``multipart=`` (False: one part with ``layer.channel`` names, the
        layer called ``beauty`` unprefixed; True: one part per layer), plus
        the EXR options of `write`.
    """
    if not isinstance(layered, LayeredImage):
        layered = LayeredImage(dict(layered))
    if len(layered) == 0:
        raise ArgumentError("write_layers needs at least one layer", path=os.fspath(path))
    _call_writer(path, "write_layers", layered, options)
