"""Baking processors into LUT files, checked with OpenColorIO applying the baked files.

Chains of our own ops (ACEScct decode or encode, a CDL-like grading matrix,
sRGB encode; no OCIO in the baked transform) are baked to 1D, 3D and log2
shaper + 3D files; OCIO's FileTransform applies each file (CPU, F32,
lossless) and the result is compared with our direct pipeline. The bounds
are the interpolation error the LUT sizes allow, measured here and recorded
in tests/tolerances.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
import vfx_rs.lut as lut
from tests.tolerances import (
    ATOL_BAKE_1D_4096,
    ATOL_BAKE_ACES_GREYS_65,
    ATOL_BAKE_ACES_REC709_65,
    ATOL_BAKE_SHAPER3D_65,
    ATOL_LUT_OCIO,
    RTOL_BAKE_3D_33_LOG,
)
from tests.vfx_rs.lut.ocio_ref import OCIO, ocio_apply
from vfx_rs.color import transfer_function
from vfx_rs.color.aces import output_transform
from vfx_rs.ocio import Processor
from vfx_rs.pipeline import MatrixOp, Pipeline
from vfx_rs.pipeline.ops import ExponentOp

GRADE = MatrixOp(
    matrix=[[0.9, 0.07, 0.03], [0.05, 0.9, 0.05], [0.02, 0.08, 0.9]],
    offset=[0.002, 0.0, 0.001],
)
"""A CDL-like grade as one matrix: slope, a little desaturation, offset."""

STOPS = (-10.0, 8.0)
"""The shaper's range around middle grey 0.18: 1.8e-4 to 46."""


def log_chain() -> Pipeline:
    """ACEScct codes in, display sRGB out: decode, grade, encode."""
    return Pipeline([transfer_function("acescct").decode, GRADE, transfer_function("srgb").encode])


def linear_chain() -> Pipeline:
    """Scene-linear in: grade, ACEScct encode (a log that holds highlights), sRGB encode."""
    return Pipeline([GRADE, transfer_function("acescct").encode, transfer_function("srgb").encode])


def scene_linear_samples(n: int = 20000) -> np.ndarray:
    """Log-uniform colours over the shaper's stop range, plus greys from 0 up to its bottom."""
    rng = np.random.default_rng(7)
    lo, hi = 0.18 * 2.0 ** STOPS[0], 0.18 * 2.0 ** STOPS[1]
    colours = np.exp(rng.uniform(np.log(lo), np.log(hi), (n, 3)))
    greys = np.repeat(np.linspace(0.0, lo, 50)[:, None], 3, axis=1)
    return np.concatenate([colours, greys]).astype(np.float32)


def test_baked_lattice_points_are_exact() -> None:
    baked = lut.bake_3d(log_chain(), size=9)
    axis = np.linspace(0.0, 1.0, 9)
    points = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), -1).reshape(-1, 3).astype(np.float32)
    direct = log_chain().applied(points)
    assert np.abs(baked.apply(points) - direct).max() <= ATOL_LUT_OCIO * np.abs(direct).max()


@pytest.mark.parametrize("ext", [".cube", ".clf"])
def test_shaper_3d_applied_by_ocio_matches_direct_transform(tmp_path: Path, ext: str) -> None:
    path = tmp_path / f"linear{ext}"
    baked = lut.bake(linear_chain(), path, kind="shaper3d", size=65, stops=STOPS)
    assert isinstance(baked, lut.Lut3D) and baked.shaper is not None
    rgb = scene_linear_samples()
    by_ocio = ocio_apply(path, rgb, "tetrahedral")
    direct = linear_chain().applied(rgb)
    assert np.abs(by_ocio - direct).max() <= ATOL_BAKE_SHAPER3D_65
    # A plain 65^3 LUT over the same linear range is far worse: the shaper is what keeps HDR.
    plain = tmp_path / "plain.cube"
    lut.bake(linear_chain(), plain, kind="3d", size=65, domain_max=0.18 * 2.0 ** STOPS[1])
    assert np.abs(ocio_apply(plain, rgb, "tetrahedral") - direct).max() > 100 * ATOL_BAKE_SHAPER3D_65


@pytest.mark.parametrize("ext", [".cube", ".spi3d", ".clf"])
def test_3d_bake_of_log_input_applied_by_ocio(tmp_path: Path, ext: str) -> None:
    path = tmp_path / f"log{ext}"
    lut.bake(log_chain(), path, kind="3d", size=33)
    codes = np.random.default_rng(8).uniform(0.0, 1.0, (20000, 3)).astype(np.float32)
    direct = log_chain().applied(codes)
    error = np.abs(ocio_apply(path, codes, "tetrahedral") - direct) / np.maximum(1.0, np.abs(direct))
    assert error.max() <= RTOL_BAKE_3D_33_LOG


@pytest.mark.parametrize("ext", [".cube", ".spi1d", ".clf"])
def test_1d_bake_applied_by_ocio(tmp_path: Path, ext: str) -> None:
    curve = Pipeline([ExponentOp(exponent=[1.8, 2.2, 2.6]), transfer_function("srgb").encode])
    path = tmp_path / f"curve{ext}"
    lut.bake(curve, path, kind="1d", size=4096, domain_min=0.0, domain_max=2.0)
    x = np.random.default_rng(9).uniform(0.0, 2.0, (20000, 3)).astype(np.float32)
    assert np.abs(ocio_apply(path, x) - curve.applied(x)).max() <= ATOL_BAKE_1D_4096


def test_1d_bake_refuses_a_transform_that_mixes_channels() -> None:
    with pytest.raises(vfx_rs.LutError, match="mixes channels"):
        lut.bake_1d(log_chain(), size=256)


def test_anything_holding_a_pipeline_can_be_baked(tmp_path: Path) -> None:
    pipeline = log_chain()
    reference = lut.bake_3d(pipeline, size=5).data
    for processor in (list(pipeline.ops), Processor(pipeline), lut.LutChain(list(pipeline.ops))):
        np.testing.assert_array_equal(lut.bake_3d(processor, size=5).data, reference)
    # Re-baking a LUT at its own size gives it back.
    np.testing.assert_allclose(lut.bake_3d(lut.Lut3D(reference), size=5).data, reference, rtol=1e-15, atol=1e-15)


def test_bake_errors_leave_no_file(tmp_path: Path) -> None:
    with pytest.raises(vfx_rs.LutError, match="without a shaper"):
        lut.bake(linear_chain(), tmp_path / "x.spi3d", kind="shaper3d", size=5)
    with pytest.raises(vfx_rs.ArgumentError, match="bake kind"):
        lut.bake(linear_chain(), tmp_path / "x.cube", kind="4d")
    with pytest.raises(vfx_rs.ArgumentError, match="cannot bake"):
        lut.bake("not a processor", tmp_path / "x.cube", kind="3d")
    with pytest.raises(vfx_rs.LutError, match=r"2\.\.256"):
        lut.bake(linear_chain(), tmp_path / "x.cube", kind="3d", size=300)
    with pytest.raises(vfx_rs.ArgumentError, match="stops"):
        lut.bake_shaper_3d(linear_chain(), size=5, stops=(4.0, -4.0))
    assert not list(tmp_path.iterdir())


ACES_CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
"""OCIO's built-in ACES 1.3 CG config (pinned by version, DESIGN.md)."""


def _ocio_cpu(config: object, *args: object) -> object:
    return config.getProcessor(*args).getOptimizedCPUProcessor(  # type: ignore[attr-defined]
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )


def _aces_samples(config: object) -> tuple[np.ndarray, np.ndarray]:
    """ACES2065-1 greys over the shaper's stops, and Rec.709-gamut colours within a stop of grey."""
    rng = np.random.default_rng(11)
    lo, hi = 0.18 * 2.0 ** STOPS[0], 0.18 * 2.0 ** STOPS[1]
    greys = np.repeat(np.exp(np.linspace(np.log(lo), np.log(hi), 2000))[:, None], 3, axis=1).astype(np.float32)
    grey = np.exp(rng.uniform(np.log(2 * lo), np.log(hi / 2), (20000, 1)))
    colours = (grey * 2.0 ** rng.uniform(-1.0, 1.0, (20000, 3))).astype(np.float32)
    _ocio_cpu(config, "Linear Rec.709 (sRGB)", "ACES2065-1").applyRGB(colours)  # type: ignore[attr-defined]
    return greys, colours


def test_shaper_3d_of_aces_srgb_output_matches_direct_transform(tmp_path: Path) -> None:
    """Our ACES 1.3 sRGB output transform -> log2 shaper + 65^3 .cube -> OCIO applies it.

    References: OCIO's direct transform (the ACES 1.3 CG config's sRGB display, SDR video view) and
    our direct pipeline. OCIO's own Baker, given the same log2 shaper and sizes, is the yardstick for
    what a 65-point LUT allows: ours must be no worse in mean and 99th percentile.
    """
    config = OCIO.Config.CreateFromBuiltinConfig(ACES_CONFIG)
    view = ("ACES2065-1", "sRGB - Display", "ACES 1.0 - SDR Video", OCIO.TRANSFORM_DIR_FORWARD)
    direct = _ocio_cpu(config, *view)
    aces = output_transform("sRGB")
    ours = tmp_path / "ours.cube"
    lut.bake(aces, ours, kind="shaper3d", size=65, stops=STOPS)

    editable = OCIO.Config.CreateFromStream(config.serialize())
    shaper = OCIO.ColorSpace(name="lg2 shaper")
    log2 = OCIO.LogAffineTransform(
        logSideSlope=[1 / (STOPS[1] - STOPS[0])] * 3,
        linSideSlope=[1 / 0.18] * 3,
        logSideOffset=[-STOPS[0] / (STOPS[1] - STOPS[0])] * 3,
    )
    log2.setBase(2)
    shaper.setTransform(log2, OCIO.COLORSPACE_DIR_FROM_REFERENCE)
    editable.addColorSpace(shaper)
    baker = OCIO.Baker()
    baker.setConfig(editable)
    baker.setFormat("resolve_cube")
    baker.setInputSpace("ACES2065-1")
    baker.setDisplayView("sRGB - Display", "ACES 1.0 - SDR Video")
    baker.setShaperSpace("lg2 shaper")
    baker.setCubeSize(65)
    baker.setShaperSize(4096)
    theirs = tmp_path / "ocio_baker.cube"
    theirs.write_text(baker.bake())

    greys, colours = _aces_samples(config)
    for samples, bound in ((greys, ATOL_BAKE_ACES_GREYS_65), (colours, ATOL_BAKE_ACES_REC709_65)):
        reference = samples.copy()
        direct.applyRGB(reference)  # type: ignore[attr-defined]
        applied = ocio_apply(ours, samples, "tetrahedral")
        error = np.abs(applied - reference).max(axis=1)
        assert np.abs(applied - aces.applied(samples)).max() <= bound
        yardstick = np.abs(ocio_apply(theirs, samples, "tetrahedral") - reference).max(axis=1)
        assert error.max() <= bound
        assert np.quantile(error, 0.99) <= np.quantile(yardstick, 0.99)
        assert error.mean() <= yardstick.mean()
