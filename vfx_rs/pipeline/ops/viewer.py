"""Ops of the viewer's display chain: live display gamma and the sRGB display encoding.

`ViewGammaOp` is the viewer's gamma slider, ``sign(x) * |x| ** (1 / gamma)``
(mirrored below zero, as tev and RV do, so negative values stay visible).
`SrgbEncodeOp` is the sRGB encoding (inverse EOTF) of IEC 61966-2-1:1999,
section 5.2: ``12.92 x`` for ``x <= 0.0031308``, else ``1.055 x^(1/2.4) - 0.055``,
mirrored for negative values.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform

__all__ = ["SRGB_BREAK", "SrgbEncodeOp", "ViewGammaOp"]

SRGB_BREAK = 0.0031308
"""Linear break point of the sRGB encoding (IEC 61966-2-1:1999, section 5.2)."""


@dataclass(frozen=True, kw_only=True, eq=False)
class ViewGammaOp(Op):
    """``sign(x) * |x| ** (1 / gamma)`` on each channel; ``gamma`` must be positive."""

    kind = "view_gamma"
    gamma: float = 1.0

    def __post_init__(self) -> None:
        if not (np.isfinite(self.gamma) and self.gamma > 0.0):
            raise ArgumentError(f"view gamma must be a positive number, got {self.gamma}")

    def apply_planar(self, p: np.ndarray) -> None:
        if self.gamma == 1.0:
            return
        sign = np.sign(p)
        np.abs(p, out=p)
        np.power(p, p.dtype.type(1.0 / self.gamma), out=p)
        p *= sign

    def glsl(self, names: GlslNames) -> GlslSnippet:
        g = names("inv_gamma")
        return GlslSnippet(body=f"c = sign(c) * pow(abs(c), vec3({g}));", uniforms={g: Uniform("float", 1.0 / self.gamma)})

    def inverse(self) -> ViewGammaOp:
        return ViewGammaOp(gamma=1.0 / self.gamma, dynamic=self.dynamic)

    def is_identity(self) -> bool:
        return self.gamma == 1.0


@dataclass(frozen=True, kw_only=True, eq=False)
class SrgbEncodeOp(Op):
    """The sRGB encoding of linear values (IEC 61966-2-1:1999, 5.2), mirrored below zero."""

    kind = "srgb_encode"

    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        a = np.abs(p)
        curve = t(1.055) * np.power(a, t(1.0 / 2.4)) - t(0.055)
        out = np.where(a <= t(SRGB_BREAK), t(12.92) * a, curve)
        p[...] = np.sign(p) * out

    def glsl(self, names: GlslNames) -> GlslSnippet:
        body = (
            "vec3 a = abs(c);\n"
            f"vec3 e = mix(1.055 * pow(a, vec3(1.0 / 2.4)) - 0.055, 12.92 * a, lessThanEqual(a, vec3({SRGB_BREAK})));\n"
            "c = sign(c) * e;"
        )
        return GlslSnippet(body=body)
