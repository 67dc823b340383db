"""A gain and a power of luminance applied to all channels alike: the BT.2100 HLG OOTF.

ITU-R BT.2100-2, table 5, HLG reference OOTF::

    F_D = alpha * Y_S ** (gamma - 1) * E,   Y_S = 0.2627 R_S + 0.6780 G_S + 0.0593 B_S

The op computes ``gain * |Y| ** (exponent - 1) * rgb`` with ``Y`` the
weighted sum of the channels (``|Y|`` as colour-science does, so negative
luminance maps symmetrically and round-trips). Its inverse is the same
op with ``gain ** (-1 / exponent)`` and ``1 / exponent``, since
``Y_D = gain * |Y_S| ** exponent`` (BT.2100-2 gives the inverse OOTF in this
form). A pixel of zero luminance maps to 0 (as colour-science's inverse OOTF)
where the exponent is below 1.

An optional luminance ``floor`` replaces ``|Y|`` by ``max(|Y|, floor)`` in the
gain, as OpenColorIO's Rec.2100 surround op does (``FixedFunctionOpCPU.cpp``,
``Renderer_REC2100_Surround``: floor 1e-4 forward, ``1e-4 ** gamma`` inverse)
so that the gain of dark pixels stays bounded; below the floor the op is a
plain scale, and the inverse's floor is the forward's output luminance there
(``gain * floor ** exponent``), so the pair still round-trips.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform
from vfx_rs.pipeline.ops.bspline import quiet_float_errors

__all__ = ["BT2100_LUMA", "LuminancePowerOp"]

BT2100_LUMA = (0.2627, 0.6780, 0.0593)
"""BT.2020 / BT.2100 luminance weights of R, G, B (ITU-R BT.2100-2, table 5, HLG OOTF)."""


@dataclass(frozen=True, kw_only=True, eq=False)
class LuminancePowerOp(Op):
    """``gain * |w . rgb| ** (exponent - 1) * rgb``.

    Attributes
    ----------
    gain
        Positive scale (BT.2100's alpha: the display's nominal peak in cd/m2).
    exponent
        Positive luminance exponent (BT.2100's system gamma).
    weights
        Luminance weights of R, G and B.
    floor
        Non-negative lower limit of ``|Y|`` in the gain (0: none).
    """

    kind = "luminance_power"
    gain: float = 1.0
    exponent: float = 1.0
    weights: tuple[float, float, float] = BT2100_LUMA
    floor: float = 0.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.gain) and self.gain > 0.0 and math.isfinite(self.exponent) and self.exponent > 0.0):
            raise ArgumentError(f"luminance power op needs a positive finite gain and exponent: {self!r}")
        weights = tuple(float(w) for w in self.weights)
        if len(weights) != 3 or not all(math.isfinite(w) for w in weights):
            raise ArgumentError(f"luminance power op needs three finite weights, got {self.weights!r}")
        if not (math.isfinite(self.floor) and self.floor >= 0.0):
            raise ArgumentError(f"luminance power op needs a finite non-negative floor: {self!r}")
        object.__setattr__(self, "floor", float(self.floor))
        object.__setattr__(self, "gain", float(self.gain))
        object.__setattr__(self, "exponent", float(self.exponent))
        object.__setattr__(self, "weights", weights)

    @quiet_float_errors  # inf - inf in the luminance is NaN as in OCIO, not a warning
    def apply_planar(self, p: np.ndarray) -> None:
        t = p.dtype.type
        w = self.weights
        y = np.abs(t(w[0]) * p[0] + t(w[1]) * p[1] + t(w[2]) * p[2])
        if self.floor > 0.0:
            np.fmax(y, t(self.floor), out=y)  # a NaN luminance takes the floor (OCIO std::max(m_minLum, Y))
        # The power in float64, rounded once: NumPy's float32 power is off by an ulp about a fifth of the time
        # where OCIO's powf is not, and steep ops after it (HSV_TO_RGB) amplify that. The exponent less one in
        # the data's precision, as OCIO's ``m_gamma = gamma - 1.f``.
        power = np.power(y.astype(np.float64), np.float64(t(self.exponent) - t(1.0))).astype(t)
        scale = t(self.gain) * power
        if self.exponent < 1.0:
            scale[y == 0.0] = 0.0  # 0 ** negative is inf; zero luminance stays black
        p *= scale

    def glsl(self, names: GlslNames) -> GlslSnippet:
        g, e, w, f = names("gain"), names("exponent"), names("weights"), names("floor")
        uniforms = {
            g: Uniform("float", self.gain),
            e: Uniform("float", self.exponent),
            w: Uniform("vec3", np.asarray(self.weights)),
            f: Uniform("float", self.floor),
        }
        body = (
            f"float y = max(abs(dot(c, {w})), {f});\nc *= y > 0.0 ? {g} * pow(y, {e} - 1.0) : ({e} == 1.0 ? {g} : 0.0);"
        )
        return GlslSnippet(body=body, uniforms=uniforms)

    def inverse(self) -> LuminancePowerOp:
        return LuminancePowerOp(
            gain=self.gain ** (-1.0 / self.exponent),
            exponent=1.0 / self.exponent,
            weights=self.weights,
            floor=self.gain * self.floor**self.exponent,
            dynamic=self.dynamic,
        )

    def is_identity(self) -> bool:
        return self.gain == 1.0 and self.exponent == 1.0
