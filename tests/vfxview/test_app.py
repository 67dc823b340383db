"""The command line: --screenshot, --export, python -m vfxview, and the state's events."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QImage

import vfx_rs
from tests.tolerances import ATOL_SCREENSHOT_SAMPLE, RTOL_OCIO_BUILTIN
from tests.vfxview.color_fixtures import ocio_builtin_display
from vfx_rs.view import OCIO_DEFAULT_CONFIG, OCIO_DEFAULT_VIEW
from vfxview import commands


@pytest.mark.gl
def test_screenshot_shows_the_sample(window, qtbot, tmp_path):
    """The bundled sample is visible in a grab of the whole window: at a 9x9 grid of its opaque pixels the grab
    shows the display pipeline's values (within the span of the 5x5 neighbourhood: at the fitted zoom one screen pixel
    covers ~2 image pixels and the texture is filtered), and the grid is not flat."""
    from vfx_rs.data_files import sample_image_path

    sample = sample_image_path()
    assert commands.open_image(window.state, sample) and window.state.error == ""
    out = tmp_path / "shot.png"
    assert window.save_screenshot(out)
    shot = QImage(str(out))
    vp = window.viewport
    origin = vp.mapTo(window, vp.rect().topLeft())
    ratio = shot.devicePixelRatio() or 1.0
    pixels = vfx_rs.read(sample).numpy()
    shown = np.clip(window.state.settings.pipeline().applied(pixels)[..., :3], 0, 1)
    h, w = pixels.shape[:2]
    centres, outside = [], []
    for y in np.linspace(3, h - 4, 9).astype(int):
        for x in np.linspace(3, w - 4, 9).astype(int):
            if pixels[y - 2 : y + 3, x - 2 : x + 3, 3].min() < 1.0:  # over the checkerboard
                continue
            sx = origin.x() + (vp.pan[0] + (x + 0.5) * vp.zoom) / vp.devicePixelRatioF()
            sy = origin.y() + (vp.pan[1] + (y + 0.5) * vp.zoom) / vp.devicePixelRatioF()
            c = shot.pixelColor(int(sx * ratio), int(sy * ratio))
            got = np.array([c.redF(), c.greenF(), c.blueF()])
            near = shown[y - 2 : y + 3, x - 2 : x + 3].reshape(-1, 3)
            below, above = near.min(axis=0) - got, got - near.max(axis=0)
            outside.append(max(below.max(), above.max(), 0.0))
            centres.append(shown[y, x])
    assert len(centres) >= 40
    assert np.ptp(np.asarray(centres), axis=0).max() > 0.3  # the points see the image's structure
    assert max(outside) <= ATOL_SCREENSHOT_SAMPLE


def test_python_m_vfxview_help():
    result = subprocess.run([sys.executable, "-m", "vfxview", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "--screenshot" in result.stdout and "--export" in result.stdout


def test_headless_export_and_screenshot_of_a_file(tmp_path, chart):
    from vfxview.app import main

    src = tmp_path / "chart.exr"
    vfx_rs.write(src, vfx_rs.Image(chart))
    out = tmp_path / "out.exr"
    # The viewer's config is OCIO's default (the ACES 2.1 CG config): its ACES 2.0 view, against OCIO's.
    args = ["--exposure", "1", "--input", "ACEScg", "--display", "sRGB - Display", "--view", OCIO_DEFAULT_VIEW]
    assert main([str(src), *args, "--export", str(out)]) == 0
    expected = ocio_builtin_display(
        chart[..., :3] * 2.0, "ACEScg", "sRGB - Display", OCIO_DEFAULT_VIEW, config=OCIO_DEFAULT_CONFIG
    )
    got = vfx_rs.read(out).numpy()
    finite = np.isfinite(chart).all(axis=-1)
    np.testing.assert_array_equal(got[..., 3], chart[..., 3])
    got = got[..., :3]
    assert np.max(np.abs(got - expected)[finite] / np.maximum(1.0, np.abs(expected[finite]))) <= RTOL_OCIO_BUILTIN
    shot = tmp_path / "shot.png"
    assert main([str(src), "--screenshot", str(shot), "--size", "800x600"]) == 0
    assert QImage(str(shot)).width() >= 800
    assert main([str(tmp_path / "missing.exr"), "--export", str(out)]) == 1


def test_missing_qt_prints_how_to_install(tmp_path):
    code = "import sys; sys.modules['PySide6'] = None; from vfxview.app import main; sys.exit(main(['x.exr']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and 'pip install "vfx-rs[app]"' in result.stderr


def test_a_bad_view_option_fails_instead_of_falling_back(tmp_path, chart, capsys):
    from vfxview.app import main

    src = tmp_path / "chart.exr"
    vfx_rs.write(src, vfx_rs.Image(chart))
    shot = tmp_path / "shot.png"
    assert main([str(src), "--view", "Nonsense", "--screenshot", str(shot), "--size", "400x300"]) == 2
    err = capsys.readouterr().err
    assert "vfxview: error:" in err and "'Nonsense'" in err and not shot.exists()


def test_ocio_environment_config_is_the_viewers_default(tmp_path, chart, monkeypatch):
    """With $OCIO set and no --config, the viewer opens that config at its default display and view (what every
    OCIO application does) and exports through it, equal to OCIO's own processor for that config."""
    from tests.vfx_rs.cli.test_view_options import STUDIO_CONFIG
    from tests.vfxview.color_fixtures import ocio_display
    from vfxview.app import main

    config = tmp_path / "studio.ocio"
    config.write_text(STUDIO_CONFIG)
    monkeypatch.setenv("OCIO", str(config))
    src, out = tmp_path / "chart.exr", tmp_path / "out.exr"
    vfx_rs.write(src, vfx_rs.Image(chart))
    assert main([str(src), "--input", "lin", "--export", str(out)]) == 0
    import PyOpenColorIO as OCIO

    expected = ocio_display(OCIO.Config.CreateFromFile(str(config)), chart[..., :3], "lin", "Studio", "Gamma")
    got = vfx_rs.read(out).numpy()[..., :3]
    finite = np.isfinite(chart).all(axis=-1)
    assert np.max(np.abs(got - expected)[finite] / np.maximum(1.0, np.abs(expected[finite]))) <= RTOL_OCIO_BUILTIN


def test_the_installed_pyside_keeps_its_references_to_none():
    """PySide6 6.12.0 on Python 3.11 took a reference to None per void call and aborted the viewer mid-playback."""
    from vfxview.app import none_refcount_bug

    assert none_refcount_bug() == ""


def test_a_pyside_that_loses_references_to_none_is_refused(monkeypatch, capsys):
    import ctypes

    from PySide6 import QtGui

    from vfxview import app

    lost = []

    class LosingColor:  # a void method as PySide6 6.12.0 returned it: None without a reference of its own
        def setRed(self, value: int) -> None:
            ctypes.pythonapi.Py_DecRef(ctypes.py_object(None))
            lost.append(1)

    monkeypatch.setattr(QtGui, "QColor", LosingColor)
    try:
        reason = app.none_refcount_bug()
    finally:
        for _ in lost:  # give the references back
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    if sys.version_info >= (3, 12):
        assert reason == ""  # None is immortal: nothing to lose
        return
    assert "loses a reference to None" in reason and "PySide6-Essentials<6.12" in reason
    monkeypatch.setattr(app, "none_refcount_bug", lambda: reason)
    assert app.main(["x.exr"]) == 1
    assert "vfxview: PySide6" in capsys.readouterr().err
