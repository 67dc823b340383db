"""ExponentOp and ExponentLinearOp against PyOpenColorIO's ExponentTransform / ExponentWithLinearTransform."""

from __future__ import annotations

import numpy as np
import PyOpenColorIO as OCIO
import pytest

from tests.tolerances import RTOL_OPS_OCIO, RTOL_TRANSFER
from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops.exponent import ExponentLinearOp, ExponentOp


def ramp() -> np.ndarray:
    """(n, 3) float32 values from -2 to 16 with different values per channel."""
    x = np.concatenate([np.linspace(-2.0, 2.0, 801), np.geomspace(1e-6, 16.0, 300), [0.0]])
    return np.stack([x, x[::-1] * 0.7, x * 1.3], axis=1).astype(np.float32)


def ocio_apply(transform: OCIO.Transform, rgb: np.ndarray) -> np.ndarray:
    cfg = OCIO.Config.CreateRaw()
    cpu = cfg.getProcessor(transform).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    out = np.ascontiguousarray(rgb, dtype=np.float32).copy()
    cpu.applyRGB(out)
    return out


def ours(op: object, rgb: np.ndarray) -> np.ndarray:
    planar = np.ascontiguousarray(rgb.T, dtype=np.float64)
    op.apply_planar(planar)  # type: ignore[attr-defined]
    return planar.T


def assert_close(got: np.ndarray, ref: np.ndarray, rtol: float) -> None:
    assert np.array_equal(np.isnan(got), np.isnan(ref))
    ok = ~np.isnan(ref)
    err = np.abs(got[ok] - ref[ok]) / np.maximum(1.0, np.abs(ref[ok]))
    assert err.max() <= rtol, f"max error {err.max():.3g}"


STYLES = {"clamp": OCIO.NEGATIVE_CLAMP, "mirror": OCIO.NEGATIVE_MIRROR, "pass": OCIO.NEGATIVE_PASS_THRU}


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("inverse", [False, True])
def test_exponent_matches_ocio(style: str, inverse: bool) -> None:
    g = [2.2, 0.6, 1.8]
    op = ExponentOp(exponent=g, style=style)  # type: ignore[arg-type]
    direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
    t = OCIO.ExponentTransform(value=[*g, 1.0], negativeStyle=STYLES[style], direction=direction)
    assert_close(ours(op.inverse() if inverse else op, ramp()), ocio_apply(t, ramp()), RTOL_OPS_OCIO)


@pytest.mark.parametrize("style", ["linear", "mirror"])
@pytest.mark.parametrize("decode", [True, False])
def test_exponent_linear_matches_ocio(style: str, decode: bool) -> None:
    gamma, offset = [2.4, 1 / 0.45, 3.0], [0.055, 0.099, 0.2]
    op = ExponentLinearOp(gamma=gamma, offset=offset, decode=decode, style=style)  # type: ignore[arg-type]
    t = OCIO.ExponentWithLinearTransform(
        gamma=[*gamma, 1.0],
        offset=[*offset, 0.0],
        negativeStyle=OCIO.NEGATIVE_LINEAR if style == "linear" else OCIO.NEGATIVE_MIRROR,
        direction=OCIO.TRANSFORM_DIR_FORWARD if decode else OCIO.TRANSFORM_DIR_INVERSE,
    )
    assert_close(ours(op, ramp()), ocio_apply(t, ramp()), RTOL_OPS_OCIO)


def test_srgb_moncurve_matches_published_srgb_decode() -> None:
    # IEC 61966-2-1 section 5.2: V/12.92 below 0.04045, ((V + 0.055) / 1.055) ** 2.4 above.
    v = np.linspace(0.0, 1.0, 1001)
    expected = np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)
    got = Pipeline([ExponentLinearOp(gamma=2.4, offset=0.055)]).apply_elementwise(v)
    # The moncurve's exact break (0.039286) differs from the standard's rounded 0.04045 by < 1e-6 in value.
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)


def test_round_trips() -> None:
    rgb = ramp().astype(np.float64)
    for op in (
        ExponentOp(exponent=[2.2, 0.6, 1.8], style="mirror"),
        ExponentLinearOp(gamma=[2.4, 2.2, 3.0], offset=[0.055, 0.1, 0.2]),
        ExponentLinearOp(gamma=2.4, offset=0.055, style="mirror"),
    ):
        back = ours(op.inverse(), ours(op, rgb))
        np.testing.assert_allclose(back, rgb, rtol=RTOL_TRANSFER, atol=1e-12)


def test_nan_stays_nan_and_float32_works() -> None:
    p = np.array([[np.nan, 0.5], [0.25, -1.0], [1.0, 2.0]], dtype=np.float32)
    ExponentLinearOp(gamma=2.4, offset=0.055).apply_planar(p)
    assert p.dtype == np.float32 and np.isnan(p[0, 0]) and np.all(np.isfinite(p.ravel()[1:]))


def test_bad_parameters_raise() -> None:
    with pytest.raises(ArgumentError):
        ExponentOp(exponent=0.0)
    with pytest.raises(ArgumentError):
        ExponentOp(exponent=2.0, style="wrap")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        ExponentLinearOp(gamma=2.4, offset=0.0)
    with pytest.raises(ArgumentError):
        ExponentLinearOp(gamma=[2.4, np.nan, 2.4], offset=0.055)
