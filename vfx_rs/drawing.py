"""Drawing on images, the vfx-rs-py ``drawing`` module: points, lines, boxes, circles, ellipses, polygons, text.

Each function returns a new image with the shape drawn. The colour (one
value per channel) is composited over the pixels, ``color + pixel * (1 -
color_alpha)``, when the image has an alpha channel, and replaces them when
it has none, as OpenImageIO's ``render_point``/``render_line``/``render_box``
do; lines are Bresenham's (1965), boxes include both corners. Circles and
ellipses cover the pixels whose centres lie inside (filled) or within half a
pixel of the curve (outline); polygons are filled by the even-odd rule at
pixel centres. Text is rendered with the bundled DejaVu Sans Mono font
(``resources/DejaVuSansMono.ttf``, Bitstream Vera licence beside it) through
Pillow's FreeType binding, antialiased.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfx_rs.ops._common import ImageLike, alpha_index, pixels_and_names, result
from vfx_rs.ops._roi import bounds

__all__ = [
    "TextAlign",
    "TextStyle",
    "render_box",
    "render_circle",
    "render_ellipse",
    "render_line",
    "render_point",
    "render_polygon",
    "render_text",
    "render_text_into",
]

Mask = npt.NDArray[np.float64]


def _paint(image: ImageLike, mask: Mask, color: Sequence[float], roi: Any) -> Any:
    """Composite `color` over `image` with per-pixel coverage `mask` (0..1)."""
    data, names = pixels_and_names(image)
    values = np.asarray(color, dtype=np.float64).ravel()
    if values.size < data.shape[2]:
        raise ArgumentError(f"color has {values.size} values for an image with {data.shape[2]} channels")
    values = values[: data.shape[2]]
    if roi is not None:
        x0, x1, y0, y1, _, _ = bounds(roi)
        keep = np.zeros_like(mask)
        keep[max(y0, 0) : max(y1, 0), max(x0, 0) : max(x1, 0)] = 1.0
        mask = mask * keep
    a = alpha_index(names)
    cover = mask[..., None]
    opacity = 1.0 if a is None else values[a]
    return result(image, data * (1 - cover * opacity) + values * cover)


def _canvas(image: ImageLike) -> Mask:
    data, _ = pixels_and_names(image)
    return np.zeros(data.shape[:2])


def _plot(mask: Mask, xs: Any, ys: Any) -> Mask:
    xs, ys = np.asarray(xs, dtype=np.int64), np.asarray(ys, dtype=np.int64)
    inside = (xs >= 0) & (xs < mask.shape[1]) & (ys >= 0) & (ys < mask.shape[0])
    mask[ys[inside], xs[inside]] = 1.0
    return mask


def render_point(image: ImageLike, x: int, y: int, color: Sequence[float], roi: Any = None) -> Any:
    """Draw one pixel at ``(x, y)``."""
    return _paint(image, _plot(_canvas(image), [x], [y]), color, roi)


def _bresenham(x1: int, y1: int, x2: int, y2: int) -> tuple[list[int], list[int]]:
    xs, ys = [], []
    dx, dy = abs(x2 - x1), -abs(y2 - y1)
    sx, sy = (1 if x1 < x2 else -1), (1 if y1 < y2 else -1)
    err, x, y = dx + dy, x1, y1
    while True:
        xs.append(x)
        ys.append(y)
        if x == x2 and y == y2:
            return xs, ys
        e2 = 2 * err
        if e2 > dy:  # strict: on an exact tie the line keeps to its current row/column, as OpenImageIO's
            err += dy
            x += sx
        if e2 < dx:
            err += dx
            y += sy


def render_line(
    image: ImageLike,
    x1: int,
    y1: int,
    x2: int,
    y2: int,
    color: Sequence[float],
    skip_first_point: bool = False,
    roi: Any = None,
) -> Any:
    """Draw a line from ``(x1, y1)`` to ``(x2, y2)`` (both ends included unless `skip_first_point`)."""
    xs, ys = _bresenham(int(x1), int(y1), int(x2), int(y2))
    if skip_first_point:
        xs, ys = xs[1:], ys[1:]
    return _paint(image, _plot(_canvas(image), xs, ys), color, roi)


def render_box(
    image: ImageLike, x1: int, y1: int, x2: int, y2: int, color: Sequence[float], fill: bool = False, roi: Any = None
) -> Any:
    """Draw the rectangle with corners ``(x1, y1)`` and ``(x2, y2)``, both included; outline or `fill`."""
    mask = _canvas(image)
    ya, yb, xa, xb = min(y1, y2), max(y1, y2), min(x1, x2), max(x1, x2)
    yy, xx = np.mgrid[0 : mask.shape[0], 0 : mask.shape[1]]
    inside = (xx >= xa) & (xx <= xb) & (yy >= ya) & (yy <= yb)
    if not fill:
        inside &= (xx == xa) | (xx == xb) | (yy == ya) | (yy == yb)
    return _paint(image, inside.astype(np.float64), color, roi)


def _ellipse_mask(image: ImageLike, cx: float, cy: float, rx: float, ry: float, fill: bool) -> Mask:
    if rx <= 0 or ry <= 0:
        raise ArgumentError(f"radii must be positive, not {rx}, {ry}")
    mask = _canvas(image)
    yy, xx = np.mgrid[0 : mask.shape[0], 0 : mask.shape[1]].astype(np.float64)
    # Pixel (x, y) as in the original: integer coordinates at pixel centres.
    u, v = (xx - cx) / rx, (yy - cy) / ry
    r = np.hypot(u, v)
    if fill:
        return (r <= 1.0).astype(np.float64)
    # Outline: within half a pixel of the curve, measured along the gradient (|r - 1| / |grad r|).
    grad = np.hypot(u / rx, v / ry) / np.where(r > 0, r, 1.0)
    return (np.abs(r - 1.0) <= 0.5 * np.where(grad > 0, grad, 1.0)).astype(np.float64)


def render_circle(
    image: ImageLike, cx: int, cy: int, radius: float, color: Sequence[float], fill: bool = False, roi: Any = None
) -> Any:
    """Draw a circle of `radius` pixels about ``(cx, cy)``."""
    return _paint(image, _ellipse_mask(image, cx, cy, float(radius), float(radius), fill), color, roi)


def render_ellipse(
    image: ImageLike,
    cx: int,
    cy: int,
    rx: float,
    ry: float,
    color: Sequence[float],
    fill: bool = False,
    roi: Any = None,
) -> Any:
    """Draw an axis-aligned ellipse with radii `rx`, `ry` about ``(cx, cy)``."""
    return _paint(image, _ellipse_mask(image, cx, cy, float(rx), float(ry), fill), color, roi)


def render_polygon(
    image: ImageLike, points: Sequence[tuple[int, int]], color: Sequence[float], fill: bool = False, roi: Any = None
) -> Any:
    """Draw a closed polygon through `points`: its outline (Bresenham lines) or, with `fill`, its inside too."""
    pts = [(int(x), int(y)) for x, y in points]
    if len(pts) < 2:
        raise ArgumentError(f"a polygon needs at least 2 points, not {len(pts)}")
    mask = _canvas(image)
    for (xa, ya), (xb, yb) in zip(pts, pts[1:] + pts[:1], strict=True):
        _plot(mask, *_bresenham(xa, ya, xb, yb))
    if fill:
        yy, xx = np.mgrid[0 : mask.shape[0], 0 : mask.shape[1]].astype(np.float64)
        inside = np.zeros(mask.shape, dtype=bool)
        for (xa, ya), (xb, yb) in zip(pts, pts[1:] + pts[:1], strict=True):
            crosses = (ya > yy) != (yb > yy)
            with np.errstate(divide="ignore", invalid="ignore"):
                x_at = xa + (yy - ya) * (xb - xa) / (yb - ya)
            inside ^= crosses & (xx < x_at)
        mask = np.maximum(mask, inside)
    return _paint(image, mask, color, roi)


class TextAlign(enum.IntEnum):
    """Horizontal alignment of text lines."""

    Left = 0
    Center = 1
    Right = 2


@dataclass
class TextStyle:
    """How `render_text` draws: font size in pixels, colours (RGBA), alignment, line height (times the size).

    `font` is kept for compatibility: every text is drawn with the bundled DejaVu Sans Mono.
    """

    font: str = "sans-serif"
    font_size: float = 48.0
    color: Sequence[float] | None = None
    bg_color: Sequence[float] | None = None
    align: TextAlign | None = None
    line_height: float = 1.2

    def __post_init__(self) -> None:
        self.color = list(self.color) if self.color is not None else [1.0, 1.0, 1.0, 1.0]
        self.bg_color = list(self.bg_color) if self.bg_color is not None else [0.0, 0.0, 0.0, 0.0]
        self.align = TextAlign(self.align) if self.align is not None else TextAlign.Left
        if not self.font_size > 0 or not self.line_height > 0:
            raise ArgumentError(f"font_size and line_height must be positive, not {self.font_size}, {self.line_height}")


def _font(size: float) -> Any:
    from PIL import ImageFont

    from vfx_rs.data_files import data_file

    return ImageFont.truetype(str(data_file("vfx_rs", "resources", "DejaVuSansMono.ttf")), max(1, round(size)))


def _text_mask(text: str, style: TextStyle) -> Mask:
    """Coverage (0..1) of `text` laid out line by line, cropped to the lines' extent."""
    from PIL import Image as PilImage
    from PIL import ImageDraw

    font = _font(style.font_size)
    lines = str(text).split("\n")
    step = round(style.font_size * style.line_height)
    widths = [round(font.getlength(line)) for line in lines]
    width, height = max(max(widths), 1), max(step * (len(lines) - 1) + round(style.font_size * 1.25), 1)
    canvas = PilImage.new("L", (width, height), 0)
    draw = ImageDraw.Draw(canvas)
    align = TextAlign(style.align or TextAlign.Left)
    for i, (line, w) in enumerate(zip(lines, widths, strict=True)):
        x = {TextAlign.Left: 0, TextAlign.Center: (width - w) // 2, TextAlign.Right: width - w}[align]
        draw.text((x, i * step), line, fill=255, font=font)
    return np.asarray(canvas, dtype=np.float64) / 255.0


def render_text(text: str, style: TextStyle | None = None, width: int = 0, height: int = 0) -> Image:
    """A new RGBA image of `text` (``\\n`` breaks lines) on the style's background; 0 sizes fit the text."""
    style = style or TextStyle()
    mask = _text_mask(text, style)
    w, h = int(width) or mask.shape[1], int(height) or mask.shape[0]
    background = np.broadcast_to(np.asarray(style.bg_color, dtype=np.float32)[:4], (h, w, 4)).copy()
    cover = np.zeros((h, w))
    cover[: min(h, mask.shape[0]), : min(w, mask.shape[1])] = mask[:h, :w]
    out = _paint(Image._adopt(background), cover, list(style.color or [1, 1, 1, 1]), None)
    return out  # type: ignore[no-any-return]


def render_text_into(image: ImageLike, text: str, x: int, y: int, style: TextStyle | None = None) -> Any:
    """`image` with `text` drawn at ``(x, y)`` (its top-left), composited over it."""
    style = style or TextStyle()
    mask = _text_mask(text, style)
    data, _ = pixels_and_names(image)
    cover = np.zeros(data.shape[:2])
    h, w = data.shape[:2]
    ys, xs = slice(max(y, 0), min(y + mask.shape[0], h)), slice(max(x, 0), min(x + mask.shape[1], w))
    if ys.start < ys.stop and xs.start < xs.stop:
        cover[ys, xs] = mask[ys.start - y : ys.stop - y, xs.start - x : xs.stop - x]
    color = list(style.color or [1, 1, 1, 1])
    return _paint(image, cover, color + [1.0] * max(0, data.shape[2] - len(color)), None)
