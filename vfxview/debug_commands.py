"""The debugging actions (no Qt): pin a pixel, trace it through the NumPy core and the GLSL, the console's ``debug``.

The GLSL side comes in as a callable (`vfxview.debugger.GlValues`): the window
passes one that reads the viewport's own context back
(`vfxview.glprobe.GlPixelTracer`), tests may pass the offscreen one.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from vfx_rs.census import Census
from vfx_rs.errors import ArgumentError, VfxError
from vfxview.census_commands import take_census
from vfxview.debugger import DebugReport, GlValues, debug_pixel
from vfxview.parity import DEFAULT_THRESHOLD, ParityReport, check_state
from vfxview.state import ViewerState, report_error

__all__ = ["DebugConsole", "image_pixel", "pin_pixel", "trace_pixel", "unpin_pixel"]


def image_pixel(state: ViewerState, x: float, y: float) -> tuple[int, int] | None:
    """Image coordinates of display-window position (x, y) (as the viewport's `hovered`), None outside the data."""
    img = state.image
    if img is None:
        return None
    dx0, dy0 = img.display_window[:2]
    ix, iy = math.floor(x) + dx0, math.floor(y) + dy0
    x0, y0, x1, y1 = img.data_window
    return (ix, iy) if x0 <= ix <= x1 and y0 <= iy <= y1 else None


def pin_pixel(state: ViewerState, x: int, y: int) -> bool:
    """Pin pixel (x, y) (image coordinates): the debugger shows it until unpinned, wherever the cursor goes."""
    img = state.image
    if img is None:
        report_error(state, "nothing to pin: no image is open")
        return False
    x0, y0, x1, y1 = img.data_window
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        report_error(state, f"pixel ({x}, {y}) is outside the data window {img.data_window}")
        return False
    state.pinned = (int(x), int(y))
    return True


def unpin_pixel(state: ViewerState) -> None:
    """Let the debugger follow the probed pixel again."""
    state.pinned = None


def trace_pixel(state: ViewerState, x: int, y: int, gl_values: GlValues) -> DebugReport | None:
    """The NumPy trace of pixel (x, y) beside the GLSL read-back; None (and a message) when it cannot be made."""
    if state.image is None:
        report_error(state, "nothing to trace: no image is open")
        return None
    try:
        return debug_pixel(state.settings, state.image, x, y, gl_values)
    except (VfxError, OSError, ValueError, RuntimeError) as exc:
        report_error(state, f"cannot trace pixel ({x}, {y}): {exc}")
        return None


class DebugConsole:
    """The console's ``debug``: ``debug.trace(x, y)`` prints the transform debugger's table (without
    coordinates: the pinned pixel's), ``debug.parity()`` the preview = export check."""

    def __init__(
        self, state: ViewerState, gl_values: GlValues, render_float: Callable[[], np.ndarray] | None = None
    ) -> None:
        self.state = state
        self._gl_values = gl_values
        self._render_float = render_float

    def trace(self, x: int | None = None, y: int | None = None) -> DebugReport | None:
        """Print and return the table for pixel (x, y) (image coordinates), or for the pinned pixel."""
        if x is None or y is None:
            if self.state.pinned is None:
                raise ArgumentError("debug.trace(x, y): give a pixel, or pin one first")
            x, y = self.state.pinned
        report = trace_pixel(self.state, int(x), int(y), self._gl_values)
        print(report.table() if report is not None else self.state.error)
        return report

    def parity(self, threshold: float = DEFAULT_THRESHOLD, heatmap: str | None = None) -> ParityReport | None:
        """Print and return the preview = export check of the current image (`vfxview.parity.check_state`)."""
        if self._render_float is None:
            raise ArgumentError("no viewport to render the preview with")
        report = check_state(self.state, self._render_float, threshold, heatmap)
        print(report.text() if report is not None else self.state.error)
        return report

    def census(self) -> Census | None:
        """Print and return the NaN / Inf / negative / out-of-gamut census of the shown image (`take_census`)."""
        found = take_census(self.state)
        print(found.text() if found is not None else self.state.error or "no image is open")
        return found

    def pin(self, x: int, y: int) -> bool:
        """Pin pixel (x, y) in the debugger."""
        return pin_pixel(self.state, x, y)

    def __repr__(self) -> str:
        return "<debug: debug.trace(x, y), debug.pin(x, y), debug.parity(threshold, heatmap), debug.census()>"
