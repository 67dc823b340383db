"""Wires the debugging tools into a `MainWindow`: the transform debugger dock, the Debug menu, the console's ``debug``.

Kept beside `vfxview.window` (the one other place that wires parts) so the window needs one call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea

from vfx_rs.errors import VfxError
from vfx_rs.pipeline import Op
from vfxview import commands, debug_commands, session_commands
from vfxview.census_overlay import CensusOverlay
from vfxview.glprobe import GlPixelTracer
from vfxview.glprogram import GlError
from vfxview.movie_export import movie_job
from vfxview.panels.census import CensusPanel
from vfxview.panels.debugger import DebuggerPanel
from vfxview.parity import check_state

__all__ = ["DEBUG_SHORTCUTS", "centre_on", "install_debugger"]

DEBUG_SHORTCUTS = {"pin": "P", "unpin": "Shift+P"}
"""Keyboard shortcuts of the Debug menu (listed in README)."""


def _viewport_gl(viewport: Any) -> Any:
    """A `vfxview.debugger.GlValues` reading back in the viewport's own context (its driver, its precision)."""
    tracer = GlPixelTracer()

    def gl_values(ops: Sequence[Op], rgb: Sequence[float]) -> np.ndarray:
        if viewport.context() is None or not viewport.context().isValid():
            raise GlError("the viewport has no OpenGL context yet")
        viewport.makeCurrent()
        try:
            return tracer.values(ops, rgb, viewport.defaultFramebufferObject())
        except GlError:
            raise
        except Exception as exc:  # PyOpenGL's errors: say what failed, keep the viewer running
            raise GlError(f"GLSL read-back failed: {exc}") from exc
        finally:
            viewport.doneCurrent()

    return gl_values


def _add_dock(window: Any, name: str, panel: Any, tab_with: str) -> QDockWidget:
    """`panel` in a scrolling dock tabbed behind `tab_with` (a small window is not forced taller)."""
    dock = QDockWidget(name, window)
    dock.setObjectName(f"dock-{name}")
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(panel)
    dock.setWidget(scroll)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.docks[tab_with], dock)
    window.docks[tab_with].raise_()
    window.panels[name] = panel
    window.docks[name] = dock
    return dock


def centre_on(viewport: Any, state: Any, x: int, y: int, min_zoom: float = 8.0) -> None:
    """Centre the viewport on image pixel (x, y), zoomed in to at least `min_zoom` device pixels per pixel."""
    ratio = viewport.devicePixelRatioF()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    viewport.zoom_at(max(min_zoom / viewport.zoom, 1.0), centre)
    dx0, dy0 = state.image.display_window[:2]
    viewport.pan = np.array(
        [centre.x() * ratio - (x - dx0 + 0.5) * viewport.zoom, centre.y() * ratio - (y - dy0 + 0.5) * viewport.zoom]
    )
    viewport.update()


def _show_parity(window: Any) -> None:
    """Run the check; the report goes to the console and its verdict to the status bar."""
    report = check_state(window.state, window.viewport.render_float)
    if report is None:
        return
    window.panels["Console"].output.appendPlainText(report.text())
    window.docks["Console"].raise_()
    verdict = "preview = export" if report.passed else "preview differs from export"
    window.statusBar().showMessage(f"{verdict}: max error {report.max_error:.3g} (threshold {report.threshold:g})")


def start_movie_export(window: Any, path: str) -> Any:
    """Export the open clip as a movie on a worker thread, with the progress bar (`vfxview.movie_export`)."""
    try:
        job = movie_job(window.state, path)
    except VfxError as exc:
        commands.report_error(window.state, str(exc))
        return None

    def done(held: list[int]) -> None:
        note = f" (frames {', '.join(map(str, held))} missing: held)" if held else ""
        window.statusBar().showMessage(f"exported {path}{note}", 8000)

    return window._start(f"exporting {path}...", job, done=done, progress=True)


def _add_session_actions(window: Any) -> None:
    """File > Export Movie..., Save Session... and Open Session... (before Quit)."""
    from PySide6.QtWidgets import QFileDialog

    file_menu = window.menuBar().actions()[0].menu()
    quit_action = next((a for a in file_menu.actions() if a.text() == "Quit"), None)

    def save() -> None:
        path, _ = QFileDialog.getSaveFileName(window, "Save session as Python", "session.py", "Python (*.py)")
        if path:
            session_commands.save_session(window.state, path)

    def open_() -> None:
        path, _ = QFileDialog.getOpenFileName(window, "Open session", "", "Python (*.py)")
        if path:
            session_commands.open_session(window.state, path)

    def export_movie() -> None:
        path, _ = QFileDialog.getSaveFileName(
            window, "Export movie as displayed", "review.mov", "QuickTime (*.mov);;MP4 (*.mp4)"
        )
        if path:
            start_movie_export(window, path)

    for text, slot in (
        ("Export Movie...", export_movie),
        ("Save Session...", save),
        ("Open Session...", open_),
    ):
        action = QAction(text, window)
        action.triggered.connect(slot)
        file_menu.insertAction(quit_action, action)


def install_debugger(window: Any) -> DebuggerPanel:
    """Add the "Transform debugger" dock (tabbed with the probe), the "Census" dock (tabbed with Info) and its
    overlay, File > Save/Open Session, the Debug menu and ``debug`` in the console."""
    state = window.state
    gl_values = _viewport_gl(window.viewport)
    panel = DebuggerPanel(state, gl_values)
    dock = _add_dock(window, "Transform debugger", panel, "Pixel probe")
    census = CensusPanel(state)
    _add_dock(window, "Census", census, "Info").visibilityChanged.connect(census.set_shown)
    census.jump.connect(lambda x, y: centre_on(window.viewport, state, x, y))
    window.census_overlay = CensusOverlay(state, window.viewport)
    window.viewport.hovered.connect(panel.show_at)
    console = debug_commands.DebugConsole(state, gl_values, window.viewport.render_float)
    window.panels["Console"].namespace["debug"] = console
    _add_session_actions(window)
    menu = window.menuBar().addMenu("&Debug")
    for text, key, slot in (
        ("Pin hovered pixel in the transform debugger", "pin", panel.pin_hovered),
        ("Unpin", "unpin", lambda: debug_commands.unpin_pixel(state)),
    ):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(DEBUG_SHORTCUTS[key]))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        window.addAction(action)
    parity = QAction("Check preview = export", window)
    parity.triggered.connect(lambda: _show_parity(window))
    menu.addAction(parity)
    menu.addAction(dock.toggleViewAction())
    menu.addAction(window.docks["Census"].toggleViewAction())
    return panel
