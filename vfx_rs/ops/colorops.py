"""Per-pixel colour ops of OpenImageIO's ImageBufAlgo (``imagebufalgo.h``, "Color manipulation").

sRGB curves (IEC 61966-2-1:1999, section 4.7 and annex), the SPI range
compression, saturation, contrast remapping, colour matrices and false
colour maps. Each takes an `Image` (or array) and returns a new one like it;
alpha (the channel named A) is left as it is unless said otherwise, and
``roi=`` keeps only that region.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs._validate import numeric_array
from vfx_rs.errors import ArgumentError, VfxError
from vfx_rs.ops._common import ImageLike, alpha_index, check_finite, check_whole, pixels_and_names, result
from vfx_rs.ops._roi import with_roi
from vfx_rs.ops.colormaps import COLOR_MAPS
from vfx_rs.ops.enums import ColorMapName

__all__ = [
    "LUMA_REC709",
    "color_map",
    "colormatrixtransform",
    "contrast_remap",
    "linear_to_srgb",
    "rangecompress",
    "rangeexpand",
    "saturate",
    "srgb_to_linear",
]

F64 = npt.NDArray[np.float64]

LUMA_REC709 = (0.2126, 0.7152, 0.0722)
"""Rec. 709 luma weights (ITU-R BT.709-6, item 3.2), OpenImageIO's for luma and saturation."""

_RC_X1, _RC_A, _RC_B, _RC_C = 0.18, -0.54576885700225830078, 0.18351498246192932129, 284.3979797363281250
"""OpenImageIO's range compression (``rangecompress``, credited to Sony Pictures Imageworks):
identity up to 0.18, then ``a + b * log(c * x + 1)``, continuous with slope 1 at 0.18."""


def _colour_channels(count: int, names: list[str]) -> list[int]:
    alpha = alpha_index(names)
    return [i for i in range(count) if i != alpha][:3]


def _per_colour(image: ImageLike, fn: Any, roi: Any) -> Any:
    data, names = pixels_and_names(image)

    def run() -> Any:
        out = data.copy()
        idx = _colour_channels(data.shape[2], names)
        with np.errstate(all="ignore"):
            out[..., idx] = fn(data[..., idx].astype(np.float64))
        return result(image, out)

    return with_roi(run, roi)


def _to_srgb(x: F64) -> F64:
    return np.where(x <= 0.0031308, 12.92 * x, 1.055 * np.power(np.maximum(x, 0.0031308), 1 / 2.4) - 0.055)


def _from_srgb(x: F64) -> F64:
    return np.where(x <= 0.04045, x / 12.92, np.power((np.maximum(x, 0.04045) + 0.055) / 1.055, 2.4))


def linear_to_srgb(image: ImageLike, roi: Any = None) -> Any:
    """Encode colour with the sRGB curve: ``12.92 x`` up to 0.0031308, else ``1.055 x^(1/2.4) - 0.055``."""
    return _per_colour(image, _to_srgb, roi)


def srgb_to_linear(image: ImageLike, roi: Any = None) -> Any:
    """Decode sRGB-encoded colour: ``x / 12.92`` up to 0.04045, else ``((x + 0.055) / 1.055)^2.4``."""
    return _per_colour(image, _from_srgb, roi)


def _compress(x: F64) -> F64:
    ax = np.abs(x)
    return np.where(ax <= _RC_X1, x, np.copysign(_RC_A + _RC_B * np.log(np.abs(_RC_C * ax + 1.0)), x))


def _expand(y: F64) -> F64:
    ay = np.abs(y)
    return np.where(ay <= _RC_X1, y, np.copysign((np.exp((ay - _RC_A) / _RC_B) - 1.0) / _RC_C, y))


def _range(image: ImageLike, use_luma: bool, fn: Any, roi: Any) -> Any:
    def per_pixel(rgb: F64) -> F64:
        if not use_luma or rgb.shape[-1] < 3:
            return fn(rgb)
        luma = rgb @ np.array(LUMA_REC709)
        scale = np.where(luma > 0, fn(luma) / np.where(luma > 0, luma, 1.0), 0.0)
        return rgb * scale[..., None]

    return _per_colour(image, per_pixel, roi)


def rangecompress(image: ImageLike, use_luma: bool = False, roi: Any = None) -> Any:
    """Compress high values logarithmically (OpenImageIO's ``rangecompress``), for filtering HDR.

    Values up to 0.18 in magnitude stay; above, ``a + b log(c |x| + 1)`` with
    the sign kept. With `use_luma`, RGB is scaled by ``f(Y) / Y`` of its
    Rec. 709 luma ``Y`` instead (hue kept; pixels with ``Y <= 0`` become 0).
    """
    return _range(image, use_luma, _compress, roi)


def rangeexpand(image: ImageLike, use_luma: bool = False, roi: Any = None) -> Any:
    """The inverse of `rangecompress`: ``(exp((|y| - a) / b) - 1) / c`` above 0.18."""
    return _range(image, use_luma, _expand, roi)


def saturate(image: ImageLike, scale: float, firstchannel: int = 0, roi: Any = None) -> Any:
    """Scale saturation of the three channels from `firstchannel`: ``Y + scale * (c - Y)``, Rec. 709 luma ``Y``."""
    data, _ = pixels_and_names(image)
    first = check_whole(firstchannel, "firstchannel", low=0)
    scale = check_finite(scale, "saturation scale")
    if not 0 <= first <= data.shape[2] - 3:
        raise ArgumentError(f"saturate needs channels {first}..{first + 2}; the image has {data.shape[2]}")

    def run() -> Any:
        out = data.copy()
        rgb = data[..., first : first + 3].astype(np.float64)
        luma = (rgb @ np.array(LUMA_REC709))[..., None]
        out[..., first : first + 3] = luma + float(scale) * (rgb - luma)
        return result(image, out)

    return with_roi(run, roi)


def contrast_remap(
    image: ImageLike,
    black: Any = 0.0,
    white: Any = 1.0,
    min_val: Any = 0.0,
    max_val: Any = 1.0,
    scontrast: Any = 1.0,
    sthresh: Any = 0.5,
    roi: Any = None,
) -> Any:
    """OpenImageIO's ``contrast_remap``: ``black..white`` to ``min..max``, with an optional sigmoid.

    ``x = (v - black) / (white - black)``; if ``scontrast != 1``, ``x``
    goes through ``s(x) = 1 / (1 + exp(scontrast (sthresh - x)))``
    normalised so that ``s(0) = 0`` and ``s(1) = 1``; then ``min + x (max - min)``.
    Every channel, alpha too; numbers or one per channel.
    """
    data, _ = pixels_and_names(image)
    try:
        params = [
            np.broadcast_to(numeric_array(v, "contrast_remap value", np.float64), (data.shape[2],))
            for v in (black, white, min_val, max_val, scontrast, sthresh)
        ]
    except ValueError as exc:  # broadcast_to: neither one value nor one per channel
        if isinstance(exc, VfxError):
            raise
        raise ArgumentError(f"contrast_remap values must be one number or {data.shape[2]} (one per channel)") from None
    lo, hi, out_lo, out_hi, sc, th = params

    def run() -> Any:
        with np.errstate(all="ignore"):
            span = np.where(hi != lo, hi - lo, 1.0)
            x = np.where(hi != lo, (data - lo) / span, np.where(data >= hi, 1.0, 0.0))
            sig = 1.0 / (1.0 + np.exp(sc * (th - x)))
            s0, s1 = 1.0 / (1.0 + np.exp(sc * th)), 1.0 / (1.0 + np.exp(sc * (th - 1.0)))
            x = np.where(sc != 1.0, (sig - s0) / (s1 - s0), x)
        return result(image, out_lo + x * (out_hi - out_lo))

    return with_roi(run, roi)


def colormatrixtransform(image: ImageLike, matrix: Any, unpremult: bool = False, roi: Any = None) -> Any:
    """Multiply each ``[r, g, b, a]`` by a 4x4 matrix as a row vector: ``out = [r, g, b, a] @ M``.

    `matrix` is 16 numbers in row-major order (or a 4x4 array), the
    convention of OpenImageIO's ``colormatrixtransform`` (Imath ``M44f``):
    the row ``M[3]`` is the offset, the column ``M[:, 0]`` makes red. An image
    with fewer than four channels reads the missing ones as 0 (so ``M[3]``
    does not apply to RGB, as in OpenImageIO); channels past the fourth are copied. With
    `unpremult`, colour is divided by alpha first and multiplied by the new alpha after.
    """
    m = numeric_array(matrix, "matrix", np.float64)
    if m.size != 16:
        raise ArgumentError(f"matrix must have 16 numbers (4x4, row-major), not {m.size}")
    m = m.reshape(4, 4)
    data, names = pixels_and_names(image)

    def run() -> Any:
        n = min(data.shape[2], 4)
        alpha = alpha_index(names)
        v = np.zeros((*data.shape[:2], 4))
        v[..., :n] = data[..., :n]
        a = v[..., 3:4].copy() if alpha == 3 else None
        if unpremult and a is not None:
            v[..., :3] = np.divide(v[..., :3], a, out=v[..., :3].copy(), where=a > 0)
        out_v = v @ m
        if unpremult and a is not None:
            out_v[..., :3] = np.where(a > 0, out_v[..., :3] * out_v[..., 3:4], out_v[..., :3])
        out = data.copy()
        out[..., :n] = out_v[..., :n]
        return result(image, out)

    return with_roi(run, roi)


def color_map(
    image: ImageLike, srcchannel: int = -1, map_name: Any = ColorMapName.Inferno, roi: Any = None, *, knots: Any = None
) -> Any:
    """False colour: a channel (or Rec. 709 luma, ``srcchannel=-1``) through a colour map, to RGB.

    `map_name` is a `ColorMapName` or one of ``inferno``, ``viridis``,
    ``turbo``, ``magma``, ``plasma``, ``blue-red``, ``heat``, ``spectrum``;
    `knots` (``(n, 3)`` RGB values at evenly spaced points of 0..1) gives a
    map of one's own. Values are clamped to 0..1 and interpolated linearly
    between knots (OpenImageIO's ``color_map``). The result has channels R, G, B.
    """
    if knots is None:
        key = map_name.name.lower() if isinstance(map_name, ColorMapName) else str(map_name).lower()
        key = {"bluered": "blue-red", "rainbow": "spectrum"}.get(key, key)
        if key not in COLOR_MAPS:
            raise ArgumentError(f"unknown colour map {map_name!r}; expected one of: {', '.join(COLOR_MAPS)}")
        knots = COLOR_MAPS[key]
    table = numeric_array(knots, "knots", np.float64)
    if table.ndim != 2 or table.shape[1] != 3 or table.shape[0] < 2:
        raise ArgumentError(f"knots must be (n, 3) RGB values with n >= 2, not shape {table.shape}")
    data, _ = pixels_and_names(image)
    channel = check_whole(srcchannel, "srcchannel", low=-1)
    if channel >= data.shape[2] or channel < -1:
        raise ArgumentError(f"srcchannel {channel} is outside the image's {data.shape[2]} channels")

    def run() -> Any:
        if channel >= 0:
            x = data[..., channel].astype(np.float64)
        elif data.shape[2] >= 3:
            x = data[..., :3].astype(np.float64) @ np.array(LUMA_REC709)
        else:
            x = data[..., 0].astype(np.float64)
        grid = np.linspace(0.0, 1.0, table.shape[0])
        x = np.clip(np.nan_to_num(x, nan=0.0), 0.0, 1.0)
        rgb = np.stack([np.interp(x, grid, table[:, c]) for c in range(3)], axis=-1)
        return result(image, rgb, channel_names=["R", "G", "B"])

    return with_roi(run, roi)
