"""Warps, the vfx-rs-py ``warp`` module: a 3x3 matrix warp, an ST-map warp and the matrix helpers.

`warp` maps each destination pixel centre ``(x, y)`` (pixel space, centres at
``i + 0.5``) through the row-major matrix ``[a, b, tx, c, d, ty, px, py, 1]``
to the source: ``w = px x + py y + 1``, ``src = ((a x + b y + tx) / w, (c x +
d y + ty) / w)``, and samples it bilinearly; `st_warp` reads the source
position from two channels of an ST map (Nuke's STMap: ``s = 0, t = 0`` is the
top-left corner, ``1, 1`` the bottom-right), as OpenImageIO's ``st_warp``
does. Outside the source, `wrap` decides: black, clamp, periodic or mirror.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, pixels, result
from vfx_rs.ops._roi import restrict
from vfx_rs.ops._sample import sample

__all__ = [
    "WarpWrap",
    "matrix_identity",
    "matrix_invert",
    "matrix_multiply",
    "matrix_rotate",
    "matrix_scale",
    "matrix_shear",
    "matrix_translate",
    "st_warp",
    "warp",
]


class WarpWrap(enum.IntEnum):
    """What `warp` reads outside the source image."""

    Black = 0
    Clamp = 1
    Periodic = 2
    Mirror = 3


def _wrap(wrap: Any) -> str:
    if isinstance(wrap, WarpWrap):
        return wrap.name.lower()
    key = str(wrap).lower()
    if key not in ("black", "clamp", "periodic", "mirror"):
        raise ArgumentError(f"unknown wrap {wrap!r}; expected black, clamp, periodic or mirror")
    return key


def _matrix(m: Sequence[float]) -> npt.NDArray[np.float64]:
    mat = np.asarray(m, dtype=np.float64)
    if mat.size != 9 or not np.all(np.isfinite(mat)):
        raise ArgumentError(f"a warp matrix is 9 finite numbers (3x3, row-major), not {m!r}")
    return mat.reshape(3, 3)


def warp(image: ImageLike, matrix: Sequence[float], wrap: Any = "black", roi: Any = None) -> Any:
    """The image resampled where `matrix` maps each destination pixel (see the module docstring)."""
    m = _matrix(matrix)
    data = pixels(image)
    h, w, _ = data.shape
    y, x = np.mgrid[0:h, 0:w].astype(np.float64) + 0.5
    with np.errstate(divide="ignore", invalid="ignore"):
        wgt = m[2, 0] * x + m[2, 1] * y + m[2, 2]
        sx = (m[0, 0] * x + m[0, 1] * y + m[0, 2]) / wgt
        sy = (m[1, 0] * x + m[1, 1] * y + m[1, 2]) / wgt
    return restrict(result(image, sample(data, sx, sy, "bilinear", _wrap(wrap))), roi)


def st_warp(
    image: ImageLike,
    stbuf: ImageLike,
    chan_s: int = 0,
    chan_t: int = 1,
    flip_s: bool = False,
    flip_t: bool = False,
    wrap: Any = "black",
    roi: Any = None,
) -> Any:
    """Sample `image` at the ``(s, t)`` each pixel of `stbuf` holds (0..1 across the source); same size as `stbuf`."""
    data, st = pixels(image), pixels(stbuf, "stbuf")
    if not (0 <= int(chan_s) < st.shape[2] and 0 <= int(chan_t) < st.shape[2]):
        raise ArgumentError(f"stbuf has {st.shape[2]} channels; chan_s={chan_s}, chan_t={chan_t} are outside it")
    s = st[..., int(chan_s)].astype(np.float64)
    t = st[..., int(chan_t)].astype(np.float64)
    if flip_s:
        s = 1.0 - s
    if flip_t:
        t = 1.0 - t
    h, w, _ = data.shape
    return restrict(result(image, sample(data, s * w, t * h, "bilinear", _wrap(wrap))), roi)


def matrix_identity() -> list[float]:
    """The 3x3 identity, row-major."""
    return [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]


def matrix_translate(tx: float, ty: float) -> list[float]:
    """Translation by ``(tx, ty)``."""
    return [1.0, 0.0, float(tx), 0.0, 1.0, float(ty), 0.0, 0.0, 1.0]


def matrix_scale(sx: float, sy: float) -> list[float]:
    """Scale by ``(sx, sy)`` about the origin."""
    return [float(sx), 0.0, 0.0, 0.0, float(sy), 0.0, 0.0, 0.0, 1.0]


def matrix_rotate(angle: float) -> list[float]:
    """Rotation by `angle` radians about the origin (``[cos, -sin; sin, cos]``)."""
    c, s = math.cos(angle), math.sin(angle)
    return [c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0]


def matrix_shear(shx: float, shy: float) -> list[float]:
    """Shear: ``x + shx y``, ``y + shy x``."""
    return [1.0, float(shx), 0.0, float(shy), 1.0, 0.0, 0.0, 0.0, 1.0]


def matrix_multiply(a: Sequence[float], b: Sequence[float]) -> list[float]:
    """The product ``a @ b`` (apply `b` first, then `a`)."""
    return [float(v) for v in (_matrix(a) @ _matrix(b)).ravel()]


def matrix_invert(m: Sequence[float]) -> list[float] | None:
    """The inverse, or None for a singular matrix."""
    mat = _matrix(m)
    if abs(np.linalg.det(mat)) < 1e-12:
        return None
    return [float(v) for v in np.linalg.inv(mat).ravel()]
