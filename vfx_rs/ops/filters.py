"""Reconstruction filters for resampling, as 1D kernels of one variable.

Each filter is defined at unit scale, in source pixels when magnifying, and
carries its support radius. `vfx_rs.ops.resize` stretches the filter by
``1 / scale`` when minifying, so it always spans the same fraction of an
output pixel and removes the frequencies the output cannot hold.

The names, supports and formulas follow OpenImageIO's ``Filter2D`` family
(``src/libutil/filter.cpp``: its ``filter2d_list`` holds each filter's default
full width; our radius is half of it), so that `resize` agrees with
``ImageBufAlgo.resize`` for the same filter name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import NotFoundError

__all__ = ["FILTERS", "FILTER_ALIASES", "KAISER", "Filter", "get_filter"]

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Filter:
    """A symmetric 1D reconstruction filter.

    Attributes
    ----------
    name
        The canonical name (OpenImageIO's where it has one).
    radius
        Half the support at unit scale, in pixels (OpenImageIO's default width / 2).
    kernel
        ``kernel(x)`` for a float64 array of offsets ``x`` (zero beyond the radius).
    """

    name: str
    radius: float
    kernel: Callable[[FloatArray], FloatArray]


def _box(x: FloatArray) -> FloatArray:
    # OpenImageIO's box includes its edges: 1 where |x| <= 1/2.
    return (np.abs(x) <= 0.5).astype(np.float64)


def _triangle(x: FloatArray) -> FloatArray:
    return np.maximum(1.0 - np.abs(x), 0.0)


_GAUSSIAN_RADIUS = 1.5
"""OpenImageIO's gaussian: default width 3, ``exp(-2 (2x/width)^2)``, i.e. sigma = width / 4 = 0.75."""


def _gaussian(x: FloatArray) -> FloatArray:
    u = np.abs(x) / _GAUSSIAN_RADIUS
    return np.where(u < 1.0, np.exp(-2.0 * u * u), 0.0)


def _bc_cubic(b: float, c: float) -> Callable[[FloatArray], FloatArray]:
    """The two-parameter cubic of Mitchell & Netravali (1988), equation (8), on [-2, 2]."""

    def kernel(x: FloatArray) -> FloatArray:
        x = np.abs(x)
        x2, x3 = x * x, x * x * x
        near = (12 - 9 * b - 6 * c) * x3 + (-18 + 12 * b + 6 * c) * x2 + (6 - 2 * b)
        far = (-b - 6 * c) * x3 + (6 * b + 30 * c) * x2 + (-12 * b - 48 * c) * x + (8 * b + 24 * c)
        return np.where(x < 1.0, near, np.where(x < 2.0, far, 0.0)) / 6.0

    return kernel


def _lanczos3(x: FloatArray) -> FloatArray:
    # np.sinc(x) = sin(pi x) / (pi x), with sinc(0) = 1.
    return np.where(np.abs(x) < 3.0, np.sinc(x) * np.sinc(x / 3.0), 0.0)


_KAISER_RADIUS, _KAISER_BETA = 3.0, 4.0
"""The Kaiser filter's half width and window shape (vfx-rs-py's mip filter: radius 3, beta 4)."""


def _kaiser(x: FloatArray) -> FloatArray:
    # I0(beta sqrt(1 - (x / r)^2)) / I0(beta): Kaiser's window (Kaiser & Schafer 1980, "On the use of the
    # I0-sinh window for spectrum analysis", IEEE Trans. ASSP 28(1), eq. (1)) on the sinc.
    u = np.clip(1.0 - (x / _KAISER_RADIUS) ** 2, 0.0, None)
    window = np.i0(_KAISER_BETA * np.sqrt(u)) / np.i0(_KAISER_BETA)
    return np.where(np.abs(x) < _KAISER_RADIUS, np.sinc(x) * window, 0.0)


FILTERS: dict[str, Filter] = {
    "box": Filter("box", 0.5, _box),
    "triangle": Filter("triangle", 1.0, _triangle),
    "gaussian": Filter("gaussian", _GAUSSIAN_RADIUS, _gaussian),
    "catmull-rom": Filter("catmull-rom", 2.0, _bc_cubic(0.0, 0.5)),
    "mitchell": Filter("mitchell", 2.0, _bc_cubic(1.0 / 3.0, 1.0 / 3.0)),
    "bspline": Filter("bspline", 2.0, _bc_cubic(1.0, 0.0)),
    "lanczos3": Filter("lanczos3", 3.0, _lanczos3),
}
"""The resampling filters by canonical name.

- ``box``: the unit box (1 inside ``|x| <= 1/2``).
- ``triangle``: the tent ``1 - |x|``; bilinear interpolation when magnifying.
- ``gaussian``: ``exp(-2 (x / 1.5)^2)`` cut at ``|x| = 1.5`` (sigma 0.75), OpenImageIO's definition.
- ``catmull-rom``: the cubic convolution kernel of Keys (1981), "Cubic convolution interpolation for
  digital image processing", IEEE Trans. ASSP 29(6), eq. (15) with ``a = -1/2``; it is the B=0, C=1/2
  member of Mitchell & Netravali's family and interpolates (bicubic).
- ``mitchell``: Mitchell & Netravali (1988), "Reconstruction filters in computer graphics",
  SIGGRAPH '88, eq. (8) with their recommended ``B = C = 1/3``.
- ``bspline``: the cubic B-spline, B=1, C=0 of the same family (smooth, not interpolating).
- ``lanczos3``: ``sinc(x) sinc(x/3)`` for ``|x| < 3`` (Duchon 1979, "Lanczos filtering in one and two
  dimensions", J. Appl. Meteorology 18).

``nearest`` is not a kernel: `resize` picks the source pixel under each output pixel centre.
"""

KAISER = Filter("kaiser", _KAISER_RADIUS, _kaiser)
"""The mip filter ``MipmapFilter.Kaiser``: ``sinc(x)`` times Kaiser's window ``I0(4 sqrt(1 - (x/3)^2)) / I0(4)``
for ``|x| < 3`` (the Kaiser-windowed sinc of texture tools such as NVIDIA Texture Tools). OpenImageIO has no
Kaiser filter, so it is not in `FILTERS`; `vfx_rs.ops.resize` takes it as a `Filter`."""

FILTER_ALIASES = {
    "bilinear": "triangle",
    "linear": "triangle",
    "tent": "triangle",
    "bicubic": "catmull-rom",
    "catrom": "catmull-rom",
    "keys": "catmull-rom",
    "mitchell-netravali": "mitchell",
    "b-spline": "bspline",
    "lanczos": "lanczos3",
}
"""Other common names of the filters in `FILTERS`."""


def get_filter(name: str) -> Filter:
    """Return the filter called `name` (case-insensitive, aliases allowed).

    Raises `NotFoundError` listing the known names.

    Examples
    --------
    >>> get_filter("Lanczos").name, get_filter("bilinear").radius
    ('lanczos3', 1.0)
    """
    key = str(name).lower()
    key = FILTER_ALIASES.get(key, key)
    try:
        return FILTERS[key]
    except KeyError:
        known = sorted([*FILTERS, *FILTER_ALIASES, "nearest"])
        raise NotFoundError(f"unknown filter {name!r}; expected one of: {', '.join(known)}") from None
