"""The transform debugger's model (no Qt, no OpenGL): the NumPy trace beside the GLSL read-back, op by op.

`debug_pixel` takes `vfx_rs.view.ViewSettings.trace` (the exact NumPy core's
value after each op of the display pipeline) and the value the real GLSL
holds after the same op at the same pixel (a ``gl_values(ops, rgb)`` callable,
`vfxview.glprobe.render_prefixes` in the app), and marks the first op where
they differ by more than `TOLERANCE`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from vfx_rs.image import Image
from vfx_rs.pipeline import Op
from vfx_rs.view import Trace, ViewSettings

__all__ = ["TOLERANCE", "DebugReport", "GlValues", "debug_pixel", "differs"]

TOLERANCE = 1e-4
"""Largest GLSL-vs-NumPy difference that is not flagged: absolute up to 1, relative to the value above
(float32 carries about 7 digits, so a scene value of 1000 is only known to ~1e-4)."""

GlValues = Callable[[Sequence[Op], Sequence[float]], np.ndarray]
"""``gl_values(ops, rgb) -> (len(ops), 3)``: the GLSL value after each op (`vfxview.glprobe.render_prefixes`)."""


def differs(numpy_value: Sequence[float], gl_value: Sequence[float], tolerance: float = TOLERANCE) -> bool:
    """True when any channel differs by more than ``tolerance * max(1, |numpy value|)``; NaN matches NaN, Inf its sign."""
    a = np.asarray(numpy_value, np.float64)
    b = np.asarray(gl_value, np.float64)
    same_special = (np.isnan(a) & np.isnan(b)) | (np.isinf(a) & (a == b))
    with np.errstate(invalid="ignore"):
        close = np.isfinite(a) & (np.abs(a - b) <= tolerance * np.maximum(1.0, np.abs(a)))
    return not bool(np.all(same_special | close))


@dataclass(frozen=True)
class DebugReport:
    """A pixel's trace with the GLSL value after each op and the first op where they differ (None: none does)."""

    trace: Trace
    gl: tuple[tuple[float, float, float], ...]
    first_difference: int | None

    def table(self) -> str:
        """`vfx_rs.view.Trace.table` with a GLSL column and ``<<`` on the first differing op."""

        def rgb(v: Sequence[float]) -> str:
            return " ".join(f"{c:12.6g}" for c in v)

        t = self.trace
        lines = [
            f"pixel ({t.x}, {t.y})  NumPy | GLSL" + ("" if self.first_difference is None else "  << first difference"),
            f"{'':>3} {'input':<16} {rgb(t.input)}",
        ]
        for step, gl in zip(t.steps, self.gl, strict=True):
            mark = "<<" if step.index == self.first_difference else "  "
            params = ", ".join(f"{k}={v}" for k, v in step.params.items())
            lines.append(f"{step.index:>3} {step.name:<16} {rgb(step.value)} | {rgb(gl)} {mark} {params}")
        verdict = "GLSL equals NumPy at every op" if self.first_difference is None else "GLSL departs from NumPy"
        lines.append(f"{verdict} (tolerance {TOLERANCE:g})")
        return "\n".join(lines)


def debug_pixel(settings: ViewSettings, image: Image, x: int, y: int, gl_values: GlValues) -> DebugReport:
    """The trace of pixel (x, y) (image coordinates) and the GLSL value after every op of ``settings.pipeline()``."""
    trace = settings.trace(image, x, y)
    ops = settings.pipeline().ops
    gl = np.asarray(gl_values(ops, trace.input), np.float64).reshape(len(ops), 3) if ops else np.empty((0, 3))
    values = tuple((float(v[0]), float(v[1]), float(v[2])) for v in gl)
    first = next((s.index for s, g in zip(trace.steps, values, strict=True) if differs(s.value, g)), None)
    return DebugReport(trace, values, first)
