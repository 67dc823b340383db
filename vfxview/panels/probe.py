"""Pixel probe: raw value, value after grade, displayed value and coordinates under the cursor."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from vfx_rs.errors import VfxError
from vfxview.deep_probe import samples_text
from vfxview.panels.throttle import PlayingThrottle
from vfxview.state import ViewerState

__all__ = ["ProbePanel", "probe"]


def probe(state: ViewerState, x: float, y: float) -> dict[str, Any] | None:
    """Values at display-window coordinates (x, y), or None outside the data window.

    While comparing, ``b_raw`` and ``b_display`` hold image B's values at the same image position
    (absent where B has no pixel there).
    """
    img = state.image
    if img is None:
        return None
    dx0, dy0, _, _ = img.display_window
    ix, iy = math.floor(x) + dx0, math.floor(y) + dy0
    x0, y0, x1, y1 = img.data_window
    if not (x0 <= ix <= x1 and y0 <= iy <= y1):
        return None
    raw = img.pixels[iy - y0, ix - x0].astype(np.float64)
    settings = state.settings
    one = settings.input_pixels(img.with_pixels(img.pixels[iy - y0 : iy - y0 + 1, ix - x0 : ix - x0 + 1]))
    graded = settings.grade_pipeline().applied(one)[0, 0]
    try:
        shown = settings.pipeline().applied(one)[0, 0]
    except (VfxError, OSError, ValueError):  # the color transform cannot be built: the UI shows why
        shown = np.full(4, np.nan)
    values = {
        "x": ix,
        "y": iy,
        "raw": raw.tolist(),
        "graded": graded.tolist(),
        "display": shown.tolist(),
        "channels": img.channel_names,
    }
    b = state.compare if state.compare_mode != "off" else None
    if b is not None:  # image B at the same image position (its own data window)
        bx0, by0, bx1, by1 = b.data_window
        if bx0 <= ix <= bx1 and by0 <= iy <= by1:
            pixel = b.pixels[iy - by0 : iy - by0 + 1, ix - bx0 : ix - bx0 + 1]
            values["b_raw"] = pixel[0, 0].astype(np.float64).tolist()
            values["b_channels"] = b.channel_names
            try:
                values["b_display"] = settings.pipeline().applied(settings.input_pixels(b.with_pixels(pixel)))[0, 0]
            except (VfxError, OSError, ValueError):
                values["b_display"] = np.full(4, np.nan)
            values["b_display"] = np.asarray(values["b_display"]).tolist()
    return values


def _fmt(values: list[float]) -> str:
    return "  ".join(f"{v:.5g}" for v in values)


def _deep_lines(path: str, x: int, y: int) -> str:
    """The deep file's samples at the pixel, on new lines (nothing for a flat file)."""
    text = samples_text(path, x, y) if path else ""
    return f"\n{text}" if text else ""


class ProbePanel(QWidget):
    """Shows `probe` for the hovered position; Copy puts the text on the clipboard.

    A state change re-shows the last position (twice a second while a clip plays: `PlayingThrottle`).
    """

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        self.label = QLabel("move the cursor over the image")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        copy = QPushButton("Copy")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.label.text()))
        layout.addWidget(copy)
        layout.addStretch(1)
        self._last: tuple[float, float] | None = None
        self._throttle = PlayingThrottle(
            state, lambda: self._last is not None and self.show_at(*self._last), parent=self
        )
        state.changed.connect(
            lambda name, value: (
                self._last is not None and name not in ("error", "recent", "playing") and self._throttle.request()
            )
        )

    def show_at(self, x: float, y: float) -> None:
        """Update for image coordinates (x, y); re-shown when the image or grade changes."""
        self._last = (x, y)
        p = probe(self.state, x, y)
        if p is None:
            self.label.setText(f"({math.floor(x)}, {math.floor(y)}) outside the data window")
            return
        self.label.setText(
            f"x {p['x']}  y {p['y']}\n"
            f"raw ({','.join(p['channels'])}): {_fmt(p['raw'])}\n"
            f"graded: {_fmt(p['graded'][:3])}\n"
            f"display: {_fmt(p['display'][:3])}"
            + (
                f"\nB raw ({','.join(p['b_channels'])}): {_fmt(p['b_raw'])}\nB display: {_fmt(p['b_display'][:3])}"
                if "b_raw" in p
                else ""
            )
            + _deep_lines(self.state.path, p["x"], p["y"])
        )
