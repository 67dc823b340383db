"""Scopes and A/B error figures: against OpenImageIO's compare and hand-made inputs."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from vfx_rs.view import ViewSettings
from vfxview import commands
from vfxview.compare import error_figures
from vfxview.panels.scopes import SCOPE_SIZE, compute_scope


def test_error_figures_match_openimageio_with_the_peak_stated(hdr_rgba, rng):
    oiio = pytest.importorskip("OpenImageIO")
    a = hdr_rgba[..., :3].astype(np.float32)  # HDR: values well above 1
    b = (a * rng.normal(1.0, 0.01, a.shape)).astype(np.float32)
    ours = error_figures(a, b)
    result = oiio.ImageBufAlgo.compare(oiio.ImageBuf(a), oiio.ImageBuf(b), 1.0, 1.0)
    peak = max(float(a.max()), float(b.max()))
    np.testing.assert_allclose(ours.max_abs, result.maxerror, rtol=1e-6)
    np.testing.assert_allclose(ours.rms, result.rms_error, rtol=1e-6)
    assert ours.peak == peak
    np.testing.assert_allclose(ours.psnr, 20 * np.log10(peak / result.rms_error), rtol=1e-6)  # ITU-T J.340 3.1
    assert ours.psnr > 0  # a peak of 1 on HDR data gave negative dB
    both = np.maximum(np.abs(a), np.abs(b)).astype(np.float64)
    rel = np.abs(a.astype(np.float64) - b) / both
    np.testing.assert_allclose(ours.max_rel, rel[both > 0].max(), rtol=1e-6)
    assert f"peak {peak:.6g} = larger image max" in ours.text() and "relative" in ours.text()


def test_histogram_of_a_flat_image_is_one_bar():
    img = vfx_rs.Image(np.full((32, 40, 3), 0.5, np.float32))
    plot = compute_scope("histogram", img, ViewSettings(source="raw"))
    assert plot.shape == (SCOPE_SIZE, SCOPE_SIZE, 3)
    bar = int(0.5 * SCOPE_SIZE)  # 0.5 falls in bin 128 of 256 over 0..1
    assert plot[:, bar, 0].min() == 255 and plot[:, :bar, 0].max() == 0 and plot[:, bar + 1 :, 0].max() == 0


def test_vectorscope_puts_grey_at_the_centre():
    img = vfx_rs.Image(np.full((8, 8, 3), 0.3, np.float32))
    plot = compute_scope("vectorscope", img, ViewSettings(source="raw"))
    centre = int(0.5 * (SCOPE_SIZE - 1))
    assert plot[centre, centre].min() == 255 and np.count_nonzero(plot.sum(axis=2)) == 1


@pytest.mark.gl
def test_scopes_panel_updates_off_thread_with_diff_figures(window, qtbot, chart):
    a = np.nan_to_num(chart)
    window.docks["Scopes"].raise_()
    commands.show_loaded(window.state, "a", vfx_rs.Image(a))
    window.state.compare = vfx_rs.Image(a * 0.5)
    commands.set_compare(window.state, "diff")
    panel = window.panels["Scopes"]
    # The default view (OCIO's default config, ACES 2.0) builds its tables on the first frame: allow for a loaded machine.
    qtbot.waitUntil(lambda: panel.last_figures is not None, timeout=15000)
    assert panel.last_figures.max_abs == pytest.approx(2.0, rel=1e-6)  # the 4.0 patch halved
    assert "PSNR" in panel.figures.text()


@pytest.mark.gl
def test_scopes_wait_until_shown_and_fold_a_slider_drag_into_few_jobs(window, qtbot, chart):
    panel = window.panels["Scopes"]
    window.docks["Info"].raise_()  # the scopes are tabbed away
    qtbot.waitUntil(lambda: panel.visibleRegion().isEmpty(), timeout=3000)
    commands.show_loaded(window.state, "a", vfx_rs.Image(np.nan_to_num(chart)))
    qtbot.wait(100)
    assert panel.jobs_started == 0
    window.docks["Scopes"].raise_()
    qtbot.waitUntil(lambda: panel.last is not None, timeout=5000)
    started = panel.jobs_started
    for tick in range(1, 41):  # a dragged exposure slider
        window.panels["Grade"].exposure.setValue(tick)
    qtbot.waitUntil(lambda: not panel._running and not panel._stale, timeout=10000)
    assert panel.jobs_started - started <= 3  # the running job, then one with the latest settings
    graded = window.state.settings
    expected = compute_scope(panel.kind.currentText(), window.state.image, graded)
    np.testing.assert_array_equal(panel.last, expected)  # the plot shows the final exposure


def test_vectorscope_targets_are_the_75_percent_bars_in_bt709_cbcr():
    colour = pytest.importorskip("colour")
    from vfxview.panels.scope_view import vectorscope_targets

    bars = {"R": (1, 0, 0), "Mg": (1, 0, 1), "B": (0, 0, 1), "Cy": (0, 1, 1), "G": (0, 1, 0), "Yl": (1, 1, 0)}
    for name, (cb, cr) in vectorscope_targets().items():
        ycbcr = colour.RGB_to_YCbCr(
            0.75 * np.array(bars[name], float), K=colour.WEIGHTS_YCBCR["ITU-R BT.709"], out_legal=False
        )
        np.testing.assert_allclose((cb, cr), ycbcr[1:], atol=1e-4)  # full range, float: Cb, Cr in [-0.5, 0.5]


@pytest.mark.gl
def test_scopes_grow_with_their_dock(window, qtbot, chart):
    panel = window.panels["Scopes"]
    window.docks["Scopes"].raise_()
    commands.show_loaded(window.state, "a", vfx_rs.Image(np.nan_to_num(chart)))
    panel.kind.setCurrentText("vectorscope")
    qtbot.waitUntil(lambda: panel.plot.image is not None and panel.plot.kind == "vectorscope", timeout=5000)
    small = panel.plot.plot_rect()
    window.docks["Scopes"].setFloating(True)
    window.docks["Scopes"].resize(700, 800)
    qtbot.waitUntil(lambda: panel.plot.plot_rect().width() > small.width() + 50, timeout=5000)
    rect = panel.plot.plot_rect()
    assert rect.width() == rect.height()  # the vectorscope stays square
    assert panel.plot.grab().width() == panel.plot.width()
