"""The display pipeline: its NumPy result against published formulas, its GLSL against its NumPy result."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np
import pytest

from tests.tolerances import ATOL_GLSL_VS_NUMPY, ATOL_VIEWER_CDL_F32, RTOL_DISPLAY_CHAIN_F32
from vfx_rs.image import Image
from vfx_rs.view import CHANNELS, LUMA_709, ViewSettings

GRADES = [
    ViewSettings(),
    ViewSettings(
        exposure=1.5, gamma=2.2, slope=(1.2, 0.9, 1.1), offset=(0.01, -0.02, 0.0), power=(1.0, 1.3, 0.8), saturation=0.7
    ),
    ViewSettings(exposure=-2.0, gamma=0.8, saturation=1.4),
]

VIEWS = [("raw", "", ""), ("ocio", "sRGB", "Standard"), ("ocio", "Gamma22", "Standard")]
"""(source, display, view) of the hand-written config the formula tests cover."""


def grade_reference(rgb: np.ndarray, s: ViewSettings) -> np.ndarray:
    """Float64 exposure and ASC CDL v1.2 (slope, offset, power on non-negatives, saturation with Rec. 709 luma)."""
    x = rgb.astype(np.float64) * 2.0**s.exposure
    x = x * np.array(s.slope) + np.array(s.offset)
    x = np.where(x >= 0, np.abs(x) ** np.array(s.power), x)
    luma = x @ np.array([0.2126, 0.7152, 0.0722])
    return luma[:, None] + s.saturation * (x - luma[:, None])


def moncurve_encode(x: np.ndarray, gamma: float, offset: float) -> np.ndarray:
    """CLF v3 section 3.6.8 monCurveRev (OCIO ExponentWithLinear inverse): the toe continues below 0."""
    slope = (gamma - 1.0) / offset * (offset * gamma / ((gamma - 1.0) * (1.0 + offset))) ** gamma
    break_linear = offset / (gamma - 1.0) * slope
    curve = (1.0 + offset) * np.maximum(x, break_linear) ** (1.0 / gamma) - offset
    return np.where(x < break_linear, x / slope, curve)


def test_moncurve_reference_is_srgb_above_the_toe():
    import colour

    x = np.linspace(0.01, 4.0, 50)
    np.testing.assert_allclose(moncurve_encode(x, 2.4, 0.055), colour.models.eotf_inverse_sRGB(x), rtol=1e-12)


def _reference(rgb: np.ndarray, s: ViewSettings) -> np.ndarray:
    """Independent float64 model: grade, channel, moncurve sRGB or mirrored 2.2 display, gamma."""
    x = grade_reference(rgb, s)
    if s.channel in "RGB" and s.channel != "RGB":
        x = np.repeat(x[:, "RGB".index(s.channel)][:, None], 3, axis=1)
    elif s.channel == "Y":
        x = np.repeat((x @ np.array([0.2126, 0.7152, 0.0722]))[:, None], 3, axis=1)
    if s.source == "ocio" and s.display == "sRGB":
        x = moncurve_encode(x, 2.4, 0.055)
    elif s.source == "ocio" and s.display == "Gamma22":
        x = np.sign(x) * np.abs(x) ** (1.0 / 2.2)
    return np.sign(x) * np.abs(x) ** (1.0 / s.gamma)


@pytest.fixture
def values(rng: np.random.Generator) -> np.ndarray:
    """Scene-linear values spanning shadows to highlights, plus exact zeros and negatives."""
    v = np.exp(rng.uniform(-8.0, 3.0, size=(600, 3))).astype(np.float32)
    v[:10] = 0.0
    v[10:20] *= -0.01
    return v


@pytest.fixture(scope="module")
def hand_config(tmp_path_factory) -> str:
    from tests.vfxview.color_fixtures import write_config

    return str(write_config(tmp_path_factory.mktemp("ocio")))


def _with_view(settings: ViewSettings, config: str, source: str, display: str, view: str) -> ViewSettings:
    from dataclasses import replace

    if source == "raw":
        return replace(settings, source="raw")
    return replace(settings, source="ocio", config=config, input_space="lin_rec709", display=display, view=view)


@pytest.mark.parametrize("settings", GRADES)
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("channel", ["RGB", "R", "Y"])
def test_numpy_display_matches_published_formulas(values, hand_config, settings, view, channel):
    from dataclasses import replace

    s = replace(_with_view(settings, hand_config, *view), channel=channel)
    got = s.pipeline().applied(values)
    np.testing.assert_allclose(got, _reference(values, s), rtol=RTOL_DISPLAY_CHAIN_F32, atol=ATOL_VIEWER_CDL_F32)


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
def test_preview_parity_every_display_view_and_channel(context, values, hand_config, settings):
    """The generated GLSL, rendered by llvmpipe into a float framebuffer, matches the NumPy core."""
    from dataclasses import replace

    from tests.gl_harness import render_pipeline

    worst = 0.0
    for view, channel in itertools.product(VIEWS, [c for c in CHANNELS if c != "A"]):
        s = replace(_with_view(settings, hand_config, *view), channel=channel)
        pipeline = s.pipeline()
        gpu = render_pipeline(pipeline.glsl(), values)
        cpu = pipeline.applied(values)
        worst = max(worst, float(np.max(np.abs(gpu - cpu))))
    assert worst <= ATOL_GLSL_VS_NUMPY


@pytest.mark.gl
def test_slider_change_keeps_structure():
    base = ViewSettings().pipeline().glsl()
    moved = (
        ViewSettings(exposure=3.0, gamma=1.7, slope=(2, 1, 1), power=(1.2, 1, 0.7), saturation=0.0, channel="G")
        .pipeline()
        .glsl()
    )
    assert moved.structure == base.structure
    assert moved.uniforms.keys() == base.uniforms.keys()
    assert ViewSettings(source="raw").pipeline().glsl().structure != base.structure


def test_apply_display_alpha_view_and_grade_only(hdr_rgba):
    img = Image(hdr_rgba)
    alpha = ViewSettings(source="raw", channel="A").apply(img).numpy()
    np.testing.assert_array_equal(alpha[..., 0], hdr_rgba[..., 3])
    graded = ViewSettings(exposure=1.0).apply(img, grade_only=True).numpy()
    np.testing.assert_allclose(graded[..., :3], hdr_rgba[..., :3] * 2.0, rtol=0, atol=ATOL_VIEWER_CDL_F32)
    np.testing.assert_array_equal(graded[..., 3], hdr_rgba[..., 3])
    assert [op.kind for op in ViewSettings().grade_pipeline().ops] == ["cdl"]  # dynamic: kept when neutral


@pytest.mark.gl
@pytest.mark.parametrize("settings", GRADES)
def test_viewport_shader_float_readback_matches_numpy(window, qtbot, hdr_rgba, hand_config, settings):
    """display.frag itself (pan/zoom, windows, alpha, generated pipeline) read back as floats vs the NumPy core."""
    from vfxview import color_commands, commands

    rgba = hdr_rgba.copy()
    rgba[..., 3] = 1.0  # opaque: no background mixed in
    commands.show_loaded(window.state, "hdr", Image(rgba))
    assert color_commands.set_config(window.state, hand_config), window.state.error
    worst = 0.0
    for (source, display, view), channel in itertools.product(VIEWS, CHANNELS):
        grade = ("exposure", "gamma", "slope", "offset", "power", "saturation")
        window.state.update(**{k: getattr(settings, k) for k in grade})
        if source == "raw":
            assert color_commands.set_source(window.state, "raw")
        else:
            assert color_commands.set_display(window.state, display, view), window.state.error
        commands.set_channel(window.state, channel)
        gpu = window.viewport.render_float()[..., :3]
        cpu = window.state.settings.apply(window.state.image).numpy()[..., :3]
        worst = max(worst, float(np.max(np.abs(gpu - cpu))))
    assert worst <= ATOL_GLSL_VS_NUMPY
