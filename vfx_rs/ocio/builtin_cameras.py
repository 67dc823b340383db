"""OCIO's camera BuiltinTransform styles (``<VENDOR>_<CURVE>-<GAMUT>_to_ACES2065-1``) and ADX.

As OpenColorIO's ``transforms/builtins/*Cameras.cpp`` and ``ACES.cpp`` (ADX):
the vendor's log curve decoded with the published constants of
`vfx_rs.color` (ARRI LogC3 EI 800 and LogC4, Sony S-Log3, Panasonic V-Log,
RED Log3G10, Apple Log, Canon Log 2 and 3), then the camera gamut to ACES AP0 with the white
adaptation OCIO uses. ADX follows the ACES CTL ``ACEScsc.Academy.ADX10_to_ACES``
and ``ADX16_to_ACES``.
"""

from __future__ import annotations

import math

import numpy as np

from vfx_rs.color.spaces import WHITEPOINT_D65, ColorSpace
from vfx_rs.color.transfer import transfer_function
from vfx_rs.ocio.builtin_style import HALF_MAX, BuiltinStyle, conversion_matrix, log_camera_ops
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import LogOp, Lut1DOp, MatrixOp, RangeOp
from vfx_rs.pipeline.ops.lut1d_half import HalfLut1DOp, half_domain

__all__ = [
    "ADX_CDD_TO_CID",
    "ADX_DENSITY_TO_LOG_EXPOSURE",
    "ADX_EXP_TO_ACES",
    "APPLE_WIDE_GAMUT",
    "BMD_WIDE_GAMUT_GEN5",
    "REDLOGFILM_CINEON",
    "VENICE_S_GAMUT3",
    "VENICE_S_GAMUT3_CINE",
    "camera_styles",
]


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
"""Every ADX table breakpoint is a multiple of 0.001, so a uniform table with this step holds the curve exactly."""


def _adx_log_exposure(density: np.ndarray) -> np.ndarray:
    """Relative log exposure of channel-independent density (`ADX_DENSITY_TO_LOG_EXPOSURE` and its extensions)."""
    dens, logexp = (np.array(v) for v in zip(*ADX_DENSITY_TO_LOG_EXPOSURE, strict=True))
    slope = (logexp[1] - logexp[0]) / (dens[1] - dens[0])
    ref_pt = (7120.0 - 1520.0) / 8000.0 * (100.0 / 55.0) - math.log10(0.18)
    y = np.interp(density, dens, logexp)
    y = np.where(density < dens[0], np.maximum(logexp[0] - slope * (dens[0] - density), -10.0), y)
    return np.where(density > dens[-1], np.minimum(100.0 / 55.0 * density - ref_pt, math.log10(HALF_MAX)), y)


def _adx_density_curve() -> HalfLut1DOp:
    """Channel-independent density to relative log exposure as OCIO's table: the curve sampled on every half float
    (NaN as 0, infinities as +-65504) and interpolated between adjacent halfs (inverted exactly, as OCIO)."""
    halfs = np.nan_to_num(half_domain(), nan=0.0, posinf=HALF_MAX, neginf=-HALF_MAX)
    table = _adx_log_exposure(halfs).astype(np.float32).astype(np.float64)
    return HalfLut1DOp(table=np.repeat(table[:, None], 3, axis=1))


def _adx_to_aces(scale: float, offset: float) -> list[Op]:
    """ADX code values (``code * scale + offset`` is density) to ACES2065-1: channel-dependent to
    channel-independent density, `_adx_density_curve`, anti-log, exposure to ACES (as OCIO ACES.cpp ADX_to_ACES)."""
    return [
        RangeOp(scale=scale, offset=offset),
        MatrixOp(matrix=np.array(ADX_CDD_TO_CID).T),
        _adx_density_curve(),
        LogOp(base=10.0, to_log=False),
        MatrixOp(matrix=np.array(ADX_EXP_TO_ACES).T),
    ]


APPLE_WIDE_GAMUT = ColorSpace(
    "Apple Wide Gamut", ((0.725, 0.301), (0.221, 0.814), (0.068, -0.076)), WHITEPOINT_D65, "apple_log"
)
"""Apple Wide Gamut: xy primaries R, G, B and the D65 white (Apple Log 2 profile; ACES CTL
CSC.Apple.AppleLog_AppleWG_to_ACES, APPLE_WG_PRI)."""

VENICE_S_GAMUT3 = ColorSpace(
    "Venice S-Gamut3",
    (
        (0.740464264304292, 0.279364374750660),
        (0.089241145423286, 0.893809528608105),
        (0.110488236673827, -0.052579333080476),
    ),
    WHITEPOINT_D65,
    "sony_slog3",
)
"""Sony VENICE S-Gamut3: xy primaries and D65 white (Sony "S-Gamut3 and S-Gamut3.Cine for VENICE", 2018)."""

VENICE_S_GAMUT3_CINE = ColorSpace(
    "Venice S-Gamut3.Cine",
    (
        (0.775901871567345, 0.274502392854799),
        (0.188682902773355, 0.828684937020288),
        (0.101337382499301, -0.089187517306263),
    ),
    WHITEPOINT_D65,
    "sony_slog3",
)
"""Sony VENICE S-Gamut3.Cine: xy primaries and D65 white (same Sony document)."""

BMD_WIDE_GAMUT_GEN5 = ColorSpace(
    "Blackmagic Wide Gamut Gen5",
    ((0.7177215, 0.3171181), (0.228041, 0.861569), (0.1005841, -0.0820452)),
    (0.312717, 0.3290312),
    "blackmagic_film_gen5",
)
"""Blackmagic Wide Gamut (Generation 5): xy primaries and white (Blackmagic "Generation 5 Color Science", 2021)."""

REDLOGFILM_CINEON = (685.0 / 1023.0, 95.0 / 1023.0, 0.002 * 1023.0, 0.6)
"""REDlogFilm as Cineon printing density: reference white and black code values 685/1023 and 95/1023, 0.002
density per 10-bit code, negative gamma 0.6 (Kodak "Conversion of 10-bit Log Film Data to 8-bit Linear or Video
Data for the Cineon Digital Film System", 1995; RED's REDlogFilm uses these Cineon constants)."""


def _redlogfilm_decode() -> list[Op]:
    """REDlogFilm code values to linear: the Cineon curve ``(10 ** ((code - white) * range / gamma) - o) / g``,
    normalised so that the reference black maps to 0 and white to 1, as an OCIO log-to-linear LogOp."""
    white, black, density_range, gamma = REDLOGFILM_CINEON
    k = density_range / gamma
    gain = 1.0 / (1.0 - 10.0 ** (k * (black - white)))
    offset = gain - 1.0
    return [
        LogOp(
            base=10.0,
            log_side_slope=(1.0 / k,) * 3,
            log_side_offset=(white,) * 3,
            lin_side_slope=(1.0 / gain,) * 3,
            lin_side_offset=(offset / gain,) * 3,
            to_log=False,
        )
    ]


_CAMERAS = (
    ("ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1", "arri_logc3", "ARRI Wide Gamut 3", "cat02"),
    ("ARRI_LOGC4_to_ACES2065-1", "arri_logc4", "ARRI Wide Gamut 4", "cat02"),
    ("SONY_SLOG3-SGAMUT3_to_ACES2065-1", "sony_slog3", "S-Gamut3", "cat02"),
    ("SONY_SLOG3-SGAMUT3.CINE_to_ACES2065-1", "sony_slog3", "S-Gamut3.Cine", "cat02"),
    ("PANASONIC_VLOG-VGAMUT_to_ACES2065-1", "panasonic_vlog", "V-Gamut", "bradford"),
    ("RED_LOG3G10-RWG_to_ACES2065-1", "red_log3g10", "RED Wide Gamut RGB", "bradford"),
    ("APPLE_LOG_to_ACES2065-1", "apple_log", "Rec.2020", "bradford"),
    ("APPLE_LOG-APPLEWG_to_ACES2065-1", "apple_log", APPLE_WIDE_GAMUT, "bradford"),
    ("SONY_SLOG3-SGAMUT3-VENICE_to_ACES2065-1", "sony_slog3", VENICE_S_GAMUT3, "cat02"),
    ("SONY_SLOG3-SGAMUT3.CINE-VENICE_to_ACES2065-1", "sony_slog3", VENICE_S_GAMUT3_CINE, "cat02"),
)
"""Camera styles: OCIO name, `vfx_rs.color` transfer function, camera gamut, and the white adaptation OCIO uses
to reach ACES2065-1 (ArriCameras.cpp, SonyCameras.cpp: CAT02; PanasonicCameras.cpp, RedCameras.cpp,
AppleCameras.cpp: Bradford)."""


def _decode(curve: str) -> list[Op]:
    return log_camera_ops(list(transfer_function(curve).decode.ops))


CANON_LUT_SIZE = 4096
"""Entries of OCIO's Canon Log tables over code values [0, 1] (CanonCameras.cpp, ``CreateLut(ops, 4096, ...)``)."""


def _canon_decode(curve: str) -> list[Op]:
    """OCIO's Canon Log decoding: a 4096-entry table over [0, 1] of the `vfx_rs.color` curve (inputs clamp)."""
    codes = np.linspace(0.0, 1.0, CANON_LUT_SIZE)
    values = np.asarray(transfer_function(curve).decode.apply_elementwise(codes), dtype=np.float32)
    return [Lut1DOp(table=np.repeat(values.astype(np.float64)[:, None], 3, axis=1))]


def _canon_encode(curve: str) -> list[Op]:
    """The inverse of `_canon_decode`: the curve's encoding, clamped to the table's code range [0, 1]."""
    return [*transfer_function(curve).encode.ops, RangeOp(lo=0.0, hi=1.0)]


def _canon_styles() -> list[BuiltinStyle]:
    styles = []
    for n in (2, 3):
        curve = f"canon_log{n}"
        to_aces = conversion_matrix("Canon Cinema Gamut", "ACES2065-1", "cat02")
        styles += [
            BuiltinStyle(
                f"CANON_CLOG{n}-CGAMUT_to_ACES2065-1",
                f"Canon Log {n} Cinema Gamut to ACES2065-1 (CAT02 adaptation)",
                lambda c=curve, m=to_aces: [*_canon_decode(c), m],  # type: ignore[misc]
                lambda c=curve, m=to_aces: [m.inverse(), *_canon_encode(c)],  # type: ignore[misc]
            ),
            BuiltinStyle(
                f"CURVE - CANON_CLOG{n}_to_LINEAR",
                f"Canon Log {n} to linear",
                lambda c=curve: _canon_decode(c),  # type: ignore[misc]
                lambda c=curve: _canon_encode(c),  # type: ignore[misc]
            ),
        ]
    return styles


def camera_styles() -> list[BuiltinStyle]:
    styles = [
        BuiltinStyle(
            name,
            f"{getattr(gamut, 'name', gamut)} encoded with {curve} to ACES2065-1 ({adaptation} adaptation)",
            lambda c=curve, g=gamut, a=adaptation: [*_decode(c), conversion_matrix(g, "ACES2065-1", a)],  # type: ignore[misc]
        )
        for name, curve, gamut, adaptation in _CAMERAS
    ]
    to_aces = conversion_matrix("RED Wide Gamut RGB", "ACES2065-1", "bradford")
    styles.append(
        BuiltinStyle(
            "RED_REDLOGFILM-RWG_to_ACES2065-1",
            "REDlogFilm RED Wide Gamut RGB to ACES2065-1 (Bradford adaptation)",
            lambda: [*_redlogfilm_decode(), to_aces],
        )
    )
    styles.append(BuiltinStyle("CURVE - APPLE_LOG_to_LINEAR", "Apple Log to linear", lambda: _decode("apple_log")))
    styles += _canon_styles()
    styles += [
        BuiltinStyle(
            f"ADX{bits}_to_ACES2065-1",
            f"ADX{bits} film density to ACES2065-1",
            lambda a=scale, b=offset: _adx_to_aces(a, b),  # type: ignore[misc]
        )
        for bits, scale, offset in ((10, 1023.0 / 500.0, -95.0 / 500.0), (16, 65535.0 / 8000.0, -1520.0 / 8000.0))
    ]
    return styles
