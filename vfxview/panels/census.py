"""The census panel: NaN / +Inf / -Inf / negative counts per channel, out of gamut after the view, where they are."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vfx_rs.census import Census, census
from vfx_rs.errors import VfxError
from vfxview import census_commands, debug_commands, playback
from vfxview.state import ViewerState, report_error
from vfxview.workers import run_job

__all__ = ["CensusPanel"]


class CensusPanel(QWidget):
    """Takes the census of each shown image on a worker; a click on a position pins it and emits `jump`.

    Not while a clip plays: a census outlives the frame it was taken of (its result would be dropped), so
    the frame playback stops on gets it.
    """

    jump = Signal(int, int)

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.rows: list[tuple[str, int, int]] = []
        self.frames: dict[int, Census | None] = {}
        self.pending = 0
        self._shown = False  # the dock is on screen (set_shown); else the census waits, unless the overlay wants it
        self._stale = True
        self.target_label = "shown image"
        layout = QVBoxLayout(self)
        self.table = QLabel("open an image")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.table.setFont(font)
        layout.addWidget(self.table)
        self.overlay = QCheckBox("Mark them on the image")
        self.overlay.toggled.connect(lambda on: state.update(census_overlay=bool(on)))
        layout.addWidget(self.overlay)
        self.positions = QListWidget()
        self.positions.itemActivated.connect(self._jump)
        self.positions.itemClicked.connect(self._jump)
        layout.addWidget(self.positions, 1)
        row = QHBoxLayout()
        self.all_frames = QPushButton("Census of every frame")
        self.all_frames.clicked.connect(self.census_all_frames)
        row.addWidget(self.all_frames)
        layout.addLayout(row)
        self.frame_list = QListWidget()
        self.frame_list.itemClicked.connect(lambda item: playback.set_frame(state, int(item.data(256))))
        layout.addWidget(self.frame_list, 1)
        state.changed.connect(self._on_state)

    def _on_state(self, name: str, value: object) -> None:
        if name in ("image", "settings", "compare", "compare_mode"):
            self._stale = True
            self.refresh()
        elif (name == "census_overlay" and value) or (name == "playing" and not value):
            self.refresh()
        elif name == "census":
            self._fill(value)  # type: ignore[arg-type]
        elif name == "clip":
            self.frames = {}
            self.frame_list.clear()

    def set_shown(self, shown: bool) -> None:
        """Whether the user can see the panel (its dock's ``visibilityChanged``); catch up when shown."""
        self._shown = bool(shown)
        self.refresh()

    def refresh(self) -> None:
        """Take the census (of the shown image, or of A - B in difference mode) on a worker thread, when it is
        out of date and someone looks: the panel on screen or the overlay on. Hidden, nothing runs (a census of a
        4K frame through the view costs as much as the first frame; during playback, one per frame shown)."""
        if not self._stale or self.pending or self.state.playing or not (self._shown or self.state.census_overlay):
            return
        try:
            target = census_commands.census_target(self.state)
        except VfxError as exc:
            report_error(self.state, f"census: {exc}")
            return
        if target is None:
            return
        image, view, label = target
        key = (self.state.image, self.state.compare, self.state.compare_mode, self.state.settings)
        self.pending += 1

        self._stale = False

        def done(found: Census) -> None:
            self.pending -= 1
            now = (self.state.image, self.state.compare, self.state.compare_mode, self.state.settings)
            # images by identity: == compares every pixel (about 0.3 s a 1080p frame during playback)
            if all(a is b for a, b in zip(key[:2], now[:2], strict=True)) and key[2:] == now[2:]:
                self.target_label = label
                self.state.census = found
            self.refresh()  # the image changed meanwhile: one census of the latest, not one per change

        def failed(exc: Exception) -> None:
            self.pending -= 1
            report_error(self.state, f"census failed: {exc}")
            self.refresh()

        run_job(lambda: census(image, view, census_commands.MAX_POSITIONS), done, failed)

    def _fill(self, found: Census | None) -> None:
        self.positions.clear()
        self.rows = census_commands.census_rows(found) if found is not None else []
        if found is None:
            self.table.setText("open an image")
            return
        self.table.setText(f"census of the {self.target_label}\n{found.text()}")
        for kind, x, y in self.rows:
            item = QListWidgetItem(f"{kind:<13} ({x}, {y})")
            item.setForeground(QColor.fromRgbF(*census_commands.FALSE_COLORS[kind]))
            self.positions.addItem(item)

    def _jump(self, item: QListWidgetItem) -> None:
        _, x, y = self.rows[self.positions.row(item)]
        debug_commands.pin_pixel(self.state, x, y)
        self.jump.emit(x, y)

    def census_all_frames(self) -> None:
        """The census of every frame of the open clip, on a worker (listed per frame; a click shows the frame)."""
        if self.state.clip is None:
            report_error(self.state, "census of every frame: no sequence or movie is open")
            return
        self.all_frames.setEnabled(False)

        def done(found: dict[int, Census | None]) -> None:
            self.all_frames.setEnabled(True)
            self.frames = found
            self.frame_list.clear()
            for frame, c in found.items():
                item = QListWidgetItem(census_commands.frame_line(frame, c) if c else f"frame {frame}: missing")
                item.setData(256, frame)
                self.frame_list.addItem(item)

        def failed(exc: Exception) -> None:
            self.all_frames.setEnabled(True)
            report_error(self.state, f"census of every frame failed: {exc}")

        state = self.state
        run_job(lambda: census_commands.census_frames(state), done, failed)
