"""Pixel operations outside the color pipeline: resize, blur, composite, geometry, channels, statistics.

Every op is a pure function: it takes an `Image` (or an ``(H, W[, C])``
array) and returns a new one of the same kind, keeping channel names, pixel
format and metadata. The common ones are also `Image` methods
(``img.blur(sigma=2.0)``, ``img.resize(width=960)``).

Examples
--------
>>> import numpy as np, vfx_rs
>>> import vfx_rs.ops as ops
>>> img = vfx_rs.Image(np.full((1080, 1920, 4), 0.5, np.float32))
>>> ops.resize(img, width=960, height=540, filter="lanczos")
<vfx_rs.Image 960x540 RGBA f32>
>>> ops.over(ops.blur(img, radius=5, type="gaussian"), img)
<vfx_rs.Image 1920x1080 RGBA f32>
"""

from __future__ import annotations

from vfx_rs.ops.blend import BLEND_MODES, blend
from vfx_rs.ops.blur import BLUR_TYPES, EDGE_MODES, blur, blur_kernel, median, sharpen, unsharp_mask
from vfx_rs.ops.channels import append_channels, extract, shuffle
from vfx_rs.ops.composite import PORTER_DUFF, atop, composite, in_, out_, over, premult, under, unpremult, xor
from vfx_rs.ops.filters import FILTERS, get_filter
from vfx_rs.ops.geometry import crop, cut, flip, flop, pad, rotate, rotate90, rotate180, rotate270, transpose
from vfx_rs.ops.resize import fill, fit, resize
from vfx_rs.ops.stats import ChannelStats, Comparison, compare, histogram, stats

__all__ = [
    "BLEND_MODES",
    "BLUR_TYPES",
    "EDGE_MODES",
    "FILTERS",
    "PORTER_DUFF",
    "ChannelStats",
    "Comparison",
    "append_channels",
    "atop",
    "blend",
    "blur",
    "blur_kernel",
    "compare",
    "composite",
    "crop",
    "cut",
    "extract",
    "fill",
    "fit",
    "flip",
    "flop",
    "get_filter",
    "histogram",
    "in_",
    "median",
    "out_",
    "over",
    "pad",
    "premult",
    "resize",
    "rotate",
    "rotate90",
    "rotate180",
    "rotate270",
    "sharpen",
    "shuffle",
    "stats",
    "transpose",
    "under",
    "unpremult",
    "unsharp_mask",
    "xor",
]
