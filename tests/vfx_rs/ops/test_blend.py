"""vfx_rs.ops.blend against OpenImageIO's arithmetic for the modes it has (mul, add, sub, absdiff, min, max)
and against the W3C Compositing and Blending Level 1 formulas, written here per value from the spec text."""

from __future__ import annotations

import math

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_FLOAT32_SUMS
from tests.vfx_rs.ops import oiio_ref
from vfx_rs.ops import BLEND_MODES, blend, over


def _soft_light(cb: float, cs: float) -> float:
    if cs <= 0.5:
        return cb - (1 - 2 * cs) * cb * (1 - cb)
    d = ((16 * cb - 12) * cb + 4) * cb if cb <= 0.25 else math.sqrt(cb)
    return cb + (2 * cs - 1) * (d - cb)


def _hard_light(cb: float, cs: float) -> float:
    return cb * 2 * cs if cs <= 0.5 else cb + (2 * cs - 1) - cb * (2 * cs - 1)


def _dodge(cb: float, cs: float) -> float:
    if cb == 0:
        return 0.0
    return 1.0 if cs == 1 else min(1.0, cb / (1 - cs))


def _burn(cb: float, cs: float) -> float:
    if cb == 1:
        return 1.0
    return 0.0 if cs == 0 else 1 - min(1.0, (1 - cb) / cs)


# W3C Compositing and Blending Level 1, section 10.1, B(Cb, Cs) for each mode (plus add and subtract).
SPEC = {
    "normal": lambda cb, cs: cs,
    "add": lambda cb, cs: cb + cs,
    "subtract": lambda cb, cs: cb - cs,
    "multiply": lambda cb, cs: cb * cs,
    "screen": lambda cb, cs: cb + cs - cb * cs,
    "overlay": lambda cb, cs: _hard_light(cs, cb),
    "darken": min,
    "lighten": max,
    "color-dodge": _dodge,
    "color-burn": _burn,
    "hard-light": _hard_light,
    "soft-light": _soft_light,
    "difference": lambda cb, cs: abs(cb - cs),
    "exclusion": lambda cb, cs: cb + cs - 2 * cb * cs,
}


def _values(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Values in 0..1 including the formulas' branch points 0, 0.25, 0.5 and 1."""
    v = rng.random(shape, dtype=np.float32)
    flat = v.reshape(-1)
    flat[: 4 * 7 : 7] = [0.0, 0.25, 0.5, 1.0]
    return v


def _reference(a: np.ndarray, b: np.ndarray, mode: str, opacity: float) -> np.ndarray:
    """The W3C general formula on premultiplied RGBA, value by value, in float64."""
    out = np.empty(a.shape, np.float64)
    for idx in np.ndindex(a.shape[:2]):
        as_, ab = float(a[idx][3]) * opacity, float(b[idx][3])
        for c in range(3):
            cs, cb = float(a[idx][c]) * opacity, float(b[idx][c])
            s = cs / as_ if as_ else 0.0
            d = cb / ab if ab else 0.0
            out[idx][c] = cs * (1 - ab) + cb * (1 - as_) + as_ * ab * SPEC[mode](d, s)
        out[idx][3] = as_ + ab * (1 - as_)
    return out


def test_spec_table_covers_every_mode() -> None:
    assert set(SPEC) == set(BLEND_MODES)


@pytest.mark.parametrize("mode", sorted(SPEC))
def test_opaque_modes_match_the_spec(mode: str, rng: np.random.Generator) -> None:
    a, b = _values(rng, (6, 7, 3)), _values(rng, (6, 7, 3))
    expected = np.vectorize(lambda cb, cs: SPEC[mode](float(cb), float(cs)))(b.astype(np.float64), a.astype(np.float64))
    np.testing.assert_allclose(blend(a, b, mode=mode), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)
    half = 0.5 * b + 0.5 * expected  # opacity 0.5 on opaque images: halfway from the backdrop to the blend
    np.testing.assert_allclose(blend(a, b, mode=mode, opacity=0.5), half, rtol=0, atol=ATOL_FLOAT32_SUMS)


@pytest.mark.parametrize("mode", ["multiply", "screen", "soft-light", "color-dodge", "difference"])
def test_modes_with_alpha_follow_the_general_formula(mode: str, rng: np.random.Generator) -> None:
    a, b = _values(rng, (5, 6, 4)), _values(rng, (5, 6, 4))
    a[0, :, 3] = 0.0
    a[..., :3] *= a[..., 3:]
    b[..., :3] *= b[..., 3:]
    out = blend(vfx_rs.Image(a), vfx_rs.Image(b), mode=mode, opacity=0.8)
    assert out.channel_names == ["R", "G", "B", "A"]
    np.testing.assert_allclose(out.numpy(), _reference(a, b, mode, 0.8), rtol=0, atol=ATOL_FLOAT32_SUMS)


OIIO_EQUIVALENT = {
    "multiply": lambda a, b: oiio_ref.IBA.mul(b, a),
    "add": lambda a, b: oiio_ref.IBA.add(b, a),
    "subtract": lambda a, b: oiio_ref.IBA.sub(b, a),
    "difference": lambda a, b: oiio_ref.IBA.absdiff(b, a),
    "darken": lambda a, b: oiio_ref.IBA.min(b, a),
    "lighten": lambda a, b: oiio_ref.IBA.max(b, a),
}


@pytest.mark.parametrize("mode", sorted(OIIO_EQUIVALENT))
def test_modes_oiio_has_match_oiio(mode: str, rng: np.random.Generator) -> None:
    a = rng.uniform(-1, 4, (9, 11, 3)).astype(np.float32)  # scene-linear, beyond 0..1
    b = rng.uniform(-1, 4, (9, 11, 3)).astype(np.float32)
    expected = oiio_ref.pixels(OIIO_EQUIVALENT[mode](oiio_ref.buf(a), oiio_ref.buf(b)))
    np.testing.assert_allclose(blend(a, b, mode=mode), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)


def test_normal_with_alpha_is_over(rng: np.random.Generator) -> None:
    a, b = _values(rng, (8, 9, 4)), _values(rng, (8, 9, 4))
    a[..., :3] *= a[..., 3:]
    b[..., :3] *= b[..., 3:]
    expected = oiio_ref.pixels(oiio_ref.IBA.over(oiio_ref.buf(a), oiio_ref.buf(b)))
    np.testing.assert_allclose(blend(a, b), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)
    np.testing.assert_allclose(over(a, b), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)


def test_mode_names_and_bad_arguments() -> None:
    a = np.full((2, 2, 3), 0.5, np.float32)
    np.testing.assert_array_equal(blend(a, a, "Soft Light"), blend(a, a, "soft_light"))
    with pytest.raises(vfx_rs.ArgumentError, match="exclusion"):
        blend(a, a, "hue")
    with pytest.raises(vfx_rs.ArgumentError, match="opacity"):
        blend(a, a, opacity=1.5)
    with pytest.raises(vfx_rs.ArgumentError, match="same size"):
        blend(a, np.zeros((3, 2, 3), np.float32))
