"""Polish: slider values typed and reset, zoom readout, one message at a time with its path once, rounded info,
File > Open in the last folder."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

import vfx_rs
from vfxview import color_commands, commands
from vfxview.panels.info import describe
from vfxview.state import path_once


def test_exposure_and_gamma_show_their_value_take_typing_and_reset_on_double_click(window, qtbot):
    grade = window.panels["Grade"]
    commands.set_exposure(window.state, 1.25)
    assert grade.exposure_box.value() == 1.25 and grade.exposure.value() == 125
    grade.exposure_box.setValue(-2.5)  # as typed (keyboard tracking off: one change on Enter)
    assert window.state.exposure == -2.5
    grade.gamma_box.setValue(2.2)
    assert window.state.gamma == pytest.approx(2.2)
    qtbot.mouseDClick(grade.exposure, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.mouseDClick(grade.gamma, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert (window.state.exposure, window.state.gamma) == (0.0, 1.0)
    assert grade.exposure_box.value() == 0.0 and grade.gamma.value() == 100


def test_zoom_is_shown_and_settable(window, qtbot, chart):
    commands.show_loaded(window.state, "chart.exr", vfx_rs.Image(chart))
    window.viewport.one_to_one()
    assert window.zoom_box.value() == 100.0
    window.zoom_box.setValue(250.0)
    assert window.viewport.zoom == pytest.approx(2.5)
    window.viewport.fit()
    assert window.zoom_box.value() == pytest.approx(round(window.viewport.zoom * 100, 1))


def test_a_message_replaces_the_last_names_the_path_once_and_a_success_clears_it(window, qtbot, tmp_path):
    broken = tmp_path / "broken.exr"
    broken.write_bytes(b"v/1\x01 not an exr")
    assert not commands.open_image(window.state, broken)
    text = window.error_label.text()
    assert text.count(str(broken)) == 1 and window.error_label.toolTip() == text
    assert window.error_label.wordWrap()  # long messages wrap instead of being cut off
    color_commands.set_display(window.state, "NoSuchDisplay")
    assert "NoSuchDisplay" in window.error_label.text() and str(broken) not in window.error_label.text()
    assert color_commands.set_display(window.state, "sRGB - Display")
    assert window.error_label.text() == "" and window.state.error == ""


def test_a_console_export_or_compare_clears_the_last_message(window, qtbot, tmp_path):
    """Successes through the console API clear a message as the UI's do (it stayed on screen)."""
    from vfxview.script_viewer import ScriptViewer

    viewer = ScriptViewer(window.state)
    viewer.image = np.full((4, 4, 3), 0.5, np.float32)
    viewer.compare_mode = "difference"
    assert "unknown compare mode" in window.error_label.text()
    assert viewer.export(tmp_path / "out.exr") and window.state.error == "" and window.error_label.text() == ""
    viewer.compare_mode = "nope"
    viewer.compare_mode = "wipe"
    assert window.state.error == "" and window.state.compare_mode == "wipe"


def test_path_once_keeps_other_text():
    assert path_once("cannot open /a/b.exr: /a/b.exr: bad header") == "cannot open /a/b.exr: bad header"
    assert path_once("cannot open /a/b.exr: [Errno 2] No such file: '/a/b.exr'") == (
        "cannot open /a/b.exr: [Errno 2] No such file"
    )
    assert path_once("A is /x/a.exr and B is /x/b.exr") == "A is /x/a.exr and B is /x/b.exr"


def test_info_rounds_float_attributes():
    image = vfx_rs.Image(
        np.zeros((2, 2, 3), np.float32),
        metadata={"pixelAspectRatio": np.float32(1.1), "chromaticities": (0.6399999856948853, 0.33000001311302185)},
    )
    text = describe("x.exr", image)
    assert text.endswith("pixelAspectRatio: 1.1") and "chromaticities: (0.64, 0.33)\n" in text


def test_open_starts_in_the_last_folder(window, monkeypatch, tmp_path):
    import vfxview.window

    asked = []
    monkeypatch.setattr(vfxview.window.QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a[2]) or ("", ""))
    window.state.recent = (str(tmp_path / "shots" / "a.exr"),)
    window.open_dialog()
    window.open_b_dialog()
    assert asked == [str(tmp_path / "shots")] * 2
