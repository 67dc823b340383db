"""Compare: the probe shows A and B at the same image position; the figures name their basis."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

import vfx_rs
from vfxview import color_commands, commands
from vfxview.panels.probe import probe


def test_probe_shows_a_and_b_at_the_same_position(window, qtbot, chart):
    a = np.nan_to_num(chart)
    b = a[::-1].copy()  # B differs per row: a wrong position would show another value
    commands.show_loaded(window.state, "a.exr", vfx_rs.Image(a))
    color_commands.set_source(window.state, "raw")
    assert "b_raw" not in probe(window.state, 10.5, 20.5)  # not comparing: A only
    commands.set_compare_image(window.state, b, "wipe")
    p = probe(window.state, 10.5, 20.5)
    assert p["raw"] == a[20, 10].tolist() and p["b_raw"] == b[20, 10].tolist()
    assert p["b_display"][:3] == b[20, 10, :3].tolist()  # raw view, identity grade: B's values as they are
    window.panels["Pixel probe"].show_at(10.5, 20.5)
    text = window.panels["Pixel probe"].label.text()
    assert "B raw (R,G,B,A)" in text and "B display" in text


def test_each_side_picks_its_own_layer(window, qtbot, tmp_path):
    def layers(offset: float) -> dict[str, vfx_rs.Image]:
        return {
            name: vfx_rs.Image(np.full((4, 6, 3), value + offset, np.float32))
            for name, value in (("beauty", 1.0), ("diffuse", 2.0), ("specular", 3.0))
        }

    vfx_rs.write_layers(tmp_path / "a.exr", layers(0.0))
    vfx_rs.write_layers(tmp_path / "b.exr", layers(0.5))
    assert commands.open_image(window.state, tmp_path / "a.exr")
    commands.set_compare(window.state, "wipe", tmp_path / "b.exr")
    panel = window.panels["Layers"]
    assert [panel.b_list.item(i).text() for i in range(panel.b_list.count())] == list(window.state.compare_layers)
    assert not panel.b_list.isHidden()
    commands.select_layer(window.state, "specular")
    item = panel.b_list.findItems("diffuse", Qt.MatchFlag.MatchExactly)[0]
    panel.b_list.itemClicked.emit(item)
    assert (window.state.layer, window.state.compare_layer) == ("specular", "diffuse")
    color_commands.set_source(window.state, "raw")
    p = probe(window.state, 1.5, 1.5)
    assert p["raw"][0] == 3.0 and p["b_raw"][0] == 2.5  # A's specular beside B's diffuse
    commands.select_compare_layer(window.state, "nope")
    assert "nope" in window.state.error and window.state.compare_layer == "diffuse"
    commands.set_compare_image(window.state, np.zeros((4, 6, 3), np.float32))
    assert panel.b_list.isHidden()  # an array B has no layers


def test_an_unknown_compare_mode_names_the_modes_and_changes_nothing():
    from vfxview.state import ViewerState

    state = ViewerState()
    commands.set_compare(state, "wipe")
    commands.set_compare(state, "difference")
    assert state.compare_mode == "wipe"
    assert state.error == "unknown compare mode 'difference' (one of: off, wipe, side, diff)"
