"""Shared plumbing for `vfx_rs.ops`: accept an `Image` or an array, hand back the same kind."""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from vfx_rs._validate import as_float32_pixels, check_finite
from vfx_rs.errors import ArgumentError, NotFoundError
from vfx_rs.image import Image, default_channel_names

__all__ = [
    "ImageLike",
    "alpha_index",
    "channel_indices",
    "check_finite",
    "check_output_size",
    "check_positive",
    "check_whole",
    "check_work_size",
    "pixels",
    "pixels_and_names",
    "result",
]

ImageLike: TypeAlias = Image | npt.ArrayLike
"""What the ops accept: an `Image`, or an ``(H, W)`` / ``(H, W, C)`` array."""


def pixels(image: ImageLike, what: str = "image") -> npt.NDArray[np.float32]:
    """The float32 ``(H, W, C)`` pixels of `image`, without a copy for an `Image` (read only)."""
    if isinstance(image, Image):
        return image._data
    return as_float32_pixels(image, what)


def pixels_and_names(image: ImageLike, what: str = "image") -> tuple[npt.NDArray[np.float32], list[str]]:
    """Pixels as `pixels` plus the channel names (default names for arrays)."""
    data = pixels(image, what)
    names = image.channel_names if isinstance(image, Image) else default_channel_names(data.shape[2])
    return data, names


def alpha_index(names: Sequence[str]) -> int | None:
    """Index of the alpha channel: the one named ``A`` (or ``alpha``, any case), else None."""
    for i, name in enumerate(names):
        if name.rsplit(".", 1)[-1].lower() in ("a", "alpha"):
            return i
    return None


def result(
    source: ImageLike,
    data: npt.NDArray[Any],
    channel_names: Sequence[str] | None = None,
    metadata: dict[str, Any] | None = None,
) -> Any:
    """Wrap new pixels like `source`: an `Image` keeps its names, format and metadata; an array stays an array.

    `data` must be a fresh array the caller gives up. `metadata` replaces the
    copied metadata when given (geometry ops move the data window).
    """
    data = np.ascontiguousarray(data, dtype=np.float32)
    if not isinstance(source, Image):
        return data
    names = channel_names if channel_names is not None else source.channel_names
    meta = metadata if metadata is not None else copy.deepcopy(source.metadata)
    return Image._adopt(data, names, source.format, meta)


MAX_OUTPUT_DIMENSION = 65536
"""Largest width or height an op may produce (the readers' limit, `vfx_rs.io.limits.ReadLimits`)."""

MAX_OUTPUT_BYTES = 8 * 1024**3
"""Largest float32 result an op may allocate, in bytes (the readers' limit)."""


def check_output_size(width: int, height: int, channels: int) -> None:
    """Raise `ArgumentError` if a ``width x height x channels`` float32 result would be absurdly large."""
    if max(width, height) > MAX_OUTPUT_DIMENSION or width * height * channels * 4 > MAX_OUTPUT_BYTES:
        raise ArgumentError(
            f"result of {width}x{height} with {channels} channels is too large "
            f"(at most {MAX_OUTPUT_DIMENSION} pixels a side and {MAX_OUTPUT_BYTES // 1024**3} GiB)"
        )


MAX_WORK_BYTES = 256 * 1024**2
"""Largest temporary an op allocates beside its result, in bytes: blur kernels and their tap tables,
median windows, histogram counts. Parameters needing more (``blur(radius=1e9)``) raise `ArgumentError`."""


def check_work_size(nbytes: int, what: str) -> None:
    """Raise `ArgumentError` if `what` would need more than `MAX_WORK_BYTES` of working memory."""
    if nbytes > MAX_WORK_BYTES:
        raise ArgumentError(
            f"{what} needs {nbytes / 1024**2:.0f} MiB of working memory, over the limit of "
            f"{MAX_WORK_BYTES // 1024**2} MiB (vfx_rs.ops._common.MAX_WORK_BYTES)"
        )


def check_whole(value: Any, what: str, low: int = 1) -> int:
    """Return `value` as an int if it is a whole number of at least `low` (not a bool), else raise `ArgumentError`."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer, float, np.floating)):
        raise ArgumentError(f"{what} must be a whole number, not {value!r}")
    if not math.isfinite(value) or int(value) != value or value < low:
        raise ArgumentError(f"{what} must be a whole number of at least {low}, not {value!r}")
    return int(value)


def check_positive(value: Any, what: str, allow_zero: bool = False) -> float:
    """Return `value` as a float if it is finite and positive (or zero), else raise `ArgumentError`."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ArgumentError(f"{what} must be a number, not {value!r}") from None
    if not math.isfinite(number) or number < 0 or (number == 0 and not allow_zero):
        bound = "at least 0" if allow_zero else "greater than 0"
        raise ArgumentError(f"{what} must be finite and {bound}, not {value!r}")
    return number


def channel_indices(names: Sequence[str], wanted: Sequence[str | int]) -> list[int]:
    """Indices of `wanted` channels given by name or index; raises `NotFoundError` listing the names."""
    indices = []
    for item in wanted:
        if isinstance(item, (int, np.integer)) and not isinstance(item, bool):
            if not -len(names) <= int(item) < len(names):
                raise NotFoundError(f"no channel {int(item)}; the image has {len(names)} channels")
            indices.append(int(item) % len(names))
        else:
            try:
                indices.append(list(names).index(str(item)))
            except ValueError:
                raise NotFoundError(f"no channel {item!r}; channels are: {', '.join(names)}") from None
    return indices
