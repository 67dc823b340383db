"""Regions of interest for the vfx-rs-py style ops (``roi=`` arguments, OpenImageIO's ROI).

A region is any object with ``xbegin, xend, ybegin, yend`` (image space,
ends exclusive) and ``chbegin, chend`` (an end below 1 means "to the last
channel"), such as `vfx_rs.Roi3D`. An op given one computes as without it
(filters still see the pixels around the region, as OpenImageIO's do) and
returns only the region: its pixels and its channel range.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, pixels_and_names, result

__all__ = ["bounds", "restrict", "with_roi"]


def bounds(roi: Any) -> tuple[int, int, int, int, int, int]:
    """``(xbegin, xend, ybegin, yend, chbegin, chend)`` of `roi`, or `ArgumentError`."""
    try:
        values = [int(getattr(roi, n)) for n in ("xbegin", "xend", "ybegin", "yend", "chbegin", "chend")]
    except (AttributeError, TypeError, ValueError):
        raise ArgumentError(f"roi must be a vfx_rs.Roi3D (xbegin, xend, ybegin, yend, ...), not {roi!r}") from None
    return values[0], values[1], values[2], values[3], values[4], values[5]


def restrict(image: ImageLike, roi: Any) -> Any:
    """`image` cropped to `roi`'s pixels and channels (`image` itself for ``roi=None``)."""
    from vfx_rs.ops.geometry import crop  # geometry uses this module too

    if roi is None:
        return image
    x0, x1, y0, y1, c0, c1 = bounds(roi)
    if x1 <= x0 or y1 <= y0:
        raise ArgumentError(f"roi {roi!r} is empty")
    out = crop(image, x0, y0, x1 - x0, y1 - y0)
    data, names = pixels_and_names(out)
    end = data.shape[2] if c1 < 1 else min(c1, data.shape[2])
    if c0 == 0 and end == data.shape[2]:
        return out
    if not 0 <= c0 < end:
        raise ArgumentError(f"roi channels {c0}..{c1} are outside the image's {data.shape[2]} channels")
    return result(out, data[..., c0:end].copy(), channel_names=names[c0:end])


def with_roi(op: Callable[[], Any], roi: Any) -> Any:
    """Run `op` on the whole image and keep `roi` of its result."""
    return restrict(op(), roi)
