"""The timeline of a sequence or movie: frame numbers, in/out, cached and missing frames, and the playback clock.

Shown while a clip is open. The bar draws the clip's real frame numbers,
the in/out range, the frames the read-ahead cache holds (green strip) and
missing frames (red). The clock ticks at ``state.fps`` and calls
`vfxview.playback.advance`, which shows a frame only once it is decoded; the
fps shown is the rate frames really reached the screen over the last second.
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vfxview import playback
from vfxview.state import ViewerState, report_error
from vfxview.workers import run_job

__all__ = ["Readout", "Timeline", "TimelineBar"]

_TICK_MS = 4
"""The clock checks this often whether the next frame is due (frames keep the beat of ``state.fps``)."""

_CACHED = QColor(70, 190, 90)
_MISSING = QColor(220, 60, 60)
_RANGE = QColor(70, 90, 130)
_CURRENT = QColor(255, 210, 80)


class TimelineBar(QWidget):
    """Frame ruler: click or drag to pick a frame (`picked`)."""

    picked = Signal(int)

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setMinimumHeight(34)
        self.setMouseTracking(False)

    def _x(self, frame: float) -> float:
        clip = self.state.clip
        n = max(len(clip), 1) if clip is not None else 1
        return 6 + (frame - (clip.first if clip else 0) + 0.5) * (self.width() - 12) / n

    def frame_at(self, x: float) -> int:
        """The frame under widget x."""
        clip = self.state.clip
        if clip is None:
            return 0
        n = max(len(clip), 1)
        return clip.first + int(min(max((x - 6) / max(self.width() - 12, 1) * n, 0), n - 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        clip, s = self.state.clip, self.state
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(35, 35, 38))
        if clip is None:
            return
        n = len(clip)
        cell = (self.width() - 12) / max(n, 1)
        h = self.height()
        p.fillRect(QRectF(self._x(s.in_point) - cell / 2, 0, (s.out_point - s.in_point + 1) * cell, h - 14), _RANGE)
        cached = s.cache.cached() if s.cache is not None else frozenset()
        for frame in cached:
            p.fillRect(QRectF(self._x(frame) - cell / 2, h - 18, max(cell, 1.0), 4), _CACHED)
        for frame in clip.missing():
            p.fillRect(QRectF(self._x(frame) - cell / 2, 0, max(cell, 2.0), h - 14), _MISSING)
        p.setPen(QColor(200, 200, 200))
        every = max(1, _nice_step(n * 60 / max(self.width(), 1)))
        start = clip.first - clip.first % every + (every if clip.first % every else 0)
        for frame in range(start, clip.last + 1, every):
            x = self._x(frame)
            p.drawLine(int(x), h - 14, int(x), h - 10)
            p.drawText(QRectF(x - 30, h - 12, 60, 12), Qt.AlignmentFlag.AlignCenter, str(frame))
        p.setPen(_CURRENT)
        x = self._x(s.frame)
        p.fillRect(QRectF(x - max(cell / 2, 1), 0, max(cell, 2), h - 14), _CURRENT)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.picked.emit(self.frame_at(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.picked.emit(self.frame_at(event.position().x()))


class Readout(QWidget):
    """One line of text that changes while playing (fps shown, cache, range), elided to the width it is given.

    A QLabel's new text asks for a new layout of the whole window, which repaints every widget of every dock;
    this widget only repaints itself, and takes the row's spare width without ever widening the window.
    """

    def __init__(self, text: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self._text = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        """The full text (the widget may show it elided)."""
        return self._text

    def setText(self, text: str) -> None:
        """Show `text`; repaints this widget only."""
        if text != self._text:
            self._text = text
            self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text) + 4, metrics.height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width() - 4)
        p.drawText(self.rect().adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)


def _nice_step(raw: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50... at least `raw`."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if step * m >= raw:
                return step * m
        step *= 10


class Timeline(QWidget):
    """Transport controls, frame/fps/cache fields and the `TimelineBar`; runs the playback clock."""

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 2, 4, 2)
        column.setSpacing(2)
        self.bar = TimelineBar(state)
        column.addWidget(self.bar)
        row = QHBoxLayout()
        column.addLayout(row)
        self.buttons: dict[str, QToolButton] = {}
        for key, text, tip, slot in (
            ("start", "|<", "go to the in point (Home)", lambda: playback.set_frame(state, state.in_point)),
            ("back", "<|", "step back (Left)", lambda: self.step(-1)),
            ("reverse", "<", "play backward (Shift+Space)", lambda: self.toggle(-1)),
            ("play", ">", "play forward (Space)", lambda: self.toggle(1)),
            ("forward", "|>", "step forward (Right)", lambda: self.step(1)),
            ("end", ">|", "go to the out point (End)", lambda: playback.set_frame(state, state.out_point)),
            ("in", "[", "set the in point at this frame (I)", lambda: playback.set_in_out(state, state.frame, None)),
            ("out", "]", "set the out point at this frame (O)", lambda: playback.set_in_out(state, None, state.frame)),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        self.frame_box = QSpinBox()
        self.frame_box.setToolTip("frame number")
        self.frame_box.setKeyboardTracking(False)
        self.frame_box.valueChanged.connect(self.request)
        self.range_label = Readout()
        self.loop = QCheckBox("loop")
        self.loop.setChecked(state.loop)
        self.loop.toggled.connect(lambda on: playback.set_loop(state, on))
        self.fps_box = QDoubleSpinBox()
        self.fps_box.setRange(0.1, 1000.0)
        self.fps_box.setDecimals(3)
        self.fps_box.setSuffix(" fps")
        self.fps_box.setToolTip("playback rate")
        self.fps_box.setKeyboardTracking(False)
        self.fps_box.valueChanged.connect(lambda v: playback.set_fps(state, v))
        self.shown_fps = Readout()
        self.shown_fps.setToolTip("frames shown per second over the last second")
        self.cache_label = Readout()
        for widget, stretch in (
            (self.frame_box, 0),
            (self.range_label, 4),
            (self.loop, 0),
            (self.fps_box, 0),
            (self.shown_fps, 3),
            (self.cache_label, 3),
        ):
            row.addWidget(widget, stretch)
        self.bar.picked.connect(self.request)
        self.clock = QTimer(self)
        self.clock.setTimerType(Qt.TimerType.PreciseTimer)
        self.clock.timeout.connect(self._tick)
        self.refresh = QTimer(self)  # redraws the cache strip while frames arrive
        self.refresh.setInterval(250)
        self.refresh.timeout.connect(self._refresh)
        self._shown: deque[float] = deque(maxlen=240)
        self._loading = False
        self._due = 0.0  # perf_counter time the next frame is due
        self.setVisible(False)
        state.changed.connect(self._on_state)
        self._sync()

    # -- actions -------------------------------------------------------------------
    def toggle(self, direction: int) -> None:
        """Play in `direction`, or stop if already playing that way."""
        playback.play(self.state, 0 if self.state.playing == direction else direction)

    def step(self, count: int) -> None:
        """Stop and step `count` frames."""
        playback.play(self.state, 0)
        target = playback.next_frame(self.state, count)
        if target is not None:
            self.request(target)

    def request(self, frame: int) -> None:
        """Show `frame`: at once when cached or missing, else read it on a worker (one at a time)."""
        s = self.state
        clip, cache = s.clip, s.cache
        if clip is None or frame == s.frame:
            return
        if clip.is_missing(frame) or (cache is not None and cache.get(frame) is not None):
            playback.set_frame(s, frame)
            return
        if self._loading:
            return
        self._loading = True

        def done(result: Any) -> None:
            self._loading = False
            if s.clip is clip:
                if s.cache is not None:
                    s.cache.put(frame, *result)
                playback.set_frame(s, frame)

        def failed(exc: Exception) -> None:
            self._loading = False
            playback.play(s, 0)
            report_error(s, f"cannot open frame {frame} ({clip.path(frame)}): {exc}")

        run_job(lambda: clip.load(frame), done, failed)

    # -- clock ---------------------------------------------------------------------
    def _tick(self) -> None:
        now = time.perf_counter()
        if now < self._due:
            return
        period = 1.0 / self.state.fps
        if playback.advance(self.state):
            self._shown.append(now)
            self._due = max(self._due + period, now - period)  # keep the beat; after a stall, no burst to catch up
        elif self.state.cache is not None and self.state.cache.idle() and self.state.playing:
            target = playback.next_frame(self.state, self.state.playing)
            if target is not None:  # not cached and nothing loading (a frame over the budget): read it directly
                self.request(target)

    def shown_rate(self) -> float:
        """Frames shown per second over the last second of playback."""
        now = time.perf_counter()
        recent = [t for t in self._shown if now - t <= 1.0]
        if len(recent) < 2:
            return 0.0
        return (len(recent) - 1) / (recent[-1] - recent[0])

    def _refresh(self) -> None:
        s = self.state
        if s.cache is None:
            self.refresh.stop()
            return
        if s.playing:
            self.shown_fps.setText(f"{self.shown_rate():.1f} fps shown")
        cache = s.cache
        self.cache_label.setText(f"{cache.nbytes() / 2**20:.0f}/{s.cache_mb} MiB")
        self.cache_label.setToolTip(
            f"{len(cache.cached())} frames cached, {cache.nbytes() / 2**20:.0f} MiB of a {s.cache_mb} MiB budget"
            f" (Playback > Cache budget); read ahead at {cache.frames_per_second():.1f} frames/s"
        )
        self.bar.update()

    # -- state -> widgets --------------------------------------------------------------
    def _sync(self) -> None:
        s = self.state
        clip = s.clip
        self.setVisible(clip is not None)
        self.fps_box.blockSignals(True)
        self.fps_box.setValue(s.fps)
        self.fps_box.blockSignals(False)
        if clip is not None:
            # Only what differs is set: setRange (even to the same range) and a new label text ask for a new layout,
            # and a new layout of the main window repaints every widget of every dock, on each played frame.
            self.frame_box.blockSignals(True)
            if (self.frame_box.minimum(), self.frame_box.maximum()) != (clip.first, clip.last):
                self.frame_box.setRange(clip.first, clip.last)
            self.frame_box.setValue(s.frame)
            self.frame_box.blockSignals(False)
            missing = len(clip.missing())
            self.range_label.setText(f"{clip.first}-{clip.last}" + (f", {missing} missing" if missing else ""))
            self.range_label.setToolTip(
                f"{clip.label}: frames {clip.first}-{clip.last}, in {s.in_point}, out {s.out_point}"
            )
            if not self.refresh.isActive():  # start() restarts it: on every frame shown it would never fire
                self.refresh.start()
        self.bar.update()

    def _on_state(self, name: str, value: object) -> None:
        if name == "playing":
            self.buttons["play"].setText("||" if value == 1 else ">")
            self.buttons["reverse"].setText("||" if value == -1 else "<")
            if value:
                self._due = time.perf_counter()
                self.clock.start(_TICK_MS)
                self._shown.clear()
            else:
                self.clock.stop()
                self.shown_fps.setText("")
        if name in ("clip", "frame", "in_point", "out_point", "fps", "cache_mb", "loop"):
            if name == "loop":
                self.loop.setChecked(bool(value))
            self._sync()
