"""TIFF samples to float pixels, as OpenImageIO reads them: depths, palette, min-is-white, LogL.

Every function takes the decoded samples of one TIFF page as an ``(H, W, S)``
array (S samples per pixel, planar files already interleaved) and returns
float32 pixels. The photometric interpretations, sample formats and tags
are those of the TIFF 6.0 specification (Adobe, 1992): section 2
(BitsPerSample, SampleFormat), section 5 (palette colour, ColorMap); CMYK is
in `vfx_rs.io.cmyk`; the HDR encodings are from G. W.
Larson, "LogLuv encoding for full-gamut, high-dynamic range images", Journal
of Graphics Tools 3(1), 1998, as libtiff implements them (``tif_luv.c``).
"""

from __future__ import annotations

import numpy as np

from vfx_rs.errors import FormatError

__all__ = [
    "container_format",
    "integer_to_float",
    "invert_min_is_white",
    "logl16_to_luminance",
    "palette_to_rgb",
]


def container_format(bits: int) -> str:
    """The pixel format recorded for `bits`-bit unsigned samples: u8 up to 8 bits, u16 up to 16, else f32.

    OpenImageIO hands 1-6 bit files out as 8 bit and 10-14 bit as 16
    (``tiffinput.cpp``, ``readspec``); `vfx_rs` records the same container.
    24- and 32-bit samples are recorded as f32, not u32: in `vfx_rs` (as in
    OpenEXR) u32 holds integers that are not normalised, such as object IDs,
    and writing these normalised values as such would round them to 0 and 1.
    """
    return "u8" if bits <= 8 else "u16" if bits <= 16 else "f32"


def integer_to_float(codes: np.ndarray, bits: int, signed: bool) -> np.ndarray:
    """Integer samples normalised by their own maximum: ``v / (2**bits - 1)``, signed ``v / (2**(bits-1) - 1)``.

    A 10-bit sample of 1023 is 1.0, as a 16-bit 65535 is. OpenImageIO first widens
    1-14 and 24 bit samples to 8/16/32 bit with integer arithmetic and divides
    by the container's maximum, which lands within one container code of this.
    """
    top = float(2 ** (bits - 1) - 1 if signed else 2**bits - 1)
    return (codes.astype(np.float64) / top).astype(np.float32)


def invert_min_is_white(pixels: np.ndarray, colour: int) -> np.ndarray:
    """PhotometricInterpretation 0: the first `colour` channels become ``1 - v`` in place (TIFF 6.0, section 3)."""
    pixels[..., :colour] = np.float32(1.0) - pixels[..., :colour]
    return pixels


def palette_to_rgb(indices: np.ndarray, colormap: np.ndarray, bits: int, path: str) -> np.ndarray:
    """Palette colour (PhotometricInterpretation 3) to 8-bit RGB from the ColorMap tag.

    The 16-bit ColorMap entries are cut to 8 bits by integer division by 257, as
    OpenImageIO does (``palette_to_rgb`` in ``tiffinput.cpp``), so a map written
    as ``8-bit * 257`` gives back its 8-bit values exactly.
    """
    if bits not in (1, 2, 4, 8, 16):
        raise FormatError(f"palette TIFF with {bits} bits per sample is not supported (1, 2, 4, 8, 16 are)", path=path)
    table = np.asarray(colormap, np.uint16).reshape(3, -1)
    if table.shape[1] != 2**bits:  # libtiff drops such a map and refuses the file too
        raise FormatError(f"TIFF ColorMap has {table.shape[1]} entries per channel, {2**bits} expected", path=path)
    rgb8 = (table // 257).astype(np.float32) / np.float32(255.0)
    return np.ascontiguousarray(rgb8.T[indices[..., 0].astype(np.intp)])


def logl16_to_luminance(codes: np.ndarray) -> np.ndarray:
    """SGI LogL 16-bit codes to luminance Y (Larson 1998, section 2; libtiff ``LogL16toY``).

    A sign bit and a 15-bit log: ``Y = 2**((Le + 0.5) / 256 - 64)`` for ``Le > 0``,
    0 for ``Le = 0``, negated when bit 15 is set.
    """
    raw = codes.astype(np.int32) & 0xFFFF
    log = raw & 0x7FFF
    y = np.exp2((log + 0.5) / 256.0 - 64.0)
    y = np.where(log == 0, 0.0, y)
    return np.where(raw & 0x8000, -y, y).astype(np.float32)
