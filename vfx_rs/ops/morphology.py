"""Neighbourhood filters of the vfx-rs-py ``ops``: morphology, edge detection, box blur, kernels.

Morphology as OpenImageIO's ``dilate``/``erode`` (``imagebufalgo.h``,
"Morphological filters"): the maximum or minimum over a ``size x size``
window of the pixels inside the image, per channel. Edge detectors as
published: the Sobel operator (Sobel and Feldman 1968, the 3x3 gradient
``[1 2 1]^T [-1 0 1]``; the result is the gradient magnitude) and the
4-neighbour Laplacian ``[[0 1 0] [1 -4 1] [0 1 0]]`` (OpenImageIO's
``make_kernel("laplacian")``), with edge pixels repeated. SciPy's
``ndimage`` does the sliding windows.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, pixels, result
from vfx_rs.ops._roi import with_roi
from vfx_rs.ops.blur import convolve_separable
from vfx_rs.ops.filters import get_filter

__all__ = ["box_blur", "dilate", "erode", "laplacian", "make_kernel", "morph_close", "morph_open", "sobel"]


def _size(size: Any) -> int:
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ArgumentError(f"size must be a positive integer, not {size!r}")
    if size > 1 << 16:
        raise ArgumentError(f"size {size} is larger than any image side allowed (65536)")
    return int(size)


def _window(image: ImageLike, size: Any, fn: str, roi: Any) -> Any:
    from scipy import ndimage

    n = _size(size)
    data = pixels(image)

    def run() -> Any:
        # An even window covers offsets -n/2 .. n/2 - 1 (SciPy's placement).
        out = getattr(ndimage, fn)(data, size=(n, n, 1), mode="nearest")
        return result(image, out)

    return with_roi(run, roi)


def dilate(image: ImageLike, size: int = 3, roi: Any = None) -> Any:
    """Maximum over each ``size x size`` window: bright areas grow."""
    return _window(image, size, "maximum_filter", roi)


def erode(image: ImageLike, size: int = 3, roi: Any = None) -> Any:
    """Minimum over each ``size x size`` window: bright areas shrink."""
    return _window(image, size, "minimum_filter", roi)


def morph_open(image: ImageLike, size: int = 3, roi: Any = None) -> Any:
    """`erode` then `dilate`: removes bright specks smaller than the window."""
    return with_roi(lambda: dilate(erode(image, size), size), roi)


def morph_close(image: ImageLike, size: int = 3, roi: Any = None) -> Any:
    """`dilate` then `erode`: fills dark holes smaller than the window."""
    return with_roi(lambda: erode(dilate(image, size), size), roi)


def sobel(image: ImageLike, roi: Any = None) -> Any:
    """Gradient magnitude ``sqrt(gx^2 + gy^2)`` of the 3x3 Sobel operator, per channel, edges repeated."""
    from scipy import ndimage

    data = pixels(image)

    kx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64)[:, :, None]  # per channel: 3x3x1

    def run() -> Any:
        work = data.astype(np.float64)
        gx = ndimage.correlate(work, kx, mode="nearest")
        gy = ndimage.correlate(work, kx.transpose(1, 0, 2), mode="nearest")
        return result(image, np.hypot(gx, gy))

    return with_roi(run, roi)


def laplacian(image: ImageLike, roi: Any = None) -> Any:
    """The 4-neighbour Laplacian ``up + down + left + right - 4 centre``, per channel, edges repeated."""
    from scipy import ndimage

    data = pixels(image)
    kernel = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=np.float64)[:, :, None]
    return with_roi(lambda: result(image, ndimage.correlate(data.astype(np.float64), kernel, mode="nearest")), roi)


def box_blur(image: ImageLike, size: int = 3, roi: Any = None) -> Any:
    """Mean over each ``size x size`` window (odd sizes centred), edge pixels repeated."""
    n = _size(size)
    data = pixels(image)
    kernel = np.full(n, 1.0 / n)
    return with_roi(lambda: result(image, convolve_separable(data, kernel, "clamp")), roi)


def make_kernel(name: str, width: float, height: float, param: float = 1.0) -> list[float]:
    """A normalised 2D filter kernel as a flat row-major list, as OpenImageIO's ``make_kernel``.

    The kernel has ``w x h`` taps, ``w = ceil(width)`` rounded up to odd,
    centred on the middle tap; each tap is the filter (a name of
    `vfx_rs.ops.FILTERS`, stretched to the given full width) at that offset
    in x times the same in y, and the taps sum to 1. ``"laplacian"`` gives
    the 3x3 4-neighbour Laplacian. `param` is accepted for compatibility and unused.

    Examples
    --------
    >>> [round(v, 4) for v in make_kernel("box", 3, 1)]
    [0.3333, 0.3333, 0.3333]
    """
    del param
    if str(name).lower() == "laplacian":
        return [0.0, 1.0, 0.0, 1.0, -4.0, 1.0, 0.0, 1.0, 0.0]
    filt = get_filter(name)
    axes = []
    for extent, what in ((width, "width"), (height, "height")):
        size = float(extent)
        if not math.isfinite(size) or size <= 0:
            raise ArgumentError(f"make_kernel {what} must be a positive number, not {extent!r}")
        taps = max(1, math.ceil(size))
        taps += 1 - taps % 2
        offsets = np.arange(taps, dtype=np.float64) - taps // 2
        weights: npt.NDArray[np.float64] = filt.kernel(offsets * (2.0 * filt.radius / size))
        axes.append(weights)
    kernel = np.outer(axes[1], axes[0])
    total = kernel.sum()
    if total == 0:
        raise ArgumentError(f"make_kernel {name!r} of {width}x{height} has all-zero taps")
    return [float(v) for v in (kernel / total).ravel()]
