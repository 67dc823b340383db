"""LogOp against PyOpenColorIO's LogTransform, LogAffineTransform and LogCameraTransform."""

from __future__ import annotations

import numpy as np
import PyOpenColorIO as OCIO
import pytest

from tests.tolerances import ATOL_LUT_OCIO, RTOL_OPS_OCIO, RTOL_TRANSFER
from tests.vfx_rs.pipeline.ops.test_exponent import assert_close, ocio_apply, ours, ramp
from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.ops.log import LogOp

AFFINE = dict(
    log_side_slope=[0.2, 0.3, 0.25],
    log_side_offset=[0.6, 0.5, 0.4],
    lin_side_slope=[1.0, 2.0, 0.5],
    # Offsets chosen so no ramp value puts the log argument within float32 rounding of 0
    # (there float32 OCIO and float64 ops legitimately differ: FLT_MIN vs a tiny residue).
    lin_side_offset=[0.0123, 0.0217, 0.0531],
)
CAMERA = dict(AFFINE, lin_side_break=[0.01, 0.02, 0.005])


def ocio_affine(base: float, params: dict, camera: bool = False, inverse: bool = False) -> OCIO.Transform:
    t = OCIO.LogCameraTransform(linSideBreak=params["lin_side_break"]) if camera else OCIO.LogAffineTransform()
    t.setBase(base)
    t.setLogSideSlopeValue(params["log_side_slope"])
    t.setLogSideOffsetValue(params["log_side_offset"])
    t.setLinSideSlopeValue(params["lin_side_slope"])
    t.setLinSideOffsetValue(params["lin_side_offset"])
    t.setDirection(OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD)
    return t


def log_domain() -> np.ndarray:
    """(n, 3) float32 log-encoded values, -0.5 to 1.5."""
    x = np.linspace(-0.5, 1.5, 1001)
    return np.stack([x, x[::-1], x * 0.9], axis=1).astype(np.float32)


@pytest.mark.parametrize("base", [2.0, 10.0])
def test_plain_log_matches_ocio(base: float) -> None:
    op = LogOp(base=base)
    assert_close(ours(op, ramp()), ocio_apply(OCIO.LogTransform(base=base), ramp()), RTOL_OPS_OCIO)
    inv = OCIO.LogTransform(base=base, direction=OCIO.TRANSFORM_DIR_INVERSE)
    assert_close(ours(op.inverse(), log_domain()), ocio_apply(inv, log_domain()), RTOL_OPS_OCIO)


def test_log_affine_matches_ocio() -> None:
    op = LogOp(base=10.0, **AFFINE)
    assert_close(ours(op, ramp()), ocio_apply(ocio_affine(10.0, AFFINE), ramp()), RTOL_OPS_OCIO)
    inv = ocio_affine(10.0, AFFINE, inverse=True)
    assert_close(ours(op.inverse(), log_domain()), ocio_apply(inv, log_domain()), RTOL_OPS_OCIO)


@pytest.mark.parametrize("linear_slope", [None, [5.0, 4.0, 6.0]])
def test_log_camera_matches_ocio(linear_slope: list[float] | None) -> None:
    op = LogOp(base=2.0, **CAMERA, linear_slope=linear_slope)
    fwd = ocio_affine(2.0, CAMERA, camera=True)
    inv = ocio_affine(2.0, CAMERA, camera=True, inverse=True)
    if linear_slope is not None:
        fwd.setLinearSlopeValue(linear_slope)
        inv.setLinearSlopeValue(linear_slope)
    assert_close(ours(op, ramp()), ocio_apply(fwd, ramp()), RTOL_OPS_OCIO)
    assert_close(ours(op.inverse(), log_domain()), ocio_apply(inv, log_domain()), RTOL_OPS_OCIO)


def test_zero_and_negative_clamp_to_flt_min() -> None:
    # OCIO clamps the log argument to FLT_MIN: log2(FLT_MIN) = -126 exactly.
    p = np.array([[0.0, -5.0], [0.0, -1.0], [0.0, -0.0]])
    LogOp(base=2.0).apply_planar(p)
    np.testing.assert_allclose(p, -126.0, rtol=1e-12)


def test_round_trips() -> None:
    x = np.geomspace(1e-4, 100.0, 500)
    rgb = np.stack([x, x, x], axis=1)
    for op in (LogOp(base=10.0, **AFFINE), LogOp(base=2.0, **CAMERA)):
        np.testing.assert_allclose(ours(op.inverse(), ours(op, rgb)), rgb, rtol=RTOL_TRANSFER)


@pytest.mark.parametrize("kind", ["log", "affine", "camera"])
def test_non_finite_inputs_as_ocio(kind: str) -> None:
    """To log, NaN takes the log of FLT_MIN as in OCIO (``log(max(FLT_MIN, x))`` with C++'s std::max; an
    AgX view meets it where an overflowed antilog met a matrix); from log, NaN stays NaN, infinities saturate."""
    op, fwd, inv = {
        "log": (
            LogOp(base=2.0),
            OCIO.LogTransform(base=2.0),
            OCIO.LogTransform(base=2.0, direction=OCIO.TRANSFORM_DIR_INVERSE),
        ),
        "affine": (LogOp(base=10.0, **AFFINE), ocio_affine(10.0, AFFINE), ocio_affine(10.0, AFFINE, inverse=True)),
        "camera": (
            LogOp(base=2.0, **CAMERA),
            ocio_affine(2.0, CAMERA, camera=True),
            ocio_affine(2.0, CAMERA, camera=True, inverse=True),
        ),
    }[kind]
    rgb = np.array([[np.nan, np.inf, -np.inf], [0.5, np.nan, 1e38], [-1.0, 0.0, np.nan]], dtype=np.float32)
    np.testing.assert_allclose(
        ours(op, rgb), ocio_apply(fwd, rgb), rtol=RTOL_OPS_OCIO, atol=ATOL_LUT_OCIO
    )  # NaN, inf alike
    np.testing.assert_allclose(ours(op.inverse(), rgb), ocio_apply(inv, rgb), rtol=RTOL_OPS_OCIO, atol=ATOL_LUT_OCIO)


def test_bad_parameters_raise() -> None:
    with pytest.raises(ArgumentError):
        LogOp(base=1.0)
    with pytest.raises(ArgumentError):
        LogOp(base=2.0, log_side_slope=0.0)
    with pytest.raises(ArgumentError):
        LogOp(base=2.0, linear_slope=1.0)
    with pytest.raises(ArgumentError):
        LogOp(base=2.0, lin_side_offset=-1.0, lin_side_break=0.1)
