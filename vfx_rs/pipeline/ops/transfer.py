"""Parametric transfer-curve ops with explicit constants, as the camera and display standards write them.

OCIO's LogCameraTransform derives the toe's offset from the log segment, so a
curve whose standard rounds its published toe constants (ARRI LogC3, Sony
S-Log3, Panasonic V-Log, ACEScct...) differs from it by ~1e-6. These ops take
every constant as published:

`PiecewiseLogOp` (encoding direction)::

    y = toe_slope * x + toe_offset                                   for x <= cut
    y = log_slope * log_base(lin_slope * x + lin_offset) + log_offset  otherwise

`PiecewisePowerOp` (encoding direction, the sRGB / BT.709 form)::

    y = toe_slope * x                    for x < cut
    y = scale * x ** (1 / gamma) - offset  otherwise

Values below the cut (negatives included) follow the straight toe, as the
standards' formulas and colour-science do. Decoding inverts each segment, the
break in the encoded domain being the toe's value at ``cut`` unless given
(``decode_cut``; BT.709's inverse, as BT.601/colour-science, breaks at the
power segment's value). ``toe_at_cut`` says which segment ``x == cut`` takes:
with rounded published constants the two differ there by ~1e-6.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform
from vfx_rs.pipeline.ops.log import FLT_MIN

__all__ = [
    "ACESCC_MAX",
    "ACESCC_TOE",
    "APPLE_LOG_BETA",
    "APPLE_LOG_C",
    "APPLE_LOG_DELTA",
    "APPLE_LOG_GAMMA",
    "APPLE_LOG_R0",
    "APPLE_LOG_RT",
    "HLG_A",
    "HLG_B",
    "HLG_C",
    "PQ_C1",
    "PQ_C2",
    "PQ_C3",
    "PQ_M1",
    "PQ_M2",
    "FixedCurveOp",
    "PiecewiseLogOp",
    "PiecewisePowerOp",
]


def _check_finite(op: Op, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(op, name)
        if not math.isfinite(value):
            raise ArgumentError(f"{op.kind} op {name} must be finite, got {value}")


@dataclass(frozen=True, kw_only=True, eq=False)
class PiecewiseLogOp(Op):
    """A log curve with a straight toe below ``cut``; ``encode`` picks the direction.

    ``log_floor`` encodes as OCIO's LogCamera renderer does (LogOpCPU.cpp, CameraLin2LogRenderer):
    ``log(max(FLT_MIN, x))`` above the cut, so a NaN input encodes to the log of FLT_MIN; OCIO's
    built-in camera and ACEScct styles set it. Without it (the `vfx_rs.color` curves) NaN stays NaN.
    """

    kind = "piecewise_log"
    base: float = 10.0
    log_slope: float = 1.0
    log_offset: float = 0.0
    lin_slope: float = 1.0
    lin_offset: float = 0.0
    cut: float = -math.inf
    toe_slope: float = 1.0
    toe_offset: float = 0.0
    toe_at_cut: bool = True
    encode: bool = True
    log_floor: bool = False

    def __post_init__(self) -> None:
        _check_finite(self, ("base", "log_slope", "log_offset", "lin_slope", "lin_offset", "toe_slope", "toe_offset"))
        if self.base <= 0.0 or self.base == 1.0 or 0.0 in (self.log_slope, self.lin_slope, self.toe_slope):
            raise ArgumentError(f"piecewise log op needs base > 0, != 1 and non-zero slopes: {self!r}")

    @property
    def _k(self) -> float:
        return self.log_slope / math.log(self.base)

    @property
    def _encoded_cut(self) -> float:
        return self.toe_slope * self.cut + self.toe_offset

    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        if self.encode:
            arg = p * t(self.lin_slope) + t(self.lin_offset)
            if self.log_floor:
                np.fmax(arg, t(FLT_MIN), out=arg)
            with np.errstate(divide="ignore", invalid="ignore"):
                curve = np.log(arg) * t(self._k) + t(self.log_offset)
            on_toe = p <= t(self.cut) if self.toe_at_cut else p < t(self.cut)
            p[...] = np.where(on_toe, p * t(self.toe_slope) + t(self.toe_offset), curve)
        else:
            # OCIO's formulation and constants (LogOpCPU.cpp, CameraLog2LinRenderer: kinv = log2(base) / slope and
            # 1 / lin_slope in float32): where a later matrix cancels large decoded values, the last bit matters.
            kinv = t(np.log2(t(self.base))) / t(self.log_slope)
            with np.errstate(over="ignore"):
                curve = (np.exp2((p - t(self.log_offset)) * kinv) - t(self.lin_offset)) * (t(1.0) / t(self.lin_slope))
            cut = t(self._encoded_cut)
            on_toe = p <= cut if self.toe_at_cut else p < cut
            p[...] = np.where(on_toe, (p - t(self.toe_offset)) / t(self.toe_slope), curve)

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.encode, self.cut > -math.inf, self.toe_at_cut)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        n = {k: names(k) for k in ("k", "lo", "ls", "lno", "cut", "ts", "to")}
        uniforms = {
            n["k"]: Uniform("float", self._k),
            n["lo"]: Uniform("float", self.log_offset),
            n["ls"]: Uniform("float", self.lin_slope),
            n["lno"]: Uniform("float", self.lin_offset),
            n["ts"]: Uniform("float", self.toe_slope),
            n["to"]: Uniform("float", self.toe_offset),
        }
        cut = self.cut if self.encode else self._encoded_cut
        if self.encode:
            lines = [
                f"vec3 r = log(c * {n['ls']} + {n['lno']}) * {n['k']} + {n['lo']};",
                f"vec3 toe = c * {n['ts']} + {n['to']};",
            ]
        else:
            lines = [
                f"vec3 r = (exp((c - {n['lo']}) / {n['k']}) - {n['lno']}) / {n['ls']};",
                f"vec3 toe = (c - {n['to']}) / {n['ts']};",
            ]
        if self.cut > -math.inf:
            uniforms[n["cut"]] = Uniform("float", cut)
            compare = "lessThanEqual" if self.toe_at_cut else "lessThan"
            lines.append(f"r = mix(r, toe, {compare}(c, vec3({n['cut']})));")
        lines.append("c = r;")
        return GlslSnippet(body="\n".join(lines), uniforms=uniforms)

    def inverse(self) -> PiecewiseLogOp:
        return dataclasses.replace(self, encode=not self.encode)


@dataclass(frozen=True, kw_only=True, eq=False)
class PiecewisePowerOp(Op):
    """A power curve with a straight toe through 0 below ``cut`` (sRGB, BT.709)."""

    kind = "piecewise_power"
    gamma: float = 1.0
    scale: float = 1.0
    offset: float = 0.0
    cut: float = 0.0
    toe_slope: float = 1.0
    decode_cut: float | None = None
    encode: bool = True

    def __post_init__(self) -> None:
        _check_finite(self, ("gamma", "scale", "offset", "cut", "toe_slope"))
        if self.decode_cut is None:
            object.__setattr__(self, "decode_cut", self.cut * self.toe_slope)
        if self.gamma <= 0.0 or self.scale <= 0.0 or self.toe_slope <= 0.0 or self.cut < 0.0:
            raise ArgumentError(f"piecewise power op needs positive gamma, scale, toe slope and cut >= 0: {self!r}")

    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        # Power segment into `curve`, the toe computed in place in `p`, then merged by the mask.
        with np.errstate(invalid="ignore"):
            if self.encode:
                toe = p < t(self.cut)
                curve = np.power(p, t(1.0 / self.gamma))
                curve *= t(self.scale)
                curve -= t(self.offset)
                p *= t(self.toe_slope)
            else:
                toe = p < t(self.decode_cut)
                curve = p + t(self.offset)
                curve /= t(self.scale)
                np.power(curve, t(self.gamma), out=curve)
                p /= t(self.toe_slope)
            np.copyto(p, curve, where=~toe)

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.encode)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        g, s, o, cut, ts = names("gamma"), names("scale"), names("offset"), names("cut"), names("toe")
        uniforms = {
            g: Uniform("float", self.gamma),
            s: Uniform("float", self.scale),
            o: Uniform("float", self.offset),
            ts: Uniform("float", self.toe_slope),
        }
        if self.encode:
            uniforms[cut] = Uniform("float", self.cut)
            body = f"c = mix({s} * pow(max(c, vec3(0.0)), vec3(1.0 / {g})) - {o}, c * {ts}, lessThan(c, vec3({cut})));"
        else:
            uniforms[cut] = Uniform("float", self.decode_cut)
            body = f"c = mix(pow(max((c + {o}) / {s}, vec3(0.0)), vec3({g})), c / {ts}, lessThan(c, vec3({cut})));"
        return GlslSnippet(body=body, uniforms=uniforms)

    def inverse(self) -> PiecewisePowerOp:
        return dataclasses.replace(self, encode=not self.encode)


PQ_M1 = 2610.0 / 16384.0
"""SMPTE ST 2084:2014, equation 5.2 constant m1."""
PQ_M2 = 2523.0 / 4096.0 * 128.0
"""SMPTE ST 2084:2014 constant m2."""
PQ_C1 = 3424.0 / 4096.0
"""SMPTE ST 2084:2014 constant c1 (= c3 - c2 + 1)."""
PQ_C2 = 2413.0 / 4096.0 * 32.0
"""SMPTE ST 2084:2014 constant c2."""
PQ_C3 = 2392.0 / 4096.0 * 32.0
"""SMPTE ST 2084:2014 constant c3."""
ACESCC_TOE = (9.72 - 15.0) / 17.52
"""ACEScc value of linear 2^-15, where the toe ends (S-2014-003, 4.4)."""
ACESCC_MAX = (math.log2(65504.0) + 9.72) / 17.52
"""ACEScc value of the largest half float 65504, where decoding saturates (S-2014-003, 4.5)."""
APPLE_LOG_R0 = -0.05641088
"""Apple Log R0, the linear value encoded as 0 ("Apple Log Profile" white paper, 2023)."""
APPLE_LOG_RT = 0.01
"""Apple Log Rt, where the quadratic toe meets the log segment (same paper)."""
APPLE_LOG_C = 47.28711236
"""Apple Log toe coefficient c (same paper)."""
APPLE_LOG_BETA = 0.00964052
"""Apple Log beta (same paper)."""
APPLE_LOG_GAMMA = 0.08550479
"""Apple Log gamma (same paper)."""
APPLE_LOG_DELTA = 0.69336945
"""Apple Log delta (same paper)."""
HLG_A = 0.17883277
"""ITU-R BT.2100-2, table 5, HLG OETF constant a."""
HLG_B = 1.0 - 4.0 * HLG_A
"""ITU-R BT.2100-2, table 5, b = 1 - 4a."""
HLG_C = 0.5 - HLG_A * math.log(4.0 * HLG_A)
"""ITU-R BT.2100-2, table 5, c = 0.5 - a ln(4a)."""


@dataclass(frozen=True, kw_only=True, eq=False)
class FixedCurveOp(Op):
    """A fixed-function curve: ``"st2084"`` (PQ, 1.0 = 10000 cd/m2), ``"hlg"`` (BT.2100 HLG OETF) or ``"acescc"``.

    ACEScc (S-2014-003, 4.4/4.5) encodes ``(log2(x) + 9.72) / 17.52`` with a
    half-slope toe below 2^-15, a floor for x <= 0, and decodes to at most 65504.
    Apple Log (Apple Log Profile white paper, 2023) is ``gamma log2(x + beta) +
    delta`` above Rt, ``c (x - R0)^2`` between R0 and Rt, 0 below R0.

    ``encode`` True applies the inverse EOTF (PQ) / the OETF (HLG). PQ clamps
    negative light (and negative code values) to 0, as no negative luminance
    exists, and PQ code values above 1 to 1 (ST 2084 defines codes 0-1).
    ``"st2084_mirror"`` is PQ applied as ``sign(x) f(|x|)`` with no clamp, as
    OpenColorIO's ``LIN_TO_PQ`` fixed function (FixedFunctionOpCPU.cpp,
    Renderer_LIN_TO_PQ and Renderer_PQ_TO_LIN): decoding follows the formula
    above code 1, to infinity at ``(c2 / c3) ** m2`` (about 1.993) and NaN
    beyond. The HLG OETF is mirrored below zero (``sign(E) f(|E|)``) so that
    negative values survive a round trip.
    """

    kind = "fixed_curve"
    curve: str = "st2084"
    encode: bool = True

    def __post_init__(self) -> None:
        if self.curve not in ("st2084", "st2084_mirror", "hlg", "acescc", "apple_log"):
            raise ArgumentError(
                f"fixed curve must be st2084, st2084_mirror, hlg, acescc or apple_log, got {self.curve!r}"
            )

    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        if self.curve in ("st2084", "st2084_mirror"):
            # float64 inside: near code 1 and above, the decoding's c2 - c3 * e cancels (float32 costs >= 3e-5).
            q = p.astype(np.float64)
            y = np.abs(q) if self.curve == "st2084_mirror" else np.maximum(q, 0.0)
            with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
                if self.encode:
                    ym = np.power(y, PQ_M1)
                    out = np.power((PQ_C1 + PQ_C2 * ym) / (1.0 + PQ_C3 * ym), PQ_M2)
                else:
                    e = np.power(y if self.curve == "st2084_mirror" else np.minimum(y, 1.0), 1.0 / PQ_M2)
                    out = np.power(np.maximum(e - PQ_C1, 0.0) / (PQ_C2 - PQ_C3 * e), 1.0 / PQ_M1)
                p[...] = np.copysign(out, q) if self.curve == "st2084_mirror" else out
            return
        if self.curve == "acescc":
            self._acescc(p)
            return
        if self.curve == "apple_log":
            self._apple_log(p)
            return
        sign = np.sign(p)
        a = np.abs(p)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if self.encode:
                out = np.where(
                    a <= t(1.0 / 12.0), np.sqrt(t(3.0) * a), t(HLG_A) * np.log(t(12.0) * a - t(HLG_B)) + t(HLG_C)
                )
            else:
                out = np.where(a <= t(0.5), a * a / t(3.0), (np.exp((a - t(HLG_C)) / t(HLG_A)) + t(HLG_B)) / t(12.0))
        p[...] = sign * out

    def _acescc(self, p: np.ndarray) -> None:
        t = p.dtype.type
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if self.encode:
                toe = np.log2(t(2.0**-16) + np.maximum(p, t(0.0)) * t(0.5))
                log = np.where(p < t(2.0**-15), toe, np.log2(p))
                p[...] = (log + t(9.72)) / t(17.52)
            else:
                lin = np.exp2(p * t(17.52) - t(9.72))
                lin = np.where(p < t(ACESCC_TOE), (lin - t(2.0**-16)) * t(2.0), lin)
                p[...] = np.where(p >= t(ACESCC_MAX), t(65504.0), lin)

    def _apple_log(self, p: np.ndarray) -> None:
        t = p.dtype.type
        r0, rt, c = t(APPLE_LOG_R0), t(APPLE_LOG_RT), t(APPLE_LOG_C)
        beta, gamma, delta = t(APPLE_LOG_BETA), t(APPLE_LOG_GAMMA), t(APPLE_LOG_DELTA)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if self.encode:
                toe = c * np.square(np.maximum(p, r0) - r0)
                p[...] = np.where(p >= rt, gamma * np.log2(p + beta) + delta, toe)
            else:
                pt = c * (rt - r0) ** 2
                toe = np.sqrt(np.maximum(p, t(0.0)) / c) + r0
                p[...] = np.where(p >= pt, np.exp2((p - delta) / gamma) - beta, toe)

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.curve, self.encode)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        if self.curve in ("st2084", "st2084_mirror"):
            mirror = self.curve == "st2084_mirror"
            src = "abs(c)" if mirror else "c"
            if self.encode:
                body = (
                    f"vec3 ym = pow(max({src}, vec3(0.0)), vec3({PQ_M1:.10f}));\n"
                    f"vec3 r = pow(({PQ_C1:.10f} + {PQ_C2:.10f} * ym) / (1.0 + {PQ_C3:.10f} * ym), vec3({PQ_M2:.10f}));"
                )
            else:
                # With d = e - 1 = expm1(ln(code) / m2) (a series near code 1), e - c1 = (1 - c1) + d and
                # c2 - c3 e = (1 - c1) - c3 d (c1 = c3 - c2 + 1): no float32 cancellation up to the pole.
                code = src if mirror else f"clamp({src}, 0.0, 1.0)"
                body = (
                    f"vec3 t = log({code}) / {PQ_M2:.10f};\n"
                    "vec3 d = mix(exp(t) - 1.0, t * (1.0 + t * (0.5 + t * (1.0 / 6.0 + t / 24.0))), "
                    "lessThan(abs(t), vec3(0.01)));\n"
                    f"vec3 r = pow(max({1.0 - PQ_C1:.10f} + d, vec3(0.0)) / ({1.0 - PQ_C1:.10f} - {PQ_C3:.10f} * d), "
                    f"vec3({1.0 / PQ_M1:.10f}));"
                )
            body += "\nc = mix(r, -r, lessThan(c, vec3(0.0)));" if mirror else "\nc = r;"
            return GlslSnippet(body=body)
        if self.curve == "acescc":
            if self.encode:
                body = (
                    "vec3 l = mix(log2(max(c, vec3(1e-30))), log2(exp2(-16.0) + max(c, vec3(0.0)) * 0.5), "
                    "lessThan(c, vec3(exp2(-15.0))));\nc = (l + 9.72) / 17.52;"
                )
            else:
                body = (
                    "vec3 l = exp2(c * 17.52 - 9.72);\n"
                    f"l = mix(l, (l - exp2(-16.0)) * 2.0, lessThan(c, vec3({ACESCC_TOE:.10f})));\n"
                    f"c = mix(l, vec3(65504.0), greaterThanEqual(c, vec3({ACESCC_MAX:.10f})));"
                )
            return GlslSnippet(body=body)
        if self.curve == "apple_log":
            r0, rt, c = APPLE_LOG_R0, APPLE_LOG_RT, APPLE_LOG_C
            beta, gamma, delta = APPLE_LOG_BETA, APPLE_LOG_GAMMA, APPLE_LOG_DELTA
            if self.encode:
                body = (
                    f"vec3 q = max(c, vec3({r0:.10f})) - ({r0:.10f});\n"
                    f"c = mix({c:.10f} * q * q, {gamma:.10f} * log2(max(c + {beta:.10f}, vec3(1e-30))) + {delta:.10f}, "
                    f"greaterThanEqual(c, vec3({rt:.10f})));"
                )
            else:
                body = (
                    f"vec3 toe = sqrt(max(c, vec3(0.0)) / {c:.10f}) + ({r0:.10f});\n"
                    f"c = mix(toe, exp2((c - {delta:.10f}) / {gamma:.10f}) - {beta:.10f}, "
                    f"greaterThanEqual(c, vec3({c * (rt - r0) ** 2:.10f})));"
                )
            return GlslSnippet(body=body)
        if self.encode:
            curve = f"mix({HLG_A:.10f} * log(max(12.0 * a - {HLG_B:.10f}, 1e-30)) + {HLG_C:.10f}, sqrt(3.0 * a), "
            curve += "lessThanEqual(a, vec3(1.0 / 12.0)))"
        else:
            curve = f"mix((exp((a - {HLG_C:.10f}) / {HLG_A:.10f}) + {HLG_B:.10f}) / 12.0, a * a / 3.0, "
            curve += "lessThanEqual(a, vec3(0.5)))"
        return GlslSnippet(body=f"vec3 a = abs(c);\nc = sign(c) * {curve};")

    def inverse(self) -> FixedCurveOp:
        return dataclasses.replace(self, encode=not self.encode)
