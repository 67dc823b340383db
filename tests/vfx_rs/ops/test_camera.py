"""Demosaic, mip levels and push-pull hole filling (issue 21) against OpenImageIO and LibRaw."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_IBA_F32, ATOL_VNG_LIBRAW_CODES
from tests.vfx_rs.io.dng_craft import RAWPY_LINEAR, write_dng
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


def _mosaic(rgb: np.ndarray, layout: str) -> np.ndarray:
    """The Bayer mosaic of `rgb`: each pixel keeps the channel its site samples."""
    h, w, _ = rgb.shape
    yy, xx = np.mgrid[0:h, 0:w]
    site = np.array(list(layout)).reshape(2, 2)[yy % 2, xx % 2]
    index = np.select([site == "R", site == "G"], [0, 1], 2)
    return np.take_along_axis(rgb, index[..., None], axis=2)


@pytest.mark.parametrize("pattern", list(ops.BayerPattern))
def test_ahd_follows_hirakawa_and_parks(pattern: ops.BayerPattern) -> None:
    ahd = ops.DemosaicAlgorithm.AHD
    # Luminance varying along one axis with constant colour differences: interpolating along the other
    # axis is exact (Hamilton-Adams and the colour-difference step), and homogeneity picks that direction.
    f = (0.5 + 0.4 * np.sin(9 * np.linspace(0, 1, 24)))[:, None] * np.ones((1, 20))
    stripes = np.stack([f + 0.1, f, f + 0.05], -1).astype(np.float32)
    for truth in (stripes, np.ascontiguousarray(stripes.transpose(1, 0, 2))):
        raw = _mosaic(truth, pattern.name)
        got = ops.demosaic(vfx_rs.Image(raw, ["Y"]), pattern, ahd).numpy()
        np.testing.assert_allclose(got[2:-2, 2:-2], truth[2:-2, 2:-2], atol=ATOL_IBA_F32)
        assert (
            np.abs(ops.demosaic(raw, pattern, ops.DemosaicAlgorithm.Bilinear) - truth)[2:-2, 2:-2].max() > 0.01
        )  # bilinear is not exact here
        np.testing.assert_array_equal(_mosaic(got, pattern.name), raw)  # the samples stay
    # A hard-edged disk with correlated channels: well under half the bilinear error.
    yy, xx = np.mgrid[0:40, 0:44]
    lum = ((xx - 20) ** 2 + (yy - 18) ** 2 < 150) * 0.6 + 0.2 + 0.1 * np.sin(xx / 3.0 + yy / 5.0)
    disk = (lum[..., None] * np.array([1.1, 1.0, 0.8])).astype(np.float32)
    raw = _mosaic(disk, pattern.name)
    ahd_error = np.abs(ops.demosaic(raw, pattern, ahd) - disk)[2:-2, 2:-2].mean()
    assert (
        ahd_error < 0.5 * np.abs(ops.demosaic(raw, pattern, ops.DemosaicAlgorithm.Bilinear) - disk)[2:-2, 2:-2].mean()
    )
    # Green at a red site is the row or the column Hamilton-Adams estimate (section III-A), or their mean.
    raw = np.random.default_rng(5).random((12, 12, 1)).astype(np.float32)
    got = ops.demosaic(raw, pattern, ahd)
    y, x = next((y, x) for y in range(4, 6) for x in range(4, 6) if pattern.name[2 * (y % 2) + x % 2] == "R")
    r = raw[..., 0].astype(np.float64)

    def hamilton_adams(g1: float, g2: float, c0: float, c1: float, c2: float) -> float:
        return float(np.clip((g1 + g2) / 2 + (2 * c0 - c1 - c2) / 4, min(g1, g2), max(g1, g2)))

    along_row = hamilton_adams(r[y, x - 1], r[y, x + 1], r[y, x], r[y, x - 2], r[y, x + 2])
    along_col = hamilton_adams(r[y - 1, x], r[y + 1, x], r[y, x], r[y - 2, x], r[y + 2, x])
    assert min(abs(got[y, x, 1] - g) for g in (along_row, along_col, (along_row + along_col) / 2)) < 1e-6


def _vng_scene(layout: str, noise: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A 48x56 scene of a hard edge and a disk over ramps (16-bit codes, channels correlated) and its mosaic."""
    yy, xx = np.mgrid[0:48, 0:56]
    lum = (xx > 20 + yy // 3) * 20000.0 + ((xx - 30) ** 2 + (yy - 22) ** 2 < 200) * 15000.0 + 5000 + 100 * xx
    scene = lum[..., None] * np.array([1.1, 1.0, 0.8]) + 200 * yy[..., None]
    scene += np.random.default_rng(len(layout) + noise).integers(0, noise + 1, scene.shape)
    return scene, _mosaic(scene, layout)[..., 0]


@pytest.mark.parametrize("pattern", list(ops.BayerPattern))
def test_vng_matches_libraw(pattern: ops.BayerPattern, tmp_path: Path) -> None:
    # LibRaw's vng_interpolate (dcraw's form) through rawpy, on a DNG of the same mosaic, raw colour, no scaling.
    import rawpy

    noise = np.random.default_rng(int(pattern)).integers(1000, 61000, (40, 48))
    for codes in (_vng_scene(pattern.name, noise=2000)[1], noise):
        cfa = codes.astype(np.uint16)
        path = write_dng(tmp_path / "vng.dng", cfa, pattern.name)
        with rawpy.imread(str(path)) as raw:
            want = raw.postprocess(
                demosaic_algorithm=rawpy.DemosaicAlgorithm.VNG, output_color=rawpy.ColorSpace.raw, **RAWPY_LINEAR
            )
        got = ops.demosaic(vfx_rs.Image(cfa[..., None].astype(np.float32), ["Y"]), pattern, ops.DemosaicAlgorithm.VNG)
        assert got.channel_names == ["R", "G", "B"] and got.numpy().dtype == np.float32
        # LibRaw writes 16-bit codes: it clips to 0..65535 and rounds its means down.
        np.testing.assert_allclose(np.clip(got.numpy(), 0, 65535), want, rtol=0, atol=ATOL_VNG_LIBRAW_CODES)


@pytest.mark.parametrize("pattern", list(ops.BayerPattern))
def test_vng_properties(pattern: ops.BayerPattern) -> None:
    vng = ops.DemosaicAlgorithm.VNG
    # A flat colour: every gradient is 0, every pixel gets the colour back exactly (the paper's flat case).
    flat = np.broadcast_to(np.array([0.3, 0.6, 0.2], np.float32), (20, 22, 3))
    np.testing.assert_array_equal(ops.demosaic(_mosaic(flat, pattern.name), pattern), flat)  # VNG by default
    scene, codes = _vng_scene(pattern.name)
    cfa = codes.astype(np.float32)
    got = ops.demosaic(cfa[..., None], pattern, vng)
    np.testing.assert_array_equal(_mosaic(got, pattern.name)[..., 0], cfa)  # the samples stay
    # Along edges VNG averages only the directions that do not cross them: less error than bilinear.
    inner = (slice(2, -2), slice(2, -2))
    vng_error = np.abs(got - scene)[inner].mean()
    assert vng_error < 0.6 * np.abs(ops.demosaic(cfa[..., None], pattern, "bilinear") - scene)[inner].mean()  # 0.45
    # Images smaller than the 5x5 neighbourhood keep the bilinear result.
    small = np.random.default_rng(1).random((4, 4, 1)).astype(np.float32)
    np.testing.assert_array_equal(ops.demosaic(small, pattern), ops.demosaic(small, pattern, "bilinear"))
