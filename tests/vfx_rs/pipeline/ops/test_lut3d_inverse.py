"""Inverse 3D LUT (`Lut3DInverseOp`) against OpenColorIO 2.6's exact CPU inverse (InvLut3DRenderer).

The tables are chosen so that OCIO's decisions show: points outside the table's gamut (the extrapolated
border), tables that are not one-to-one (flat regions, black-and-white looks, a constant table), where
OCIO's tetrahedron search order and its rank-revealing solve pick one preimage among many, and inputs
placed exactly on lattice values (ties between cells). Any other choice of cell, tetrahedron or preimage
moves the result far beyond the tolerance.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.tolerances import ATOL_LUT_INVERSE_OCIO
from tests.vfx_rs.ocio.oracle import ocio_cpu, run_cpu
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops import Lut3DInverseOp, Lut3DOp, RangeOp

OCIO = pytest.importorskip("PyOpenColorIO")


def _lattice(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    return r, g, b


def _table(name: str, n: int) -> np.ndarray:
    """A forward table ``[b, g, r]``."""
    r, g, b = _lattice(n)
    rgb = np.stack([r, g, b], axis=-1)
    if name == "one_to_one":
        mix = np.array([[0.8, 0.15, 0.05], [0.1, 0.8, 0.1], [0.05, 0.15, 0.8]])
        return np.stack([r**1.2, g**0.9, b**1.1], axis=-1) @ mix.T
    if name == "strong_mix":  # a wide gamut squeezed, reaching outside [0, 1]
        mix = np.array([[1.6, -0.5, -0.1], [-0.2, 1.3, -0.1], [0.0, -0.3, 1.3]])
        return rgb @ mix.T
    if name == "black_and_white":  # rank 1: every cell is a segment along the grey axis
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        return np.repeat(y[..., None], 3, axis=-1)
    if name == "clipped":  # flat regions where a channel clips
        return np.clip(1.4 * rgb - 0.2, 0.0, 1.0)
    if name == "half_desaturated":  # one-to-one above 0.5 in red, fully desaturated below
        y = (0.3 * r + 0.6 * g + 0.1 * b)[..., None]
        keep = np.clip(2.0 * r - 1.0, 0.0, 1.0)[..., None]
        return y + keep * (rgb - y)
    if name == "constant":
        return np.full((n, n, n, 3), 0.25)
    raise AssertionError(name)


def _ocio_transform(table: np.ndarray) -> object:
    n = table.shape[0]
    lut = OCIO.Lut3DTransform(gridSize=n)
    t32 = table.astype(np.float32)
    for ib in range(n):
        for ig in range(n):
            for ir in range(n):
                lut.setValue(ir, ig, ib, *(float(v) for v in t32[ib, ig, ir]))
    return lut


def _ocio(transform: object, rgb: np.ndarray) -> np.ndarray:
    """OCIO's lossless CPU result (as float32, the dtype both sides compute in)."""
    return run_cpu(ocio_cpu(OCIO.Config.CreateRaw().getProcessor(transform)), rgb).astype(np.float32)


def _inputs(table: np.ndarray) -> np.ndarray:
    """Random values over [-0.2, 1.2], a lattice with exact 0 and 1, the table's own values (ties), specials."""
    rng = np.random.default_rng(11)
    axis = np.linspace(-0.25, 1.25, 13)
    lattice = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3)
    own = table.reshape(-1, 3)[rng.choice(table.shape[0] ** 3, min(400, table.shape[0] ** 3), replace=False)]
    special = [[np.nan, 0.5, 0.5], [np.inf, -np.inf, 0.5], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [0.25, 0.25, 0.25]]
    return np.concatenate([rng.uniform(-0.2, 1.2, (3000, 3)), lattice, own, special]).astype(np.float32)


def _assert_matches(got: np.ndarray, ref: np.ndarray) -> None:
    assert np.array_equal(np.isnan(got), np.isnan(ref))
    err = np.nan_to_num(np.abs(got.astype(np.float64) - ref) / np.maximum(1.0, np.abs(ref)))
    worst = float(err.max())
    assert worst <= ATOL_LUT_INVERSE_OCIO, (
        f"{int(np.sum(err > ATOL_LUT_INVERSE_OCIO))} values differ, worst {worst:.3g}"
    )


CASES = [
    ("one_to_one", 2),
    ("one_to_one", 33),
    ("strong_mix", 9),
    ("black_and_white", 9),
    ("clipped", 17),
    ("half_desaturated", 12),
    ("constant", 3),
]


@pytest.mark.parametrize(("name", "n"), CASES)
def test_inverse_matches_ocio(name: str, n: int) -> None:
    table = _table(name, n)
    rgb = _inputs(table)
    ref_lut = _ocio_transform(table)
    ref_lut.setDirection(OCIO.TRANSFORM_DIR_INVERSE)
    got = Pipeline([Lut3DInverseOp(table=table)], optimize=False).applied(rgb)
    _assert_matches(got, _ocio(ref_lut, rgb))


def test_inverse_of_a_single_pixel_and_a_tile_agree() -> None:
    """Inputs are searched in chunks: one value alone gets the answer it gets among many."""
    table = _table("half_desaturated", 12)
    rgb = _inputs(table)[::37]
    op = Lut3DInverseOp(table=table)
    whole = Pipeline([op], optimize=False).applied(rgb)
    single = np.concatenate([Pipeline([op], optimize=False).applied(v[None]) for v in rgb])
    np.testing.assert_array_equal(whole, single)


@pytest.mark.parametrize("inverse_first", [False, True])
def test_lut_and_inverse_cancel_to_a_clamp_as_ocio(inverse_first: bool) -> None:
    """OCIO's lossless optimizer replaces a 3D LUT next to its inverse by a [0, 1] clamp (not one-to-one here)."""
    table = _table("clipped", 9)
    fwd = Lut3DOp(table=table)
    ops = [fwd.inverse(), fwd] if inverse_first else [fwd, fwd.inverse()]
    pipeline = Pipeline(ops)
    assert [type(op) for op in pipeline.ops] == [RangeOp]
    a, b = _ocio_transform(table), _ocio_transform(table)
    (a if inverse_first else b).setDirection(OCIO.TRANSFORM_DIR_INVERSE)
    rgb = _inputs(table)
    _assert_matches(pipeline.applied(rgb), _ocio(OCIO.GroupTransform([a, b]), rgb))


def test_lut_and_inverse_on_another_domain_do_not_cancel() -> None:
    fwd = Lut3DOp(table=_table("one_to_one", 5), domain_min=[0.0, 0.0, -0.5], domain_max=[1.0, 2.0, 1.0])
    assert not fwd.inverse().is_inverse_of(fwd)
    assert not fwd.is_inverse_of(Lut3DInverseOp(table=fwd.table * 0.5))
