"""The viewport's own behaviour: zoom to cursor, pan, 1:1, windows and outlines, false colour, background, wipe."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent

import vfx_rs
from tests.tolerances import ATOL_8BIT, ATOL_GLSL_VS_NUMPY
from vfxview import color_commands, commands

pytestmark = pytest.mark.gl

DATA_OUTLINE = (0.9, 0.7, 0.1)
"""Colour of the data-window outline (shaders/display.frag)."""

DISPLAY_OUTLINE = (0.45, 0.45, 0.5)
"""Colour of the display-window outline (shaders/display.frag)."""


def _show(window, qtbot, image, path="img.exr"):
    commands.show_loaded(window.state, path, image)
    qtbot.waitUntil(lambda: window.viewport.compile_count >= 1, timeout=5000)


def _frame_row(window, y):
    """RGB of framebuffer row `y` (device pixels)."""
    frame = window.viewport.grabFramebuffer()
    return np.array([frame.pixelColor(x, y).getRgbF()[:3] for x in range(frame.width())])


def _screen_pixel(window, x, y):
    vp = window.viewport
    frame = vp.grabFramebuffer()
    scale = frame.devicePixelRatio() / vp.devicePixelRatioF()
    c = frame.pixelColor(int((vp.pan[0] + (x + 0.5) * vp.zoom) * scale), int((vp.pan[1] + (y + 0.5) * vp.zoom) * scale))
    return np.array([c.redF(), c.greenF(), c.blueF()])


def test_wheel_zooms_about_the_cursor_and_middle_drag_pans(window, qtbot, chart):
    _show(window, qtbot, vfx_rs.Image(chart))
    vp = window.viewport
    cursor = QPointF(123.0, 77.0)
    before, zoom = vp.image_pos(cursor), vp.zoom
    wheel = QWheelEvent(
        cursor,
        QPointF(vp.mapToGlobal(cursor.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    vp.wheelEvent(wheel)
    assert vp.zoom == pytest.approx(2.0 * zoom)
    np.testing.assert_allclose(vp.image_pos(cursor), before, atol=1e-9)
    pan = vp.pan.copy()
    middle = Qt.MouseButton.MiddleButton
    for kind, pos, button in (
        (QEvent.Type.MouseButtonPress, QPointF(50, 50), middle),
        (QEvent.Type.MouseMove, QPointF(80, 70), Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind, pos, QPointF(vp.mapToGlobal(pos.toPoint())), button, middle, Qt.KeyboardModifier.NoModifier
        )
        (vp.mousePressEvent if kind == QEvent.Type.MouseButtonPress else vp.mouseMoveEvent)(event)
    np.testing.assert_allclose(vp.pan - pan, np.array([30.0, 20.0]) * vp.devicePixelRatioF())


def test_pan_zoom_and_sliders_never_rebuild_the_pipeline(window, qtbot, chart, monkeypatch):
    from vfx_rs.view import ViewSettings

    _show(window, qtbot, vfx_rs.Image(chart))
    vp = window.viewport
    vp.grabFramebuffer()
    builds = []
    original = ViewSettings.pipeline
    on_ui = threading.main_thread
    monkeypatch.setattr(
        ViewSettings,
        "pipeline",
        lambda self, *a, **k: builds.append(threading.current_thread() is on_ui()) or original(self, *a, **k),
    )
    counts = (vp.compile_count, vp.upload_count, vp.uniform_updates)
    vp.zoom_at(1.5, QPointF(40.0, 40.0))
    vp.pan = vp.pan + 7.0
    vp.grabFramebuffer()
    assert (vp.compile_count, vp.upload_count, vp.uniform_updates) == counts and not any(builds)
    commands.set_exposure(window.state, 1.5)
    commands.set_grade(window.state, slope=(1.2, 1.0, 0.9), saturation=0.5)
    commands.set_channel(window.state, "G")
    vp.grabFramebuffer()
    assert (vp.compile_count, vp.upload_count) == counts[:2] and vp.uniform_updates == counts[2] + 1 and not any(builds)
    x, y = 30, 40  # the new values reached the shader: the screen shows what the NumPy core computes
    expected = np.clip(window.state.settings.pipeline().applied(chart[y, x][None])[0, :3], 0, 1)
    np.testing.assert_allclose(_screen_pixel(window, x, y), expected, atol=ATOL_8BIT)
    commands.set_channel(window.state, "RGB")
    assert color_commands.set_display(window.state, "sRGB - Display", "Un-tone-mapped")
    vp.grabFramebuffer()
    assert vp.compile_count == counts[0] + 1  # a new view is a new structure: one recompile


def test_zero_key_is_one_to_one(window, qtbot, chart):
    _show(window, qtbot, vfx_rs.Image(chart))
    window.activateWindow()
    window.viewport.setFocus()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.viewport.fit()
    qtbot.keyClick(window.viewport, Qt.Key.Key_0)
    assert window.viewport.zoom == 1.0


def test_data_window_is_placed_in_the_display_window_with_outlines(window, qtbot, chart):
    data = np.ascontiguousarray(chart[:20, :30])
    data[np.isnan(data)] = 0.0
    data[..., 3] = 1.0
    meta = {"dataWindow": (5, 4, 34, 23), "displayWindow": (0, 0, 49, 39)}
    window.state.background = "black"
    _show(window, qtbot, vfx_rs.Image(data, metadata=meta))
    vp = window.viewport
    shown = vp.render_float()  # the display window at 1:1, no outlines
    assert shown.shape[:2] == (40, 50)
    expected = window.state.settings.pipeline().applied(data)
    np.testing.assert_allclose(shown[4:24, 5:35, :3], expected[..., :3], atol=ATOL_GLSL_VS_NUMPY)
    outside = np.ones((40, 50), bool)
    outside[4:24, 5:35] = False
    assert np.all(shown[outside, :3] == 0.0)  # black background, nothing drawn outside the data window
    scale = vp.grabFramebuffer().devicePixelRatio() / vp.devicePixelRatioF()
    row = _frame_row(window, int((vp.pan[1] + 14 * vp.zoom) * scale))
    for left, colour in ((vp.pan[0] + 5 * vp.zoom, DATA_OUTLINE), (vp.pan[0], DISPLAY_OUTLINE)):
        near = row[max(int(left * scale) - 2, 0) : int(left * scale) + 3]
        assert np.min(np.abs(near - colour).max(axis=1)) <= 2 * ATOL_8BIT


def test_inf_false_colour_and_black_background(window, qtbot, chart):
    img = chart.copy()
    img[20:25, 5:10, 1] = np.inf
    img[20:25, 20:25, :3] = -np.inf
    _show(window, qtbot, vfx_rs.Image(img))
    np.testing.assert_allclose(_screen_pixel(window, 7, 22), [1.0, 0.0, 0.0], atol=ATOL_8BIT)
    np.testing.assert_allclose(_screen_pixel(window, 22, 22), [0.0, 0.3, 1.0], atol=ATOL_8BIT)
    window.state.nan_false_color = False
    window.state.background = "black"  # the 0.25-alpha columns are shown premultiplied over black
    x, y = 160, 40
    expected = np.clip(window.state.settings.pipeline().applied(img[y, x][None])[0, :3], 0, 1)
    np.testing.assert_allclose(_screen_pixel(window, x, y), expected, atol=2 * ATOL_8BIT)


def test_wipe_shows_a_left_of_the_line_and_b_right_of_it(window, qtbot, chart):
    a = np.nan_to_num(chart)
    _show(window, qtbot, vfx_rs.Image(a))
    b = a.copy()
    b[..., :3] *= 0.5
    window.state.compare = vfx_rs.Image(b)
    commands.set_compare(window.state, "wipe")
    vp = window.viewport
    ratio = vp.devicePixelRatioF()
    x_line = vp.pan[0] + 60 * vp.zoom  # drag the wipe to image column 60
    window.viewport.wipe_dragged.emit(x_line / ratio / vp.width())
    settings = window.state.settings
    assert window.state.wipe < 0.45
    for x, source in ((40, a), (100, b)):
        expected = np.clip(settings.pipeline().applied(source[30, x][None])[0, :3], 0, 1)
        np.testing.assert_allclose(_screen_pixel(window, x, 30), expected, atol=2 * ATOL_8BIT)


_HIDPI_SCRIPT = """
import sys
import numpy as np
from PySide6.QtWidgets import QApplication
import vfx_rs
from vfxview import commands
from vfxview.window import MainWindow
app = QApplication([])
win = MainWindow(remember_layout=False)
win.resize(900, 700)
win.show()
chart = np.load(sys.argv[1])
commands.show_loaded(win.state, "chart", vfx_rs.Image(chart))
for _ in range(5):
    app.processEvents()
vp = win.viewport
vp.fit()
frame = vp.grabFramebuffer()
x, y = 95, 60
c = frame.pixelColor(int(vp.pan[0] + (x + 0.5) * vp.zoom), int(vp.pan[1] + (y + 0.5) * vp.zoom))
want = np.clip(win.state.settings.pipeline().applied(chart[y, x][None])[0, :3], 0, 1)
got = np.array([c.redF(), c.greenF(), c.blueF()])
print(vp.devicePixelRatioF(), frame.width(), vp.width(), float(np.abs(got - want).max()))
"""
"""Opens the chart in a window (run with QT_SCALE_FACTOR); prints the device pixel ratio, the framebuffer and widget
widths, and the error of the bright patch's pixel found through the device-pixel pan and zoom."""


def test_hidpi_viewport_draws_in_device_pixels(tmp_path, chart):
    import os
    import subprocess
    import sys

    np.save(tmp_path / "chart.npy", chart)
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "xcb")}
    result = subprocess.run(
        [sys.executable, "-c", _HIDPI_SCRIPT, str(tmp_path / "chart.npy")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    ratio, frame_width, widget_width, error = (float(v) for v in result.stdout.split()[-4:])
    assert ratio == 2.0 and frame_width == 2 * widget_width  # a full-resolution framebuffer, not upscaled
    assert error <= 2 * ATOL_8BIT  # device-pixel pan/zoom land on the right image pixel
