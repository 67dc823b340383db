"""Blur and sharpen: gaussian and box blur, unsharp mask, median.

**Radius and sigma.** A gaussian blur takes `sigma` (the standard deviation,
in pixels), `radius` (how far the kernel reaches), or both:

- ``radius=r`` alone: ``sigma = r / 2`` and the kernel covers ``|x| < r``.
  This is OpenImageIO's convention: ``make_kernel("gaussian", 2r, 2r)`` (what
  ``oiiotool --blur 2rx2r`` uses) evaluates ``exp(-2 (x / r)^2)``, a gaussian
  of sigma ``r / 2`` that ends at ``|x| = r`` (``src/libutil/filter.cpp``,
  ``FilterGaussian2D``; ``make_kernel`` in ``imagebufalgo.cpp``).
- ``sigma=s`` alone: the kernel covers ``|x| <= int(4 s + 0.5)``, SciPy's
  ``gaussian_filter`` default (``truncate=4.0``); the weights left out sum
  to less than 1e-4 of the total.
- both: that sigma, cut at ``|x| < radius``.

A box blur of radius ``r`` averages the ``2 R + 1`` pixels with ``R = floor(r + 1/2)``
(OpenImageIO's ``make_kernel("box", 2r+1, 2r+1)``).

The kernels are separable and normalised to sum to one.

**Edges.** ``edge="clamp"`` (default) repeats the edge pixels, as
compositors and OpenImageIO's ``convolve`` do; ``"black"`` treats outside
pixels as 0; ``"mirror"`` reflects about the edge (the edge pixel repeats:
``c b a | a b c``); ``"wrap"`` tiles the image periodically.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs._validate import check_choice
from vfx_rs.errors import ArgumentError
from vfx_rs.ops._banded import AxisWeights, all_finite, apply_columns, apply_rows
from vfx_rs.ops._common import (
    ImageLike,
    check_finite,
    check_positive,
    check_whole,
    check_work_size,
    pixels_and_names,
    result,
)
from vfx_rs.ops._roi import restrict
from vfx_rs.ops.composite import associate

__all__ = ["BLUR_TYPES", "EDGE_MODES", "blur", "blur_kernel", "median", "sharpen", "unsharp_mask"]

BLUR_TYPES = ("gaussian", "box")
"""The kernels `blur` offers."""

EDGE_MODES = ("clamp", "black", "mirror", "wrap")
"""How pixels beyond the image edge are read (see the module docstring)."""

_SIGMA_TRUNCATE = 4.0
"""Kernel reach in sigmas when only sigma is given: SciPy ``ndimage.gaussian_filter``'s default ``truncate``."""


def blur_kernel(
    radius: float | None = None, sigma: float | None = None, type: str = "gaussian"
) -> npt.NDArray[np.float64]:
    """The normalised 1D kernel for these arguments, taps ``-R..R`` (see the module rules).

    Examples
    --------
    >>> blur_kernel(radius=1, type="box").tolist()
    [0.3333333333333333, 0.3333333333333333, 0.3333333333333333]
    >>> len(blur_kernel(sigma=2.0)), len(blur_kernel(radius=5.0))
    (17, 9)
    """
    kind = check_choice(type, BLUR_TYPES, "blur type")
    r = None if radius is None else check_positive(radius, "radius", allow_zero=True)
    s = None if sigma is None else check_positive(sigma, "sigma", allow_zero=True)
    if kind == "box":
        if s is not None:
            raise ArgumentError("a box blur takes radius, not sigma")
        if r is None:
            raise ArgumentError("blur needs radius or sigma")
        reach = math.floor(r + 0.5)
        _check_reach(reach, "radius", r)
        return np.full(2 * reach + 1, 1.0 / (2 * reach + 1))
    if r is None and s is None:
        raise ArgumentError("blur needs radius or sigma")
    if s is None:
        assert r is not None
        s = r / 2.0
    reach = int(_SIGMA_TRUNCATE * s + 0.5) if r is None else max(0, math.ceil(r) - 1)
    _check_reach(reach, "sigma" if r is None else "radius", s if r is None else r)
    if s == 0 or reach == 0:
        return np.ones(1)
    x = np.arange(-reach, reach + 1, dtype=np.float64)
    kernel = np.exp(-0.5 * (x / s) ** 2)
    return kernel / kernel.sum()


def _check_reach(reach: int, name: str, value: float) -> None:
    check_work_size(8 * (2 * reach + 1), f"a blur {name} of {value:g} ({2 * reach + 1} kernel taps)")


def _edge_index(index: npt.NDArray[np.int64], n: int, edge: str) -> npt.NDArray[np.int64]:
    if edge == "wrap":
        return np.mod(index, n)
    if edge == "mirror":
        m = np.mod(index, 2 * n)
        return np.where(m >= n, 2 * n - 1 - m, m)
    return np.clip(index, 0, n - 1)


def _axis_weights(n: int, kernel: npt.NDArray[np.float64], edge: str) -> AxisWeights:
    reach = len(kernel) // 2
    index = np.arange(n)[:, np.newaxis] + np.arange(-reach, reach + 1)[np.newaxis, :]
    weights = np.broadcast_to(kernel, index.shape).copy()
    if edge == "black":
        weights[(index < 0) | (index >= n)] = 0.0
    return AxisWeights(n, _edge_index(index, n, edge), weights)


def convolve_separable(
    data: npt.NDArray[np.float32], kernel: npt.NDArray[np.float64], edge: str
) -> npt.NDArray[np.float32]:
    """Filter ``(H, W, C)`` pixels by `kernel` along y, then x."""
    if len(kernel) == 1:
        return data * np.float32(kernel[0])
    h, w, _ = data.shape
    # Each axis holds an index and a weight per (pixel, tap), and a temporary of each while they are built.
    check_work_size(32 * max(h, w) * len(kernel), f"a {len(kernel)}-tap kernel on a {w}x{h} image")
    finite = all_finite(data)
    out = apply_rows(data, _axis_weights(h, kernel, edge), finite)
    return apply_columns(out, _axis_weights(w, kernel, edge), finite)


def blur(
    image: ImageLike,
    radius: float | None = None,
    *,
    sigma: float | None = None,
    type: str = "gaussian",
    edge: str = "clamp",
    premultiplied: bool = True,
    roi: Any = None,
) -> Any:
    """Blur an image with a gaussian or box kernel (sigma 1 when neither radius nor sigma is given).

    Parameters
    ----------
    image
        An `Image` or an ``(H, W[, C])`` array; the result is of the same kind.
    radius, sigma
        Kernel size; see the module docstring for how they combine.
    type
        ``"gaussian"`` or ``"box"``.
    edge
        ``"clamp"`` (default), ``"black"``, ``"mirror"`` or ``"wrap"``.
    premultiplied
        True if colour is premultiplied by alpha (the default); False to
        premultiply before and divide after.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> img = vfx_rs.Image(np.full((8, 8, 3), 0.25, np.float32))
    >>> round(float(vfx_rs.ops.blur(img, radius=5, type="box").numpy().max()), 6)
    0.25
    >>> img.blur(sigma=2.0)
    <vfx_rs.Image 8x8 RGB f32>
    """
    if radius is None and sigma is None and str(type).lower() == "gaussian":
        sigma = 1.0
    kernel = blur_kernel(radius, sigma, type)
    mode = check_choice(edge, EDGE_MODES, "edge mode")
    data, names = pixels_and_names(image, "image")
    work, finish = associate(data, names, premultiplied)
    return restrict(result(image, finish(convolve_separable(work, kernel, mode))), roi)


def unsharp_mask(
    image: ImageLike,
    sigma: float | None = None,
    amount: float = 1.0,
    threshold: float = 0.0,
    roi: Any = None,
    *,
    radius: float | None = None,
    edge: str = "clamp",
) -> Any:
    """Sharpen by adding back the detail a gaussian blur removes.

    ``out = src + amount * (src - blur(src))`` where ``|src - blur(src)| > threshold``,
    else ``src`` (the definition of OpenImageIO's ``ImageBufAlgo::unsharp_mask``,
    ``imagebufalgo.cpp``, with ``contrast`` = `amount`). `sigma` and `radius`
    follow `blur` (default sigma 1).

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> step = np.repeat(np.array([0, 0, 1, 1], np.float32)[np.newaxis], 2, axis=0)
    >>> out = vfx_rs.ops.unsharp_mask(step, sigma=1.0)
    >>> bool(out[0, 1, 0] < 0 and out[0, 2, 0] > 1)
    True
    """
    if sigma is None and radius is None:
        sigma = 1.0
    gain = check_finite(amount, "amount")
    limit = check_positive(threshold, "threshold", allow_zero=True)
    data, _ = pixels_and_names(image, "image")
    blurred = convolve_separable(
        data, blur_kernel(radius, sigma, "gaussian"), check_choice(edge, EDGE_MODES, "edge mode")
    )
    detail = data - blurred
    out = np.where(np.abs(detail) > limit, data + np.float32(gain) * detail, data)
    return restrict(result(image, out.astype(np.float32, copy=False)), roi)


def sharpen(image: ImageLike, amount: float = 1.0, sigma: float = 1.0, roi: Any = None) -> Any:
    """Unsharp mask with no threshold: ``src + amount * (src - gaussian_blur(src, sigma))``.

    The third positional argument may be a `vfx_rs.Roi3D` (the vfx-rs-py form ``sharpen(img, amount, roi)``).
    """
    if hasattr(sigma, "xbegin"):
        sigma, roi = 1.0, sigma
    return unsharp_mask(image, sigma=sigma, amount=amount, roi=roi)


def median(image: ImageLike, size: int = 3, roi: Any = None) -> Any:
    """Median of each ``size x size`` neighbourhood, per channel, edges clamped.

    Uses `scipy.ndimage.median_filter` (``mode="nearest"``, the clamp rule;
    OpenImageIO's ``median_filter`` instead takes the median of the pixels
    inside the image, so the two differ within ``size // 2`` of an edge).
    An even `size` centres its window half a pixel up-left of the pixel, as
    SciPy does. NaN values give undefined medians; clean them first.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> img = np.zeros((5, 5), np.float32); img[2, 2] = 1.0
    >>> float(vfx_rs.ops.median(img, 3).max())
    0.0
    """
    from scipy import ndimage

    size = check_whole(size, "median size")
    data, _ = pixels_and_names(image, "image")
    h, w, _ = data.shape
    if size > 2 * max(h, w) + 1:
        raise ArgumentError(f"median size {size} is larger than twice the {w}x{h} image; at most {2 * max(h, w) + 1}")
    check_work_size(16 * size * size, f"a median window of {size}x{size}")
    out = ndimage.median_filter(data, size=(int(size), int(size), 1), mode="nearest")
    return restrict(result(image, np.ascontiguousarray(out, dtype=np.float32)), roi)
