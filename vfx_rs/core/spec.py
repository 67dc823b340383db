"""`ImageSpec`: an image's description without its pixels, OpenImageIO's ``ImageSpec``.

Size and origin of the data window, the full (display) window, tiling,
channels and their format, and named attributes. `ImageSpec.of` describes a
`vfx_rs.Image`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from vfx_rs.core.roi import Roi3D
from vfx_rs.core.typedesc import DataFormat
from vfx_rs.errors import ArgumentError

__all__ = ["ImageSpec"]


def _default_names(count: int) -> list[str]:
    known = {1: ["Y"], 2: ["Y", "A"], 3: ["R", "G", "B"], 4: ["R", "G", "B", "A"]}
    return list(known.get(count, ["R", "G", "B", "A"] + [f"channel{i}" for i in range(4, count)]))


def _find(names: list[str], *wanted: str) -> int:
    return next((i for i, n in enumerate(names) if n.lower() in wanted), -1)


@dataclass
class ImageSpec:
    """Image size, windows, tiling, channels, format and attributes.

    Examples
    --------
    >>> spec = ImageSpec.rgba(1920, 1080)
    >>> spec.channel_names, spec.alpha_channel, spec.bytes_per_pixel(), spec.roi().width
    (['R', 'G', 'B', 'A'], 3, 8, 1920)
    """

    width: int
    height: int
    nchannels: int = 4
    format: DataFormat = DataFormat.F16
    depth: int = 1
    x: int = 0
    y: int = 0
    z: int = 0
    full_width: int = -1
    full_height: int = -1
    full_depth: int = 1
    full_x: int = 0
    full_y: int = 0
    full_z: int = 0
    tile_width: int = 0
    tile_height: int = 0
    tile_depth: int = 0
    channel_names: list[str] = field(default_factory=list)
    alpha_channel: int = -1
    z_channel: int = -1
    deep: bool = False
    attributes: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.format = DataFormat(self.format)
        if self.full_width < 0:
            self.full_width = self.width
        if self.full_height < 0:
            self.full_height = self.height

    @staticmethod
    def _named(width: int, height: int, names: list[str]) -> ImageSpec:
        spec = ImageSpec(width, height, len(names), DataFormat.F16, channel_names=list(names))
        spec.alpha_channel = _find(names, "a", "alpha")
        return spec

    @staticmethod
    def rgb(width: int, height: int) -> ImageSpec:
        """Half-float RGB."""
        return ImageSpec._named(width, height, ["R", "G", "B"])

    @staticmethod
    def rgba(width: int, height: int) -> ImageSpec:
        """Half-float RGBA."""
        return ImageSpec._named(width, height, ["R", "G", "B", "A"])

    @staticmethod
    def gray(width: int, height: int) -> ImageSpec:
        """Half-float Y."""
        return ImageSpec._named(width, height, ["Y"])

    @staticmethod
    def gray_alpha(width: int, height: int) -> ImageSpec:
        """Half-float Y and A."""
        return ImageSpec._named(width, height, ["Y", "A"])

    @staticmethod
    def from_roi(roi: Roi3D) -> ImageSpec:
        """A float spec covering `roi` (its origin, size and channel count)."""
        spec = ImageSpec(roi.width, roi.height, max(roi.nchannels, 0), DataFormat.F32, depth=roi.depth)
        spec.x, spec.y, spec.z = roi.xbegin, roi.ybegin, roi.zbegin
        spec.default_channel_names()
        return spec

    @staticmethod
    def of(image: Any) -> ImageSpec:
        """The spec of a `vfx_rs.Image`: its size, data and display windows, channels, format and metadata."""
        x0, y0, _, _ = image.data_window
        dx0, dy0, dx1, dy1 = image.display_window
        fmt = DataFormat.from_name(image.format)
        spec = ImageSpec(image.width, image.height, image.channels, fmt, x=x0, y=y0)
        spec.full_x, spec.full_y, spec.full_width, spec.full_height = dx0, dy0, dx1 - dx0 + 1, dy1 - dy0 + 1
        spec.channel_names = image.channel_names
        spec.alpha_channel = _find(spec.channel_names, "a", "alpha")
        spec.z_channel = _find(spec.channel_names, "z", "depth")
        spec.attributes = dict(image.metadata)
        return spec

    def default_channel_names(self) -> None:
        """Name the channels Y, YA, RGB, RGBA, then channel4..., and find alpha and Z."""
        self.channel_names = _default_names(self.nchannels)
        self.alpha_channel = _find(self.channel_names, "a", "alpha")
        self.z_channel = _find(self.channel_names, "z", "depth")

    def bytes_per_pixel(self) -> int:
        """Bytes of one pixel, all channels."""
        return self.nchannels * self.format.bytes_per_channel

    def bytes_per_row(self) -> int:
        """Bytes of one row."""
        return self.width * self.bytes_per_pixel()

    def pixel_bytes(self, native: bool = False) -> int:
        """Bytes of one pixel (`native` is accepted; every channel has the same format)."""
        return self.bytes_per_pixel()

    def scanline_bytes(self, native: bool = False) -> int:
        """Bytes of one scanline."""
        return self.width * self.pixel_bytes(native)

    def pixel_count(self) -> int:
        """width x height x depth."""
        return self.width * self.height * self.depth

    def image_pixels(self) -> int:
        """Pixels in the data window (`pixel_count`)."""
        return self.pixel_count()

    def image_bytes(self, native: bool = False) -> int:
        """Bytes of all pixels."""
        return self.image_pixels() * self.pixel_bytes(native)

    def data_size(self) -> int:
        """Bytes of all pixels (`image_bytes`)."""
        return self.pixel_count() * self.bytes_per_pixel()

    def get_alpha_channel(self) -> int | None:
        """Index of the alpha channel, or None."""
        found = self.alpha_channel if self.alpha_channel >= 0 else _find(self.channel_names, "a", "alpha")
        return None if found < 0 else found

    def has_alpha(self) -> bool:
        """True if there is an alpha channel."""
        return self.get_alpha_channel() is not None

    def get_z_channel(self) -> int | None:
        """Index of the depth channel, or None."""
        found = self.z_channel if self.z_channel >= 0 else _find(self.channel_names, "z", "depth")
        return None if found < 0 else found

    def has_overscan(self) -> bool:
        """True if the data window differs from the full window."""
        return (self.x, self.y, self.z, self.width, self.height, self.depth) != (
            self.full_x, self.full_y, self.full_z, self.full_width, self.full_height, self.full_depth,
        )  # fmt: skip

    def is_tiled(self) -> bool:
        """True if the image is stored in tiles."""
        return self.tile_width > 0 and self.tile_height > 0

    def is_3d(self) -> bool:
        """True for volumes (depth above 1)."""
        return self.depth > 1

    def undefined(self) -> bool:
        """True if width or height is 0."""
        return self.width == 0 or self.height == 0

    def tile_pixels(self) -> int:
        """Pixels in one tile (0 for scanline images)."""
        return self.tile_width * self.tile_height * max(self.tile_depth, 1) if self.is_tiled() else 0

    def tile_bytes(self, native: bool = False) -> int:
        """Bytes of one tile."""
        return self.tile_pixels() * self.pixel_bytes(native)

    def roi(self) -> Roi3D:
        """The data window as a region."""
        return Roi3D(self.x, self.x + self.width, self.y, self.y + self.height, self.z, self.z + self.depth, 0,
                     self.nchannels)  # fmt: skip

    def roi_full(self) -> Roi3D:
        """The full (display) window as a region."""
        return Roi3D(self.full_x, self.full_x + self.full_width, self.full_y, self.full_y + self.full_height,
                     self.full_z, self.full_z + self.full_depth, 0, self.nchannels)  # fmt: skip

    def set_roi(self, roi: Roi3D) -> None:
        """Set the data window from `roi`."""
        self.x, self.y, self.z = roi.xbegin, roi.ybegin, roi.zbegin
        self.width, self.height, self.depth = roi.width, roi.height, roi.depth

    def set_roi_full(self, roi: Roi3D) -> None:
        """Set the full window from `roi`."""
        self.full_x, self.full_y, self.full_z = roi.xbegin, roi.ybegin, roi.zbegin
        self.full_width, self.full_height, self.full_depth = roi.width, roi.height, roi.depth

    def set_attr(self, key: str, value: Any) -> None:
        """Set attribute `key` to an int, float, string or list of ints or floats."""
        if not isinstance(value, (int, float, str, list, tuple)) or isinstance(value, bool):
            raise ArgumentError(f"attribute {key!r}: unsupported value type {type(value).__name__}")
        self.attributes[str(key)] = list(value) if isinstance(value, tuple) else value

    def get_attr(self, key: str) -> Any:
        """Attribute `key`, or None."""
        return self.attributes.get(key)

    def get_string(self, key: str) -> str | None:
        """Attribute `key` if it is a string, else None."""
        value = self.attributes.get(key)
        return value if isinstance(value, str) else None

    def get_int(self, key: str) -> int | None:
        """Attribute `key` as an int (floats truncated), else None."""
        value = self.attributes.get(key)
        return int(value) if isinstance(value, (int, float)) else None

    def get_float(self, key: str) -> float | None:
        """Attribute `key` as a float, else None."""
        value = self.attributes.get(key)
        return float(value) if isinstance(value, (int, float)) else None

    def get_int_attribute(self, key: str, default: int = 0) -> int:
        """Attribute `key` as an int, or `default`."""
        value = self.get_int(key)
        return default if value is None else value

    def get_float_attribute(self, key: str, default: float = 0.0) -> float:
        """Attribute `key` as a float, or `default`."""
        value = self.get_float(key)
        return default if value is None else value

    def get_string_attribute(self, key: str, default: str = "") -> str:
        """Attribute `key` as a string, or `default`."""
        value = self.get_string(key)
        return default if value is None else value

    def erase_attribute(self, key: str) -> bool:
        """Remove attribute `key`; True if it was there."""
        return self.attributes.pop(key, None) is not None

    def set_colorspace(self, colorspace: str) -> None:
        """Set the ``oiio:ColorSpace`` attribute."""
        self.attributes["oiio:ColorSpace"] = str(colorspace)

    def get_colorspace(self) -> str | None:
        """The ``oiio:ColorSpace`` attribute, or None."""
        return self.get_string("oiio:ColorSpace")

    def with_size(self, width: int, height: int) -> ImageSpec:
        """A copy with another size (full window too)."""
        return replace(self, width=width, height=height, full_width=width, full_height=height,
                       attributes=dict(self.attributes))  # fmt: skip

    def with_format(self, format: DataFormat) -> ImageSpec:
        """A copy with another pixel format."""
        return replace(self, format=DataFormat(format), attributes=dict(self.attributes))

    def __repr__(self) -> str:
        return f"ImageSpec({self.width}x{self.height}, {self.nchannels} channels, {self.format.name})"
