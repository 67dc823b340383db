"""The scope plot widget: the computed plot scaled to the dock, with graticules and labels.

Waveform: code values 0 to 1 (lines every 0.1, labelled every 0.5) over the image's width. Histogram: code
values 0 to 1 across (lines every 0.25). Vectorscope: Cb across, Cr up (ITU-R BT.709-6 item 3.4,
Cb = (B - Y) / 1.8556, Cr = (R - Y) / 1.5748), kept square, with the 75 % colour-bar targets R, Mg, B, Cy,
G, Yl (`vectorscope_targets`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from vfx_rs.view import LUMA_709

__all__ = ["ScopeView", "vectorscope_targets"]

_BARS = {"R": (1, 0, 0), "Mg": (1, 0, 1), "B": (0, 0, 1), "Cy": (0, 1, 1), "G": (0, 1, 0), "Yl": (1, 1, 0)}


def vectorscope_targets(level: float = 0.75) -> dict[str, tuple[float, float]]:
    """(Cb, Cr) of the colour bars at `level` (75 % bars by default), BT.709 weights."""
    out = {}
    for name, rgb in _BARS.items():
        r, g, b = (level * v for v in rgb)
        y = float(np.dot(LUMA_709, (r, g, b)))
        out[name] = ((b - y) / 1.8556, (r - y) / 1.5748)
    return out


class ScopeView(QWidget):
    """Paints `image` (the plot, an 8-bit RGB QImage) to fit the widget, then the graticule of `kind`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.kind = "histogram"
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_plot(self, image: QImage, kind: str) -> None:
        """Show a new plot of scope `kind`."""
        self.image, self.kind = image, kind
        self.update()

    def plot_rect(self) -> QRectF:
        """Where the plot is drawn: the widget less a margin for labels (square for the vectorscope)."""
        left, top, right, bottom = 34.0, 6.0, 6.0, 18.0
        w, h = self.width() - left - right, self.height() - top - bottom
        if self.kind == "vectorscope":
            side = max(min(w, h), 1.0)
            return QRectF(left + (w - side) / 2, top + (h - side) / 2, side, side)
        return QRectF(left, top, max(w, 1.0), max(h, 1.0))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(20, 20, 22))
        rect = self.plot_rect()
        if self.image is not None:
            p.drawImage(rect, self.image)
        p.setPen(QPen(QColor(120, 120, 120, 160), 1))
        label = QColor(200, 200, 200)
        if self.kind == "waveform":
            for i in range(11):
                y = rect.bottom() - i / 10 * rect.height()
                p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                if i % 5 == 0:
                    p.setPen(label)
                    p.drawText(QRectF(0, y - 7, rect.left() - 4, 14), Qt.AlignmentFlag.AlignRight, f"{i / 10:g}")
                    p.setPen(QPen(QColor(120, 120, 120, 160), 1))
            p.setPen(label)
            p.drawText(
                QRectF(rect.left(), rect.bottom() + 2, rect.width(), 14),
                Qt.AlignmentFlag.AlignCenter,
                "image x  (code value 0-1)",
            )
        elif self.kind == "histogram":
            for i in range(5):
                x = rect.left() + i / 4 * rect.width()
                p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
                p.setPen(label)
                p.drawText(QRectF(x - 20, rect.bottom() + 2, 40, 14), Qt.AlignmentFlag.AlignCenter, f"{i / 4:g}")
                p.setPen(QPen(QColor(120, 120, 120, 160), 1))
        else:
            centre = rect.center()
            p.drawEllipse(centre, rect.width() / 2, rect.height() / 2)
            p.drawLine(QPointF(rect.left(), centre.y()), QPointF(rect.right(), centre.y()))
            p.drawLine(QPointF(centre.x(), rect.top()), QPointF(centre.x(), rect.bottom()))
            p.setPen(label)
            for name, (cb, cr) in vectorscope_targets().items():
                x = rect.left() + (cb + 0.5) * rect.width()
                y = rect.top() + (0.5 - cr) * rect.height()
                p.drawRect(QRectF(x - 4, y - 4, 8, 8))
                p.drawText(QRectF(x + 5, y - 14, 24, 14), Qt.AlignmentFlag.AlignLeft, name)
            p.drawText(QRectF(rect.right() - 60, rect.bottom() - 14, 60, 14), Qt.AlignmentFlag.AlignRight, "Cb ->")
            p.drawText(QRectF(rect.left() - 30, rect.top(), 60, 14), Qt.AlignmentFlag.AlignLeft, "Cr ^")
