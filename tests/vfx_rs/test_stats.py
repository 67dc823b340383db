"""vfx_rs.stats (issue 21) against OpenImageIO's computePixelStats, compare, histogram and checks."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_IBA_F32
from tests.vfx_rs.ops import oiio_ref
from vfx_rs import stats

IBA = oiio_ref.IBA
rng = np.random.default_rng(8)
A = (rng.random((6, 7, 3)) * 3 - 1).astype(np.float32)


def test_pixel_stats_match_imagebufalgo() -> None:
    data = A.copy()
    data[0, 0, 1], data[1, 1, 2] = np.nan, np.inf
    ours, theirs = stats.compute_pixel_stats(vfx_rs.Image(data)), IBA.computePixelStats(oiio_ref.buf(data))
    for name, other in (("min", "min"), ("max", "max"), ("avg", "avg"), ("stddev", "stddev")):
        np.testing.assert_allclose(getattr(ours, name), getattr(theirs, other), atol=ATOL_IBA_F32)
    assert ours.nan_count == list(theirs.nancount) and ours.inf_count == list(theirs.infcount)
    assert ours.finite_count == list(theirs.finitecount) and ours.has_nan() and ours.total_inf() == 1


@pytest.mark.parametrize("relative", [0.0, 0.3])
def test_compare_matches_imagebufalgo(relative: float) -> None:
    b = A + (rng.random(A.shape) < 0.2) * rng.normal(0, 0.01, A.shape).astype(np.float32)
    b[2, 3] += [0.5, 0.0, 0.3]
    ours = stats.compare_relative(A, b, 0.001, 0.0001, relative, relative)
    theirs = IBA.compare(oiio_ref.buf(A), oiio_ref.buf(b.astype(np.float32)), 0.001, 0.0001, relative, relative)
    assert (ours.nfail, ours.nwarn) == (theirs.nfail, theirs.nwarn)
    assert (ours.max_x, ours.max_y, ours.max_c) == (theirs.maxx, theirs.maxy, theirs.maxc)
    np.testing.assert_allclose([ours.mean_error, ours.rms_error, ours.psnr, ours.max_error],
                               [theirs.meanerror, theirs.rms_error, theirs.PSNR, theirs.maxerror], rtol=1e-5)  # fmt: skip
    assert not stats.compare(A, b).passed() and stats.compare(A, A).is_identical()


def test_histograms_and_checks_match_imagebufalgo() -> None:
    buf = oiio_ref.buf(A)
    for channel in range(3):
        ours = stats.histogram(A, channel, 16, -0.5, 1.5)
        assert tuple(ours.bins) == IBA.histogram(buf, channel, 16, -0.5, 1.5)
    all_ = stats.histogram_all(A, 4)
    assert [h.bins for h in all_] == [list(IBA.histogram(buf, c, 4, 0.0, 1.0)) for c in range(3)]
    h = all_[0]
    assert h.cumulative()[-1] == h.total() and h.cdf()[-1] == 1.0 and h.bin_for_value(0.3) == 1
    want = IBA.color_range_check(buf, [0, 0, 0], [1, 1, 1])
    got = stats.color_range_check(A, 0.0, 1.0)
    assert (got.low_count, got.high_count, got.in_range_count) == tuple(want)
    np.testing.assert_array_equal(stats.maxchan(A), oiio_ref.pixels(IBA.maxchan(buf)))
    np.testing.assert_array_equal(stats.minchan(A), oiio_ref.pixels(IBA.minchan(buf)))
    flat = np.full((3, 3, 3), 0.25, np.float32)
    flat[1, 1, 2] = 0.2505
    assert stats.is_constant_color(flat) and stats.get_constant_color(flat, 0.0001) is None
    assert IBA.isConstantColor(oiio_ref.buf(flat), 0.001) is not None
    assert stats.is_constant_channel(flat, 0, 0.25) and not stats.is_constant_channel(flat, 2, 0.25, 0.0001)
    assert stats.is_monochrome(flat) == IBA.isMonochrome(oiio_ref.buf(flat), 0.001)
    assert not stats.is_monochrome(A) and not IBA.isMonochrome(buf, 0.001)
