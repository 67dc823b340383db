"""HDR curves: SMPTE ST 2084 (PQ) and the ITU-R BT.2100 HLG OETF.

``st2084_eotf`` decodes PQ code values to linear light normalised so that 1.0
is 10000 cd/m2 (``st2084_eotf_nits`` gives cd/m2); ``st2084_oetf`` is its
inverse (strictly the inverse EOTF; the name follows ``srgb_oetf``). The HLG
system OOTF/EOTF depend on display luminance and luma, not per channel, and
are not provided here.
"""

from __future__ import annotations

from vfx_rs.color.transfer.curve import TransferFunction, apply_function, elementwise_function
from vfx_rs.pipeline import RangeOp
from vfx_rs.pipeline.ops.transfer import FixedCurveOp

__all__ = [
    "HLG",
    "ST2084",
    "ST2084_NITS",
    "apply_hlg_inverse_oetf",
    "apply_hlg_oetf",
    "apply_st2084_eotf",
    "apply_st2084_oetf",
    "hlg_inverse_oetf",
    "hlg_oetf",
    "st2084_eotf",
    "st2084_eotf_nits",
    "st2084_oetf",
    "st2084_oetf_nits",
]

PQ_PEAK_NITS = 10000.0
"""Luminance of PQ code value 1.0 in cd/m2 (SMPTE ST 2084:2014, section 5)."""

ST2084 = TransferFunction.from_encoding(
    "st2084", FixedCurveOp(curve="st2084"), "SMPTE ST 2084:2014, section 5 (1.0 = 10000 cd/m2)"
)
"""PQ with linear light normalised to 10000 cd/m2."""

ST2084_NITS = TransferFunction.from_encoding(
    "st2084_nits",
    [RangeOp(scale=1.0 / PQ_PEAK_NITS), FixedCurveOp(curve="st2084")],
    "SMPTE ST 2084:2014, section 5 (linear light in cd/m2)",
)
"""PQ with linear light in absolute cd/m2."""

HLG = TransferFunction.from_encoding("hlg", FixedCurveOp(curve="hlg"), "ITU-R BT.2100-2, table 5 (HLG OETF)")
"""BT.2100 HLG OETF (scene linear 0-1 to signal 0-1), mirrored below zero."""

st2084_eotf = elementwise_function(ST2084.decode, "st2084_eotf", "PQ code values to linear (1.0 = 10000 cd/m2).")
st2084_oetf = elementwise_function(ST2084.encode, "st2084_oetf", "Linear (1.0 = 10000 cd/m2) to PQ code values.")
st2084_eotf_nits = elementwise_function(ST2084_NITS.decode, "st2084_eotf_nits", "PQ code values to cd/m2.")
st2084_oetf_nits = elementwise_function(ST2084_NITS.encode, "st2084_oetf_nits", "cd/m2 to PQ code values.")
apply_st2084_eotf = apply_function(ST2084.decode, "apply_st2084_eotf", "In place: PQ to linear (1.0 = 10000 cd/m2).")
apply_st2084_oetf = apply_function(ST2084.encode, "apply_st2084_oetf", "In place: linear (1.0 = 10000 cd/m2) to PQ.")
hlg_oetf = elementwise_function(HLG.encode, "hlg_oetf", "Scene linear to HLG signal (BT.2100 OETF).")
hlg_inverse_oetf = elementwise_function(HLG.decode, "hlg_inverse_oetf", "HLG signal to scene linear.")
apply_hlg_oetf = apply_function(HLG.encode, "apply_hlg_oetf", "In place: BT.2100 HLG OETF.")
apply_hlg_inverse_oetf = apply_function(HLG.decode, "apply_hlg_inverse_oetf", "In place: inverse HLG OETF.")
