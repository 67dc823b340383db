"""Marks the census positions over the viewport: a square around each pixel in its kind's colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from vfxview.census_commands import FALSE_COLORS, census_rows
from vfxview.state import ViewerState

__all__ = ["CensusOverlay"]

_MIN_SIDE = 7.0
"""Smallest marker side in widget pixels (a pixel far zoomed out still gets a visible square)."""


_DRAW_ORDER = ("out_of_gamut", "negative", "+inf", "-inf", "nan")
"""The stored value's kinds are drawn over the out-of-gamut mark of the same pixel."""


class CensusOverlay(QWidget):
    """A transparent child of the viewport drawing ``state.census`` when ``state.census_overlay`` is on."""

    def __init__(self, state: ViewerState, viewport: Any) -> None:
        super().__init__(viewport)
        self.state = state
        self.viewport = viewport
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.resize(viewport.size())
        viewport.frameSwapped.connect(self.update)
        state.changed.connect(lambda name, _: name in ("census", "census_overlay", "image") and self.update())
        self.show()

    def marker(self, x: int, y: int) -> QRectF:
        """The widget rectangle marking image pixel (x, y)."""
        vp, img = self.viewport, self.state.image
        ratio = vp.devicePixelRatioF()
        dx0, dy0 = img.display_window[:2]
        side = max(vp.zoom / ratio, _MIN_SIDE)
        cx = (vp.pan[0] + (x - dx0 + 0.5) * vp.zoom) / ratio
        cy = (vp.pan[1] + (y - dy0 + 0.5) * vp.zoom) / ratio
        return QRectF(cx - side / 2, cy - side / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.size() != self.viewport.size():
            self.resize(self.viewport.size())
        found = self.state.census
        if not self.state.census_overlay or found is None or self.state.image is None:
            return
        painter = QPainter(self)
        rows = census_rows(found)
        for kind, x, y in sorted(rows, key=lambda row: _DRAW_ORDER.index(row[0])):
            pen = QPen(QColor.fromRgbF(*FALSE_COLORS[kind]))
            pen.setWidthF(2.0)
            painter.setPen(pen)
            painter.drawRect(self.marker(x, y))
        painter.end()
