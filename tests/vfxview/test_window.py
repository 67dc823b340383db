"""pytest-qt tests driving the real main window: view changes, sliders, layers, compare, console, errors."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

import vfx_rs
import vfxview.sequence
from tests.tolerances import ATOL_8BIT
from vfxview import commands

pytestmark = pytest.mark.gl


def _show(window, qtbot, array, path="chart.exr", layered=None):
    commands.show_loaded(window.state, path, vfx_rs.Image(array), layered)
    qtbot.waitUntil(lambda: window.viewport.compile_count >= 1, timeout=5000)


def _viewport_pixel(window, x, y):
    """8-bit RGB the viewport shows at image pixel (x, y)."""
    vp = window.viewport
    frame = vp.grabFramebuffer()
    ratio = vp.devicePixelRatioF()
    sx = vp.pan[0] + (x + 0.5) * vp.zoom
    sy = vp.pan[1] + (y + 0.5) * vp.zoom
    c = frame.pixelColor(int(sx / ratio * frame.devicePixelRatio()), int(sy / ratio * frame.devicePixelRatio()))
    return np.array([c.redF(), c.greenF(), c.blueF()])


def test_viewport_shows_the_display_pipeline(window, qtbot, chart):
    _show(window, qtbot, chart)
    for x, y in ((20, 30), (95, 60), (170, 100)):
        expected = window.state.settings.pipeline().applied(chart[y, x][None])[0, :3]
        got = _viewport_pixel(window, x, y)
        if chart[y, x, 3] < 1:  # over the checkerboard: at least the premultiplied colour
            assert np.all(got >= np.clip(expected, 0, 1) - 2 * ATOL_8BIT)
        else:
            np.testing.assert_allclose(got, np.clip(expected, 0, 1), atol=2 * ATOL_8BIT)


def test_nan_in_false_colour(window, qtbot, chart):
    _show(window, qtbot, chart)
    np.testing.assert_allclose(_viewport_pixel(window, 7, 7), [1.0, 0.0, 1.0], atol=ATOL_8BIT)


def test_exposure_slider_updates_uniforms_without_recompile_or_upload(window, qtbot, chart):
    _show(window, qtbot, chart)
    vp = window.viewport
    compiles, uploads = vp.compile_count, vp.upload_count
    before = _viewport_pixel(window, 20, 30)
    window.panels["Grade"].exposure.setValue(-100)  # -1 stop
    assert window.state.exposure == -1.0
    after = _viewport_pixel(window, 20, 30)
    expected = window.state.settings.pipeline().applied(chart[30, 20][None])[0, :3]
    np.testing.assert_allclose(after, expected, atol=2 * ATOL_8BIT)
    assert np.all(after < before)
    assert (vp.compile_count, vp.upload_count) == (compiles, uploads)


def test_changing_the_view_recompiles_and_shows_raw_values(window, qtbot, chart):
    _show(window, qtbot, chart)
    panel = window.panels["Color"]
    panel.view.setCurrentText("Raw")
    panel.view.activated.emit(panel.view.currentIndex())
    assert (window.state.display, window.state.view) == ("sRGB - Display", "Raw")
    np.testing.assert_allclose(_viewport_pixel(window, 20, 30), np.clip(chart[30, 20, :3], 0, 1), atol=ATOL_8BIT)
    assert window.viewport.compile_count == 2


def test_channel_shortcut_and_fit(window, qtbot, chart):
    _show(window, qtbot, chart)
    window.activateWindow()
    window.viewport.setFocus()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window.viewport, Qt.Key.Key_G)
    assert window.state.channel == "G"
    qtbot.keyClick(window.viewport, Qt.Key.Key_H)
    assert window.viewport.zoom == 1.0
    qtbot.keyClick(window.viewport, Qt.Key.Key_F)
    assert window.viewport.zoom > 1.0  # a 180x120 chart is fitted up into the viewport


def test_layers_pick(window, qtbot, chart):
    layered = vfx_rs.LayeredImage({"beauty": vfx_rs.Image(chart), "depth": vfx_rs.Image(chart[..., :1] * 10)})
    _show(window, qtbot, chart, layered=layered)
    panel = window.panels["Layers"]
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["beauty", "depth"]
    panel.list.itemClicked.emit(panel.list.item(1))
    assert window.state.layer == "depth" and window.state.image.channels == 1
    # depth is shown normalised: its finite range maps to 0..1 before the view
    assert window.state.normalize == (0.0, float(np.nanmax(chart[..., 0] * 10)))
    np.testing.assert_allclose(_viewport_pixel(window, 0, 30), [0.0, 0.0, 0.0], atol=ATOL_8BIT)
    np.testing.assert_allclose(_viewport_pixel(window, 95, 60), [1.0, 1.0, 1.0], atol=ATOL_8BIT)
    panel.list.itemClicked.emit(panel.list.item(0))
    assert window.state.normalize is None


def test_layers_of_a_multilayer_exr_file(window, qtbot, chart, tmp_path):
    """A real multi-part EXR opened like File > Open: its layers are listed and depth is shown normalised."""
    depth = (chart[..., :1] * 10).astype(np.float32)
    path = tmp_path / "render.exr"
    layers = vfx_rs.LayeredImage({"beauty": vfx_rs.Image(chart), "depth": vfx_rs.Image(depth, channel_names=["Z"])})
    vfx_rs.write_layers(path, layers, multipart=True)
    window.open_path(str(path), background=True)
    panel = window.panels["Layers"]
    qtbot.waitUntil(lambda: panel.list.count() == 2, timeout=10000)
    assert [panel.list.item(i).text() for i in range(2)] == vfx_rs.read_layered(path).layer_names()
    depth_row = [panel.list.item(i).text() for i in range(2)].index("depth")
    panel.list.itemClicked.emit(panel.list.item(depth_row))
    assert window.state.layer == "depth" and window.state.image.channel_names == ["Z"]
    np.testing.assert_array_equal(window.state.image.numpy(), vfx_rs.read_layer(path, "depth").numpy())
    assert window.state.normalize == (0.0, float(np.nanmax(depth)))
    qtbot.waitUntil(lambda: window.viewport.compile_count >= 1, timeout=5000)
    np.testing.assert_allclose(_viewport_pixel(window, 95, 60), [1.0, 1.0, 1.0], atol=ATOL_8BIT)


def test_compare_diff_and_wipe(window, qtbot, chart):
    _show(window, qtbot, chart)
    b = chart.copy()
    b[..., :3] *= 0.5
    window.state.compare = vfx_rs.Image(b)
    commands.set_compare(window.state, "diff")
    got = _viewport_pixel(window, 20, 30)
    diff = np.abs(chart[30, 20, :3] * 0.5)
    expected = window.state.settings.pipeline().applied(np.append(diff, 1.0)[None].astype(np.float32))[0, :3]
    np.testing.assert_allclose(got, expected, atol=2 * ATOL_8BIT)
    commands.set_compare(window.state, "wipe")
    window.viewport.wipe_dragged.emit(0.25)
    assert window.state.wipe == 0.25
    commands.set_compare(window.state, "side")  # B drawn in the right half with the same pan/zoom
    vp = window.viewport
    half = vp.width() * vp.devicePixelRatioF() / 2
    vp.pan = np.array([half - 40.0 * vp.zoom, vp.pan[1]])  # image x=40 at the split: x=20 on the left is A
    left = _viewport_pixel(window, 20, 30)
    assert window.state.error == ""
    shown_b = window.state.settings.pipeline().applied(chart[30, 20][None] * 0.5)[0, :3]
    shown_a = window.state.settings.pipeline().applied(chart[30, 20][None])[0, :3]
    np.testing.assert_allclose(left, shown_a, atol=2 * ATOL_8BIT)
    frame = vp.grabFramebuffer()
    sx = (vp.pan[0] + 20.5 * vp.zoom + half) / vp.devicePixelRatioF() * frame.devicePixelRatio()
    sy = (vp.pan[1] + 30.5 * vp.zoom) / vp.devicePixelRatioF() * frame.devicePixelRatio()
    c = frame.pixelColor(int(sx), int(sy))
    np.testing.assert_allclose([c.redF(), c.greenF(), c.blueF()], shown_b, atol=2 * ATOL_8BIT)


def test_console_line_changes_the_ui(window, qtbot, chart):
    _show(window, qtbot, chart)
    console = window.panels["Console"]
    console.run_line("viewer.exposure = 2")
    assert window.state.exposure == 2.0
    assert window.panels["Grade"].exposure.value() == 200
    assert console.run_line("for i in range(2):") is True
    console.run_line("    print('line', i)")
    console.run_line("")
    console.run_line("viewer.image.width")
    console.run_line("undefined_name")
    text = console.output.toPlainText()
    assert "line 1" in text and "180" in text and "NameError" in text
    assert "viewer.exposure" in console.complete("viewer.expo")


def test_bad_file_shows_message_and_keeps_image(window, qtbot, chart, tmp_path):
    _show(window, qtbot, chart)
    bad = tmp_path / "broken.exr"
    bad.write_bytes(b"v/1\x01 this is not an exr")
    window.open_path(str(bad))
    qtbot.waitUntil(lambda: window.state.error != "", timeout=5000)
    assert "broken.exr" in window.error_label.text()
    assert window.state.image.width == 180 and window.state.path == "chart.exr"


def test_probe_reports_raw_graded_and_display(window, qtbot, chart):
    _show(window, qtbot, chart)
    commands.set_exposure(window.state, 1.0)
    window.panels["Pixel probe"].show_at(95.5, 60.5)
    text = window.panels["Pixel probe"].label.text()
    assert "x 95  y 60" in text and "raw (R,G,B,A): 4  0.5  0.1  1" in text and "graded: 8  1  0.2" in text
    commands.set_exposure(window.state, 2.0)  # the probe follows the grade
    assert "graded: 16  2  0.4" in window.panels["Pixel probe"].label.text()


def test_export_writes_the_display_image(window, qtbot, chart, tmp_path):
    _show(window, qtbot, chart)
    commands.set_exposure(window.state, 0.5)
    out = tmp_path / "shown.exr"
    assert commands.export(window.state, out)
    written = vfx_rs.read(out).numpy()
    expected = window.state.settings.pipeline().applied(chart)
    np.testing.assert_allclose(written, expected, atol=1e-6)


def test_drop_and_recent_files(window, qtbot, chart, tmp_path, monkeypatch):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.exr"
    path.touch()
    monkeypatch.setattr(vfxview.sequence, "load_image", lambda p: (vfx_rs.Image(chart), None))  # no EXR needed
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.state.path == str(path), timeout=5000)
    assert window.state.recent[0] == str(path)
    assert [a.text() for a in window.recent_menu.actions()] == [str(path)]


def test_missing_opengl_shows_a_message_in_place_of_the_viewport(window, qtbot):
    from vfxview.viewport import GL_MISSING

    window.viewport.gl_missing.emit(GL_MISSING)
    assert not window.viewport.isVisible()
    assert "OpenGL 3.3 is not available" in window.error_label.text()


def test_docks_recent_files_and_file_rules_are_remembered_between_runs(qtbot, chart, tmp_path):
    from PySide6.QtCore import QSettings

    from vfxview.window import MainWindow

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path))
    first = MainWindow(remember_layout=True)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    src = tmp_path / "remembered.exr"
    vfx_rs.write(src, vfx_rs.Image(chart))
    assert commands.open_image(first.state, src)
    first.docks["Console"].hide()
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.docks["Grade"])
    first.close()
    second = MainWindow(remember_layout=True)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.state.recent == (str(src),)
    assert [a.text() for a in second.recent_menu.actions()] == [str(src)]
    assert not second.docks["Console"].isVisible() and second.docks["Pixel probe"].isVisible()
    assert second.dockWidgetArea(second.docks["Grade"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.state.input_from_rules  # no space was picked: the file rules still choose it
    second.recent_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: second.state.path == str(src), timeout=5000)
    assert second.state.image.width == 180
    second.close()


def test_info_panel_lists_size_windows_pixel_type_compression_and_metadata(window, qtbot):
    from vfx_rs.data_files import sample_image_path

    assert commands.open_image(window.state, sample_image_path())
    text = window.panels["Info"].text.toPlainText()
    for fact in ("size: 960 x 540", "pixel type: f16", "data window: (0, 0, 959, 539)", "compression: 'zip'", "owner"):
        assert fact in text, fact


def test_second_command_line_image_becomes_compare_b(window, qtbot, chart, tmp_path):
    b = tmp_path / "b.exr"
    vfx_rs.write(b, vfx_rs.Image(chart * 0.5))
    _show(window, qtbot, chart)
    window.compare_with(str(b))  # what `vfxview a.exr b.exr` does with b.exr
    assert window.state.compare_mode == "wipe" and window.state.compare.width == 180
    window.compare_with(str(tmp_path / "missing.exr"))
    assert "missing.exr" in window.error_label.text() and window.state.compare.width == 180


def test_open_dialog_loads_on_a_worker_with_progress(window, qtbot, chart, tmp_path, monkeypatch):
    import threading

    import vfxview.window

    path = tmp_path / "dialog.exr"
    vfx_rs.write(path, vfx_rs.Image(chart))
    monkeypatch.setattr(vfxview.window.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    threads = []
    real_load = commands.load_image

    def load(p):
        threads.append(threading.current_thread())
        return real_load(p)

    monkeypatch.setattr(vfxview.sequence, "load_image", load)
    window.open_dialog()
    assert not window.progress.isHidden()  # the result comes back through the UI thread's event loop
    qtbot.waitUntil(lambda: window.state.path == str(path), timeout=5000)
    assert window.progress.isHidden() and threads and threads[0] is not threading.main_thread()


def test_reset_button_probe_copy_and_console_history(window, qtbot, chart):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPushButton

    _show(window, qtbot, chart)
    commands.set_grade(window.state, slope=(1.2, 1.0, 0.8), offset=0.01, power=1.1, saturation=0.5)
    commands.set_exposure(window.state, 1.5)
    window.panels["Grade"].reset.click()
    s = window.state
    assert (s.exposure, s.slope, s.offset, s.power, s.saturation) == (0.0, (1.0,) * 3, (0.0,) * 3, (1.0,) * 3, 1.0)
    probe = window.panels["Pixel probe"]
    probe.show_at(95.5, 60.5)
    next(b for b in probe.findChildren(QPushButton) if b.text() == "Copy").click()
    assert QGuiApplication.clipboard().text() == probe.label.text() and "x 95  y 60" in probe.label.text()
    console = window.panels["Console"]
    console.run_line("x = 41")
    console.run_line("x + 1")
    assert "42" in console.output.toPlainText()
    qtbot.keyClick(console.input, Qt.Key.Key_Up)
    assert console.input.text() == "x + 1"
    qtbot.keyClick(console.input, Qt.Key.Key_Up)
    assert console.input.text() == "x = 41"


def test_small_window_keeps_its_size_and_every_panel(window, qtbot):
    """Panels scroll inside their docks, so a laptop-sized window is not forced taller by the docks."""
    window.resize(1100, 640)
    qtbot.waitUntil(lambda: window.height() == 640, timeout=5000)
    assert all(dock.isVisible() for dock in window.docks.values())
    assert window.minimumSizeHint().height() <= 640


def test_info_panel_follows_the_frame_stepped_to(window, qtbot, tmp_path):
    """Stepping through a sequence, the Info panel names the file of the frame shown (not the previous one), and a
    missing frame as missing."""
    from vfxview import playback

    for frame in (1001, 1002, 1004):
        vfx_rs.write(tmp_path / f"shot.{frame}.exr", vfx_rs.Image(np.full((4, 6, 3), frame / 1e3, np.float32)))
    assert playback.open_path(window.state, tmp_path / "shot.1001.exr")
    info = window.panels["Info"].text
    for frame in (1002, 1003, 1004):
        assert playback.step(window.state, 1)
        files = [line for line in info.toPlainText().splitlines() if line.startswith("file: ")]
        assert files == [f"file: {tmp_path / f'shot.{frame}.exr'}"], files
        assert ("missing:" in info.toPlainText()) == (frame == 1003)
