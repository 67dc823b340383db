"""Grade panel: exposure, gamma, ASC CDL slope/offset/power per channel and saturation, with reset."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QPushButton, QSlider, QWidget

from vfxview import commands
from vfxview.state import ViewerState

__all__ = ["GradePanel"]

_STEPS = 100
"""Slider ticks per unit."""


def _spin(lo: float, hi: float, step: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setSingleStep(step)
    box.setDecimals(3)
    box.setKeyboardTracking(False)
    return box


class GradePanel(QWidget):
    """Sliders and spin boxes writing the grade through `vfxview.commands`; `bake_requested` asks the window to bake."""

    bake_requested = Signal()

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        form = QFormLayout(self)
        self.exposure = QSlider(Qt.Orientation.Horizontal)
        self.exposure.setRange(-10 * _STEPS, 10 * _STEPS)
        self.gamma = QSlider(Qt.Orientation.Horizontal)
        self.gamma.setRange(10, 4 * _STEPS)
        form.addRow("Exposure", self.exposure)
        form.addRow("Gamma", self.gamma)
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
        self.reset = QPushButton("Reset grade")
        self.reset.clicked.connect(lambda: commands.reset_grade(state))
        self.save = QPushButton("Save grade (.cc / .cdl)...")
        self.save.clicked.connect(self._save_dialog)
        self.bake = QPushButton("Bake grade + view to .cube...")
        self.bake.clicked.connect(self.bake_requested.emit)
        form.addRow(self.reset)
        form.addRow(self.save)
        form.addRow(self.bake)
        self._syncing = False
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
            for box, v in zip(self.slope, s.slope, strict=True):
                box.setValue(v)
            for box, v in zip(self.offset, s.offset, strict=True):
                box.setValue(v)
            for box, v in zip(self.power, s.power, strict=True):
                box.setValue(v)
            self.saturation.setValue(s.saturation)
        finally:
            self._syncing = False
