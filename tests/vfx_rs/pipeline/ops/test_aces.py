"""The ACES fixed-function ops and the B-spline curve op: inverses, identities and bad parameters."""

from __future__ import annotations

import numpy as np
import pytest

from tests.tolerances import ATOL_ACES_OP_INVERSE, RTOL_OCIO_BUILTIN
from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops import AcesDarkToDimOp, AcesGamutCompressOp, AcesGlowOp, AcesRedModOp, BSplineCurveOp

POINTS = ((-2.0, -1.5), (0.0, 0.2), (1.0, 1.5), (2.5, 1.9))
SLOPES = (0.1, 1.2, 0.8, 0.05)


def samples() -> np.ndarray:
    rng = np.random.default_rng(7)
    return (0.18 * 2.0 ** rng.uniform(-6.0, 5.0, (4000, 3))).astype(np.float32)


@pytest.mark.parametrize(
    "op",
    [AcesGlowOp(), AcesDarkToDimOp(), AcesGamutCompressOp(), BSplineCurveOp.from_points(POINTS, SLOPES)],
    ids=lambda op: op.kind,
)
def test_inverse_round_trips(op: object) -> None:
    """Exact up to float32 rounding, except on very dark pixels: the glow's saturation floor (0.01) is not
    scale-invariant there, so its inverse (aces-dev glow_inv, OCIO's too) is approximate by about 1e-5."""
    x = samples()
    there = Pipeline([op], optimize=False).applied(x)
    back = Pipeline([op.inverse()], optimize=False).applied(there)  # type: ignore[attr-defined]
    np.testing.assert_allclose(back, x, rtol=ATOL_ACES_OP_INVERSE, atol=ATOL_ACES_OP_INVERSE)


def test_red_mod_changes_only_red_near_red_hues() -> None:
    x = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.5, 0.5, 0.5]], np.float32)
    y = Pipeline([AcesRedModOp()], optimize=False).applied(x)
    assert y[0, 0] < x[0, 0]
    np.testing.assert_array_equal(y[1:], x[1:])
    np.testing.assert_array_equal(y[:, 1:], x[:, 1:])


def test_curve_passes_its_points_with_linear_ends() -> None:
    op = BSplineCurveOp.from_points(POINTS, SLOPES)
    xs = np.array([p[0] for p in POINTS] + [-3.0, 3.5])
    got = Pipeline([op]).apply_elementwise(xs)
    want = [p[1] for p in POINTS] + [-1.5 - 0.1, 1.9 + 0.05]
    np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize(
    "make",
    [
        lambda: BSplineCurveOp(knots=(0.0, 0.0), coefs=((0.0, 1.0, 0.0),)),
        lambda: BSplineCurveOp(knots=(0.0, 1.0, 2.0), coefs=((0.0, 1.0, 0.0),)),
        lambda: BSplineCurveOp.from_points(((1.0, 0.0), (0.0, 1.0)), (1.0, 1.0)),
        lambda: AcesGlowOp(mid=0.0),
        lambda: AcesDarkToDimOp(gamma=float("nan")),
        lambda: AcesGamutCompressOp(thresholds=(1.2, 0.8, 0.8)),
    ],
)
def test_bad_parameters_raise(make: object) -> None:
    with pytest.raises(ArgumentError):
        make()  # type: ignore[operator]


def test_non_finite_pixels_match_ocio_without_errors() -> None:
    """NaN and infinities run through every ACES style both ways (the suite turns NumPy warnings into errors)
    with NaN exactly where OCIO's CPU processor has NaN (its clamps turn a NaN into the lower bound, its RGBA
    matrices a 0 x inf into NaN), finite values within RTOL_OCIO_BUILTIN elsewhere; finite pixels stay finite."""
    ocio = pytest.importorskip("PyOpenColorIO")
    from tests.vfx_rs.ocio.oracle import compare
    from vfx_rs.color.aces import builtin_ops, builtin_styles

    values = np.array([np.nan, np.inf, -np.inf, 0.0, 0.1, 1e30], np.float32)
    grid = np.stack(np.meshgrid(values, values, values, indexing="ij"), axis=-1).reshape(-1, 3)
    bad = grid[~np.all(np.isfinite(grid), axis=1)]
    good = samples()[:100]
    raw = ocio.Config.CreateRaw()
    for style in builtin_styles():
        forward = Pipeline(builtin_ops(style))
        for pipeline, direction in (
            (forward, ocio.TRANSFORM_DIR_FORWARD),
            (forward.inverse(), ocio.TRANSFORM_DIR_INVERSE),
        ):
            ref = raw.getProcessor(ocio.BuiltinTransform(style, direction))
            assert compare(ref, pipeline, bad, noise=False) <= RTOL_OCIO_BUILTIN, style
            assert np.isfinite(pipeline.applied(good)).all()
