"""Image statistics: per-channel summaries, image comparison and histograms.

The CLI (``vfx info --stats``) and the viewer's scopes use these. Sums are
accumulated in float64, so the mean of a 4K float32 image is exact to
float32 precision.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, check_finite, check_positive, check_whole, check_work_size, pixels_and_names

__all__ = ["ChannelStats", "Comparison", "compare", "histogram", "stats"]


@dataclass(frozen=True)
class ChannelStats:
    """Summary of one channel.

    ``min``, ``max``, ``mean`` and ``std`` (population standard deviation)
    are taken over the finite values only; they are NaN when a channel has
    no finite value. ``nan_count`` and ``inf_count`` count the others
    (``inf_count`` counts both signs).
    """

    name: str
    min: float
    max: float
    mean: float
    std: float
    nan_count: int
    inf_count: int


def _channel_stats(name: str, values: npt.NDArray[np.float32]) -> ChannelStats:
    finite = np.isfinite(values)
    n_finite = int(np.count_nonzero(finite))
    nan_count = int(np.count_nonzero(np.isnan(values)))
    inf_count = values.size - n_finite - nan_count
    if n_finite == 0:
        nan = math.nan
        return ChannelStats(name, nan, nan, nan, nan, nan_count, inf_count)
    good = values if n_finite == values.size else values[finite]
    mean = float(np.sum(good, dtype=np.float64)) / n_finite
    # Two-pass variance (Chan, Golub & LeVeque 1983): no cancellation for large offsets.
    dev = good.astype(np.float64) - mean
    std = math.sqrt(float(np.dot(dev, dev)) / n_finite)
    return ChannelStats(name, float(good.min()), float(good.max()), mean, std, nan_count, inf_count)


def stats(image: ImageLike) -> list[ChannelStats]:
    """Per-channel min, max, mean, std and NaN/Inf counts.

    Parameters
    ----------
    image
        An `Image`, or an ``(H, W)`` / ``(H, W, C)`` array (channels then
        get the default names).

    Returns
    -------
    list of ChannelStats
        One entry per channel, in channel order.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> img = vfx_rs.Image(np.array([[[0.0], [1.0], [np.inf], [np.nan]]], np.float32))
    >>> s = vfx_rs.ops.stats(img)[0]
    >>> s.name, s.min, s.max, s.mean, s.std, s.nan_count, s.inf_count
    ('Y', 0.0, 1.0, 0.5, 0.5, 1, 1)
    """
    data, names = pixels_and_names(image, "image")
    flat = data.reshape(-1, data.shape[2])
    return [_channel_stats(name, np.ascontiguousarray(flat[:, c])) for c, name in enumerate(names)]


@dataclass(frozen=True)
class Comparison:
    """How two images differ (`compare`).

    ``max_error`` is the largest absolute difference, found at pixel
    ``max_location = (x, y)`` in channel ``max_channel``; ``rms`` is the root
    mean square difference; ``psnr`` is ``20 log10(peak / rms)`` in dB
    (infinite for identical images). ``mean_error`` is the mean absolute
    difference. ``nan_mismatch`` counts values that are NaN in exactly one
    image; those values are left out of the other figures.
    """

    max_error: float
    max_location: tuple[int, int]
    max_channel: str
    mean_error: float
    rms: float
    psnr: float
    nan_mismatch: int


def compare(a: ImageLike, b: ImageLike, peak: float = 1.0) -> Comparison:
    """Compare two images of the same shape.

    Parameters
    ----------
    a, b
        Images or arrays of equal ``(H, W, C)`` shape.
    peak
        The signal peak for PSNR (1.0 for display-referred data).

    Returns
    -------
    Comparison

    References
    ----------
    PSNR as defined in ITU-T J.340 (2010), section 3.1:
    ``PSNR = 10 log10(peak^2 / MSE)``.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> a = np.zeros((2, 3, 1), np.float32); b = a.copy(); b[1, 2, 0] = 0.5
    >>> c = vfx_rs.ops.compare(a, b)
    >>> c.max_error, c.max_location, round(c.psnr, 2)
    (0.5, (2, 1), 13.8)
    """
    da, names = pixels_and_names(a, "a")
    db, _ = pixels_and_names(b, "b")
    if da.shape != db.shape:
        raise ArgumentError(f"compare needs images of the same shape; got {da.shape} and {db.shape}")
    peak = check_positive(peak, "peak")
    diff = np.abs(da.astype(np.float64) - db)
    nan_a, nan_b = np.isnan(da), np.isnan(db)
    mismatch = int(np.count_nonzero(nan_a ^ nan_b))
    valid = ~(nan_a | nan_b)
    count = int(np.count_nonzero(valid))
    if count == 0:
        return Comparison(0.0, (0, 0), names[0], 0.0, 0.0, math.inf, mismatch)
    diff = np.where(valid, diff, 0.0)
    diff = np.where(np.isnan(diff), 0.0, diff)  # inf - inf of equal sign: the same value
    index = int(np.argmax(diff))
    y, x, c = np.unravel_index(index, diff.shape)
    mse = float(np.sum(diff * diff)) / count
    rms = math.sqrt(mse)
    psnr = math.inf if mse == 0 else 10.0 * math.log10(peak * peak / mse)
    return Comparison(
        float(diff.flat[index]), (int(x), int(y)), names[int(c)], float(np.sum(diff)) / count, rms, psnr, mismatch
    )


def histogram(
    image: ImageLike, bins: int = 256, low: float = 0.0, high: float = 1.0
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Per-channel histogram of finite values over ``[low, high]``.

    Values outside the range and non-finite values are not counted. Bins
    are equal-width and half-open, except the last, which includes
    ``high`` (as `numpy.histogram`).

    Returns
    -------
    counts : ndarray of int64, shape (C, bins)
    edges : ndarray of float64, shape (bins + 1,)

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> counts, edges = vfx_rs.ops.histogram(np.array([[0.1, 0.6, 0.9, 2.0]], np.float32), bins=2)
    >>> counts.tolist(), edges.tolist()
    ([[1, 2]], [0.0, 0.5, 1.0])
    """
    data, _ = pixels_and_names(image, "image")
    bins = check_whole(bins, "histogram bins")
    check_work_size(8 * (data.shape[2] + 2) * bins, f"a histogram of {bins} bins")
    low, high = (check_finite(v, "histogram range") for v in (low, high))
    if not low < high:
        raise ArgumentError(f"histogram range must have low < high, not ({low!r}, {high!r})")
    edges = np.linspace(low, high, bins + 1)
    flat = data.reshape(-1, data.shape[2])
    counts = np.empty((data.shape[2], bins), dtype=np.int64)
    for c in range(data.shape[2]):
        values = flat[:, c].astype(np.float64)
        inside = values[(values >= low) & (values <= high)]
        index = np.minimum(((inside - low) * (bins / (high - low))).astype(np.int64), bins - 1)
        counts[c] = np.bincount(index, minlength=bins)
    return counts, edges
