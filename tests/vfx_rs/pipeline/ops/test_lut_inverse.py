"""Inverse 1D, half-domain and 3D LUT ops against OpenColorIO's exact inversion (LUT_INV_EXACT, lossless CPU)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.tolerances import ATOL_LUT_INVERSE_OCIO
from tests.vfx_rs.ocio.oracle import ocio_cpu, run_cpu
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops import HalfLut1DOp, Lut1DOp, Lut3DOp
from vfx_rs.pipeline.ops.lut1d_half import half_domain

OCIO = pytest.importorskip("PyOpenColorIO")


def _ocio(transform: object, rgb: np.ndarray) -> np.ndarray:
    """OCIO's lossless CPU result (as float32, the dtype both sides compute in)."""
    return run_cpu(ocio_cpu(OCIO.Config.CreateRaw().getProcessor(transform)), rgb).astype(np.float32)


def _inputs() -> np.ndarray:
    rng = np.random.default_rng(7)
    ramp = np.linspace(-2.0, 70.0, 1500)[:, None].repeat(3, axis=1)
    return np.concatenate([rng.uniform(-0.5, 1.5, (3000, 3)), ramp, [[np.nan, 0.0, 1.0]]]).astype(np.float32)


def _error(got: np.ndarray, ref: np.ndarray) -> float:
    both_nan = np.isnan(got) & np.isnan(ref)
    assert np.array_equal(np.isnan(got), np.isnan(ref))
    err = np.where(both_nan, 0.0, np.abs(got - ref) / np.maximum(1.0, np.abs(ref)))
    return float(err.max())


_X = np.linspace(0.0, 1.0, 64)
TABLES_1D = {
    "increasing": np.stack([_X**2.2, _X**0.5, 0.1 + 0.8 * _X], axis=1),
    "decreasing_and_flat_ends": np.stack([1 - _X, np.clip(1.5 * _X - 0.2, 0, 1), np.where(_X < 0.5, 0.3, _X)], axis=1),
    "reversals": np.stack([np.sin(3 * _X), _X, (_X - 0.5) ** 2], axis=1),
    "extended_range": np.stack([4 * _X - 1, 10 * _X**2, -_X], axis=1),
    "constant_channel": np.stack([np.full(64, 0.5), _X, _X], axis=1),
}


@pytest.mark.parametrize("name", TABLES_1D)
def test_inverse_lut1d_matches_ocio(name: str) -> None:
    table = TABLES_1D[name]
    ref_lut = OCIO.Lut1DTransform(length=len(table))
    for i, row in enumerate(table):
        ref_lut.setValue(i, *row)
    ref_lut.setDirection(OCIO.TRANSFORM_DIR_INVERSE)
    rgb = _inputs()
    got = Pipeline([Lut1DOp(table=table).inverse()], optimize=False).applied(rgb)
    assert _error(got, _ocio(ref_lut, rgb)) <= ATOL_LUT_INVERSE_OCIO


def _half_tables() -> dict[str, np.ndarray]:
    h = half_domain()
    with np.errstate(all="ignore"):
        tables = {
            "increasing": np.stack([np.sign(h) * np.abs(h) ** (1 / 2.2), 2 * h, np.clip(h, -1, 4)], axis=1),
            "decreasing": np.stack([-h, 1 / (1 + np.exp(-h)), -np.clip(h, 0, 8)], axis=1),
        }
    return {k: np.where(np.isfinite(v), v, 0.0) for k, v in tables.items()}


@pytest.mark.parametrize("name", ["increasing", "decreasing"])
def test_inverse_half_domain_lut1d_matches_ocio(name: str) -> None:
    table = _half_tables()[name]
    ref_lut = OCIO.Lut1DTransform(length=65536, inputHalfDomain=True)
    for i, row in enumerate(table):
        ref_lut.setValue(i, *row)
    ref_lut.setDirection(OCIO.TRANSFORM_DIR_INVERSE)
    rgb = _inputs()
    got = Pipeline([HalfLut1DOp(table=table).inverse()], optimize=False).applied(rgb)
    assert _error(got, _ocio(ref_lut, rgb)) <= ATOL_LUT_INVERSE_OCIO


def _cube(n: int, one_to_one: bool) -> np.ndarray:
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    if one_to_one:
        mix = np.array([[0.8, 0.15, 0.05], [0.1, 0.8, 0.1], [0.05, 0.15, 0.8]])
        return np.stack([r**1.2, g**0.9, b**1.1], axis=-1) @ mix.T
    # Not one-to-one near black: OCIO's search order decides which preimage wins.
    return np.stack([r**1.5 * 0.9 + 0.1 * g, 0.2 * r + 0.7 * g**0.8 + 0.1 * b, b**2 * 0.8 + 0.15 * r * g], axis=-1)


@pytest.mark.parametrize(("n", "one_to_one"), [(5, False), (17, True), (17, False)])
def test_inverse_lut3d_matches_ocio(n: int, one_to_one: bool) -> None:
    table = _cube(n, one_to_one)
    ref_lut = OCIO.Lut3DTransform(gridSize=n)
    for ib in range(n):
        for ig in range(n):
            for ir in range(n):
                ref_lut.setValue(ir, ig, ib, *table[ib, ig, ir])
    ref_lut.setDirection(OCIO.TRANSFORM_DIR_INVERSE)
    rng = np.random.default_rng(3)
    axis = np.linspace(-0.1, 1.1, 9)
    lattice = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3)
    rgb = np.concatenate([rng.uniform(-0.2, 1.2, (2000, 3)), lattice]).astype(np.float32)
    got = Pipeline([Lut3DOp(table=table).inverse()], optimize=False).applied(rgb)
    assert _error(got, _ocio(ref_lut, rgb)) <= ATOL_LUT_INVERSE_OCIO


def test_inverse_ops_round_trip_to_forward() -> None:
    for op in (Lut1DOp(table=TABLES_1D["increasing"]), Lut3DOp(table=_cube(5, True))):
        assert op.inverse().inverse() == op
    # A 1D round trip clamps to the table's range: never cancelled. A 3D pair becomes a [0, 1] clamp
    # (test_lut3d_inverse.py checks it against OCIO).
    lut1d = Lut1DOp(table=TABLES_1D["increasing"])
    assert not lut1d.inverse().is_inverse_of(lut1d)
