"""OCIO's camera BuiltinTransform styles (``<VENDOR>_<CURVE>-<GAMUT>_to_ACES2065-1``) and ADX.

As OpenColorIO's ``transforms/builtins/*Cameras.cpp`` and ``ACES.cpp`` (ADX):
the vendor's log curve decoded with the published constants of
`vfx_rs.color` (ARRI LogC3 EI 800 and LogC4, Sony S-Log3, Panasonic V-Log,
RED Log3G10, Apple Log), then the camera gamut to ACES AP0 with the white
adaptation OCIO uses. ADX follows the ACES CTL ``ACEScsc.Academy.ADX10_to_ACES``
and ``ADX16_to_ACES``.
"""

from __future__ import annotations

import math

import numpy as np

from vfx_rs.color.transfer import transfer_function
from vfx_rs.ocio.builtin_style import HALF_MAX, BuiltinStyle, conversion_matrix
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import LogOp, Lut1DOp, MatrixOp, RangeOp

__all__ = ["ADX_CDD_TO_CID", "ADX_DENSITY_TO_LOG_EXPOSURE", "ADX_EXP_TO_ACES", "camera_styles"]


ADX_CDD_TO_CID = ((0.75573, 0.05901, 0.16134), (0.22197, 0.96928, 0.07406), (0.02230, -0.02829, 0.76460))
"""ADX channel-dependent to channel-independent density (ACES CTL ACEScsc.Academy.ADX10_to_ACES, CDD_TO_CID,
stored transposed in the CTL)."""

ADX_EXP_TO_ACES = ((0.72286, 0.11923, 0.01427), (0.12630, 0.76418, 0.08213), (0.15084, 0.11659, 0.90359))
"""ADX relative exposure to ACES (same CTL, EXP_TO_ACES, transposed there)."""

ADX_DENSITY_TO_LOG_EXPOSURE = (
    (-0.190, -6.0),
    (0.010, -2.721718645),
    (0.028, -2.521718645),
    (0.054, -2.321718645),
    (0.095, -2.121718645),
    (0.145, -1.921718645),
    (0.220, -1.721718645),
    (0.300, -1.521718645),
    (0.400, -1.321718645),
    (0.500, -1.121718645),
    (0.600, -0.926545676714876),
)
"""Channel-independent density to relative log exposure, interpolated linearly (same CTL, LUT_1D), extended
below with the first segment's slope (floor -10) and above by ``(100 / 55) d - REF_PT`` (ceiling log10(65504))."""

_ADX_STEP = 0.001
"""Every ADX table breakpoint is a multiple of 0.001, so a uniform table with this step holds the curve exactly
(OCIO samples it on half floats instead: near the 65504 ceiling, densities above 3.7, the two differ by ~0.1 %)."""


def _adx_to_aces(scale: float, offset: float) -> list[Op]:
    """ADX code values (``code * scale + offset`` is density) to ACES2065-1."""
    dens, logexp = (np.array(v) for v in zip(*ADX_DENSITY_TO_LOG_EXPOSURE, strict=True))
    slope = (logexp[1] - logexp[0]) / (dens[1] - dens[0])
    ref_pt = (7120.0 - 1520.0) / 8000.0 * (100.0 / 55.0) - math.log10(0.18)
    floor = dens[0] - (logexp[0] + 10.0) / slope  # where the extension below reaches -10
    lo, hi = math.ceil(floor / _ADX_STEP) * _ADX_STEP, round((math.log10(HALF_MAX) + ref_pt) * 0.55 + _ADX_STEP, 3)
    x = np.round(np.arange(lo, hi + _ADX_STEP / 2, _ADX_STEP), 6)
    y = np.interp(x, dens, logexp)
    y = np.where(x < dens[0], np.maximum(logexp[0] - slope * (dens[0] - x), -10.0), y)
    y = np.where(x > dens[-1], np.minimum(100.0 / 55.0 * x - ref_pt, math.log10(HALF_MAX)), y)
    return [
        RangeOp(scale=scale, offset=offset),
        MatrixOp(matrix=np.array(ADX_CDD_TO_CID).T),
        Lut1DOp(table=np.repeat(y[:, None], 3, axis=1), domain_min=np.full(3, lo), domain_max=np.full(3, x[-1])),
        LogOp(base=10.0, to_log=False),
        MatrixOp(matrix=np.array(ADX_EXP_TO_ACES).T),
    ]


_CAMERAS = (
    ("ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1", "arri_logc3", "ARRI Wide Gamut 3", "cat02"),
    ("ARRI_LOGC4_to_ACES2065-1", "arri_logc4", "ARRI Wide Gamut 4", "cat02"),
    ("SONY_SLOG3-SGAMUT3_to_ACES2065-1", "sony_slog3", "S-Gamut3", "cat02"),
    ("SONY_SLOG3-SGAMUT3.CINE_to_ACES2065-1", "sony_slog3", "S-Gamut3.Cine", "cat02"),
    ("PANASONIC_VLOG-VGAMUT_to_ACES2065-1", "panasonic_vlog", "V-Gamut", "bradford"),
    ("RED_LOG3G10-RWG_to_ACES2065-1", "red_log3g10", "RED Wide Gamut RGB", "bradford"),
    ("APPLE_LOG_to_ACES2065-1", "apple_log", "Rec.2020", "bradford"),
)
"""Camera styles: OCIO name, `vfx_rs.color` transfer function, camera gamut, and the white adaptation OCIO uses
to reach ACES2065-1 (ArriCameras.cpp, SonyCameras.cpp: CAT02; PanasonicCameras.cpp, RedCameras.cpp,
AppleCameras.cpp: Bradford)."""


def _decode(curve: str) -> list[Op]:
    return list(transfer_function(curve).decode.ops)


def camera_styles() -> list[BuiltinStyle]:
    styles = [
        BuiltinStyle(
            name,
            f"{gamut} encoded with {curve} to ACES2065-1 ({adaptation} adaptation)",
            lambda c=curve, g=gamut, a=adaptation: [*_decode(c), conversion_matrix(g, "ACES2065-1", a)],  # type: ignore[misc]
        )
        for name, curve, gamut, adaptation in _CAMERAS
    ]
    styles.append(BuiltinStyle("CURVE - APPLE_LOG_to_LINEAR", "Apple Log to linear", lambda: _decode("apple_log")))
    styles += [
        BuiltinStyle(
            "ADX10_to_ACES2065-1",
            "ADX10 film density to ACES2065-1",
            lambda: _adx_to_aces(1023.0 / 500.0, -95.0 / 500.0),
        ),
        BuiltinStyle(
            "ADX16_to_ACES2065-1",
            "ADX16 film density to ACES2065-1",
            lambda: _adx_to_aces(65535.0 / 8000.0, -1520.0 / 8000.0),
        ),
    ]
    return styles
