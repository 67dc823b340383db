"""HDR curves: SMPTE ST 2084 (PQ) and ITU-R BT.2100 HLG (OETF, EOTF, OOTF).

``st2084_eotf`` decodes PQ code values to linear light normalised so that 1.0
is 10000 cd/m2 (``st2084_eotf_nits`` gives cd/m2); ``st2084_oetf`` is its
inverse (strictly the inverse EOTF; the name follows ``srgb_oetf``).

HLG (ITU-R BT.2100-2, table 5): the OETF maps scene light E in [0, 1] to the
signal E'. The OOTF maps scene light to display light in cd/m2,
``F_D = alpha Y_S^(gamma - 1) E`` with ``alpha`` the display's nominal peak
``L_W``, ``Y_S`` the BT.2100 luminance of the pixel and the system gamma
``gamma = 1.2 + 0.42 log10(L_W / 1000)``. The EOTF is
``F_D = OOTF(OETF^-1(max(0, (1 - beta) E' + beta)))`` with the black lift
``beta = sqrt(3 (L_B / L_W)^(1 / gamma))``. OOTF and EOTF couple the channels
through ``Y_S``: the in-place ``apply_*`` forms work on RGB pixels; the
scalar and array forms treat each value as a grey pixel. Defaults are the
BT.2100 reference display: ``L_W`` 1000 cd/m2, ``L_B`` 0.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from vfx_rs._validate import check_finite, check_inplace_float32
from vfx_rs.color.transfer.curve import TransferFunction, apply_function, elementwise_function
from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline import Op, Pipeline, RangeOp
from vfx_rs.pipeline.ops.luminance_power import LuminancePowerOp
from vfx_rs.pipeline.ops.transfer import FixedCurveOp

__all__ = [
    "HLG",
    "HLG_EOTF",
    "HLG_REFERENCE_PEAK",
    "ST2084",
    "ST2084_NITS",
    "apply_hlg_eotf",
    "apply_hlg_inverse_eotf",
    "apply_hlg_inverse_oetf",
    "apply_hlg_inverse_ootf",
    "apply_hlg_oetf",
    "apply_hlg_ootf",
    "apply_st2084_eotf",
    "apply_st2084_oetf",
    "hlg_black_lift",
    "hlg_eotf",
    "hlg_eotf_ops",
    "hlg_inverse_eotf",
    "hlg_inverse_oetf",
    "hlg_inverse_ootf",
    "hlg_oetf",
    "hlg_ootf",
    "hlg_ootf_ops",
    "hlg_system_gamma",
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

HLG_REFERENCE_PEAK = 1000.0
"""Nominal peak luminance L_W of the BT.2100 HLG reference display, cd/m2 (ITU-R BT.2100-2, table 5)."""


def hlg_system_gamma(peak: float = HLG_REFERENCE_PEAK) -> float:
    """The HLG system gamma for a display of nominal peak `peak` cd/m2: ``1.2 + 0.42 log10(peak / 1000)``.

    ITU-R BT.2100-2, table 5, HLG OOTF (the formula stated for 400 to 2000 cd/m2).
    """
    peak = check_finite(peak, "HLG display peak")
    if peak <= 0.0:
        raise ArgumentError(f"HLG display peak must be a positive number of cd/m2, got {peak!r}")
    return 1.2 + 0.42 * math.log10(peak / 1000.0)


def hlg_black_lift(peak: float = HLG_REFERENCE_PEAK, black: float = 0.0, gamma: float | None = None) -> float:
    """The HLG EOTF's black lift ``beta = sqrt(3 (L_B / L_W)^(1 / gamma))`` (ITU-R BT.2100-2, table 5)."""
    peak = check_finite(peak, "HLG display peak")
    black = check_finite(black, "HLG display black")
    gamma = hlg_system_gamma(peak) if gamma is None else check_finite(gamma, "HLG system gamma")
    if not (math.isfinite(black) and 0.0 <= black < peak) or not (math.isfinite(gamma) and gamma > 0.0):
        raise ArgumentError(f"HLG needs 0 <= black < peak and a positive gamma, got {black!r}, {peak!r}, {gamma!r}")
    return math.sqrt(3.0 * (black / peak) ** (1.0 / gamma))


def hlg_ootf_ops(peak: float = HLG_REFERENCE_PEAK, gamma: float | None = None) -> list[Op]:
    """The HLG OOTF as ops: scene light (0-1) to display light in cd/m2 (BT.2100-2, table 5)."""
    peak = check_finite(peak, "HLG display peak")
    gamma = hlg_system_gamma(peak) if gamma is None else check_finite(gamma, "HLG system gamma")
    return [LuminancePowerOp(gain=peak, exponent=gamma)]


def hlg_eotf_ops(peak: float = HLG_REFERENCE_PEAK, black: float = 0.0, gamma: float | None = None) -> list[Op]:
    """The HLG EOTF as ops: signal E' to display light in cd/m2 (BT.2100-2, table 5)."""
    beta = hlg_black_lift(peak, black, gamma)
    lift = RangeOp(scale=1.0 - beta, offset=beta, lo=0.0)
    return [lift, FixedCurveOp(curve="hlg", encode=False), *hlg_ootf_ops(peak, gamma)]


def _inverse_eotf_ops(peak: float, black: float, gamma: float | None) -> list[Op]:
    beta = hlg_black_lift(peak, black, gamma)
    ootf = hlg_ootf_ops(peak, gamma)[0]
    return [ootf.inverse(), FixedCurveOp(curve="hlg"), RangeOp(scale=1.0 / (1.0 - beta), offset=-beta / (1.0 - beta))]


HLG_EOTF = TransferFunction(
    name="hlg_eotf",
    encode=Pipeline(_inverse_eotf_ops(HLG_REFERENCE_PEAK, 0.0, None), optimize=False),
    decode=Pipeline(hlg_eotf_ops(), optimize=False),
    reference="ITU-R BT.2100-2, table 5 (HLG EOTF, 1000 cd/m2 reference display, L_B = 0; light in cd/m2)",
)
"""BT.2100 HLG EOTF of the 1000 cd/m2 reference display: decode is signal to cd/m2, encode its inverse."""


def hlg_eotf(signal: Any, peak: float = HLG_REFERENCE_PEAK, black: float = 0.0, gamma: float | None = None) -> Any:
    """HLG signal to display light in cd/m2, each value a grey pixel (BT.2100-2, table 5); negatives give 0."""
    return Pipeline(hlg_eotf_ops(peak, black, gamma), optimize=False).apply_elementwise(signal)


def hlg_inverse_eotf(
    nits: Any, peak: float = HLG_REFERENCE_PEAK, black: float = 0.0, gamma: float | None = None
) -> Any:
    """Display light in cd/m2 to HLG signal, each value a grey pixel (inverse of `hlg_eotf`)."""
    return Pipeline(_inverse_eotf_ops(peak, black, gamma), optimize=False).apply_elementwise(nits)


def hlg_ootf(scene: Any, peak: float = HLG_REFERENCE_PEAK, gamma: float | None = None) -> Any:
    """HLG OOTF: scene light (0-1) to display light in cd/m2, each value a grey pixel (``peak * E^gamma``)."""
    return Pipeline(hlg_ootf_ops(peak, gamma)).apply_elementwise(scene)


def hlg_inverse_ootf(nits: Any, peak: float = HLG_REFERENCE_PEAK, gamma: float | None = None) -> Any:
    """Inverse HLG OOTF: display light in cd/m2 to scene light, each value a grey pixel."""
    return Pipeline(hlg_ootf_ops(peak, gamma)).inverse().apply_elementwise(nits)


def apply_hlg_eotf(
    data: np.ndarray, peak: float = HLG_REFERENCE_PEAK, black: float = 0.0, gamma: float | None = None
) -> np.ndarray:
    """In place on float32 ``(..., 3|4)`` BT.2100 RGB (alpha untouched): HLG signal to display cd/m2."""
    check_inplace_float32(data, "data", channels=(3, 4))
    return Pipeline(hlg_eotf_ops(peak, black, gamma), optimize=False).apply(data)


def apply_hlg_inverse_eotf(
    data: np.ndarray, peak: float = HLG_REFERENCE_PEAK, black: float = 0.0, gamma: float | None = None
) -> np.ndarray:
    """In place on float32 ``(..., 3|4)`` BT.2100 RGB (alpha untouched): display cd/m2 to HLG signal."""
    check_inplace_float32(data, "data", channels=(3, 4))
    return Pipeline(_inverse_eotf_ops(peak, black, gamma), optimize=False).apply(data)


def apply_hlg_ootf(data: np.ndarray, peak: float = HLG_REFERENCE_PEAK, gamma: float | None = None) -> np.ndarray:
    """In place on float32 ``(..., 3|4)`` BT.2100 RGB (alpha untouched): scene light to display cd/m2."""
    check_inplace_float32(data, "data", channels=(3, 4))
    return Pipeline(hlg_ootf_ops(peak, gamma)).apply(data)


def apply_hlg_inverse_ootf(
    data: np.ndarray, peak: float = HLG_REFERENCE_PEAK, gamma: float | None = None
) -> np.ndarray:
    """In place on float32 ``(..., 3|4)`` BT.2100 RGB (alpha untouched): display cd/m2 to scene light."""
    check_inplace_float32(data, "data", channels=(3, 4))
    return Pipeline(hlg_ootf_ops(peak, gamma)).inverse().apply(data)
