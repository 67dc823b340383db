"""RGB to HSV and back for extended-range values: OCIO's ``RGB_TO_HSV`` / ``HSV_TO_RGB`` fixed functions.

OpenColorIO's FixedFunctionOpCPU.cpp (Renderer_RGB_TO_HSV, Renderer_HSV_TO_RGB):
hue on [0, 1), ``V = max`` and ``S = (max - min) / max`` for ordinary values;
a negative minimum adds to V, and when ``-min > max`` saturation becomes
``(max - min) / -min`` (so S runs up to 2). Back to RGB, hue wraps, S is
clamped to [0, 1.999] (a NaN saturation or hue weight clamps to 0, as OCIO's
Clamp) and the extended cases invert those rules.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op

__all__ = ["HsvOp"]

_MAX_SAT = 1.999
"""Largest saturation HSV_TO_RGB takes (OCIO MAX_SAT)."""


def _clamp(x: np.ndarray, lo: np.floating, hi: np.floating) -> np.ndarray:
    """OCIO's Clamp (MathUtils.h, ``std::min(std::max(lo, x), hi)``): NaN becomes `lo`."""
    return np.minimum(np.fmax(x, lo), hi)


@dataclass(frozen=True, kw_only=True, eq=False)
class HsvOp(Op):
    """RGB to HSV (``to_hsv``) or HSV to RGB, extended range as OCIO (module docstring)."""

    kind = "hsv"
    to_hsv: bool = True

    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        if self.to_hsv:
            r, g, b = p[0].copy(), p[1].copy(), p[2].copy()
            lo, hi = np.minimum(np.minimum(r, g), b), np.maximum(np.maximum(r, g), b)
            delta = hi - lo
            with np.errstate(divide="ignore", invalid="ignore"):
                sat = np.where((lo != hi) & (hi != 0), delta / hi, t(0))
                hue = np.where(
                    r == hi, (g - b) / delta, np.where(g == hi, t(2) + (b - r) / delta, t(4) + (r - g) / delta)
                )
                hue = np.where(lo != hi, hue + np.where(hue < 0, t(6), t(0)), t(0)) * t(0.16666666666666666)
                sat = np.where(-lo > hi, (hi - lo) / -lo, sat)
            p[0], p[1], p[2] = hue, sat, hi + np.minimum(lo, t(0))
            return
        hue = (p[0] - np.floor(p[0])) * t(6)
        sat, val = _clamp(p[1], t(0), t(_MAX_SAT)), p[2].copy()
        weights = (
            _clamp(np.abs(hue - t(3)) - t(1), t(0), t(1)),
            _clamp(t(2) - np.abs(hue - t(2)), t(0), t(1)),
            _clamp(t(2) - np.abs(hue - t(4)), t(0), t(1)),
        )
        lo = np.where(sat > 1, val * (t(1) - sat) / (t(2) - sat), val * (t(1) - sat))
        lo = np.where(val < 0, val / (t(2) - sat), lo)
        hi = np.where((sat > 1) | (val < 0), val - lo, val)
        delta = hi - lo
        for c in range(3):
            p[c] = weights[c] * delta + lo

    def glsl(self, names: GlslNames) -> GlslSnippet:
        if self.to_hsv:
            body = (
                "{\n    float lo = min(min(c.r, c.g), c.b), hi = max(max(c.r, c.g), c.b);\n"
                "    float d = hi - lo, s = 0.0, h = 0.0;\n"
                "    if (lo != hi) {\n"
                "        if (hi != 0.0) s = d / hi;\n"
                "        h = c.r == hi ? (c.g - c.b) / d : (c.g == hi ? 2.0 + (c.b - c.r) / d : 4.0 + (c.r - c.g) / d);\n"
                "        if (h < 0.0) h += 6.0;\n"
                "        h *= 0.16666666666666666;\n"
                "    }\n"
                "    float v = hi + min(lo, 0.0);\n"
                "    if (-lo > hi) s = (hi - lo) / -lo;\n"
                "    c = vec3(h, s, v);\n}"
            )
        else:
            body = (
                "{\n    float h = (c.x - floor(c.x)) * 6.0, s = clamp(c.y, 0.0, 1.999), v = c.z;\n"
                "    vec3 w = clamp(vec3(abs(h - 3.0) - 1.0, 2.0 - abs(h - 2.0), 2.0 - abs(h - 4.0)), 0.0, 1.0);\n"
                "    float hi = v, lo = v * (1.0 - s);\n"
                "    if (s > 1.0) { lo = v * (1.0 - s) / (2.0 - s); hi = v - lo; }\n"
                "    if (v < 0.0) { lo = v / (2.0 - s); hi = v - lo; }\n"
                "    c = w * (hi - lo) + lo;\n}"
            )
        return GlslSnippet(body=body)

    def inverse(self) -> HsvOp:
        return HsvOp(to_hsv=not self.to_hsv, dynamic=self.dynamic)

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.to_hsv)
