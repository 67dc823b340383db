"""Camera and grading log curves, each as its vendor publishes it.

Every curve but ACEScc and Apple Log (`FixedCurveOp`) and Canon Log 2/3 (`SignedLogOp`, mirrored below zero)
is a `PiecewiseLogOp` with the published constants; ``*_encode``
maps scene linear to the log signal (normalised code values 0-1),
``*_decode`` back. Negatives follow the toe line, as the documents' formulas do.
"""

from __future__ import annotations

import math

from vfx_rs.color.transfer.curve import TransferFunction, apply_function, elementwise_function
from vfx_rs.pipeline.ops.range import RangeOp
from vfx_rs.pipeline.ops.signed_log import SignedLogOp
from vfx_rs.pipeline.ops.transfer import FixedCurveOp, PiecewiseLogOp

__all__ = [
    "ACESCC",
    "ACESCCT",
    "APPLE_LOG",
    "ARRI_LOGC3",
    "ARRI_LOGC4",
    "BLACKMAGIC_FILM_GEN5",
    "CANON_LOG2",
    "CANON_LOG3",
    "CANON_REFLECTION_WHITE",
    "DAVINCI_INTERMEDIATE",
    "PANASONIC_VLOG",
    "RED_LOG3G10",
    "SONY_SLOG3",
    "acescc_decode",
    "acescc_encode",
    "acescct_decode",
    "acescct_encode",
    "apple_log_decode",
    "apple_log_encode",
    "apply_acescc_decode",
    "apply_acescc_encode",
    "apply_acescct_decode",
    "apply_acescct_encode",
    "apply_canon_log2_decode",
    "apply_canon_log2_encode",
    "apply_canon_log3_decode",
    "apply_canon_log3_encode",
    "arri_logc3_decode",
    "arri_logc3_encode",
    "arri_logc4_decode",
    "arri_logc4_encode",
    "blackmagic_film_gen5_decode",
    "blackmagic_film_gen5_encode",
    "canon_log2_decode",
    "canon_log2_encode",
    "canon_log3_decode",
    "canon_log3_encode",
    "davinci_intermediate_decode",
    "davinci_intermediate_encode",
    "panasonic_vlog_decode",
    "panasonic_vlog_encode",
    "red_log3g10_decode",
    "red_log3g10_encode",
    "sony_slog3_decode",
    "sony_slog3_encode",
]

ACESCC = TransferFunction.from_encoding(
    "acescc", FixedCurveOp(curve="acescc"), "ACES S-2014-003 (ACEScc), sections 4.4 and 4.5"
)
"""ACEScc log encoding of ACES AP1 linear values (pure log2, half-slope toe, 65504 ceiling on decode)."""

APPLE_LOG = TransferFunction.from_encoding(
    "apple_log", FixedCurveOp(curve="apple_log"), "Apple 'Apple Log Profile' white paper (2023), section 'Apple Log'"
)
"""Apple Log (quadratic toe from R0, log2 above Rt; values below R0 encode to 0)."""

ACESCCT = TransferFunction.from_encoding(
    "acescct",
    PiecewiseLogOp(
        base=2.0,
        log_slope=1 / 17.52,
        log_offset=9.72 / 17.52,
        cut=0.0078125,
        toe_slope=10.5402377416545,
        toe_offset=0.0729055341958355,
    ),
    "ACES S-2016-001 (ACEScct), section 4.4: toe below 2^-7, (log2(x) + 9.72) / 17.52 above",
)
"""ACEScct log encoding of ACES AP1 linear values."""

ARRI_LOGC3 = TransferFunction.from_encoding(
    "arri_logc3",
    PiecewiseLogOp(
        base=10.0,
        log_slope=0.247190,
        log_offset=0.385537,
        lin_slope=5.555556,
        lin_offset=0.052272,
        cut=0.010591,
        toe_slope=5.367655,
        toe_offset=0.092809,
    ),
    "ARRI 'ALEXA Log C Curve: Usage in VFX' (2017), table for SUP 3.x, EI 800, scene linear exposure",
)
"""ARRI LogC3 at EI 800."""

_LOGC4_A = (2.0**18 - 16.0) / 117.45
_LOGC4_B = (1023.0 - 95.0) / 1023.0
_LOGC4_C = 95.0 / 1023.0
_LOGC4_S = (7.0 * math.log(2.0) * 2.0 ** (7.0 - 14.0 * _LOGC4_C / _LOGC4_B)) / (_LOGC4_A * _LOGC4_B)
_LOGC4_T = (2.0 ** (14.0 * (-_LOGC4_C / _LOGC4_B) + 6.0) - 64.0) / _LOGC4_A
ARRI_LOGC4 = TransferFunction.from_encoding(
    "arri_logc4",
    PiecewiseLogOp(
        base=2.0,
        log_slope=_LOGC4_B / 14.0,
        log_offset=_LOGC4_C - 6.0 * _LOGC4_B / 14.0,
        lin_slope=_LOGC4_A,
        lin_offset=64.0,
        cut=_LOGC4_T,
        toe_slope=1.0 / _LOGC4_S,
        toe_offset=-_LOGC4_T / _LOGC4_S,
    ),
    "ARRI 'LogC4 Logarithmic Color Space Specification' (2022), section 3: a, b, c, s, t",
)
"""ARRI LogC4: ``(log2(a x + 64) - 6) / 14 * b + c`` above t, ``(x - t) / s`` below."""

SONY_SLOG3 = TransferFunction.from_encoding(
    "sony_slog3",
    PiecewiseLogOp(
        base=10.0,
        log_slope=261.5 / 1023.0,
        log_offset=420.0 / 1023.0,
        lin_slope=1.0 / 0.19,
        lin_offset=0.01 / 0.19,
        cut=0.01125,
        toe_slope=(171.2102946929 - 95.0) / 0.01125 / 1023.0,
        toe_offset=95.0 / 1023.0,
    ),
    "Sony 'Technical Summary for S-Gamut3.Cine/S-Log3 and S-Gamut3/S-Log3', section 2 (reflection in)",
)
"""Sony S-Log3 (input as scene reflection, output normalised code value)."""

PANASONIC_VLOG = TransferFunction.from_encoding(
    "panasonic_vlog",
    PiecewiseLogOp(
        base=10.0,
        log_slope=0.241514,
        log_offset=0.598206,
        lin_offset=0.00873,
        cut=0.01,
        toe_slope=5.6,
        toe_offset=0.125,
        toe_at_cut=False,
    ),
    "Panasonic 'V-Log/V-Gamut Reference Manual' (2014), section 3.2: cut1 0.01, b 0.00873, c 0.241514, d 0.598206",
)
"""Panasonic V-Log."""

_DWG_C = 0.07329248
DAVINCI_INTERMEDIATE = TransferFunction.from_encoding(
    "davinci_intermediate",
    PiecewiseLogOp(
        base=2.0,
        log_slope=_DWG_C,
        log_offset=7.0 * _DWG_C,
        lin_offset=0.0075,
        cut=0.00262409,
        toe_slope=10.44426855,
    ),
    "Blackmagic 'DaVinci Wide Gamut Intermediate' (DaVinci Resolve 17): A 0.0075, B 7.0, C 0.07329248, M 10.44426855",
)
"""DaVinci Intermediate log."""

_RED_B = 155.975327
_RED_G = 15.1927
RED_LOG3G10 = TransferFunction.from_encoding(
    "red_log3g10",
    PiecewiseLogOp(
        base=10.0,
        log_slope=0.224282,
        lin_slope=_RED_B,
        lin_offset=0.01 * _RED_B + 1.0,
        cut=-0.01,
        toe_slope=_RED_G,
        toe_offset=0.01 * _RED_G,
    ),
    "RED 'REDWideGamutRGB and Log3G10' white paper (IPP2), v3: a 0.224282, b 155.975327, c 0.01, g 15.1927",
)
"""RED Log3G10 (version 3, with the 0.01 black offset)."""

BLACKMAGIC_FILM_GEN5 = TransferFunction.from_encoding(
    "blackmagic_film_gen5",
    PiecewiseLogOp(
        base=math.e,
        log_slope=0.08692876065491224,
        log_offset=0.5300133392291939,
        lin_offset=0.005494072432257808,
        cut=0.005,
        toe_slope=8.283605932402494,
        toe_offset=0.09246575342465753,
    ),
    "Blackmagic 'Blackmagic Generation 5 Color Science' (2021), appendix: A, B, C, D, E, LIN_CUT",
)
"""Blackmagic Film Generation 5."""

CANON_REFLECTION_WHITE = 0.9
"""Canon's curves take reflectance, where scene linear 0.9 is 100 % (Canon "Canon Log Gamma Curves", v1.2 notes)."""

_CLOG2_A, _CLOG2_B, _CLOG2_C = 0.24136077, 87.09937546, 0.092864125
CANON_LOG2 = TransferFunction.from_encoding(
    "canon_log2",
    [
        RangeOp(scale=1.0 / CANON_REFLECTION_WHITE),
        SignedLogOp(
            log_slope=_CLOG2_A,
            lin_slope=_CLOG2_B,
            pos_offset=_CLOG2_C,
            neg_offset=_CLOG2_C,
            mid_slope=_CLOG2_A * _CLOG2_B / math.log(10.0),
            mid_offset=_CLOG2_C,
            lo_code=_CLOG2_C,
            hi_code=_CLOG2_C,
        ),
    ],
    "Canon 'Canon Log Gamma Curves' white paper (2020), Canon Log 2 v1.2: "
    "0.24136077 log10(87.09937546 x + 1) + 0.092864125, mirrored below 0; x = linear / 0.9",
)
"""Canon Log 2 (v1.2), scene linear to normalised code values (legal range, as Canon publishes it)."""

CANON_LOG3 = TransferFunction.from_encoding(
    "canon_log3",
    [
        RangeOp(scale=1.0 / CANON_REFLECTION_WHITE),
        SignedLogOp(
            log_slope=0.36726845,
            lin_slope=14.98325,
            pos_offset=0.12240537,
            neg_offset=0.12783901,
            mid_slope=1.9754798,
            mid_offset=0.12512219,
            lo_code=0.097465473,
            hi_code=0.15277891,
        ),
    ],
    "Canon 'Canon Log Gamma Curves' white paper (2020), Canon Log 3 v1.2: log branches "
    "0.36726845 log10(14.98325 |x| + 1) about 0.12240537 / 0.12783901, line 1.9754798 x + 0.12512219 "
    "between codes 0.097465473 and 0.15277891; x = linear / 0.9",
)
"""Canon Log 3 (v1.2), scene linear to normalised code values (legal range, as Canon publishes it)."""

acescc_encode = elementwise_function(ACESCC.encode, "acescc_encode", "ACES AP1 linear to ACEScc.")
acescc_decode = elementwise_function(ACESCC.decode, "acescc_decode", "ACEScc to ACES AP1 linear.")
apply_acescc_encode = apply_function(ACESCC.encode, "apply_acescc_encode", "In place: linear to ACEScc.")
apply_acescc_decode = apply_function(ACESCC.decode, "apply_acescc_decode", "In place: ACEScc to linear.")
apple_log_encode = elementwise_function(APPLE_LOG.encode, "apple_log_encode", "Scene linear to Apple Log.")
apple_log_decode = elementwise_function(APPLE_LOG.decode, "apple_log_decode", "Apple Log to scene linear.")
acescct_encode = elementwise_function(ACESCCT.encode, "acescct_encode", "ACES AP1 linear to ACEScct.")
acescct_decode = elementwise_function(ACESCCT.decode, "acescct_decode", "ACEScct to ACES AP1 linear.")
apply_acescct_encode = apply_function(ACESCCT.encode, "apply_acescct_encode", "In place: linear to ACEScct.")
apply_acescct_decode = apply_function(ACESCCT.decode, "apply_acescct_decode", "In place: ACEScct to linear.")
arri_logc3_encode = elementwise_function(ARRI_LOGC3.encode, "arri_logc3_encode", "Linear to ARRI LogC3 (EI 800).")
arri_logc3_decode = elementwise_function(ARRI_LOGC3.decode, "arri_logc3_decode", "ARRI LogC3 (EI 800) to linear.")
arri_logc4_encode = elementwise_function(ARRI_LOGC4.encode, "arri_logc4_encode", "Linear to ARRI LogC4.")
arri_logc4_decode = elementwise_function(ARRI_LOGC4.decode, "arri_logc4_decode", "ARRI LogC4 to linear.")
sony_slog3_encode = elementwise_function(SONY_SLOG3.encode, "sony_slog3_encode", "Linear to Sony S-Log3.")
sony_slog3_decode = elementwise_function(SONY_SLOG3.decode, "sony_slog3_decode", "Sony S-Log3 to linear.")
panasonic_vlog_encode = elementwise_function(PANASONIC_VLOG.encode, "panasonic_vlog_encode", "Linear to V-Log.")
panasonic_vlog_decode = elementwise_function(PANASONIC_VLOG.decode, "panasonic_vlog_decode", "V-Log to linear.")
davinci_intermediate_encode = elementwise_function(
    DAVINCI_INTERMEDIATE.encode, "davinci_intermediate_encode", "Linear to DaVinci Intermediate."
)
davinci_intermediate_decode = elementwise_function(
    DAVINCI_INTERMEDIATE.decode, "davinci_intermediate_decode", "DaVinci Intermediate to linear."
)
red_log3g10_encode = elementwise_function(RED_LOG3G10.encode, "red_log3g10_encode", "Linear to RED Log3G10.")
red_log3g10_decode = elementwise_function(RED_LOG3G10.decode, "red_log3g10_decode", "RED Log3G10 to linear.")
blackmagic_film_gen5_encode = elementwise_function(
    BLACKMAGIC_FILM_GEN5.encode, "blackmagic_film_gen5_encode", "Linear to Blackmagic Film Gen 5."
)
blackmagic_film_gen5_decode = elementwise_function(
    BLACKMAGIC_FILM_GEN5.decode, "blackmagic_film_gen5_decode", "Blackmagic Film Gen 5 to linear."
)
canon_log2_encode = elementwise_function(CANON_LOG2.encode, "canon_log2_encode", "Scene linear to Canon Log 2.")
canon_log2_decode = elementwise_function(CANON_LOG2.decode, "canon_log2_decode", "Canon Log 2 to scene linear.")
canon_log3_encode = elementwise_function(CANON_LOG3.encode, "canon_log3_encode", "Scene linear to Canon Log 3.")
canon_log3_decode = elementwise_function(CANON_LOG3.decode, "canon_log3_decode", "Canon Log 3 to scene linear.")
apply_canon_log2_encode = apply_function(
    CANON_LOG2.encode, "apply_canon_log2_encode", "In place: linear to Canon Log 2."
)
apply_canon_log2_decode = apply_function(
    CANON_LOG2.decode, "apply_canon_log2_decode", "In place: Canon Log 2 to linear."
)
apply_canon_log3_encode = apply_function(
    CANON_LOG3.encode, "apply_canon_log3_encode", "In place: linear to Canon Log 3."
)
apply_canon_log3_decode = apply_function(
    CANON_LOG3.decode, "apply_canon_log3_decode", "In place: Canon Log 3 to linear."
)
