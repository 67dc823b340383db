"""The option enums of the vfx-rs-py ``ops`` module, as `enum.IntEnum` with the original's values.

Each op that takes one also accepts its name as a string (``"lanczos3"``).
"""

from __future__ import annotations

import enum

from vfx_rs.errors import ArgumentError

__all__ = [
    "BayerPattern",
    "ColorMapName",
    "DemosaicAlgorithm",
    "FilterType",
    "MipmapFilter",
    "ResizeFilter",
    "WrapMode",
    "enum_name",
]


class WrapMode(enum.IntEnum):
    """Pixel lookups outside the image: black, clamp to the edge, periodic or mirror."""

    Black = 0
    Clamp = 1
    Periodic = 2
    Mirror = 3


class FilterType(enum.IntEnum):
    """Filter kernels by name (`vfx_rs.ops.FILTERS` has more)."""

    Box = 0
    Triangle = 1
    Gaussian = 2
    Mitchell = 3
    Lanczos3 = 4


class ResizeFilter(enum.IntEnum):
    """Resize filters of `vfx_rs.ops.resize`, `fit` and `rotate`."""

    Nearest = 0
    Bilinear = 1
    Bicubic = 2
    Lanczos3 = 3


class ColorMapName(enum.IntEnum):
    """Named maps of `vfx_rs.ops.color_map`."""

    Inferno = 0
    Viridis = 1
    Turbo = 2
    Magma = 3
    Plasma = 4
    BlueRed = 5
    Heat = 6
    Spectrum = 7


class BayerPattern(enum.IntEnum):
    """Colour filter array layouts, named by the top-left 2x2 block read row by row."""

    RGGB = 0
    BGGR = 1
    GRBG = 2
    GBRG = 3


class DemosaicAlgorithm(enum.IntEnum):
    """Demosaicing algorithms of `vfx_rs.ops.demosaic`."""

    Bilinear = 0
    VNG = 1
    AHD = 2


class MipmapFilter(enum.IntEnum):
    """Downsampling filters of `vfx_rs.ops.make_texture`."""

    Box = 0
    Bilinear = 1
    Lanczos = 2
    Kaiser = 3


def enum_name(value: object, kind: type[enum.IntEnum], default: str) -> str:
    """The lower-case member name of `value` (a member, its name or its int), `default` for None."""
    if value is None:
        return default
    if isinstance(value, kind):
        return value.name.lower()
    names = {m.name.lower(): m.name.lower() for m in kind}
    if isinstance(value, str) and value.lower().replace("-", "").replace("_", "") in names:
        return names[value.lower().replace("-", "").replace("_", "")]
    if isinstance(value, int) and not isinstance(value, bool) and value in {m.value for m in kind}:
        return kind(value).name.lower()
    raise ArgumentError(f"unknown {kind.__name__} {value!r}; expected one of: {', '.join(m.name for m in kind)}")
