"""Color panel: display, view, look, channel view, background and NaN false colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QWidget

from vfxview import commands
from vfxview.display import DISPLAYS
from vfxview.state import CHANNELS, ViewerState

__all__ = ["ColorPanel"]


class ColorPanel(QWidget):
    """Pick display/view/channel; follows the state when a script or shortcut changes it."""

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        form = QFormLayout(self)
        self.display = QComboBox()
        self.display.addItems(list(DISPLAYS))
        self.view = QComboBox()
        self.look = QComboBox()
        self.look.addItem("(none)")
        self.look.setEnabled(False)  # the built-in displays have no looks; an OCIO config's looks fill this
        self.look.setToolTip("looks come with an OCIO config (state.look holds the name)")
        self.channel = QComboBox()
        self.channel.addItems(list(CHANNELS))
        self.background = QComboBox()
        self.background.addItems(["checker", "black"])
        self.false_color = QCheckBox("NaN / Inf in false colour")
        for label, widget in (("Display", self.display), ("View", self.view), ("Look", self.look),
                              ("Channel", self.channel), ("Background", self.background)):
            form.addRow(label, widget)
        form.addRow(self.false_color)
        self._sync()
        self.display.activated.connect(lambda _: commands.set_display(state, self.display.currentText()))
        self.view.activated.connect(lambda _: commands.set_display(state, state.display, self.view.currentText()))
        self.channel.activated.connect(lambda _: commands.set_channel(state, self.channel.currentText()))
        self.background.activated.connect(lambda _: setattr(state, "background", self.background.currentText()))
        self.false_color.toggled.connect(lambda on: setattr(state, "nan_false_color", bool(on)))
        state.changed.connect(self._on_state)

    def _on_state(self, name: str, value: object) -> None:
        if name in ("display", "view", "channel", "background", "nan_false_color"):
            self._sync()

    def _sync(self) -> None:
        s = self.state
        self.display.setCurrentText(s.display)
        self.view.clear()
        self.view.addItems(list(DISPLAYS.get(s.display, {})))
        self.view.setCurrentText(s.view)
        self.channel.setCurrentText(s.channel)
        self.background.setCurrentText(s.background)
        self.false_color.setChecked(bool(s.nan_false_color))
