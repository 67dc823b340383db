"""vfx_rs.ops.blur, unsharp_mask, sharpen, median against OpenImageIO convolve/unsharp_mask/median_filter,
SciPy's ndimage filters, and closed forms (a blur preserves the sum; a box blur of a constant is the constant)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import ndimage

import vfx_rs
from tests.tolerances import ATOL_FLOAT32_SUMS
from tests.vfx_rs.ops import oiio_ref
from vfx_rs.ops import blur, blur_kernel, median, sharpen, unsharp_mask

SCIPY_MODE = {"clamp": "nearest", "black": "constant", "mirror": "reflect", "wrap": "wrap"}


def _oiio_convolve(data: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """OpenImageIO's convolve (clamped edges) with a centred 2D kernel image."""
    kh, kw = kernel.shape
    k = oiio_ref.buf(kernel[:, :, np.newaxis].astype(np.float32), origin=(-(kw // 2), -(kh // 2)))
    return oiio_ref.pixels(oiio_ref.IBA.convolve(oiio_ref.buf(data), k))


@pytest.mark.parametrize("radius", [1, 2.5, 4])
def test_gaussian_radius_is_oiio_make_kernel(radius: float, rng: np.random.Generator) -> None:
    data = rng.random((29, 34, 3), dtype=np.float32)
    kernel = oiio_ref.pixels(oiio_ref.IBA.make_kernel("gaussian", 2 * radius, 2 * radius))[..., 0]
    expected = _oiio_convolve(data, kernel)
    np.testing.assert_allclose(blur(data, radius=radius), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)


@pytest.mark.parametrize("sigma", [0.7, 2.0, 5.0])
def test_gaussian_sigma_matches_scipy_and_oiio(sigma: float, rng: np.random.Generator) -> None:
    data = rng.random((37, 45, 4), dtype=np.float32)
    ours = blur(data, sigma=sigma)
    scipy_result = ndimage.gaussian_filter(data.astype(np.float64), sigma=(sigma, sigma, 0), mode="nearest")
    np.testing.assert_allclose(ours, scipy_result, rtol=0, atol=ATOL_FLOAT32_SUMS)
    # The same blur through OpenImageIO's convolve, with the kernel written from the gaussian's formula here.
    reach = int(4 * sigma + 0.5)
    x = np.arange(-reach, reach + 1)
    g = np.exp(-(x**2) / (2 * sigma**2))
    expected = _oiio_convolve(data, np.outer(g, g) / np.outer(g, g).sum())
    np.testing.assert_allclose(ours, expected, rtol=0, atol=ATOL_FLOAT32_SUMS)


@pytest.mark.parametrize("radius", [1, 3])
def test_box_matches_oiio_box_kernel(radius: int, rng: np.random.Generator) -> None:
    data = rng.random((23, 31, 2), dtype=np.float32)
    kernel = oiio_ref.pixels(oiio_ref.IBA.make_kernel("box", 2 * radius + 1, 2 * radius + 1))[..., 0]
    expected = _oiio_convolve(data, kernel)
    np.testing.assert_allclose(blur(data, radius, type="box"), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)


@pytest.mark.parametrize("edge", sorted(SCIPY_MODE))
def test_edge_modes_match_scipy(edge: str, rng: np.random.Generator) -> None:
    data = rng.random((9, 14, 1), dtype=np.float32)
    ours = blur(data, sigma=3.0, edge=edge)  # reach 12: wider than the image, so edges wrap/reflect repeatedly
    expected = ndimage.gaussian_filter(data.astype(np.float64), (3.0, 3.0, 0), mode=SCIPY_MODE[edge])
    np.testing.assert_allclose(ours, expected, rtol=0, atol=ATOL_FLOAT32_SUMS)


def test_box_blur_of_a_constant_is_the_constant() -> None:
    out = blur(np.full((20, 30, 3), 0.7, np.float32), 5, type="box")
    np.testing.assert_allclose(out, 0.7, rtol=0, atol=ATOL_FLOAT32_SUMS)


def test_gaussian_blur_preserves_the_sum(rng: np.random.Generator) -> None:
    data = rng.random((40, 50, 2), dtype=np.float32)
    wrapped = blur(data, sigma=4.0, edge="wrap")  # periodic: every pixel's weight lands inside the image
    np.testing.assert_allclose(
        wrapped.sum(axis=(0, 1), dtype=np.float64), data.sum(axis=(0, 1), dtype=np.float64), rtol=1e-6
    )
    blob = np.zeros((60, 60, 1), np.float32)
    blob[25:35, 20:40] = rng.random((10, 20, 1), dtype=np.float32)
    clamped = blur(blob, radius=8)  # far from the edges, clamping adds nothing
    assert np.isclose(clamped.sum(dtype=np.float64), blob.sum(dtype=np.float64), rtol=1e-6)


def test_nan_spreads_only_within_the_kernel() -> None:
    data = np.zeros((30, 30, 1), np.float32)
    data[15, 15] = np.nan
    out = blur(data, radius=4)  # taps |x| < 4: reach 3
    assert np.isnan(out[12:19, 12:19]).all()
    assert np.isfinite(out).sum() == 30 * 30 - 49 and np.all(out[np.isfinite(out)] == 0)


@pytest.mark.parametrize(("radius", "amount", "threshold"), [(2, 1.0, 0.0), (4, 0.5, 0.05)])
def test_unsharp_mask_matches_oiio(radius: float, amount: float, threshold: float, rng: np.random.Generator) -> None:
    data = rng.random((25, 33, 3), dtype=np.float32)
    expected = oiio_ref.pixels(oiio_ref.IBA.unsharp_mask(oiio_ref.buf(data), "gaussian", 2 * radius, amount, threshold))
    ours = unsharp_mask(data, radius=radius, amount=amount, threshold=threshold)
    np.testing.assert_allclose(ours, expected, rtol=0, atol=ATOL_FLOAT32_SUMS)


def test_sharpen_is_unsharp_mask_without_threshold(ramp_rgb: np.ndarray) -> None:
    blurred = blur(ramp_rgb, sigma=1.5)
    np.testing.assert_allclose(sharpen(ramp_rgb, 2.0, 1.5), ramp_rgb + 2 * (ramp_rgb - blurred), atol=ATOL_FLOAT32_SUMS)


@pytest.mark.parametrize("size", [3, 5])
def test_median_matches_oiio_inside_and_clamped_windows_at_edges(size: int, rng: np.random.Generator) -> None:
    data = rng.random((21, 26, 3), dtype=np.float32)
    ours = median(data, size)
    # OIIO takes the median of the pixels that exist (a smaller window at the edges); inside they agree.
    expected = oiio_ref.pixels(oiio_ref.IBA.median_filter(oiio_ref.buf(data), size, size))
    r = size // 2
    np.testing.assert_array_equal(ours[r:-r, r:-r], expected[r:-r, r:-r])
    # Everywhere: the middle value of the size x size window over edge-repeated pixels (clamp).
    padded = np.pad(data, ((r, r), (r, r), (0, 0)), mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, (size, size), axis=(0, 1))
    np.testing.assert_array_equal(ours, np.median(windows, axis=(-2, -1)))


def test_straight_alpha_and_metadata() -> None:
    rgba = np.zeros((9, 9, 4), np.float32)
    rgba[..., :3] = 5.0  # colour under zero alpha
    rgba[4, 4] = [0.2, 0.4, 0.6, 1.0]
    img = vfx_rs.Image(rgba, metadata={"shot": "A"})
    out = img.blur(radius=3, premultiplied=False)
    np.testing.assert_allclose(out.numpy()[4, 4, :3], [0.2, 0.4, 0.6], atol=ATOL_FLOAT32_SUMS)
    assert out.metadata == {"shot": "A"} and out.channel_names == ["R", "G", "B", "A"]


def test_default_is_sigma_one_as_vfx_rs_py() -> None:
    data = np.random.default_rng(3).random((9, 9, 3)).astype(np.float32)
    np.testing.assert_array_equal(blur(data), blur(data, sigma=1.0))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"type": "box"},
        {"radius": -1},
        {"sigma": np.inf},
        {"radius": 2, "type": "disk"},
        {"sigma": 2, "type": "box"},
        {"radius": 2, "edge": "repeat"},
    ],
)
def test_bad_arguments_raise(kwargs: dict) -> None:
    with pytest.raises(vfx_rs.ArgumentError):
        blur(np.zeros((4, 4), np.float32), **kwargs)
    with pytest.raises(vfx_rs.ArgumentError):
        median(np.zeros((4, 4), np.float32), 0)
    with pytest.raises(vfx_rs.ArgumentError):
        unsharp_mask(np.zeros((4, 4), np.float32), amount=np.nan)


def test_kernel_rule() -> None:
    assert len(blur_kernel(radius=5)) == 9 and len(blur_kernel(sigma=1.0)) == 9  # |x| < 5; int(4 + 0.5) = 4
    assert blur_kernel(radius=0).tolist() == [1.0] and blur_kernel(sigma=0).tolist() == [1.0]
    k = blur_kernel(radius=6, sigma=1.0)
    assert len(k) == 11 and np.isclose(k[5] / k[6], np.exp(0.5))


@settings(max_examples=40, deadline=None)
@given(
    shape=st.tuples(st.integers(1, 30), st.integers(1, 30), st.integers(1, 5)),
    sigma=st.floats(0.0, 8.0),
    edge=st.sampled_from(sorted(SCIPY_MODE)),
)
def test_any_shape_blurs_without_error(shape: tuple[int, int, int], sigma: float, edge: str) -> None:
    out = blur(np.full(shape, 0.5, np.float32), sigma=sigma, edge=edge)
    assert out.shape == shape and out.dtype == np.float32
    bound = 0.5 if edge != "black" else 0.0
    assert np.all(out <= 0.5 + ATOL_FLOAT32_SUMS) and np.all(out >= bound - ATOL_FLOAT32_SUMS)
