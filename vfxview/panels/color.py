"""Color panel: OCIO config, input space, display, view, look or a LUT file or raw; channel view, background."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from vfx_rs.view import BUILTIN_CONFIG, CHANNELS, OCIO_DEFAULT_CONFIG, SOURCES
from vfxview import color_commands, commands
from vfxview.state import ViewerState

__all__ = ["NO_LOOK", "ColorPanel"]

NO_LOOK = "(view's looks)"
"""The look entry that keeps the view's own looks (``state.look == ""``)."""

_LUT_POSITIONS = {"none": "instead of view", "before": "before view", "after": "after view"}
"""The LUT position picker's entries (`vfx_rs.view.LUT_POSITIONS`)."""

_SOURCE_LABELS = {"ocio": "OCIO display/view", "lut": "LUT file", "raw": "Raw (no transform)"}


_CONFIG_LABELS = {OCIO_DEFAULT_CONFIG: "OCIO default (ACES 2.1 CG)", BUILTIN_CONFIG: "Built-in ACES 1.3 (CG)"}


def _config_label(spec: str) -> str:
    return _CONFIG_LABELS.get(spec, spec)


class ColorPanel(QWidget):
    """Pickers writing through `vfxview.color_commands`; follows the state when a script or shortcut changes it."""

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        form = QFormLayout(self)
        self.source = QComboBox()
        for source in SOURCES:
            self.source.addItem(_SOURCE_LABELS[source], source)
        self.config = QComboBox()
        self.load_config = QPushButton("Load .ocio...")
        self.input_space = QComboBox()
        self.from_rules = QCheckBox("from file rules")
        self.from_rules.setToolTip("Take the input color space from the config's file rules for each opened file")
        self.display = QComboBox()
        self.view = QComboBox()
        self.look = QComboBox()
        self.lut_label = QLabel("(none)")
        self.load_lut = QPushButton("Load LUT...")
        self.channel = QComboBox()
        self.channel.addItems(list(CHANNELS))
        self.background = QComboBox()
        self.background.addItems(["checker", "black"])
        self.false_color = QCheckBox("NaN / Inf in false colour")
        config_row = QHBoxLayout()
        config_row.addWidget(self.config, 1)
        config_row.addWidget(self.load_config)
        self.lut_position = QComboBox()
        for position, text in _LUT_POSITIONS.items():
            self.lut_position.addItem(text, position)
        self.lut_position.setToolTip("the LUT instead of the view, before it (scene LUT) or after it (display LUT)")
        lut_row = QHBoxLayout()
        lut_row.addWidget(self.lut_label, 1)
        lut_row.addWidget(self.lut_position)
        lut_row.addWidget(self.load_lut)
        input_row = QHBoxLayout()
        input_row.addWidget(self.input_space, 1)
        input_row.addWidget(self.from_rules)
        form.addRow("Transform", self.source)
        form.addRow("Config", config_row)
        form.addRow("Input space", input_row)
        for label, widget in (
            ("Display", self.display),
            ("View", self.view),
            ("Look", self.look),
        ):
            form.addRow(label, widget)
        form.addRow("LUT", lut_row)
        form.addRow("Channel", self.channel)
        form.addRow("Background", self.background)
        form.addRow(self.false_color)
        self._configs: list[str] = color_commands.config_choices()
        self._syncing = False
        self._sync()
        self.source.activated.connect(lambda _: self._set_source(self.source.currentData()))
        self.config.activated.connect(lambda i: color_commands.set_config(state, self._configs[i]))
        self.load_config.clicked.connect(self._config_dialog)
        self.input_space.activated.connect(
            lambda _: color_commands.set_input_space(state, self.input_space.currentText())
        )
        self.from_rules.clicked.connect(self._set_from_rules)
        self.display.activated.connect(lambda _: color_commands.set_display(state, self.display.currentText()))
        self.view.activated.connect(lambda _: color_commands.set_display(state, state.display, self.view.currentText()))
        self.look.activated.connect(lambda i: color_commands.set_look(state, "" if i == 0 else self.look.currentText()))
        self.load_lut.clicked.connect(self._lut_dialog)
        self.lut_position.activated.connect(self._set_lut_position)
        self.channel.activated.connect(lambda _: commands.set_channel(state, self.channel.currentText()))
        self.background.activated.connect(lambda _: commands.set_background(state, self.background.currentText()))
        self.false_color.toggled.connect(lambda on: commands.set_false_color(state, on))
        state.changed.connect(self._on_state)

    def _set_source(self, source: str) -> None:
        if source == "lut" and not self.state.lut:
            self._lut_dialog()
        else:
            color_commands.set_source(self.state, source)
        self._sync()  # a refused change puts the picker back

    def _set_lut_position(self, _: int = 0) -> None:
        color_commands.set_lut_position(self.state, self.lut_position.currentData())
        self._sync()  # a refused change puts the picker back

    def _set_from_rules(self, on: bool) -> None:
        if on:
            color_commands.use_file_rules(self.state)
        else:  # keep the current space as the user's pick
            color_commands.set_input_space(self.state, self.state.input_space)
        self._sync()

    def _config_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load OCIO config", "", "OCIO config (*.ocio);;All files (*)")
        if path:
            color_commands.set_config(self.state, path)

    def _lut_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Load LUT", "", "LUTs (*.cube *.clf *.ctf *.spi1d *.spi3d *.spimtx *.3dl *.csp);;All files (*)"
        )
        if path:
            color_commands.set_lut(self.state, path)

    def _on_state(self, name: str, value: object) -> None:
        if name in (
            "source",
            "config",
            "input_space",
            "input_from_rules",
            "display",
            "view",
            "look",
            "lut",
            "lut_position",
            "channel",
            "background",
            "nan_false_color",
        ):
            self._sync()

    @staticmethod
    def _fill(box: QComboBox, items: list[str], current: str) -> None:
        box.clear()
        box.addItems(items)
        box.setCurrentText(current)

    def _sync(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            s = self.state
            self.source.setCurrentIndex(SOURCES.index(s.source))
            if s.config not in self._configs:
                self._configs.append(s.config)
            self.config.clear()
            self.config.addItems([_config_label(c) for c in self._configs])
            self.config.setCurrentIndex(self._configs.index(s.config))
            cfg = color_commands.current_config(s)
            ocio = s.source == "ocio" and cfg is not None
            spaces = [*cfg.colorspace_names(), *cfg.role_names()] if cfg is not None else []
            displays = cfg.displays() if cfg is not None else []
            views = cfg.views(s.display) if cfg is not None and s.display in displays else []
            looks = cfg.look_names() if cfg is not None else []
            self._fill(self.input_space, spaces, s.input_space)
            self._fill(self.display, displays, s.display)
            self._fill(self.view, views, s.view)
            self._fill(
                self.look, [NO_LOOK, *looks, *([s.look] if s.look and s.look not in looks else [])], s.look or NO_LOOK
            )
            self.from_rules.setChecked(bool(s.input_from_rules))
            for widget in (self.input_space, self.from_rules, self.display, self.view, self.look):
                widget.setEnabled(ocio)
            self.lut_label.setText(os.path.basename(s.lut) if s.lut else "(none)")
            self.lut_label.setToolTip(s.lut)
            self.lut_label.setEnabled(s.source == "lut" or s.lut_position != "none")
            self.lut_position.setCurrentIndex(max(self.lut_position.findData(s.lut_position), 0))
            self.lut_position.setEnabled(bool(s.lut))
            self.channel.setCurrentText(s.channel)
            self.background.setCurrentText(s.background)
            self.false_color.setChecked(bool(s.nan_false_color))
        finally:
            self._syncing = False
