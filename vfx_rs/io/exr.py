"""OpenEXR reading and writing through the OpenEXR package, with layers and parts.

Reading: scanline, tiled and mip/rip-mapped files (the top level), every
compression the library decodes, half/float/uint channels, multi-part
files, data windows (the pixels of the data window are returned; both
windows are kept in the metadata), subsampled channels (replicated to full
resolution) and luminance/chroma files (Y, RY, BY converted to RGB).
Headers are checked by `vfx_rs.io.exr_header` before the library allocates.

Layers: a channel ``diffuse.R`` belongs to layer ``diffuse`` (``a.b.R`` to
``a.b``). The unprefixed channels form the layer ``beauty``; if the file also
has a prefixed layer called ``beauty``, the unprefixed one is called
``default``. In a multi-part file each part's name is its layer's name,
joined with ``.`` to any channel prefix inside it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError, FormatError, NotFoundError
from vfx_rs.image import Image, LayeredImage
from vfx_rs.io.decoder_errors import decoder_reason
from vfx_rs.io.exr_deep import deep_image_of_part, is_deep
from vfx_rs.io.exr_header import read_headers

__all__ = ["COMPRESSIONS", "WRITE_OPTIONS", "read", "read_layer", "read_layered", "write", "write_layers"]

COMPRESSIONS = ("none", "rle", "zips", "zip", "piz", "pxr24", "b44", "b44a", "dwaa", "dwab")
"""Compressions `write` accepts (OpenEXR 3 names, lower case)."""

WRITE_OPTIONS = {"exr": frozenset({"compression", "pixel_type", "multipart"})}

_ORDER = ("R", "G", "B", "A", "Y", "RY", "BY", "Z")
_FORMAT_OF_TYPE = {"HALF": "f16", "FLOAT": "f32", "UINT": "u32"}
_SKIPPED = {"channels", "dataWindow", "displayWindow", "preview", "tiles", "type", "chunkCount", "name", "version"}


def _library() -> Any:
    import OpenEXR

    return OpenEXR


def _plain(value: Any) -> Any:
    """A header value as plain Python data (enums by lower-case name, arrays as lists)."""
    if hasattr(value, "name") and type(value).__module__ == "OpenEXR" and hasattr(value, "value"):
        name = str(value.name).lower()
        return "none" if name == "no_compression" else name.removesuffix("_compression")
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (tuple, list)):
        return tuple(_plain(v) for v in value)
    if isinstance(value, (str, int, float, bool, bytes)) or value is None:
        return value
    if type(value).__name__ == "OpaqueAttribute":  # a type OpenEXR does not know (its name may not be UTF-8)
        return bytes(value.data)
    return str(value)


def _window(value: Any) -> tuple[int, int, int, int]:
    (x0, y0), (x1, y1) = value
    return (int(x0), int(y0), int(x1), int(y1))


def _metadata(header: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {"dataWindow": _window(header["dataWindow"])}
    meta["displayWindow"] = _window(header.get("displayWindow", header["dataWindow"]))
    for key, value in header.items():
        if key not in _SKIPPED:
            meta[key] = _plain(value)
    if "tiles" in header:
        meta["tiles"] = str(header["tiles"])
    meta["storage"] = _plain(header.get("type", "scanlineimage"))
    return meta


def _full_resolution(channel: Any, height: int, width: int) -> np.ndarray:
    pixels = np.asarray(channel.pixels)
    xs, ys = int(channel.xSampling), int(channel.ySampling)
    if (xs, ys) != (1, 1):
        pixels = np.repeat(np.repeat(pixels, ys, axis=0), xs, axis=1)
    if pixels.shape[:2] != (height, width):
        fixed = np.zeros((height, width), pixels.dtype)
        h, w = min(height, pixels.shape[0]), min(width, pixels.shape[1])
        fixed[:h, :w] = pixels[:h, :w]
        pixels = fixed
    return pixels


def _luminance_weights(chromaticities: Any) -> np.ndarray:
    """Y weights of the file's primaries: the Y row of RGB->XYZ, normalised (OpenEXR ImfRgbaYca computeYw)."""
    c = np.asarray(
        chromaticities if chromaticities is not None else (0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290), float
    )
    xy = c.reshape(4, 2)
    # Unscaled primaries (x, y, z) as columns; dividing by y would fail for XYZ primaries (blue y = 0).
    primaries = np.stack([xy[:3, 0], xy[:3, 1], 1.0 - xy[:3, 0] - xy[:3, 1]])
    white = np.array([xy[3, 0], xy[3, 1], 1.0 - xy[3, 0] - xy[3, 1]]) / xy[3, 1]
    weights = primaries[1] * np.linalg.solve(primaries, white)
    return weights / weights.sum()


def _yca_to_rgb(y: np.ndarray, ry: np.ndarray, by: np.ndarray, chromaticities: Any) -> np.ndarray:
    """R = (RY + 1) Y, B = (BY + 1) Y, G from Y and the weights (OpenEXR ImfRgbaYca YCAtoRGB)."""
    yw = _luminance_weights(chromaticities)
    r = (ry + 1.0) * y
    b = (by + 1.0) * y
    g = (y - r * yw[0] - b * yw[2]) / yw[1]
    return np.stack([r, g, b], axis=-1)


def _interleave(data: np.ndarray, planes: list[np.ndarray]) -> None:
    """Copy planes into the channels of `data`, in row bands on the core's thread pool (NumPy releases the GIL)."""
    from vfx_rs._parallel import for_row_bands

    def band(rows: slice) -> None:
        for i, plane in enumerate(planes):
            data[rows, :, i] = plane[rows]

    for_row_bands(data.shape[0], data.shape[1] * data.itemsize * len(planes), band)


def _sort_key(suffix: str) -> tuple[int, str]:
    return (_ORDER.index(suffix), "") if suffix in _ORDER else (len(_ORDER), suffix)


def _split(name: str) -> tuple[str, str]:
    prefix, _, suffix = name.rpartition(".")
    return prefix, suffix


def _layer_image(part: Any, names: list[str], header: dict[str, Any], metadata: dict[str, Any], path: str) -> Image:
    if is_deep(part):  # a deep part reads as its flattened image (vfx_rs.deep)
        flat = deep_image_of_part(part, metadata, path).flatten()
        ordered = sorted(names, key=lambda n: _sort_key(_split(n)[1]))
        pixels = flat.pixels[..., [flat.channel_index(n) for n in ordered]]
        return flat.with_pixels(pixels, [_split(n)[1] for n in ordered])
    x0, y0, x1, y1 = metadata["dataWindow"]
    height, width = y1 - y0 + 1, x1 - x0 + 1
    suffixes = [_split(n)[1] for n in names]
    planes = {s: _full_resolution(part.channels[n], height, width) for s, n in zip(suffixes, names, strict=True)}
    types = {str(part.channels[n].type().name) for n in names}
    fmt = "f16" if types == {"HALF"} else "u32" if types == {"UINT"} else "f32"
    if {"Y", "RY", "BY"} <= set(planes):
        y, ry, by = (planes.pop(k).astype(np.float32) for k in ("Y", "RY", "BY"))
        rgb = _yca_to_rgb(y, ry, by, header.get("chromaticities"))
        rest = sorted(planes, key=_sort_key)
        stack = [rgb[..., i] for i in range(3)] + [planes[k] for k in rest]
        suffixes = ["R", "G", "B", *rest]
    else:
        suffixes = sorted(planes, key=_sort_key)
        stack = [planes[k] for k in suffixes]
    data = np.empty((height, width, len(stack)), np.float32)
    _interleave(data, stack)
    return Image._adopt(data, suffixes, fmt, dict(metadata))


def _library_reason(exc: Exception, path: str) -> str:
    """The library's message without the path; its "Unable to open ... for read" means a header it cannot parse."""
    text = decoder_reason(exc).replace(f"'{path}'", "the file").replace(path, "the file")
    if "Unable to open" in text:
        return "OpenEXR cannot parse the header or chunk table (damaged file)"
    return f"OpenEXR: {text}"


def _open(path: str) -> Any:
    """Open `path` with the library after `read_headers` checked it.

    The library reports a part whose pixels it cannot decode by leaving the
    part out (and printing a warning), so a part count short of the
    header's means damaged data; no process-wide output is captured.
    """
    headers = read_headers(path)
    try:
        handle = _library().File(path, separate_channels=True)
    except MemoryError:
        raise
    except Exception as exc:
        raise FormatError(f"damaged EXR data: {_library_reason(exc, path)}", path=path) from exc
    if len(handle.parts) != len(headers):
        raise FormatError(
            f"damaged EXR data: OpenEXR could not decode the pixels of {len(headers) - len(handle.parts)} "
            f"of the file's {len(headers)} part(s) (truncated or corrupt chunks)",
            path=path,
        )
    return handle


def _layers_of_part(part: Any, index: int, multipart: bool) -> dict[str, tuple[Any, list[str], dict[str, Any]]]:
    header = dict(part.header)
    metadata = _metadata(header)
    groups: dict[str, list[str]] = {}
    for name in part.channels:
        groups.setdefault(_split(name)[0], []).append(name)
    part_name = str(header.get("name") or f"part{index}")
    out: dict[str, tuple[Any, list[str], dict[str, Any]]] = {}
    for prefix, names in groups.items():
        if multipart:
            layer = f"{part_name}.{prefix}" if prefix else part_name
        else:
            layer = prefix or ("default" if "beauty" in groups else "beauty")
        out[layer] = (part, names, metadata)
    return out


def _all_layers(path: str) -> tuple[Any, dict[str, tuple[Any, list[str], dict[str, Any]]]]:
    handle = _open(path)
    multipart = len(handle.parts) > 1
    layers: dict[str, tuple[Any, list[str], dict[str, Any]]] = {}
    for index, part in enumerate(handle.parts):
        layers.update(_layers_of_part(part, index, multipart))
    return handle, layers


def read(path: str, part: int | str | None = None) -> Image:
    """Read one part (the first by default): its unprefixed channels if any, else all its channels.

    Parameters
    ----------
    path
        The EXR file.
    part
        Part index or name in a multi-part file.
    """
    handle = _open(path)
    parts = handle.parts
    if part is None:
        chosen = parts[0]
    elif isinstance(part, int):
        if isinstance(part, bool) or not 0 <= part < len(parts):
            raise ArgumentError(f"part {part} out of range; the file has {len(parts)} parts", path=path)
        chosen = parts[part]
    else:
        names = [p.header.get("name") for p in parts]
        if part not in names:
            known = ", ".join(repr(n) for n in names if n) or f"none: the file's {len(parts)} part(s) have no names"
            raise NotFoundError(f"no part named {part!r} (part names: {known}; or give an index)", path=path)
        chosen = parts[names.index(part)]
    header = dict(chosen.header)
    names = [n for n in chosen.channels if not _split(n)[0]] or list(chosen.channels)
    return _layer_image(chosen, names, header, _metadata(header), path)


def read_layered(path: str) -> LayeredImage:
    """Every layer of every part, in file order (see the module docstring for the names)."""
    _, layers = _all_layers(path)
    out = LayeredImage()
    for name, (part, names, metadata) in layers.items():
        out[name] = _layer_image(part, names, dict(part.header), metadata, path)
    return out


def read_layer(path: str, name: str) -> Image:
    """One layer by name; `NotFoundError` lists the layers when it is missing."""
    _, layers = _all_layers(path)
    if name not in layers:
        raise NotFoundError(f"no layer {name!r}; layers are: {', '.join(layers)}", path=path)
    part, names, metadata = layers[name]
    return _layer_image(part, names, dict(part.header), metadata, path)


def _compression(name: str) -> Any:
    key = str(name).lower()
    if key not in COMPRESSIONS:
        raise ArgumentError(f"unknown EXR compression {name!r}; expected one of: {', '.join(COMPRESSIONS)}")
    return getattr(_library(), "NO_COMPRESSION" if key == "none" else f"{key.upper()}_COMPRESSION")


def _dtype(image: Image, pixel_type: str | None) -> Any:
    if pixel_type is None:
        return {"f16": np.float16, "u32": np.uint32}.get(image.format, np.float32)
    choices = {"half": np.float16, "float": np.float32}
    if pixel_type not in choices:
        raise ArgumentError(f"unknown EXR pixel_type {pixel_type!r}; expected 'half' or 'float'")
    return choices[pixel_type]


def _header(image: Image, compression: str) -> dict[str, Any]:
    lib = _library()
    header: dict[str, Any] = {"compression": _compression(compression), "type": lib.scanlineimage}
    x0, y0, x1, y1 = image.data_window
    if (x1 - x0 + 1, y1 - y0 + 1) != (image.width, image.height):
        x0, y0, x1, y1 = 0, 0, image.width - 1, image.height - 1
    header["dataWindow"] = (np.array([x0, y0], np.int32), np.array([x1, y1], np.int32))
    dx0, dy0, dx1, dy1 = image.display_window if "displayWindow" in image.metadata else (x0, y0, x1, y1)
    header["displayWindow"] = (np.array([dx0, dy0], np.int32), np.array([dx1, dy1], np.int32))
    for key in (
        "chromaticities",
        "pixelAspectRatio",
        "owner",
        "comments",
        "capDate",
        "framesPerSecond",
        "whiteLuminance",
    ):
        if key in image.metadata and image.metadata[key] is not None:
            value = image.metadata[key]
            header[key] = tuple(float(v) for v in value) if key == "chromaticities" else value
    return header


def _channels(image: Image, dtype: Any, prefix: str = "") -> dict[str, np.ndarray]:
    """One contiguous plane per channel in the file's type, converted on the core's thread pool."""
    from vfx_rs._parallel import map_all

    data = image._data  # read only here: no need for the copy numpy() makes

    def plane(i: int) -> np.ndarray:
        values = data[..., i]
        if dtype is np.uint32:
            values = np.clip(np.nan_to_num(values), 0, 2**32 - 1).round()
        return np.ascontiguousarray(values.astype(dtype))

    planes = map_all(plane, range(image.channels))
    return {f"{prefix}{name}": p for name, p in zip(image.channel_names, planes, strict=True)}


def write(
    path: str,
    image: Image,
    fmt: str = "exr",
    compression: str = "zip",
    pixel_type: str | None = None,
    multipart: bool = False,
) -> None:
    """Write one image as a single-part scanline EXR (``multipart`` has no effect for one image)."""
    part = _library().Part(_header(image, compression), _channels(image, _dtype(image, pixel_type)))
    _library().File([part]).write(path)


def write_layers(
    path: str,
    layered: LayeredImage,
    fmt: str = "exr",
    multipart: bool = False,
    compression: str = "zip",
    pixel_type: str | None = None,
) -> None:
    """Write layers: one part with ``layer.channel`` names (``beauty`` unprefixed), or one part per layer."""
    lib = _library()
    items = layered.items()
    if multipart:
        parts = [
            lib.Part(_header(img, compression), _channels(img, _dtype(img, pixel_type)), name=name)
            for name, img in items
        ]
        lib.File(parts).write(path)
        return
    first = items[0][1]
    sizes = {(img.width, img.height) for _, img in items}
    if len(sizes) != 1:
        raise ArgumentError("layers of different sizes need multipart=True")
    channels: dict[str, np.ndarray] = {}
    for name, img in items:
        channels.update(_channels(img, _dtype(img, pixel_type), "" if name == "beauty" else f"{name}."))
    lib.File([lib.Part(_header(first, compression), channels)]).write(path)
