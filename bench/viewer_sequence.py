"""Viewer playback: a 1920x1080 RGBA half EXR sequence through the read-ahead cache and the timeline's clock.

Reports the read-ahead rate (frames decoded per second by the cache's worker threads, `vfxview.cache`)
beside OpenImageIO reading the same files (ImageBuf + get_pixels as float, bench-only import), and the
frames per second the timeline really shows while playing from the full cache at 24 fps, with the
viewer's default OCIO view and with the raw view: played at once after a change of the picture, the first loop
draws each frame through the display shader and the later loops show the viewport's display cache; stopped,
the viewport draws the cached frames ahead (timed), and the first loop then plays from the display cache too.
Run under a display (bench/viewer.py does).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

import vfx_rs

__all__ = ["FRAMES", "main", "write_sequence"]

FRAMES = 24
"""Frames in the bench sequence (one second at 24 fps; about 1.2 GB in the cache)."""


def write_sequence(folder: Path, count: int = FRAMES) -> Path:
    """Write ``shot.1001.exr`` ... : 1920x1080 RGBA half, a gradient moving per frame; returns the first frame."""
    y, x = np.mgrid[0:1080, 0:1920].astype(np.float32)
    for i in range(count):
        px = np.empty((1080, 1920, 4), np.float32)
        px[..., 0] = x / 1920 * 2 + i * 0.01
        px[..., 1] = y / 1080
        px[..., 2] = 0.18
        px[..., 3] = 1.0
        vfx_rs.write(folder / f"shot.{1001 + i}.exr", vfx_rs.Image(px, format="f16"))
    return folder / "shot.1001.exr"


def oiio_frames_per_second(paths: list[Path]) -> float:
    """Frames per second OpenImageIO reads `paths` as float pixels (its own threads decode)."""
    import OpenImageIO as oiio

    t0 = time.perf_counter()
    for path in paths:
        oiio.ImageBuf(str(path)).get_pixels(oiio.FLOAT)
    return len(paths) / (time.perf_counter() - t0)


def _run_events(seconds: float) -> None:
    """Run the Qt event loop for `seconds` (a nested loop: a tight processEvents() loop wears out None's
    reference count in PySide6 6.x and aborts the interpreter)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def _play(app, win, loops: int = 3, timeout: float = 60.0) -> tuple[float, float]:
    """Play the (fully cached) clip `loops` times over; frames shown per second in the first loop and in the later
    ones (the first draws each frame through the display shader, the later show the viewport's display cache)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from vfxview import playback

    state = win.state
    frames = state.out_point - state.in_point + 1
    shown: list[float] = []
    record = lambda name, value: shown.append(time.perf_counter()) if name == "frame" else None  # noqa: E731
    state.changed.connect(record)
    playback.play(state, 1)
    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: len(shown) > loops * frames and loop.quit())
    check.start(20)
    QTimer.singleShot(round(timeout * 1000), loop.quit)
    loop.exec()
    check.stop()
    playback.play(state, 0)
    state.changed.disconnect(record)

    def rate(times: list[float]) -> float:
        return (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0

    return rate(shown[: frames + 1]), rate(shown[frames:])


def _draw_ahead(win, timeout: float = 60.0) -> float:
    """Seconds until the stopped viewport has drawn every cached frame ahead into its display cache."""
    vp, frames = win.viewport, len(win.state.cache.cached())
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout and not (
        len(vp.display_cache) >= frames and vp.display_cache.key == vp._view_key()
    ):
        _run_events(0.02)
    return time.perf_counter() - t0


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from vfxview import color_commands, commands, playback
    from vfxview.window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    first = write_sequence(folder)
    paths = sorted(folder.glob("shot.*.exr"))
    win = MainWindow(remember_layout=False)
    win.resize(1280, 800)
    win.show()
    app.processEvents()
    default_source = win.state.source
    color_commands.set_source(win.state, "raw")  # the read-ahead is timed with a cheap draw beside it
    playback.open_path(win.state, first)
    cache = win.state.cache
    while not cache.idle():
        _run_events(0.05)
    read_ahead = cache.frames_per_second()
    held = len(cache.cached())
    oiio = oiio_frames_per_second(paths)
    rows = []
    for source in ("raw", default_source):
        color_commands.set_source(win.state, source)
        view = "raw view" if source == "raw" else f"{win.state.display} / {win.state.view}"
        first_loop, later = _play(app, win)  # played at once after the change: the first loop runs the shader
        commands.set_exposure(win.state, 0.5)  # a change of the picture: the display cache starts again
        commands.set_exposure(win.state, 0.0)
        ahead = _draw_ahead(win)  # stopped, the viewport draws the cached frames ahead
        after_ahead, _ = _play(app, win, loops=1)
        rows.append((view, first_loop, later, ahead, after_ahead))
    size = win.viewport.width(), win.viewport.height()
    load = os.getloadavg()[0]
    win.close()
    print(f"sequence: {FRAMES} frames 1920x1080 RGBA half EXR; cache holds {held} after the read-ahead")
    print(f"  read-ahead (vfxview cache, 2 worker threads): {read_ahead:.1f} frames/s")
    print(f"  OpenImageIO ImageBuf.get_pixels(FLOAT) on the same files: {oiio:.1f} frames/s")
    print(f"  playback at 24 fps from the cache, viewport {size[0]}x{size[1]}, load average {load:.1f} (goal >= 24):")
    for view, first_loop, later, ahead, after_ahead in rows:
        print(f"    {view}: played at once after a change: first loop {first_loop:.1f} fps shown (display shader),")
        print(f"      later loops {later:.1f} fps shown (display cache); stopped, the frames are drawn ahead in")
        print(f"      {ahead:.1f} s, then the first loop plays at {after_ahead:.1f} fps shown")


if __name__ == "__main__":
    main()
