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

__all__ = ["PiecewiseLogOp", "PiecewisePowerOp"]


def _check_finite(op: Op, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(op, name)
        if not math.isfinite(value):
            raise ArgumentError(f"{op.kind} op {name} must be finite, got {value}")


@dataclass(frozen=True, kw_only=True, eq=False)
class PiecewiseLogOp(Op):
    """A log curve with a straight toe below ``cut``; ``encode`` picks the direction."""

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
            with np.errstate(divide="ignore", invalid="ignore"):
                curve = np.log(p * t(self.lin_slope) + t(self.lin_offset)) * t(self._k) + t(self.log_offset)
            on_toe = p <= t(self.cut) if self.toe_at_cut else p < t(self.cut)
            p[...] = np.where(on_toe, p * t(self.toe_slope) + t(self.toe_offset), curve)
        else:
            with np.errstate(over="ignore"):
                curve = (np.exp((p - t(self.log_offset)) / t(self._k)) - t(self.lin_offset)) / t(self.lin_slope)
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
        with np.errstate(invalid="ignore"):
            if self.encode:
                curve = t(self.scale) * np.power(p, t(1.0 / self.gamma)) - t(self.offset)
                p[...] = np.where(p < t(self.cut), p * t(self.toe_slope), curve)
            else:
                curve = np.power((p + t(self.offset)) / t(self.scale), t(self.gamma))
                p[...] = np.where(p < t(self.decode_cut), p / t(self.toe_slope), curve)

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
