"""The transform debugger: every op of the display pipeline at the probed (or pinned) pixel, NumPy beside GLSL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vfxview import debug_commands
from vfxview.debugger import DebugReport, GlValues
from vfxview.state import ViewerState

__all__ = ["COLUMNS", "DIFFERENCE_COLOR", "DebuggerPanel"]

COLUMNS = ("#", "op", "NumPy R", "G", "B", "GLSL R", "G", "B", "parameters")

DIFFERENCE_COLOR = QColor(150, 30, 30)
"""Background of the first op where the GLSL departs from NumPy."""

_HOVER_DELAY_MS = 120
"""The hovered pixel is traced once the cursor rests this long (a trace draws once per op)."""

_REFRESH = ("image", "settings", "pinned")


class DebuggerPanel(QWidget):
    """Shows `vfxview.debugger.debug_pixel` for the pinned pixel, else the last hovered one."""

    def __init__(self, state: ViewerState, gl_values: GlValues, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self._gl_values = gl_values
        self.report: DebugReport | None = None
        self._hovered: tuple[int, int] | None = None
        layout = QVBoxLayout(self)
        self.label = QLabel("hover over the image, or pin a pixel (P)")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(20)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.pin_button = QPushButton("Pin hovered pixel")
        self.pin_button.clicked.connect(self.pin_hovered)
        unpin = QPushButton("Unpin")
        unpin.clicked.connect(lambda: debug_commands.unpin_pixel(state))
        copy = QPushButton("Copy table")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.report.table() if self.report else ""))
        for b in (self.pin_button, unpin, copy):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_HOVER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        state.changed.connect(lambda name, _: name in _REFRESH and self._timer.start())

    def show_at(self, x: float, y: float) -> None:
        """The cursor is at display-window position (x, y): trace it once it rests (unless a pixel is pinned)."""
        self._hovered = debug_commands.image_pixel(self.state, x, y)
        if self.state.pinned is None and self._hovered is not None:
            self._timer.start()

    def pin_hovered(self) -> None:
        """Pin the last hovered pixel."""
        if self._hovered is not None:
            debug_commands.pin_pixel(self.state, *self._hovered)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def refresh(self) -> None:
        """Trace the pinned (or hovered) pixel now and fill the table; nothing while hidden."""
        pixel = self.state.pinned or self._hovered
        if pixel is None or self.state.image is None or not self.isVisible():
            return
        self.report = debug_commands.trace_pixel(self.state, *pixel, self._gl_values)
        self._fill()

    def _fill(self) -> None:
        report = self.report
        self.table.setRowCount(0)
        if report is None:
            self.label.setText(self.state.error)
            return
        t = report.trace
        pinned = " (pinned)" if self.state.pinned == (t.x, t.y) else ""
        verdict = (
            "GLSL equals NumPy at every op"
            if report.first_difference is None
            else f"GLSL departs from NumPy at op {report.first_difference}"
        )
        inp = "  ".join(f"{v:.6g}" for v in t.input)
        self.label.setText(f"pixel ({t.x}, {t.y}){pinned}: input {inp}\n{verdict}")
        self.table.setRowCount(len(t.steps))
        for row, (step, gl) in enumerate(zip(t.steps, report.gl, strict=True)):
            params = ", ".join(f"{k}={v}" for k, v in step.params.items())
            cells = [str(step.index), step.name, *(f"{v:.6g}" for v in step.value), *(f"{v:.6g}" for v in gl), params]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == len(COLUMNS) - 1:
                    item.setToolTip(params)
                if step.index == report.first_difference:
                    item.setBackground(QBrush(DIFFERENCE_COLOR))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
