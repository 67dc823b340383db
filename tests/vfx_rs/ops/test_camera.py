"""Demosaic, mip levels and push-pull hole filling (issue 21) against OpenImageIO."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_IBA_F32
from tests.vfx_rs.ops import oiio_ref
from vfx_rs import ops

IBA = oiio_ref.IBA


@pytest.mark.parametrize("pattern", list(ops.BayerPattern))
def test_bilinear_demosaic_matches_imagebufalgo_inside(pattern: ops.BayerPattern) -> None:
    raw = np.random.default_rng(3).random((12, 14, 1)).astype(np.float32)
    want = oiio_ref.pixels(IBA.demosaic(oiio_ref.buf(raw), pattern="bayer", algorithm="linear", layout=pattern.name))
    got = ops.demosaic(vfx_rs.Image(raw, ["Y"]), pattern, ops.DemosaicAlgorithm.Bilinear)
    assert got.channel_names == ["R", "G", "B"]
    np.testing.assert_allclose(got.numpy()[1:-1, 1:-1], want[1:-1, 1:-1], atol=ATOL_IBA_F32)
    with pytest.raises(vfx_rs.ArgumentError, match="VNG"):
        ops.demosaic(raw, pattern, ops.DemosaicAlgorithm.VNG)


def test_mip_chain_sizes_and_filters() -> None:
    img = oiio_ref.smooth_image(20, 37, 4)
    levels = ops.make_texture(vfx_rs.Image(img))
    assert ops.mip_level_count(37, 20) == len(levels) == 6
    assert [lv.shape[:2] for lv in levels] == [(20, 37), (10, 18), (5, 9), (2, 4), (1, 2), (1, 1)]
    assert [ops.mip_dimensions(37, 20, i) for i in range(6)][-1] == (1, 1)
    np.testing.assert_array_equal(levels[0].numpy(), img)
    even = img[:, :36].copy()  # an exact halving: each output pixel averages a 2x2 block
    box = ops.make_mip_level(even, 1, ops.MipmapOptions(ops.MipmapFilter.Box, premultiply_alpha=False))
    want = oiio_ref.resize(even, 18, 10, "box")
    np.testing.assert_allclose(box, want, atol=ATOL_IBA_F32)


def test_kaiser_mip_is_the_kaiser_windowed_sinc() -> None:
    # A 2x reduction: output o's 12 taps are source pixels 2o-5 .. 2o+6 (edges clamped) at filter offsets
    # (j + 0.5 - (2o + 1)) / 2 = -2.75 .. 2.75; Kaiser's window (beta 4, half width 3) there is
    # numpy.kaiser(25, 4)[1::2] (its 25 points span -3 .. 3 in steps of 0.25), times sinc, normalised.
    img = oiio_ref.smooth_image(12, 16, 3)
    img[4:7, 5:9] += 2.0  # an edge, where a windowed sinc rings
    offsets = np.arange(-2.75, 3.0, 0.5)
    taps = np.kaiser(25, 4.0)[1::2] * np.sinc(offsets)
    taps /= taps.sum()

    def reduce(a: np.ndarray, axis: int) -> np.ndarray:
        n = a.shape[axis]
        index = np.clip(2 * np.arange(n // 2)[:, None] - 5 + np.arange(12)[None, :], 0, n - 1)
        return np.tensordot(np.take(a, index, axis=axis), taps, axes=([axis + 1], [0]))

    want = reduce(reduce(img.astype(np.float64), 0), 1)
    got = ops.make_mip_level(img, 1, ops.MipmapOptions(ops.MipmapFilter.Kaiser, premultiply_alpha=False))
    np.testing.assert_allclose(got, want, atol=ATOL_IBA_F32)


def test_fillholes_pushpull_matches_imagebufalgo() -> None:
    rng = np.random.default_rng(4)
    img = oiio_ref.smooth_image(24, 30, 4)
    alpha = (rng.random((24, 30)) > 0.3).astype(np.float32)
    alpha[5:15, 8:20] = 0.0
    img[..., 3] = alpha
    img[..., :3] *= alpha[..., None]
    want = oiio_ref.pixels(IBA.fillholes_pushpull(oiio_ref.buf(img)))
    np.testing.assert_allclose(ops.fillholes_pushpull(img), want, atol=ATOL_IBA_F32)
    assert ops.has_holes(img) and ops.count_holes(img) == int((alpha < 0.001).sum())
    assert not ops.has_holes(ops.fillholes_pushpull(img))
    with pytest.raises(vfx_rs.ArgumentError, match="alpha"):
        ops.count_holes(img[..., :3])
