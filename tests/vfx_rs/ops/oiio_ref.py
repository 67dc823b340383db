"""OpenImageIO as the oracle for vfx_rs.ops tests: NumPy in, ImageBufAlgo, NumPy out."""

from __future__ import annotations

from typing import Any

import numpy as np
import OpenImageIO as oiio

IBA = oiio.ImageBufAlgo

__all__ = ["IBA", "buf", "pixels", "resize", "smooth_image", "windows"]


def buf(a: np.ndarray, origin: tuple[int, int] = (0, 0), full: tuple[int, int, int, int] | None = None) -> Any:
    """An ImageBuf holding `a` (H, W, C) with its data window at `origin`; `full` = (x, y, w, h) display window."""
    h, w, c = a.shape
    spec = oiio.ImageSpec(w, h, c, oiio.FLOAT)
    spec.x, spec.y = origin
    if full is None:
        full = (origin[0], origin[1], w, h)
    spec.full_x, spec.full_y, spec.full_width, spec.full_height = full
    b = oiio.ImageBuf(spec)
    assert b.set_pixels(b.roi, np.ascontiguousarray(a, dtype=np.float32))
    return b


def pixels(b: Any) -> np.ndarray:
    """The data window of an ImageBuf as float32 (H, W, C); fails on an OIIO error."""
    assert not b.has_error, b.geterror()
    return np.asarray(b.get_pixels(oiio.FLOAT), dtype=np.float32)


def windows(b: Any) -> tuple[tuple[int, int, int, int], tuple[int, int, int, int]]:
    """(data window, display window) of an ImageBuf as inclusive (xmin, ymin, xmax, ymax)."""
    r, f = b.roi, b.roi_full
    return (r.xbegin, r.ybegin, r.xend - 1, r.yend - 1), (f.xbegin, f.ybegin, f.xend - 1, f.yend - 1)


def resize(a: np.ndarray, width: int, height: int, filtername: str) -> np.ndarray:
    """ImageBufAlgo.resize of `a` to width x height."""
    roi = oiio.ROI(0, width, 0, height, 0, 1, 0, a.shape[2])
    return pixels(IBA.resize(buf(a), filtername=filtername, roi=roi))


def smooth_image(height: int, width: int, channels: int) -> np.ndarray:
    """Band-limited test content: products of low-frequency sines, values in 0.1..0.9."""
    y, x = np.mgrid[0:height, 0:width] / max(height, width)
    planes = [0.5 + 0.4 * np.sin(6 * x + k) * np.cos(5 * y - k) for k in range(channels)]
    return np.stack(planes, axis=-1).astype(np.float32)
