"""Geometry: crop, cut, flip, flop, rotate by quarter turns, transpose, pad.

Data windows: an `Image`'s pixels sit at its data window in image space
(``Image.data_window``, OpenEXR's ``dataWindow``), inside or around the
display window. The ops here keep that straight, following OpenImageIO's
``ImageBufAlgo`` (``imagebufalgo_orient.cpp``): `flip` and `flop` mirror the
data window inside the display window; the rotations turn the display
window about its origin corner (keeping the origin, swapping width and
height) and carry the data window with it; `crop` takes its region in image
space. Results are `Image` objects with ``dataWindow`` and
``displayWindow`` set; plain arrays are treated as having both windows at
``(0, 0, W - 1, H - 1)`` and come back as arrays.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfx_rs.ops._common import ImageLike, check_output_size, pixels, result
from vfx_rs.ops._roi import restrict

__all__ = ["crop", "cut", "flip", "flop", "pad", "rotate90", "rotate180", "rotate270", "transpose", "turn"]

Window = tuple[int, int, int, int]


def _windows(image: ImageLike, data: npt.NDArray[np.float32]) -> tuple[Window, Window]:
    if isinstance(image, Image):
        return image.data_window, image.display_window
    h, w, _ = data.shape
    return (0, 0, w - 1, h - 1), (0, 0, w - 1, h - 1)


def _out(image: ImageLike, data: npt.NDArray[np.float32], data_window: Window, display_window: Window) -> Any:
    if not isinstance(image, Image):
        return result(image, data)
    meta = copy.deepcopy(image.metadata)
    meta["dataWindow"] = tuple(int(v) for v in data_window)
    meta["displayWindow"] = tuple(int(v) for v in display_window)
    return result(image, data, metadata=meta)


def _int(value: Any, what: str, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ArgumentError(f"{what} must be an integer, not {value!r}")
    if minimum is not None and value < minimum:
        raise ArgumentError(f"{what} must be at least {minimum}, not {value}")
    return int(value)


def crop(image: ImageLike, x: Any, y: int | None = None, width: int | None = None, height: int | None = None) -> Any:
    """The ``width x height`` region whose top-left pixel is at image-space ``(x, y)``.

    ``crop(image, roi)`` with a `vfx_rs.Roi3D` (the vfx-rs-py form) crops to
    its pixels and channels.

    Coordinates are in image space: for an image whose data window starts at
    ``(100, 50)``, ``crop(img, 100, 50, 10, 10)`` is its first 10x10 pixels.
    Parts of the region outside the data window are 0 (as OpenImageIO's
    ``crop``). The result's data window is the region; its display window
    is the source's (use `cut` to move the result to the origin).

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> img = vfx_rs.Image(np.arange(12, dtype=np.float32).reshape(3, 4))
    >>> c = vfx_rs.ops.crop(img, 1, 1, 2, 2)
    >>> c.numpy()[..., 0].tolist(), c.data_window
    ([[5.0, 6.0], [9.0, 10.0]], (1, 1, 2, 2))
    """
    if y is None and width is None and height is None:
        return restrict(image, x)
    data = pixels(image)
    x, y = _int(x, "x"), _int(y, "y")
    width, height = _int(width, "width", 1), _int(height, "height", 1)
    check_output_size(width, height, data.shape[2])
    data_window, display_window = _windows(image, data)
    out = np.zeros((height, width, data.shape[2]), dtype=np.float32)
    x0, y0 = max(x, data_window[0]), max(y, data_window[1])
    x1, y1 = min(x + width, data_window[2] + 1), min(y + height, data_window[3] + 1)
    if x0 < x1 and y0 < y1:
        out[y0 - y : y1 - y, x0 - x : x1 - x] = data[
            y0 - data_window[1] : y1 - data_window[1], x0 - data_window[0] : x1 - data_window[0]
        ]
    return _out(image, out, (x, y, x + width - 1, y + height - 1), display_window)


def cut(image: ImageLike, x: Any, y: int | None = None, width: int | None = None, height: int | None = None) -> Any:
    """`crop` (also with a `vfx_rs.Roi3D`), then move the result to the origin: both windows become the result's size."""
    cropped = crop(image, x, y, width, height)
    data = pixels(cropped)
    origin = (0, 0, data.shape[1] - 1, data.shape[0] - 1)
    return _out(image, data, origin, origin)


def flip(image: ImageLike, roi: Any = None) -> Any:
    """Mirror top to bottom (the data window is mirrored inside the display window)."""
    image = restrict(image, roi)
    data = pixels(image)
    (x0, y0, x1, y1), disp = _windows(image, data)
    offset = disp[1] + disp[3]
    return _out(image, data[::-1].copy(), (x0, offset - y1, x1, offset - y0), disp)


def flop(image: ImageLike, roi: Any = None) -> Any:
    """Mirror left to right (the data window is mirrored inside the display window)."""
    image = restrict(image, roi)
    data = pixels(image)
    (x0, y0, x1, y1), disp = _windows(image, data)
    offset = disp[0] + disp[2]
    return _out(image, data[:, ::-1].copy(), (offset - x1, y0, offset - x0, y1), disp)


def rotate180(image: ImageLike, roi: Any = None) -> Any:
    """Turn half a turn (`flip` and `flop` together)."""
    image = restrict(image, roi)
    data = pixels(image)
    (x0, y0, x1, y1), disp = _windows(image, data)
    ox, oy = disp[0] + disp[2], disp[1] + disp[3]
    return _out(image, data[::-1, ::-1].copy(), (ox - x1, oy - y1, ox - x0, oy - y0), disp)


def _turned_display(disp: Window) -> Window:
    dx0, dy0, dx1, dy1 = disp
    return (dx0, dy0, dx0 + (dy1 - dy0), dy0 + (dx1 - dx0))


def rotate90(image: ImageLike, roi: Any = None) -> Any:
    """Turn a quarter turn clockwise: pixel ``(x, y)`` goes to ``(dx0 + dy1 - y, dy0 + x - dx0)``.

    ``(dx0, dy0, dx1, dy1)`` is the display window, which keeps its origin
    corner and swaps width and height (OpenImageIO's ``rotate90``).
    """
    image = restrict(image, roi)
    data = pixels(image)
    (x0, y0, x1, y1), disp = _windows(image, data)
    dx0, dy0, _, dy1 = disp
    window = (dx0 + dy1 - y1, dy0 + x0 - dx0, dx0 + dy1 - y0, dy0 + x1 - dx0)
    return _out(image, np.ascontiguousarray(np.rot90(data, -1)), window, _turned_display(disp))


def rotate270(image: ImageLike, roi: Any = None) -> Any:
    """Turn a quarter turn counter-clockwise: pixel ``(x, y)`` goes to ``(dx0 + y - dy0, dy0 + dx1 - x)``."""
    image = restrict(image, roi)
    data = pixels(image)
    (x0, y0, x1, y1), disp = _windows(image, data)
    dx0, dy0, dx1, _ = disp
    window = (dx0 + y0 - dy0, dy0 + dx1 - x1, dx0 + y1 - dy0, dy0 + dx1 - x0)
    return _out(image, np.ascontiguousarray(np.rot90(data, 1)), window, _turned_display(disp))


def turn(image: ImageLike, degrees: int) -> Any:
    """Turn clockwise by a multiple of 90 degrees (negative turns counter-clockwise), exactly.

    Examples
    --------
    >>> import numpy as np
    >>> turn(np.array([[1, 2]], np.float32), 90)[..., 0].tolist()
    [[1.0], [2.0]]
    """
    turns = _int(degrees, "degrees")
    if turns % 90:
        raise ArgumentError(f"rotate takes multiples of 90 degrees, not {degrees}")
    quarter = (turns // 90) % 4
    if quarter == 0:
        data = pixels(image)
        return _out(image, data.copy(), *_windows(image, data))
    return (rotate90, rotate180, rotate270)[quarter - 1](image)


def transpose(image: ImageLike, roi: Any = None) -> Any:
    """Swap x and y: pixel ``(x, y)`` goes to ``(y, x)``, windows too (OpenImageIO's ``transpose``)."""
    image = restrict(image, roi)
    data = pixels(image)
    (x0, y0, x1, y1), (dx0, dy0, dx1, dy1) = _windows(image, data)
    return _out(image, np.ascontiguousarray(data.transpose(1, 0, 2)), (y0, x0, y1, x1), (dy0, dx0, dy1, dx1))


def pad(image: ImageLike, left: int = 0, top: int = 0, right: int = 0, bottom: int = 0, value: float = 0.0) -> Any:
    """Add borders of `value` around the pixels.

    If the data and display windows are the same (no overscan, the usual
    case), the result is a larger image at the origin, both windows
    covering it. Otherwise the pixels keep their image-space position, the
    data window grows around them (overscan) and the display window stays.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> vfx_rs.ops.pad(np.ones((1, 1), np.float32), left=1, bottom=1)[..., 0].tolist()
    [[0.0, 1.0], [0.0, 0.0]]
    """
    data = pixels(image)
    sides = [_int(v, name, 0) for v, name in ((left, "left"), (top, "top"), (right, "right"), (bottom, "bottom"))]
    left, top, right, bottom = sides
    h, w, c = data.shape
    check_output_size(w + left + right, h + top + bottom, c)
    if isinstance(value, (list, tuple, np.ndarray)):
        raise ArgumentError(f"value must be one number, not {value!r}")
    try:
        fill_value = np.float32(value)
    except (TypeError, ValueError):
        raise ArgumentError(f"value must be a number, not {value!r}") from None
    out = np.full((h + top + bottom, w + left + right, c), fill_value, dtype=np.float32)
    out[top : top + h, left : left + w] = data
    (x0, y0, x1, y1), disp = _windows(image, data)
    if (x0, y0, x1, y1) == disp:
        window = (x0, y0, x0 + out.shape[1] - 1, y0 + out.shape[0] - 1)
        return _out(image, out, window, window)
    return _out(image, out, (x0 - left, y0 - top, x1 + right, y1 + bottom), disp)
