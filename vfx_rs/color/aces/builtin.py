"""The ACES BuiltinTransform styles of OpenColorIO as pipeline ops (1.x here, 2.0 from `aces2`).

Each style expands to the chain OpenColorIO 2 builds for it
(``src/OpenColorIO/transforms/builtins/ACES.cpp``, namespaces ACES_OUTPUT
and ACES): the RRT preamble (glow, red modifier, clamps, AP0 to AP1, the RRT
desaturation), the combined RRT + ODT tone scale as two quadratic B-splines in
log10 space (`vfx_rs.color.aces.tonescale`), the cinema black/white or
HDR luminance normalisation, the video surround and saturation adjustment,
the limiting primaries clamp or the D60/DCI white simulation (white roll-off,
clamp, scale), ending in CIE XYZ (D65). Matrices come from `vfx_rs.color`
(SMPTE RP 177 with Bradford adaptation where OCIO adapts). The ACES 1.3
Reference Gamut Compression LMT runs in AP1 between AP0 conversions. The ACES 2.0 styles
(``..._2.0``) come from `vfx_rs.color.aces.aces2`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from vfx_rs.color.aces.aces2 import ACES2_STYLES
from vfx_rs.color.aces.tonescale import HDR_TONE_CURVES, hdr_tone_curve, sdr_tone_curve
from vfx_rs.color.matrices import adaptation_matrix, rgb_to_rgb_matrix, rgb_to_xyz_matrix
from vfx_rs.color.spaces import color_space
from vfx_rs.errors import NotFoundError
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import (
    AcesDarkToDimOp,
    AcesGamutCompressOp,
    AcesGlowOp,
    AcesRedModOp,
    BSplineCurveOp,
    LogOp,
    MatrixOp,
    RangeOp,
)
from vfx_rs.pipeline.ops.aces import AP1_LUMA

__all__ = [
    "BUILTIN_STYLES",
    "CINEMA_BLACK",
    "CINEMA_WHITE",
    "DIM_SURROUND_GAMMA",
    "GLOW_GAIN",
    "GLOW_MID",
    "HDR_Y_MIN",
    "ODT_SAT_FACTOR",
    "RRT_SAT_FACTOR",
    "builtin_ops",
    "builtin_styles",
    "hdr_primary_clamp",
    "hdr_tonescale",
    "roll_white",
    "rrt_preamble",
    "sat_matrix",
    "sdr_primary_clamp",
    "sdr_tonescale",
    "video_adjustment",
]

RRT_SAT_FACTOR = 0.96
"""RRT global desaturation (aces-dev ``RRT.ctl`` RRT_SAT_FACTOR)."""

ODT_SAT_FACTOR = 0.93
"""Video ODTs' desaturation for 48 to 100 nits (``ODT.Academy.*_100nits_dim.ctl`` ODT_SAT_FACTOR)."""

CINEMA_WHITE, CINEMA_BLACK = 48.0, 0.02
"""Cinema white and black luminance in cd/m2 (``ACESlib.ODT_Common.ctl`` CINEMA_WHITE, CINEMA_BLACK)."""

DIM_SURROUND_GAMMA = 0.9811
"""Dark to dim surround gamma of the video ODTs (``ACESlib.ODT_Common.ctl`` DIM_SURROUND_GAMMA)."""

GLOW_GAIN, GLOW_MID = 0.05, 0.08
"""RRT glow gain and mid point (``RRT.ctl`` RRT_GLOW_GAIN, RRT_GLOW_MID; OCIO ACES_GLOW_10)."""

HDR_Y_MIN = 0.0001
"""Black luminance of the ACES 1.1 HDR output transforms in cd/m2 (OCIO ACES.cpp, Y_MIN)."""

_GAMUT_COMPRESS_13 = AcesGamutCompressOp(limits=(1.147, 1.264, 1.312), thresholds=(0.815, 0.803, 0.880), power=1.2)
"""ACES 1.3 Reference Gamut Compression parameters (``LMT.Academy.ReferenceGamutCompress.ctl``: LIM_CYAN..., PWR)."""


def sat_matrix(factor: float) -> np.ndarray:
    """``calc_sat_adjust_matrix`` (ACESlib.Utilities_Color.ctl) with the AP1 luminance weights."""
    luma = np.asarray(AP1_LUMA)
    return (1.0 - factor) * np.tile(luma, (3, 1)) + factor * np.eye(3)


def _m(matrix: np.ndarray) -> MatrixOp:
    return MatrixOp(matrix=matrix)


def _scale_offset(scale: float, offset: float = 0.0) -> RangeOp:
    return RangeOp(scale=scale, offset=offset)


def _ap0_to_ap1() -> MatrixOp:
    return _m(rgb_to_rgb_matrix("ACES2065-1", "ACEScg", None))


def _ap1_to_xyz_d65() -> MatrixOp:
    return _m(rgb_to_rgb_matrix("ACEScg", "CIE XYZ", "bradford"))


def rrt_preamble() -> list[Op]:
    """Glow, red modifier, clamps around AP0 to AP1, RRT desaturation (OCIO Generate_RRT_preamble_ops)."""
    clamp_low = RangeOp(lo=0.0, nan_to_bound=True)
    return [
        AcesGlowOp(gain=GLOW_GAIN, mid=GLOW_MID),
        AcesRedModOp(),
        clamp_low,
        _ap0_to_ap1(),
        clamp_low,
        _m(sat_matrix(RRT_SAT_FACTOR)),
    ]


def _log10(to_log: bool) -> LogOp:
    return LogOp(base=10.0, to_log=to_log)


def sdr_tonescale() -> list[Op]:
    """RRT + SDR ODT tone scale in log10, then cinema black/white to [0, 1] (OCIO Generate_tonecurve_ops)."""
    scale = 1.0 / (CINEMA_WHITE - CINEMA_BLACK)
    return [_log10(True), *sdr_tone_curve(), _log10(False), _scale_offset(scale, -CINEMA_BLACK * scale)]


def hdr_tonescale(peak: float) -> list[Op]:
    """RRT + HDR ODT tone scale for a peak in cd/m2, normalised to [Y_MIN, peak] (Generate_hdr_tonecurve_ops)."""
    scale = 1.0 / (peak - HDR_Y_MIN)
    return [_log10(True), hdr_tone_curve(peak), _log10(False), _scale_offset(scale, -HDR_Y_MIN * scale)]


def video_adjustment() -> list[Op]:
    """Dark to dim surround and the 100-nit desaturation (OCIO Generate_video_adjustment_ops)."""
    return [AcesDarkToDimOp(gamma=DIM_SURROUND_GAMMA), _m(sat_matrix(ODT_SAT_FACTOR))]


def _unit_clamp() -> RangeOp:
    return RangeOp(lo=0.0, hi=1.0, nan_to_bound=True)


def sdr_primary_clamp(limit: str) -> list[Op]:
    """AP1 to the limiting primaries (Bradford), clamp to [0, 1], to XYZ (Generate_sdr_primary_clamp_ops)."""
    return [_m(rgb_to_rgb_matrix("ACEScg", limit, "bradford")), _unit_clamp(), _m(rgb_to_xyz_matrix(limit))]


def hdr_primary_clamp(limit: str) -> list[Op]:
    """AP1 to limiting primaries unadapted, clamp, to XYZ, D60 to D65 Bradford (Generate_hdr_primary_clamp_ops)."""
    d60, d65 = color_space("ACEScg").whitepoint, color_space("CIE XYZ").whitepoint
    return [
        _m(rgb_to_rgb_matrix("ACEScg", limit, None)),
        _unit_clamp(),
        _m(rgb_to_xyz_matrix(limit)),
        _m(adaptation_matrix(d60, d65, "bradford")),
    ]


def _d60_sim(white_scale: float, video: bool) -> list[Op]:
    """Clamp at 1, scale the white down, AP1 to XYZ without adaptation (OCIO ..._D60sim-D65 styles)."""
    ops: list[Op] = [RangeOp(hi=1.0), _scale_offset(white_scale)]
    if video:
        ops += video_adjustment()
    return [*ops, _m(rgb_to_xyz_matrix("ACEScg"))]


def roll_white(new_white: float) -> BSplineCurveOp:
    """``roll_white_fwd`` (aces-dev ``ODT.Academy.P3DCI_D60sim_48nits.ctl``, width 0.5): identity below 0.5, a
    quadratic from 0.5 up to 1 where it reaches `new_white`, then a line (OCIO Generate_roll_white_*_ops).

    OCIO tabulates the function on half floats (CreateHalfLut); between half codes it is so nearly linear
    (second derivative 0.66, spacing 2**-11 near 1) that the exact curve here differs by under 1e-7.
    The identity is an explicit segment from a knot at 0, so that values near 0 are not offset by the 0.5 knot
    (``x - 0.5 + 0.5`` in float32 would round them to multiples of 3e-8).
    """
    y0, y1, m1 = -new_white, -0.5, 0.5
    a, b, c = y0 - y1 + m1, 2.0 * (y1 - y0) - m1, y0
    # With u = x - 0.5 the CTL's -((a t + b) t + c), t = 2 (1 - x), is -(a + b + c) + (4a + 2b) u - 4a u^2.
    roll = (-4.0 * a, 4.0 * a + 2.0 * b, -(a + b + c))
    return BSplineCurveOp(knots=(0.0, 0.5, 1.0), coefs=((0.0, 1.0, 0.0), roll))


def _dci_sim(new_white: float, white_scale: float, to_xyz: MatrixOp) -> list[Op]:
    """Roll the white down, clamp there, scale, to XYZ, then DCI white to D65 (Bradford): OCIO's DCI styles."""
    dci, d65 = color_space("DCI-P3").whitepoint, color_space("CIE XYZ").whitepoint
    return [
        roll_white(new_white),
        RangeOp(hi=new_white),
        _scale_offset(white_scale),
        to_xyz,
        _m(adaptation_matrix(dci, d65, "bradford")),
    ]


def _output(*parts: Callable[[], Sequence[Op]]) -> Callable[[], list[Op]]:
    """A style builder concatenating the parts, each built when the style is."""
    return lambda: [op for part in parts for op in part()]


def _lmt_gamut_compress() -> list[Op]:
    to_ap1 = _ap0_to_ap1()
    return [to_ap1, _GAMUT_COMPRESS_13, to_ap1.inverse()]


def _styles() -> dict[str, Callable[[], list[Op]]]:
    out = "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - "
    rrt, sdr, video = rrt_preamble, sdr_tonescale, video_adjustment

    def xyz() -> list[Op]:
        return [_ap1_to_xyz_d65()]

    def clamp(limit: str) -> Callable[[], list[Op]]:
        return lambda: sdr_primary_clamp(limit)

    styles: dict[str, Callable[[], list[Op]]] = {
        "ACES-LMT - ACES 1.3 Reference Gamut Compression": _lmt_gamut_compress,
        out + "SDR-CINEMA_1.0": _output(rrt, sdr, xyz),
        out + "SDR-VIDEO_1.0": _output(rrt, sdr, video, xyz),
        out + "SDR-CINEMA-REC709lim_1.1": _output(rrt, sdr, clamp("Rec.709")),
        out + "SDR-VIDEO-REC709lim_1.1": _output(rrt, sdr, video, clamp("Rec.709")),
        out + "SDR-VIDEO-P3lim_1.1": _output(rrt, sdr, video, clamp("Display P3")),
        out + "SDR-CINEMA-D60sim-D65_1.1": _output(rrt, sdr, lambda: _d60_sim(0.964, video=False)),
        out + "SDR-VIDEO-D60sim-D65_1.0": _output(rrt, sdr, lambda: _d60_sim(0.955, video=True)),
        out + "SDR-CINEMA-D60sim-DCI_1.0": _output(
            rrt, sdr, lambda: _dci_sim(0.918, 0.96, _m(rgb_to_xyz_matrix("ACEScg")))
        ),
        out + "SDR-CINEMA-D65sim-DCI_1.1": _output(rrt, sdr, lambda: _dci_sim(0.908, 0.9575, _ap1_to_xyz_d65())),
    }
    for peak in HDR_TONE_CURVES:
        nits = f"{peak:g}nit"
        limits = (("P3lim", "Display P3"),) if peak == 108.0 else (("REC2020lim", "Rec.2020"), ("P3lim", "Display P3"))
        kind = "HDR-CINEMA-108nit-7.2nit" if peak == 108.0 else f"HDR-VIDEO-{nits}-15nit"
        for suffix, limit in limits:
            styles[out + f"{kind}-{suffix}_1.1"] = _output(
                rrt,
                lambda p=peak: hdr_tonescale(p),  # type: ignore[misc]
                lambda lim=limit: hdr_primary_clamp(lim),  # type: ignore[misc]
                lambda p=peak: [_scale_offset(p * 0.01)],  # type: ignore[misc]
            )
    return {**styles, **ACES2_STYLES}


BUILTIN_STYLES: dict[str, Callable[[], list[Op]]] = _styles()
"""Every style `builtin_ops` builds, by OCIO BuiltinTransform style name."""


def builtin_styles() -> list[str]:
    """The OCIO BuiltinTransform style names `builtin_ops` knows, sorted."""
    return sorted(BUILTIN_STYLES)


def builtin_ops(style: str) -> list[Op]:
    """The ops of the OCIO BuiltinTransform `style` (forward direction), ACES2065-1 in.

    Raises
    ------
    NotFoundError
        For a style not built here; the message lists the known ones.
    """
    try:
        build = BUILTIN_STYLES[style]
    except KeyError:
        raise NotFoundError(
            f"unknown ACES BuiltinTransform style {style!r}; known: {', '.join(builtin_styles())}"
        ) from None
    return build()
