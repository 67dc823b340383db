"""ACES 1.x fixed functions as pipeline ops (the tone curve is `vfx_rs.pipeline.ops.bspline`).

The ACES 1.0 Reference Rendering Transform and Output Device Transforms
(aces-dev v1.3, ``rrt/RRT.ctl``, ``lib/ACESlib.RRT_Common.ctl``,
``lib/ACESlib.ODT_Common.ctl``, ``lib/ACESlib.Tonescales.ctl``) are built
from these ops exactly as OpenColorIO 2 builds its ``ACES-OUTPUT``
BuiltinTransforms (``src/OpenColorIO/transforms/builtins/ACES.cpp``), with
the formulas of OCIO's ``ops/fixedfunction/FixedFunctionOpCPU.cpp``
(renderers ACES_RedMod10, ACES_Glow03/10, ACES_DarkToDim10,
ACES_GamutComp13). Inverses are OCIO's: closed forms for the red modifier and
glow, the reciprocal gamma for dark-to-dim and ``uncompress`` for the gamut
compressor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op
from vfx_rs.pipeline.ops.bspline import quiet_float_errors

__all__ = [
    "GLSL_SAT",
    "AcesDarkToDimOp",
    "AcesGamutCompressOp",
    "AcesGlowOp",
    "AcesRedModOp",
    "glsl_hue_weight",
    "hue_weight",
    "sat_weight",
]

SAT_NOISE_LIMIT = 1e-2
"""Denominator floor of the ACES saturation measure (aces-dev ``rgb_2_saturation``; OCIO m_noiseLimit)."""

AP1_LUMA = (0.27222871678091454, 0.67408176581114831, 0.053689517407937051)
"""Luminance (Y row of RGB to XYZ) of ACES AP1 primaries, as OCIO's DarkToDim10 uses (S-2014-004)."""

RED_MOD_SCALE = 0.82
"""RRT red modifier scale (aces-dev ``RRT.ctl`` RRT_RED_SCALE)."""

RED_MOD_PIVOT = 0.03
"""RRT red modifier pivot (``RRT.ctl`` RRT_RED_PIVOT)."""

RED_MOD_INV_WIDTH = 4.0 / math.radians(135.0)
"""4 / hue window width, 135 degrees (``RRT.ctl`` RRT_RED_HUE/RRT_RED_WIDTH; OCIO m_inv_width)."""


def _f(p: np.ndarray, value: float) -> Any:
    return p.dtype.type(value)


def sat_weight(p: np.ndarray) -> np.ndarray:
    """``rgb_2_saturation`` (ACESlib.RRT_Common.ctl) with OCIO's clamps, as CalcSatWeight."""
    mx = p.max(axis=0)
    mn = p.min(axis=0)
    tiny = _f(p, 1e-10)
    return (np.maximum(mx, tiny) - np.maximum(mn, tiny)) / np.maximum(mx, _f(p, SAT_NOISE_LIMIT))


GLSL_SAT = """float aces_sat(vec3 c) {
    float mx = max(c.r, max(c.g, c.b));
    float mn = min(c.r, min(c.g, c.b));
    return (max(mx, 1e-10) - max(mn, 1e-10)) / max(mx, 1e-2);
}
"""


_HUE_BASIS = (
    (0.25, 0.0, 0.0, 0.0),
    (-0.75, 0.75, 0.75, 0.25),
    (0.75, -1.5, 0.0, 1.0),
    (-0.25, 0.75, -0.75, 0.25),
)
"""The pieces of the cubic B-spline basis by knot (OCIO CalcHueWeight ``_M``, from ``RRT.ctl``)."""


def hue_weight(p: np.ndarray, inv_width: float = RED_MOD_INV_WIDTH) -> np.ndarray:
    """Cubic B-spline weight of the hue around red (OCIO CalcHueWeight; ``RRT.ctl`` cubic_basis_shaper).

    As OCIO evaluates it, in the pixels' precision: knot coordinate ``hue * 4 / width + 2``, its integer
    part picks one of the four polynomial pieces (`_HUE_BASIS`), evaluated by Horner's rule in the
    fractional part; 0 outside the four knots and where that is negative (just below the first knot, where
    OCIO's ``(int)`` truncates to knot 0). That is the symmetric cubic B-spline scaled to 1 at the
    centre (``1 - 1.5 a^2 + 0.75 a^3`` for ``a = |hue| * 4 / width < 1``, ``0.25 (2 - a)^3`` below 2).
    """
    r, g, b = p
    # atan2 in float64, rounded once, as libm's atan2f gives it (NumPy's float32 atan2 is a few ulp off).
    hb, ha = _f(p, math.sqrt(3.0)) * (g - b), _f(p, 2.0) * r - (g + b)
    hue = np.arctan2(hb.astype(np.float64), ha.astype(np.float64)).astype(p.dtype)
    knot = hue * _f(p, inv_width) + _f(p, 2.0)
    j = np.trunc(knot)
    t = knot - j
    weight = np.zeros_like(knot)
    for k, (c0, c1, c2, c3) in enumerate(_HUE_BASIS):
        piece = _f(p, c3) + t * (_f(p, c2) + t * (_f(p, c1) + t * _f(p, c0)))
        weight = np.where(j == k, piece, weight)
    return np.maximum(weight, _f(p, 0.0))  # OCIO uses the weight where it is positive only


def glsl_hue_weight(name: str, inv_width: float) -> str:
    """The GLSL twin of `hue_weight`, as function `name`."""
    return f"""float {name}(vec3 c) {{
    float hb = 1.7320508075688772 * (c.g - c.b);
    float ha = 2.0 * c.r - (c.g + c.b);
    float hue = (ha == 0.0 && hb == 0.0) ? 0.0 : atan(hb, ha);  // atan2(0, 0) = 0 in C
    float a = abs(hue) * {inv_width!r};
    float o = max(2.0 - a, 0.0);
    return a < 1.0 ? 1.0 + a * a * (0.75 * a - 1.5) : 0.25 * o * o * o;
}}
"""


_GLSL_HUE = glsl_hue_weight("aces_hue_weight", RED_MOD_INV_WIDTH)


@dataclass(frozen=True, kw_only=True, eq=False)
class AcesRedModOp(Op):
    """ACES 1.0 RRT red modifier (``RRT.ctl``; OCIO ACES_RED_MOD_10_FWD / _INV).

    Forward: ``r += f_H * f_S * (pivot - r) * (1 - scale)`` with the hue
    weight ``f_H`` and saturation ``f_S``. Inverse: OCIO's quadratic solve for
    the red channel (weights taken from the modified pixel, as OCIO does).
    """

    kind = "aces_red_mod"
    forward: bool = True

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        fh = hue_weight(p)
        k = _f(p, 1.0) - _f(p, RED_MOD_SCALE)  # in float32 as OCIO (1.f - 0.82f)
        pivot = _f(p, RED_MOD_PIVOT)
        if self.forward:
            p[0] += fh * sat_weight(p) * (pivot - p[0]) * k
            return
        mn = np.minimum(p[1], p[2])
        a = fh * k - _f(p, 1.0)
        b = p[0] - fh * (pivot + mn) * k
        c = fh * pivot * mn * k
        solved = (-b - np.sqrt(np.maximum(b * b - _f(p, 4.0) * a * c, _f(p, 0.0)))) / (_f(p, 2.0) * a)
        p[0] = np.where(fh > 0, solved, p[0])

    def glsl(self, names: GlslNames) -> GlslSnippet:
        k, pivot = 1.0 - RED_MOD_SCALE, RED_MOD_PIVOT
        if self.forward:
            body = f"c.r += aces_hue_weight(c) * aces_sat(c) * ({pivot!r} - c.r) * {k!r};"
        else:
            body = f"""{{
    float fh = aces_hue_weight(c);
    if (fh > 0.0) {{
        float mn = min(c.g, c.b);
        float a = fh * {k!r} - 1.0;
        float b = c.r - fh * ({pivot!r} + mn) * {k!r};
        float q = fh * {pivot!r} * mn * {k!r};
        c.r = (-b - sqrt(max(b * b - 4.0 * a * q, 0.0))) / (2.0 * a);
    }}
}}"""
        return GlslSnippet(body=body, helpers={"aces_sat": GLSL_SAT, "aces_hue_weight": _GLSL_HUE})

    def structure_key(self) -> tuple[object, ...]:
        return self.params_key()

    def inverse(self) -> AcesRedModOp:
        return AcesRedModOp(forward=not self.forward)


@dataclass(frozen=True, kw_only=True, eq=False)
class AcesGlowOp(Op):
    """ACES glow module (``RRT.ctl`` glow_fwd / glow_inv; OCIO ACES_GLOW_03 / _10).

    ACES 1.0 uses ``gain=0.05, mid=0.08`` (RRT_GLOW_GAIN, RRT_GLOW_MID); the
    0.3 LMT used 0.075 and 0.1. The gain is shaped by a sigmoid of the
    saturation and applied to all three channels according to the luma-chroma
    value YC (``rgb_2_yc``, radius weight 1.75).
    """

    kind = "aces_glow"
    gain: float = 0.05
    mid: float = 0.08
    forward: bool = True

    def __post_init__(self) -> None:
        if not (math.isfinite(self.gain) and self.gain >= 0.0 and math.isfinite(self.mid) and self.mid > 0.0):
            raise ArgumentError(f"glow needs a finite gain >= 0 and mid > 0, got {self.gain}, {self.mid}")

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        r, g, b = p
        chroma = np.sqrt(np.maximum(b * (b - g) + g * (g - r) + r * (r - b), _f(p, 0.0)))
        yc = (b + g + r + _f(p, 1.75) * chroma) / _f(p, 3.0)
        x = (sat_weight(p) - _f(p, 0.4)) * _f(p, 5.0)
        sign = np.where(x < 0, _f(p, -1.0), _f(p, 1.0))
        t = np.maximum(_f(p, 0.0), _f(p, 1.0) - _f(p, 0.5) * sign * x)
        gain = _f(p, self.gain) * (_f(p, 1.0) + sign * (_f(p, 1.0) - t * t)) * _f(p, 0.5)
        mid = _f(p, self.mid)
        if self.forward:
            low, mid_part = mid * _f(p, 2.0 / 3.0), gain * (mid / yc - _f(p, 0.5))
            flat = gain
        else:
            low = (_f(p, 1.0) + gain) * mid * _f(p, 2.0 / 3.0)
            mid_part = gain * (mid / yc - _f(p, 0.5)) / (gain * _f(p, 0.5) - _f(p, 1.0))
            flat = -gain / (_f(p, 1.0) + gain)
        out = np.where(yc >= mid * _f(p, 2.0), _f(p, 0.0), np.where(yc <= low, flat, mid_part))
        p *= _f(p, 1.0) + out

    def glsl(self, names: GlslNames) -> GlslSnippet:
        gain, mid = self.gain, self.mid
        if self.forward:
            low, flat, part = f"{mid * 2.0 / 3.0!r}", "gg", f"gg * ({mid!r} / yc - 0.5)"
        else:
            low, flat = f"(1.0 + gg) * {mid * 2.0 / 3.0!r}", "-gg / (1.0 + gg)"
            part = f"gg * ({mid!r} / yc - 0.5) / (gg * 0.5 - 1.0)"
        body = f"""{{
    float chroma = sqrt(max(c.b * (c.b - c.g) + c.g * (c.g - c.r) + c.r * (c.r - c.b), 0.0));
    float yc = (c.b + c.g + c.r + 1.75 * chroma) / 3.0;
    float x = (aces_sat(c) - 0.4) * 5.0;
    float sg = x < 0.0 ? -1.0 : 1.0;
    float t = max(0.0, 1.0 - 0.5 * sg * x);
    float gg = {gain!r} * (1.0 + sg * (1.0 - t * t)) * 0.5;
    float o = yc >= {2.0 * mid!r} ? 0.0 : (yc <= {low} ? {flat} : {part});
    c *= 1.0 + o;
}}"""
        return GlslSnippet(body=body, helpers={"aces_sat": GLSL_SAT})

    def structure_key(self) -> tuple[object, ...]:
        return self.params_key()

    def inverse(self) -> AcesGlowOp:
        return AcesGlowOp(gain=self.gain, mid=self.mid, forward=not self.forward)


@dataclass(frozen=True, kw_only=True, eq=False)
class AcesDarkToDimOp(Op):
    """Dark to dim surround correction on AP1 RGB (``ACESlib.ODT_Common.ctl`` darkSurround_to_dimSurround).

    ``rgb *= Y ** (gamma - 1)`` with ``Y`` the AP1 luminance floored at 1e-10
    (OCIO ACES_DARK_TO_DIM_10); the ODTs use gamma 0.9811 (DIM_SURROUND_GAMMA)
    and OCIO inverts with gamma 1 / 0.9811.
    """

    kind = "aces_dark_to_dim"
    gamma: float = 0.9811

    def __post_init__(self) -> None:
        if not (math.isfinite(self.gamma) and self.gamma > 0.0):
            raise ArgumentError(f"dark to dim gamma must be positive, got {self.gamma}")

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        y = _f(p, AP1_LUMA[0]) * p[0] + _f(p, AP1_LUMA[1]) * p[1] + _f(p, AP1_LUMA[2]) * p[2]
        np.maximum(y, _f(p, 1e-10), out=y)
        p *= np.power(y, _f(p, self.gamma - 1.0))

    def glsl(self, names: GlslNames) -> GlslSnippet:
        luma = ", ".join(repr(v) for v in AP1_LUMA)
        body = f"c *= pow(max(dot(c, vec3({luma})), 1e-10), {self.gamma - 1.0!r});"
        return GlslSnippet(body=body)

    def structure_key(self) -> tuple[object, ...]:
        return self.params_key()

    def inverse(self) -> AcesDarkToDimOp:
        return AcesDarkToDimOp(gamma=1.0 / self.gamma)

    def is_identity(self) -> bool:
        return self.gamma == 1.0


@dataclass(frozen=True, kw_only=True, eq=False)
class AcesGamutCompressOp(Op):
    """ACES 1.3 Reference Gamut Compression on AP1 RGB (``LMT.Academy.ReferenceGamutCompress.ctl``).

    Per channel the distance from the achromatic axis ``(ach - v) / |ach|``
    (``ach`` the largest channel) beyond threshold ``thr`` is compressed by
    ``thr + s * d / (1 + d ** power) ** (1 / power)``, ``d = (dist - thr) / s``,
    with ``s`` chosen so that the limit ``lim`` maps to 1 (OCIO
    ACES_GAMUT_COMP_13; parameters: cyan, magenta, yellow limits and
    thresholds, power). A pixel whose ``ach`` is 0 becomes 0, as in OCIO.
    """

    kind = "aces_gamut_compress"
    limits: tuple[float, float, float] = (1.147, 1.264, 1.312)
    thresholds: tuple[float, float, float] = (0.815, 0.803, 0.880)
    power: float = 1.2
    forward: bool = True

    def __post_init__(self) -> None:
        lim = tuple(float(v) for v in self.limits)
        thr = tuple(float(v) for v in self.thresholds)
        if (
            len(lim) != 3
            or len(thr) != 3
            or not all(1.0 > t > 0.0 and li > 1.0 for li, t in zip(lim, thr, strict=True))
        ):
            raise ArgumentError("gamut compression needs three limits > 1 and three thresholds in (0, 1)")
        if not self.power > 0.0:
            raise ArgumentError(f"gamut compression power must be positive, got {self.power}")
        object.__setattr__(self, "limits", lim)
        object.__setattr__(self, "thresholds", thr)

    def scales(self) -> tuple[float, float, float]:
        """The scale per channel that puts the limit at distance 1 (OCIO f_scale)."""
        pw = self.power
        return tuple(  # type: ignore[return-value]
            (li - t) / (((1.0 - t) / (li - t)) ** -pw - 1.0) ** (1.0 / pw)
            for li, t in zip(self.limits, self.thresholds, strict=True)
        )

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        ach = p.max(axis=0)
        aabs = np.abs(ach)
        zero = ach == 0
        pw = _f(p, self.power)
        for ch, (thr_v, scale_v) in enumerate(zip(self.thresholds, self.scales(), strict=True)):
            thr, scale = _f(p, thr_v), _f(p, scale_v)
            dist = (ach - p[ch]) / aabs
            nd = (dist - thr) / scale
            q = np.power(np.maximum(nd, _f(p, 0.0)), pw)
            if self.forward:
                comp = thr + scale * nd / np.power(_f(p, 1.0) + q, _f(p, 1.0) / pw)
            else:
                comp = thr + scale * np.power(-(q / (q - _f(p, 1.0))), _f(p, 1.0) / pw)
                comp = np.where(dist >= thr + scale, dist, comp)
            out = np.where(dist < thr, p[ch], ach - comp * aabs)
            p[ch] = np.where(zero, _f(p, 0.0), out)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        lines = ["{", "    float ach = max(c.r, max(c.g, c.b));", "    vec3 o = c;"]
        pw = self.power
        for ch, thr, scale in zip("rgb", self.thresholds, self.scales(), strict=True):
            if self.forward:
                comp = f"{thr!r} + {scale!r} * nd / pow(1.0 + q, {1.0 / pw!r})"
            else:
                comp = f"d >= {thr + scale!r} ? d : {thr!r} + {scale!r} * pow(-(q / (q - 1.0)), {1.0 / pw!r})"
            lines += [
                "    {",
                f"        float d = (ach - c.{ch}) / abs(ach);",
                f"        float nd = (d - {thr!r}) / {scale!r};",
                f"        float q = pow(max(nd, 0.0), {pw!r});",
                f"        if (ach == 0.0) o.{ch} = 0.0;",
                f"        else if (d >= {thr!r}) o.{ch} = ach - ({comp}) * abs(ach);",
                "    }",
            ]
        lines += ["    c = o;", "}"]
        return GlslSnippet(body="\n".join(lines))

    def structure_key(self) -> tuple[object, ...]:
        return self.params_key()

    def inverse(self) -> AcesGamutCompressOp:
        return AcesGamutCompressOp(
            limits=self.limits, thresholds=self.thresholds, power=self.power, forward=not self.forward
        )
