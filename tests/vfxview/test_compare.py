"""Compare: the probe shows A and B at the same image position; the figures name their basis."""

from __future__ import annotations

import numpy as np

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
