"""Blend modes: `a` (the source, on top) blended onto `b` (the backdrop).

The separable blend functions ``B(Cb, Cs)`` and the way alpha enters are those
of the W3C *Compositing and Blending Level 1* recommendation (2015):
section 5.8 ("Blending" with the general formula) and section 10.1
(separable blend modes). With premultiplied colours ``cs, cb`` and alphas
``as, ab``, the result is the blend composited source-over:

    co = cs (1 - ab) + cb (1 - as) + as ab B(cb / ab, cs / as)
    ao = as + ab (1 - as)

`opacity` scales the source (colour and alpha) first. Images without alpha
are opaque, so for them ``co = (1 - opacity) cb + opacity B(cb, cs)``.
``"add"`` (``Cb + Cs``, linear dodge) and ``"subtract"`` (``Cb - Cs``, the
backdrop minus the source, as in Photoshop) are not in the W3C list but use
the same formula. Scene-linear values above 1 go through the formulas as
written (no clamping), except that color-dodge and color-burn clip their
ratio at 1, as the specification does.

The channel rule is `vfx_rs.ops.composite`'s: same size, same colour
channels, alpha optional on each side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs._validate import check_choice
from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, check_finite, result
from vfx_rs.ops.composite import split_alpha

__all__ = ["BLEND_MODES", "blend"]

F = npt.NDArray[np.float32]


def _multiply(cb: F, cs: F) -> F:
    return cb * cs


def _screen(cb: F, cs: F) -> F:
    return cb + cs - cb * cs


def _hard_light(cb: F, cs: F) -> F:
    # W3C 10.1.6: multiply(Cb, 2 Cs) for Cs <= 0.5, else screen(Cb, 2 Cs - 1).
    return np.where(cs <= 0.5, _multiply(cb, 2 * cs), _screen(cb, 2 * cs - 1))


def _soft_light(cb: F, cs: F) -> F:
    # W3C 10.1.7, with D(Cb) = ((16 Cb - 12) Cb + 4) Cb for Cb <= 0.25, else sqrt(Cb).
    d = np.where(cb <= 0.25, ((16 * cb - 12) * cb + 4) * cb, np.sqrt(np.maximum(cb, 0)))
    return np.where(cs <= 0.5, cb - (1 - 2 * cs) * cb * (1 - cb), cb + (2 * cs - 1) * (d - cb))


def _color_dodge(cb: F, cs: F) -> F:
    # W3C 10.1.4: 0 if Cb == 0; 1 if Cs == 1; else min(1, Cb / (1 - Cs)).
    ratio = np.minimum(1, np.divide(cb, 1 - cs, out=np.ones_like(cb), where=cs != 1))
    return np.where(cb == 0, 0, ratio)


def _color_burn(cb: F, cs: F) -> F:
    # W3C 10.1.5: 1 if Cb == 1; 0 if Cs == 0; else 1 - min(1, (1 - Cb) / Cs).
    ratio = 1 - np.minimum(1, np.divide(1 - cb, cs, out=np.ones_like(cb), where=cs != 0))
    return np.where(cb == 1, 1, ratio)


BLEND_MODES: dict[str, Callable[[F, F], F]] = {
    "normal": lambda cb, cs: cs,
    "add": lambda cb, cs: cb + cs,
    "subtract": lambda cb, cs: cb - cs,
    "multiply": _multiply,
    "screen": _screen,
    "overlay": lambda cb, cs: _hard_light(cs, cb),
    "darken": np.minimum,
    "lighten": np.maximum,
    "color-dodge": _color_dodge,
    "color-burn": _color_burn,
    "hard-light": _hard_light,
    "soft-light": _soft_light,
    "difference": lambda cb, cs: np.abs(cb - cs),
    "exclusion": lambda cb, cs: cb + cs - 2 * cb * cs,
}
"""Separable blend functions ``B(Cb, Cs)`` (W3C Compositing and Blending Level 1, section 10.1).

Keys accept spaces or underscores for the hyphen (``"soft light"``, ``"color_dodge"``).
"""


def _unpremultiplied(c: F, alpha: F | None) -> F:
    if alpha is None:
        return c
    return np.divide(c, alpha, out=np.zeros_like(c), where=alpha != 0)


def blend(a: ImageLike, b: ImageLike, mode: str = "normal", opacity: float = 1.0) -> Any:
    """Blend source `a` onto backdrop `b` with a W3C blend mode.

    Parameters
    ----------
    a, b
        The source (top layer) and the backdrop, premultiplied if they have alpha.
    mode
        A key of `BLEND_MODES`: normal, add, subtract, multiply, screen,
        overlay, darken, lighten, color-dodge, color-burn, hard-light,
        soft-light, difference, exclusion.
    opacity
        How much of the blend to apply, 0 to 1.

    Returns
    -------
    Image or ndarray
        With the colour channels, plus ``A`` if either input has alpha; an
        `Image` with `a`'s format and metadata if `a` is one.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> a = np.full((1, 1, 3), 0.5, np.float32); b = np.full((1, 1, 3), 0.4, np.float32)
    >>> vfx_rs.ops.blend(a, b, mode="multiply").tolist()
    [[[0.20000000298023224, 0.20000000298023224, 0.20000000298023224]]]
    """
    key = check_choice(str(mode).replace(" ", "-").replace("_", "-"), BLEND_MODES, "blend mode")
    weight = check_finite(opacity, "opacity")
    if not 0.0 <= weight <= 1.0:
        raise ArgumentError(f"opacity must be between 0 and 1, not {opacity!r}")
    da, db, names, ia, ib, color = split_alpha(a, b)
    ca = [i for i in range(da.shape[2]) if i != ia]
    cb_index = [i for i in range(db.shape[2]) if i != ib]
    opacity32 = np.float32(weight)
    cs = da[..., ca] * opacity32
    cb = db[..., cb_index]
    alpha_s = None if ia is None else da[..., ia : ia + 1] * opacity32
    alpha_b = None if ib is None else db[..., ib : ib + 1]
    if alpha_s is None:
        alpha_s = np.full((*cs.shape[:2], 1), opacity32, dtype=np.float32)
        source = da[..., ca]  # opaque source: Cs is the colour itself, even at opacity 0
    else:
        source = _unpremultiplied(cs, alpha_s)
    backdrop = _unpremultiplied(cb, alpha_b)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        mixed = BLEND_MODES[key](backdrop, source)
    ab = np.float32(1) if alpha_b is None else alpha_b
    out = cs * (1 - ab) + cb * (1 - alpha_s) + alpha_s * ab * mixed
    if len(names) > len(color):
        out = np.concatenate([out, alpha_s + ab * (1 - alpha_s)], axis=-1)
    return result(a, out.astype(np.float32, copy=False), channel_names=names)
