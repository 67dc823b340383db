"""Info panel: size, windows, pixel type, compression, channels and metadata."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from vfx_rs.image import Image
from vfxview.panels.throttle import PlayingThrottle
from vfxview.state import ViewerState

__all__ = ["InfoPanel", "describe"]


def describe(path: str, image: Image) -> str:
    """Human-readable facts about `image`."""
    lines = [
        f"file: {path}",
        f"size: {image.width} x {image.height}, {image.channels} channels ({', '.join(image.channel_names)})",
        f"pixel type: {image.format}",
        f"data window: {image.data_window}",
        f"display window: {image.display_window}",
    ]
    for key, value in sorted(image.metadata.items()):
        if key not in ("dataWindow", "displayWindow"):
            text = _rounded(value)
            lines.append(f"{key}: {text[:200]}")
    return "\n".join(lines)


def _rounded(value: Any) -> str:
    """`value` as text with floats to 6 significant digits (``0.3127`` not ``0.31270000338554382``)."""
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return _rounded(value.tolist())
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_rounded(v) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_rounded(v)}" for k, v in value.items()) + "}"
    return repr(value)


class InfoPanel(QWidget):
    """Read-only text of `describe` for the current image (twice a second while a clip plays: `PlayingThrottle`)."""

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        QVBoxLayout(self).addWidget(self.text)
        self._throttle = PlayingThrottle(state, self._refresh, parent=self)
        state.changed.connect(self._on_state)

    def _on_state(self, name: str, value: object) -> None:
        if name in ("image", "input_space", "input_reason", "input_from_rules"):
            self._throttle.request()

    def _refresh(self) -> None:
        s = self.state
        if s.image is None:
            self.text.setPlainText("")
            return
        if s.image.metadata.get("missing"):
            self.text.setPlainText(f"file: {s.path}\nmissing: this frame has no file (a placeholder is shown)")
            return
        why = s.input_reason if s.input_from_rules else "chosen by the user"
        self.text.setPlainText(f"input space: {s.input_space} ({why})\n" + describe(s.path, s.image))
