"""Display and broadcast curves: sRGB, BT.709 OETF, BT.1886 EOTF and pure gammas.

Naming: ``*_eotf`` decodes code values to linear light, ``*_oetf`` encodes
linear to code values (for sRGB this is strictly the inverse EOTF of
IEC 61966-2-1; the contract calls it ``srgb_oetf``), ``*_inverse_*`` is the
inverse of the named function.
"""

from __future__ import annotations

from vfx_rs.color.transfer.curve import TransferFunction, apply_function, elementwise_function
from vfx_rs.pipeline.ops.exponent import ExponentOp
from vfx_rs.pipeline.ops.range import RangeOp
from vfx_rs.pipeline.ops.transfer import PiecewisePowerOp

__all__ = [
    "BT1886",
    "GAMMA22",
    "GAMMA24",
    "GAMMA26",
    "REC709",
    "SRGB",
    "apply_bt1886_eotf",
    "apply_gamma22_decode",
    "apply_gamma22_encode",
    "apply_rec709_inverse_oetf",
    "apply_rec709_oetf",
    "apply_srgb_eotf",
    "apply_srgb_oetf",
    "bt1886_eotf",
    "bt1886_inverse_eotf",
    "gamma22_decode",
    "gamma22_encode",
    "gamma24_decode",
    "gamma24_encode",
    "gamma26_decode",
    "gamma26_encode",
    "rec709_inverse_oetf",
    "rec709_oetf",
    "srgb_eotf",
    "srgb_oetf",
]

SRGB = TransferFunction.from_encoding(
    "srgb",
    PiecewisePowerOp(gamma=2.4, scale=1.055, offset=0.055, cut=0.0031308, toe_slope=12.92),
    "IEC 61966-2-1:1999, section 5.2 (linear below 0.0031308, 1.055 L^(1/2.4) - 0.055 above)",
)
"""sRGB: encode is the inverse EOTF; negatives follow the linear toe (as colour-science)."""

REC709 = TransferFunction.from_encoding(
    "rec709",
    PiecewisePowerOp(
        gamma=1 / 0.45, scale=1.099, offset=0.099, cut=0.018, toe_slope=4.5, decode_cut=1.099 * 0.018**0.45 - 0.099
    ),
    "ITU-R BT.709-6, item 1.2 (4.5 L below 0.018, 1.099 L^0.45 - 0.099 above); inverse breaks at the power "
    "segment's value at 0.018, as ITU-R BT.601 inverse and colour-science",
)
"""BT.709 camera OETF; negatives follow the linear toe."""

BT1886 = TransferFunction.from_encoding(
    "bt1886",
    # Clamp with a NaN-propagating range, then a plain power: NaN stays NaN (OCIO's clamping exponent maps it to 0).
    [RangeOp(lo=0.0), ExponentOp(exponent=(1 / 2.4,) * 3, style="pass")],
    "ITU-R BT.1886, Annex 1 (L = V^2.4 with L_B = 0, L_W = 1; negatives clamp to 0)",
)
"""BT.1886 reference EOTF with black 0 and white 1 (decode = EOTF)."""


def _gamma(value: float, name: str) -> TransferFunction:
    return TransferFunction.from_encoding(
        name, ExponentOp(exponent=(1 / value,) * 3, style="mirror"), f"pure power {value}, mirrored below zero"
    )


GAMMA22 = _gamma(2.2, "gamma22")
"""Pure 2.2 power, ``sign(x) |x|^(1/2.2)`` to encode (mirrored so negatives survive a round trip)."""
GAMMA24 = _gamma(2.4, "gamma24")
"""Pure 2.4 power, mirrored below zero."""
GAMMA26 = _gamma(2.6, "gamma26")
"""Pure 2.6 power (DCI projection), mirrored below zero."""

srgb_eotf = elementwise_function(SRGB.decode, "srgb_eotf", "sRGB code values to linear (IEC 61966-2-1, 5.2).")
srgb_oetf = elementwise_function(SRGB.encode, "srgb_oetf", "Linear to sRGB code values (IEC 61966-2-1 inverse EOTF).")
apply_srgb_eotf = apply_function(SRGB.decode, "apply_srgb_eotf", "In place: sRGB code values to linear.")
apply_srgb_oetf = apply_function(SRGB.encode, "apply_srgb_oetf", "In place: linear to sRGB code values.")
rec709_oetf = elementwise_function(REC709.encode, "rec709_oetf", "Scene linear to BT.709 code values (BT.709-6, 1.2).")
rec709_inverse_oetf = elementwise_function(REC709.decode, "rec709_inverse_oetf", "BT.709 code values to scene linear.")
apply_rec709_oetf = apply_function(REC709.encode, "apply_rec709_oetf", "In place: linear to BT.709 code values.")
apply_rec709_inverse_oetf = apply_function(REC709.decode, "apply_rec709_inverse_oetf", "In place: BT.709 to linear.")
bt1886_eotf = elementwise_function(BT1886.decode, "bt1886_eotf", "BT.1886 EOTF, V^2.4 (negatives clamp to 0).")
bt1886_inverse_eotf = elementwise_function(BT1886.encode, "bt1886_inverse_eotf", "Inverse BT.1886 EOTF, L^(1/2.4).")
apply_bt1886_eotf = apply_function(BT1886.decode, "apply_bt1886_eotf", "In place: BT.1886 EOTF.")
gamma22_decode = elementwise_function(GAMMA22.decode, "gamma22_decode", "sign(x) |x|^2.2.")
gamma22_encode = elementwise_function(GAMMA22.encode, "gamma22_encode", "sign(x) |x|^(1/2.2).")
apply_gamma22_decode = apply_function(GAMMA22.decode, "apply_gamma22_decode", "In place: sign(x) |x|^2.2.")
apply_gamma22_encode = apply_function(GAMMA22.encode, "apply_gamma22_encode", "In place: sign(x) |x|^(1/2.2).")
gamma24_decode = elementwise_function(GAMMA24.decode, "gamma24_decode", "sign(x) |x|^2.4.")
gamma24_encode = elementwise_function(GAMMA24.encode, "gamma24_encode", "sign(x) |x|^(1/2.4).")
gamma26_decode = elementwise_function(GAMMA26.decode, "gamma26_decode", "sign(x) |x|^2.6.")
gamma26_encode = elementwise_function(GAMMA26.encode, "gamma26_encode", "sign(x) |x|^(1/2.6).")
