"""Logarithmic curves: OCIO's LogTransform, LogAffineTransform and LogCameraTransform.

Per channel, the lin -> log direction is (OpenColorIO 2 LogAffineTransform)::

    out = logSideSlope * log_base(max(FLT_MIN, linSideSlope * x + linSideOffset)) + logSideOffset

and log -> lin its inverse, ``(base ** ((y - logSideOffset) / logSideSlope) - linSideOffset) / linSideSlope``.
LogCameraTransform adds ``linSideBreak``: at or below it the curve is the
straight line ``linearSlope * x + linearOffset`` that meets the log segment at
the break; when ``linearSlope`` is not given it is the log segment's
derivative there, ``logSideSlope * linSideSlope / ((linSideSlope * break +
linSideOffset) * ln(base))`` (OCIO's LogUtils). The plain LogTransform is the
affine form with slopes 1 and offsets 0. The CLF ``Log`` node (S-2014-006 v3,
section 3.6.9) uses the same parameters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform
from vfx_rs.pipeline.ops.exponent import _triple
from vfx_rs.pipeline.ops.range import RangeOp

__all__ = ["FLT_MIN", "LogOp"]

FLT_MIN = 1.17549435082228750797e-38
"""Smallest normal float32; OCIO clamps the log argument to it (so 0 and negatives map to a finite value)."""


@dataclass(frozen=True, kw_only=True, eq=False)
class LogOp(Op):
    """OCIO Log / LogAffine / LogCamera transform per channel.

    Attributes
    ----------
    base
        Logarithm base (> 0, != 1).
    log_side_slope, log_side_offset, lin_side_slope, lin_side_offset
        Three values each (a scalar is broadcast); the slopes are non-zero.
    lin_side_break
        None (affine) or three break points (camera).
    linear_slope
        Camera toe slope; None means OCIO's default (continuous derivative).
    to_log
        True: lin -> log (OCIO's forward); False: log -> lin.
    """

    kind = "log"
    base: float = 2.0
    log_side_slope: tuple[float, float, float] = (1.0, 1.0, 1.0)
    log_side_offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
    lin_side_slope: tuple[float, float, float] = (1.0, 1.0, 1.0)
    lin_side_offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
    lin_side_break: tuple[float, float, float] | None = None
    linear_slope: tuple[float, float, float] | None = None
    to_log: bool = True

    def __post_init__(self) -> None:
        if not (math.isfinite(self.base) and self.base > 0.0 and self.base != 1.0):
            raise ArgumentError(f"log base must be positive and not 1, got {self.base}")
        object.__setattr__(self, "base", float(self.base))
        for name in ("log_side_slope", "log_side_offset", "lin_side_slope", "lin_side_offset"):
            object.__setattr__(self, name, _triple(getattr(self, name), name))
        if 0.0 in self.log_side_slope or 0.0 in self.lin_side_slope:
            raise ArgumentError("log op slopes must be non-zero")
        if self.lin_side_break is not None:
            object.__setattr__(self, "lin_side_break", _triple(self.lin_side_break, "lin_side_break"))
            arg = np.asarray(self.lin_side_slope) * np.asarray(self.lin_side_break) + np.asarray(self.lin_side_offset)
            if np.any(arg <= 0.0):
                raise ArgumentError("log camera: linSideSlope * linSideBreak + linSideOffset must be positive")
        elif self.linear_slope is not None:
            raise ArgumentError("linear_slope needs lin_side_break (a LogCameraTransform)")
        if self.linear_slope is not None:
            object.__setattr__(self, "linear_slope", _triple(self.linear_slope, "linear_slope"))

    def _affine(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Log-side slope divided by ln(base), log offset, lin slope and lin offset, as (3, 1) float64."""
        col = lambda v: np.asarray(v, dtype=np.float64).reshape(3, 1)  # noqa: E731
        k = col(self.log_side_slope) / math.log(self.base)
        return k, col(self.log_side_offset), col(self.lin_side_slope), col(self.lin_side_offset)

    def _toe(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Camera toe: lin break, log value at the break, linear slope and offset, as (3, 1) float64."""
        k, lo, ls, lno = self._affine()
        brk = np.asarray(self.lin_side_break, dtype=np.float64).reshape(3, 1)
        arg = ls * brk + lno
        log_break = k * np.log(arg) + lo
        if self.linear_slope is None:
            slope = k * ls / arg
        else:
            slope = np.asarray(self.linear_slope, dtype=np.float64).reshape(3, 1)
        return brk, log_break, slope, log_break - slope * brk

    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype
        k, lo, ls, lno = (a.astype(t) for a in self._affine())
        if self.to_log:
            arg = np.fmax(p * ls + lno, t.type(FLT_MIN))  # NaN takes FLT_MIN too, as OCIO's std::max(minValue, x)
            out = np.log(arg) * k + lo
        else:
            with np.errstate(over="ignore"):  # beyond float range the result is inf, as in OCIO
                out = (np.exp((p - lo) / k) - lno) / ls
        if self.lin_side_break is not None:
            brk, log_break, slope, offset = (a.astype(t) for a in self._toe())
            if self.to_log:
                out = np.where(p <= brk, p * slope + offset, out)
            else:
                out = np.where(p <= log_break, (p - offset) / slope, out)
        p[...] = out

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.to_log, self.lin_side_break is not None)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        k, lo, ls, lno = (a.ravel() for a in self._affine())
        nk, nlo, nls, nlno = names("k"), names("log_offset"), names("lin_slope"), names("lin_offset")
        uniforms = {
            nk: Uniform("vec3", k),
            nlo: Uniform("vec3", lo),
            nls: Uniform("vec3", ls),
            nlno: Uniform("vec3", lno),
        }
        if self.to_log:
            lines = [f"vec3 r = log(max(c * {nls} + {nlno}, vec3({FLT_MIN:.9e}))) * {nk} + {nlo};"]
        else:
            lines = [f"vec3 r = (exp((c - {nlo}) / {nk}) - {nlno}) / {nls};"]
        if self.lin_side_break is not None:
            brk, log_break, slope, offset = (a.ravel() for a in self._toe())
            nb, ns, no = names("break"), names("toe_slope"), names("toe_offset")
            uniforms[ns] = Uniform("vec3", slope)
            uniforms[no] = Uniform("vec3", offset)
            if self.to_log:
                uniforms[nb] = Uniform("vec3", brk)
                lines.append(f"r = mix(r, c * {ns} + {no}, lessThanEqual(c, {nb}));")
            else:
                uniforms[nb] = Uniform("vec3", log_break)
                lines.append(f"r = mix(r, (c - {no}) / {ns}, lessThanEqual(c, {nb}));")
        lines.append("c = r;")
        return GlslSnippet(body="\n".join(lines), uniforms=uniforms)

    def inverse(self) -> LogOp:
        return LogOp(
            base=self.base,
            log_side_slope=self.log_side_slope,
            log_side_offset=self.log_side_offset,
            lin_side_slope=self.lin_side_slope,
            lin_side_offset=self.lin_side_offset,
            lin_side_break=self.lin_side_break,
            linear_slope=self.linear_slope,
            to_log=not self.to_log,
            dynamic=self.dynamic,
        )

    def pair_replacement(self) -> list[Op]:
        """A lin-to-log then its inverse clamps below the log's domain (OCIO LogOpData::getIdentityReplacement).

        The argument ``linSideSlope * x + linSideOffset`` must stay positive, so the
        pair becomes a low clamp at ``-linSideOffset / linSideSlope`` (OCIO uses the
        red channel's values); log-to-lin then lin-to-log, and the camera styles
        (linear below their break), cancel.
        """
        if not self.to_log or self.lin_side_break is not None:
            return []
        low = -self.lin_side_offset[0] / self.lin_side_slope[0]
        return [RangeOp.from_bounds(low, None, low, None)]
