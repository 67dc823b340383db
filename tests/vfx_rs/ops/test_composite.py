"""vfx_rs.ops compositing: over/under against OpenImageIO's over, premult/unpremult against OpenImageIO,
the other Porter-Duff operators against their definitions in Porter & Duff (1984), table 1."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vfx_rs
from tests.tolerances import ATOL_FLOAT32_SUMS
from tests.vfx_rs.ops import oiio_ref
from vfx_rs.ops import BLEND_MODES, atop, blend, composite, in_, out_, over, premult, under, unpremult, xor


@pytest.fixture
def pair(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two premultiplied RGBA images with alpha 0, 1 and partial values."""
    images = []
    for _ in range(2):
        rgba = rng.random((19, 23, 4), dtype=np.float32)
        rgba[::5, :, 3] = 0.0
        rgba[1::5, :, 3] = 1.0
        rgba[..., :3] *= rgba[..., 3:]
        images.append(rgba)
    return images[0], images[1]


def test_over_matches_oiio(pair: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = pair
    expected = oiio_ref.pixels(oiio_ref.IBA.over(oiio_ref.buf(a), oiio_ref.buf(b)))
    np.testing.assert_allclose(over(a, b), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)
    np.testing.assert_allclose(under(b, a), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)


def test_over_into_an_existing_array(pair: tuple[np.ndarray, np.ndarray], rng: np.random.Generator) -> None:
    a, b = pair
    big_a, big_b = np.tile(a, (60, 60, 1)), np.tile(b, (60, 60, 1))  # large enough to run in threaded bands
    target = np.empty_like(big_a)
    assert over(big_a, big_b, out=target) is target
    expected = oiio_ref.pixels(oiio_ref.IBA.over(oiio_ref.buf(big_a), oiio_ref.buf(big_b)))
    np.testing.assert_allclose(target, expected, rtol=0, atol=ATOL_FLOAT32_SUMS)
    with pytest.raises(vfx_rs.ArgumentError, match="out must be"):
        over(a, b, out=np.empty((19, 23, 4), np.float64))


# Porter & Duff (1984), table 1, written out: result = A * Fa + B * Fb with alphas aA, aB.
DEFINITIONS = {
    "over": lambda aA, aB: (1, 1 - aA),
    "under": lambda aA, aB: (1 - aB, 1),
    "in": lambda aA, aB: (aB, 0),
    "out": lambda aA, aB: (1 - aB, 0),
    "atop": lambda aA, aB: (aB, 1 - aA),
    "xor": lambda aA, aB: (1 - aB, 1 - aA),
}


@pytest.mark.parametrize("name", sorted(DEFINITIONS))
def test_porter_duff_operators(name: str, pair: tuple[np.ndarray, np.ndarray]) -> None:
    a, b = (x.astype(np.float64) for x in pair)
    fa, fb = DEFINITIONS[name](a[..., 3:], b[..., 3:])
    expected = a * fa + b * fb
    named = {"over": over, "under": under, "in": in_, "out": out_, "atop": atop, "xor": xor}[name]
    np.testing.assert_allclose(named(*pair), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)
    np.testing.assert_allclose(composite(*pair, operator=name.upper()), expected, rtol=0, atol=ATOL_FLOAT32_SUMS)


def test_rgb_background_is_opaque(pair: tuple[np.ndarray, np.ndarray]) -> None:
    fg, bg = pair
    plate = vfx_rs.Image(bg[..., :3].copy())
    result = over(vfx_rs.Image(fg), plate)
    assert result.channel_names == ["R", "G", "B", "A"]
    expected = fg[..., :3] + bg[..., :3] * (1 - fg[..., 3:])
    np.testing.assert_allclose(result.numpy()[..., :3], expected, atol=ATOL_FLOAT32_SUMS)
    np.testing.assert_array_equal(result.numpy()[..., 3], 1.0)
    np.testing.assert_allclose(in_(fg, plate), fg, atol=0)  # inside an opaque matte: unchanged


def test_named_layer_channels_and_alpha_position() -> None:
    fg = vfx_rs.Image(np.array([[[0.5, 0.25]]], np.float32), ["diffuse.A", "diffuse.Y"])
    bg = vfx_rs.Image(np.array([[[1.0, 1.0]]], np.float32), ["diffuse.Y", "diffuse.A"])
    result = over(fg, bg)
    assert result.channel_names == ["diffuse.Y", "diffuse.A"]
    np.testing.assert_allclose(result.numpy()[0, 0], [0.25 + 0.5, 1.0])


def test_premult_and_unpremult_match_oiio(pair: tuple[np.ndarray, np.ndarray]) -> None:
    straight = pair[0].copy()
    straight[..., :3] = np.random.default_rng(3).random(straight[..., :3].shape, dtype=np.float32)
    expected = oiio_ref.pixels(oiio_ref.IBA.premult(oiio_ref.buf(straight)))
    np.testing.assert_array_equal(premult(straight), expected)
    expected = oiio_ref.pixels(oiio_ref.IBA.unpremult(oiio_ref.buf(expected)))
    ours = unpremult(premult(straight))
    np.testing.assert_allclose(ours, expected, rtol=1e-6, atol=0)
    zero_alpha = straight[..., 3] == 0
    assert zero_alpha.any() and np.all(ours[zero_alpha][:, :3] == 0)  # alpha 0: no division, no NaN
    assert np.isfinite(ours).all()


def test_images_without_alpha_pass_through_premult() -> None:
    rgb = np.full((2, 2, 3), 0.5, np.float32)
    np.testing.assert_array_equal(premult(rgb), rgb)
    np.testing.assert_array_equal(unpremult(rgb), rgb)


@pytest.mark.parametrize(
    ("a", "b", "match"),
    [
        (np.zeros((4, 4, 4)), np.zeros((4, 5, 4)), "same size"),
        (np.zeros((4, 4, 4)), np.zeros((4, 4, 2)), "same colour channels"),
    ],
)
def test_mismatched_images_raise(a: np.ndarray, b: np.ndarray, match: str) -> None:
    with pytest.raises(vfx_rs.ArgumentError, match=match):
        over(a.astype(np.float32), b.astype(np.float32))


def test_unknown_operator_raises(pair: tuple[np.ndarray, np.ndarray]) -> None:
    with pytest.raises(vfx_rs.ArgumentError, match="atop"):
        composite(*pair, operator="plus")


@settings(max_examples=40, deadline=None)
@given(
    size=st.tuples(st.integers(1, 9), st.integers(1, 300)),
    channels=st.sampled_from([1, 2, 3, 4]),
    operator=st.sampled_from(sorted(DEFINITIONS)),
    mode=st.sampled_from(sorted(BLEND_MODES)),
)
def test_any_shape_and_channel_count_composites(size: tuple[int, int], channels: int, operator: str, mode: str) -> None:
    # Default names: Y, YA, RGB, RGBA; one- and three-channel images have no alpha and are opaque.
    a = np.full((*size, channels), 0.5, np.float32)
    b = np.full((*size, channels), 0.25, np.float32)
    for result in (composite(a, b, operator), blend(a, b, mode, opacity=0.5)):
        assert result.shape == a.shape and result.dtype == np.float32 and np.isfinite(result).all()


def test_integer_and_half_inputs_are_normalised() -> None:
    a = np.full((2, 2, 4), 255, np.uint8)
    b = np.zeros((2, 2, 4), np.float16)
    np.testing.assert_array_equal(over(a, b), np.ones((2, 2, 4), np.float32))
