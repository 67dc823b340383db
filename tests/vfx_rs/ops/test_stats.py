"""vfx_rs.ops.stats: per-channel statistics, compare and histogram against NumPy float64 references."""

from __future__ import annotations

import math

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import RTOL_STATS_FLOAT64
from vfx_rs.ops import compare, histogram, stats


def test_stats_match_float64_reference(hdr_rgba: np.ndarray) -> None:
    data = hdr_rgba.copy()
    data[3, 4, 0] = np.nan
    data[5, 6, 0] = np.inf
    data[7, 8, 1] = -np.inf
    img = vfx_rs.Image(data, ["R", "G", "B", "A"])
    result = stats(img)
    assert [s.name for s in result] == ["R", "G", "B", "A"]
    for c, s in enumerate(result):
        values = data[..., c].astype(np.float64).ravel()
        finite = values[np.isfinite(values)]
        assert s.min == finite.min() and s.max == finite.max()
        assert math.isclose(s.mean, finite.mean(), rel_tol=RTOL_STATS_FLOAT64)
        assert math.isclose(s.std, finite.std(), rel_tol=RTOL_STATS_FLOAT64)
        assert s.nan_count == int(np.isnan(values).sum())
        assert s.inf_count == int(np.isinf(values).sum())
    assert (result[0].nan_count, result[0].inf_count, result[1].inf_count) == (1, 1, 1)


def test_stats_of_all_nonfinite_channel_are_nan() -> None:
    s = stats(np.array([[np.nan, np.inf]], np.float32))[0]
    assert math.isnan(s.min) and math.isnan(s.mean) and (s.nan_count, s.inf_count) == (1, 1)


def test_stats_of_large_offset_has_no_cancellation() -> None:
    # 1e4 + {0, 1} alternating: std is exactly 0.5.
    data = (1e4 + (np.arange(4096) % 2)).astype(np.float32).reshape(64, 64)
    s = stats(data)[0]
    assert s.mean == 10000.5 and s.std == 0.5


def test_compare_locates_the_worst_pixel_and_gives_psnr() -> None:
    a = np.zeros((4, 5, 3), np.float32)
    b = a.copy()
    b[2, 3, 1] = -0.25
    b[0, 0, 0] = 0.1
    c = compare(vfx_rs.Image(a), vfx_rs.Image(b))
    assert (c.max_error, c.max_location, c.max_channel) == (0.25, (3, 2), "G")
    mse = (0.25**2 + np.float64(np.float32(0.1)) ** 2) / a.size
    assert math.isclose(c.rms, math.sqrt(mse), rel_tol=1e-12)
    assert math.isclose(c.psnr, 10 * math.log10(1 / mse), rel_tol=1e-12)
    assert compare(a, a).psnr == math.inf


def test_compare_counts_nan_mismatch_and_rejects_shape_mismatch() -> None:
    a = np.zeros((2, 2, 1), np.float32)
    b = a.copy()
    b[0, 0, 0] = np.nan
    assert compare(a, b).nan_mismatch == 1
    with pytest.raises(vfx_rs.ArgumentError, match="same shape"):
        compare(a, np.zeros((2, 3, 1), np.float32))
    with pytest.raises(vfx_rs.ArgumentError, match="peak"):
        compare(a, a, peak=0)


def test_histogram_matches_numpy(hdr_rgba: np.ndarray) -> None:
    data = np.log2(hdr_rgba + 1e-3) / 8 + 0.5
    counts, edges = histogram(data, bins=64, low=0.0, high=1.0)
    assert counts.shape == (4, 64)
    for c in range(4):
        expected, expected_edges = np.histogram(data[..., c].astype(np.float64), bins=64, range=(0.0, 1.0))
        np.testing.assert_array_equal(counts[c], expected)
        np.testing.assert_array_equal(edges, expected_edges)


@pytest.mark.parametrize("kwargs", [{"bins": 0}, {"bins": 2.5}, {"low": 1.0, "high": 0.0}, {"high": np.inf}])
def test_histogram_rejects_bad_arguments(kwargs: dict) -> None:
    with pytest.raises(vfx_rs.ArgumentError):
        histogram(np.zeros((2, 2), np.float32), **kwargs)
