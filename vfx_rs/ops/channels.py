"""Channels by name: shuffle (reorder, pick, fill with constants), extract one, append images.

As OpenImageIO's ``ImageBufAlgo::channels`` and ``channel_append``: a
channel is named by its name (``"R"``, ``"diffuse.G"``) or index, or given
as a constant number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, channel_indices, pixels_and_names, result

__all__ = ["append_channels", "extract", "shuffle"]


def shuffle(image: ImageLike, channels: Sequence[str | int | float], names: Sequence[str] | None = None) -> Any:
    """A new image made of the given channels, in the given order.

    Parameters
    ----------
    channels
        Each entry is a channel name (``str``), a channel index (``int``) or a
        constant (``float``), which fills a new channel.
    names
        Names of the result's channels; by default the source names, and
        ``C<i>`` for constants.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> img = vfx_rs.Image(np.array([[[0.1, 0.2, 0.3]]], np.float32))
    >>> bgra = vfx_rs.ops.shuffle(img, ["B", "G", "R", 1.0], names=["B", "G", "R", "A"])
    >>> bgra.channel_names, bgra.numpy()[0, 0].tolist() == [np.float32(v) for v in (0.3, 0.2, 0.1, 1.0)]
    (['B', 'G', 'R', 'A'], True)
    """
    data, source_names = pixels_and_names(image, "image")
    if isinstance(channels, (str, bytes)) or not isinstance(channels, Sequence) or len(channels) == 0:
        raise ArgumentError(f"channels must be a non-empty list of names, indices or constants, not {channels!r}")
    planes, out_names = [], []
    for i, item in enumerate(channels):
        if isinstance(item, float):
            planes.append(np.full(data.shape[:2], item, dtype=np.float32))
            out_names.append(f"C{i}")
        else:
            (index,) = channel_indices(source_names, [item])
            planes.append(data[..., index])
            out_names.append(source_names[index])
    if names is not None:
        out_names = [str(n) for n in names]
        if len(out_names) != len(planes):
            raise ArgumentError(f"{len(out_names)} names given for {len(planes)} channels")
    if len(set(out_names)) != len(out_names):
        raise ArgumentError(f"channel names must be unique, got {out_names}; pass names=")
    return result(image, np.stack(planes, axis=-1), channel_names=out_names)


def extract(image: ImageLike, channel: str | int) -> Any:
    """One channel as a single-channel image that keeps its name.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> vfx_rs.ops.extract(vfx_rs.Image(np.zeros((2, 2, 4), np.float32)), "A").channel_names
    ['A']
    """
    return shuffle(image, [channel])


def append_channels(*images: ImageLike) -> Any:
    """The channels of every image side by side (all of one size; names must not repeat).

    The result is an `Image` with the first image's format and metadata if
    the first is an `Image`, else an array.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> rgb = vfx_rs.Image(np.zeros((2, 2, 3), np.float32))
    >>> z = vfx_rs.Image(np.ones((2, 2, 1), np.float32), ["Z"])
    >>> vfx_rs.ops.append_channels(rgb, z).channel_names
    ['R', 'G', 'B', 'Z']
    """
    if not images:
        raise ArgumentError("append_channels needs at least one image")
    parts = [pixels_and_names(im, f"image {i}") for i, im in enumerate(images)]
    size = parts[0][0].shape[:2]
    for i, (data, _) in enumerate(parts):
        if data.shape[:2] != size:
            raise ArgumentError(
                f"image {i} is {data.shape[1]}x{data.shape[0]}, image 0 is {size[1]}x{size[0]}; sizes must match"
            )
    names = [name for _, part_names in parts for name in part_names]
    if len(set(names)) != len(names):
        repeated = sorted({n for n in names if names.count(n) > 1})
        raise ArgumentError(f"channel names repeat across the images: {repeated}; rename them with shuffle(names=)")
    return result(images[0], np.concatenate([data for data, _ in parts], axis=-1), channel_names=names)
