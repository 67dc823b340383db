"""Pipeline: simplification, the tiled executor, inverses; Range and Matrix against OCIO."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from vfx_rs.pipeline import TILE_PIXELS, MatrixOp, Pipeline, RangeOp
from vfx_rs.pipeline.ops import ExponentOp

M1 = MatrixOp(matrix=[[0.9, 0.1, 0.0], [0.05, 0.9, 0.05], [0.0, 0.2, 0.8]], offset=[0.01, 0.0, -0.02])
M2 = MatrixOp(matrix=np.diag([2.0, 3.0, 4.0]))


def test_adjacent_matrices_fuse_and_agree_with_sequential_application(rng: np.random.Generator) -> None:
    data = rng.uniform(-1, 4, size=(5, 7, 3)).astype(np.float32)
    fused = Pipeline([M1, M2])
    assert len(fused) == 1
    step = Pipeline([M2], optimize=False).applied(Pipeline([M1], optimize=False).applied(data))
    np.testing.assert_allclose(fused.applied(data), step, rtol=1e-6, atol=1e-6)


def test_identities_drop_inverses_cancel_dynamic_ops_stay() -> None:
    rng_op = RangeOp.from_bounds(0.0, 1.0, 0.0, 1.0)
    assert len(Pipeline([MatrixOp(), RangeOp()])) == 0
    assert len(Pipeline([rng_op, M2, M2.inverse()])) == 1
    live = MatrixOp(matrix=np.eye(3), dynamic=True)
    assert len(Pipeline([M1, live, M2])) == 3
    assert (
        Pipeline([M1, live]).glsl().structure
        == Pipeline([M2, MatrixOp(matrix=np.eye(3) * 2, dynamic=True)]).glsl().structure
    )


@pytest.mark.parametrize("shape", [(10, 3), (4, 6, 3), (4, 6, 4), (TILE_PIXELS * 3 + 17, 4)])
def test_apply_in_place_keeps_alpha_and_matches_matmul(rng: np.random.Generator, shape: tuple[int, ...]) -> None:
    data = rng.uniform(-1, 2, size=shape).astype(np.float32)
    before = data.copy()
    out = Pipeline([M1]).apply(data)
    assert out is data
    expected = before[..., :3].astype(np.float64) @ M1.matrix.T + M1.offset
    np.testing.assert_allclose(data[..., :3], expected, rtol=1e-5, atol=1e-6)
    if shape[-1] == 4:
        assert np.array_equal(data[..., 3], before[..., 3])


def test_apply_on_strided_view_writes_through(rng: np.random.Generator) -> None:
    base = rng.uniform(0, 1, size=(8, 8, 4)).astype(np.float32)
    view = base[::2, ::2]
    expected = view[..., :3] @ M2.matrix.T.astype(np.float32)
    Pipeline([M2]).apply(view)
    np.testing.assert_allclose(base[::2, ::2, :3], expected, rtol=1e-6)


def test_apply_rejects_wrong_dtype_shape_and_readonly() -> None:
    p = Pipeline([M2])
    with pytest.raises(vfx_rs.ArgumentError, match="float32"):
        p.apply(np.zeros((2, 3), np.float64))
    with pytest.raises(vfx_rs.ArgumentError, match="3 or 4 channels"):
        p.apply(np.zeros((2, 5), np.float32))
    frozen = np.zeros((2, 3), np.float32)
    frozen.flags.writeable = False
    with pytest.raises(vfx_rs.ArgumentError, match="read-only"):
        p.apply(frozen)


def test_inverse_round_trips(rng: np.random.Generator) -> None:
    data = rng.uniform(-1, 2, size=(100, 3)).astype(np.float32)
    p = Pipeline([M1, M2, RangeOp.from_bounds(-10.0, 10.0, 0.0, 1.0)])
    np.testing.assert_allclose(p.inverse().applied(p.applied(data)), data, rtol=1e-5, atol=1e-5)


def test_elementwise_keeps_scalar_and_shape() -> None:
    half = Pipeline([MatrixOp(matrix=np.eye(3) * 0.5)])
    assert half.apply_elementwise(3.0) == 1.5
    arr = np.arange(10, dtype=np.float32).reshape(2, 5)
    out = half.apply_elementwise(arr)
    assert out.shape == (2, 5) and out.dtype == np.float32
    np.testing.assert_array_equal(out, arr * 0.5)


@pytest.mark.parametrize(
    ("bounds", "style"),
    [
        ((0.0, 1.0, 0.0, 1.0), "clamp"),
        ((-0.1, 2.0, 0.05, 0.9), "clamp"),
        ((0.1, None, 0.1, None), "clamp"),
        ((None, 1.0, None, 1.0), "clamp"),
        ((0.0, 4.0, 0.0, 1.0), "noClamp"),
    ],
)
def test_range_matches_opencolorio(bounds: tuple, style: str) -> None:
    ocio = pytest.importorskip("PyOpenColorIO")
    min_in, max_in, min_out, max_out = bounds
    t = ocio.RangeTransform()
    if min_in is not None:
        t.setMinInValue(min_in)
        t.setMinOutValue(min_out)
    if max_in is not None:
        t.setMaxInValue(max_in)
        t.setMaxOutValue(max_out)
    t.setStyle(ocio.RANGE_CLAMP if style == "clamp" else ocio.RANGE_NO_CLAMP)
    cpu = (
        ocio.Config.CreateRaw()
        .getProcessor(t)
        .getOptimizedCPUProcessor(ocio.BIT_DEPTH_F32, ocio.BIT_DEPTH_F32, ocio.OPTIMIZATION_LOSSLESS)
    )
    data = np.linspace(-1.0, 5.0, 301, dtype=np.float32).repeat(3).reshape(-1, 3)
    expected = data.copy()
    cpu.applyRGB(expected)
    op = RangeOp.from_bounds(min_in, max_in, min_out, max_out, clamp=style == "clamp")
    np.testing.assert_allclose(Pipeline([op]).applied(data), expected, atol=1e-6)


def test_non_finite_channels_poison_later_matrices_as_in_opencolorio() -> None:
    """OCIO's RGBA matrix product gives a NaN alpha for an infinite channel (0 x inf); a later non-diagonal
    matrix, even past a clamp, then makes the whole pixel NaN; a diagonal one (OCIO's scale renderer) does not."""
    ocio = pytest.importorskip("PyOpenColorIO")
    mix = [1.0, 0.5, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]
    ours_ops = [MatrixOp(matrix=np.reshape(mix, (3, 3))), RangeOp.from_bounds(0.0, 1024.0, 0.0, 1024.0)]
    theirs = [ocio.MatrixTransform(_rgba(mix)), ocio.RangeTransform(0.0, 1024.0, 0.0, 1024.0)]
    values = np.array([np.inf, -np.inf, np.nan, 0.0, 2.0], dtype=np.float32)  # NaN: the clamp makes it 0
    data = np.stack(np.meshgrid(values, values, values, indexing="ij"), axis=-1).reshape(-1, 3)
    for last, last_ocio, poisons in [
        (MatrixOp(matrix=np.reshape(mix, (3, 3))), ocio.MatrixTransform(_rgba(mix)), True),
        (
            MatrixOp(matrix=np.diag([2.0, 3.0, 4.0])),
            ocio.MatrixTransform(_rgba([2.0, 0, 0, 0, 3.0, 0, 0, 0, 4.0])),
            False,
        ),
    ]:
        cpu = (
            ocio.Config.CreateRaw()
            .getProcessor(ocio.GroupTransform([*theirs, last_ocio]))
            .getOptimizedCPUProcessor(ocio.BIT_DEPTH_F32, ocio.BIT_DEPTH_F32, ocio.OPTIMIZATION_LOSSLESS)
        )
        expected = data.copy()
        cpu.applyRGB(expected)
        got = Pipeline([*ours_ops, last], optimize=False).applied(data)
        np.testing.assert_array_equal(got, expected)  # NaN where OCIO has NaN, equal values elsewhere
        assert np.isnan(expected).any() == poisons and np.isfinite(expected).any()


@pytest.mark.parametrize("style", ["clamp", "mirror"])
def test_clamping_exponent_clears_the_poisoned_alpha_as_in_opencolorio(style: str) -> None:
    """OCIO's basic gamma renderer clamps the hidden alpha too (``pow(max(0, NaN), 1)`` is 0), so after a
    clamping ExponentTransform a later non-diagonal matrix no longer makes the pixel NaN (an AgX view fed an
    overflowing log value); a mirroring exponent keeps the NaN alpha."""
    ocio = pytest.importorskip("PyOpenColorIO")
    mix = [1.0, 0.5, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0]
    negative = {"clamp": ocio.NEGATIVE_CLAMP, "mirror": ocio.NEGATIVE_MIRROR}[style]
    theirs = [
        ocio.MatrixTransform(_rgba(mix)),
        ocio.RangeTransform(0.0, 1024.0, 0.0, 1024.0),
        ocio.ExponentTransform([2.2, 2.2, 2.2, 1.0], negativeStyle=negative),
        ocio.MatrixTransform(_rgba(mix)),
    ]
    ours = [
        MatrixOp(matrix=np.reshape(mix, (3, 3))),
        RangeOp.from_bounds(0.0, 1024.0, 0.0, 1024.0),
        ExponentOp(exponent=2.2, style=style),
        MatrixOp(matrix=np.reshape(mix, (3, 3))),
    ]
    values = np.array([np.inf, -np.inf, np.nan, 0.0, 2.0], dtype=np.float32)
    data = np.stack(np.meshgrid(values, values, values, indexing="ij"), axis=-1).reshape(-1, 3)
    cpu = (
        ocio.Config.CreateRaw()
        .getProcessor(ocio.GroupTransform(theirs))
        .getOptimizedCPUProcessor(ocio.BIT_DEPTH_F32, ocio.BIT_DEPTH_F32, ocio.OPTIMIZATION_LOSSLESS)
    )
    expected = data.copy()
    cpu.applyRGB(expected)
    got = Pipeline(ours, optimize=False).applied(data)
    np.testing.assert_allclose(got, expected, rtol=1e-6)  # NaN where OCIO has NaN
    assert np.isnan(expected).any() == (style == "mirror")


def _rgba(m3: list[float]) -> list[float]:
    """A 3x3 row-major matrix as OCIO's 4x4 (alpha row and column of the identity)."""
    return [*m3[0:3], 0.0, *m3[3:6], 0.0, *m3[6:9], 0.0, 0.0, 0.0, 0.0, 1.0]


def test_applied_with_out_writes_into_out_and_keeps_alpha(rng: np.random.Generator) -> None:
    data = rng.uniform(-1, 2, size=(TILE_PIXELS * 3 + 17, 4)).astype(np.float32)
    buffer = np.full_like(data, np.nan)
    result = Pipeline([M1]).applied(data, out=buffer)
    assert result is buffer
    np.testing.assert_array_equal(result, Pipeline([M1]).applied(data))
    expected = data[..., :3].astype(np.float64) @ M1.matrix.T + M1.offset
    np.testing.assert_allclose(result[..., :3], expected, rtol=1e-5, atol=1e-6)
    assert np.array_equal(result[..., 3], data[..., 3])
    in_place = data.copy()
    assert Pipeline([M1]).applied(in_place, out=in_place) is in_place
    np.testing.assert_array_equal(in_place, buffer)
    from_float64 = Pipeline([M1]).applied(data.astype(np.float64), out=np.empty_like(data))
    np.testing.assert_array_equal(from_float64, buffer)


def test_elementwise_out_returns_out_for_arrays_and_scalars() -> None:
    half = Pipeline([MatrixOp(matrix=np.eye(3) * 0.5)])
    arr = np.arange(10, dtype=np.float32).reshape(2, 5)
    buffer = np.empty_like(arr)
    assert half.apply_elementwise(arr, out=buffer) is buffer
    np.testing.assert_array_equal(buffer, arr * 0.5)
    scalar_out = np.empty((), np.float64)
    assert half.apply_elementwise(3.0, out=scalar_out) is scalar_out
    assert scalar_out == 1.5


def test_applied_with_out_allocates_no_image_sized_array() -> None:
    import tracemalloc

    data = np.ones((1024, 1024, 4), np.float32)
    buffer = np.empty_like(data)
    tracemalloc.start()
    try:
        Pipeline([M1]).applied(data)
        without = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        Pipeline([M1]).applied(data, out=buffer)
        with_out = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert without >= data.nbytes  # tracemalloc sees NumPy's allocations
    assert with_out < data.nbytes / 4  # tile temporaries only


@pytest.mark.parametrize(
    ("out", "match"),
    [
        (np.empty((4, 3), np.float32), "shape"),
        (np.empty((4, 4), np.float64), "dtype"),
        (np.empty((4, 8), np.float32)[:, ::2], "C-contiguous"),
        ("buffer", "numpy.ndarray"),
    ],
)
def test_applied_and_elementwise_reject_bad_out(out: object, match: str) -> None:
    data = np.zeros((4, 4), np.float32)
    with pytest.raises(vfx_rs.ArgumentError, match=match):
        Pipeline([M1]).applied(data, out=out)  # type: ignore[arg-type]
    with pytest.raises(vfx_rs.ArgumentError, match=match):
        Pipeline([M1]).apply_elementwise(data, out=out)  # type: ignore[arg-type]
    with pytest.raises(vfx_rs.ArgumentError, match="3 or 4 channels"):
        Pipeline([M1]).applied(np.zeros((4, 5), np.float32), out=np.zeros((4, 5), np.float32))
