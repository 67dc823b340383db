"""Pixel operations outside the color pipeline: the seed API plus the vfx-rs-py ``ops`` (ImageBufAlgo) names.

Every op is a pure function: it takes an `Image` (or an ``(H, W[, C])``
array) and returns a new one of the same kind, keeping channel names, pixel
format and metadata. The common ones are also `Image` methods
(``img.blur(sigma=2.0)``, ``img.resize(width=960)``). Functions that take
``roi=`` (a `vfx_rs.Roi3D`) return only that region. The README's "API
compatibility" table maps the names of vfx-rs-py and OpenImageIO here.

Examples
--------
>>> import numpy as np, vfx_rs
>>> import vfx_rs.ops as ops
>>> img = vfx_rs.Image(np.full((1080, 1920, 4), 0.5, np.float32))
>>> ops.resize(img, width=960, height=540, filter="lanczos")
<vfx_rs.Image 960x540 RGBA f32>
>>> ops.resize(img, 960, 540, ops.ResizeFilter.Lanczos3)
<vfx_rs.Image 960x540 RGBA f32>
>>> ops.over(ops.blur(img, radius=5, type="gaussian"), img)
<vfx_rs.Image 1920x1080 RGBA f32>
"""

from __future__ import annotations

from typing import Any as _Any

from vfx_rs.ops.arith import abs, absdiff, add, clamp, div, invert, mad, max, min, mul, normalize, pow, sub
from vfx_rs.ops.blend import BLEND_MODES, blend
from vfx_rs.ops.blur import BLUR_TYPES, EDGE_MODES, blur, blur_kernel, median, sharpen, unsharp_mask
from vfx_rs.ops.camera import (
    FillHolesOptions,
    MipmapOptions,
    count_holes,
    demosaic,
    fillholes_pushpull,
    has_holes,
    make_mip_level,
    make_texture,
    mip_dimensions,
    mip_level_count,
)
from vfx_rs.ops.channel_ops import (
    channel_append,
    channel_sum,
    channels,
    color_count,
    extract_channel,
    flatten,
    unique_color_count,
)
from vfx_rs.ops.channels import append_channels, extract, shuffle
from vfx_rs.ops.colorops import (
    color_map,
    colormatrixtransform,
    contrast_remap,
    linear_to_srgb,
    rangecompress,
    rangeexpand,
    saturate,
    srgb_to_linear,
)
from vfx_rs.ops.composite import (
    PORTER_DUFF,
    atop,
    composite,
    in_,
    out_,
    over,
    premult,
    repremult,
    under,
    unpremult,
    xor,
)
from vfx_rs.ops.enums import (
    BayerPattern,
    ColorMapName,
    DemosaicAlgorithm,
    FilterType,
    MipmapFilter,
    ResizeFilter,
    WrapMode,
)
from vfx_rs.ops.filters import FILTERS, get_filter
from vfx_rs.ops.geometry import crop, cut, flip, flop, pad, rotate90, rotate180, rotate270, transpose
from vfx_rs.ops.layer_modes import (
    add_blend,
    colorburn,
    colordodge,
    difference,
    exclusion,
    hardlight,
    multiply,
    overlay,
    screen,
    softlight,
    zover,
)
from vfx_rs.ops.morphology import box_blur, dilate, erode, laplacian, make_kernel, morph_close, morph_open, sobel
from vfx_rs.ops.patterns import NOISE_TYPES, checker, fill, noise, zero
from vfx_rs.ops.resize import fit, resize
from vfx_rs.ops.stats import ChannelStats, Comparison, compare, histogram, stats
from vfx_rs.ops.transform import circular_shift, reorient, reorient_auto, resample, rotate

in_op = in_
"""vfx-rs-py's name for `in_` (Porter-Duff A in B)."""
out = out_
"""vfx-rs-py's name for `out_` (Porter-Duff A out B)."""


def __getattr__(name: str) -> _Any:
    # ``ops.ocionamedtransform`` (vfx-rs-py's place for it) needs an OCIO config, which sits above the ops
    # layer: it lives in vfx_rs.ocio.image_ops and is looked up there on first use.
    if name == "ocionamedtransform":
        import importlib

        return importlib.import_module("vfx_rs.ocio.image_ops").ocionamedtransform
    raise AttributeError(f"module 'vfx_rs.ops' has no attribute {name!r}")


__all__ = [
    "BLEND_MODES",
    "BLUR_TYPES",
    "EDGE_MODES",
    "FILTERS",
    "NOISE_TYPES",
    "PORTER_DUFF",
    "BayerPattern",
    "ChannelStats",
    "ColorMapName",
    "Comparison",
    "DemosaicAlgorithm",
    "FillHolesOptions",
    "FilterType",
    "MipmapFilter",
    "MipmapOptions",
    "ResizeFilter",
    "WrapMode",
    "abs",
    "absdiff",
    "add",
    "add_blend",
    "append_channels",
    "atop",
    "blend",
    "blur",
    "blur_kernel",
    "box_blur",
    "channel_append",
    "channel_sum",
    "channels",
    "checker",
    "circular_shift",
    "clamp",
    "color_count",
    "color_map",
    "colorburn",
    "colordodge",
    "colormatrixtransform",
    "compare",
    "composite",
    "contrast_remap",
    "count_holes",
    "crop",
    "cut",
    "demosaic",
    "difference",
    "dilate",
    "div",
    "erode",
    "exclusion",
    "extract",
    "extract_channel",
    "fill",
    "fillholes_pushpull",
    "fit",
    "flatten",
    "flip",
    "flop",
    "get_filter",
    "hardlight",
    "has_holes",
    "histogram",
    "in_",
    "in_op",
    "invert",
    "laplacian",
    "linear_to_srgb",
    "mad",
    "make_kernel",
    "make_mip_level",
    "make_texture",
    "max",
    "median",
    "min",
    "mip_dimensions",
    "mip_level_count",
    "morph_close",
    "morph_open",
    "mul",
    "multiply",
    "noise",
    "normalize",
    "out",
    "out_",
    "over",
    "overlay",
    "pad",
    "pow",
    "premult",
    "rangecompress",
    "rangeexpand",
    "reorient",
    "reorient_auto",
    "repremult",
    "resample",
    "resize",
    "rotate",
    "rotate90",
    "rotate180",
    "rotate270",
    "saturate",
    "screen",
    "sharpen",
    "shuffle",
    "sobel",
    "softlight",
    "srgb_to_linear",
    "stats",
    "sub",
    "transpose",
    "under",
    "unique_color_count",
    "unpremult",
    "unsharp_mask",
    "xor",
    "zero",
    "zover",
]
