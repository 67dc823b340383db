"""Camera raw and texture ops of the vfx-rs-py ``ops``: demosaic, mip levels, push-pull hole filling.

`demosaic` interpolates a one-channel Bayer mosaic; its bilinear method takes each missing
colour as the mean of the nearest samples of that colour (the 4 edge
neighbours for green, 2 or 4 neighbours for red and blue), which is OpenImageIO's
``demosaic(algorithm="linear")`` inside the image; on the border only the
samples inside count (OpenImageIO differs on some border pixels); ``DemosaicAlgorithm.AHD``
is Hirakawa & Parks' method (`vfx_rs.ops.demosaic_ahd`), ``DemosaicAlgorithm.VNG`` Chang, Cheung
and Pang's variable number of gradients (`vfx_rs.ops.demosaic_vng`). `make_texture` builds the mip chain (each level half the one
before, rounded down, at least 1). `fillholes_pushpull` fills pixels whose
alpha is below a threshold from ever coarser averages of the known pixels
(Gortler et al. 1996, *The Lumigraph*, section 3.4.2, "pull-push").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, alpha_index, check_whole, pixels, pixels_and_names, result
from vfx_rs.ops.demosaic_ahd import ahd
from vfx_rs.ops.demosaic_vng import vng
from vfx_rs.ops.enums import BayerPattern, DemosaicAlgorithm, MipmapFilter, WrapMode, enum_name
from vfx_rs.ops.filters import KAISER, Filter
from vfx_rs.ops.resize import resize

__all__ = [
    "FillHolesOptions",
    "MipmapOptions",
    "count_holes",
    "demosaic",
    "fillholes_pushpull",
    "has_holes",
    "make_mip_level",
    "make_texture",
    "mip_dimensions",
    "mip_level_count",
]

T = TypeVar("T")

F64 = npt.NDArray[np.float64]

_LAYOUTS = {"rggb": "RGGB", "bggr": "BGGR", "grbg": "GRBG", "gbrg": "GBRG"}


def demosaic(image: ImageLike, pattern: Any = None, algorithm: Any = None) -> Any:
    """An RGB image from a one-channel Bayer mosaic (`BayerPattern`, RGGB by default), VNG by default.

    `DemosaicAlgorithm.VNG` (the default, as in vfx-rs-py) is Chang, Cheung and Pang's variable
    number of gradients (`vfx_rs.ops.demosaic_vng`, dcraw's form); `DemosaicAlgorithm.AHD` is
    Hirakawa & Parks' adaptive homogeneity-directed method (`vfx_rs.ops.demosaic_ahd`);
    `DemosaicAlgorithm.Bilinear` the mean of the nearest samples of each colour.
    """
    layout = _LAYOUTS[enum_name(pattern, BayerPattern, "rggb")]
    method = enum_name(algorithm, DemosaicAlgorithm, "vng")
    data = pixels(image)
    raw = data[..., 0].astype(np.float64)
    h, w = raw.shape
    yy, xx = np.mgrid[0:h, 0:w]
    site = np.array(list(layout)).reshape(2, 2)[yy % 2, xx % 2]
    if method == "ahd":
        rgb = ahd(raw, site)
    elif method == "vng":
        rgb = vng(raw, layout, _bilinear(raw, site))
    else:
        rgb = _bilinear(raw, site)
    return result(image, rgb, channel_names=["R", "G", "B"])


def _bilinear(raw: F64, site: npt.NDArray[np.str_]) -> F64:
    """Each missing colour the mean of the nearest samples of that colour inside the image."""
    from scipy import ndimage

    cross = np.array([[0, 1, 0], [1, 4, 1], [0, 1, 0]], dtype=np.float64)
    box = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]], dtype=np.float64)
    planes = []
    for colour, kernel in (("R", box), ("G", cross), ("B", box)):
        mask = (site == colour).astype(np.float64)
        total = ndimage.correlate(raw * mask, kernel, mode="constant")
        weight = ndimage.correlate(mask, kernel, mode="constant")
        planes.append(np.where(mask > 0, raw, total / np.where(weight > 0, weight, 1.0)))
    return np.stack(planes, axis=-1)


@dataclass
class MipmapOptions:
    """How `make_texture` downsamples: filter, sRGB-aware averaging, premultiplied alpha, edge wrap."""

    filter: Any = None
    srgb: bool = False
    premultiply_alpha: bool = True
    wrap: Any = None

    def __post_init__(self) -> None:
        self.filter = MipmapFilter.Bilinear if self.filter is None else self.filter
        self.wrap = WrapMode.Clamp if self.wrap is None else self.wrap


_MIP_FILTERS: dict[str, str | Filter] = {"box": "box", "bilinear": "triangle", "lanczos": "lanczos3", "kaiser": KAISER}


def mip_level_count(width: int, height: int) -> int:
    """Levels down to 1x1: ``floor(log2(max(width, height))) + 1``."""
    return math.floor(math.log2(max(check_whole(width, "width"), check_whole(height, "height")))) + 1


def mip_dimensions(width: int, height: int, level: int) -> tuple[int, int]:
    """Size of mip `level`: each side halved `level` times, rounded down, at least 1."""
    level = min(check_whole(level, "mip level", low=0), 64)
    return max(1, check_whole(width, "width") >> level), max(1, check_whole(height, "height") >> level)


def _downsample(image: ImageLike, width: int, height: int, options: MipmapOptions) -> Any:
    kernel = _MIP_FILTERS[enum_name(options.filter, MipmapFilter, "bilinear")]
    if enum_name(options.wrap, WrapMode, "clamp") != "clamp":
        raise ArgumentError("mipmaps are filtered with clamped edges here; wrap must be WrapMode.Clamp")
    from vfx_rs.ops.colorops import linear_to_srgb, srgb_to_linear

    work = srgb_to_linear(image) if options.srgb else image
    out = resize(work, width, height, kernel, premultiplied=not options.premultiply_alpha)
    return linear_to_srgb(out) if options.srgb else out


def make_mip_level(image: ImageLike, level: int, options: MipmapOptions | None = None) -> Any:
    """Mip `level` of `image` (0 is the image itself)."""
    data = pixels(image)
    level = check_whole(level, "mip level", low=0)
    if level >= mip_level_count(data.shape[1], data.shape[0]):
        raise ArgumentError(f"level {level} is outside 0..{mip_level_count(data.shape[1], data.shape[0]) - 1}")
    if int(level) == 0:
        return result(image, data.copy())
    return _downsample(image, *mip_dimensions(data.shape[1], data.shape[0], level), _options(options, MipmapOptions))


def make_texture(image: ImageLike, options: MipmapOptions | None = None) -> list[Any]:
    """Every mip level from the image down to 1x1, each filtered from the one before."""
    opts = _options(options, MipmapOptions)
    levels = [result(image, pixels(image).copy())]
    data = pixels(image)
    for level in range(1, mip_level_count(data.shape[1], data.shape[0])):
        levels.append(_downsample(levels[-1], *mip_dimensions(data.shape[1], data.shape[0], level), opts))
    return levels


@dataclass
class FillHolesOptions:
    """Which pixels are holes: alpha channel index (-1: the one named A) below `alpha_threshold`.

    `alpha_threshold` is what `has_holes` and `count_holes` test; `fillholes_pushpull`
    uses alpha as coverage (OpenImageIO's rule) and stops after `max_levels`
    pyramid levels when above 0. `dilate` is accepted for compatibility.
    """

    alpha_channel: int = -1
    alpha_threshold: float = 0.001
    dilate: bool = True
    max_levels: int = 0


def _options(options: Any, kind: type[T]) -> T:
    """`options`, or the defaults when None; anything but a `kind` raises `ArgumentError`."""
    if options is None:
        return kind()
    if not isinstance(options, kind):
        raise ArgumentError(f"options must be a vfx_rs.ops.{kind.__name__}, not {type(options).__name__}")
    return options


def _holes(image: ImageLike, options: FillHolesOptions | None) -> tuple[Any, int, Any]:
    opts = _options(options, FillHolesOptions)
    data, names = pixels_and_names(image)
    index = opts.alpha_channel if opts.alpha_channel >= 0 else alpha_index(names)
    if index is None or not 0 <= index < data.shape[2]:
        raise ArgumentError(f"hole filling needs an alpha channel; channels are: {', '.join(names)}")
    return data, index, data[..., index] < opts.alpha_threshold


def has_holes(image: ImageLike, options: FillHolesOptions | None = None) -> bool:
    """True if any pixel's alpha is below the threshold."""
    return bool(_holes(image, options)[2].any())


def count_holes(image: ImageLike, options: FillHolesOptions | None = None) -> int:
    """How many pixels have alpha below the threshold."""
    return int(_holes(image, options)[2].sum())


def _divide_by_alpha(data: F64, index: int) -> F64:
    """Every channel of the pixels with alpha above 0 divided by that alpha (their alpha becomes 1)."""
    alpha = data[..., index : index + 1]
    return np.divide(data, alpha, out=data.copy(), where=alpha > 0)


def fillholes_pushpull(image: ImageLike, options: FillHolesOptions | None = None) -> Any:
    """Fill holes with smooth colour from their surroundings; the result has alpha 1 where anything was near.

    OpenImageIO's ``fillholes_pushpull``: a pyramid of ever half-size copies
    (triangle filter), each divided by its alpha so the known colour spreads;
    then from the coarsest level up, each level is composited over the level
    below it, blown back up (triangle), which fills the holes. Colour is
    premultiplied; pixels of alpha 1 keep their values.
    """
    opts = _options(options, FillHolesOptions)
    data, index, _ = _holes(image, opts)
    pyramid = [data.astype(np.float64)]
    limit = opts.max_levels if opts.max_levels > 0 else 64
    h, w = data.shape[:2]
    while (w > 1 or h > 1) and len(pyramid) < limit:
        w, h = max(1, w // 2), max(1, h // 2)
        small = np.asarray(resize(pyramid[-1].astype(np.float32), w, h, "triangle"), dtype=np.float64)
        pyramid.append(_divide_by_alpha(small, index))
    for i in range(len(pyramid) - 2, -1, -1):
        big = pyramid[i]
        up = np.asarray(resize(pyramid[i + 1].astype(np.float32), big.shape[1], big.shape[0], "triangle"))
        pyramid[i] = big + up * (1.0 - big[..., index : index + 1])
    return result(image, pyramid[0])
