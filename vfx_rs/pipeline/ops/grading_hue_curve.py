"""Grading hue curve op: OpenColorIO's GradingHueCurveTransform (log, linear and video styles, both directions).

OCIO GradingHueCurveOpCPU.cpp: the pixel goes to HSY (`vfx_rs.pipeline.ops.hsy`,
the style's variant, or not at all for ``hsy_transform: none``), the linear
style takes ``log2`` of the luma, and eight curves act on it: hue-sat and
hue-lum gains from the hue, hue-hue, sat-sat, a lum-sat gain, sat-lum from the
new saturation, lum-lum; the luma gain is weakened at low saturation and
applied (times for linear, as an offset of 0.1 per unit otherwise), then the
hue-fx curve adds a hue shift and the pixel goes back to RGB. The inverse
(GradingHueCurveRevOpCPU) undoes each step; hue-hue and hue-fx invert with
evalCurveRevHue (the wrapped root of the segment's quadratic).

The curves are OCIO's hue B-splines (`vfx_rs.pipeline.ops.hue_bspline`),
evaluated by `BSplineCurveOp` (evalCurve, and evalCurveRev for sat-sat and
lum-lum). The lum gain is an offset in the log style only and a factor in the
video and linear styles, as in PyOpenColorIO 2.6.0 and OCIO's GPU shader
(GradingHueCurveOpGPU.cpp; the CPU source of OCIO's main branch offsets in video too).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op
from vfx_rs.pipeline.ops._grading_tone_kernels import _GAIN, _OFFS, _SHIFT, _XBRK, _YBRK
from vfx_rs.pipeline.ops.bspline import BSplineCurveOp, quiet_float_errors
from vfx_rs.pipeline.ops.hsy import HsyOp
from vfx_rs.pipeline.ops.hue_bspline import HUE_SPLINE_TYPES, HueCurve, fit_hue_curve

__all__ = ["HUE_CURVES", "GradingHueCurveOp", "HueCurve"]

f32 = np.float32

HUE_CURVES = ("hue_hue", "hue_sat", "hue_lum", "lum_sat", "sat_sat", "lum_lum", "sat_lum", "hue_fx")
"""The eight curves in OCIO's order (HueCurveType), as OCIO's YAML keys."""

_HALF = ((0.0, 0.0), (0.5, 0.5), (1.0, 1.0))
_DEFAULTS: dict[str, tuple[tuple[float, float], ...]] = {
    "hue_hue": ((0.0, 0.0), (1 / 6, 1 / 6), (1 / 3, 1 / 3), (0.5, 0.5), (2 / 3, 2 / 3), (5 / 6, 5 / 6)),
    "hue_sat": tuple((x / 6, 1.0) for x in range(6)),
    "hue_lum": tuple((x / 6, 1.0) for x in range(6)),
    "lum_sat": ((0.0, 1.0), (0.5, 1.0), (1.0, 1.0)),
    "sat_sat": _HALF,
    "lum_lum": _HALF,
    "sat_lum": ((0.0, 1.0), (0.5, 1.0), (1.0, 1.0)),
    "hue_fx": tuple((x / 6, 0.0) for x in range(6)),
}
"""OCIO's default curves (GradingHueCurve.cpp Default*Ctrl): identities."""

_DEFAULTS_LIN = {"lum_sat": ((-7.0, 1.0), (0.0, 1.0), (7.0, 1.0)), "lum_lum": ((-7.0, -7.0), (0.0, 0.0), (7.0, 7.0))}
"""The linear style's defaults where they differ (DefaultLumSatLinCtrl, DefaultLumLumLinCtrl)."""


def _lin_to_log(y: np.ndarray) -> np.ndarray:
    """The hue curve's LinLog of the luma (GradingHueCurveOpCPU.cpp): a line below the break, exact log2 above.

    Unlike the grading tone's, OCIO computes it with ``std::log``, not its SSE approximation.
    """
    m = f32(1) / (f32(0.18) + _SHIFT)
    return np.where(y < _XBRK, y * _GAIN + _OFFS, f32(1.4426950408889634) * np.log((y + _SHIFT) * m))


def _log_to_lin(y: np.ndarray) -> np.ndarray:
    """LogLin, the inverse of `_lin_to_log` (``std::pow``)."""
    return np.where(y < _YBRK, (y - _OFFS) / _GAIN, np.power(f32(2), y) * (f32(0.18) + _SHIFT) - _SHIFT)


def _pos(v: np.ndarray) -> np.ndarray:
    """C++ ``std::max(0.f, v)`` (NaN gives 0)."""
    return np.where(v > 0, v, f32(0))


def _eval(curve: BSplineCurveOp | None, x: np.ndarray, identity: np.ndarray | float) -> np.ndarray:
    """OCIO KnotsCoefs::evalCurve: the curve at `x`, or `identity` for an identity curve."""
    if curve is None:
        return np.broadcast_to(np.asarray(identity, dtype=f32), x.shape).copy()
    out = x.astype(f32, copy=True)
    curve.apply_planar(out)
    return out


def _rev_table(curve: BSplineCurveOp, fx: bool) -> tuple[np.ndarray, np.ndarray, float, float]:
    """Segment start outputs ``(n,)``, rows ``(kn, A, B, C)`` ``(n, 4)`` and the output range, of evalCurveRevHue."""
    k = np.asarray(curve.knots, dtype=f32)
    c = np.asarray(curve.coefs, dtype=f32)
    a, b, cc = c[-1]
    t = k[-1] - k[-2]
    end = (a * t + b) * t + cc
    starts = c[:, 2] + (k[:-1] if fx else f32(0))
    rows = np.column_stack([k[:-1], c[:, 0], c[:, 1] + (f32(1) if fx else f32(0)), starts])
    return starts, rows, float(starts[0]), float(end + (k[-1] if fx else f32(0)))


def _rev_hue(curve: BSplineCurveOp | None, y: np.ndarray, fx: bool) -> np.ndarray:
    """OCIO KnotsCoefs::evalCurveRevHue: the input hue of hue-hue or hue-fx output `y` (not wrapped)."""
    if curve is None:
        return y
    starts, rows, lo, hi = _rev_table(curve, fx)
    y = np.where(y < f32(lo), y + np.ceil(f32(lo) - y), np.where(y > f32(hi), y - np.ceil(y - f32(hi)), y))
    idx = np.zeros(y.shape, dtype=np.intp)
    for s in starts[1:]:
        idx += y >= s
    kn, a, b, c = (np.take(rows[:, j], idx) for j in range(4))
    c0 = c - y
    denom = np.sqrt(b * b - f32(4) * a * c0) + b
    flat = np.where(np.abs(b) < f32(1e-5), kn, kn + (-c0 / b))
    return np.where(np.abs(denom) < f32(1e-5), flat, kn + (f32(-2) * c0) / denom)


def _rev_hue_glsl(fn: str, curve: BSplineCurveOp, fx: bool) -> str:
    """GLSL twin of `_rev_hue`."""
    starts, rows, lo, hi = _rev_table(curve, fx)
    lines = [
        f"float {fn}(float y) {{",
        f"    if (y < {lo!r}) y += ceil({lo!r} - y); else if (y > {hi!r}) y -= ceil(y - {hi!r});",
        f"    vec4 r = vec4({', '.join(repr(float(v)) for v in rows[0])});",
    ]
    for start, row in zip(starts[1:], rows[1:], strict=True):
        lines.append(f"    if (y >= {float(start)!r}) r = vec4({', '.join(repr(float(v)) for v in row)});")
    lines += [
        "    float c0 = r.w - y, d = sqrt(r.z * r.z - 4.0 * r.y * c0) + r.z;",
        "    if (abs(d) < 1e-5) return abs(r.z) < 1e-5 ? r.x : r.x - c0 / r.z;",
        "    return r.x - 2.0 * c0 / d;",
        "}",
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, kw_only=True, eq=False)
class GradingHueCurveOp(Op):
    """OCIO's grading hue curves (module docstring), built from OCIO's parameter values.

    Parameters
    ----------
    style
        ``"log"``, ``"linear"`` or ``"video"``.
    hue_hue, hue_sat, hue_lum, lum_sat, sat_sat, lum_lum, sat_lum, hue_fx
        `HueCurve` values; None takes OCIO's default for the style (an identity).
    hsy
        False: OCIO's ``hsy_transform: none`` (the curves act on R, G, B as H, S, Y).
    inverse_direction
        Apply the inverse.
    """

    kind = "grading_hue_curve"
    style: Literal["log", "linear", "video"] = "log"
    hue_hue: HueCurve | None = None
    hue_sat: HueCurve | None = None
    hue_lum: HueCurve | None = None
    lum_sat: HueCurve | None = None
    sat_sat: HueCurve | None = None
    lum_lum: HueCurve | None = None
    sat_lum: HueCurve | None = None
    hue_fx: HueCurve | None = None
    hsy: bool = True
    inverse_direction: bool = False
    _curves: tuple[BSplineCurveOp | None, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.style not in ("log", "linear", "video"):
            raise ArgumentError(f"grading hue curve style must be log, linear or video, got {self.style!r}")
        curves = []
        for name, kind in zip(HUE_CURVES, HUE_SPLINE_TYPES, strict=True):
            default = _DEFAULTS_LIN.get(name, _DEFAULTS[name]) if self.style == "linear" else _DEFAULTS[name]
            value = getattr(self, name) or (default, None)
            points = tuple((float(x), float(y)) for x, y in value[0])
            slopes = None if value[1] is None else tuple(float(s) for s in value[1])
            object.__setattr__(self, name, (points, slopes))
            curves.append(fit_hue_curve(name, kind, (points, slopes)))
        object.__setattr__(self, "_curves", tuple(curves))

    def _hsy(self, to_hsy: bool) -> HsyOp | None:
        style = {"log": "log", "linear": "lin", "video": "vid"}[self.style]
        return HsyOp(style=style, to_hsy=to_hsy) if self.hsy else None

    def is_identity(self) -> bool:
        return all(c is None for c in self._curves)

    def structure_key(self) -> tuple[object, ...]:
        return self.params_key()  # the knots are constants in the GLSL source

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        if self.is_identity():
            return
        x = p.astype(f32)
        to_hsy = self._hsy(True)
        if to_hsy is not None:
            to_hsy.apply_planar(x)
        h, s, y = (self._inverse if self.inverse_direction else self._forward)(x[0], x[1], x[2])
        x = np.stack([h, s, y]).astype(f32)
        to_rgb = self._hsy(False)
        if to_rgb is not None:
            to_rgb.apply_planar(x)
        p[...] = x

    def _forward(self, h: np.ndarray, s: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
        """GradingHueCurveFwdOpCPU::apply after RGB to HSY."""
        hh, hs, hl, ls, ss, ll, sl, hfx = self._curves
        linear = self.style == "linear"
        if linear:
            y = _lin_to_log(y)
        hue_sat = _pos(_eval(hs, h, 1.0))
        hue_lum = _pos(_eval(hl, h, 1.0))
        h = _eval(hh, h, h)
        s = _pos(_eval(ss, s, s))
        s = s * (_pos(_eval(ls, y, 1.0)) * hue_sat)
        sat_lum = _pos(_eval(sl, s, 1.0))
        y = _eval(ll, y, y)
        if linear:
            y = _log_to_lin(y)
        hue_lum = f32(1) - (f32(1) - hue_lum) * np.where(f32(1) < s, f32(1), s)
        log = self.style == "log"
        y = y + (hue_lum + sat_lum - f32(2)) * f32(0.1) if log else y * hue_lum * sat_lum
        h = h - np.floor(h)
        return h + _eval(hfx, h, 0.0), s, y

    def _inverse(self, h: np.ndarray, s: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, ...]:
        """GradingHueCurveRevOpCPU::apply after RGB to HSY."""
        hh, hs, hl, ls, ss, ll, sl, hfx = self._curves
        linear = self.style == "linear"
        h = _rev_hue(hh, _rev_hue(hfx, h, True), False)
        h = h - np.floor(h)
        hue_sat = _pos(_eval(hs, h, 1.0))
        hue_lum = _pos(_eval(hl, h, 1.0))
        s = _pos(s)
        sat_lum = _pos(_eval(sl, s, 1.0))
        hue_lum = f32(1) - (f32(1) - hue_lum) * np.where(f32(1) < s, f32(1), s)
        gain = hue_lum * sat_lum
        if self.style == "log":
            y = y - (hue_lum + sat_lum - f32(2)) * f32(0.1)
        else:
            y = y / np.where(f32(0.01) < gain, gain, f32(0.01))
        if linear:
            y = _lin_to_log(y)
        y = y if ll is None else _eval(ll.inverse(), y, y)
        sat_gain = _pos(_eval(ls, y, 1.0)) * hue_sat
        if linear:
            y = _log_to_lin(y)
        s = s / np.where(f32(0.01) < sat_gain, sat_gain, f32(0.01))
        s = _pos(s if ss is None else _eval(ss.inverse(), s, s))
        return h, s, y

    def glsl(self, names: GlslNames) -> GlslSnippet:
        from vfx_rs.pipeline.ops._grading_tone_glsl import LIN_LOG_HELPER

        helpers: dict[str, str] = {"vfx_tone_lin_log": LIN_LOG_HELPER}
        calls: dict[str, str] = {}
        for name, curve in zip(HUE_CURVES, self._curves, strict=True):
            if curve is None:
                continue
            for tag, op in (("", curve), ("_inv", curve.inverse())):
                sub = GlslNames(f"{names.prefix}_{name}{tag}")
                helpers.update(op.glsl(sub).helpers)
                calls[name + tag] = sub("curve")
            if name in ("hue_hue", "hue_fx"):
                fn = names(f"{name}_rev")
                helpers[fn] = _rev_hue_glsl(fn, curve, name == "hue_fx")
                calls[name + "_rev"] = fn

        def ev(name: str, x: str, identity: str) -> str:
            return f"{calls[name]}({x})" if name in calls else identity

        linear = self.style == "linear"
        lin_log = "y = vfx_tone_lin_log(vec3(y)).x;" if linear else ""
        log_lin = "y = vfx_tone_log_lin(vec3(y)).x;" if linear else ""
        low_sat = "hl = 1.0 - (1.0 - hl) * min(s, 1.0);"
        if self.inverse_direction:
            h = ev("hue_hue_rev", ev("hue_fx_rev", "h", "h"), "h")
            lum = "y -= (hl + sl - 2.0) * 0.1;" if self.style == "log" else f"y /= max(0.01, hl * sl); {lin_log}"
            core = [
                f"h = {h}; h -= floor(h);",
                f"float hs = max(0.0, {ev('hue_sat', 'h', '1.0')}), hl = max(0.0, {ev('hue_lum', 'h', '1.0')});",
                f"s = max(0.0, s); float sl = max(0.0, {ev('sat_lum', 's', '1.0')});",
                low_sat,
                lum,
                f"y = {ev('lum_lum_inv', 'y', 'y')};",
                f"float sg = max(0.0, {ev('lum_sat', 'y', '1.0')}) * hs;",
                log_lin,
                f"s /= max(0.01, sg); s = max(0.0, {ev('sat_sat_inv', 's', 's')});",
            ]
        else:
            lum = "y += (hl + sl - 2.0) * 0.1;" if self.style == "log" else "y *= hl * sl;"
            core = [
                lin_log,
                f"float hs = max(0.0, {ev('hue_sat', 'h', '1.0')}), hl = max(0.0, {ev('hue_lum', 'h', '1.0')});",
                f"h = {ev('hue_hue', 'h', 'h')};",
                f"s = max(0.0, {ev('sat_sat', 's', 's')});",
                f"s *= max(0.0, {ev('lum_sat', 'y', '1.0')}) * hs;",
                f"float sl = max(0.0, {ev('sat_lum', 's', '1.0')});",
                f"y = {ev('lum_lum', 'y', 'y')};",
                log_lin,
                low_sat,
                lum,
                f"h -= floor(h); h += {ev('hue_fx', 'h', '0.0')};",
            ]
        body = "\n    ".join(line for line in core if line)
        lines = [f"{{\n    float h = c.x, s = c.y, y = c.z;\n    {body}\n    c = vec3(h, s, y);\n}}"]
        to_hsy, to_rgb = self._hsy(True), self._hsy(False)
        if to_hsy is not None and to_rgb is not None:
            lines = [to_hsy.glsl(names).body, *lines, to_rgb.glsl(names).body]
        return GlslSnippet(body="\n".join(lines), helpers=helpers)

    def inverse(self) -> Op:
        """The same curves in the other direction."""
        return dataclasses.replace(self, inverse_direction=not self.inverse_direction)
