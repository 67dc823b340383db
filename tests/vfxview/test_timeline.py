"""The timeline panel: opening one frame of a sequence, picking frames, keys, playback clock, fps and cache fields."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

import vfx_rs

FRAMES = (1001, 1002, 1004, 1005, 1006)


@pytest.fixture
def shot(tmp_path: Path) -> Path:
    for frame in FRAMES:
        pixels = np.full((8, 16, 4), frame / 1000.0, np.float32)
        pixels[..., 3] = 1.0
        vfx_rs.write(tmp_path / f"shot.{frame}.exr", vfx_rs.Image(pixels))
    return tmp_path


def _key(window, key: str) -> None:
    """Trigger the window's action bound to `key` (what pressing it does; no window manager is needed)."""
    from PySide6.QtGui import QKeySequence

    actions = [a for a in window.actions() if a.shortcut() == QKeySequence(key)]
    assert len(actions) == 1, key
    actions[0].trigger()


def _open(window, qtbot, path: Path) -> None:
    window.open_path(str(path))
    qtbot.waitUntil(lambda: window.state.clip is not None and window.state.image is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.state.cache.idle(), timeout=5000)


def test_one_frame_opens_the_sequence_with_real_frame_numbers(window, qtbot, shot):
    _open(window, qtbot, shot / "shot.1002.exr")
    t = window.timeline
    assert t.isVisible() and t.frame_box.value() == 1002
    assert "1001-1006" in t.range_label.text() and "1 missing" in t.range_label.text()
    bar = t.bar
    x = bar._x(1004)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPointF(x, 5).toPoint())
    qtbot.waitUntil(lambda: window.state.frame == 1004, timeout=5000)
    assert float(window.state.image.pixels[0, 0, 0]) == pytest.approx(1.004, abs=1e-3)
    _key(window, "Left")
    assert window.state.frame == 1003 and "frame 1003 is missing" in window.error_label.text()
    _key(window, "Left")
    assert window.state.frame == 1002 and window.error_label.text() == ""
    t.frame_box.setValue(1006)
    assert window.state.frame == 1006


def test_in_out_keys_and_playback_loop_at_the_set_rate(window, qtbot, shot):
    _open(window, qtbot, shot / "shot.1001.exr")
    t = window.timeline
    t.fps_box.setValue(50.0)
    assert window.state.fps == 50.0
    _key(window, "Right")
    _key(window, "I")
    _key(window, "End")
    _key(window, "Left")
    _key(window, "O")
    assert (window.state.in_point, window.state.out_point) == (1002, 1005)
    seen: list[int] = []
    window.state.changed.connect(lambda name, value: seen.append(value) if name == "frame" else None)
    _key(window, "Space")
    assert window.state.playing == 1
    qtbot.waitUntil(lambda: len(seen) >= 6, timeout=5000)
    _key(window, "Space")
    assert window.state.playing == 0
    assert seen[:6] == [1002, 1003, 1004, 1005, 1002, 1003]  # from the out point back to in, the gap shown
    assert t.shown_rate() > 0
    _key(window, "Shift+Space")
    assert window.state.playing == -1
    t.toggle(-1)
    assert window.state.playing == 0


def test_cache_budget_dialog_and_strip(window, qtbot, shot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    _open(window, qtbot, shot / "shot.1001.exr")
    t = window.timeline
    assert window.state.cache.cached() == frozenset(FRAMES)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (512, True))
    (action,) = [a for a in window.menuBar().actions()[2].menu().actions() if a.text() == "Cache budget..."]
    action.trigger()
    assert window.state.cache_mb == 512 and window.state.cache.budget == 512 * 2**20
    t._refresh()
    assert t.cache_label.text().endswith("/512 MiB") and t.cache_label.toolTip().startswith("5 frames cached")


@pytest.mark.parametrize("fork", [False, True], ids=["thread", "forked child"])
def test_the_first_image_read_before_the_window_shows_exactly(window, qtbot, tmp_path, fork):
    from vfxview import first_read
    from vfxview.cache import prepared_texture

    pixels = np.full((8, 16, 4), 0.5, np.float32)
    pixels[..., 3] = 1.0
    pixels[0, 0, 0] = np.inf
    pixels[1, 2, 1] = 0.1  # not a half value: stored as the nearest half
    path = tmp_path / "plate.exr"
    vfx_rs.write(path, vfx_rs.Image(pixels, format="f16"))
    pending = first_read.start(str(path), fork=fork)
    window.open_path(str(path), pending=pending)
    qtbot.waitUntil(lambda: window.state.path == str(path), timeout=5000)
    texture = prepared_texture(window.state.image)
    assert texture is not None and texture.dtype == np.float16  # half data is uploaded as it is
    as_read = window.state.image.pixels
    np.testing.assert_array_equal(texture.astype(np.float32), as_read)
    qtbot.waitUntil(lambda: window.viewport.upload_count >= 1, timeout=5000)
    window.state.update(source="raw", nan_false_color=False)
    assert np.array_equal(window.viewport.render_float(), as_read)  # RGBA16F holds the half values exactly
    from OpenGL import GL

    assert window.viewport._textures["image"].internal == GL.GL_RGBA16F


def test_playback_readouts_never_resize_the_window(window, qtbot, shot):
    """The fps and cache readouts change text while playing; the window keeps its size (it grew by ~90 px)."""
    window.resize(1280, 800)
    window.show()
    _open(window, qtbot, shot / "shot.1002.exr")
    qtbot.wait(50)
    size = window.size()
    assert size.width() == 1280  # opening the sequence did not widen it either
    window.timeline.shown_fps.setText("23.9 fps shown")
    window.timeline.cache_label.setText("65432/65536 MiB")
    window.timeline.range_label.setText("1001-2400, 12 missing")
    qtbot.wait(50)
    assert window.size() == size


def test_the_shown_rate_is_reported_while_playing(window, qtbot, shot):
    """The readout timer kept restarting on each frame shown (faster than its 250 ms), so it never reported."""
    _open(window, qtbot, shot / "shot.1001.exr")
    _key(window, "Space")
    qtbot.waitUntil(lambda: window.timeline.shown_fps.text().endswith("fps shown"), timeout=3000)
    _key(window, "Space")
    assert window.state.playing == 0 and window.timeline.shown_fps.text() == ""
