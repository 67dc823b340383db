"""vfx-rs-py colour ops (vfx_rs.ops.colorops) against OpenImageIO's ImageBufAlgo and colour-science (issue 21)."""

from __future__ import annotations

import colour
import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_IBA_F32, RTOL_IBA_LOG, RTOL_TRANSFER
from tests.vfx_rs.ops import oiio_ref
from vfx_rs import ops

IBA = oiio_ref.IBA


def sample() -> np.ndarray:
    rng = np.random.default_rng(7)
    rgba = (rng.random((5, 9, 4)) * 4 - 0.5).astype(np.float32)
    rgba[..., 3] = rng.random((5, 9))
    rgba[0, 0, 3] = 0.0
    return rgba


def test_srgb_curves_match_colour_science() -> None:
    a = np.abs(sample())
    enc = ops.linear_to_srgb(vfx_rs.Image(a)).numpy()
    np.testing.assert_allclose(enc[..., :3], colour.models.eotf_inverse_sRGB(a[..., :3].astype(np.float64)),
                               rtol=RTOL_TRANSFER, atol=1e-7)  # fmt: skip
    np.testing.assert_array_equal(enc[..., 3], a[..., 3])  # alpha untouched
    dec = ops.srgb_to_linear(enc)
    np.testing.assert_allclose(dec[..., :3], colour.models.eotf_sRGB(enc[..., :3].astype(np.float64)),
                               rtol=RTOL_TRANSFER, atol=1e-7)  # fmt: skip


@pytest.mark.parametrize("use_luma", [False, True])
def test_rangecompress_and_expand_match_imagebufalgo(use_luma: bool) -> None:
    a = sample()
    got = ops.rangecompress(a, use_luma)
    want = oiio_ref.pixels(IBA.rangecompress(oiio_ref.buf(a), use_luma))
    np.testing.assert_allclose(got, want, rtol=RTOL_IBA_LOG, atol=ATOL_IBA_F32)
    back = ops.rangeexpand(got, use_luma)
    want_back = oiio_ref.pixels(IBA.rangeexpand(oiio_ref.buf(got), use_luma))
    np.testing.assert_allclose(back, want_back, rtol=RTOL_IBA_LOG, atol=ATOL_IBA_F32)
    if not use_luma:
        np.testing.assert_allclose(back, a, rtol=RTOL_IBA_LOG, atol=ATOL_IBA_F32)


def test_colormatrixtransform_matches_imagebufalgo() -> None:
    a = sample()
    m = [0.9, 0.1, 0.0, 0.0, 0.2, 0.7, 0.1, 0.0, 0.0, 0.3, 0.6, 0.0, 0.05, -0.02, 0.01, 1.0]
    for unpremult in (False, True):
        want = oiio_ref.pixels(IBA.colormatrixtransform(oiio_ref.buf(a), m, unpremult))
        np.testing.assert_allclose(ops.colormatrixtransform(a, m, unpremult), want, atol=ATOL_IBA_F32)
    rgb = a[..., :3].copy()
    want = oiio_ref.pixels(IBA.colormatrixtransform(oiio_ref.buf(rgb), m))
    np.testing.assert_allclose(ops.colormatrixtransform(rgb, np.reshape(m, (4, 4))), want, atol=ATOL_IBA_F32)


def test_saturate_and_contrast_remap_match_imagebufalgo() -> None:
    a = sample()
    b = oiio_ref.buf(a)
    for scale in (0.0, 0.5, 1.7):
        np.testing.assert_allclose(ops.saturate(a, scale), oiio_ref.pixels(IBA.saturate(b, scale)), atol=ATOL_IBA_F32)
    cases = [
        ((0.1, 0.9, 0.0, 1.0, 1.0, 0.5), {}),
        ((0.0, 1.0, 0.2, 0.8, 5.0, 0.4), {}),
        (([0, 0.1, 0.2, 0], [1, 2, 3, 1], 0.0, 1.0, 1.0, 0.5), {}),
    ]
    for args, _ in cases:
        want = oiio_ref.pixels(IBA.contrast_remap(b, *args))
        np.testing.assert_allclose(ops.contrast_remap(a, *args), want, rtol=RTOL_IBA_LOG, atol=ATOL_IBA_F32)


@pytest.mark.parametrize("name", ["inferno", "viridis", "magma", "plasma", "turbo", "blue-red", "spectrum", "heat"])
def test_color_map_matches_imagebufalgo(name: str) -> None:
    a = sample()
    member = {"blue-red": "BlueRed"}.get(name, name.capitalize())
    want = oiio_ref.pixels(IBA.color_map(oiio_ref.buf(a), -1, name))
    got = ops.color_map(vfx_rs.Image(a), map_name=getattr(ops.ColorMapName, member))
    assert got.channel_names == ["R", "G", "B"]
    np.testing.assert_allclose(got.numpy(), want, atol=ATOL_IBA_F32)
    want1 = oiio_ref.pixels(IBA.color_map(oiio_ref.buf(a), 1, name))
    np.testing.assert_allclose(ops.color_map(a, 1, name), want1, atol=ATOL_IBA_F32)


def test_color_map_with_own_knots_and_errors() -> None:
    ramp = np.linspace(0, 1, 5, dtype=np.float32).reshape(1, 5, 1)
    out = ops.color_map(ramp, 0, knots=[[0, 0, 0], [1, 0.5, 0]])
    np.testing.assert_allclose(out[0, :, 1], [0, 0.125, 0.25, 0.375, 0.5])
    with pytest.raises(vfx_rs.ArgumentError, match="colour map"):
        ops.color_map(ramp, 0, "rainbowz")
    with pytest.raises(vfx_rs.ArgumentError, match="16 numbers"):
        ops.colormatrixtransform(ramp, [1, 2, 3])


def test_repremult_and_roi_on_compositing_match_imagebufalgo() -> None:
    a = np.abs(sample())
    a[1, 1, 3] = 0.0
    want = oiio_ref.pixels(IBA.repremult(oiio_ref.buf(a)))
    np.testing.assert_allclose(ops.repremult(vfx_rs.Image(a)).numpy(), want, atol=ATOL_IBA_F32)
    b = np.abs(sample()[::-1]).copy()
    roi = vfx_rs.Roi3D(2, 6, 1, 4)
    want = oiio_ref.pixels(IBA.over(oiio_ref.buf(a), oiio_ref.buf(b)))[1:4, 2:6]
    np.testing.assert_allclose(ops.over(a, b, roi), want, atol=ATOL_IBA_F32)
