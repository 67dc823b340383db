"""Alpha compositing: premultiply, unpremultiply and the Porter-Duff operators.

All operators work on premultiplied (associated) colour, the convention of
OpenEXR and of compositors. Each result channel, alpha included, is
``Fa * A + Fb * B`` with the per-pixel fractions of Porter & Duff (1984),
"Compositing Digital Images", SIGGRAPH '84, table 1:

========  ===========  ===========
operator  Fa           Fb
========  ===========  ===========
over      1            1 - alpha_A
under     1 - alpha_B  1            (B over A)
in        alpha_B      0
out       1 - alpha_B  0
atop      alpha_B      1 - alpha_A
xor       1 - alpha_B  1 - alpha_A
========  ===========  ===========

Channel rule: both images must have the same width and height, and the same
colour channels (every channel but alpha, by name and order). The alpha
channel is the one named ``A`` (or ``*.A``, ``alpha``). Either image may lack
alpha; it is then opaque (alpha 1). The result has the colour channels plus
``A`` when either input has alpha.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs._parallel import for_row_bands
from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, alpha_index, pixels_and_names, result
from vfx_rs.ops._roi import restrict, with_roi

__all__ = [
    "PORTER_DUFF",
    "associate",
    "atop",
    "composite",
    "in_",
    "out_",
    "over",
    "premult",
    "repremult",
    "split_alpha",
    "under",
    "unpremult",
    "xor",
]

F32 = npt.NDArray[np.float32]

PORTER_DUFF: dict[str, tuple[str, str]] = {
    "over": ("1", "1-Aa"),
    "under": ("1-Ab", "1"),
    "in": ("Ab", "0"),
    "out": ("1-Ab", "0"),
    "atop": ("Ab", "1-Aa"),
    "xor": ("1-Ab", "1-Aa"),
}
"""Porter & Duff (1984), table 1: the fractions ``(Fa, Fb)`` of A and B; ``Aa``, ``Ab`` are their alphas."""


def _color_index(count: int, alpha: int | None) -> list[int]:
    return [i for i in range(count) if i != alpha]


def premult(image: ImageLike, roi: Any = None) -> Any:
    """Multiply every channel but alpha by alpha; an image without alpha comes back unchanged.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> vfx_rs.ops.premult(np.array([[[0.8, 0.4, 0.2, 0.5]]], np.float32)).tolist()
    [[[0.4000000059604645, 0.20000000298023224, 0.10000000149011612, 0.5]]]
    """
    data, names = pixels_and_names(image, "image")
    a = alpha_index(names)
    out = data.copy()
    if a is not None:
        color = _color_index(len(names), a)
        out[..., color] *= data[..., a : a + 1]
    return restrict(result(image, out), roi)


def repremult(image: ImageLike, roi: Any = None) -> Any:
    """`premult`, except that pixels with alpha 0 keep their colour (OpenImageIO's ``repremult``).

    The inverse of `unpremult`, which leaves such pixels alone too.
    """
    data, names = pixels_and_names(image, "image")
    a = alpha_index(names)
    out = data.copy()
    if a is not None:
        color = _color_index(len(names), a)
        alpha = data[..., a : a + 1]
        out[..., color] = np.where(alpha != 0, data[..., color] * alpha, data[..., color])
    return restrict(result(image, out), roi)


def unpremult(image: ImageLike, roi: Any = None) -> Any:
    """Divide every channel but alpha by alpha, leaving pixels with alpha 0 unchanged.

    As OpenImageIO's ``ImageBufAlgo::unpremult``: where alpha is 0 the colour
    cannot be recovered and is kept as it is (normally 0), never divided.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> vfx_rs.ops.unpremult(np.array([[[0.4, 0.2, 0.1, 0.5], [0.3, 0, 0, 0]]], np.float32)).tolist()
    [[[0.800000011920929, 0.4000000059604645, 0.20000000298023224, 0.5], [0.30000001192092896, 0.0, 0.0, 0.0]]]
    """
    data, names = pixels_and_names(image, "image")
    a = alpha_index(names)
    out = data.copy()
    if a is not None:
        alpha = data[..., a : a + 1]
        color = _color_index(len(names), a)
        safe = np.where(alpha == 0, np.float32(1), alpha)
        out[..., color] = data[..., color] / safe
    return restrict(result(image, out), roi)


def associate(data: F32, names: Sequence[str], premultiplied: bool) -> tuple[F32, Callable[[F32], F32]]:
    """``(work, finish)`` for a filter on straight or premultiplied data.

    For straight alpha (``premultiplied=False``) `work` is premultiplied and
    `finish` divides the filtered result by its alpha again; otherwise both
    pass the data through.
    """
    a = alpha_index(names)
    if premultiplied or a is None:
        return data, lambda out: out
    color = _color_index(len(names), a)
    work = data.copy()
    work[..., color] *= data[..., a : a + 1]

    def finish(out: F32) -> F32:
        alpha = out[..., a : a + 1]
        out[..., color] = out[..., color] / np.where(alpha == 0, np.float32(1), alpha)
        return out

    return work, finish


def split_alpha(a: ImageLike, b: ImageLike) -> tuple[F32, F32, list[str], int | None, int | None, list[str]]:
    """Check the channel rule and return ``(A, B, color_names, alpha_A, alpha_B, result_names)``."""
    da, na = pixels_and_names(a, "a")
    db, nb = pixels_and_names(b, "b")
    if da.shape[:2] != db.shape[:2]:
        raise ArgumentError(
            f"images must have the same size: {da.shape[1]}x{da.shape[0]} and {db.shape[1]}x{db.shape[0]} "
            "(resize, crop or pad one first)"
        )
    ia, ib = alpha_index(na), alpha_index(nb)
    color_a = [na[i] for i in _color_index(len(na), ia)]
    color_b = [nb[i] for i in _color_index(len(nb), ib)]
    if color_a != color_b:
        raise ArgumentError(f"images must have the same colour channels: {color_a} and {color_b}")
    alpha_name = na[ia] if ia is not None else (nb[ib] if ib is not None else None)
    names = color_a + ([alpha_name] if alpha_name is not None else [])
    return da, db, names, ia, ib, color_a


def _fraction(spec: str, alpha_a: F32 | None, alpha_b: F32 | None) -> F32 | float:
    if spec in ("0", "1"):
        return float(spec)
    alpha = alpha_a if spec.endswith("Aa") else alpha_b
    if alpha is None:  # a missing alpha is opaque
        return 0.0 if spec.startswith("1-") else 1.0
    return np.float32(1) - alpha if spec.startswith("1-") else alpha


def composite(a: ImageLike, b: ImageLike, operator: str = "over", *, out: F32 | None = None) -> Any:
    """Composite premultiplied `a` with `b` by a Porter-Duff `operator` (see the module table).

    Parameters
    ----------
    a, b
        Images or arrays following the module's channel rule.
    operator
        ``"over"``, ``"under"``, ``"in"``, ``"out"``, ``"atop"`` or ``"xor"``.
    out
        Optional C-contiguous float32 array of the result's shape to write into
        (saves allocating a new image); it is also returned.

    Returns
    -------
    Image or ndarray
        An `Image` (with `a`'s format and metadata) if `a` is one, else an array.
    """
    key = str(operator).lower()
    if key not in PORTER_DUFF:
        raise ArgumentError(f"unknown compositing operator {operator!r}; expected one of: {', '.join(PORTER_DUFF)}")
    da, db, names, ia, ib, color = split_alpha(a, b)
    h, w = da.shape[:2]
    n = len(names)
    target = _output(out, (h, w, n))
    spec_a, spec_b = PORTER_DUFF[key]
    ca = _color_index(da.shape[2], ia)
    cb = _color_index(db.shape[2], ib)
    contiguous = ca == list(range(len(color))) and cb == list(range(len(color)))

    def work(rows: slice) -> None:
        alpha_a = None if ia is None else da[rows, :, ia : ia + 1]
        alpha_b = None if ib is None else db[rows, :, ib : ib + 1]
        fa = _fraction(spec_a, alpha_a, alpha_b)
        fb = _fraction(spec_b, alpha_a, alpha_b)
        dst = target[rows]
        if contiguous and ia == ib and da.shape[2] == db.shape[2] == n:
            _mix(da[rows], fa, db[rows], fb, dst)  # all channels at once (RGBA with RGBA)
            return
        _mix(da[rows][..., ca], fa, db[rows][..., cb], fb, dst[..., : len(color)])
        if n > len(color):
            one = np.ones((dst.shape[0], w, 1), np.float32)
            _mix(one if alpha_a is None else alpha_a, fa, one if alpha_b is None else alpha_b, fb, dst[..., -1:])

    for_row_bands(h, w * max(da.shape[2], n) * 4, work)
    return target if out is not None else result(a, target, channel_names=names)


def _mix(x: F32, fx: F32 | float, y: F32, fy: F32 | float, dst: F32) -> None:
    """``dst = fx * x + fy * y`` with no temporaries beyond one band."""
    if isinstance(fy, float):
        np.multiply(y, np.float32(fy), out=dst)
    else:
        np.multiply(y, fy, out=dst)
    if isinstance(fx, float):
        if fx == 1.0:
            np.add(dst, x, out=dst)
        elif fx != 0.0:
            dst += np.float32(fx) * x
    else:
        dst += fx * x


def _output(out: F32 | None, shape: tuple[int, int, int]) -> F32:
    if out is None:
        return np.empty(shape, dtype=np.float32)
    if not isinstance(out, np.ndarray) or out.dtype != np.float32 or out.shape != shape or not out.flags.c_contiguous:
        raise ArgumentError(f"out must be a C-contiguous float32 array of shape {shape}")
    if not out.flags.writeable:
        raise ArgumentError("out is read-only")
    return out


def over(fg: ImageLike, bg: ImageLike, roi: Any = None, *, out: F32 | None = None) -> Any:
    """`fg` over `bg`: ``fg + bg * (1 - alpha_fg)`` on premultiplied channels (Porter & Duff 1984).

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> fg = np.array([[[0.5, 0.0, 0.0, 0.5]]], np.float32)
    >>> bg = np.array([[[0.0, 0.0, 1.0, 1.0]]], np.float32)
    >>> vfx_rs.ops.over(fg, bg).tolist()
    [[[0.5, 0.0, 0.5, 1.0]]]
    """
    return with_roi(lambda: composite(fg, bg, "over", out=out), roi)


def under(fg: ImageLike, bg: ImageLike, roi: Any = None, *, out: F32 | None = None) -> Any:
    """`fg` under `bg`, i.e. `bg` over `fg` (Porter & Duff 1984)."""
    return with_roi(lambda: composite(fg, bg, "under", out=out), roi)


def in_(fg: ImageLike, bg: ImageLike, roi: Any = None, *, out: F32 | None = None) -> Any:
    """`fg` in `bg`: `fg` held out by `bg`'s alpha, ``fg * alpha_bg`` (Porter & Duff 1984)."""
    return with_roi(lambda: composite(fg, bg, "in", out=out), roi)


def out_(fg: ImageLike, bg: ImageLike, roi: Any = None, *, out: F32 | None = None) -> Any:
    """`fg` out `bg`: `fg` where `bg` is not, ``fg * (1 - alpha_bg)`` (Porter & Duff 1984)."""
    return with_roi(lambda: composite(fg, bg, "out", out=out), roi)


def atop(fg: ImageLike, bg: ImageLike, roi: Any = None, *, out: F32 | None = None) -> Any:
    """`fg` atop `bg`: ``fg * alpha_bg + bg * (1 - alpha_fg)`` (Porter & Duff 1984)."""
    return with_roi(lambda: composite(fg, bg, "atop", out=out), roi)


def xor(fg: ImageLike, bg: ImageLike, roi: Any = None, *, out: F32 | None = None) -> Any:
    """`fg` xor `bg`: ``fg * (1 - alpha_bg) + bg * (1 - alpha_fg)`` (Porter & Duff 1984)."""
    return with_roi(lambda: composite(fg, bg, "xor", out=out), roi)
