"""The vfx-rs-py channel functions: channels by index, sums, and colour counts.

As OpenImageIO's ``channels``, ``channel_append``, ``channel_sum``,
``color_count`` and ``unique_color_count`` (``imagebufalgo.h``, "Channel
shuffling" and "Image comparison and statistics"). Channels by name:
`vfx_rs.ops.shuffle`, `extract`, `append_channels`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from vfx_rs._validate import numeric_array
from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfx_rs.ops._common import ImageLike, channel_indices, check_whole, pixels, pixels_and_names, result
from vfx_rs.ops._roi import restrict, with_roi
from vfx_rs.ops.channels import append_channels

__all__ = [
    "channel_append",
    "channel_sum",
    "channels",
    "color_count",
    "extract_channel",
    "flatten",
    "unique_color_count",
]


def extract_channel(image: ImageLike, channel: int, roi: Any = None) -> Any:
    """A one-channel image of channel number `channel`."""
    return channels(image, [channel], roi=roi)


def channels(
    image: ImageLike, channel_order: Sequence[int], fill_values: Sequence[float] | None = None, roi: Any = None
) -> Any:
    """Reorder, pick or add channels by index: output channel ``i`` is input ``channel_order[i]``.

    An index of -1 makes a new channel filled with ``fill_values[i]`` (0 if
    not given), as OpenImageIO's ``channels(src, nchannels, channelorder, channelvalues)``.
    """
    data, names = pixels_and_names(image)
    if isinstance(channel_order, (str, bytes)) or not isinstance(channel_order, Iterable):
        raise ArgumentError(f"channel_order must be a list of channel indices, not {channel_order!r}")
    order = [check_whole(i, "channel index", low=-1) for i in channel_order]
    if not order:
        raise ArgumentError("channel_order must name at least one channel")
    fills = list(fill_values or [])
    planes, out_names = [], []
    for i, index in enumerate(order):
        if index < 0:
            value = float(fills[i]) if i < len(fills) else 0.0
            planes.append(np.full(data.shape[:2], value, dtype=np.float32))
            out_names.append(f"C{i}")
        else:
            (j,) = channel_indices(names, [index])
            planes.append(data[..., j])
            out_names.append(names[j])
    if len(set(out_names)) != len(out_names):
        out_names = [f"{n}.{i}" if out_names.count(n) > 1 else n for i, n in enumerate(out_names)]
    return restrict(result(image, np.stack(planes, axis=-1), channel_names=out_names), roi)


def channel_append(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """The channels of `a` followed by those of `b` (same size); see `append_channels`.

    A name of `b` that `a` already has gets a number (``R`` -> ``R.1``), so two RGBA images append.
    """
    _, names_a = pixels_and_names(a, "a")
    data_b, names_b = pixels_and_names(b, "b")
    renamed = [n if n not in names_a else f"{n}.1" for n in names_b]
    if renamed != names_b:
        b = Image._adopt(data_b.copy(), renamed)
    return restrict(append_channels(a, b), roi)


def channel_sum(image: ImageLike, weights: Sequence[float] | None = None, roi: Any = None) -> Any:
    """A one-channel image of the weighted sum of the channels (weights 1 by default)."""
    data = pixels(image)
    w = np.ones(data.shape[2]) if weights is None else numeric_array(weights, "weights", np.float64).ravel()
    if w.size != data.shape[2]:
        raise ArgumentError(f"{w.size} weights given for {data.shape[2]} channels")
    return with_roi(lambda: result(image, (data.astype(np.float64) @ w)[..., None], channel_names=["Y"]), roi)


def flatten(image: ImageLike, roi: Any = None) -> Any:
    """A flat copy; a flat image is already flat (deep images: `vfx_rs.deep.flatten`)."""
    data = pixels(image)
    return with_roi(lambda: result(image, data.copy()), roi)


def color_count(
    image: ImageLike, colors: Sequence[float], epsilon: Sequence[float] | None = None, roi: Any = None
) -> list[int]:
    """How many pixels match each colour, within `epsilon` per channel (0.001 by default).

    `colors` is a flat list of colours, one value per channel each.
    """
    data = pixels(restrict(image, roi))
    c = data.shape[2]
    wanted = numeric_array(colors, "colors", np.float64).ravel()
    if wanted.size == 0 or wanted.size % c:
        raise ArgumentError(f"colors must hold whole colours of {c} values each, got {wanted.size} values")
    eps = np.full(c, 0.001) if epsilon is None else np.broadcast_to(np.asarray(epsilon, dtype=np.float64), (c,))
    flat = data.reshape(-1, c).astype(np.float64)
    return [int(np.all(np.abs(flat - col) <= eps, axis=1).sum()) for col in wanted.reshape(-1, c)]


def unique_color_count(image: ImageLike, roi: Any = None) -> int:
    """The number of distinct pixel values (all channels compared exactly)."""
    data = pixels(restrict(image, roi))
    flat = np.ascontiguousarray(data.reshape(-1, data.shape[2]))
    return int(np.unique(flat.view(np.dtype((np.void, flat.dtype.itemsize * flat.shape[1])))).size)
