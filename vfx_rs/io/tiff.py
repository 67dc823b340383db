"""TIFF through tifffile and libtiff (imagecodecs), read as OpenImageIO reads it.

Reading gives ``(H, W, C)`` float32 whatever the file's layout: contiguous or
planar (PlanarConfiguration 2), strips or tiles, every compression tifffile
or libtiff decodes. Samples are normalised by their own maximum at every
depth from 1 to 32 bits (`vfx_rs.io.tiff_samples`), signed integers by
``2**(bits-1) - 1`` as OpenImageIO does; float files (16, 24, 32 bit) keep
their values, 64-bit ones are rounded to float32. Only the first page is
read. The photometric conversions follow OpenImageIO
3.2 (``src/tiff.imageio/tiffinput.cpp``) and are named in
``metadata["tiff:conversion"]``:

- palette colour to RGB from the ColorMap;
- CMYK to RGB, ``(1 - C)(1 - K)``; ``read(path, raw_color=True)`` keeps C, M, Y, K;
- min-is-white inverted at every integer depth (TIFF 6.0, section 3;
  OpenImageIO 3.2 inverts only files of 8 bits or fewer, so deeper
  min-is-white files read as ``1 - OpenImageIO``); float min-is-white is refused;
- YCbCr (chroma subsampled or not), CIELAB and old-style JPEG files go through
  libtiff's RGBA interface to 8-bit RGB(A), OpenImageIO's path, so they are
  code-for-code the same; JPEG-compressed YCbCr is decoded by tifffile and
  libjpeg-turbo, which matches OpenImageIO where imagecodecs' RGBA interface
  differs on the last row of a partial last strip;
- SGI LogLuv (24 and 32 bit) and LogL: 8-bit RGB by default, as OpenImageIO
  gives (libtiff's ``sqrt`` tone curve, values clipped at 1); with
  ``raw_color=True``, the HDR values as float CIE XYZ (LogLuv) or Y (LogL).

Unassociated alpha (ExtraSamples = 2) is premultiplied on read, as OpenImageIO
does. Writing (`vfx_rs.io.tiff_write`) keeps 8/16-bit integer and 32-bit float.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vfx_rs.errors import FormatError
from vfx_rs.image import Image
from vfx_rs.io.cmyk import cmyk_to_rgb
from vfx_rs.io.decoder_errors import decoder_reason
from vfx_rs.io.integer import associate_alpha
from vfx_rs.io.limits import check_size
from vfx_rs.io.tiff_samples import (
    container_format,
    integer_to_float,
    invert_min_is_white,
    logl16_to_luminance,
    palette_to_rgb,
)
from vfx_rs.io.tiff_write import WRITE_OPTIONS, default_bit_depth, tag_metadata, write

__all__ = ["WRITE_OPTIONS", "default_bit_depth", "read", "write"]

_MINISWHITE, _PALETTE, _SEPARATED, _YCBCR = 0, 3, 5, 6
_NONSPECTRAL = {6: "YCbCr", 8: "CIELAB", 9: "ICCLAB", 10: "ITULAB", 32844: "LogL", 32845: "LogLuv"}
_LOG_ENCODINGS = (32844, 32845)
_OJPEG, _JPEG = 6, 7  # old-style (pre-6.0) and new-style JPEG compression


class _Page:
    """The tags of one TIFF page that decide how its samples become pixels."""

    def __init__(self, page: Any) -> None:
        self.width, self.height = int(page.imagewidth), int(page.imagelength)
        self.samples = int(page.samplesperpixel)
        self.bits = int(page.bitspersample)
        self.sample_format = int(page.sampleformat)
        self.photometric = int(page.photometric)
        self.compression = int(page.compression)
        self.planar = int(page.planarconfig)
        self.extras = tuple(int(e) for e in (page.extrasamples or ()))
        self.colormap = page.colormap
        self.depth = int(page.imagedepth)
        inkset = page.tags.get("InkSet")
        self.inkset = int(inkset.value) if inkset is not None else 1
        names = page.tags.get("InkNames")
        self.ink_names = [n for n in str(names.value).split("\0") if n] if names is not None else []
        self.tag_metadata = tag_metadata(page.tags)

    def metadata(self) -> dict[str, Any]:
        return {
            "bit_depth": self.bits,
            "tiff:photometric": self.photometric,
            "tiff:compression": self.compression,
            "tiff:planar_config": "separate" if self.planar == 2 else "contig",
            **self.tag_metadata,
        }


def _interleaved(page: Any, info: _Page, path: str) -> np.ndarray:
    """The page's samples as ``(H, W, S)``, planar files moved to contiguous order."""
    data = np.asarray(page.asarray())
    axes = str(page.axes)
    if info.depth != 1 or axes not in ("YX", "YXS", "SYX"):
        raise FormatError(f"TIFF page with axes {axes} (image depth {info.depth}) is not a 2D image", path=path)
    if axes == "YX":
        data = data[:, :, np.newaxis]
    elif axes == "SYX":
        data = np.moveaxis(data, 0, -1)
    if data.dtype == np.bool_:
        data = data.view(np.uint8)
    return data


def _to_float(data: np.ndarray, info: _Page, path: str) -> tuple[np.ndarray, str]:
    """Samples to float32 and the pixel format recorded for them."""
    if data.dtype.kind == "f":
        fmt = "f16" if data.dtype == np.float16 else "f32"
        return np.asarray(data, np.float32), fmt
    if data.dtype.kind not in "ui":
        raise FormatError(f"TIFF sample type {data.dtype} is not supported", path=path)
    signed = data.dtype.kind == "i"
    return integer_to_float(data, info.bits, signed), ("f32" if signed else container_format(info.bits))


def _rgba_interface(blob: bytes, info: _Page, path: str) -> np.ndarray:
    """libtiff's TIFFReadRGBAImageOriented (through imagecodecs): 8-bit RGBA, top-left first."""
    import imagecodecs

    try:
        rgba = np.asarray(imagecodecs.tiff_decode(blob, asrgb=True))
    except Exception as exc:
        raise FormatError(f"libtiff cannot decode this TIFF as RGBA: {decoder_reason(exc)}", path=path) from exc
    if rgba.shape != (info.height, info.width, 4):
        raise FormatError(f"libtiff gave RGBA of shape {rgba.shape} for a {info.width}x{info.height} TIFF", path=path)
    return rgba[..., : min(info.samples, 4)].astype(np.float32) / np.float32(255.0)


def _log_hdr(blob: bytes, info: _Page, path: str) -> tuple[np.ndarray, list[str]]:
    """LogLuv as float XYZ, LogL as float Y, decoded by libtiff (SGILOGDATAFMT float for LogLuv, 16-bit for LogL)."""
    import imagecodecs

    try:
        raw = np.asarray(imagecodecs.tiff_decode(blob))
    except Exception as exc:
        raise FormatError(f"libtiff cannot decode this SGI Log TIFF: {decoder_reason(exc)}", path=path) from exc
    if info.photometric == 32844:
        if raw.dtype.kind not in "iu" or raw.shape != (info.height, info.width):
            raise FormatError(f"unexpected LogL samples {raw.dtype} {raw.shape}", path=path)
        return logl16_to_luminance(raw)[:, :, np.newaxis], ["Y"]
    if raw.dtype != np.float32 or raw.shape != (info.height, info.width, 3):
        raise FormatError(f"unexpected LogLuv samples {raw.dtype} {raw.shape}", path=path)
    return raw, ["X", "Y", "Z"]


def _read_libtiff(path: str, info: _Page, raw_color: bool) -> Image:
    """Files OpenImageIO hands to libtiff's RGBA interface (and LogLuv/LogL as float on request)."""
    with open(path, "rb") as handle:
        blob = handle.read()
    kind = _NONSPECTRAL.get(info.photometric, "old-style JPEG")
    meta = info.metadata()
    if raw_color and info.photometric in _LOG_ENCODINGS:
        pixels, names = _log_hdr(blob, info, path)
        meta["tiff:conversion"] = f"{kind} decoded to float {''.join(names)}"
        return Image._adopt(np.ascontiguousarray(pixels), names, "f32", meta)
    if raw_color:
        raise FormatError(f"raw_color is not supported for {kind} TIFF files (only CMYK and LogLuv/LogL)", path=path)
    pixels = _rgba_interface(blob, info, path)
    meta["bit_depth"] = 8
    meta["tiff:conversion"] = f"{kind} to 8-bit RGB (libtiff RGBA interface)" + (
        ", sqrt tone curve, clipped at 1" if info.photometric in _LOG_ENCODINGS else ""
    )
    return Image._adopt(np.ascontiguousarray(pixels), None, "u8", meta)


def _separated(pixels: np.ndarray, info: _Page, fmt: str, raw_color: bool) -> tuple[np.ndarray, list[str], str]:
    """Photometric 5: CMYK to RGB unless `raw_color`; other ink sets keep their inks."""
    if info.inkset == 1 and info.samples == 4:
        if raw_color:
            return pixels, ["C", "M", "Y", "K"], ""
        quantise = {"u8": 255, "u16": 65535}.get(fmt)
        return cmyk_to_rgb(pixels, quantise), ["R", "G", "B"], "CMYK to RGB: (1 - C)(1 - K)"
    names = info.ink_names[: info.samples]
    names += [f"ink{i}" for i in range(len(names), info.samples)]
    return pixels, names, ""


def _alpha_names(info: _Page, colour: int) -> tuple[list[str] | None, bool]:
    """Channel names when ExtraSamples marks an alpha, and whether that alpha is unassociated."""
    unassociated = False
    alpha = None
    for i, kind in enumerate(info.extras):
        if kind in (1, 2) and colour + i < info.samples and alpha is None:
            alpha, unassociated = colour + i, kind == 2
    if alpha is None and not info.extras:
        return None, False
    base = ["Y"] if colour == 1 else ["R", "G", "B"]
    names = base[:colour] + [f"C{c}" for c in range(colour, info.samples)]
    if alpha is not None:
        names[alpha] = "A"
    return names, unassociated


def read(path: str, raw_color: bool = False) -> Image:
    """Read the first page of a TIFF file.

    Parameters
    ----------
    path
        The file.
    raw_color
        Keep CMYK as C, M, Y, K instead of converting to RGB, and decode
        LogLuv/LogL to float XYZ/Y instead of OpenImageIO's 8-bit RGB
        (OpenImageIO's ``oiio:RawColor``).
    """
    import tifffile

    try:
        with tifffile.TiffFile(path) as tif:
            page = tif.pages.first
            info = _Page(page)
            check_size(info.width, info.height, max(info.samples, 3), path)
            libtiff = info.compression == _OJPEG or (
                info.photometric in _NONSPECTRAL and not (info.photometric == _YCBCR and info.compression == _JPEG)
            )
            data = None if libtiff else _interleaved(page, info, path)
    except FormatError:
        raise
    except Exception as exc:
        raise FormatError(f"damaged or unsupported TIFF data: {decoder_reason(exc)}", path=path) from exc
    if data is None:
        return _read_libtiff(path, info, raw_color)
    meta = info.metadata()
    if info.photometric == _PALETTE:
        meta["tiff:conversion"] = "palette to 8-bit RGB (ColorMap)"
        return Image._adopt(palette_to_rgb(data, info.colormap, info.bits, path), None, "u8", meta)
    pixels, fmt = _to_float(data, info, path)
    names: list[str] | None = None
    conversion = ""
    if info.photometric == _SEPARATED:
        if info.sample_format == 2:
            raise FormatError("CMYK TIFF with signed samples is not supported", path=path)
        pixels, names, conversion = _separated(pixels, info, fmt, raw_color)
    else:
        colour = 1 if info.photometric in (0, 1, 4) else 3
        names, unassociated = _alpha_names(info, colour)
        if info.photometric == _MINISWHITE:
            if data.dtype.kind == "f":
                raise FormatError("min-is-white TIFF with float samples is not supported", path=path)
            invert_min_is_white(pixels, colour)
            conversion = "min-is-white inverted"
        if unassociated and names is not None:
            associate_alpha(pixels[..., : names.index("A") + 1])
            meta["alpha"] = "associated"
    if conversion:
        meta["tiff:conversion"] = conversion
    return Image._adopt(np.ascontiguousarray(pixels), names, fmt, meta)
