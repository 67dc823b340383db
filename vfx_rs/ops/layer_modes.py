"""The vfx-rs-py blend-mode functions (``ops.screen(a, b)``...) and depth compositing (`zover`).

Unlike `vfx_rs.ops.blend`, which composites with alpha, these apply the
separable blend function ``B(Cb, Cs)`` of W3C *Compositing and Blending
Level 1* (2015), section 10.1, to every channel alike (alpha included), with
`a` the source (top layer, ``Cs``) and `b` the backdrop (``Cb``), as the
original does. `add_blend` is ``a + b`` (not clamped). Both images have the
same size and channels.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError, NotFoundError
from vfx_rs.ops._common import ImageLike, alpha_index, pixels, pixels_and_names, result
from vfx_rs.ops._roi import with_roi
from vfx_rs.ops.blend import BLEND_MODES

__all__ = [
    "add_blend",
    "colorburn",
    "colordodge",
    "difference",
    "exclusion",
    "hardlight",
    "multiply",
    "overlay",
    "screen",
    "softlight",
    "zover",
]


def _apply(mode: str, a: ImageLike, b: ImageLike, roi: Any) -> Any:
    da, db = pixels(a, "a"), pixels(b, "b")
    if da.shape != db.shape:
        raise ArgumentError(f"{mode} needs images of the same size and channels: {da.shape} and {db.shape} (H, W, C)")

    def run() -> Any:
        with np.errstate(all="ignore"):
            return result(a, BLEND_MODES[mode](db, da))

    return with_roi(run, roi)


def screen(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """``1 - (1 - a)(1 - b)``: lightens."""
    return _apply("screen", a, b, roi)


def multiply(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """``a * b``: darkens."""
    return _apply("multiply", a, b, roi)


def overlay(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """Hard light with the layers swapped: multiply where ``b <= 0.5``, screen above."""
    return _apply("overlay", a, b, roi)


def hardlight(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """``2 a b`` where ``a <= 0.5``, else ``1 - 2 (1 - a)(1 - b)``."""
    return _apply("hard-light", a, b, roi)


def softlight(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """W3C soft light (section 10.1.7): a gentler hard light."""
    return _apply("soft-light", a, b, roi)


def difference(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """``|a - b|``."""
    return _apply("difference", a, b, roi)


def exclusion(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """``a + b - 2 a b``."""
    return _apply("exclusion", a, b, roi)


def colordodge(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """``min(1, b / (1 - a))`` (0 where ``b == 0``, 1 where ``a == 1``)."""
    return _apply("color-dodge", a, b, roi)


def colorburn(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """``1 - min(1, (1 - b) / a)`` (1 where ``b == 1``, 0 where ``a == 0``)."""
    return _apply("color-burn", a, b, roi)


def add_blend(a: ImageLike, b: ImageLike, roi: Any = None) -> Any:
    """``a + b``, every channel, not clamped."""
    return _apply("add", a, b, roi)


def _z_index(names: list[str], what: str) -> int:
    for i, name in enumerate(names):
        if name.rsplit(".", 1)[-1].upper() == "Z":
            return i
    raise NotFoundError(f"zover needs a Z channel in {what}; its channels are: {', '.join(names)}")


def zover(a: ImageLike, b: ImageLike, z_zeroisinf: bool = False, roi: Any = None) -> Any:
    """Depth composite: at each pixel the nearer image (smaller Z) goes over the other.

    OpenImageIO's ``zover``: both images have the same channels, with an
    alpha and a ``Z`` channel; the nearer pixel's Z is kept. With
    `z_zeroisinf`, a Z of 0 counts as infinitely far.
    """
    da, names = pixels_and_names(a, "a")
    db, names_b = pixels_and_names(b, "b")
    if da.shape != db.shape or names != names_b:
        raise ArgumentError(f"zover needs two images with the same size and channels: {names} and {names_b}")
    za, zb, ia = _z_index(names, "a"), _z_index(names_b, "b"), alpha_index(names)
    if ia is None:
        raise NotFoundError(f"zover needs an alpha channel; channels are: {', '.join(names)}")

    def run() -> Any:
        depth_a, depth_b = da[..., za], db[..., zb]
        if z_zeroisinf:
            depth_a = np.where(depth_a == 0, np.inf, depth_a)
            depth_b = np.where(depth_b == 0, np.inf, depth_b)
        a_first = (depth_a <= depth_b)[..., None]
        near, far = np.where(a_first, da, db), np.where(a_first, db, da)
        out = near + far * (1 - near[..., ia : ia + 1])
        out[..., za] = near[..., za]
        return result(a, out)

    return with_roi(run, roi)
