"""Y'CbCr <-> R'G'B' for movie frames, done here rather than by FFmpeg's swscale.

swscale converts with BT.601 coefficients unless told otherwise, whatever a stream's tags say; a
BT.709 ProRes read or written that way is silently off by several code values in saturated colours.
So frames are decoded to their native planes and converted with the matrix and range the stream
declares:

- luma weights ``Kr``, ``Kb`` (``Kg = 1 - Kr - Kb``) of ITU-R BT.601-7, BT.709-6 (item 3.2) and
  BT.2020-2 (non-constant luminance), as ITU-T H.273 (table 4) numbers them (``MATRIX_COEFFICIENTS``);
- narrow ("tv", limited) range: ``Y' = (D - 16 * 2^(n-8)) / (219 * 2^(n-8))`` and
  ``C = (D - 128 * 2^(n-8)) / (224 * 2^(n-8))`` for n-bit codes; full ("pc") range:
  ``Y' = D / (2^n - 1)`` and ``C = (D - 2^(n-1)) / (2^n - 1)`` (H.273, equations 20-31);
- ``R' = Y' + 2 (1 - Kr) Cr``, ``B' = Y' + 2 (1 - Kb) Cb``, ``G' = (Y' - Kr R' - Kb B') / Kg``.

Subsampled chroma (4:2:2, 4:2:0) is brought to full resolution by linear interpolation between chroma
samples sited as MPEG-2 and H.264 default to (co-sited with the left luma sample horizontally, between
two luma rows vertically for 4:2:0); on writing it is averaged over the same footprint.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import FormatError

__all__ = ["MATRIX_COEFFICIENTS", "planes_to_rgb", "rgb_to_planes", "weights"]

MATRIX_COEFFICIENTS = {1: "bt709", 5: "bt601", 6: "bt601", 9: "bt2020"}
"""H.273 MatrixCoefficients code -> the luma weights used (5, 6: BT.601 625 and 525 lines, identical)."""

_WEIGHTS = {"bt709": (0.2126, 0.0722), "bt601": (0.299, 0.114), "bt2020": (0.2627, 0.0593)}
"""(Kr, Kb) per matrix: BT.709-6 item 3.2, BT.601-7 item 2.5.1, BT.2020-2 table 4."""


def weights(matrix: str) -> tuple[float, float]:
    """``(Kr, Kb)`` of a matrix name from `MATRIX_COEFFICIENTS`."""
    return _WEIGHTS[matrix]


def _normalise(codes: npt.NDArray, bits: int, full: bool, chroma: bool) -> npt.NDArray[np.float64]:
    data = codes.astype(np.float64)
    if full:
        return (data - (2 ** (bits - 1) if chroma else 0)) / (2**bits - 1)
    scale = 2 ** (bits - 8)
    return (data - (128 if chroma else 16) * scale) / ((224 if chroma else 219) * scale)


def _encode(values: npt.NDArray, bits: int, full: bool, chroma: bool) -> npt.NDArray:
    if full:
        codes = values * (2**bits - 1) + (2 ** (bits - 1) if chroma else 0)
    else:
        scale = 2 ** (bits - 8)
        codes = values * ((224 if chroma else 219) * scale) + (128 if chroma else 16) * scale
    codes = np.rint(np.clip(np.nan_to_num(codes), 0, 2**bits - 1))
    return codes.astype(np.uint16 if bits > 8 else np.uint8)


def _upsample(plane: npt.NDArray[np.float64], width: int, height: int) -> npt.NDArray[np.float64]:
    """Full-resolution chroma by linear interpolation from MPEG-2 sited samples."""
    sub_x, sub_y = width // plane.shape[1] if plane.shape[1] else 1, height // plane.shape[0] if plane.shape[0] else 1
    if sub_x > 1:  # co-sited with the left luma sample: chroma i sits at luma x = 2i
        x = np.arange(width) / sub_x
        plane = np.stack([np.interp(x, np.arange(plane.shape[1]), row) for row in plane])
    if sub_y > 1:  # sited between rows 2j and 2j+1: chroma j sits at luma y = 2j + 0.5
        y = (np.arange(height) - 0.5) / sub_y
        plane = np.stack([np.interp(y, np.arange(plane.shape[0]), col) for col in plane.T], axis=1)
    return plane[:height, :width]


def planes_to_rgb(planes: list[npt.NDArray], bits: int, matrix: str, full: bool, path: str) -> npt.NDArray[np.float32]:
    """``(H, W, 3 or 4)`` float32 R'G'B'(A) from Y, Cb, Cr (and alpha) code planes."""
    if matrix not in _WEIGHTS:
        raise FormatError(f"movie uses the Y'CbCr matrix {matrix!r}, which vfx_rs does not convert", path=path)
    kr, kb = _WEIGHTS[matrix]
    kg = 1.0 - kr - kb
    height, width = planes[0].shape
    y = _normalise(planes[0], bits, full, chroma=False)
    cb = _upsample(_normalise(planes[1], bits, full, chroma=True), width, height)
    cr = _upsample(_normalise(planes[2], bits, full, chroma=True), width, height)
    r = y + 2.0 * (1.0 - kr) * cr
    b = y + 2.0 * (1.0 - kb) * cb
    g = (y - kr * r - kb * b) / kg
    channels = [r, g, b]
    if len(planes) == 4:  # alpha is always full range (H.273 does not cover it; FFmpeg's yuva formats)
        channels.append(planes[3].astype(np.float64) / (2**bits - 1))
    return np.stack(channels, axis=-1).astype(np.float32)


def rgb_to_planes(
    rgb: npt.NDArray, bits: int, matrix: str, full: bool, subsampling: tuple[int, int]
) -> list[npt.NDArray]:
    """Y, Cb, Cr (and alpha) code planes from ``(H, W, 3 or 4)`` R'G'B'(A); chroma averaged when subsampled."""
    kr, kb = _WEIGHTS[matrix]
    data = rgb.astype(np.float64)
    r, g, b = data[..., 0], data[..., 1], data[..., 2]
    y = kr * r + (1.0 - kr - kb) * g + kb * b
    cb = (b - y) / (2.0 * (1.0 - kb))
    cr = (r - y) / (2.0 * (1.0 - kr))
    sub_x, sub_y = subsampling
    planes = [_encode(y, bits, full, chroma=False)]
    for c in (cb, cr):
        if sub_x > 1:  # co-sited: weights 1/4, 1/2, 1/4 around the luma sample it sits on
            padded = np.pad(c, ((0, 0), (1, 1)), mode="edge")
            c = (0.25 * padded[:, :-2] + 0.5 * padded[:, 1:-1] + 0.25 * padded[:, 2:])[:, ::sub_x]
        if sub_y > 1:  # between two rows: their mean
            if c.shape[0] % 2:
                c = np.pad(c, ((0, 1), (0, 0)), mode="edge")
            c = 0.5 * (c[0::2] + c[1::2])
        planes.append(_encode(c, bits, full, chroma=True))
    if data.shape[-1] == 4:
        planes.append(_encode(data[..., 3], bits, True, chroma=False))
    return planes
