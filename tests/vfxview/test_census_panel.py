"""The census panel, its overlay and the false colours: counts against NumPy's own, jump, per frame of a sequence."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

import vfx_rs
from tests.tolerances import ATOL_8BIT
from vfxview import color_commands, commands, playback

pytestmark = pytest.mark.gl

NAN, POS_INF, NEG_INF, BOTH_INF = (1.0, 0.0, 1.0), (1.0, 0.0, 0.0), (0.0, 0.3, 1.0), (1.0, 1.0, 0.0)
"""The false colours README documents: NaN magenta, +Inf red, -Inf blue, both infinities yellow."""


def _picture() -> np.ndarray:
    px = np.full((30, 40, 3), 0.18, np.float32)
    px[3, 4] = (1.0, -np.inf, 1.0)
    px[5, 6] = (1.0, np.inf, 1.0)
    px[7, 8] = (np.inf, -np.inf, 0.0)
    px[9, 10, 2] = np.nan
    px[20:22, 30:33, 0] = -0.5
    return px


def _screen(window, x, y):
    vp = window.viewport
    frame = vp.grabFramebuffer()
    scale = frame.devicePixelRatio() / vp.devicePixelRatioF()
    c = frame.pixelColor(int((vp.pan[0] + (x + 0.5) * vp.zoom) * scale), int((vp.pan[1] + (y + 0.5) * vp.zoom) * scale))
    return np.array([c.redF(), c.greenF(), c.blueF()])


def _open(window, qtbot, px, census_shown=True):
    if census_shown:
        window.docks["Census"].raise_()  # the census runs while its panel is on screen (or the overlay is on)
    commands.show_loaded(window.state, "c.exr", vfx_rs.Image(px))
    color_commands.set_source(window.state, "raw")
    qtbot.waitUntil(lambda: window.viewport.compile_count >= 1, timeout=10000)


def test_hidden_panel_takes_no_census_until_shown(window, qtbot):
    """Behind its tab the census waits (it cost as much as the first frame, and one per frame while playing)."""
    _open(window, qtbot, _picture(), census_shown=False)
    panel = window.panels["Census"]
    qtbot.wait(200)
    assert not window.docks["Census"].visibleRegion().boundingRect().width()
    assert panel.pending == 0 and window.state.census is None
    window.docks["Census"].raise_()
    qtbot.waitUntil(lambda: window.state.census is not None and panel.pending == 0, timeout=10000)
    assert window.state.census.counts["R"]["nan"] == int(np.isnan(_picture()[..., 0]).sum())


def test_false_colour_follows_the_infinite_channels_sign(window, qtbot):
    _open(window, qtbot, _picture())
    for (x, y), colour in (((4, 3), NEG_INF), ((6, 5), POS_INF), ((8, 7), BOTH_INF), ((10, 9), NAN)):
        np.testing.assert_allclose(_screen(window, x, y), colour, atol=ATOL_8BIT, err_msg=str((x, y)))


def test_panel_counts_lists_and_jumps(window, qtbot):
    px = _picture()
    _open(window, qtbot, px)
    panel = window.panels["Census"]
    qtbot.waitUntil(lambda: window.state.census is not None and panel.pending == 0, timeout=10000)
    found = window.state.census
    for c, name in enumerate("RGB"):
        assert found.counts[name]["nan"] == int(np.isnan(px[..., c]).sum())
        assert found.counts[name]["+inf"] == int(np.isposinf(px[..., c]).sum())
        assert found.counts[name]["-inf"] == int(np.isneginf(px[..., c]).sum())
        assert found.counts[name]["negative"] == int((np.isfinite(px[..., c]) & (px[..., c] < 0)).sum())
    listed = {(kind, x, y) for kind, x, y in panel.rows}
    assert {("-inf", 4, 3), ("+inf", 6, 5), ("+inf", 8, 7), ("-inf", 8, 7), ("nan", 10, 9)} <= listed
    assert sum(1 for kind, *_ in panel.rows if kind == "negative") == 6
    row = next(i for i, r in enumerate(panel.rows) if r == ("nan", 10, 9))
    panel.positions.itemClicked.emit(panel.positions.item(row))
    assert window.state.pinned == (10, 9)
    vp = window.viewport
    centre = vp.image_pos(QPointF(vp.width() / 2, vp.height() / 2))
    assert (int(np.floor(centre[0])), int(np.floor(centre[1]))) == (10, 9) and vp.zoom >= 8.0


def test_overlay_marks_each_kind_in_its_colour(window, qtbot):
    _open(window, qtbot, _picture())
    qtbot.waitUntil(lambda: window.state.census is not None, timeout=10000)
    window.panels["Census"].overlay.setChecked(True)
    overlay = window.census_overlay
    shot = window.viewport.grab().toImage()
    for (x, y), colour in (((4, 3), NEG_INF), ((10, 9), NAN)):
        rect = overlay.marker(x, y)
        ratio = shot.devicePixelRatio()
        c = shot.pixelColor(int(rect.left() * ratio), int(rect.center().y() * ratio))
        np.testing.assert_allclose([c.redF(), c.greenF(), c.blueF()], colour, atol=ATOL_8BIT, err_msg=str((x, y)))


def test_census_of_every_frame_of_a_sequence(window, qtbot, tmp_path):
    nans = {1001: 0, 1002: 3, 1003: 1}
    for frame, n in nans.items():
        px = np.full((8, 10, 3), 0.5, np.float32)
        px[0, :n, 1] = np.nan
        vfx_rs.write(tmp_path / f"s.{frame}.exr", vfx_rs.Image(px))
    assert playback.open_path(window.state, tmp_path / "s.1001.exr")
    panel = window.panels["Census"]
    panel.census_all_frames()
    qtbot.waitUntil(lambda: len(panel.frames) == 3, timeout=10000)
    assert {f: c.total("nan") for f, c in panel.frames.items()} == nans
    assert panel.frame_list.item(1).text().startswith("frame 1002: nan 3")
    panel.frame_list.itemClicked.emit(panel.frame_list.item(2))
    assert window.state.frame == 1003


def test_console_census(window, qtbot):
    px = _picture()
    _open(window, qtbot, px)
    console = window.panels["Console"]
    console.run_line("c = debug.census()")
    assert console.namespace["c"].total("nan") == int(np.isnan(px).any(axis=-1).sum())
    assert "negative" in console.output.toPlainText()
