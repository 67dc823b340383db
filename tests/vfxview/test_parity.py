"""Preview = export proof: the metrics on planted errors, the viewer's check against an independent GL render."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_GLSL_VS_NUMPY
from vfx_rs.view import ViewSettings
from vfxview import color_commands, commands
from vfxview.parity import DEFAULT_THRESHOLD, check_state, compare, heat_map

SETTINGS = ViewSettings(input_space="ACEScg", exposure=0.5, saturation=1.1)


def _picture() -> np.ndarray:
    rng = np.random.default_rng(14)
    px = np.exp(rng.uniform(-5.0, 3.0, size=(20, 30, 3))).astype(np.float32)
    px[4, 7] = (np.nan, 0.2, 0.1)
    px[9, 2, 1] = -np.inf
    return px


def test_metrics_on_planted_errors():
    rng = np.random.default_rng(3)
    exact = rng.uniform(0.0, 1.0, size=(10, 12, 3)).astype(np.float32)
    noise = rng.uniform(-1e-5, 1e-5, size=exact.shape)
    noise[2, 5, 1] = 0.01
    gl = (exact + noise).astype(np.float32)
    gl[7, 7], exact[7, 7] = np.nan, np.nan  # NaN against NaN: equal
    skip = np.zeros((10, 12), bool)
    skip[0, 0] = True
    gl[0, 0, 0] = 5.0  # left out
    report, per_pixel = compare(gl, exact, origin=(100, 50), threshold=1e-3, skip=skip)
    expected = np.abs(gl.astype(np.float64) - exact.astype(np.float64)).max(axis=-1)
    expected[7, 7] = 0.0
    kept = expected[~skip]
    np.testing.assert_allclose(per_pixel[~skip], kept)
    assert report.max_error == pytest.approx(0.01, rel=1e-4) and report.max_at == (105, 52, "G")
    assert report.p99_error == pytest.approx(np.percentile(kept, 99))
    assert report.mean_error == pytest.approx(kept.mean())
    assert report.pixels == 119 and report.skipped == 1 and not report.passed
    assert "FAIL" in report.text() and "(105, 52)" in report.text()
    inf_report, _ = compare(np.array([[[np.inf, 0, 0]]]), np.array([[[1.0, 0, 0]]]))
    assert inf_report.max_error == np.inf and not inf_report.passed


def test_heat_map_is_red_at_the_threshold_and_yellow_at_twice_it():
    rgb = heat_map(np.array([[0.0, 1e-3, 2e-3, 1.0]]), 1e-3).pixels[0, :, :3]
    np.testing.assert_array_equal(rgb, [[0, 0, 0], [1, 0, 0], [1, 1, 0], [1, 1, 0]])


@pytest.mark.gl
def test_viewer_check_matches_an_independent_gl_render(window, qtbot, tmp_path):
    from tests.gl_harness import render_pipeline
    from vfxview.glprobe import offscreen_context

    px = _picture()
    image = vfx_rs.Image(px)
    commands.show_loaded(window.state, "p.exr", image)
    assert commands.set_settings(window.state, SETTINGS)
    qtbot.waitUntil(lambda: window.viewport.compile_count >= 1, timeout=10000)
    report = check_state(window.state, window.viewport.render_float, heatmap=str(tmp_path / "heat.exr"))
    assert report is not None and report.passed and report.skipped == 2 and report.pixels == 20 * 30 - 2
    # the same function through the test harness's own shader (pipeline_probe.frag), outside the viewport
    finite = np.isfinite(px).all(axis=-1)
    with offscreen_context():
        gl = render_pipeline(SETTINGS.glsl(), px.reshape(-1, 3)).reshape(px.shape)
    independent = np.abs(gl - SETTINGS.apply(image).pixels[..., :3])[finite].max()
    assert report.max_error <= ATOL_GLSL_VS_NUMPY and abs(report.max_error - independent) <= 1e-6
    assert window.state.background == "checker" and window.state.nan_false_color  # restored after the render
    assert vfx_rs.read(tmp_path / "heat.exr").pixels.shape[:2] == (20, 30)


@pytest.mark.gl
def test_a_departing_preview_fails_with_its_place(window, qtbot):
    image = vfx_rs.Image(_picture())
    commands.show_loaded(window.state, "p.exr", image)
    color_commands.set_source(window.state, "raw")

    def departing() -> np.ndarray:
        shown = window.state.settings.apply(image).pixels.copy()
        shown[11, 17, 2] += 0.25
        return shown

    report = check_state(window.state, departing)
    assert report.max_error == pytest.approx(0.25, rel=1e-5) and report.max_at == (17, 11, "B") and not report.passed


@pytest.mark.gl
def test_console_and_menu(window, qtbot):
    commands.show_loaded(window.state, "p.exr", vfx_rs.Image(_picture()))
    qtbot.waitUntil(lambda: window.viewport.compile_count >= 1, timeout=10000)
    console = window.panels["Console"]
    console.run_line("r = debug.parity()")
    assert "PASS" in console.output.toPlainText() and console.namespace["r"].threshold == DEFAULT_THRESHOLD
    action = next(a for a in window.menuBar().actions() if a.text() == "&Debug")
    check = next(a for a in action.menu().actions() if a.text() == "Check preview = export")
    check.trigger()
    assert "preview = export" in window.statusBar().currentMessage()
