"""Layers panel: the layers of a multi-layer EXR; picking one shows it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget

from vfxview import commands
from vfxview.state import ViewerState

__all__ = ["LayersPanel"]


class LayersPanel(QWidget):
    """A list of ``state.layers``; the current one follows ``state.layer``."""

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.list = QListWidget()
        QVBoxLayout(self).addWidget(self.list)
        self.list.itemActivated.connect(lambda item: commands.select_layer(state, item.text()))
        self.list.itemClicked.connect(lambda item: commands.select_layer(state, item.text()))
        state.changed.connect(self._on_state)

    def _on_state(self, name: str, value: object) -> None:
        if name == "layers":
            self.list.clear()
            self.list.addItems(list(self.state.layers))
        if name in ("layers", "layer"):
            for item in self.list.findItems(self.state.layer, Qt.MatchFlag.MatchExactly):
                self.list.setCurrentItem(item)
