"""What a played frame costs: drawn once through the display shader (then shown exactly from the display cache),
panels refreshed at a low rate, no relayout or repaint loop of the window."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject

import vfx_rs
from vfxview import commands, playback

pytestmark = pytest.mark.gl

FRAMES = (1001, 1002, 1004, 1005)  # 1003 is missing: its placeholder is a frame like any other


@pytest.fixture
def shot(tmp_path: Path) -> Path:
    for frame in FRAMES:
        y, x = np.mgrid[0:24, 0:40].astype(np.float32)
        pixels = np.stack([x / 40 + frame - 1000, y / 24, np.full_like(x, 0.18), np.ones_like(x)], axis=-1)
        vfx_rs.write(tmp_path / f"shot.{frame}.exr", vfx_rs.Image(pixels, format="f16"))
    return tmp_path


def _open(window, qtbot, shot: Path) -> None:
    window.open_path(str(shot / "shot.1001.exr"))
    qtbot.waitUntil(lambda: window.state.clip is not None and window.state.image is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.state.cache.idle(), timeout=5000)


class _Count(QObject):
    """Counts events of `kind` reaching `widget`."""

    def __init__(self, widget, kind) -> None:
        super().__init__()
        self.kind, self.n = kind, 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        self.n += event.type() == self.kind
        return False


def test_played_frames_are_drawn_once_and_shown_exactly(window, qtbot, shot):
    _open(window, qtbot, shot)
    s, vp = window.state, window.viewport
    cache = vp.display_cache
    qtbot.waitUntil(lambda: len(cache) == 4, timeout=10000)  # stopped, the read-ahead frames are drawn ahead
    assert (cache.draws, cache.hits) == (4, 0)
    playback.play(s, 1)
    window.timeline.clock.stop()  # the test steps the clock itself
    shown: dict[int, list] = {}
    for _ in range(10):  # two and a half loops of 5 frames (one of them the missing frame's placeholder)
        assert playback.advance(s)
        shown.setdefault(s.frame, []).append(vp.grabFramebuffer())
    assert (cache.draws, cache.hits) == (5, 9)  # each picture through the shader once (the placeholder while playing)
    playback.play(s, 0)
    for frame, images in shown.items():
        playback.set_frame(s, frame)
        direct = vp.grabFramebuffer()  # stopped: the display shader draws it
        assert all(image == direct for image in images), frame  # the cached frame is the shader's output, byte for byte
    assert cache.draws == 5


def test_any_change_of_the_picture_draws_again(window, qtbot, shot):
    _open(window, qtbot, shot)
    s, vp = window.state, window.viewport
    cache = vp.display_cache
    qtbot.waitUntil(lambda: len(cache) == 4, timeout=10000)
    playback.play(s, 1)
    window.timeline.clock.stop()
    playback.advance(s)
    vp.grabFramebuffer()
    drawn = cache.draws
    commands.set_exposure(s, 1.0)
    playback.advance(s)
    before = vp.grabFramebuffer()
    assert (cache.draws, len(cache)) == (drawn + 1, 1)  # the new exposure emptied it
    vp.pan = vp.pan + np.array([3.0, 0.0])
    after = vp.grabFramebuffer()
    assert cache.draws == drawn + 2 and after != before
    window.timeline.fps_box.setValue(48.0)  # not a change of the picture
    vp.grabFramebuffer()
    assert cache.draws == drawn + 2
    playback.play(s, 0)  # stopped, the frames of the new view are drawn ahead again
    qtbot.waitUntil(lambda: len(cache) == 4 and cache.key == vp._view_key(), timeout=10000)
    playback.close_clip(s)
    assert len(cache) == 0  # its textures are freed with the clip


def test_panels_refresh_at_a_low_rate_while_playing_and_describe_the_stopped_frame(window, qtbot, shot, monkeypatch):
    _open(window, qtbot, shot)
    s = window.state
    info, census = window.panels["Info"], window.panels["Census"]
    census.set_shown(True)  # its dock on screen (tabbed away, it takes no census at all)
    qtbot.waitUntil(lambda: census.pending == 0, timeout=5000)
    refreshes = []
    refresh = info._throttle._refresh
    monkeypatch.setattr(info._throttle, "_refresh", lambda: refreshes.append(s.frame) or refresh())
    jobs_while_playing = []
    census.state.changed.connect(lambda name, value: s.playing and census.pending and jobs_while_playing.append(name))
    relayouts = _Count(window.timeline, QEvent.Type.LayoutRequest)
    playback.set_fps(s, 100.0)
    frames = []
    s.changed.connect(lambda name, value: frames.append(value) if name == "frame" else None)
    playback.play(s, 1)
    qtbot.wait(1200)
    playback.play(s, 0)
    assert len(frames) >= 20
    assert len(refreshes) <= 5  # twice a second (and once at the start and at the stop), not per frame
    assert f"shot.{s.frame}.exr" in info.text.toPlainText() or "missing" in info.text.toPlainText()
    assert relayouts.n <= 2  # the play button's text at start and stop; the readouts and frame box never relayout
    assert not jobs_while_playing  # a census outlives its frame: none runs while playing
    qtbot.waitUntil(lambda: s.census is not None and census.pending == 0, timeout=5000)  # the stopped frame's


def test_census_overlay_repaints_only_on_change_and_hides_when_off(window, qtbot, shot):
    _open(window, qtbot, shot)
    overlay = window.census_overlay
    assert not overlay.isVisible()
    window.panels["Census"].overlay.setChecked(True)
    assert overlay.isVisible()
    qtbot.waitUntil(lambda: window.state.census is not None, timeout=5000)
    qtbot.wait(300)  # shown and the census drawn
    paints = _Count(overlay, QEvent.Type.Paint)
    qtbot.wait(500)
    assert paints.n == 0  # it repainted after every viewport frame, which caused the next frame: a loop
    window.viewport.zoom_at(2.0, window.viewport.rect().center().toPointF())
    qtbot.waitUntil(lambda: paints.n >= 1, timeout=2000)


def test_a_one_line_message_keeps_the_status_bar_height(window, qtbot):
    bar = window.statusBar()
    qtbot.wait(50)
    height = bar.height()
    commands.report_error(window.state, "frame 1006 is missing: no file shot.1006.exr")
    qtbot.wait(50)
    assert bar.height() == height
    commands.report_error(window.state, "a long message " * 60)
    qtbot.wait(50)
    label = window.error_label
    assert label.height() >= label.heightForWidth(label.width())  # wrapped, never cut off


def test_refreshes_while_playing_walk_through_every_loop():
    """A fixed refresh interval is a whole number of frames for some loop (500 ms: 12 frames at 24 fps) and
    then shows one frame of it at every refresh; with the throttle's waits, over 20 s of any loop of 4 to 30
    frames at the usual rates, at most a third of the refreshes show the frame the one before showed."""
    from vfxview.panels.throttle import PLAYING_INTERVAL_MS, waits

    def shown(intervals: list[int], fps: float, loop: int) -> list[int]:
        return [int(t / 1000.0 * fps) % loop for t in itertools.accumulate(intervals)]

    fixed = shown([PLAYING_INTERVAL_MS] * 40, 24.0, 12)
    assert len(set(fixed)) == 1  # the standing frame the waits avoid
    for fps in (23.976, 24.0, 25.0, 30.0, 48.0, 60.0):
        for loop in range(4, 31):
            frames = shown(list(itertools.islice(waits(), 40)), fps, loop)
            repeats = sum(a == b for a, b in itertools.pairwise(frames))
            assert repeats <= len(frames) // 3 and len(set(frames)) >= 4, (fps, loop, frames)
    assert all(0.8 * PLAYING_INTERVAL_MS <= w <= 1.2 * PLAYING_INTERVAL_MS for w in itertools.islice(waits(), 100))
