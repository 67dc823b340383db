"""Image statistics and comparison, the vfx-rs-py ``stats`` module (OpenImageIO's "Image comparison and statistics").

`compute_pixel_stats`, `compare` and `compare_relative`, the constant and
monochrome checks, histograms, `maxchan`/`minchan` and `color_range_check`,
with the definitions of OpenImageIO's ``computePixelStats``, ``compare``,
``isConstantColor``, ``isConstantChannel``, ``isMonochrome``, ``histogram``
and ``color_range_check`` (``imagebufalgo.h``). Every function takes
``roi=`` (a `vfx_rs.Roi3D`) to look at a region only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, pixels, result
from vfx_rs.ops._roi import restrict

__all__ = [
    "CompareResults",
    "Histogram",
    "PixelStats",
    "RangeCheckResult",
    "color_range_check",
    "compare",
    "compare_relative",
    "compute_pixel_stats",
    "get_constant_color",
    "histogram",
    "histogram_all",
    "is_constant_channel",
    "is_constant_color",
    "is_monochrome",
    "maxchan",
    "minchan",
]

F64 = npt.NDArray[np.float64]


def _values(image: ImageLike, roi: Any) -> F64:
    return pixels(restrict(image, roi)).astype(np.float64)


@dataclass
class PixelStats:
    """Per-channel min, max, mean, standard deviation (population) over finite values, and value counts."""

    min: list[float]
    max: list[float]
    avg: list[float]
    stddev: list[float]
    nan_count: list[int]
    inf_count: list[int]
    finite_count: list[int]

    @property
    def nchannels(self) -> int:
        """Number of channels."""
        return len(self.min)

    def has_nan(self) -> bool:
        """True if any channel holds a NaN."""
        return any(self.nan_count)

    def has_inf(self) -> bool:
        """True if any channel holds an infinity."""
        return any(self.inf_count)

    def total_nan(self) -> int:
        """NaNs in all channels."""
        return sum(self.nan_count)

    def total_inf(self) -> int:
        """Infinities in all channels."""
        return sum(self.inf_count)


def compute_pixel_stats(image: ImageLike, roi: Any = None) -> PixelStats:
    """Statistics of each channel over its finite values (NaN and infinities are only counted)."""
    data = _values(image, roi)
    flat = data.reshape(-1, data.shape[2])
    finite = np.isfinite(flat)
    stats: dict[str, list[Any]] = {k: [] for k in ("min", "max", "avg", "stddev")}
    for c in range(flat.shape[1]):
        v = flat[finite[:, c], c]
        stats["min"].append(float(v.min()) if v.size else 0.0)
        stats["max"].append(float(v.max()) if v.size else 0.0)
        stats["avg"].append(float(v.mean()) if v.size else 0.0)
        stats["stddev"].append(float(v.std()) if v.size else 0.0)
    return PixelStats(
        **stats,
        nan_count=[int(n) for n in np.isnan(flat).sum(axis=0)],
        inf_count=[int(n) for n in np.isinf(flat).sum(axis=0)],
        finite_count=[int(n) for n in finite.sum(axis=0)],
    )


@dataclass
class CompareResults:
    """Differences between two images: mean, RMS and max error (with where), PSNR, warning and failure counts.

    `nwarn` and `nfail` count pixels with a channel beyond the thresholds;
    `error` is True when any pixel failed.
    """

    mean_error: float
    rms_error: float
    psnr: float
    max_error: float
    max_x: int
    max_y: int
    max_z: int
    max_c: int
    nwarn: int
    nfail: int
    error: bool

    def is_identical(self) -> bool:
        """True if the images are equal."""
        return self.max_error == 0.0

    def passed(self) -> bool:
        """True if no pixel failed."""
        return self.nfail == 0


def _compare(a: ImageLike, b: ImageLike, thresholds: tuple[float, float, float, float], roi: Any) -> CompareResults:
    da, db = _values(a, roi), _values(b, roi)
    if da.shape != db.shape:
        raise ArgumentError(f"compare needs images of one size and channel count: {da.shape} and {db.shape}")
    fail, warn, fail_rel, warn_rel = thresholds
    diff = np.abs(da - db)
    scale = (np.abs(da) + np.abs(db)) / 2

    def beyond(limit: float, relative: float) -> int:
        over = diff > limit
        if relative > 0:
            over &= diff > relative * scale
        return int(np.any(over, axis=-1).sum())

    flat = np.nan_to_num(diff, nan=np.inf)
    y, x, c = np.unravel_index(int(np.argmax(flat)), diff.shape)
    rms = float(np.sqrt(np.mean(diff * diff)))
    both = np.concatenate([da.ravel(), db.ravel()])
    both = both[np.isfinite(both)]
    peak = max(1.0, float(both.max()) if both.size else 1.0)
    nfail = beyond(fail, fail_rel)
    return CompareResults(
        mean_error=float(diff.mean()),
        rms_error=rms,
        psnr=math.inf if rms == 0 else 20.0 * math.log10(peak / rms),
        max_error=float(diff[y, x, c]),
        max_x=int(x),
        max_y=int(y),
        max_z=0,
        max_c=int(c),
        nwarn=beyond(warn, warn_rel),
        nfail=nfail,
        error=nfail > 0,
    )


def compare(
    a: ImageLike, b: ImageLike, fail_thresh: float = 0.001, warn_thresh: float = 0.0001, roi: Any = None
) -> CompareResults:
    """Compare two images value by value (OpenImageIO's ``compare``).

    PSNR is ``20 log10(peak / RMS)`` with ``peak`` the larger of 1 and the
    brightest value of either image, as OpenImageIO computes it.
    """
    return _compare(a, b, (fail_thresh, warn_thresh, 0.0, 0.0), roi)


def compare_relative(
    a: ImageLike,
    b: ImageLike,
    fail_thresh: float = 0.001,
    warn_thresh: float = 0.0001,
    fail_relative: float = 0.0,
    warn_relative: float = 0.0,
    roi: Any = None,
) -> CompareResults:
    """`compare` where a value fails only if its difference is also above `fail_relative` times the mean of
    ``|a|`` and ``|b|`` (and likewise for warnings)."""
    return _compare(a, b, (fail_thresh, warn_thresh, fail_relative, warn_relative), roi)


def get_constant_color(image: ImageLike, threshold: float = 0.001, roi: Any = None) -> list[float] | None:
    """The colour of the first pixel if every pixel is within `threshold` of it, else None."""
    data = _values(image, roi)
    first = data[0, 0]
    if np.all(np.abs(data - first) <= threshold):
        return [float(v) for v in first]
    return None


def is_constant_color(image: ImageLike, threshold: float = 0.001, roi: Any = None) -> bool:
    """True if every pixel is within `threshold` of the first, on every channel."""
    return get_constant_color(image, threshold, roi) is not None


def is_constant_channel(
    image: ImageLike, channel: int, value: float, threshold: float = 0.001, roi: Any = None
) -> bool:
    """True if channel `channel` is within `threshold` of `value` everywhere."""
    data = _values(image, roi)
    if not 0 <= int(channel) < data.shape[2]:
        raise ArgumentError(f"channel {channel} is outside the image's {data.shape[2]} channels")
    return bool(np.all(np.abs(data[..., int(channel)] - float(value)) <= threshold))


def is_monochrome(image: ImageLike, threshold: float = 0.001, roi: Any = None) -> bool:
    """True if R, G and B are within `threshold` of each other everywhere (images with fewer channels: True)."""
    data = _values(image, roi)
    if data.shape[2] < 3:
        return True
    rgb = data[..., :3]
    return bool(np.all(rgb.max(axis=-1) - rgb.min(axis=-1) <= threshold))


@dataclass
class Histogram:
    """Counts of one channel's values in `nbins` equal bins over ``[min, max]`` (values outside: the end bins)."""

    bins: list[int]
    min: float
    max: float
    nbins: int = field(default=0)

    def total(self) -> int:
        """Values counted."""
        return int(sum(self.bins))

    def normalized(self) -> list[float]:
        """Bin counts divided by the total."""
        total = self.total()
        return [b / total if total else 0.0 for b in self.bins]

    def cumulative(self) -> list[int]:
        """Running sum of the counts."""
        return [int(v) for v in np.cumsum(self.bins)]

    def cdf(self) -> list[float]:
        """The cumulative counts divided by the total."""
        total = self.total()
        return [v / total if total else 0.0 for v in self.cumulative()]

    def bin_for_value(self, val: float) -> int:
        """The bin a value falls in (values outside the range go to the end bins)."""
        t = (float(val) - self.min) / (self.max - self.min)
        return int(min(max(math.floor(t * self.nbins), 0), self.nbins - 1))

    def value_for_bin(self, bin: int) -> float:
        """The value at the centre of `bin`."""
        return self.min + (int(bin) + 0.5) * (self.max - self.min) / self.nbins


def _histogram(values: F64, nbins: int, low: float, high: float) -> Histogram:
    if int(nbins) < 1 or not high > low:
        raise ArgumentError(f"histogram needs nbins >= 1 and max_val > min_val, not {nbins}, {low}, {high}")
    v = values[np.isfinite(values)]
    # Values outside the range count in the end bins (OpenImageIO's rule).
    index = np.clip(np.floor((v - low) / (high - low) * nbins), 0, nbins - 1).astype(np.int64)
    counts = np.bincount(index, minlength=int(nbins))
    return Histogram([int(n) for n in counts], float(low), float(high), int(nbins))


def histogram(
    image: ImageLike, channel: int = 0, nbins: int = 256, min_val: float = 0.0, max_val: float = 1.0, roi: Any = None
) -> Histogram:
    """Histogram of one channel over ``[min_val, max_val]`` (OpenImageIO's ``histogram``)."""
    data = _values(image, roi)
    if not 0 <= int(channel) < data.shape[2]:
        raise ArgumentError(f"channel {channel} is outside the image's {data.shape[2]} channels")
    return _histogram(data[..., int(channel)], nbins, min_val, max_val)


def histogram_all(
    image: ImageLike, nbins: int = 256, min_val: float = 0.0, max_val: float = 1.0, roi: Any = None
) -> list[Histogram]:
    """`histogram` of every channel."""
    data = _values(image, roi)
    return [_histogram(data[..., c], nbins, min_val, max_val) for c in range(data.shape[2])]


def maxchan(image: ImageLike, roi: Any = None) -> Any:
    """A one-channel image of each pixel's largest channel value (OpenImageIO's ``maxchan``)."""
    data = pixels(restrict(image, roi))
    return result(restrict(image, roi), data.max(axis=-1, keepdims=True), channel_names=["Y"])


def minchan(image: ImageLike, roi: Any = None) -> Any:
    """A one-channel image of each pixel's smallest channel value (OpenImageIO's ``minchan``)."""
    data = pixels(restrict(image, roi))
    return result(restrict(image, roi), data.min(axis=-1, keepdims=True), channel_names=["Y"])


@dataclass
class RangeCheckResult:
    """Pixels with a channel below `low`, with one above `high`, and with all channels in range."""

    low_count: int
    high_count: int
    in_range_count: int

    def total(self) -> int:
        """Pixels looked at (a pixel both low and high counts twice, as in OpenImageIO)."""
        return self.low_count + self.high_count + self.in_range_count

    def in_range_percent(self) -> float:
        """Percentage of pixels in range."""
        total = self.total()
        return 100.0 * self.in_range_count / total if total else 100.0

    def all_in_range(self) -> bool:
        """True if no pixel is out of range."""
        return self.low_count == 0 and self.high_count == 0


def color_range_check(image: ImageLike, low: Any, high: Any, roi: Any = None) -> RangeCheckResult:
    """Count pixels outside ``[low, high]`` (numbers or one per channel), OpenImageIO's ``color_range_check``."""
    data = _values(image, roi)
    lo = np.broadcast_to(np.asarray(low, dtype=np.float64), (data.shape[2],))
    hi = np.broadcast_to(np.asarray(high, dtype=np.float64), (data.shape[2],))
    below = np.any(data < lo, axis=-1)
    above = np.any(data > hi, axis=-1)
    return RangeCheckResult(int(below.sum()), int(above.sum()), int((~below & ~above).sum()))
