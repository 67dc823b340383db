"""`MainWindow`: the viewport, docked panels, menus and shortcuts around one `ViewerState`."""

from __future__ import annotations

import functools
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

import vfx_rs
from vfx_rs.errors import VfxError
from vfxview import color_commands, commands, playback
from vfxview.console import Console
from vfxview.debug_window import install_debugger
from vfxview.panels.color import ColorPanel
from vfxview.panels.grade import GradePanel
from vfxview.panels.info import InfoPanel
from vfxview.panels.layers import LayersPanel
from vfxview.panels.probe import ProbePanel
from vfxview.panels.scopes import ScopesPanel
from vfxview.panels.timeline import Timeline
from vfxview.script_viewer import ScriptViewer
from vfxview.sequence import Opened, read_path
from vfxview.state import ViewerState
from vfxview.viewport import Viewport
from vfxview.workers import Job, run_job, wait_all

__all__ = ["SHORTCUTS", "MainWindow"]

SHORTCUTS: dict[str, str] = {
    "open": "Ctrl+O",
    "open_b": "Ctrl+Shift+O",
    "export": "Ctrl+E",
    "export_graded": "Ctrl+Shift+E",
    "bake": "Ctrl+B",
    "save_settings": "Ctrl+Shift+S",
    "load_settings": "Ctrl+Shift+L",
    "quit": "Ctrl+Q",
    "fit": "F",
    "one_to_one": "H",
    "one_to_one_alt": "0",
    "exposure_up": "E",
    "exposure_down": "Shift+E",
    "reset_grade": "Ctrl+0",
    "channel_RGB": "C",
    "channel_R": "R",
    "channel_G": "G",
    "channel_B": "B",
    "channel_A": "A",
    "channel_Y": "L",
    "next_frame": "Right",
    "prev_frame": "Left",
    "play": "Space",
    "play_back": "Shift+Space",
    "go_in": "Home",
    "go_out": "End",
    "set_in": "I",
    "set_out": "O",
    "compare_wipe": "W",
    "compare_side": "S",
    "compare_diff": "D",
    "compare_off": "Escape",
    "false_color": "N",
}
"""Keyboard shortcuts (tev and RV habits; listed in README)."""

_REMEMBERED_COLOR = ("config", "input_space", "display", "view", "look", "lut", "lut_position", "source")
"""Color settings saved at exit and restored at start (with the dock layout and recent files)."""


class _MessageLabel(QLabel):
    """The status bar's word-wrapped message line: as tall as its text needs at the width it has.

    A plain word-wrapped QLabel in a status bar asks for the height of a narrow guess (three lines for a short
    message), so each message grew the status bar and shrank the viewport; a clip with a missing frame did it
    twice per loop, and each resize of the viewport empties its display cache.
    """

    def hasHeightForWidth(self) -> bool:
        return False  # the height below already follows the width

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), hint.width())) if self.text() else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def setText(self, text: str) -> None:
        super().setText(text)
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.text() and self.heightForWidth(event.size().width()) != self.heightForWidth(event.oldSize().width()):
            self.updateGeometry()


def _scrolling(panel: QWidget) -> QScrollArea:
    """`panel` in a vertical scroll area, so a small window (or --size) still fits every dock."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(panel)
    scroll.setMinimumWidth(panel.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
    return scroll


class MainWindow(QMainWindow):
    """The viewer window. `state` is its model; `viewer` the console's script object."""

    def __init__(self, remember_layout: bool = True) -> None:
        super().__init__()
        self.setWindowTitle("vfxview")
        self.setAcceptDrops(True)
        self.state = ViewerState()
        self.viewer = ScriptViewer(self.state)
        self.remember_layout = remember_layout
        self.viewport = Viewport(self.state)
        self.timeline = Timeline(self.state)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.viewport, 1)
        column.addWidget(self.timeline)
        self._column = column
        self.setCentralWidget(central)
        grade = GradePanel(self.state)
        probe = ProbePanel(self.state)
        scopes = ScopesPanel(self.state)
        self.panels: dict[str, QWidget] = {
            "Color": ColorPanel(self.state),
            "Grade": grade,
            "Layers": LayersPanel(self.state),
            "Pixel probe": probe,
            "Info": InfoPanel(self.state),
            "Scopes": scopes,
            "Console": Console({"vfx_rs": vfx_rs, "np": np, "viewer": self.viewer}),
        }
        self.docks: dict[str, QDockWidget] = {}
        for name, panel in self.panels.items():
            dock = QDockWidget(name, self)
            dock.setObjectName(f"dock-{name}")
            dock.setWidget(panel if name == "Console" else _scrolling(panel))
            area = (
                Qt.DockWidgetArea.BottomDockWidgetArea if name == "Console" else Qt.DockWidgetArea.RightDockWidgetArea
            )
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        # The right column runs the window's full height (the console sits under the viewport only), and the
        # probe shares the tabs of Info, Layers and Scopes: at 1280x800 the Color and Grade panels fit unscrolled.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.docks["Info"], self.docks["Pixel probe"])
        self.tabifyDockWidget(self.docks["Info"], self.docks["Layers"])
        self.tabifyDockWidget(self.docks["Info"], self.docks["Scopes"])
        self.docks["Pixel probe"].raise_()
        self.resizeDocks([self.docks["Console"], self.docks["Info"]], [150, 200], Qt.Orientation.Vertical)
        self.error_label = _MessageLabel()
        self.error_label.setStyleSheet("color: #ff6b6b; font-weight: bold;")
        self.error_label.setWordWrap(True)  # a long message wraps (never cut off); the tooltip holds it too
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.zoom_box = QDoubleSpinBox()
        self.zoom_box.setRange(0.1, 51200.0)
        self.zoom_box.setDecimals(1)
        self.zoom_box.setSuffix(" %")
        self.zoom_box.setToolTip("zoom: image pixels shown at this percentage (type a value)")
        self.zoom_box.setKeyboardTracking(False)
        self.zoom_box.valueChanged.connect(lambda v: self.viewport.set_zoom(v / 100.0))
        self.viewport.zoomed.connect(self._show_zoom)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.statusBar().addWidget(self.error_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.zoom_box)
        self.viewport.hovered.connect(probe.show_at)
        grade.bake_requested.connect(self.bake_dialog)
        self.docks["Scopes"].visibilityChanged.connect(scopes.set_shown)
        self.viewport.gl_failed.connect(lambda msg: commands.report_error(self.state, msg))
        self.viewport.gl_missing.connect(self._show_gl_missing)
        self.viewport.wipe_dragged.connect(lambda x: commands.set_wipe(self.state, x))
        self.state.changed.connect(self._on_state)
        self._build_menus()
        install_debugger(self)
        self.resize(1280, 800)
        self._settings = QSettings()
        if remember_layout:
            self._restore()

    # -- menus and shortcuts ---------------------------------------------------
    def _action(self, menu: Any, text: str, key: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(SHORTCUTS[key]))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        s = self.state
        file = self.menuBar().addMenu("&File")
        self._action(file, "Open...", "open", self.open_dialog)
        self._action(file, "Open compare image B...", "open_b", self.open_b_dialog)
        self.recent_menu = file.addMenu("Recent files")
        self._action(file, "Export as displayed...", "export", self.export_dialog)
        self._action(
            file, "Export graded scene-linear...", "export_graded", lambda: self.export_dialog(grade_only=True)
        )
        self._action(file, "Bake grade + view to LUT...", "bake", self.bake_dialog)
        self._action(file, "Save view settings...", "save_settings", self.save_settings_dialog)
        self._action(file, "Load view settings...", "load_settings", self.load_settings_dialog)
        self._action(file, "Quit", "quit", self.close)
        view = self.menuBar().addMenu("&View")
        self._action(view, "Fit", "fit", self.viewport.fit)
        self._action(view, "1:1", "one_to_one", self.viewport.one_to_one)
        self._action(view, "1:1 (alt)", "one_to_one_alt", self.viewport.one_to_one)
        self._action(view, "Exposure +0.5", "exposure_up", lambda: commands.set_exposure(s, s.exposure + 0.5))
        self._action(view, "Exposure -0.5", "exposure_down", lambda: commands.set_exposure(s, s.exposure - 0.5))
        self._action(view, "Reset grade", "reset_grade", lambda: commands.reset_grade(s))
        self._action(view, "NaN/Inf false colour", "false_color", lambda: commands.set_false_color(s))
        channels = view.addMenu("Channel")
        for ch in ("RGB", "R", "G", "B", "A", "Y"):
            self._action(channels, ch, f"channel_{ch}", lambda _=False, c=ch: commands.set_channel(s, c))
        compare = view.addMenu("Compare")
        self._action(compare, "Wipe A/B", "compare_wipe", lambda: commands.set_compare(s, "wipe"))
        self._action(compare, "Side by side", "compare_side", lambda: commands.set_compare(s, "side"))
        self._action(compare, "Difference", "compare_diff", lambda: commands.set_compare(s, "diff"))
        self._action(compare, "Off", "compare_off", lambda: commands.set_compare(s, "off"))
        t = self.timeline
        frames = self.menuBar().addMenu("&Playback")
        self._action(frames, "Play / pause", "play", lambda: t.toggle(1))
        self._action(frames, "Play backward / pause", "play_back", lambda: t.toggle(-1))
        self._action(frames, "Next frame", "next_frame", lambda: t.step(1))
        self._action(frames, "Previous frame", "prev_frame", lambda: t.step(-1))
        self._action(frames, "Go to in point", "go_in", lambda: playback.set_frame(s, s.in_point))
        self._action(frames, "Go to out point", "go_out", lambda: playback.set_frame(s, s.out_point))
        self._action(frames, "Set in point", "set_in", lambda: playback.set_in_out(s, s.frame, None))
        self._action(frames, "Set out point", "set_out", lambda: playback.set_in_out(s, None, s.frame))
        frames.addSeparator()
        frames.addAction("Cache budget...", self.cache_budget_dialog)
        windows = self.menuBar().addMenu("&Panels")
        for dock in self.docks.values():
            windows.addAction(dock.toggleViewAction())

    def cache_budget_dialog(self) -> None:
        """Ask for the read-ahead cache's RAM budget in MiB (`playback.set_cache_budget`)."""
        megabytes, ok = QInputDialog.getInt(
            self, "Cache budget", "RAM for the read-ahead cache (MiB):", self.state.cache_mb, 64, 1 << 20, 256
        )
        if ok:
            playback.set_cache_budget(self.state, megabytes)

    def _show_gl_missing(self, message: str) -> None:
        """Replace the viewport with the message (panels, console and export keep working)."""
        label = QLabel(message)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        self.viewport.hide()
        self._column.insertWidget(0, label, 1)
        commands.report_error(self.state, message.splitlines()[0])

    # -- state -> window ---------------------------------------------------------
    def _on_state(self, name: str, value: object) -> None:
        if name == "error":
            self.error_label.setText(str(value))
            self.error_label.setToolTip(str(value))
        elif name == "image" and value is not None:
            self.error_label.setText("")
            self.error_label.setToolTip("")
            self.setWindowTitle(f"vfxview - {self.state.path}")
        elif name == "recent":
            self.recent_menu.clear()
            for path in self.state.recent:
                self.recent_menu.addAction(path, functools.partial(self.open_path, path))

    # -- files ---------------------------------------------------------------------
    def open_path(self, path: str, background: bool = True, pending: Future[Opened] | None = None) -> None:
        """Open `path`, or the sequence or movie it belongs to; read on a worker thread when `background`.

        `pending` is that read already running (``vfxview`` starts it before Qt is imported).
        """
        if not background:
            playback.open_path(self.state, path)
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.statusBar().showMessage(f"loading {path}...")
        QTimer.singleShot(0, functools.partial(color_commands.prepare_view, self.state, path))  # while reading

        def done(result: Opened) -> None:
            self.progress.hide()
            self.statusBar().clearMessage()
            clip, frame, loaded = result
            if clip is not None:
                playback.open_clip(self.state, clip, frame, loaded=loaded)
            elif loaded is not None:
                playback.close_clip(self.state)
                commands.show_loaded(self.state, path, *loaded)

        def failed(exc: Exception) -> None:
            self.progress.hide()
            self.statusBar().clearMessage()
            commands.report_error(self.state, f"cannot open {path}: {exc}")

        run_job(pending.result if pending is not None else functools.partial(read_path, path), done, failed)

    def compare_with(self, path: str) -> None:
        """Load `path` as image B and show the wipe."""
        commands.set_compare(self.state, "wipe", path)

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_box.blockSignals(True)
        self.zoom_box.setValue(zoom * 100.0)
        self.zoom_box.blockSignals(False)

    def last_folder(self) -> str:
        """The folder of the most recent file (File > Open starts there), or "" for the current directory."""
        return str(Path(self.state.recent[0]).parent) if self.state.recent else ""

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open image",
            self.last_folder(),
            "Images (*.exr *.png *.tif *.tiff *.jpg *.jpeg *.hdr *.dpx *.mov *.mp4 *.mxf *.mkv);;All files (*)",
        )
        if path:
            self.open_path(path)

    def open_b_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open compare image B", self.last_folder())
        if path:
            self.compare_with(path)

    def export_dialog(self, grade_only: bool = False) -> None:
        title = "Export graded scene-linear" if grade_only else "Export as displayed"
        path, _ = QFileDialog.getSaveFileName(self, title, "", "EXR (*.exr);;PNG (*.png);;TIFF (*.tif);;All files (*)")
        if path:
            self.export(path, grade_only=grade_only)

    def _start(self, message: str, work: Any, done: Any = None, progress: bool = False) -> Job:
        """Run `work` on a worker with the progress bar shown; errors become messages."""
        self.progress.setRange(0, 100 if progress else 0)
        self.progress.setValue(0)
        self.progress.show()
        self.statusBar().showMessage(message)

        def finish(result: Any) -> None:
            self.progress.hide()
            self.statusBar().clearMessage()
            self.state.error = ""  # a success clears the last error
            if done is not None:
                done(result)

        def failed(exc: Exception) -> None:
            self.progress.hide()
            self.statusBar().clearMessage()
            commands.report_error(self.state, f"{message.rstrip('.')} failed: {exc}")

        on_progress = (lambda f: self.progress.setValue(round(f * 100))) if progress else None
        return run_job(work, finish, failed, on_progress)

    def export(self, path: str, grade_only: bool = False) -> Job | None:
        """Export the current image on a worker thread (progress in the status bar) through the NumPy core."""
        try:
            job = commands.export_job(self.state, path, grade_only=grade_only)
        except VfxError as exc:
            commands.report_error(self.state, str(exc))
            return None
        return self._start(
            f"exporting {path}...",
            job,
            done=lambda _: self.statusBar().showMessage(f"exported {path}", 5000),
            progress=True,
        )

    def save_settings_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save view settings", "view.json", "View settings (*.json)")
        if path:
            commands.save_settings(self.state, path)

    def load_settings_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load view settings", "", "View settings (*.json)")
        if path:
            commands.load_settings(self.state, path)

    def bake_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Bake grade + view to a LUT", "view.cube", "Cube LUT (*.cube);;CLF (*.clf)"
        )
        if path:
            self.bake(path)

    def bake(self, path: str) -> Job:
        """Bake the grade and the view to `path` on a worker thread."""
        return self._start(
            f"baking {path}...",
            commands.bake_job(self.state, path),
            done=lambda _: self.statusBar().showMessage(f"baked {path}", 5000),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(urls[0])

    # -- screenshots and layout ----------------------------------------------------------
    def save_screenshot(self, path: str | Path) -> bool:
        """Render the window as shown and write a PNG."""
        for _ in range(5):
            QApplication.processEvents()
        self.viewport.fit()
        self.viewport.repaint()
        QApplication.processEvents()
        return bool(self.grab().save(str(path), "PNG"))

    def _restore(self) -> None:
        geometry, layout = self._settings.value("geometry"), self._settings.value("windowState")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if layout is not None:
            self.restoreState(layout)
        recent = self._settings.value("recent") or []
        self.state.recent = tuple(str(p) for p in (recent if isinstance(recent, list) else [recent]))
        color = {
            name: str(self._settings.value(f"color/{name}"))
            for name in _REMEMBERED_COLOR
            if self._settings.value(f"color/{name}") is not None
        }
        if str(self._settings.value("color/input_from_rules", "true")).lower() == "true":
            color.pop("input_space", None)  # not picked by the user: the file rules keep choosing it
        if color:  # validated as a whole; a config or LUT gone since leaves the defaults and a message
            lut = color.pop("lut", "") or None
            color_commands.configure(self.state, lut=lut, **color)

    def closeEvent(self, event: Any) -> None:
        if self.remember_layout:
            self._settings.setValue("geometry", self.saveGeometry())
            self._settings.setValue("windowState", self.saveState())
            self._settings.setValue("recent", list(self.state.recent))
            for name in _REMEMBERED_COLOR:
                self._settings.setValue(f"color/{name}", getattr(self.state, name))
            self._settings.setValue("color/input_from_rules", "true" if self.state.input_from_rules else "false")
        wait_all()
        super().closeEvent(event)
