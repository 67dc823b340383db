"""Grade panel: exposure, gamma, ASC CDL slope/offset/power per channel and saturation, with reset."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QPushButton, QSlider, QWidget

from vfxview import commands
from vfxview.state import ViewerState

__all__ = ["GradePanel", "ResetSlider"]

_STEPS = 100
"""Slider ticks per unit."""


def _spin(lo: float, hi: float, step: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setSingleStep(step)
    box.setDecimals(3)
    box.setKeyboardTracking(False)
    return box


class ResetSlider(QSlider):
    """A horizontal slider over ticks `lo` .. `hi` that asks for its default on double-click (`reset_requested`)."""

    reset_requested = Signal()

    def __init__(self, lo: int, hi: int, tip: str) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setRange(lo, hi)
        self.setToolTip(tip)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.reset_requested.emit()


class GradePanel(QWidget):
    """Sliders and spin boxes writing the grade through `vfxview.commands`; `bake_requested` asks the window to bake."""

    bake_requested = Signal()

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self._syncing = False  # True while the widgets are set from the state
        form = QFormLayout(self)
        self.exposure = ResetSlider(-10 * _STEPS, 10 * _STEPS, "exposure in stops; double-click resets to 0")
        self.gamma = ResetSlider(10, 4 * _STEPS, "display gamma; double-click resets to 1")
        self.exposure_box = _spin(-10.0, 10.0, 0.1)
        self.gamma_box = _spin(0.1, 4.0, 0.05)
        for label, slider, box in (
            ("Exposure", self.exposure, self.exposure_box),
            ("Gamma", self.gamma, self.gamma_box),
        ):
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(box)
            form.addRow(label, row)
        self.exposure.reset_requested.connect(lambda: commands.set_exposure(state, 0.0))
        self.gamma.reset_requested.connect(lambda: commands.set_gamma(state, 1.0))
        self.exposure_box.valueChanged.connect(lambda v: None if self._syncing else commands.set_exposure(state, v))
        self.gamma_box.valueChanged.connect(lambda v: None if self._syncing else commands.set_gamma(state, v))
        self.slope = [_spin(0.0, 10.0, 0.01) for _ in range(3)]
        self.offset = [_spin(-1.0, 1.0, 0.005) for _ in range(3)]
        self.power = [_spin(0.05, 10.0, 0.01) for _ in range(3)]
        for label, boxes in (("Slope RGB", self.slope), ("Offset RGB", self.offset), ("Power RGB", self.power)):
            row = QHBoxLayout()
            for box in boxes:
                row.addWidget(box)
                box.valueChanged.connect(self._grade_changed)
            form.addRow(label, row)
        self.saturation = _spin(0.0, 4.0, 0.01)
        self.saturation.valueChanged.connect(self._grade_changed)
        form.addRow("Saturation", self.saturation)
        self.reset = QPushButton("Reset")
        self.reset.setToolTip("exposure, gamma and grade back to neutral (Ctrl+0)")
        self.reset.clicked.connect(lambda: commands.reset_grade(state))
        self.save = QPushButton("Save .cc...")
        self.save.setToolTip("save the grade as an ASC CDL file (.cc / .cdl)")
        self.save.clicked.connect(self._save_dialog)
        self.bake = QPushButton("Bake .cube...")
        self.bake.setToolTip("bake the grade and the view to a LUT file")
        self.bake.clicked.connect(self.bake_requested.emit)
        buttons = QHBoxLayout()  # one row, so the whole panel fits beside the Color panel at 1280x800
        for button in (self.reset, self.save, self.bake):
            buttons.addWidget(button)
        form.addRow(buttons)
        self._sync()
        self.exposure.valueChanged.connect(self._exposure_changed)
        self.gamma.valueChanged.connect(self._gamma_changed)
        state.changed.connect(self._on_state)

    def _exposure_changed(self, ticks: int) -> None:
        if not self._syncing:
            commands.set_exposure(self.state, ticks / _STEPS)

    def _gamma_changed(self, ticks: int) -> None:
        if not self._syncing:
            commands.set_gamma(self.state, ticks / _STEPS)

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save grade", "grade.cc", "ASC CDL (*.cc *.cdl)")
        if path:
            commands.save_grade(self.state, path)

    def _grade_changed(self, _: float = 0.0) -> None:
        if self._syncing:
            return
        commands.set_grade(
            self.state,
            [b.value() for b in self.slope],
            [b.value() for b in self.offset],
            self.saturation.value(),
            [b.value() for b in self.power],
        )

    def _on_state(self, name: str, value: object) -> None:
        if name == "settings":  # once per change, however many grade fields it moves
            self._sync()

    def _sync(self) -> None:
        self._syncing = True
        try:
            s = self.state
            self.exposure.setValue(round(s.exposure * _STEPS))
            self.gamma.setValue(round(s.gamma * _STEPS))
            self.exposure_box.setValue(s.exposure)
            self.gamma_box.setValue(s.gamma)
            for box, v in zip(self.slope, s.slope, strict=True):
                box.setValue(v)
            for box, v in zip(self.offset, s.offset, strict=True):
                box.setValue(v)
            for box, v in zip(self.power, s.power, strict=True):
                box.setValue(v)
            self.saturation.setValue(s.saturation)
        finally:
            self._syncing = False
