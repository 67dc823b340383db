"""Argument checks shared by the whole package."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError

__all__ = [
    "MAX_CHANNELS",
    "as_float32_pixels",
    "check_choice",
    "check_finite",
    "check_inplace_float32",
    "numeric_array",
    "to_float32",
]

MAX_CHANNELS = 1024
"""Most channels an image may have (EXR files with a few hundred AOVs exist)."""

_INTEGER_SCALE = {np.dtype(np.uint8): 255.0, np.dtype(np.uint16): 65535.0}


def numeric_array(value: Any, what: str = "array", dtype: npt.DTypeLike | None = None) -> np.ndarray:
    """`value` as a NumPy array of numbers (of `dtype` if given); ragged or non-numeric input raises `ArgumentError`.

    Examples
    --------
    >>> numeric_array([[1, 2], [3, 4]]).shape
    (2, 2)
    >>> numeric_array("abc", "values")
    Traceback (most recent call last):
    vfx_rs.errors.ArgumentError: values must be numbers, not str
    """
    try:
        arr = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError, OverflowError) as exc:
        shape = "a regular (not ragged) array" if "inhomogeneous" in str(exc) or "sequence" in str(exc) else "numbers"
        raise ArgumentError(f"{what} must be {shape}, not {type(value).__name__}") from None
    if arr.dtype.kind not in "biuf":
        raise ArgumentError(f"{what} must be numbers, not {type(value).__name__}")
    return arr


def to_float32(array: npt.ArrayLike, what: str = "array") -> npt.NDArray[np.float32]:
    """Return `array` as float32, normalising uint8/uint16 to 0..1.

    float16, float32 and float64 keep their values; uint8 and uint16 are
    divided by 255 and 65535. Any other dtype raises `ArgumentError`.
    """
    arr = np.asarray(array) if isinstance(array, np.ndarray) else numeric_array(array, what)
    if arr.dtype.kind == "f" and arr.dtype.itemsize in (2, 4, 8):
        return arr.astype(np.float32, copy=False)
    scale = _INTEGER_SCALE.get(arr.dtype)
    if scale is None:
        raise ArgumentError(f"{what} has dtype {arr.dtype}; expected float32, float16, float64, uint8 or uint16")
    return (arr.astype(np.float32) / np.float32(scale)).astype(np.float32, copy=False)


def as_float32_pixels(array: npt.ArrayLike, what: str = "array") -> npt.NDArray[np.float32]:
    """Return a C-contiguous float32 ``(H, W, C)`` view or copy of an image array.

    An ``(H, W)`` array becomes ``(H, W, 1)``.
    """
    arr = np.asarray(array) if isinstance(array, np.ndarray) else numeric_array(array, what)
    if arr.ndim == 2:
        arr = arr[:, :, np.newaxis]
    if arr.ndim != 3:
        raise ArgumentError(f"{what} has shape {arr.shape}; expected (height, width) or (height, width, channels)")
    h, w, c = arr.shape
    if h < 1 or w < 1:
        raise ArgumentError(f"{what} has shape {arr.shape}; width and height must be at least 1")
    if not 1 <= c <= MAX_CHANNELS:
        raise ArgumentError(f"{what} has {c} channels; expected 1 to {MAX_CHANNELS}")
    return np.ascontiguousarray(to_float32(arr, what))


def check_inplace_float32(array: Any, what: str = "data", channels: Iterable[int] | None = None) -> np.ndarray:
    """Check that `array` can be modified in place as float32 pixels.

    Accepts ``(..., C)`` float32 arrays that are writeable; `channels` limits
    the accepted channel counts (for example ``(3, 4)`` for RGB and RGBA).
    """
    if not isinstance(array, np.ndarray):
        raise ArgumentError(f"{what} must be a numpy.ndarray to be modified in place, not {type(array).__name__}")
    if array.dtype != np.float32:
        raise ArgumentError(
            f"{what} has dtype {array.dtype}; in-place operations need float32 (use .astype(np.float32))"
        )
    if not array.flags.writeable:
        raise ArgumentError(f"{what} is read-only")
    if channels is not None:
        allowed = tuple(channels)
        if array.ndim < 1 or array.shape[-1] not in allowed:
            names = " or ".join(str(c) for c in allowed)
            raise ArgumentError(f"{what} has shape {array.shape}; the last axis must hold {names} channels")
    return array


def check_finite(value: Any, what: str) -> float:
    """Return `value` as a float if it is a finite number, else raise `ArgumentError`."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ArgumentError(f"{what} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise ArgumentError(f"{what} must be finite, not {value!r}")
    return number


def check_choice(value: str, choices: Iterable[str], what: str) -> str:
    """Return `value` lower-cased if it is one of `choices`, else raise listing them."""
    options = list(choices)
    key = str(value).lower()
    if key not in options:
        raise ArgumentError(f"unknown {what} {value!r}; expected one of: {', '.join(options)}")
    return key
