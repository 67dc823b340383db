"""CIE XYZ to chromaticity coordinates and back: OCIO's ``XYZ_TO_xyY``, ``XYZ_TO_uvY`` and ``XYZ_TO_LUV``.

OpenColorIO FixedFunctionOpCPU.cpp (Renderer_XYZ_TO_xyY, Renderer_xyY_TO_XYZ,
Renderer_XYZ_TO_uvY, Renderer_uvY_TO_XYZ, Renderer_XYZ_TO_LUV,
Renderer_LUV_TO_XYZ), which follow CIE 15:2004 section 8 (CIE 1976 UCS
``u' = 4X / (X + 15Y + 3Z)``, ``v' = 9Y / (X + 15Y + 3Z)``; CIE L*u*v* with a
D65 white and L* scaled to [0, 1] for Y in [0, 1]). A zero denominator gives
a zero ratio instead of a division by zero, as in OCIO.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op

__all__ = ["CIE_COORDS_STYLES", "CieCoordsOp"]

CIE_COORDS_STYLES = ("xyy", "uvy", "luv")
"""The coordinate systems: CIE 1931 xyY, CIE 1976 u'v'Y, CIE 1976 L*u*v* (L* on [0, 1])."""

_WHITE_U, _WHITE_V = 0.19783001, 0.46831999
"""u', v' of the D65 white in OCIO's L*u*v* (FixedFunctionOpCPU.cpp)."""

_LSTAR_BREAK_Y, _LSTAR_SLOPE = 0.008856451679, 9.0329629629629608
"""CIE L* linear segment: Y at or below (6/29)^3 gives L* = (29/3)^3 Y / 100 (CIE 15:2004, 8.2.1)."""


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den``, with 0 where ``den`` is 0 (OCIO's ``d = (d == 0) ? 0 : 1 / d``)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        inv = np.where(den == 0, den.dtype.type(0), den.dtype.type(1) / den)
    return num * inv


@dataclass(frozen=True, kw_only=True, eq=False)
class CieCoordsOp(Op):
    """XYZ to ``style`` coordinates (``forward``) or back (module docstring).

    Attributes
    ----------
    style
        ``"xyy"``, ``"uvy"`` or ``"luv"``.
    forward
        True for XYZ to the coordinates, False for the coordinates to XYZ.
    """

    kind = "cie_coords"
    style: str = "xyy"
    forward: bool = True

    def __post_init__(self) -> None:
        if self.style not in CIE_COORDS_STYLES:
            raise ArgumentError(f"CIE coordinates style must be one of {CIE_COORDS_STYLES}, got {self.style!r}")

    def apply_planar(self, p: np.ndarray) -> None:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            self._apply(p)

    def _apply(self, p: np.ndarray) -> None:
        t = p.dtype.type
        a, b, c = p[0].copy(), p[1].copy(), p[2].copy()
        if self.forward:
            if self.style == "xyy":
                d = a + b + c
                p[0], p[1], p[2] = _ratio(a, d), _ratio(b, d), b
                return
            d = a + t(15) * b + t(3) * c
            u, v = _ratio(t(4) * a, d), _ratio(t(9) * b, d)
            if self.style == "uvy":
                p[0], p[1], p[2] = u, v, b
                return
            lstar = np.where(b <= t(_LSTAR_BREAK_Y), t(_LSTAR_SLOPE) * b, t(1.16) * np.cbrt(b) - t(0.16))
            p[0], p[1], p[2] = lstar, t(13) * lstar * (u - t(_WHITE_U)), t(13) * lstar * (v - t(_WHITE_V))
            return
        if self.style == "xyy":
            d = _ratio(c, b)
            p[0], p[1], p[2] = a * d, c, (t(1) - a - b) * d
            return
        if self.style == "uvy":
            d = _ratio(c, b)
            p[0], p[1], p[2] = t(2.25) * a * d, c, t(0.75) * (t(4) - a - t(6.666666666666667) * b) * d
            return
        d = _ratio(t(1), a * t(13))
        u, v = b * d + t(_WHITE_U), c * d + t(_WHITE_V)
        tmp = (a + t(0.16)) * t(1 / 1.16)
        y = np.where(a <= t(0.08), a * t(1 / _LSTAR_SLOPE), tmp * tmp * tmp)
        dd = _ratio(t(0.25) * y, v)
        p[0], p[1], p[2] = t(9) * u * dd, y, (t(12) - t(3) * u - t(20) * v) * dd

    def glsl(self, names: GlslNames) -> GlslSnippet:
        u0, v0 = f"{_WHITE_U!r}", f"{_WHITE_V!r}"
        if self.forward and self.style == "xyy":
            body = "{\n    float d = c.x + c.y + c.z;\n    d = d == 0.0 ? 0.0 : 1.0 / d;\n    c = vec3(c.x * d, c.y * d, c.y);\n}"
        elif self.forward:
            body = (
                "{\n    float d = c.x + 15.0 * c.y + 3.0 * c.z;\n    d = d == 0.0 ? 0.0 : 1.0 / d;\n"
                "    float u = 4.0 * c.x * d, v = 9.0 * c.y * d;\n"
            )
            if self.style == "uvy":
                body += "    c = vec3(u, v, c.y);\n}"
            else:
                body += (
                    f"    float l = c.y <= {_LSTAR_BREAK_Y!r} ? {_LSTAR_SLOPE!r} * c.y"
                    " : 1.16 * pow(c.y, 1.0 / 3.0) - 0.16;\n"
                    f"    c = vec3(l, 13.0 * l * (u - {u0}), 13.0 * l * (v - {v0}));\n}}"
                )
        elif self.style == "xyy":
            body = (
                "{\n    float d = c.y == 0.0 ? 0.0 : c.z / c.y;\n    c = vec3(c.x * d, c.z, (1.0 - c.x - c.y) * d);\n}"
            )
        elif self.style == "uvy":
            body = (
                "{\n    float d = c.y == 0.0 ? 0.0 : c.z / c.y;\n"
                "    c = vec3(2.25 * c.x * d, c.z, 0.75 * (4.0 - c.x - 6.666666666666667 * c.y) * d);\n}"
            )
        else:
            body = (
                "{\n    float d = c.x == 0.0 ? 0.0 : 1.0 / (13.0 * c.x);\n"
                f"    float u = c.y * d + {u0}, v = c.z * d + {v0};\n"
                "    float t = (c.x + 0.16) / 1.16;\n"
                f"    float y = c.x <= 0.08 ? c.x / {_LSTAR_SLOPE!r} : t * t * t;\n"
                "    float dd = v == 0.0 ? 0.0 : 0.25 * y / v;\n"
                "    c = vec3(9.0 * u * dd, y, (12.0 - 3.0 * u - 20.0 * v) * dd);\n}"
            )
        return GlslSnippet(body=body)

    def inverse(self) -> CieCoordsOp:
        return CieCoordsOp(style=self.style, forward=not self.forward, dynamic=self.dynamic)

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.style, self.forward)
