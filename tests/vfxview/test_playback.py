"""Sequences and movies in the viewer's Qt-free model: clips, frames, in/out, playback ticks, read-ahead cache."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from vfxview import playback
from vfxview.state import ViewerState

FRAMES = (1001, 1002, 1004, 1005)  # 1003 is missing


def _frame_image(frame: int) -> vfx_rs.Image:
    pixels = np.full((8, 16, 4), frame / 1000.0, np.float32)
    pixels[..., 3] = 1.0
    return vfx_rs.Image(pixels)


@pytest.fixture
def shot(tmp_path: Path) -> Path:
    for frame in FRAMES:
        vfx_rs.write(tmp_path / f"shot.{frame}.exr", _frame_image(frame))
    return tmp_path


def _value(state: ViewerState) -> float:
    return float(state.image.pixels[0, 0, 0])


def _wait_idle(state: ViewerState) -> None:
    deadline = time.monotonic() + 10
    while not state.cache.idle() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert state.cache.idle()


def test_one_frame_opens_its_sequence_at_that_frame(shot):
    state = ViewerState()
    assert playback.open_path(state, shot / "shot.1002.exr")
    clip = state.clip
    assert (clip.first, clip.last, clip.missing()) == (1001, 1005, [1003])
    assert (state.frame, state.in_point, state.out_point, state.fps) == (1002, 1001, 1005, 24.0)
    assert _value(state) == pytest.approx(1.002, abs=1e-3)  # the EXR is half: 1.002 to half precision
    assert state.path == str(shot / "shot.1002.exr")


def test_a_missing_frame_shows_a_placeholder_and_a_warning_then_success_clears_it(shot):
    state = ViewerState()
    playback.open_path(state, shot / "shot.1002.exr")
    assert playback.step(state, 1)
    assert state.frame == 1003 and state.image.metadata.get("missing") is True
    assert "frame 1003 is missing" in state.error and "shot.1003.exr" in state.error
    assert (state.image.width, state.image.height) == (16, 8)  # the placeholder has the clip's size
    assert playback.step(state, 1)
    assert state.frame == 1004 and state.error == "" and _value(state) == pytest.approx(1.004, abs=1e-3)


def test_in_out_loop_and_the_end_of_playback(shot):
    state = ViewerState()
    playback.open_path(state, shot / "shot.1001.exr")
    assert not playback.set_in_out(state, 1004, 1002)
    assert "in <= out" in state.error
    assert playback.set_in_out(state, 1002, 1004)
    assert state.frame == 1002  # moved inside the range
    assert playback.play_order(state) == [1002, 1003, 1004]
    playback.play(state, -1)
    assert playback.play_order(state) == [1002, 1004, 1003]
    assert playback.next_frame(state, -1) == 1004  # loops back to the out point
    playback.set_loop(state, False)
    assert playback.next_frame(state, -1) is None
    assert not playback.advance(state) and state.playing == 0  # the end stops playback
    playback.set_loop(state, True)
    playback.play(state, 1)
    _wait_idle(state)
    seen = []
    for _ in range(4):
        assert playback.advance(state)
        seen.append(state.frame)
    assert seen == [1003, 1004, 1002, 1003]


def test_cache_reads_ahead_in_play_order_within_the_budget(shot):
    state = ViewerState()
    playback.open_path(state, shot / "shot.1001.exr")
    _wait_idle(state)
    assert state.cache.cached() == frozenset(FRAMES)  # the whole clip fits the default budget
    frame_bytes = state.cache.get(1001).nbytes
    assert frame_bytes >= 8 * 16 * 4 * 4
    state.cache.set_budget(2 * frame_bytes)
    playback.set_frame(state, 1004)
    _wait_idle(state)
    assert state.cache.cached() == frozenset({1004, 1005})  # the next frames to play, nothing behind
    assert state.cache.nbytes() <= 2 * frame_bytes
    assert state.cache.loaded >= len(FRAMES) and state.cache.frames_per_second() > 0
    playback.set_cache_budget(state, 10)
    assert "at least 64 MiB" in state.error and state.cache_mb == 2048


def test_fps_and_frame_commands_check_their_values(shot):
    state = ViewerState()
    assert not playback.set_frame(state, 1)
    assert "no image sequence" in state.error
    playback.open_path(state, shot / "shot.1001.exr")
    playback.set_fps(state, 0)
    assert "frame rate" in state.error and state.fps == 24.0
    playback.set_fps(state, 25)
    assert state.fps == 25.0
    assert playback.set_frame(state, 99999) and state.frame == 1005  # clamped to the clip


def test_a_lone_image_closes_the_clip(shot, tmp_path):
    state = ViewerState()
    playback.open_path(state, shot / "shot.1001.exr")
    single = tmp_path / "single.exr"
    vfx_rs.write(single, _frame_image(7))
    assert playback.open_path(state, single)
    assert state.clip is None and state.cache is None and state.path == str(single)


def test_a_movie_opens_as_a_clip_in_the_space_its_tags_name(tmp_path):
    pytest.importorskip("av", reason="the [movie] extra (PyAV) is not installed")
    ramp = np.linspace(0.1, 0.9, 3, dtype=np.float32)
    frames = [vfx_rs.Image(np.full((16, 32, 3), v, np.float32)) for v in ramp]
    path = tmp_path / "daily.mov"
    vfx_rs.write_movie(path, frames, fps=25, codec="prores_422hq")
    state = ViewerState()
    assert playback.open_path(state, path)
    assert (state.clip.first, state.clip.last, state.fps) == (0, 2, 25.0)
    assert state.input_space == "Rec.1886 Rec.709 - Display"  # BT.709 tags -> the config's Rec.709 display
    assert playback.set_frame(state, 2)
    assert float(state.image.pixels[8, 16, 1]) == pytest.approx(0.9, abs=2e-3)  # 10-bit ProRes
