"""RGB to hue, saturation, luma and back: OCIO's ``RGB_TO_HSY_LIN``, ``_LOG`` and ``_VID`` fixed functions.

OpenColorIO FixedFunctionOpCPU.cpp (applyRGBToHSY, applyHSYToRGB): luma is
Rec.709 ``Y = 0.2126 R + 0.7152 G + 0.0722 B``; hue is HSV's hue turned so
that magenta, not red, is 0; saturation is the sum of the channels' distances
from luma, times 4 (log), 1.25 (video) or, for linear, a blend between
``5 * dist`` near black and ``dist / (0.15 + R + G + B)`` above luma 0.01,
times 1.4. Back to RGB, the hue's pure colour is scaled to the luma and its
distance from grey to the saturation (for linear, the root of OCIO's
quadratic in the blend region).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op

__all__ = ["HSY_STYLES", "HsyOp"]

HSY_STYLES = {"lin": 0.0, "log": 4.0, "vid": 1.25}
"""HSY variants and their saturation gain on the channel distance (0: the linear style's blend)."""

_LUMA = (0.2126, 0.7152, 0.0722)
"""Rec.709 luma weights (ITU-R BT.709-6, item 3.2), as OCIO's HSY."""

_K, _LO_GAIN, _SAT_SCALE, _MAX_LUM = 0.15, 5.0, 1.4, 0.01
"""Linear style: offset of the RGB sum, saturation gain near black, final scale, luma where the blend ends."""


def _cmin(a: np.ndarray | np.floating, b: np.ndarray | np.floating) -> np.ndarray:
    """C++ ``std::min(a, b)``: ``b < a ? b : a`` (so a NaN in `b` is passed over, as in OCIO)."""
    return np.where(b < a, b, a)


def _cmax(a: np.ndarray | np.floating, b: np.ndarray | np.floating) -> np.ndarray:
    """C++ ``std::max(a, b)``: ``a < b ? b : a``."""
    return np.where(a < b, b, a)


def _hue_weights(hue: np.ndarray, t: type) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """R, G, B of the pure colour at ``hue`` in [0, 6) (HSV's piecewise-linear hexagon)."""
    return (
        np.clip(np.abs(hue - t(3)) - t(1), t(0), t(1)),
        np.clip(t(2) - np.abs(hue - t(2)), t(0), t(1)),
        np.clip(t(2) - np.abs(hue - t(4)), t(0), t(1)),
    )


@dataclass(frozen=True, kw_only=True, eq=False)
class HsyOp(Op):
    """RGB to HSY (``to_hsy``) or HSY to RGB in one of the `HSY_STYLES` (module docstring)."""

    kind = "hsy"
    style: str = "lin"
    to_hsy: bool = True

    def __post_init__(self) -> None:
        if self.style not in HSY_STYLES:
            raise ArgumentError(f"HSY style must be one of {tuple(HSY_STYLES)}, got {self.style!r}")

    def apply_planar(self, p: np.ndarray) -> None:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if self.to_hsy:
                self._to_hsy(p)
            else:
                self._to_rgb(p)

    def _to_hsy(self, p: np.ndarray) -> None:
        t = p.dtype.type
        r, g, b = p[0].copy(), p[1].copy(), p[2].copy()
        lo, hi = _cmin(_cmin(r, g), b), _cmax(_cmax(r, g), b)
        luma = t(_LUMA[0]) * r + t(_LUMA[1]) * g + t(_LUMA[2]) * b
        dist = np.abs(r - luma) + np.abs(g - luma) + np.abs(b - luma)
        if self.style == "lin":
            sat_hi = dist / _cmax(t(0.07) * dist + t(1e-6), t(_K) + r + g + b)
            sat_lo = dist * t(_LO_GAIN)
            alpha = np.clip((luma - t(_MAX_LUM / 10)) / t(_MAX_LUM * 0.9), t(0), t(1))
            sat = (sat_lo + alpha * (sat_hi - sat_lo)) * t(_SAT_SCALE)
        else:
            sat = dist * t(HSY_STYLES[self.style])
        delta = hi - lo
        hue = np.where(
            r == hi, t(1) + (g - b) / delta, np.where(g == hi, t(3) + (b - r) / delta, t(5) + (r - g) / delta)
        )
        p[0] = np.where(lo != hi, hue * t(0.16666666666666666), t(0))
        p[1], p[2] = sat, luma

    def _to_rgb(self, p: np.ndarray) -> None:
        t = p.dtype.type
        sat, luma = p[1].copy(), p[2].copy()
        hue = p[0] - t(1 / 6) + np.where(luma < 0, t(0.5), t(0))
        hue = (hue - np.floor(hue)) * t(6)
        rgb = _hue_weights(hue, t)
        scale = luma / (t(_LUMA[0]) * rgb[0] + t(_LUMA[1]) * rgb[1] + t(_LUMA[2]) * rgb[2])
        r, g, b = rgb[0] * scale, rgb[1] * scale, rgb[2] * scale
        dist = np.abs(r - luma) + np.abs(g - luma) + np.abs(b - luma)
        if self.style == "lin":
            gain = self._lin_gain(sat, luma, dist, r + g + b, t)
        else:
            gain = sat / _cmax(t(1e-10), dist * t(HSY_STYLES[self.style]))
        p[0], p[1], p[2] = luma + gain * (r - luma), luma + gain * (g - luma), luma + gain * (b - luma)

    @staticmethod
    def _lin_gain(sat: np.ndarray, luma: np.ndarray, dist: np.ndarray, total: np.ndarray, t: type) -> np.ndarray:
        """The saturation gain of HSY_LIN_TO_RGB: OCIO's high, low and blended (quadratic root) cases."""
        sat = sat / t(_SAT_SCALE)
        kl = t(_K) + t(3) * luma
        s1 = _cmin(sat * kl / _cmax(t(1e-6), -sat * total + sat * t(3) * luma + dist), t(50))
        s0 = sat / _cmax(t(1e-10), dist * t(_LO_GAIN))
        alpha = np.clip((luma - t(_MAX_LUM / 10)) / t(_MAX_LUM * 0.9), t(0), t(1))
        spread = total - t(3) * luma
        qa = dist * t(_LO_GAIN) * (t(1) - alpha) * spread
        qb = dist * t(_LO_GAIN) * (t(1) - alpha) * kl + dist * alpha - sat * spread
        qc = -sat * kl
        root = np.sqrt(qb * qb - t(4) * qa * qc)
        denom = -root - qb
        mid = t(2) * qc / denom
        mid = np.where(mid >= 0, mid, t(2) * qc / (denom + root * t(2)))
        return np.where(alpha == 1, s1, np.where(alpha == 0, s0, mid))

    def glsl(self, names: GlslNames) -> GlslSnippet:
        luma = f"vec3({_LUMA[0]!r}, {_LUMA[1]!r}, {_LUMA[2]!r})"
        blend = f"clamp((l - {_MAX_LUM / 10!r}) / {_MAX_LUM * 0.9!r}, 0.0, 1.0)"
        if self.to_hsy:
            if self.style == "lin":
                sat = (
                    f"    float hi_s = d / max(0.07 * d + 1e-6, {_K!r} + c.r + c.g + c.b), lo_s = d * {_LO_GAIN!r};\n"
                    f"    float a = {blend};\n    float s = (lo_s + a * (hi_s - lo_s)) * {_SAT_SCALE!r};\n"
                )
            else:
                sat = f"    float s = d * {HSY_STYLES[self.style]!r};\n"
            body = (
                f"{{\n    float l = dot(c, {luma});\n    float d = abs(c.r - l) + abs(c.g - l) + abs(c.b - l);\n{sat}"
                "    float lo = min(min(c.r, c.g), c.b), hi = max(max(c.r, c.g), c.b), h = 0.0;\n"
                "    if (lo != hi) {\n"
                "        float dl = hi - lo;\n"
                "        h = c.r == hi ? 1.0 + (c.g - c.b) / dl : (c.g == hi ? 3.0 + (c.b - c.r) / dl"
                " : 5.0 + (c.r - c.g) / dl);\n"
                "        h *= 0.16666666666666666;\n    }\n    c = vec3(h, s, l);\n}"
            )
            return GlslSnippet(body=body)
        if self.style == "lin":
            gain = (
                f"    s /= {_SAT_SCALE!r};\n    float kl = {_K!r} + 3.0 * l, tot = c.r + c.g + c.b, sp = tot - 3.0 * l;\n"
                "    float s1 = min(s * kl / max(1e-6, -s * tot + s * 3.0 * l + d), 50.0);\n"
                f"    float s0 = s / max(1e-10, d * {_LO_GAIN!r});\n    float a = {blend};\n"
                f"    float qa = d * {_LO_GAIN!r} * (1.0 - a) * sp;\n"
                f"    float qb = d * {_LO_GAIN!r} * (1.0 - a) * kl + d * a - s * sp, qc = -s * kl;\n"
                "    float rt = sqrt(qb * qb - 4.0 * qa * qc), den = -rt - qb;\n"
                "    float m = 2.0 * qc / den;\n    if (!(m >= 0.0)) m = 2.0 * qc / (den + 2.0 * rt);\n"
                "    float g = a == 1.0 ? s1 : (a == 0.0 ? s0 : m);\n"
            )
        else:
            gain = f"    float g = s / max(1e-10, d * {HSY_STYLES[self.style]!r});\n"
        body = (
            "{\n    float s = c.y, l = c.z, h = c.x - 1.0 / 6.0 + (l < 0.0 ? 0.5 : 0.0);\n"
            "    h = (h - floor(h)) * 6.0;\n"
            "    c = clamp(vec3(abs(h - 3.0) - 1.0, 2.0 - abs(h - 2.0), 2.0 - abs(h - 4.0)), 0.0, 1.0);\n"
            f"    c *= l / dot(c, {luma});\n    float d = abs(c.r - l) + abs(c.g - l) + abs(c.b - l);\n{gain}"
            "    c = l + g * (c - l);\n}"
        )
        return GlslSnippet(body=body)

    def inverse(self) -> HsyOp:
        return HsyOp(style=self.style, to_hsy=not self.to_hsy, dynamic=self.dynamic)

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.style, self.to_hsy)
