"""JPEG through imagecodecs: 8-bit grey or RGB, CMYK converted to RGB, Ultra HDR gain maps applied.

12-bit and lossless (2-16 bit) files are normalised by their frame's own
precision (OpenImageIO 3.2 refuses them).

Decoding is libjpeg-turbo's, as OpenImageIO's. A CMYK or YCCK file becomes RGB
as OpenImageIO converts it (Adobe inverted inks, ``R = C K``; `vfx_rs.io.cmyk`),
or with ``raw_color=True`` keeps its four inks.
A JPEG carrying an Ultra HDR gain map (the Adobe ``hdrgm`` XMP or ISO 21496-1
metadata) is reconstructed by libultrahdr, as OpenImageIO 3 does: linear
half-float RGBA, the HDR rendition at full boost; ``read(path, hdr=False)``
gives the SDR base image instead. Either way ``metadata["jpeg:conversion"]``
names what was done.
"""

from __future__ import annotations

import numpy as np

from vfx_rs.errors import ArgumentError, FormatError
from vfx_rs.image import Image
from vfx_rs.io.cmyk import cmyk_to_rgb
from vfx_rs.io.decoder_errors import decoder_reason
from vfx_rs.io.headers import jpeg_header
from vfx_rs.io.integer import decode_integers, encode_integers, image_from_codes
from vfx_rs.io.limits import check_size

__all__ = ["WRITE_OPTIONS", "is_ultra_hdr", "read", "write"]

WRITE_OPTIONS = {"jpeg": frozenset({"quality"})}

_GAIN_MAP_SIGNALS = (b"hdrgm:Version", b"urn:iso:std:")
"""Cheap signals OpenImageIO looks for before asking libultrahdr (``jpeginput.cpp``, ``read_uhdr``)."""


def is_ultra_hdr(blob: bytes) -> bool:
    """Whether a JPEG carries an Ultra HDR gain map that libultrahdr can apply."""
    import imagecodecs

    if not any(signal in blob for signal in _GAIN_MAP_SIGNALS):
        return False
    try:
        return bool(imagecodecs.ultrahdr_check(blob))
    except Exception:
        return False


def _ultra_hdr(blob: bytes, path: str) -> Image:
    import imagecodecs

    try:
        half = np.asarray(imagecodecs.ultrahdr_decode(blob))
    except Exception as exc:
        raise FormatError(f"damaged Ultra HDR gain map: {decoder_reason(exc)}", path=path) from exc
    meta = {"bit_depth": 16, "jpeg:conversion": "Ultra HDR: SDR base and gain map to linear HDR (libultrahdr)"}
    return Image._adopt(np.ascontiguousarray(half, np.float32), ["R", "G", "B", "A"], "f16", meta)


def read(path: str, hdr: bool = True, raw_color: bool = False) -> Image:
    """Read a JPEG file.

    Parameters
    ----------
    hdr
        An Ultra HDR file gives its HDR rendition; False gives the SDR base image.
    raw_color
        A CMYK/YCCK file gives its inks C, M, Y, K (amounts, 1 - the stored
        Adobe values) instead of RGB.
    """
    import imagecodecs

    with open(path, "rb") as handle:
        header = jpeg_header(handle, path)
        check_size(header.width, header.height, max(header.components, 4 if hdr else 1), path)
        handle.seek(0)
        blob = handle.read()
    if hdr and is_ultra_hdr(blob):
        return _ultra_hdr(blob, path)
    try:
        codes = np.asarray(imagecodecs.jpeg8_decode(blob))
    except Exception as exc:
        raise FormatError(f"damaged JPEG data: {exc}", path=path) from exc
    if codes.ndim == 3 and codes.shape[2] == 4:
        ink = codes.astype(np.float32) / np.float32(255.0)
        if raw_color:
            inks = np.float32(1.0) - ink
            return Image._adopt(inks, ["C", "M", "Y", "K"], "u8", {"bit_depth": 8})
        meta = {"bit_depth": 8, "jpeg:conversion": "CMYK to RGB: C K (Adobe inverted inks)"}
        return Image._adopt(cmyk_to_rgb(ink, 255, inverted=True), None, "u8", meta)
    if codes.dtype == np.uint16:  # 12-bit and lossless files: normalise by the frame's own precision
        bits = header.precision
        pixels = decode_integers(codes if codes.ndim == 3 else codes[:, :, np.newaxis], bits)
        return Image._adopt(np.ascontiguousarray(pixels), None, "u16", {"bit_depth": bits})
    return image_from_codes(codes, path)


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
