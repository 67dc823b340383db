"""vfx-rs-py patterns, neighbourhood filters, geometry and channel ops against OpenImageIO and SciPy (issue 21)."""

from __future__ import annotations

import math

import numpy as np
import OpenImageIO as oiio
import pytest
from scipy import ndimage

import vfx_rs
from tests.tolerances import ATOL_IBA_F32
from tests.vfx_rs.ops import oiio_ref
from vfx_rs import ops

IBA = oiio_ref.IBA
SRC = oiio_ref.smooth_image(11, 13, 3) * np.float32(2) - np.float32(0.3)


def test_patterns_match_imagebufalgo() -> None:
    got = ops.checker(13, 9, 4, 3, [0.1, 0.2, 0.3], [0.9, 0.8, 0.7, 0.5])
    want = IBA.checker(4, 3, 1, [0.1, 0.2, 0.3, 0.0], [0.9, 0.8, 0.7, 0.5], roi=oiio.ROI(0, 13, 0, 9, 0, 1, 0, 4))
    np.testing.assert_array_equal(got.numpy(), oiio_ref.pixels(want))
    assert ops.checker(8, 8).numpy()[0, 0].tolist() == [0, 0, 0, 1]
    np.testing.assert_array_equal(ops.zero(5, 4, 2).numpy(), np.zeros((4, 5, 2)))
    want = IBA.fill([0.5, 1.5, -1.0], roi=oiio.ROI(0, 5, 0, 4, 0, 1, 0, 3))
    np.testing.assert_array_equal(ops.fill(5, 4, [0.5, 1.5, -1.0]).numpy(), oiio_ref.pixels(want))
    assert ops.fill(SRC, 6, 6).shape == (6, 6, 3)  # the seed API's resize-to-cover form still works


@pytest.mark.parametrize("kind", ["uniform", "gaussian", "salt", "blue"])
def test_noise_distributions_and_seed(kind: str) -> None:
    a, b = {"uniform": (0.2, 0.6), "gaussian": (0.5, 0.1), "salt": (1.0, 0.25), "blue": (0.0, 1.0)}[kind]
    img = ops.noise(128, 128, 3, kind, a, b, seed=3).numpy().astype(np.float64)
    assert np.array_equal(img, ops.noise(128, 128, 3, kind, a, b, seed=3).numpy())
    if kind == "gaussian":
        assert abs(img.mean() - a) < 0.005 and abs(img.std() - b) < 0.005
    elif kind == "salt":
        assert set(np.unique(img)) <= {0.0, 1.0} and abs((img == 1).mean() - b) < 0.01
    else:
        assert a <= img.min() and img.max() < b and abs(img.mean() - (a + b) / 2) < 0.01
    if kind == "blue":  # less energy at low frequencies than white noise
        spectrum = np.abs(np.fft.fft2(img[..., 0] - img[..., 0].mean())) ** 2
        low = spectrum[:8, :8].mean()
        assert low < 0.5 * spectrum.mean()
    mono = ops.noise(16, 16, 3, kind, a, b, mono=True).numpy()
    assert np.array_equal(mono[..., 0], mono[..., 2])


@pytest.mark.parametrize("size", [3, 4, 5])
def test_morphology_matches_imagebufalgo(size: int) -> None:
    buf = oiio_ref.buf(SRC)
    np.testing.assert_array_equal(ops.dilate(SRC, size), oiio_ref.pixels(IBA.dilate(buf, size)))
    np.testing.assert_array_equal(ops.erode(SRC, size), oiio_ref.pixels(IBA.erode(buf, size)))
    opened = oiio_ref.pixels(IBA.dilate(IBA.erode(buf, size), size))
    np.testing.assert_array_equal(ops.morph_open(SRC, size), opened)
    closed = oiio_ref.pixels(IBA.erode(IBA.dilate(buf, size), size))
    np.testing.assert_array_equal(ops.morph_close(SRC, size), closed)


def test_edge_filters_and_box_blur_match_published_kernels() -> None:
    work = SRC.astype(np.float64)
    planes = [work[..., c] for c in range(work.shape[2])]  # SciPy's sobel on 2D planes (3D would mix channels)
    sobel = np.stack(
        [np.hypot(ndimage.sobel(p, 0, mode="nearest"), ndimage.sobel(p, 1, mode="nearest")) for p in planes], -1
    )
    np.testing.assert_allclose(ops.sobel(SRC), sobel, atol=ATOL_IBA_F32)
    laplace = np.stack([ndimage.laplace(p, mode="nearest") for p in planes], -1)
    np.testing.assert_allclose(ops.laplacian(SRC), laplace, atol=ATOL_IBA_F32)
    box = ndimage.uniform_filter(work, size=(5, 5, 1), mode="nearest")
    np.testing.assert_allclose(ops.box_blur(SRC, 5), box, atol=ATOL_IBA_F32)


@pytest.mark.parametrize(("name", "w", "h"), [("gaussian", 5, 5), ("gaussian", 4, 3.5), ("box", 3, 3),
                                              ("triangle", 4, 1), ("lanczos3", 6, 6), ("laplacian", 3, 3)])  # fmt: skip
def test_make_kernel_matches_imagebufalgo(name: str, w: float, h: float) -> None:
    want = oiio_ref.pixels(IBA.make_kernel(name, w, h))[..., 0]
    got = np.array(ops.make_kernel(name, w, h)).reshape(want.shape)
    np.testing.assert_allclose(got, want, atol=ATOL_IBA_F32)


def test_geometry_matches_imagebufalgo() -> None:
    buf = oiio_ref.buf(SRC)
    roi = oiio.ROI(0, 20, 0, 7, 0, 1, 0, 3)
    np.testing.assert_array_equal(ops.resample(SRC, 20, 7), oiio_ref.pixels(IBA.resample(buf, False, roi=roi)))
    shifted = oiio_ref.pixels(IBA.circular_shift(buf, 4, -2))
    np.testing.assert_array_equal(ops.circular_shift(SRC, 4, -2), shifted)
    for orientation in range(1, 9):
        spec_buf = oiio_ref.buf(SRC)
        spec_buf.specmod().attribute("Orientation", orientation)
        want = oiio_ref.pixels(IBA.reorient(spec_buf))
        img = vfx_rs.Image(SRC, metadata={"Orientation": orientation})
        np.testing.assert_array_equal(ops.reorient(SRC, orientation), want)
        out = ops.reorient_auto(img)
        np.testing.assert_array_equal(out.numpy(), want)
        assert out.metadata["Orientation"] == 1


def test_rotate_by_angle_against_imagebufalgo() -> None:
    # A smooth image away from the borders: OpenImageIO's filtered warp and bilinear sampling agree closely.
    src = oiio_ref.smooth_image(40, 40, 3)
    want = oiio_ref.pixels(IBA.rotate(oiio_ref.buf(src), math.radians(20), filtername="triangle", filterwidth=2))
    got = ops.rotate(src, math.radians(20))
    inner = np.s_[12:28, 12:28]
    np.testing.assert_allclose(got[inner], want[inner], atol=5e-3)
    np.testing.assert_allclose(ops.rotate(src, degrees=20), got)
    quarter = ops.rotate(src, math.pi / 2, ops.ResizeFilter.Nearest)
    np.testing.assert_array_equal(quarter, np.rot90(src, -1))  # positive turns clockwise on screen


def test_channel_ops_match_imagebufalgo() -> None:
    buf = oiio_ref.buf(SRC)
    want = oiio_ref.pixels(IBA.channels(buf, (2, 0, 1.0)))
    np.testing.assert_array_equal(ops.channels(SRC, [2, 0, -1], [0, 0, 1.0]), want)
    np.testing.assert_array_equal(ops.extract_channel(SRC, 1), SRC[..., 1:2])
    want = oiio_ref.pixels(IBA.channel_sum(buf, (0.2, 0.3, 0.5)))
    np.testing.assert_allclose(ops.channel_sum(SRC, [0.2, 0.3, 0.5]), want, atol=ATOL_IBA_F32)
    rgba = vfx_rs.Image(np.concatenate([SRC, SRC[..., :1]], axis=-1))
    both = ops.channel_append(rgba, rgba)
    assert both.channels == 8 and both.channel_names[4:] == ["R.1", "G.1", "B.1", "A.1"]
    img = np.zeros((3, 4, 3), np.float32)
    img[0, 0] = [1, 0, 0]
    img[1, :2] = [0, 0, 1]
    assert ops.color_count(img, [1, 0, 0, 0, 0, 1, 0, 0, 0]) == [1, 2, 9]
    assert ops.unique_color_count(img) == 3
    np.testing.assert_array_equal(ops.flatten(img), img)
