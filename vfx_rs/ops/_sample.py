"""Point sampling of an image at continuous positions: nearest, bilinear and bicubic, black outside.

Positions are in pixel space, where pixel ``(i, j)`` covers ``[i, i + 1) x [j, j + 1)``
(its centre is ``(i + 0.5, j + 0.5)``), OpenImageIO's convention. Bicubic is
the Catmull-Rom cubic (Keys 1981, ``a = -1/2``). Taps outside the image read
0 (``wrap="black"``), the nearest edge pixel (``"clamp"``), the image repeated
(``"periodic"``) or mirrored with the edge pixel repeated (``"mirror"``).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError

__all__ = ["SAMPLERS", "WRAPS", "sample"]

F64 = npt.NDArray[np.float64]
SAMPLERS = ("nearest", "bilinear", "bicubic")
"""Interpolations `sample` offers (``lanczos3`` maps to bicubic, ``triangle`` to bilinear)."""
WRAPS = ("black", "clamp", "periodic", "mirror")
"""How `sample` reads taps outside the image."""


def _wrap(index: npt.NDArray[np.int64], n: int, wrap: str) -> npt.NDArray[np.int64]:
    if wrap == "periodic":
        return np.mod(index, n)
    if wrap == "mirror":
        period = np.mod(index, 2 * n)
        return np.where(period < n, period, 2 * n - 1 - period)
    return np.clip(index, 0, n - 1)


def _taps(
    data: npt.NDArray[np.float32], ix: npt.NDArray[np.int64], iy: npt.NDArray[np.int64], wrap: str = "black"
) -> F64:
    h, w, _ = data.shape
    values = data[_wrap(iy, h, wrap), _wrap(ix, w, wrap)].astype(np.float64)
    if wrap != "black":
        return values
    inside = (ix >= 0) & (ix < w) & (iy >= 0) & (iy < h)
    return np.where(inside[..., None], values, 0.0)


def _keys(t: F64) -> list[F64]:
    # Catmull-Rom weights of the taps at offsets -1, 0, 1, 2 for fractional position t.
    t2, t3 = t * t, t * t * t
    return [(-t3 + 2 * t2 - t) / 2, (3 * t3 - 5 * t2 + 2) / 2, (-3 * t3 + 4 * t2 + t) / 2, (t3 - t2) / 2]


def sample(data: npt.NDArray[np.float32], sx: F64, sy: F64, method: str = "bilinear", wrap: str = "black") -> F64:
    """Values of ``(H, W, C)`` `data` at positions ``(sx, sy)`` (same-shape arrays): ``sx.shape + (C,)``."""
    key = {"triangle": "bilinear", "linear": "bilinear", "lanczos3": "bicubic", "catmull-rom": "bicubic"}.get(
        method, method
    )
    if key not in SAMPLERS:
        raise ArgumentError(f"unknown interpolation {method!r}; expected one of: {', '.join(SAMPLERS)}")
    if wrap not in WRAPS:
        raise ArgumentError(f"unknown wrap mode {wrap!r}; expected one of: {', '.join(WRAPS)}")
    finite = np.isfinite(sx) & np.isfinite(sy)
    sx, sy = np.where(finite, sx, -1e9), np.where(finite, sy, -1e9)
    if key == "nearest":
        return _taps(data, np.floor(sx).astype(np.int64), np.floor(sy).astype(np.int64), wrap)
    u, v = sx - 0.5, sy - 0.5
    x0, y0 = np.floor(u).astype(np.int64), np.floor(v).astype(np.int64)
    fx, fy = (u - x0)[..., None], (v - y0)[..., None]
    if key == "bilinear":
        top = _taps(data, x0, y0, wrap) * (1 - fx) + _taps(data, x0 + 1, y0, wrap) * fx
        bottom = _taps(data, x0, y0 + 1, wrap) * (1 - fx) + _taps(data, x0 + 1, y0 + 1, wrap) * fx
        return top * (1 - fy) + bottom * fy
    wx, wy = _keys(fx), _keys(fy)
    out = np.zeros((*sx.shape, data.shape[2]))
    for j in range(4):
        row = sum(wx[i] * _taps(data, x0 + i - 1, y0 + j - 1, wrap) for i in range(4))
        out += wy[j] * row
    return out
