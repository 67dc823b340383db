"""The display pipeline: its NumPy result against published formulas, its GLSL against its NumPy result."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np
import pytest

from tests.tolerances import ATOL_GLSL_VS_NUMPY, RTOL_DISPLAY_CHAIN_F32
from vfx_rs.image import Image
from vfxview.display import DISPLAYS, LUMA_709, apply_display, display_pipeline, grade_pipeline
from vfxview.state import CHANNELS, DisplaySettings

GRADES = [
    DisplaySettings(),
    DisplaySettings(exposure=1.5, gamma=2.2, slope=(1.2, 0.9, 1.1), offset=(0.01, -0.02, 0.0), saturation=0.7),
    DisplaySettings(exposure=-2.0, gamma=0.8, saturation=1.4),
]


def _reference(rgb: np.ndarray, s: DisplaySettings) -> np.ndarray:
    """Independent float64 model: exposure, ASC CDL v1.2 slope/offset and saturation, channel, sRGB, gamma."""
    import colour

    x = rgb.astype(np.float64) * 2.0**s.exposure
    x = x * np.array(s.slope) + np.array(s.offset)
    luma = x @ np.array([0.2126, 0.7152, 0.0722])
    x = luma[:, None] + s.saturation * (x - luma[:, None])
    if s.channel in "RGB" and s.channel != "RGB":
        x = np.repeat(x[:, "RGB".index(s.channel)][:, None], 3, axis=1)
    elif s.channel == "Y":
        x = np.repeat((x @ np.array([0.2126, 0.7152, 0.0722]))[:, None], 3, axis=1)
    if s.display == "sRGB" and s.view == "Standard":
        x = np.sign(x) * colour.models.eotf_inverse_sRGB(np.abs(x))
    return np.sign(x) * np.abs(x) ** (1.0 / s.gamma)


@pytest.fixture
def values(rng: np.random.Generator) -> np.ndarray:
    """Scene-linear values spanning shadows to highlights, plus exact zeros and negatives."""
    v = np.exp(rng.uniform(-8.0, 3.0, size=(600, 3))).astype(np.float32)
    v[:10] = 0.0
    v[10:20] *= -0.01
    return v


@pytest.mark.parametrize("settings", GRADES)
@pytest.mark.parametrize("display_view", [(d, v) for d, views in DISPLAYS.items() for v in views])
@pytest.mark.parametrize("channel", ["RGB", "R", "Y"])
def test_numpy_display_matches_published_formulas(values, settings, display_view, channel):
    from dataclasses import replace

    s = replace(settings, display=display_view[0], view=display_view[1], channel=channel)
    got = display_pipeline(s).applied(values)
    np.testing.assert_allclose(got, _reference(values, s), rtol=RTOL_DISPLAY_CHAIN_F32, atol=RTOL_DISPLAY_CHAIN_F32)


def test_luma_weights_are_rec709():
    import colour

    kr, kb = colour.WEIGHTS_YCBCR["ITU-R BT.709"]
    np.testing.assert_allclose(LUMA_709, [kr, 1.0 - kr - kb, kb], rtol=1e-12)


@pytest.fixture(scope="module")
def context(qapp) -> Iterator[object]:
    from tests.gl_harness import make_context

    yield from make_context()


@pytest.mark.gl
@pytest.mark.parametrize("settings", GRADES)
def test_preview_parity_every_display_view_and_channel(context, values, settings):
    """The generated GLSL, rendered by llvmpipe into a float framebuffer, matches the NumPy core."""
    from dataclasses import replace

    from tests.gl_harness import render_pipeline

    worst = 0.0
    for (display, views), channel in itertools.product(DISPLAYS.items(), [c for c in CHANNELS if c != "A"]):
        for view in views:
            s = replace(settings, display=display, view=view, channel=channel)
            pipeline = display_pipeline(s)
            gpu = render_pipeline(pipeline.glsl(), values)
            cpu = pipeline.applied(values)
            worst = max(worst, float(np.max(np.abs(gpu - cpu))))
    assert worst <= ATOL_GLSL_VS_NUMPY


@pytest.mark.gl
def test_slider_change_keeps_structure():
    base = display_pipeline(DisplaySettings()).glsl()
    moved = display_pipeline(DisplaySettings(exposure=3.0, gamma=1.7, slope=(2, 1, 1), saturation=0.0, channel="G")).glsl()
    assert moved.structure == base.structure
    assert moved.uniforms.keys() == base.uniforms.keys()
    assert display_pipeline(DisplaySettings(display="Raw", view="Raw")).glsl().structure != base.structure


def test_apply_display_alpha_view_and_grade_only(hdr_rgba):
    img = Image(hdr_rgba)
    alpha = apply_display(img, DisplaySettings(display="Raw", view="Raw", channel="A")).numpy()
    np.testing.assert_array_equal(alpha[..., 0], hdr_rgba[..., 3])
    graded = apply_display(img, DisplaySettings(exposure=1.0), grade_only=True).numpy()
    np.testing.assert_allclose(graded[..., :3], hdr_rgba[..., :3] * 2.0, rtol=1e-6)
    np.testing.assert_array_equal(graded[..., 3], hdr_rgba[..., 3])
    assert len(grade_pipeline(DisplaySettings())) == 3  # dynamic ops are kept even when neutral


@pytest.mark.gl
@pytest.mark.parametrize("settings", GRADES)
def test_viewport_shader_float_readback_matches_numpy(window, qtbot, hdr_rgba, settings):
    """display.frag itself (pan/zoom, windows, alpha, generated pipeline) read back as floats vs the NumPy core."""
    from dataclasses import replace

    from vfxview import commands

    rgba = hdr_rgba.copy()
    rgba[..., 3] = 1.0  # opaque: no background mixed in
    commands.show_loaded(window.state, "hdr", Image(rgba))
    worst = 0.0
    for (display, views), channel in itertools.product(DISPLAYS.items(), CHANNELS):
        for view in views:
            s = replace(settings, display=display, view=view, channel=channel)
            window.state.update(**{k: getattr(s, k) for k in ("exposure", "gamma", "slope", "offset", "saturation")})
            commands.set_display(window.state, display, view)
            commands.set_channel(window.state, channel)
            gpu = window.viewport.render_float()[..., :3]
            cpu = apply_display(window.state.image, window.state.display_settings()).numpy()[..., :3]
            worst = max(worst, float(np.max(np.abs(gpu - cpu))))
    assert worst <= ATOL_GLSL_VS_NUMPY
