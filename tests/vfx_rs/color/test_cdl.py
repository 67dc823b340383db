"""ASC CDL (`Cdl`, `apply_cdl`, `CdlOp`) against OpenColorIO's CDLTransform in every style and direction."""

from __future__ import annotations

import numpy as np
import PyOpenColorIO as OCIO
import pytest

from tests.tolerances import ATOL_CDL_OCIO, ATOL_FLOAT32_ULP, RTOL_CDL_ROUNDTRIP_F64
from vfx_rs.color import Cdl, apply_cdl
from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops.cdl import CdlOp

GRADES = {
    "warm": Cdl(slope=(1.2, 0.9, 1.05), offset=(0.02, -0.01, 0.05), power=(1.3, 0.8, 1.1), saturation=0.7),
    "punchy": Cdl(slope=(0.8, 1.1, 1.4), offset=(-0.05, 0.1, 0.0), power=(0.6, 2.2, 1.0), saturation=1.6),
    "linear": Cdl(slope=(1.5, 1.0, 0.5), offset=(0.1, 0.0, -0.1), saturation=1.25),
    # Zero slope and saturation are valid in OCIO; its reverse uses 1 / max(v, 0.01).
    "zero": Cdl(slope=(0.0, 2.0, 1.0), offset=(0.1, -0.2, 0.0), power=(3.0, 0.3, 1.0), saturation=0.0),
}
STYLES = [("asc", OCIO.CDL_ASC), ("noclamp", OCIO.CDL_NO_CLAMP)]


def grid_and_ramps() -> np.ndarray:
    """A 17x17x17 grid log-spaced over [-0.1, 64] plus grey and per-channel ramps over [-0.1, 1.2], (n, 3)."""
    axis = np.concatenate([[-0.1, -0.01, 0.0], np.geomspace(1e-3, 64.0, 14)])
    grid = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3)
    ramp = np.linspace(-0.1, 1.2, 1301)
    zeros = np.zeros_like(ramp)
    ramps = [np.stack([ramp, ramp, ramp], 1)] + [np.stack(np.roll([ramp, zeros, zeros], k, 0), 1) for k in range(3)]
    return np.concatenate([grid, *ramps]).astype(np.float32)


def ocio_cdl(cdl: Cdl, style: int, inverse: bool) -> OCIO.CPUProcessor:
    t = OCIO.CDLTransform()
    t.setSlope(list(cdl.slope))
    t.setOffset(list(cdl.offset))
    t.setPower(list(cdl.power))
    t.setSat(cdl.saturation)
    t.setStyle(style)
    t.setDirection(OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD)
    proc = OCIO.Config.CreateRaw().getProcessor(t)
    # OCIO 2.6's optimizer turns a power-1 CDL into matrices and ranges and, for the asc reverse, drops the final
    # [0, 1] clamp its renderer (CDLOpCPU) applies; compare with the unoptimized renderer there (no pow involved).
    bug = inverse and style == OCIO.CDL_ASC and cdl.power == (1.0, 1.0, 1.0)
    flags = OCIO.OPTIMIZATION_NONE if bug else OCIO.OPTIMIZATION_LOSSLESS
    return proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, flags)


def scaled_error(got: np.ndarray, ref: np.ndarray) -> float:
    """Absolute error where |ref| <= 1, relative above (noclamp outputs reach 64^power)."""
    return float((np.abs(got - ref) / np.maximum(1.0, np.abs(ref))).max())


@pytest.mark.parametrize("grade", sorted(GRADES))
@pytest.mark.parametrize(("style", "ocio_style"), STYLES)
@pytest.mark.parametrize("inverse", [False, True], ids=["fwd", "inv"])
def test_matches_ocio(grade: str, style: str, ocio_style: int, inverse: bool) -> None:
    cdl = GRADES[grade]
    rgb = grid_and_ramps()
    ref = rgb.copy()
    ocio_cdl(cdl, ocio_style, inverse).applyRGB(ref)
    got = apply_cdl(rgb.copy(), cdl, style=style, inverse=inverse)
    assert np.all(np.isfinite(ref)) and np.all(np.isfinite(got))
    assert scaled_error(got, ref) <= ATOL_CDL_OCIO
    if style == "asc":
        assert got.min() >= 0.0 and got.max() <= 1.0


@pytest.mark.parametrize("grade", ["warm", "punchy", "linear"])
def test_noclamp_inverse_is_exact(grade: str) -> None:
    """In float64 the reverse style undoes the forward one over the whole grid (negatives included)."""
    fwd, rev = GRADES[grade].ops("noclamp")[0], GRADES[grade].ops("noclamp", inverse=True)[0]
    planar = grid_and_ramps().T.astype(np.float64)
    back = planar.copy()
    fwd.apply_planar(back)
    rev.apply_planar(back)
    assert scaled_error(back, planar) <= RTOL_CDL_ROUNDTRIP_F64


def test_asc_round_trips_where_nothing_clamps() -> None:
    cdl = GRADES["warm"]
    rgb = np.random.default_rng(7).uniform(0.0, 1.0, (5000, 3)).astype(np.float32)
    sop = rgb * np.array(cdl.slope) + np.array(cdl.offset)
    graded = apply_cdl(rgb.copy(), cdl, "asc")
    kept = np.all((sop > 0.0) & (sop < 1.0) & (graded > 0.0) & (graded < 1.0), axis=1)
    back = apply_cdl(graded.copy(), cdl, "asc", inverse=True)
    assert kept.sum() > 1000
    assert np.abs(back[kept] - rgb[kept]).max() <= ATOL_CDL_OCIO


@pytest.mark.parametrize(("style", "ocio_style"), STYLES)
@pytest.mark.parametrize("inverse", [False, True], ids=["fwd", "inv"])
def test_nan_as_ocio(style: str, ocio_style: int, inverse: bool) -> None:
    """Clamps send NaN to 0; the no-clamp power too (OCIO CDLOpCPU); a power-1 noclamp CDL keeps NaN."""
    for cdl in (GRADES["warm"], GRADES["linear"]):
        rgb = np.array([[np.nan, 0.5, 0.2], [0.3, np.nan, np.nan]], dtype=np.float32)
        ref = rgb.copy()
        ocio_cdl(cdl, ocio_style, inverse).applyRGB(ref)
        got = apply_cdl(rgb.copy(), cdl, style=style, inverse=inverse)
        np.testing.assert_array_equal(np.isnan(got), np.isnan(ref))
        np.testing.assert_allclose(got, ref, atol=ATOL_CDL_OCIO, equal_nan=True)


def test_alpha_untouched_and_in_place() -> None:
    img = np.random.default_rng(3).uniform(-0.1, 2.0, (4, 5, 4)).astype(np.float32)
    alpha = img[..., 3].copy()
    out = apply_cdl(img, GRADES["warm"], "noclamp")
    assert out is img
    np.testing.assert_array_equal(img[..., 3], alpha)


def test_rgb_and_rgba_agree() -> None:
    rgb = np.random.default_rng(4).uniform(-0.1, 2.0, (64, 3)).astype(np.float32)
    rgba = np.concatenate([rgb, np.ones((64, 1), np.float32)], axis=1)
    apply_cdl(rgb, GRADES["punchy"])
    apply_cdl(rgba, GRADES["punchy"])
    np.testing.assert_allclose(rgba[:, :3], rgb, atol=ATOL_FLOAT32_ULP)


def test_op_inverse_and_simplification() -> None:
    cdl = GRADES["warm"]
    fwd, rev = cdl.ops("noclamp")[0], cdl.ops("noclamp", inverse=True)[0]
    assert fwd.inverse() == rev and rev.inverse() == fwd
    assert len(Pipeline([fwd, rev])) == 0  # an exact inverse pair cancels
    asc = cdl.ops("asc")[0]
    # A clamping pair leaves its [0, 1] clamp, as OCIO's lossless optimizer (CDLOpData::getIdentityReplacement).
    assert [op.kind for op in Pipeline([asc, asc.inverse()])] == ["range"]
    assert Pipeline(Cdl().ops("noclamp")).is_identity()
    assert not Pipeline(Cdl().ops("asc")).is_identity()  # the [0, 1] clamps remain


@pytest.mark.parametrize(
    "kwargs",
    [
        {"slope": (-1.0, 1.0, 1.0)},
        {"power": (0.0, 1.0, 1.0)},
        {"saturation": -0.5},
        {"offset": (0.0, np.nan, 0.0)},
        {"slope": (1.0, 1.0)},
        {"saturation": "lots"},
    ],
)
def test_bad_values_raise(kwargs: dict[str, object]) -> None:
    with pytest.raises(ArgumentError):
        Cdl(**kwargs)  # type: ignore[arg-type]


def test_bad_arguments_raise() -> None:
    with pytest.raises(ArgumentError, match="style"):
        apply_cdl(np.zeros((2, 3), np.float32), Cdl(), style="clampy")
    with pytest.raises(ArgumentError, match="float32"):
        apply_cdl(np.zeros((2, 3), np.float64), Cdl())
    with pytest.raises(ArgumentError, match="channels"):
        apply_cdl(np.zeros((2, 2), np.float32), Cdl())
    with pytest.raises(ArgumentError, match="Cdl"):
        apply_cdl(np.zeros((2, 3), np.float32), {"slope": 1})  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="style"):
        CdlOp(style="asc")  # type: ignore[arg-type]
