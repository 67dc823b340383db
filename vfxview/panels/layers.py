"""Layers panel: the layers of a multi-layer EXR, for A and (while comparing) for B; picking one shows it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from vfxview import commands
from vfxview.state import ViewerState

__all__ = ["LayersPanel"]


class LayersPanel(QWidget):
    """A list of ``state.layers``; the current one follows ``state.layer``."""

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        column = QVBoxLayout(self)
        self.list = QListWidget()
        self.b_label = QLabel("Image B")
        self.b_list = QListWidget()
        for widget in (self.list, self.b_label, self.b_list):
            column.addWidget(widget)
        for signal in (self.list.itemActivated, self.list.itemClicked):
            signal.connect(lambda item: commands.select_layer(state, item.text()))
        for signal in (self.b_list.itemActivated, self.b_list.itemClicked):
            signal.connect(lambda item: commands.select_compare_layer(state, item.text()))
        self._show_b()
        state.changed.connect(self._on_state)

    def _show_b(self) -> None:
        shown = bool(self.state.compare_layers)
        self.b_label.setVisible(shown)
        self.b_list.setVisible(shown)

    def _on_state(self, name: str, value: object) -> None:
        for names, current, widget in (
            ("layers", "layer", self.list),
            ("compare_layers", "compare_layer", self.b_list),
        ):
            if name == names:
                widget.clear()
                widget.addItems(list(getattr(self.state, names)))
                self._show_b()
            if name in (names, current):
                for item in widget.findItems(getattr(self.state, current), Qt.MatchFlag.MatchExactly):
                    widget.setCurrentItem(item)
