"""Pixel arithmetic, as OpenImageIO's ``ImageBufAlgo`` (``imagebufalgo.h``, "Arithmetic").

Each function takes an `Image` (or array) and a second operand that is an
image of the same size and channel count, one number, or one number per
channel; it returns a new image like its first argument. ``roi=`` keeps only
that region (`vfx_rs.ops._roi`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfx_rs.ops._common import ImageLike, check_finite, pixels, result
from vfx_rs.ops._roi import with_roi

__all__ = ["abs", "absdiff", "add", "clamp", "div", "invert", "mad", "max", "min", "mul", "normalize", "pow", "sub"]

F32 = npt.NDArray[np.float32]


def operand(value: Any, like: F32, what: str = "b") -> F32 | np.float32:
    """`value` as something that broadcasts against `like` (H, W, C): an image, one number or C numbers."""
    if isinstance(value, Image) or (isinstance(value, np.ndarray) and value.ndim >= 2):
        data = pixels(value, what)
        if data.shape != like.shape:
            raise ArgumentError(
                f"{what} is {data.shape[1]}x{data.shape[0]}x{data.shape[2]} but the image is "
                f"{like.shape[1]}x{like.shape[0]}x{like.shape[2]} (width x height x channels)"
            )
        return data
    try:
        numbers = np.asarray(value, dtype=np.float32)
    except (TypeError, ValueError):
        raise ArgumentError(f"{what} must be an image, a number or one number per channel, not {value!r}") from None
    if numbers.ndim == 0:
        return np.float32(numbers)
    if numbers.ndim != 1 or numbers.size not in (1, like.shape[2]):
        raise ArgumentError(f"{what} has {numbers.size} values for an image with {like.shape[2]} channels")
    return numbers if numbers.size > 1 else np.float32(numbers[0])


def _binary(a: ImageLike, b: Any, fn: Any, roi: Any) -> Any:
    data = pixels(a, "a")

    def run() -> Any:
        with np.errstate(all="ignore"):
            return result(a, np.asarray(fn(data, operand(b, data)), dtype=np.float32))

    return with_roi(run, roi)


def add(a: ImageLike, b: Any, roi: Any = None) -> Any:
    """``a + b``."""
    return _binary(a, b, np.add, roi)


def sub(a: ImageLike, b: Any, roi: Any = None) -> Any:
    """``a - b``."""
    return _binary(a, b, np.subtract, roi)


def mul(a: ImageLike, b: Any, roi: Any = None) -> Any:
    """``a * b``."""
    return _binary(a, b, np.multiply, roi)


def _safe_div(x: F32, y: Any) -> F32:
    y = np.broadcast_to(np.asarray(y, dtype=np.float32), x.shape)
    return np.divide(x, y, out=np.zeros_like(x), where=y != 0)


def div(a: ImageLike, b: Any, roi: Any = None) -> Any:
    """``a / b``, and 0 where ``b`` is 0 (OpenImageIO's ``div``)."""
    return _binary(a, b, _safe_div, roi)


def mad(a: ImageLike, b: Any, c: Any, roi: Any = None) -> Any:
    """``a * b + c``."""
    data = pixels(a, "a")
    return _binary(a, b, lambda x, y: x * y + operand(c, data, "c"), roi)


def max(a: ImageLike, b: Any, roi: Any = None) -> Any:
    """Per-channel maximum of ``a`` and ``b``."""
    return _binary(a, b, np.maximum, roi)


def min(a: ImageLike, b: Any, roi: Any = None) -> Any:
    """Per-channel minimum of ``a`` and ``b``."""
    return _binary(a, b, np.minimum, roi)


def absdiff(a: ImageLike, b: Any, roi: Any = None) -> Any:
    """``|a - b|``."""
    return _binary(a, b, lambda x, y: np.abs(x - y), roi)


def pow(image: ImageLike, exponent: Any, roi: Any = None) -> Any:
    """``image ** exponent`` (one exponent, or one per channel); negative bases give NaN as ``powf``."""
    return _binary(image, exponent, np.power, roi)


def abs(image: ImageLike, roi: Any = None) -> Any:
    """``|image|``."""
    return _binary(image, 0.0, lambda x, _: np.abs(x), roi)


def clamp(image: ImageLike, min_val: Any = 0.0, max_val: Any = 1.0, roi: Any = None) -> Any:
    """Clamp every channel to ``[min_val, max_val]`` (numbers or one per channel)."""
    data = pixels(image)
    return _binary(image, min_val, lambda x, lo: np.minimum(np.maximum(x, lo), operand(max_val, data)), roi)


def invert(image: ImageLike, roi: Any = None) -> Any:
    """``1 - image`` on every channel (OpenImageIO's ``invert``; alpha too)."""
    return _binary(image, 1.0, lambda x, one: one - x, roi)


def normalize(
    image: ImageLike, in_center: float = 0.0, out_center: float = 0.0, scale: float = 1.0, roi: Any = None
) -> Any:
    """Scale each pixel's first three channels, as a vector, to unit length.

    ``out = out_center + scale * (v - in_center) / |v - in_center|`` (a zero
    vector stays ``out_center``); other channels are copied (OpenImageIO's
    ``normalize``, for normal maps: ``in_center=0.5, out_center=0.5, scale=0.5``).
    """
    data = pixels(image)
    if data.shape[2] < 3:
        raise ArgumentError(f"normalize needs 3 or more channels; the image has {data.shape[2]}")
    in_center, out_center, scale = (check_finite(v, "normalize argument") for v in (in_center, out_center, scale))

    def run() -> Any:
        out = data.copy()
        v = data[..., :3].astype(np.float64) - float(in_center)
        length = np.sqrt(np.sum(v * v, axis=-1, keepdims=True))
        unit = np.divide(v, length, out=np.zeros_like(v), where=length > 0)
        out[..., :3] = float(out_center) + float(scale) * unit
        return result(image, out)

    return with_roi(run, roi)
