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
    """A transparent child of the viewport drawing ``state.census`` when ``state.census_overlay`` is on.

    Hidden while off or playing (a child shown over the GL viewport joins every composition of the window, and
    the census marks the frame it was taken of). It repaints when the census, the image or the view (pan, zoom,
    size, seen after each viewport frame) changes; repainting after every frame would itself cause a frame,
    a loop that recomposed the window continuously even when nothing changed.
    """

    def __init__(self, state: ViewerState, viewport: Any) -> None:
        super().__init__(viewport)
        self.state = state
        self.viewport = viewport
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.resize(viewport.size())
        self._view: tuple[Any, ...] = ()  # the viewport's pan, zoom and size when last painted
        viewport.frameSwapped.connect(self._after_frame)
        state.changed.connect(self._on_state)
        self.setVisible(False)

    def _view_key(self) -> tuple[Any, ...]:
        vp = self.viewport
        return (*vp.pan.tolist(), vp.zoom, vp.width(), vp.height())

    def _after_frame(self) -> None:
        if self.isVisible() and self._view_key() != self._view:
            self.update()

    def _on_state(self, name: str, value: object) -> None:
        if name in ("census_overlay", "playing"):
            self.setVisible(bool(self.state.census_overlay) and not self.state.playing)
        if name in ("census", "census_overlay", "image"):
            self.update()

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
        self._view = self._view_key()
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
