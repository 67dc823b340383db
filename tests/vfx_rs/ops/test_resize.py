"""vfx_rs.ops.resize, fit, fill against OpenImageIO's ImageBufAlgo.resize/fit/resample, and closed forms.

Two facts about the oracle shape the cases:

- Box and gaussian kernels jump at their support edge. When a tap lands exactly on the edge, the result
  depends on rounding; vfx_rs computes that offset exactly (integer ratio), OIIO in float32. Odd source and
  target sizes never put a tap on the edge (the offset is an odd multiple of 1/(2 max(n_in, n_out))), so the
  box/gaussian cases use odd sizes.
- OIIO sizes its vertical tap window from the horizontal filter width (``radj = ceil(width_x / 2 / yratio)``
  in ``resize_``), which cuts the vertical kernel short when the image is magnified more in y than in x.
  Cases that magnify in y are checked through the transposed image, where OIIO magnifies in x.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vfx_rs
from tests.tolerances import ATOL_FLOAT32_SUMS, ATOL_RESIZE_OIIO
from tests.vfx_rs.ops import oiio_ref
from vfx_rs.ops import fill, fit, resize
from vfx_rs.ops.filters import FILTERS

# (source h, w) -> (target h, w): minify both, magnify x only, mixed minify x / magnify y.
SIZES = [((97, 131), (57, 41)), ((33, 25), (31, 77)), ((45, 71), (17, 23))]
MAGNIFY_Y = [((25, 33), (77, 31))]


@pytest.mark.parametrize("name", sorted(FILTERS))
@pytest.mark.parametrize(("src", "dst"), SIZES)
def test_resize_matches_oiio(name: str, src: tuple[int, int], dst: tuple[int, int], rng: np.random.Generator) -> None:
    for data in (oiio_ref.smooth_image(*src, 3), rng.random((*src, 4), dtype=np.float32)):
        ours = resize(data, dst[1], dst[0], filter=name)
        expected = oiio_ref.resize(data, dst[1], dst[0], name)
        np.testing.assert_allclose(ours, expected, rtol=0, atol=ATOL_RESIZE_OIIO)


@pytest.mark.parametrize("name", ["lanczos3", "catmull-rom", "mitchell", "gaussian"])
@pytest.mark.parametrize(("src", "dst"), MAGNIFY_Y)
def test_resize_magnifying_y_matches_oiio_on_the_transpose(
    name: str, src: tuple[int, int], dst: tuple[int, int]
) -> None:
    data = oiio_ref.smooth_image(*src, 2)
    ours = resize(data, dst[1], dst[0], filter=name)
    expected = oiio_ref.resize(np.ascontiguousarray(data.transpose(1, 0, 2)), dst[0], dst[1], name)
    np.testing.assert_allclose(ours, expected.transpose(1, 0, 2), rtol=0, atol=ATOL_RESIZE_OIIO)


def test_nearest_matches_oiio_resample(rng: np.random.Generator) -> None:
    data = rng.random((23, 37, 3), dtype=np.float32)
    for w, h in [(11, 9), (80, 50), (37, 5)]:
        roi = oiio_ref.oiio.ROI(0, w, 0, h, 0, 1, 0, 3)
        expected = oiio_ref.pixels(oiio_ref.IBA.resample(oiio_ref.buf(data), interpolate=False, roi=roi))
        np.testing.assert_array_equal(resize(data, w, h, filter="nearest"), expected)


def test_non_finite_values_spread_only_under_the_filter(rng: np.random.Generator) -> None:
    data = rng.random((41, 53, 3), dtype=np.float32)
    data[10, 12, 0] = np.nan
    data[30, 40, 1] = np.inf
    ours = resize(data, 23, 19, filter="lanczos3")
    expected = oiio_ref.resize(data, 23, 19, "lanczos3")
    assert np.isnan(ours).sum() > 0 and np.isfinite(ours).mean() > 0.9
    np.testing.assert_array_equal(np.isfinite(ours), np.isfinite(expected))
    np.testing.assert_allclose(ours, expected, rtol=0, atol=ATOL_RESIZE_OIIO)


def test_minifying_does_not_alias() -> None:
    # A one-pixel checkerboard (the highest frequency) shrunk 4x must come out flat grey, not a new pattern.
    y, x = np.mgrid[0:64, 0:64]
    checker = ((x + y) % 2).astype(np.float32)
    out = resize(checker, 16, 16, filter="lanczos3")
    assert np.abs(out[3:-3, 3:-3] - 0.5).max() < 1e-6  # clamped edges break the pattern's symmetry near the border
    assert np.abs(out - 0.5).max() < 0.011
    assert np.abs(resize(checker, 16, 16, filter="nearest") - 0.5).max() == 0.5  # what aliasing looks like


def test_triangle_magnification_is_linear_interpolation() -> None:
    ramp = np.arange(8, dtype=np.float32).reshape(1, 8)
    out = resize(ramp, 16, 1, filter="bilinear")[0, :, 0]
    centres = (np.arange(16) + 0.5) / 2 - 0.5  # output pixel centres in source pixel indices
    np.testing.assert_allclose(out, np.clip(centres, 0, 7), atol=ATOL_FLOAT32_SUMS)


@pytest.mark.parametrize("name", [*sorted(FILTERS), "nearest"])
def test_constant_stays_constant(name: str) -> None:
    out = resize(np.full((13, 17, 2), 0.3, np.float32), 40, 5, filter=name)
    np.testing.assert_allclose(out, 0.3, rtol=0, atol=ATOL_FLOAT32_SUMS)


def test_straight_alpha_is_premultiplied_for_filtering(rng: np.random.Generator) -> None:
    rgba = rng.random((21, 27, 4), dtype=np.float32)
    rgba[:, :10, 3] = 0.0
    rgba[:, :10, :3] = 100.0  # colour under zero alpha must not bleed
    premultiplied = rgba.copy()
    premultiplied[..., :3] *= rgba[..., 3:]
    filtered = oiio_ref.resize(premultiplied, 13, 11, "lanczos3")
    ours = resize(vfx_rs.Image(rgba), 13, 11, premultiplied=False).numpy()
    # Dividing by the small alpha at the transparent edge amplifies rounding, so compare premultiplied again.
    np.testing.assert_allclose(ours[..., 3], filtered[..., 3], rtol=0, atol=ATOL_RESIZE_OIIO)
    np.testing.assert_allclose(ours[..., :3] * ours[..., 3:], filtered[..., :3], rtol=0, atol=ATOL_RESIZE_OIIO)
    assert np.all(ours[:, :2, :3] == 0)  # fully transparent output: no colour bled in from under zero alpha


def test_image_keeps_names_format_and_metadata() -> None:
    img = vfx_rs.Image(np.zeros((8, 8, 2), np.float32), ["Y", "Z"], format="f16", metadata={"owner": "me"})
    out = img.resize(4)
    assert (out.shape, out.channel_names, out.format, out.metadata["owner"]) == ((4, 4, 2), ["Y", "Z"], "f16", "me")
    assert isinstance(resize(np.zeros((8, 8)), scale=0.5), np.ndarray)


def test_size_arguments() -> None:
    img = np.zeros((100, 200, 3), np.float32)
    assert resize(img, width=50).shape == (25, 50, 3)
    assert resize(img, height=10).shape == (10, 20, 3)
    assert resize(img, scale=0.5).shape == (50, 100, 3)
    assert resize(img, scale=(2, 0.1)).shape == (10, 400, 3)
    assert resize(img, scale=0.001).shape == (1, 1, 3)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({}, vfx_rs.ArgumentError),
        ({"width": 10, "scale": 0.5}, vfx_rs.ArgumentError),
        ({"width": 0}, vfx_rs.ArgumentError),
        ({"width": 10.5}, vfx_rs.ArgumentError),
        ({"width": -3}, vfx_rs.ArgumentError),
        ({"scale": np.nan}, vfx_rs.ArgumentError),
        ({"width": 10**6, "height": 10**6}, vfx_rs.ArgumentError),
        ({"width": 10, "filter": "sinc9"}, vfx_rs.NotFoundError),
    ],
)
def test_bad_arguments_raise(kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        resize(np.zeros((4, 4, 3), np.float32), **kwargs)


def test_fit_matches_oiio_letterbox(rng: np.random.Generator) -> None:
    data = rng.random((31, 57, 3), dtype=np.float32)
    for w, h in [(41, 41), (21, 61)]:
        result = oiio_ref.IBA.fit(
            oiio_ref.buf(data), filtername="lanczos3", roi=oiio_ref.oiio.ROI(0, w, 0, h, 0, 1, 0, 3)
        )
        (x0, y0, x1, y1), _ = oiio_ref.windows(result)
        expected = np.zeros((h, w, 3), np.float32)
        expected[y0 : y1 + 1, x0 : x1 + 1] = oiio_ref.pixels(result)
        np.testing.assert_allclose(fit(data, w, h), expected, rtol=0, atol=ATOL_RESIZE_OIIO)


def test_fill_covers_and_crops_the_centre(rng: np.random.Generator) -> None:
    data = rng.random((31, 57, 3), dtype=np.float32)
    covered = oiio_ref.resize(data, 41, 22, "lanczos3")  # height 22 = round(41 * 31 / 57)
    np.testing.assert_allclose(fill(data, 41, 11), covered[5:16], rtol=0, atol=ATOL_RESIZE_OIIO)
    assert fill(vfx_rs.Image(data), 7, 30).shape == (30, 7, 3)


@settings(max_examples=60, deadline=None)
@given(
    src=st.tuples(st.integers(1, 40), st.integers(1, 40), st.integers(1, 5)),
    dst=st.tuples(st.integers(1, 300), st.integers(1, 3)),
    name=st.sampled_from([*sorted(FILTERS), "nearest"]),
)
def test_any_shape_resizes_without_error(src: tuple[int, int, int], dst: tuple[int, int], name: str) -> None:
    data = np.full(src, 0.25, np.float32)
    out = resize(data, dst[0], dst[1], filter=name)
    assert out.shape == (dst[1], dst[0], src[2]) and out.dtype == np.float32
    np.testing.assert_allclose(out, 0.25, atol=ATOL_FLOAT32_SUMS)


def test_extreme_aspect_and_input_dtypes() -> None:
    strip = np.linspace(0, 1, 5000, dtype=np.float32).reshape(1, 5000)
    assert resize(strip, 50, 1).shape == (1, 50, 1)
    assert resize(strip, 5000, 40, filter="mitchell").shape == (40, 5000, 1)
    out = resize(np.full((4, 4, 3), 255, np.uint8), 2, 2)
    assert out.dtype == np.float32 and np.allclose(out, 1.0)
    assert resize(np.ones((3, 3), np.float64), 1, 1).dtype == np.float32
    with pytest.raises(vfx_rs.ArgumentError, match="dtype"):
        resize(np.ones((3, 3), np.int64), 2, 2)
    with pytest.raises(vfx_rs.ArgumentError, match="shape"):
        resize(np.ones((3, 3, 3, 3), np.float32), 2, 2)
