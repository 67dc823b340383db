"""Grading RGB curve op: OpenColorIO's GradingRGBCurveTransform (log, linear and video styles, both directions).

The parameters are OCIO's curves: red, green, blue and master, each control
points ``((x, y), ...)`` with optional slopes. OCIO (GradingBSplineCurve.cpp,
computeKnotsAndCoefsForRGBCurve) skips a curve whose points all lie on
``y = x``, estimates slopes when none are given (EstimateRGBSlopes: the
secant slopes weighted by the secant lengths, collinear runs merged, end
slopes at least 0.01), and fits the monotonic quadratic B-spline that
`vfx_rs.pipeline.ops.bspline` implements. Forward, each channel goes through
its own curve, then all three through the master (GradingRGBCurveOpCPU.cpp);
the inverse runs the master's inverse, then each channel's. The linear style
works on ``log2`` of the values (the LinLog/LogLin of the grading tone)
unless ``lintolog_bypass``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op
from vfx_rs.pipeline.ops._grading_tone_kernels import lin_to_log, log_to_lin
from vfx_rs.pipeline.ops.bspline import BSplineCurveOp

__all__ = ["Curve", "GradingRGBCurveOp", "curve_from_values", "estimate_rgb_slopes"]

Curve = tuple[tuple[tuple[float, float], ...], tuple[float, ...] | None]
"""One curve: control points ``((x, y), ...)`` and slopes (None or all 0: OCIO estimates them)."""

_DEFAULTS = {"linear": ((-7.0, -7.0), (0.0, 0.0), (7.0, 7.0)), "other": ((0.0, 0.0), (0.5, 0.5), (1.0, 1.0))}
"""OCIO's default curves (GradingRGBCurve.cpp DefaultCtrl, DefaultCtrlLin): identities."""

_CHANNELS = ("red", "green", "blue", "master")


def estimate_rgb_slopes(points: np.ndarray) -> np.ndarray:
    """OCIO's EstimateRGBSlopes (GradingBSplineCurve.cpp), in float32, for float32 ``(n, 2)`` points."""
    f32 = np.float32
    x, y = points[:, 0], points[:, 1]
    dx, dy = np.diff(x), np.diff(y)
    secant = dy / dx
    length = np.sqrt(dx * dx + dy * dy)
    n = len(points)
    if n == 2:
        return np.array([secant[0], secant[0]], dtype=f32)
    i = 0
    while True:
        j = i
        total = length[i]
        while j < n - 2 and abs(secant[j + 1] - secant[j]) < f32(1e-6):
            total += length[j + 1]
            j += 1
        length[i : j + 1] = total
        if j >= n - 3:
            break
        i = j + 1
    slopes = np.zeros(n, dtype=f32)
    for k in range(1, n - 1):
        slopes[k] = (length[k] * secant[k] + length[k - 1] * secant[k - 1]) / (length[k] + length[k - 1])
    slopes[n - 1] = max(f32(0.01), f32(0.5) * (f32(3) * secant[n - 2] - slopes[n - 2]))
    slopes[0] = max(f32(0.01), f32(0.5) * (f32(3) * secant[0] - slopes[1]))
    return slopes


def _curve_op(curve: Curve, name: str) -> BSplineCurveOp | None:
    points = np.asarray(curve[0], dtype=np.float32)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) < 2:
        raise ArgumentError(f"grading RGB curve {name} needs at least 2 control points (x, y)")
    if not np.all(np.isfinite(points)) or np.any(np.diff(points[:, 0]) < 0) or np.any(np.diff(points[:, 1]) < 0):
        raise ArgumentError(f"grading RGB curve {name}: control points must be finite, x and y non-decreasing")
    if np.all(points[:, 0] == points[:, 1]):
        return None
    slopes = None if curve[1] is None else np.asarray(curve[1], dtype=np.float32)
    if slopes is not None and slopes.shape != (len(points),):
        raise ArgumentError(f"grading RGB curve {name}: one slope per control point")
    if slopes is None or not np.any(slopes):
        slopes = estimate_rgb_slopes(points)
    try:
        return BSplineCurveOp.from_points([tuple(p) for p in points], list(slopes))
    except ArgumentError as exc:
        raise ArgumentError(f"grading RGB curve {name}: {exc.message}") from None


@dataclass(frozen=True, kw_only=True, eq=False)
class GradingRGBCurveOp(Op):
    """OCIO's grading RGB curves (module docstring), built from OCIO's parameter values.

    Parameters
    ----------
    style
        ``"log"``, ``"linear"`` or ``"video"``.
    red, green, blue, master
        `Curve` values; None takes OCIO's default (an identity).
    lintolog_bypass
        Linear style only: apply the curves to the values themselves.
    inverse_direction
        Apply the inverse.
    """

    kind = "grading_rgb_curve"
    style: Literal["log", "linear", "video"] = "log"
    red: Curve | None = None
    green: Curve | None = None
    blue: Curve | None = None
    master: Curve | None = None
    lintolog_bypass: bool = False
    inverse_direction: bool = False
    _curves: tuple[BSplineCurveOp | None, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.style not in ("log", "linear", "video"):
            raise ArgumentError(f"grading RGB curve style must be log, linear or video, got {self.style!r}")
        default = _DEFAULTS["linear" if self.style == "linear" else "other"]
        curves = []
        for name in _CHANNELS:
            value = getattr(self, name) or (default, None)
            points = tuple((float(x), float(y)) for x, y in value[0])
            slopes = None if value[1] is None else tuple(float(s) for s in value[1])
            object.__setattr__(self, name, (points, slopes))
            curves.append(_curve_op((points, slopes), name))
        object.__setattr__(self, "_curves", tuple(curves))

    def _log_space(self) -> bool:
        return self.style == "linear" and not self.lintolog_bypass

    def _order(self) -> list[int]:
        return [3, 0, 1, 2] if self.inverse_direction else [0, 1, 2, 3]

    def is_identity(self) -> bool:
        return all(c is None for c in self._curves)

    def structure_key(self) -> tuple[object, ...]:
        return self.params_key()  # the knots are constants in the GLSL source

    def apply_planar(self, p: np.ndarray) -> None:
        if self.is_identity():
            return
        x = p.astype(np.float32)
        if self._log_space():
            x = lin_to_log(x)
        for c in self._order():
            curve = self._curves[c]
            if curve is None:
                continue
            op = curve.inverse() if self.inverse_direction else curve
            if c == 3:
                op.apply_planar(x)
            else:
                row = np.ascontiguousarray(np.repeat(x[c : c + 1], 3, axis=0))
                op.apply_planar(row)
                x[c] = row[0]
        if self._log_space():
            x = log_to_lin(x)
        p[...] = x

    def glsl(self, names: GlslNames) -> GlslSnippet:
        from vfx_rs.pipeline.ops._grading_tone_glsl import LIN_LOG_HELPER

        helpers: dict[str, str] = {}
        lines = ["c = vfx_tone_lin_log(c);"] if self._log_space() else []
        if self._log_space():
            helpers["vfx_tone_lin_log"] = LIN_LOG_HELPER
        for c in self._order():
            curve = self._curves[c]
            if curve is None:
                continue
            sub = GlslNames(f"{names.prefix}_{_CHANNELS[c]}")
            snippet = (curve.inverse() if self.inverse_direction else curve).glsl(sub)
            helpers.update(snippet.helpers)
            fn = sub("curve")
            lines.append(snippet.body if c == 3 else f"c.{'rgb'[c]} = {fn}(c.{'rgb'[c]});")
        if self._log_space():
            lines.append("c = vfx_tone_log_lin(c);")
        return GlslSnippet(body="\n".join(lines), helpers=helpers)

    def inverse(self) -> Op:
        """The same curves in the other direction."""
        return dataclasses.replace(self, inverse_direction=not self.inverse_direction)


def curve_from_values(points: Sequence[float], slopes: Sequence[float] | None) -> Curve:
    """A `Curve` from OCIO's flat ``control_points`` list ``[x0, y0, x1, y1, ...]`` and its ``slopes``."""
    if len(points) % 2:
        raise ArgumentError("control_points needs an even number of values (x, y pairs)")
    pairs = tuple((float(points[i]), float(points[i + 1])) for i in range(0, len(points), 2))
    if slopes is not None and len(slopes) != len(pairs):
        raise ArgumentError("the number of slopes must match the number of control points")
    return pairs, None if slopes is None else tuple(float(s) for s in slopes)
