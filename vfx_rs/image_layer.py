"""`ImageLayer` and `ImageChannel`: what ``layered[0]`` and ``layer["R"]`` give, as in vfx-rs-py.

An `ImageLayer` is an `Image` (every Image method and op works on it) that
also knows its layer name and hands out its channels one by one; an
`ImageChannel` is one channel's samples, row by row.
"""

from __future__ import annotations

import enum
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import NotFoundError
from vfx_rs.image import Image

__all__ = ["ChannelKind", "ImageChannel", "ImageLayer", "LayerNames", "SampleType"]


class ChannelKind(enum.IntEnum):
    """What a channel holds, from its name: colour, alpha, depth, object ID, mask or other."""

    Color = 0
    Alpha = 1
    Depth = 2
    Id = 3
    Mask = 4
    Generic = 5


class SampleType(enum.IntEnum):
    """How a channel's samples are stored in the file."""

    F16 = 0
    F32 = 1
    U32 = 2


_KIND_OF_NAME = {
    **dict.fromkeys(("r", "g", "b", "y", "red", "green", "blue", "ry", "by"), ChannelKind.Color),
    **dict.fromkeys(("a", "alpha", "ar", "ag", "ab"), ChannelKind.Alpha),
    **dict.fromkeys(("z", "zback", "depth"), ChannelKind.Depth),
    **dict.fromkeys(("id", "objectid", "materialid", "crypto"), ChannelKind.Id),
    **dict.fromkeys(("mask", "matte"), ChannelKind.Mask),
}


class LayerNames(list):  # type: ignore[type-arg]
    """Layer names: a list that may also be called, so ``layered.layer_names`` and ``layered.layer_names()`` both work."""

    def __call__(self) -> list[str]:
        return list(self)


class ImageChannel:
    """One channel of a layer: its name, kind, stored sample type and samples (row-major, float32)."""

    __slots__ = ("_samples", "name", "sample_type")

    def __init__(self, name: str, samples: npt.NDArray[np.float32], sample_type: SampleType) -> None:
        self.name = name
        self._samples = samples
        self.sample_type = sample_type

    @property
    def kind(self) -> ChannelKind:
        """The channel's role, from the last part of its name (``diffuse.R`` is colour)."""
        return _KIND_OF_NAME.get(self.name.rsplit(".", 1)[-1].lower(), ChannelKind.Generic)

    @property
    def len(self) -> int:
        """Number of samples (width x height)."""
        return int(self._samples.size)

    def __len__(self) -> int:
        return self.len

    def is_empty(self) -> bool:
        """True if the channel has no samples."""
        return self._samples.size == 0

    def numpy(self) -> npt.NDArray[np.float32]:
        """A 1D float32 copy of the samples, row by row."""
        return self._samples.ravel().copy()

    def __repr__(self) -> str:
        return f"ImageChannel('{self.name}', kind={self.kind.name}, samples={self.len})"


class ImageLayer(Image):
    """A named layer of a `vfx_rs.LayeredImage`: an `Image` plus ``name`` and per-channel access."""

    __slots__ = ("name",)

    name: str

    @classmethod
    def of(cls, name: str, image: Image) -> ImageLayer:
        """The layer `name` viewing `image`'s pixels (no copy; images are never changed in place)."""
        layer = cls.__new__(cls)
        layer._init(image._data, image.channel_names, image.format, image.metadata)
        layer.name = name
        return layer

    @property
    def num_channels(self) -> int:
        """Number of channels."""
        return self.channels

    def channel(self, name: str) -> ImageChannel:
        """The channel called `name`."""
        return self.channel_at(self.channel_index(name))

    def channel_at(self, index: int) -> ImageChannel:
        """The channel at `index`."""
        if not -self.channels <= int(index) < self.channels:
            raise NotFoundError(f"no channel {index}; layer {self.name!r} has {self.channels} channels")
        i = int(index) % self.channels
        kind = {"f16": SampleType.F16, "u32": SampleType.U32}.get(self.format, SampleType.F32)
        return ImageChannel(self.channel_names[i], self._data[..., i], kind)

    def to_image(self) -> Image:
        """This layer as a plain `Image` (a copy)."""
        return Image(self._data, self.channel_names, self.format, self.metadata)

    def __len__(self) -> int:
        return self.channels

    def __getitem__(self, key: Any) -> ImageChannel:
        if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
            return self.channel_at(int(key))
        return self.channel(str(key))

    def __repr__(self) -> str:
        return f"ImageLayer('{self.name}', {self.width}x{self.height}, channels=[{', '.join(self.channel_names)}])"
