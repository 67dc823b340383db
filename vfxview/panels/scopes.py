"""Scopes (histogram, waveform, vectorscope) and A/B error figures, computed off the UI thread.

The scopes read the displayed values (the NumPy display pipeline on a
subsampled copy, at most `SCOPE_WIDTH` columns). The vectorscope plots
BT.709 Cb/Cr (ITU-R BT.709-6, item 3.4: Cb = (B - Y) / 1.8556,
Cr = (R - Y) / 1.5748). The histogram comes from `vfx_rs.ops.stats`, the A/B figures
from `vfxview.compare` (each with its basis: PSNR against the larger image maximum).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from vfx_rs.image import Image
from vfx_rs.ops.stats import histogram
from vfx_rs.view import LUMA_709, ViewSettings
from vfxview.compare import ErrorFigures, error_figures
from vfxview.panels.scope_view import ScopeView
from vfxview.panels.throttle import PlayingThrottle
from vfxview.state import ViewerState
from vfxview.workers import run_job

__all__ = ["SCOPE_SIZE", "SCOPE_WIDTH", "ScopesPanel", "compute_scope"]

SCOPE_WIDTH = 512
"""Columns the scopes sample (the image is strided down to at most this width)."""

SCOPE_SIZE = 256
"""Scope plots are SCOPE_SIZE x SCOPE_SIZE pixels."""


def compute_scope(kind: str, image: Image, settings: ViewSettings) -> np.ndarray:
    """An 8-bit ``(SCOPE_SIZE, SCOPE_SIZE, 3)`` plot of the displayed values; safe on a worker thread."""
    step = max(1, -(-image.width // SCOPE_WIDTH))
    small = Image(image.pixels[::step, ::step], image.channel_names)
    rgb = settings.pipeline().apply(settings.input_pixels(small))[..., :3]
    rgb = np.nan_to_num(rgb, nan=0.0, posinf=1.0, neginf=0.0)
    n = SCOPE_SIZE
    plot = np.zeros((n, n, 3), np.float64)
    if kind == "histogram":
        counts_rgb, _ = histogram(np.ascontiguousarray(rgb, np.float32), bins=n, low=0.0, high=1.0)
        for c, counts in enumerate(counts_rgb):
            heights = np.ceil(counts / max(counts.max(), 1) * n).astype(int)
            plot[..., c] = np.arange(n)[:, None] >= (n - heights)[None, :]
    elif kind == "waveform":
        h, w = rgb.shape[:2]
        cols = np.repeat((np.arange(w) * n // w)[None, :], h, axis=0)
        for c in range(3):
            rows = np.clip(((1.0 - rgb[..., c]) * (n - 1)).astype(int), 0, n - 1)
            np.add.at(plot[..., c], (rows.ravel(), cols.ravel()), 1.0)
    else:  # vectorscope
        y = rgb @ LUMA_709
        cb = (rgb[..., 2] - y) / 1.8556
        cr = (rgb[..., 0] - y) / 1.5748
        xs = np.clip(((cb + 0.5) * (n - 1)).astype(int), 0, n - 1)
        ys = np.clip(((0.5 - cr) * (n - 1)).astype(int), 0, n - 1)
        np.add.at(plot, (ys.ravel(), xs.ravel()), 1.0)
    if kind != "histogram":
        plot = np.log1p(plot) / max(np.log1p(plot).max(), 1e-9)
    return (np.clip(plot, 0.0, 1.0) * 255).astype(np.uint8)


class ScopesPanel(QWidget):
    """A scope picker, the plot, and the A/B error figures; recomputes on a worker thread.

    Only while the panel is shown (`set_shown` follows its dock, so a hidden or
    tabbed-away panel catches up when shown), and one job at a time: changes made while a job runs (a
    dragged slider) are folded into one follow-up job. While a clip plays, twice a second (`PlayingThrottle`).
    """

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        self.kind = QComboBox()
        self.kind.addItems(["histogram", "waveform", "vectorscope"])
        self.plot = ScopeView()
        self.figures = QLabel("")
        self.figures.setWordWrap(True)
        self._kind = "histogram"  # the kind of the running job's plot
        layout.addWidget(self.kind)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.figures)
        self.last: np.ndarray | None = None
        self.last_figures: ErrorFigures | None = None
        self.jobs_started = 0
        self._running = False
        self._stale = False
        self._shown = True
        self.kind.currentTextChanged.connect(lambda _: self.refresh())
        self._throttle = PlayingThrottle(state, self.refresh, parent=self)
        state.changed.connect(self._on_state)

    def _on_state(self, name: str, value: object) -> None:
        if name not in ("error", "recent", "wipe", "playing"):
            self._throttle.request()

    def set_shown(self, shown: bool) -> None:
        """Whether the user can see the panel (its dock's ``visibilityChanged``); catch up when shown."""
        self._shown = bool(shown)
        if self._shown and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Recompute on a worker now, or after the running job, or when the panel is next shown."""
        image = self.state.image
        if image is None:
            return
        self._stale = True
        if self._running or not (self._shown and self.isVisible()):
            return
        self._stale, self._running = False, True
        self.jobs_started += 1
        kind, settings = self.kind.currentText(), self.state.settings
        self._kind = kind
        compare = self.state.compare if self.state.compare_mode != "off" else None

        def work() -> tuple[np.ndarray, ErrorFigures | None]:
            figures = error_figures(image.pixels, compare.pixels) if compare is not None else None
            return compute_scope(kind, image, settings), figures

        run_job(work, lambda result: self._show(*result), self._failed)

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self.figures.setText(str(exc))
        if self._stale:
            self.refresh()

    def _show(self, plot: np.ndarray, figures: ErrorFigures | None) -> None:
        self._running = False
        self.last, self.last_figures = plot, figures
        h, w = plot.shape[:2]
        self._qimage = QImage(plot.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        self.plot.show_plot(self._qimage, self._kind)
        self.figures.setText("" if figures is None else figures.text())
        if self._stale:
            self.refresh()
