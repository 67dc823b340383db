"""Per-channel power functions: plain exponents and the "moncurve" with a linear toe.

`ExponentOp` is OpenColorIO's ExponentTransform and the CLF ``Exponent`` node
styles ``basicFwd``/``basicRev`` (negatives clamp to 0), ``basicMirrorFwd``
(``sign(x) |x|^g``) and ``basicPassThruFwd`` (negatives unchanged)
(S-2014-006 "Common LUT Format" v3, section 3.6.8).

`ExponentLinearOp` is OCIO's ExponentWithLinearTransform, the CLF
``monCurveFwd``/``monCurveRev`` styles (same section). Its forward direction
decodes, as in OCIO::

    out = ((x + offset) / (1 + offset)) ** gamma   for x >= offset / (gamma - 1)
    out = x * slope                                 otherwise

with ``slope = ((gamma - 1) / offset) * ((offset gamma) / ((gamma - 1)(1 + offset))) ** gamma``
so the two segments meet with equal value and slope. sRGB is gamma 2.4,
offset 0.055; the Rec.709 camera curve is gamma 1/0.45, offset 0.099.
Negative style "linear" continues the linear toe below zero; "mirror"
applies ``sign(x) f(|x|)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform
from vfx_rs.pipeline.ops._ocio_sse import sse_power

__all__ = ["ExponentLinearOp", "ExponentOp"]

ExponentStyle = Literal["clamp", "mirror", "pass"]
MoncurveStyle = Literal["linear", "mirror"]


def _triple(value: object, name: str) -> tuple[float, float, float]:
    arr = np.broadcast_to(np.asarray(value, dtype=np.float64), (3,))
    if not np.all(np.isfinite(arr)):
        raise ArgumentError(f"{name} must be finite, got {value!r}")
    return (float(arr[0]), float(arr[1]), float(arr[2]))


def _column(values: tuple[float, ...], dtype: npt.DTypeLike) -> np.ndarray:
    return np.asarray(values, dtype=dtype).reshape(3, 1)


@dataclass(frozen=True, kw_only=True, eq=False)
class ExponentOp(Op):
    """``x ** exponent`` per channel with a negative style.

    Attributes
    ----------
    exponent
        Three positive exponents (a scalar is broadcast).
    style
        ``"clamp"``: negatives give 0 (OCIO basic); ``"mirror"``:
        ``sign(x) |x|^g``; ``"pass"``: negatives are left unchanged.
    approximate
        With ``"clamp"``: raise to the power as OCIO's ExposureContrast CPU
        renderer does, with its SSE approximation (`_ocio_sse.sse_power`,
        about 3e-5 relative), to agree with OCIO there; the GLSL twin uses
        ``pow``, as OCIO's GPU path does.
    """

    kind = "exponent"
    exponent: tuple[float, float, float] = (1.0, 1.0, 1.0)
    style: ExponentStyle = "clamp"
    approximate: bool = False

    def __post_init__(self) -> None:
        exponent = _triple(self.exponent, "exponent")
        if min(exponent) <= 0.0:
            raise ArgumentError(f"exponents must be positive, got {exponent}")
        if self.style not in ("clamp", "mirror", "pass"):
            raise ArgumentError(f"exponent style must be clamp, mirror or pass, got {self.style!r}")
        object.__setattr__(self, "exponent", exponent)

    def apply_planar(self, p: np.ndarray) -> None:
        g = _column(self.exponent, p.dtype)
        if self.style == "clamp":
            np.fmax(p, p.dtype.type(0.0), out=p)  # NaN -> 0, as OCIO's max(0, x)
            if self.approximate:
                p[...] = sse_power(p, g)
            else:
                np.power(p, g, out=p)
        elif self.style == "mirror":
            sign = np.sign(p)
            np.abs(p, out=p)
            np.power(p, g, out=p)
            p *= sign
        else:
            neg = p < 0
            kept = p[neg]
            np.power(p, g, out=p, where=~neg)
            p[neg] = kept

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.style)

    def clears_alpha(self) -> bool:
        """OCIO's basic gamma renderer (GammaOpCPU.cpp) clamps alpha too: ``max(0, NaN)`` is 0."""
        return self.style == "clamp" and not self.approximate

    def glsl(self, names: GlslNames) -> GlslSnippet:
        g = names("exponent")
        uniforms = {g: Uniform("vec3", np.asarray(self.exponent))}
        if self.style == "clamp":
            body = f"c = pow(max(c, vec3(0.0)), {g});"
        elif self.style == "mirror":
            body = f"c = sign(c) * pow(abs(c), {g});"
        else:
            body = f"c = mix(pow(max(c, vec3(0.0)), {g}), c, lessThan(c, vec3(0.0)));"
        if self.style != "clamp":  # exponent 1 is an exact identity (GLSL pow goes through exp2/log2)
            body = f"if ({g} != vec3(1.0)) {{ {body} }}"
        return GlslSnippet(body=body, uniforms=uniforms)

    def inverse(self) -> ExponentOp:
        g0, g1, g2 = self.exponent
        return ExponentOp(
            exponent=(1.0 / g0, 1.0 / g1, 1.0 / g2),
            style=self.style,
            approximate=self.approximate,
            dynamic=self.dynamic,
        )

    def is_identity(self) -> bool:
        return self.exponent == (1.0, 1.0, 1.0) and self.style != "clamp"

    def is_inverse_of(self, other: Op) -> bool:
        # A clamping pair sends negatives to 0, so it is not an identity (OCIO keeps both ops).
        return self.style != "clamp" and super().is_inverse_of(other)


@dataclass(frozen=True, kw_only=True, eq=False)
class ExponentLinearOp(Op):
    """OCIO ExponentWithLinearTransform (CLF moncurve) per channel.

    Attributes
    ----------
    gamma
        Three exponents, each in (1, 10].
    offset
        Three offsets, each in (0, 0.9].
    decode
        True (OCIO's forward direction): encoded -> linear; False: linear -> encoded.
    style
        Negative style, ``"linear"`` (OCIO default) or ``"mirror"``.
    """

    kind = "exponent_linear"
    gamma: tuple[float, float, float] = (1.0, 1.0, 1.0)
    offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
    decode: bool = True
    style: MoncurveStyle = "linear"

    def __post_init__(self) -> None:
        gamma, offset = _triple(self.gamma, "gamma"), _triple(self.offset, "offset")
        if min(gamma) <= 1.0 or max(gamma) > 10.0:
            raise ArgumentError(f"moncurve gamma must be in (1, 10], got {gamma}")
        if min(offset) <= 0.0 or max(offset) > 0.9:
            raise ArgumentError(f"moncurve offset must be in (0, 0.9], got {offset}")
        if self.style not in ("linear", "mirror"):
            raise ArgumentError(f"moncurve style must be linear or mirror, got {self.style!r}")
        object.__setattr__(self, "gamma", gamma)
        object.__setattr__(self, "offset", offset)

    def _constants(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per-channel gamma, offset, encoded break and toe slope (CLF v3, 3.6.8)."""
        g, k = np.asarray(self.gamma), np.asarray(self.offset)
        x_break = k / (g - 1.0)
        slope = (g - 1.0) / k * ((k * g) / ((g - 1.0) * (1.0 + k))) ** g
        return g, k, x_break, slope

    def apply_planar(self, p: np.ndarray) -> None:
        g, k, x_break, slope = (_column(tuple(v), p.dtype) for v in self._constants())
        sign = None
        if self.style == "mirror":
            sign = np.sign(p)
            np.abs(p, out=p)
        # Power segment into `curve`, toe kept in `p` where the mask says so; two temporaries per tile.
        if self.decode:
            toe = p < x_break
            curve = p + k
            curve /= 1 + k
            np.maximum(curve, 0, out=curve)
            np.power(curve, g, out=curve)
            p *= slope
        else:
            toe = p < x_break * slope
            curve = np.maximum(p, 0)
            np.power(curve, 1 / g, out=curve)
            curve *= 1 + k
            curve -= k
            p /= slope
        np.copyto(p, curve, where=~toe)
        if sign is not None:
            p *= sign

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.decode, self.style)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        g, k, x_break, slope = self._constants()
        ng, nk, nb, ns = names("gamma"), names("offset"), names("break"), names("slope")
        uniforms = {ng: Uniform("vec3", g), nk: Uniform("vec3", k), ns: Uniform("vec3", slope)}
        lines = []
        src = "c"
        if self.style == "mirror":
            lines.append("vec3 s = sign(c);")
            lines.append("vec3 a = abs(c);")
            src = "a"
        if self.decode:
            uniforms[nb] = Uniform("vec3", x_break)
            lines.append(
                f"vec3 e = mix({src} * {ns}, pow(max(({src} + {nk}) / (1.0 + {nk}), vec3(0.0)), {ng}), "
                f"greaterThanEqual({src}, {nb}));"
            )
        else:
            uniforms[nb] = Uniform("vec3", x_break * slope)
            lines.append(
                f"vec3 e = mix({src} / {ns}, (1.0 + {nk}) * pow(max({src}, vec3(0.0)), 1.0 / {ng}) - {nk}, "
                f"greaterThanEqual({src}, {nb}));"
            )
        lines.append("c = s * e;" if self.style == "mirror" else "c = e;")
        return GlslSnippet(body="\n".join(lines), uniforms=uniforms)

    def inverse(self) -> ExponentLinearOp:
        return ExponentLinearOp(
            gamma=self.gamma, offset=self.offset, decode=not self.decode, style=self.style, dynamic=self.dynamic
        )
