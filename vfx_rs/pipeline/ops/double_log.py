"""Two log segments joined by a line: OCIO's ``LIN_TO_DOUBLE_LOG`` fixed function.

OpenColorIO FixedFunctionOpCPU.cpp (Renderer_LIN_TO_DOUBLE_LOG,
Renderer_DOUBLE_LOG_TO_LIN). Params (FixedFunctionOpData.cpp): log base,
break 1, break 2, then log segment 1 (log slope, log offset, linear slope,
linear offset), log segment 2 (the same four), and the linear segment (slope,
offset). Forward, per channel::

    y = logSlope1 * log_base(linSlope1 * x + linOffset1) + logOffset1   x <= break 1
    y = slope * x + offset                                               x <  break 2
    y = logSlope2 * log_base(linSlope2 * x + linOffset2) + logOffset2   otherwise

The break points belong to the log segments (the linear one may be empty).
The inverse breaks at the log segments' values of the two breaks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform

__all__ = ["DoubleLogOp"]

_NAMES = ("base", "break1", "break2", "seg1", "seg2", "line")


@dataclass(frozen=True, kw_only=True, eq=False)
class DoubleLogOp(Op):
    """OCIO's double-log curve (``forward``) or its inverse, per channel (module docstring).

    Attributes
    ----------
    seg1, seg2
        (log slope, log offset, linear slope, linear offset) of the two log segments.
    line
        (slope, offset) of the middle segment.
    """

    kind = "double_log"
    base: float = 10.0
    break1: float = 0.0
    break2: float = 0.0
    seg1: tuple[float, float, float, float] = (1.0, 0.0, 1.0, 1.0)
    seg2: tuple[float, float, float, float] = (1.0, 0.0, 1.0, 1.0)
    line: tuple[float, float] = (1.0, 0.0)
    forward: bool = True

    def __post_init__(self) -> None:
        seg1, seg2, line = (tuple(float(v) for v in getattr(self, n)) for n in ("seg1", "seg2", "line"))
        values = [self.base, self.break1, self.break2, *seg1, *seg2, *line]
        if len(seg1) != 4 or len(seg2) != 4 or len(line) != 2 or not all(math.isfinite(v) for v in values):
            raise ArgumentError(f"double-log params must be 13 finite numbers: {values}")
        if self.base <= 0.0 or self.base == 1.0:
            raise ArgumentError(f"double-log base {self.base} is not a positive number other than 1")
        if self.break1 > self.break2:
            raise ArgumentError(f"double-log first break point {self.break1} is larger than the second {self.break2}")
        for n, v in (("seg1", seg1), ("seg2", seg2), ("line", line)):
            object.__setattr__(self, n, v)
        for n in ("base", "break1", "break2"):
            object.__setattr__(self, n, float(getattr(self, n)))

    @classmethod
    def from_params(cls, params: list[float]) -> DoubleLogOp:
        """The op of OCIO's 13 ``LIN_TO_DOUBLE_LOG`` params, in their order (module docstring)."""
        if len(params) != 13:
            raise ArgumentError(f"LIN_TO_DOUBLE_LOG needs 13 params, got {len(params)}")
        p = params
        return cls(base=p[0], break1=p[1], break2=p[2], seg1=tuple(p[3:7]), seg2=tuple(p[7:11]), line=tuple(p[11:]))  # type: ignore[arg-type]

    def _cuts(self) -> tuple[float, float]:
        """The breaks in the output domain (the inverse's), computed in float64."""
        ln_base = math.log(self.base)
        with np.errstate(divide="ignore", invalid="ignore"):
            a, b = (
                s[0] / ln_base * np.log(np.float64(s[2] * x + s[3])) + s[1]
                for s, x in ((self.seg1, self.break1), (self.seg2, self.break2))
            )
        return float(a), float(b)

    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        ln_base = math.log(self.base)
        (k1, o1, s1, f1), (k2, o2, s2, f2) = self.seg1, self.seg2
        slope, off = self.line
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if self.forward:
                a = t(k1 / ln_base) * np.log(t(s1) * p + t(f1)) + t(o1)
                b = t(k2 / ln_base) * np.log(t(s2) * p + t(f2)) + t(o2)
                mid = t(slope) * p + t(off)
                p[...] = np.where(p <= t(self.break1), a, np.where(p < t(self.break2), mid, b))
                return
            c1, c2 = self._cuts()
            a = (np.exp((p - t(o1)) / t(k1 / ln_base)) - t(f1)) / t(s1)
            b = (np.exp((p - t(o2)) / t(k2 / ln_base)) - t(f2)) / t(s2)
            mid = (p - t(off)) / t(slope)
            p[...] = np.where(p <= t(c1), a, np.where(p < t(c2), mid, b))

    def glsl(self, names: GlslNames) -> GlslSnippet:
        n = {key: names(key) for key in ("s1", "s2", "line", "cuts")}
        ln_base = math.log(self.base)
        (k1, o1, s1, f1), (k2, o2, s2, f2) = self.seg1, self.seg2
        cuts = (self.break1, self.break2) if self.forward else self._cuts()
        uniforms = {
            n["s1"]: Uniform("vec4", np.array([k1 / ln_base, o1, s1, f1])),
            n["s2"]: Uniform("vec4", np.array([k2 / ln_base, o2, s2, f2])),
            n["line"]: Uniform("vec2", np.array(self.line)),
            n["cuts"]: Uniform("vec2", np.array(cuts)),
        }
        if self.forward:
            lines = [
                f"vec3 a = {n['s1']}.x * log({n['s1']}.z * c + {n['s1']}.w) + {n['s1']}.y;",
                f"vec3 b = {n['s2']}.x * log({n['s2']}.z * c + {n['s2']}.w) + {n['s2']}.y;",
                f"vec3 m = {n['line']}.x * c + {n['line']}.y;",
            ]
        else:
            lines = [
                f"vec3 a = (exp((c - {n['s1']}.y) / {n['s1']}.x) - {n['s1']}.w) / {n['s1']}.z;",
                f"vec3 b = (exp((c - {n['s2']}.y) / {n['s2']}.x) - {n['s2']}.w) / {n['s2']}.z;",
                f"vec3 m = (c - {n['line']}.y) / {n['line']}.x;",
            ]
        lines.append(f"c = mix(mix(b, m, lessThan(c, vec3({n['cuts']}.y))), a, lessThanEqual(c, vec3({n['cuts']}.x)));")
        return GlslSnippet(body="{\n" + "\n".join(lines) + "\n}", uniforms=uniforms)

    def inverse(self) -> DoubleLogOp:
        return DoubleLogOp(
            base=self.base,
            break1=self.break1,
            break2=self.break2,
            seg1=self.seg1,
            seg2=self.seg2,
            line=self.line,
            forward=not self.forward,
            dynamic=self.dynamic,
        )

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.forward)
