"""The ACES 2.0 ops against OCIO's FixedFunction styles (ACES2_OutputTransform, ACES2_RGB_TO_JMh,
ACES2_TonescaleCompress, ACES2_GamutCompress), both directions, read through the FixedFunction transform
compiler; their tables; bad parameters."""

from __future__ import annotations

import time

import numpy as np
import pytest

from tests.tolerances import RTOL_ACES2_OCIO
from tests.vfx_rs.ocio.oracle import compare, grid17, ocio_cpu, run_cpu
from vfx_rs.errors import ArgumentError, OcioError
from vfx_rs.ocio.model import Transform
from vfx_rs.ocio.transforms_fixed import fixed_function_ops
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops import Aces2JmhOp, Aces2OutputOp
from vfx_rs.pipeline.ops.aces2_tables import aces2_tables

OCIO = pytest.importorskip("PyOpenColorIO")

AP0 = [0.7347, 0.2653, 0.0, 1.0, 0.0001, -0.077, 0.32168, 0.33767]
REC709 = [0.64, 0.33, 0.3, 0.6, 0.15, 0.06, 0.3127, 0.329]
P3_D60 = [0.68, 0.32, 0.265, 0.69, 0.15, 0.06, 0.32168, 0.33767]
REC2020 = [0.708, 0.292, 0.17, 0.797, 0.131, 0.046, 0.3127, 0.329]

SCENE = grid17(np.concatenate([-np.geomspace(0.1, 1e-3, 3), [0.0], np.geomspace(1e-3, 1e4, 13)]))
"""ACES2065-1 values: negatives, zero and HDR values up to 1e4."""

_J = np.concatenate([[-5.0, 0.0], np.linspace(0.5, 140.0, 13), [200.0, 300.0]])
_M = np.concatenate([[-1.0, 0.0], np.geomspace(0.1, 300.0, 14), [600.0]])
_H = np.concatenate([[-30.0, 0.0], np.linspace(1.0, 359.0, 13), [360.0, 400.0]])
JMH = np.stack(np.meshgrid(_J, _M, _H, indexing="ij"), axis=-1).reshape(-1, 3).astype(np.float32)
"""J, M, h samples, with negative and zero J and M and hues outside [0, 360)."""

STYLES = {
    "ACES2_OutputTransform": "FIXED_FUNCTION_ACES_OUTPUT_TRANSFORM_20",
    "ACES2_RGB_TO_JMh": "FIXED_FUNCTION_ACES_RGB_TO_JMH_20",
    "ACES2_TonescaleCompress": "FIXED_FUNCTION_ACES_TONESCALE_COMPRESS_20",
    "ACES2_GamutCompress": "FIXED_FUNCTION_ACES_GAMUT_COMPRESS_20",
}


def _ours(style: str, params: list[float], inverse: bool) -> Pipeline:
    t = Transform(kind="FixedFunction", params={"style": style, "params": params}, line=1)
    ops = fixed_function_ops(t, "test.ocio")
    return Pipeline([op.inverse() for op in reversed(ops)] if inverse else ops, optimize=False)


def _ocio(style: str, params: list[float], inverse: bool):  # type: ignore[no-untyped-def]
    direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
    transform = OCIO.FixedFunctionTransform(getattr(OCIO, STYLES[style]), params, direction)
    return OCIO.Config.CreateRaw().getProcessor(transform)


def _display(peak: float) -> np.ndarray:
    return grid17(np.concatenate([[-0.01], np.linspace(0.0, peak / 100.0, 16)]))


CASES = [
    ("ACES2_OutputTransform", [100.0, *REC709], False, SCENE),
    ("ACES2_OutputTransform", [100.0, *REC709], True, _display(100.0)),
    ("ACES2_OutputTransform", [1000.0, *P3_D60], False, SCENE),
    ("ACES2_OutputTransform", [1000.0, *P3_D60], True, _display(1000.0)),
    ("ACES2_OutputTransform", [4000.0, *REC2020], False, SCENE),
    ("ACES2_OutputTransform", [4000.0, *REC2020], True, _display(4000.0)),
    ("ACES2_RGB_TO_JMh", AP0, True, JMH),
    ("ACES2_RGB_TO_JMh", REC2020, True, JMH),
    ("ACES2_TonescaleCompress", [100.0], False, JMH),
    ("ACES2_TonescaleCompress", [100.0], True, JMH),
    ("ACES2_TonescaleCompress", [1000.0], False, JMH),
    ("ACES2_TonescaleCompress", [1000.0], True, JMH),
    ("ACES2_GamutCompress", [100.0, *REC709], False, JMH),
    ("ACES2_GamutCompress", [100.0, *REC709], True, JMH),
    ("ACES2_GamutCompress", [1000.0, *REC2020], False, JMH),
    ("ACES2_GamutCompress", [1000.0, *REC2020], True, JMH),
]


@pytest.mark.parametrize(
    ("style", "params", "inverse", "px"),
    CASES,
    ids=[f"{s}-{p[0]:g}-{'inv' if i else 'fwd'}" for s, p, i, _ in CASES],
)
def test_fixed_function_matches_ocio(style: str, params: list[float], inverse: bool, px: np.ndarray) -> None:
    err = compare(_ocio(style, params, inverse), _ours(style, params, inverse), px)
    assert err <= RTOL_ACES2_OCIO, err


_EXTREMES = grid17(np.array([np.inf, -np.inf, -30.0, 0.0, 0.18, 50.0, 400.0, 1e30]))
INFINITE = _EXTREMES[~np.all(np.isfinite(_EXTREMES), axis=1)]
"""Pixels (RGB or J, M, h) with +-inf in one or more channels."""


@pytest.mark.parametrize(("style", "params"), sorted({(s, tuple(p)) for s, p, _, _ in CASES}))
@pytest.mark.parametrize("inverse", [False, True], ids=["fwd", "inv"])
def test_infinite_inputs_match_ocio(style: str, params: tuple[float, ...], inverse: bool) -> None:
    """NaN, infinities and finite values where OCIO has them, on inputs with infinite channels."""
    err = compare(_ocio(style, list(params), inverse), _ours(style, list(params), inverse), INFINITE, noise=False)
    assert err <= RTOL_ACES2_OCIO, err


_HUGE = [[-5.0, 1.0, 50.0, 300.0, 1e10, 1e30], [0.0, 50.0, 1e10, 1e15, 1e20, 1e25, 3e38], [0.0, 33.0, 120.0, 250.0]]
HUGE_JMH = np.stack(np.meshgrid(*_HUGE, indexing="ij"), axis=-1).reshape(-1, 3).astype(np.float32)
"""J, M, h with J and M up to the float32 limit (M of 1e10 and more cancel in the chroma compression's toe)."""


@pytest.mark.parametrize(
    ("style", "params", "inverse"),
    [(s, p, i) for s, p, i, _ in CASES if s != "ACES2_OutputTransform"],
    ids=[f"{s}-{p[0]:g}-{'inv' if i else 'fwd'}" for s, p, i, _ in CASES if s != "ACES2_OutputTransform"],
)
def test_huge_jmh_matches_ocio(style: str, params: list[float], inverse: bool) -> None:
    """Huge J and M: overflow to inf, cancellation to 0 and NaN where OCIO's float32 code has them (before the
    reach table lookup stayed in float32 the toe's cancellation ran in float64 and differed from M = 1e10 up)."""
    err = compare(_ocio(style, params, inverse), _ours(style, params, inverse), HUGE_JMH, noise=False)
    assert err <= RTOL_ACES2_OCIO, err


@pytest.mark.parametrize("params", [AP0, REC709])
def test_rgb_to_jmh_forward_matches_ocio(params: list[float]) -> None:
    """J, M cos h, M sin h against OCIO's (the hue of a near-grey colour, M ~ 1e-5, is float32 noise)."""
    px = SCENE[np.all(SCENE >= 0, axis=1)]
    ref = run_cpu(ocio_cpu(_ocio("ACES2_RGB_TO_JMh", params, False)), px)
    got = _ours("ACES2_RGB_TO_JMh", params, False).applied(px).astype(np.float64)

    def jab(v: np.ndarray) -> np.ndarray:
        h = np.radians(v[:, 2])
        return np.stack([v[:, 0], v[:, 1] * np.cos(h), v[:, 1] * np.sin(h)], axis=1)

    err = np.abs(jab(got) - jab(ref)) / np.maximum(1.0, np.abs(ref[:, :1]))
    assert err.max() <= RTOL_ACES2_OCIO


def test_tables_cached_and_quick() -> None:
    """Built once per display (peak, limiting primaries); a new display's tables take tens of ms."""
    start = time.perf_counter()
    first = aces2_tables(321.0, tuple(REC2020))  # type: ignore[arg-type]
    built = time.perf_counter() - start
    assert aces2_tables(321.0, tuple(REC2020)) is first  # type: ignore[arg-type]
    assert built < 1.0
    assert first.hues.shape == first.reach.shape == (363,) and first.cusps.shape == (363, 3)
    assert np.all(np.diff(first.hues) > 0)


def test_jmh_round_trip() -> None:
    rgb = grid17(np.geomspace(1e-3, 100.0, 17))
    op = Aces2JmhOp(primaries=tuple(REC709))  # type: ignore[arg-type]
    back = Pipeline([op, op.inverse()], optimize=False).applied(rgb)
    err = np.abs(back - rgb).max(axis=1) / rgb.max(axis=1)
    assert err.max() <= 1e-5  # float32 rounding through J, M and h, relative to the pixel


@pytest.mark.parametrize(
    "params",
    [
        {"peak": 0.5},
        {"peak": float("nan")},
        {"limiting": (0.64, 0.33, 0.3, 0.6, 0.15, 0.06, 0.3127)},
        {"limiting": (0.64, 0.33, 0.3, 0.6, 0.15, 0.0, 0.3127, 0.329)},
    ],
)
def test_bad_parameters_raise(params: dict[str, object]) -> None:
    with pytest.raises(ArgumentError):
        Aces2OutputOp(**params)  # type: ignore[arg-type]


def test_fixed_function_param_count_is_checked() -> None:
    t = Transform(kind="FixedFunction", params={"style": "ACES2_OutputTransform", "params": [100.0]}, line=7)
    with pytest.raises(OcioError, match=r"test\.ocio:7: .*takes 9 params, got 1"):
        fixed_function_ops(t, "test.ocio")


def _ocio_tables(peak: float, limiting: list[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """OCIO's own hue, cusp (J, M, 1/gamma) and reach tables, as its GPU shader description hands them over."""
    import re

    processor = _ocio("ACES2_OutputTransform", [peak, *limiting], False)
    desc = OCIO.GpuShaderDesc.CreateShaderDesc(language=OCIO.GPU_LANGUAGE_GLSL_4_0)
    processor.getDefaultGPUProcessor().extractGpuShaderInfo(desc)
    textures = {t.textureName: np.asarray(t.getValues()) for t in desc.getTextures()}
    found = re.search(r"hues_array\[363\] = float\[363\]\(([^)]*)\)", desc.getShaderText())
    assert found is not None
    hues = np.array([float(v) for v in found.group(1).split(",")], np.float32)
    reach = next(v for k, v in textures.items() if "reach" in k)
    cusps = next(v for k, v in textures.items() if "cusp" in k).reshape(-1, 3)
    return hues, cusps, reach


@pytest.mark.parametrize(("peak", "limiting"), [(100.0, REC709), (1000.0, P3_D60), (4000.0, REC2020)])
def test_tables_match_ocio(peak: float, limiting: list[float]) -> None:
    """Hue, cusp and reach tables as OCIO builds them (measured: hues and reach bit for bit, cusp J and M within
    2.1e-6 and upper-hull 1/gamma within 6.9e-6, bit for bit in over 99% of entries)."""
    hues, cusps, reach = _ocio_tables(peak, limiting)
    ours = aces2_tables(peak, tuple(limiting))  # type: ignore[arg-type]
    np.testing.assert_allclose(ours.hues, hues, rtol=0, atol=1e-6)
    np.testing.assert_allclose(ours.reach, reach, rtol=1e-6)
    np.testing.assert_allclose(ours.cusps[:, :2], cusps[:, :2], rtol=1e-5)  # bit for bit in 99.7% of entries
    np.testing.assert_allclose(ours.cusps[:, 2], cusps[:, 2], rtol=1e-4)
