"""A power segment joined to a log segment, mirrored below a point: OCIO's ``LIN_TO_GAMMA_LOG``.

OpenColorIO FixedFunctionOpCPU.cpp (Renderer_LIN_TO_GAMMA_LOG,
Renderer_GAMMA_LOG_TO_LIN), the shape of curves such as BT.2100 HLG's OETF.
Params (FixedFunctionOpData.cpp): mirror point, break point, gamma power,
gamma slope, gamma offset, log base, log slope, log offset, linear slope,
linear offset. Forward, with ``E = |x - mirror| + mirror``::

    E' = slope * (E + offset) ** power                              E < break
    E' = logSlope * log_base(linSlope * E + linOffset) + logOffset  otherwise

and the result takes the sign of ``x - mirror``. The inverse mirrors at the
forward's value of the mirror point and breaks at its value of the break.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform

__all__ = ["GammaLogOp"]

_NAMES = ("mirror", "break_", "power", "slope", "offset", "base", "log_slope", "log_offset", "lin_slope", "lin_offset")


@dataclass(frozen=True, kw_only=True, eq=False)
class GammaLogOp(Op):
    """OCIO's gamma-log curve (``forward``) or its inverse, per channel (module docstring)."""

    kind = "gamma_log"
    mirror: float = 0.0
    break_: float = 0.0
    power: float = 1.0
    slope: float = 1.0
    offset: float = 0.0
    base: float = 10.0
    log_slope: float = 1.0
    log_offset: float = 0.0
    lin_slope: float = 1.0
    lin_offset: float = 1.0
    forward: bool = True

    def __post_init__(self) -> None:
        values = [float(getattr(self, n)) for n in _NAMES]
        if not all(math.isfinite(v) for v in values):
            raise ArgumentError(f"gamma-log params must be finite: {values}")
        if self.base <= 0.0 or self.base == 1.0:
            raise ArgumentError(f"gamma-log base {self.base} is not a positive number other than 1")
        if self.mirror >= self.break_:
            raise ArgumentError(
                f"gamma-log mirror point {self.mirror} is not smaller than the break point {self.break_}"
            )
        if self.power == 0.0:
            raise ArgumentError("gamma-log power is zero")
        for n, v in zip(_NAMES, values, strict=True):
            object.__setattr__(self, n, v)

    @classmethod
    def from_params(cls, params: list[float]) -> GammaLogOp:
        """The op of OCIO's 10 ``LIN_TO_GAMMA_LOG`` params, in their order (module docstring)."""
        if len(params) != 10:
            raise ArgumentError(f"LIN_TO_GAMMA_LOG needs 10 params, got {len(params)}")
        return cls(**dict(zip(_NAMES, params, strict=True)))  # type: ignore[arg-type]

    def _gamma(self, e: float) -> float:
        return float(self.slope * (e + self.offset) ** self.power)

    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        k = t(self.log_slope / math.log(self.base))
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if self.forward:
                m = p - t(self.mirror)
                e = np.abs(m) + t(self.mirror)
                gamma = t(self.slope) * np.power(e + t(self.offset), t(self.power))
                log = k * np.log(t(self.lin_slope) * e + t(self.lin_offset)) + t(self.log_offset)
                p[...] = np.where(e < t(self.break_), gamma, log) * np.copysign(t(1), m)
                return
            mirror = t(self._gamma(self.mirror))
            m = p - mirror
            e = np.abs(m) + mirror
            gamma = np.power(e / t(self.slope), t(1 / self.power)) - t(self.offset)
            log = (np.exp((e - t(self.log_offset)) / k) - t(self.lin_offset)) / t(self.lin_slope)
            p[...] = np.where(e < t(self._gamma(self.break_)), gamma, log) * np.copysign(t(1), m)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        n = {key: names(key) for key in ("mirror", "brk", "pw", "sl", "off", "k", "lo", "ls", "loff")}
        fwd = self.forward
        uniforms = {
            n["mirror"]: Uniform("float", self.mirror if fwd else self._gamma(self.mirror)),
            n["brk"]: Uniform("float", self.break_ if fwd else self._gamma(self.break_)),
            n["pw"]: Uniform("float", self.power if fwd else 1.0 / self.power),
            n["sl"]: Uniform("float", self.slope),
            n["off"]: Uniform("float", self.offset),
            n["k"]: Uniform("float", self.log_slope / math.log(self.base)),
            n["lo"]: Uniform("float", self.log_offset),
            n["ls"]: Uniform("float", self.lin_slope),
            n["loff"]: Uniform("float", self.lin_offset),
        }
        lines = [f"vec3 m = c - {n['mirror']};", f"vec3 e = abs(m) + {n['mirror']};"]
        if fwd:
            lines += [
                f"vec3 g = {n['sl']} * pow(max(e + {n['off']}, 0.0), vec3({n['pw']}));",
                f"vec3 l = {n['k']} * log({n['ls']} * e + {n['loff']}) + {n['lo']};",
            ]
        else:
            lines += [
                f"vec3 g = pow(max(e / {n['sl']}, 0.0), vec3({n['pw']})) - {n['off']};",
                f"vec3 l = (exp((e - {n['lo']}) / {n['k']}) - {n['loff']}) / {n['ls']};",
            ]
        lines.append(
            f"c = mix(l, g, lessThan(e, vec3({n['brk']}))) * mix(vec3(1.0), vec3(-1.0), lessThan(m, vec3(0.0)));"
        )
        return GlslSnippet(body="{\n" + "\n".join(lines) + "\n}", uniforms=uniforms)

    def inverse(self) -> GammaLogOp:
        values = {n: getattr(self, n) for n in _NAMES}
        return GammaLogOp(**values, forward=not self.forward, dynamic=self.dynamic)

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.forward)
