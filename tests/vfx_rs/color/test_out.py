"""``out=`` on the elementwise transfer functions: same values, the buffer returned, no image-size allocation."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import colour
import numpy as np
import pytest

import vfx_rs
import vfx_rs.color as color
from tests.tolerances import RTOL_TRANSFER

FUNCTIONS = [color.srgb_eotf, color.srgb_oetf, color.acescct_encode, color.st2084_eotf, color.arri_logc4_decode]


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_out_gives_the_same_values_and_returns_out(rng: np.random.Generator, function: Callable, dtype: type) -> None:
    values = rng.uniform(0.0, 1.0, size=(40, 30, 3)).astype(dtype)
    expected = function(values)
    buffer = np.full_like(values, np.nan)
    result = function(values, out=buffer)
    assert result is buffer
    np.testing.assert_array_equal(result, expected)
    in_place = values.copy()
    assert function(in_place, out=in_place) is in_place
    np.testing.assert_array_equal(in_place, expected)


def test_out_matches_colour_science(rng: np.random.Generator) -> None:
    values = rng.uniform(0.0, 1.2, size=(3 * 100_000 + 7,)).astype(np.float32)
    reference = colour.models.eotf_sRGB(values.astype(np.float64))
    buffer = np.empty_like(values)
    color.srgb_eotf(values, out=buffer)
    np.testing.assert_allclose(buffer, reference, rtol=RTOL_TRANSFER, atol=1e-12)


def test_overlapping_and_strided_inputs(rng: np.random.Generator) -> None:
    base = rng.uniform(0.0, 1.0, size=200_001).astype(np.float32)
    expected = color.srgb_eotf(base[:-1].copy())
    shifted = base.copy()
    color.srgb_eotf(shifted[:-1], out=shifted[1:])  # out overlaps the input one element later
    np.testing.assert_array_equal(shifted[1:], expected)
    strided = base[::2]
    np.testing.assert_array_equal(color.srgb_eotf(strided, out=np.empty_like(strided)), color.srgb_eotf(strided))


def _peak_bytes(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_out_allocates_no_image_sized_array() -> None:
    values = np.linspace(0.0, 1.0, 2048 * 2048 * 3, dtype=np.float32).reshape(2048, 2048, 3)
    buffer = np.empty_like(values)
    without = _peak_bytes(lambda: color.srgb_eotf(values))
    with_out = _peak_bytes(lambda: color.srgb_eotf(values, out=buffer))
    in_place = _peak_bytes(lambda: color.srgb_eotf(values, out=values))
    assert without >= values.nbytes  # tracemalloc sees NumPy's allocations
    # Only tile temporaries remain (about 2 MB per worker thread; measured 4.0 MB of this 50 MB on 2 cores).
    assert with_out < values.nbytes / 4
    assert in_place < values.nbytes / 4


@pytest.mark.parametrize(
    ("out", "match"),
    [
        (np.empty((4, 5), np.float32), "shape"),
        (np.empty((4, 4), np.float64), "dtype"),
        (np.empty((4, 8), np.float32)[:, ::2], "C-contiguous"),
        ([[0.0] * 4] * 4, "numpy.ndarray"),
    ],
)
def test_bad_out_raises(out: object, match: str) -> None:
    values = np.zeros((4, 4), np.float32)
    with pytest.raises(vfx_rs.ArgumentError, match=match):
        color.srgb_eotf(values, out=out)
    frozen = np.zeros((4, 4), np.float32)
    frozen.flags.writeable = False
    with pytest.raises(vfx_rs.ArgumentError, match="read-only"):
        color.srgb_eotf(values, out=frozen)
