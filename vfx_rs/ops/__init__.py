"""Pixel operations outside the color pipeline: statistics, resize, blur, composite, geometry.

Every op is a pure function: it takes an `Image` (or an array) and returns a
new one, keeping channel names, pixel format and metadata. The same ops are
`Image` methods (``img.blur(sigma=2.0)``).
"""

from __future__ import annotations

from vfx_rs.ops.stats import ChannelStats, Comparison, compare, histogram, stats

__all__ = [
    "ChannelStats",
    "Comparison",
    "compare",
    "histogram",
    "stats",
]
