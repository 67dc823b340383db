"""The ACES 0.3 red modifier (OCIO ``ACES_RedMod03``), which also restores the hue it moves.

As OpenColorIO's FixedFunctionOpCPU.cpp (Renderer_ACES_RedMod03_Fwd/_Inv):
the ACES 1.0 modifier's form (`vfx_rs.pipeline.ops.aces.AcesRedModOp`) with
scale 0.85 and a 120-degree hue window, ``r' = r + f_H f_S (0.03 - r) 0.15``
where the hue weight ``f_H`` is positive; then the middle channel is moved so
the hue is kept: for ``g >= b``, ``g' = (g - b) / max(1e-10, r - b) * (r' - b) + b``
(``b`` likewise otherwise). The inverse solves the quadratic for red as OCIO
does (a NaN where its discriminant is negative, as in OCIO) and restores the
hue the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op
from vfx_rs.pipeline.ops.aces import GLSL_SAT, RED_MOD_PIVOT, glsl_hue_weight, hue_weight, sat_weight
from vfx_rs.pipeline.ops.bspline import quiet_float_errors

__all__ = ["AcesRedMod03Op"]

RED_MOD03_SCALE = 0.85
"""ACES 0.3 red modifier scale (OCIO Renderer_ACES_RedMod03_Fwd, ``1 - m_1minusScale``)."""

RED_MOD03_INV_WIDTH = 4.0 / math.radians(120.0)
"""4 / the 120-degree hue window (OCIO m_inv_width 1.9098593171027443)."""

_GLSL_HUE03 = glsl_hue_weight("aces_hue_weight03", RED_MOD03_INV_WIDTH)


@dataclass(frozen=True, kw_only=True, eq=False)
class AcesRedMod03Op(Op):
    """ACES 0.3 red modifier with hue restore (module docstring); `forward` False applies the inverse."""

    kind = "aces_red_mod03"
    forward: bool = True

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        r, g, b = p[0].copy(), p[1].copy(), p[2].copy()
        fh = hue_weight(p, RED_MOD03_INV_WIDTH)
        k, pivot = t(1.0) - t(RED_MOD03_SCALE), t(RED_MOD_PIVOT)  # k in float32 as OCIO (1.f - 0.85f)
        if self.forward:
            new_r = r + fh * sat_weight(p) * (pivot - r) * k
        else:
            mn = np.minimum(g, b)
            a = fh * k - t(1.0)
            bq = r - fh * (pivot + mn) * k
            c = fh * pivot * mn * k
            new_r = (-bq - np.sqrt(bq * bq - t(4.0) * a * c)) / (t(2.0) * a)
        tiny = t(1e-10)
        g_first = g >= b
        new_g = np.where(g_first, (g - b) / np.maximum(tiny, r - b) * (new_r - b) + b, g)
        new_b = np.where(g_first, b, (b - g) / np.maximum(tiny, r - g) * (new_r - g) + g)
        hit = fh > 0
        p[0] = np.where(hit, new_r, r)
        p[1] = np.where(hit, new_g, g)
        p[2] = np.where(hit, new_b, b)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        k, pivot = 1.0 - RED_MOD03_SCALE, RED_MOD_PIVOT
        if self.forward:
            solve = f"float nr = c.r + fh * aces_sat(c) * ({pivot!r} - c.r) * {k!r};"
        else:
            solve = (
                f"float mn = min(c.g, c.b), qa = fh * {k!r} - 1.0, qb = c.r - fh * ({pivot!r} + mn) * {k!r};\n"
                f"        float qc = fh * {pivot!r} * mn * {k!r};\n"
                "        float nr = (-qb - sqrt(qb * qb - 4.0 * qa * qc)) / (2.0 * qa);"
            )
        body = (
            "{\n    float fh = aces_hue_weight03(c);\n    if (fh > 0.0) {\n"
            f"        {solve}\n"
            "        if (c.g >= c.b) c.g = (c.g - c.b) / max(1e-10, c.r - c.b) * (nr - c.b) + c.b;\n"
            "        else c.b = (c.b - c.g) / max(1e-10, c.r - c.g) * (nr - c.g) + c.g;\n"
            "        c.r = nr;\n    }\n}"
        )
        return GlslSnippet(body=body, helpers={"aces_sat": GLSL_SAT, "aces_hue_weight03": _GLSL_HUE03})

    def structure_key(self) -> tuple[object, ...]:
        return self.params_key()

    def inverse(self) -> AcesRedMod03Op:
        return AcesRedMod03Op(forward=not self.forward, dynamic=self.dynamic)
