"""A log curve mirrored for negative values, with an optional straight middle: Canon Log 2 and 3.

Canon's published log curves (Canon "Canon Log Gamma Curves" white paper,
v1.2 formulas, 2020) take ``log10(b |x| + 1)`` on both sides of zero, with a
straight segment joining the two branches for Canon Log 3. In the encoding
direction::

    y = pos_offset + log_slope * log_base(lin_slope * x + 1)    for x > hi_cut
    y = neg_offset - log_slope * log_base(1 - lin_slope * x)    for x < lo_cut
    y = mid_slope * x + mid_offset                              otherwise

The cuts are given in the encoded domain (``lo_code``, ``hi_code``), as the
documents publish them; the linear cuts are the middle segment's inverse
there. Decoding inverts each segment: codes below ``lo_code`` take the
negative branch, codes above ``hi_code`` the positive one. NaN stays NaN.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform

__all__ = ["SignedLogOp"]


@dataclass(frozen=True, kw_only=True, eq=False)
class SignedLogOp(Op):
    """A log curve mirrored below zero with a straight middle segment; ``encode`` picks the direction."""

    kind = "signed_log"
    base: float = 10.0
    log_slope: float = 1.0
    lin_slope: float = 1.0
    pos_offset: float = 0.0
    neg_offset: float = 0.0
    mid_slope: float = 1.0
    mid_offset: float = 0.0
    lo_code: float = 0.0
    hi_code: float = 0.0
    encode: bool = True

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, float) and not math.isfinite(value):
                raise ArgumentError(f"signed log op {f.name} must be finite, got {value}")
        if self.base <= 0.0 or self.base == 1.0 or self.log_slope <= 0.0 or self.lin_slope <= 0.0:
            raise ArgumentError(f"signed log op needs base > 0, != 1 and positive slopes: {self!r}")
        if self.mid_slope <= 0.0 or self.lo_code > self.hi_code:
            raise ArgumentError(f"signed log op needs a positive mid slope and lo_code <= hi_code: {self!r}")

    @property
    def lin_cuts(self) -> tuple[float, float]:
        """The linear-domain cuts: the middle segment's inverse at the published code cuts."""
        return (
            (self.lo_code - self.mid_offset) / self.mid_slope,
            (self.hi_code - self.mid_offset) / self.mid_slope,
        )

    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        k = t(self.log_slope / math.log(self.base))
        lo, hi = self.lin_cuts if self.encode else (self.lo_code, self.hi_code)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if self.encode:
                pos = t(self.pos_offset) + k * np.log1p(t(self.lin_slope) * p)
                neg = t(self.neg_offset) - k * np.log1p(-t(self.lin_slope) * p)
                mid = p * t(self.mid_slope) + t(self.mid_offset)
            else:
                pos = np.expm1((p - t(self.pos_offset)) / k) / t(self.lin_slope)
                neg = -np.expm1((t(self.neg_offset) - p) / k) / t(self.lin_slope)
                mid = (p - t(self.mid_offset)) / t(self.mid_slope)
        p[...] = np.where(p < t(lo), neg, np.where(p > t(hi), pos, mid))

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.encode)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        n = {key: names(key) for key in ("k", "ls", "po", "no", "ms", "mo", "lo", "hi")}
        lo, hi = self.lin_cuts if self.encode else (self.lo_code, self.hi_code)
        uniforms = {
            n["k"]: Uniform("float", self.log_slope / math.log(self.base)),
            n["ls"]: Uniform("float", self.lin_slope),
            n["po"]: Uniform("float", self.pos_offset),
            n["no"]: Uniform("float", self.neg_offset),
            n["ms"]: Uniform("float", self.mid_slope),
            n["mo"]: Uniform("float", self.mid_offset),
            n["lo"]: Uniform("float", lo),
            n["hi"]: Uniform("float", hi),
        }
        if self.encode:
            lines = [
                f"vec3 pos = {n['po']} + {n['k']} * log(1.0 + {n['ls']} * c);",
                f"vec3 neg = {n['no']} - {n['k']} * log(1.0 - {n['ls']} * c);",
                f"vec3 mid = c * {n['ms']} + {n['mo']};",
            ]
        else:
            lines = [
                f"vec3 pos = (exp((c - {n['po']}) / {n['k']}) - 1.0) / {n['ls']};",
                f"vec3 neg = -(exp(({n['no']} - c) / {n['k']}) - 1.0) / {n['ls']};",
                f"vec3 mid = (c - {n['mo']}) / {n['ms']};",
            ]
        lines.append(f"c = mix(mix(mid, pos, greaterThan(c, vec3({n['hi']}))), neg, lessThan(c, vec3({n['lo']})));")
        return GlslSnippet(body="\n".join(lines), uniforms=uniforms)

    def inverse(self) -> SignedLogOp:
        return dataclasses.replace(self, encode=not self.encode)
