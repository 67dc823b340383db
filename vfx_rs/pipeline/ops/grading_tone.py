"""Grading tone op: OpenColorIO's GradingToneTransform (log, linear and video styles, both directions).

The parameters are OCIO's ``GradingTone`` values: blacks, shadows, midtones,
highlights and whites, each ``(red, green, blue, master, start, width)``
(``start``/``width`` are the YAML's ``start``/``width``, ``center``/``width``
for midtones and ``start``/``pivot`` for shadows and highlights), and an
s-contrast. OCIO (GradingToneOpCPU.cpp) bends each region with quadratic
segments whose knots `_grading_tone_prerender` computes, per channel then
for the master on all three, in this order: midtones, highlights, whites,
shadows, blacks, s-contrast, then limits the result to 65504; the inverse
runs the exact inverse segments in the reverse order (master first within
each region). The linear style works on ``log2`` of the values (OCIO's
LinLog/LogLin, with its SSE log2/exp2 approximations, `_ocio_sse`). An
identity grade passes values through untouched.

The GLSL twin writes the knots into the source as constants: the op is for
grades read from a config or a CTF, not for sliders.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op
from vfx_rs.pipeline.ops import _grading_tone_kernels as k
from vfx_rs.pipeline.ops._grading_tone_prerender import Rgbmsw, TonePrerender, s_contrast_slope

__all__ = ["TONE_DEFAULTS", "GradingToneOp"]

TONE_DEFAULTS: dict[str, dict[str, tuple[float, float]]] = {
    "log": {
        "blacks": (0.4, 0.4),
        "shadows": (0.5, 0.0),
        "midtones": (0.4, 0.6),
        "highlights": (0.3, 1.0),
        "whites": (0.4, 0.5),
    },
    "linear": {
        "blacks": (0.0, 4.0),
        "shadows": (2.0, -7.0),
        "midtones": (0.0, 8.0),
        "highlights": (-2.0, 9.0),
        "whites": (0.0, 8.0),
    },
    "video": {
        "blacks": (0.4, 0.4),
        "shadows": (0.6, 0.0),
        "midtones": (0.4, 0.7),
        "highlights": (0.2, 1.0),
        "whites": (0.5, 0.5),
    },
}
"""OCIO's default (start, width) of each region per style (GradingTone constructor, OpenColorTransforms.h)."""

_BOUNDS = {
    "blacks": (0.1, 1.9),
    "midtones": (0.1, 1.9),
    "whites": (0.1, 1.9),
    "shadows": (0.2, 1.8),
    "highlights": (0.2, 1.8),
}
"""OCIO's valid range of the RGBM values of each region (GradingTone::validate)."""

_REGIONS = ("blacks", "shadows", "midtones", "highlights", "whites")


@dataclass(frozen=True, kw_only=True, eq=False)
class GradingToneOp(Op):
    """OCIO's grading tone (module docstring), built from OCIO's parameter values.

    Parameters
    ----------
    style
        ``"log"``, ``"linear"`` or ``"video"``.
    blacks, shadows, midtones, highlights, whites
        ``(red, green, blue, master, start, width)``; None takes OCIO's
        default for the style (RGBM 1, `TONE_DEFAULTS` for start and width).
    s_contrast
        OCIO's s-contrast (1: none).
    inverse_direction
        Apply the inverse.
    """

    kind = "grading_tone"
    style: Literal["log", "linear", "video"] = "log"
    blacks: Rgbmsw | None = None
    shadows: Rgbmsw | None = None
    midtones: Rgbmsw | None = None
    highlights: Rgbmsw | None = None
    whites: Rgbmsw | None = None
    s_contrast: float = 1.0
    inverse_direction: bool = False
    _pre: TonePrerender = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.style not in TONE_DEFAULTS:
            raise ArgumentError(f"grading tone style must be log, linear or video, got {self.style!r}")
        tol = 1e-6
        for name in _REGIONS:
            value = getattr(self, name)
            value = (1.0, 1.0, 1.0, 1.0, *TONE_DEFAULTS[self.style][name]) if value is None else value
            value = tuple(float(v) for v in value)
            if len(value) != 6 or not all(np.isfinite(value)):
                raise ArgumentError(f"grading tone {name} must be 6 finite numbers (r, g, b, master, start, width)")
            lo, hi = _BOUNDS[name]
            if min(value[:4]) < lo - tol or max(value[:4]) > hi + tol:
                raise ArgumentError(f"grading tone {name} {value[:4]} are outside [{lo}, {hi}]")
            object.__setattr__(self, name, value)
        if self.whites[5] < 0.01 - tol or self.blacks[5] < 0.01 - tol or self.midtones[5] < 0.01 - tol:  # type: ignore[index]
            raise ArgumentError("grading tone widths must be at least 0.01")
        if self.shadows[4] < self.shadows[5] + 0.01 - tol:  # type: ignore[index]
            raise ArgumentError("grading tone shadows start must be above its pivot + 0.01")
        if self.highlights[4] > self.highlights[5] - 0.01 + tol:  # type: ignore[index]
            raise ArgumentError("grading tone highlights start must be below its pivot - 0.01")
        if not 0.01 - tol <= self.s_contrast <= 1.99 + tol:
            raise ArgumentError(f"grading tone s_contrast {self.s_contrast} is outside [0.01, 1.99]")
        regions = [getattr(self, r) for r in _REGIONS]
        pre = TonePrerender.build(self.style, *regions[:5], self.s_contrast)  # type: ignore[call-arg]
        object.__setattr__(self, "_pre", pre)

    def is_identity(self) -> bool:
        return all(getattr(self, r)[:4] == (1.0,) * 4 for r in _REGIONS) and self.s_contrast == 1.0

    def structure_key(self) -> tuple[object, ...]:
        return self.params_key()  # the knots are constants in the GLSL source

    def _calls(self) -> list[tuple[str, int]]:
        """(step, channel) in OCIO's order; channel 3 is the master on all three."""
        order = [("mids", 0), ("hs", 0), ("wb", 0), ("hs", 1), ("wb", 1)]
        if not self.inverse_direction:
            return [(f"{s}{r}", c) for s, r in order for c in range(4)] + [("sc", 3)]
        return [("sc", 3)] + [(f"{s}{r}", c) for s, r in reversed(order) for c in (3, 0, 1, 2)]

    def _values(self, region: int, c: int, wb: bool) -> float:
        names = ("whites", "blacks") if wb else ("highlights", "shadows")
        return float(getattr(self, names[region])[c])

    def apply_planar(self, p: np.ndarray) -> None:
        if self.is_identity():
            return
        x = p.astype(np.float32)
        if self.style == "linear":
            x = k.lin_to_log(x)
        pre, inv = self._pre, self.inverse_direction
        for step, c in self._calls():
            t = x if c == 3 else x[c]
            if step == "mids0" and pre.mid[c] is not None:
                mx, my, mm = pre.mid[c]  # type: ignore[misc]
                out = (k.mids_rev if inv else k.mids_fwd)(t, mx, my, mm, c != 3)
            elif step.startswith("hs") and pre.hs[int(step[2])][c] is not None:
                region = int(step[2])
                val = self._values(region, c, False)
                val = val if region else 2.0 - val
                forward = (np.float32(val) < 1) != inv
                out = (k.hs_fwd if forward else k.hs_rev)(t, *pre.hs[region][c])  # type: ignore[misc]
            elif step.startswith("wb") and pre.wb[int(step[2])][c] is not None:
                region = int(step[2])
                val = self._values(region, c, True)
                out = (k.wb_rev if inv else k.wb_fwd)(t, val, bool(region), *pre.wb[region][c])  # type: ignore[misc]
            elif step == "sc" and pre.sc is not None:
                slope = s_contrast_slope(self.s_contrast)
                out = (k.sc_rev if inv else k.sc_fwd)(t, slope, pre.pivot, *pre.sc)
            else:
                continue
            if c == 3:
                x = out
            else:
                x[c] = out
        if self.style == "linear":
            x = k.log_to_lin(x)
        p[...] = np.minimum(x, np.float32(65504.0))

    def glsl(self, names: GlslNames) -> GlslSnippet:
        from vfx_rs.pipeline.ops._grading_tone_glsl import tone_glsl

        return tone_glsl(self, names)

    def inverse(self) -> Op:
        """The same grade in the other direction."""
        return dataclasses.replace(self, inverse_direction=not self.inverse_direction)
