"""Frame bar for image sequences: a frame slider, play/pause, frames loaded off the UI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from vfxview import commands
from vfxview.state import ViewerState
from vfxview.workers import run_job

__all__ = ["PLAYBACK_FPS", "FrameBar"]

PLAYBACK_FPS = 24.0
"""Playback rate requested (frames are skipped, never queued, when loading is slower)."""


class FrameBar(QWidget):
    """Shown while a sequence is open; `request` loads a frame on a worker and shows it."""

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.play = QPushButton("Play")
        self.play.setCheckable(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.label = QLabel()
        layout.addWidget(self.play)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 / PLAYBACK_FPS))
        self.timer.timeout.connect(lambda: self.request(self.state.frame + 1))
        self.play.toggled.connect(lambda on: self.timer.start() if on else self.timer.stop())
        self.slider.valueChanged.connect(self._on_slider)
        self._loading = False
        self.setVisible(False)
        state.changed.connect(self._on_state)

    def _on_slider(self, value: int) -> None:
        if value != self.state.frame:
            self.request(value)

    def request(self, index: int) -> None:
        """Load frame `index` (wrapping) off the UI thread unless a load is already running."""
        frames = self.state.frames
        if not frames or self._loading:
            return
        index %= len(frames)
        self._loading = True

        def done(result: Any) -> None:
            self._loading = False
            if self.state.frames == frames:
                commands.show_frame(self.state, index, *result)

        def failed(exc: Exception) -> None:
            self._loading = False
            self.play.setChecked(False)
            commands.report_error(self.state, f"cannot open frame {frames[index]}: {exc}")

        run_job(lambda: commands.load_image(frames[index]), done, failed)

    def _on_state(self, name: str, value: object) -> None:
        if name in ("frames", "frame"):
            n = len(self.state.frames)
            self.setVisible(n > 1)
            self.slider.blockSignals(True)
            self.slider.setRange(0, max(n - 1, 0))
            self.slider.setValue(self.state.frame)
            self.slider.blockSignals(False)
            self.label.setText(f"{self.state.frame + 1} / {n}")
            if n <= 1:
                self.play.setChecked(False)
