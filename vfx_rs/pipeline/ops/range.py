"""Range: scale, offset and clamp, ``out = clamp(rgb * scale + offset, lo, hi)``.

Covers OpenColorIO's RangeTransform and the CLF ``Range`` node (S-2014-006,
section 3.6.6): with all four bounds the input range maps linearly onto the
output range and the result is clamped to it; with only the minimum (or
maximum) pair the op shifts and clamps on that side only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform

__all__ = ["RangeOp"]


@dataclass(frozen=True, kw_only=True, eq=False)
class RangeOp(Op):
    """``clamp(x * scale + offset, lo, hi)`` with the same values on all channels.

    ``lo`` and ``hi`` may be ``-inf`` and ``inf`` for an open side. Build one
    from OCIO/CLF bounds with `RangeOp.from_bounds`. With ``nan_to_bound``
    (set by `from_bounds`), a NaN takes the bound, as OCIO's RangeOpCPU.cpp
    ``std::max(lower, x)`` and ``std::min(upper, x)`` do; otherwise NaN stays.
    """

    kind = "range"
    scale: float = 1.0
    offset: float = 0.0
    lo: float = -math.inf
    hi: float = math.inf
    nan_to_bound: bool = False

    def __post_init__(self) -> None:
        for name in ("scale", "offset"):
            if not math.isfinite(getattr(self, name)):
                raise ArgumentError(f"range op {name} must be finite")
        if self.lo > self.hi:
            raise ArgumentError(f"range op lower bound {self.lo} is above upper bound {self.hi}")

    @classmethod
    def from_bounds(
        cls,
        min_in: float | None = None,
        max_in: float | None = None,
        min_out: float | None = None,
        max_out: float | None = None,
        clamp: bool = True,
    ) -> RangeOp:
        """The op of an OCIO RangeTransform / CLF Range node.

        A bound pair must be given whole (``min_in`` with ``min_out``).
        Without clamping (OCIO's ``style: noClamp``) only the scale and
        offset remain.
        """
        if (min_in is None) != (min_out is None) or (max_in is None) != (max_out is None):
            raise ArgumentError("range bounds come in pairs: min_in with min_out, max_in with max_out")
        scale, offset = 1.0, 0.0
        if min_in is not None and max_in is not None:
            assert min_out is not None and max_out is not None
            if max_in == min_in:
                raise ArgumentError(f"range min_in and max_in are both {min_in}")
            scale = (max_out - min_out) / (max_in - min_in)
            offset = min_out - min_in * scale
        elif min_in is not None:
            assert min_out is not None
            offset = min_out - min_in
        elif max_in is not None:
            assert max_out is not None
            offset = max_out - max_in
        if not clamp:
            return cls(scale=scale, offset=offset)
        lo = -math.inf if min_out is None else float(min_out)
        hi = math.inf if max_out is None else float(max_out)
        return cls(scale=scale, offset=offset, lo=lo, hi=hi, nan_to_bound=True)

    def apply_planar(self, p: np.ndarray) -> None:
        if self.scale != 1.0:
            p *= p.dtype.type(self.scale)
        if self.offset != 0.0:
            p += p.dtype.type(self.offset)
        lower, upper = (np.fmax, np.fmin) if self.nan_to_bound else (np.maximum, np.minimum)
        if self.lo > -math.inf:
            lower(p, p.dtype.type(self.lo), out=p)
        if self.hi < math.inf:
            upper(p, p.dtype.type(self.hi), out=p)

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.lo > -math.inf, self.hi < math.inf)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        s, o, lo, hi = names("scale"), names("offset"), names("lo"), names("hi")
        lines = [f"c = c * {s} + {o};"]
        uniforms = {s: Uniform("float", self.scale), o: Uniform("float", self.offset)}
        if self.lo > -math.inf:
            lines.append(f"c = max(c, vec3({lo}));")
            uniforms[lo] = Uniform("float", self.lo)
        if self.hi < math.inf:
            lines.append(f"c = min(c, vec3({hi}));")
            uniforms[hi] = Uniform("float", self.hi)
        return GlslSnippet(body="\n".join(lines), uniforms=uniforms)

    def inverse(self) -> RangeOp:
        if self.scale == 0.0:
            raise ArgumentError("a range op with zero scale has no inverse")
        # OCIO inverts a range by swapping input and output bounds, so the
        # inverse clamps to the forward op's input range.
        lo, hi = sorted(((self.lo - self.offset) / self.scale, (self.hi - self.offset) / self.scale))
        return RangeOp(
            scale=1.0 / self.scale,
            offset=-self.offset / self.scale,
            lo=lo,
            hi=hi,
            nan_to_bound=self.nan_to_bound,
            dynamic=self.dynamic,
        )

    def is_identity(self) -> bool:
        return self.scale == 1.0 and self.offset == 0.0 and self.lo == -math.inf and self.hi == math.inf

    def is_inverse_of(self, other: Op) -> bool:
        """A clamping range and its inverse still clamp (OCIO combines them into one range, never drops them)."""
        clamps = self.lo > -math.inf or self.hi < math.inf
        return not clamps and super().is_inverse_of(other)
