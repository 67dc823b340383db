"""`Image` and `LayeredImage`: the pixel containers of `vfx_rs`.

An `Image` holds a C-contiguous float32 ``(height, width, channels)`` array,
the channel names, the pixel format the file stored and the file's metadata.
Pixels are copied in (`Image(array)`) and out (`Image.numpy()`), so no
caller can change an image behind its back.
"""

from __future__ import annotations

import copy as _copy
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs._validate import as_float32_pixels, numeric_array
from vfx_rs.errors import ArgumentError, NotFoundError

__all__ = ["PIXEL_FORMATS", "Image", "LayeredImage", "default_channel_names"]

PIXEL_FORMATS = ("f32", "f16", "u8", "u16", "u32")
"""Pixel formats a file can store: float, half, 8-, 16- and 32-bit unsigned integer."""

_FORMAT_OF_DTYPE = {
    np.dtype(np.float32): "f32",
    np.dtype(np.float64): "f32",
    np.dtype(np.float16): "f16",
    np.dtype(np.uint8): "u8",
    np.dtype(np.uint16): "u16",
}


def default_channel_names(count: int) -> list[str]:
    """Names for `count` unnamed channels: Y, YA, RGB, RGBA, then RGBA plus C4, C5..."""
    known = {1: ["Y"], 2: ["Y", "A"], 3: ["R", "G", "B"], 4: ["R", "G", "B", "A"]}
    if count in known:
        return list(known[count])
    return ["R", "G", "B", "A"] + [f"C{i}" for i in range(4, count)]


def _window(value: Any, what: str) -> tuple[int, int, int, int]:
    try:
        x0, y0, x1, y1 = (int(v) for v in np.asarray(value).ravel())
    except (TypeError, ValueError) as exc:
        raise ArgumentError(f"{what} must be four integers (xmin, ymin, xmax, ymax), not {value!r}") from exc
    return (x0, y0, x1, y1)


class Image:
    """A float32 image with channel names, stored pixel format and metadata.

    Parameters
    ----------
    array
        ``(H, W, C)`` or ``(H, W)`` pixels. float32 is native; float16 and
        float64 keep their values; uint8 and uint16 are normalised to 0..1.
        The data is copied.
    channel_names
        One name per channel; by default Y, YA, RGB or RGBA by count.
    format
        The pixel format the data came from or should be written as
        (``"f32"``, ``"f16"``, ``"u8"``, ``"u16"``, ``"u32"``); by default
        derived from the array's dtype.
    metadata
        Header attributes. EXR files use OpenEXR's names: ``dataWindow`` and
        ``displayWindow`` as ``(xmin, ymin, xmax, ymax)``, ``chromaticities``,
        ``compression``.
    copy
        Accepted for vfx-rs-py compatibility (also as the second positional
        argument, ``Image(array, True)``); the data is always copied.

    Examples
    --------
    >>> import numpy as np
    >>> img = Image(np.zeros((2, 3, 4), dtype=np.float32))
    >>> img.width, img.height, img.channels, img.format
    (3, 2, 4, 'f32')
    >>> img.channel_names
    ['R', 'G', 'B', 'A']
    """

    __slots__ = (
        "__weakref__",
        "_channel_names",
        "_data",
        "_format",
        "metadata",
    )  # weakref: vfxview keys caches by image

    def __init__(
        self,
        array: npt.ArrayLike,
        channel_names: Sequence[str] | bool | None = None,
        format: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        *,
        copy: bool = True,
    ) -> None:
        if isinstance(channel_names, bool):  # vfx-rs-py's Image(array, copy): the data is copied either way
            channel_names = None
        source = numeric_array(array, "image array")
        data = as_float32_pixels(source, "image array")
        if np.shares_memory(data, source):
            data = data.copy()
        self._init(data, channel_names, format or _FORMAT_OF_DTYPE.get(source.dtype, "f32"), metadata)

    @classmethod
    def _adopt(
        cls,
        data: npt.NDArray[np.float32],
        channel_names: Sequence[str] | None = None,
        format: str = "f32",
        metadata: Mapping[str, Any] | None = None,
    ) -> Image:
        """Wrap a float32 (H, W, C) array the caller gives up, without copying it."""
        image = cls.__new__(cls)
        image._init(as_float32_pixels(data, "image array"), channel_names, format, metadata)
        return image

    def _init(
        self,
        data: npt.NDArray[np.float32],
        channel_names: Sequence[str] | None,
        format: str,
        metadata: Mapping[str, Any] | None,
    ) -> None:
        if format not in PIXEL_FORMATS:
            raise ArgumentError(f"unknown pixel format {format!r}; expected one of: {', '.join(PIXEL_FORMATS)}")
        if metadata is not None and not isinstance(metadata, Mapping):
            raise ArgumentError(f"metadata must be a mapping (a dict), not {type(metadata).__name__}")
        if channel_names is not None and not isinstance(channel_names, Iterable):
            raise ArgumentError(f"channel_names must be a list of names, not {type(channel_names).__name__}")
        names = default_channel_names(data.shape[2]) if channel_names is None else [str(n) for n in channel_names]
        if len(names) != data.shape[2]:
            raise ArgumentError(f"{len(names)} channel names given for {data.shape[2]} channels")
        if len(set(names)) != len(names):
            raise ArgumentError(f"channel names must be unique: {names}")
        self._data = data
        self._channel_names = names
        self._format = format
        self.metadata: dict[str, Any] = dict(metadata or {})

    @property
    def width(self) -> int:
        """Width in pixels."""
        return int(self._data.shape[1])

    @property
    def height(self) -> int:
        """Height in pixels."""
        return int(self._data.shape[0])

    @property
    def channels(self) -> int:
        """Number of channels."""
        return int(self._data.shape[2])

    @property
    def shape(self) -> tuple[int, int, int]:
        """``(height, width, channels)``."""
        h, w, c = self._data.shape
        return (int(h), int(w), int(c))

    @property
    def format(self) -> str:
        """The pixel format the file stored: ``"f32"``, ``"f16"``, ``"u8"``, ``"u16"`` or ``"u32"``."""
        return self._format

    @property
    def channel_names(self) -> list[str]:
        """Channel names, in order (a copy)."""
        return list(self._channel_names)

    @property
    def data_window(self) -> tuple[int, int, int, int]:
        """Inclusive ``(xmin, ymin, xmax, ymax)`` of these pixels in image space.

        For EXR files this is the header's data window; otherwise it starts at
        the origin.
        """
        if "dataWindow" in self.metadata:
            return _window(self.metadata["dataWindow"], "dataWindow")
        return (0, 0, self.width - 1, self.height - 1)

    @property
    def display_window(self) -> tuple[int, int, int, int]:
        """Inclusive ``(xmin, ymin, xmax, ymax)`` of the area meant to be shown."""
        if "displayWindow" in self.metadata:
            return _window(self.metadata["displayWindow"], "displayWindow")
        return self.data_window

    @property
    def pixels(self) -> npt.NDArray[np.float32]:
        """A read-only view of the float32 ``(H, W, C)`` pixels, without a copy (`numpy` returns a copy).

        Examples
        --------
        >>> img = Image(np.zeros((2, 3, 4), np.float32))
        >>> img.pixels.shape, img.pixels.flags.writeable
        ((2, 3, 4), False)
        """
        view = self._data.view()
        view.flags.writeable = False
        return view

    def numpy(self, copy: bool = True) -> npt.NDArray[np.float32]:
        """Return a C-contiguous float32 ``(H, W, C)`` copy of the pixels.

        `copy` is accepted for vfx-rs-py compatibility; the result is always a
        copy, so changing it never changes the image.
        """
        return self._data.copy()

    @staticmethod
    def empty(width: int, height: int, channels: int = 4) -> Image:
        """A black ``width x height`` float32 image with `channels` channels (vfx-rs-py)."""
        sizes = (width, height, channels)
        if any(isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not 1 <= v <= 65536 for v in sizes):
            raise ArgumentError(f"width, height and channels must be integers from 1 to 65536, not {sizes}")
        return Image._adopt(np.zeros((int(height), int(width), int(channels)), dtype=np.float32))

    def copy(self) -> Image:
        """Return an independent copy (pixels and metadata)."""
        return Image._adopt(self._data.copy(), self._channel_names, self._format, _copy.deepcopy(self.metadata))

    def with_pixels(self, array: npt.ArrayLike, channel_names: Sequence[str] | None = None) -> Image:
        """Return a new image with these pixels and this image's format and metadata."""
        names = channel_names
        data = as_float32_pixels(array, "image array")
        if names is None and data.shape[2] == self.channels:
            names = self._channel_names
        return Image(data, names, self._format, _copy.deepcopy(self.metadata))

    def channel_index(self, name: str) -> int:
        """Index of the channel called `name`; raises `NotFoundError` listing the names."""
        try:
            return self._channel_names.index(name)
        except ValueError:
            raise NotFoundError(f"no channel {name!r}; channels are: {', '.join(self._channel_names)}") from None

    # Pixel operations: thin delegates to `vfx_rs.ops` (imported on first use, so `import vfx_rs` stays light).

    def resize(self, width: int | None = None, height: int | None = None, filter: Any = None, **options: Any) -> Image:
        """Resampled copy; see `vfx_rs.ops.resize` (``filter=`` a name or `ResizeFilter`, ``scale=``...)."""
        from vfx_rs import ops

        if filter is not None:
            options["filter"] = filter
        return ops.resize(self, width, height, **options)  # type: ignore[no-any-return]

    def blur(self, radius: float | None = None, **options: Any) -> Image:
        """Blurred copy; see `vfx_rs.ops.blur` (``sigma=``, ``type=``, ``edge=``)."""
        from vfx_rs import ops

        return ops.blur(self, radius, **options)  # type: ignore[no-any-return]

    def sharpen(self, amount: float = 1.0, sigma: Any = 1.0, roi: Any = None) -> Image:
        """Sharpened copy; see `vfx_rs.ops.sharpen` and `vfx_rs.ops.unsharp_mask`."""
        from vfx_rs import ops

        return ops.sharpen(self, amount, sigma, roi)  # type: ignore[no-any-return]

    def over(self, background: Image) -> Image:
        """This image composited over `background`; see `vfx_rs.ops.over`."""
        from vfx_rs import ops

        return ops.over(self, background)  # type: ignore[no-any-return]

    def crop(self, x: Any, y: int | None = None, width: int | None = None, height: int | None = None) -> Image:
        """The region at image-space ``(x, y)``, or ``crop(roi)`` with a `vfx_rs.Roi3D`; see `vfx_rs.ops.crop`."""
        from vfx_rs import ops

        return ops.crop(self, x, y, width, height)  # type: ignore[no-any-return]

    def stats(self) -> list[Any]:
        """Per-channel statistics; see `vfx_rs.ops.stats`."""
        from vfx_rs import ops

        return ops.stats(self)

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray:
        # np.asarray(img) gives a copy too, so callers can never alias the pixels.
        return self._data.astype(dtype or np.float32, copy=True)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Image):
            return NotImplemented
        return (
            self._channel_names == other._channel_names
            and self._data.shape == other._data.shape
            and bool(np.array_equal(self._data, other._data, equal_nan=True))
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        names = (
            "".join(self._channel_names)
            if all(len(n) == 1 for n in self._channel_names)
            else ",".join(self._channel_names)
        )
        extra = ""
        if self.data_window[:2] != (0, 0) or self.display_window != self.data_window:
            extra = f", data_window={self.data_window}, display_window={self.display_window}"
        return f"<vfx_rs.Image {self.width}x{self.height} {names} {self._format}{extra}>"


def _install_methods() -> None:
    from vfx_rs.image_methods import install

    install(Image)


_install_methods()


class LayeredImage:
    """Named layers of one file, in file order: ``layered["beauty"]``.

    A mapping from layer name to `Image`. EXR layers come from channel name
    prefixes (``diffuse.R``) and from the parts of a multi-part file.

    Examples
    --------
    >>> import numpy as np
    >>> layers = LayeredImage({"beauty": Image(np.zeros((2, 2, 4), np.float32))})
    >>> layers.layer_names(), "beauty" in layers, len(layers)
    (['beauty'], True, 1)
    """

    __slots__ = ("_layers", "metadata")

    def __init__(self, layers: Mapping[str, Image] | None = None, metadata: Mapping[str, Any] | None = None) -> None:
        self._layers: dict[str, Image] = {}
        self.metadata: dict[str, Any] = dict(metadata or {})
        for name, image in (layers or {}).items():
            self[name] = image

    @property
    def layer_names(self) -> Any:
        """Layer names, in file order: a list, also callable (``layer_names()``, the seed API's form)."""
        from vfx_rs.image_layer import LayerNames

        return LayerNames(self._layers)

    @property
    def num_layers(self) -> int:
        """Number of layers."""
        return len(self._layers)

    def __getitem__(self, key: str | int) -> Any:
        """The layer called `key`, or at position `key`, as a `vfx_rs.ImageLayer` (an `Image`)."""
        from vfx_rs.image_layer import ImageLayer

        if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
            names = list(self._layers)
            if not -len(names) <= int(key) < len(names):
                raise NotFoundError(f"no layer {int(key)}; there are {len(names)} layers")
            key = names[int(key)]
        try:
            return ImageLayer.of(str(key), self._layers[str(key)])
        except KeyError:
            raise NotFoundError(f"no layer {key!r}; layers are: {', '.join(self._layers) or '(none)'}") from None

    def layer(self, name: str) -> Any:
        """The layer called `name` (vfx-rs-py)."""
        return self[str(name)]

    def layer_at(self, index: int) -> Any:
        """The layer at `index` (vfx-rs-py)."""
        return self[int(index)]

    def add_layer(self, name: str, image: Image) -> None:
        """Add (or replace) the layer `name`."""
        self[name] = image

    def to_image(self) -> Image:
        """The only layer as a plain `Image`; raises `ArgumentError` if there is not exactly one."""
        if len(self._layers) != 1:
            raise ArgumentError(f"to_image needs exactly one layer; there are {len(self._layers)}: {self.layer_names}")
        return next(iter(self._layers.values())).copy()

    @staticmethod
    def from_image(image: Image, layer_name: str) -> LayeredImage:
        """A one-layer `LayeredImage` holding `image` as `layer_name`."""
        return LayeredImage({layer_name: image})

    def __setitem__(self, name: str, image: Image) -> None:
        if not isinstance(image, Image):
            raise ArgumentError(f"layer {name!r} must be a vfx_rs.Image, not {type(image).__name__}")
        if not name:
            raise ArgumentError("a layer name must not be empty")
        self._layers[str(name)] = image

    def __delitem__(self, name: str) -> None:
        self[name]
        del self._layers[name]

    def __contains__(self, name: object) -> bool:
        return name in self._layers

    def __iter__(self) -> Iterator[str]:
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    def items(self) -> list[tuple[str, Image]]:
        """``(name, Image)`` pairs, in file order."""
        return list(self._layers.items())

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}: {img.width}x{img.height}x{img.channels}" for name, img in self._layers.items())
        return f"<vfx_rs.LayeredImage {len(self)} layers {{{inner}}}>"
