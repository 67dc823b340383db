"""OCIO BuiltinTransform styles as pipeline ops, built from `vfx_rs.color`.

Each style is named as OpenColorIO names it (``!<BuiltinTransform> {style:
...}``; the registry in OpenColorIO's ``src/OpenColorIO/transforms/builtins``:
``ACES.cpp`` for the ACES color spaces and utilities, ``Displays.cpp`` for the
display encodings) and expands to the same chain of ops OCIO uses, with our
own primaries, white points, chromatic adaptation and curve constants:

- matrices come from `vfx_rs.color.rgb_to_rgb_matrix` (SMPTE RP 177 derivation,
  Bradford adaptation where the style says ``BFD``);
- the display curves are the IEC 61966-2-1 sRGB moncurve (gamma 2.4, offset
  0.055), BT.1886 / pure gamma powers, and SMPTE ST 2084 with linear light in
  units of 100 cd/m2 (OCIO's ``nits/100``), mirrored below zero as OCIO does;
- the camera styles decode with the vendors' curves of `vfx_rs.color` (ARRI
  LogC3 and LogC4, Sony S-Log3, Panasonic V-Log, RED Log3G10, Apple Log) and
  convert the camera gamut to AP0;
- ACEScct is `vfx_rs.color` ACEScct (S-2016-001); ACEScc is OCIO's 4096-entry
  table of the ACEScc decoding (S-2014-003, 4.5) over the code range
  [-0.36, 1.5], filled from `vfx_rs.color.acescc_decode`.

Styles beginning ``ACES-OUTPUT - `` or ``ACES-LMT - `` are the ACES output
transforms and LMTs of `vfx_rs.color.aces` (``builtin_ops(style)``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from vfx_rs.color import acescc_decode, rgb_to_rgb_matrix
from vfx_rs.color.transfer import transfer_function
from vfx_rs.color.transfer.camera import ACESCCT
from vfx_rs.errors import OcioError
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import ExponentLinearOp, ExponentOp, LogOp, Lut1DOp, MatrixOp, RangeOp
from vfx_rs.pipeline.ops.transfer import ACESCC_MAX, FixedCurveOp

__all__ = ["ACES_STYLE_PREFIXES", "BUILTIN_TRANSFORMS", "BuiltinStyle", "builtin_ops", "builtin_styles"]

ACES_STYLE_PREFIXES = ("ACES-OUTPUT - ", "ACES-LMT - ")
"""Styles built by `vfx_rs.color.aces.builtin_ops` (the ACES output transforms and LMTs)."""

SRGB_MONCURVE = (2.4, 0.055)
"""sRGB as a moncurve: gamma 2.4, offset 0.055 (IEC 61966-2-1:1999, section 5.2; OCIO GammaOpData MONCURVE)."""

ACESCC_LUT_RANGE = (-0.36, 1.5)
"""ACEScc code values OCIO's ACEScc_to_ACES2065-1 table spans (OCIO ACES.cpp: IN_MIN, IN_MAX)."""

ACESCC_LUT_SIZE = 4096
"""Entries of that table (OCIO ACES.cpp, ``CreateLut(ops, 4096, ...)``)."""

PQ_UNIT_NITS = 100.0
"""OCIO's display-linear unit for PQ: 1.0 is 100 cd/m2 (OCIO Displays.cpp, "nits/100")."""


@dataclass(frozen=True)
class BuiltinStyle:
    """One BuiltinTransform style: its OCIO name, what it does, and the function building its ops."""

    style: str
    description: str
    build: Callable[[], list[Op]]


def _matrix(src: str, dst: str, adaptation: str | None = None) -> MatrixOp:
    return MatrixOp(matrix=rgb_to_rgb_matrix(src, dst, adaptation))


def _from_xyz(dst: str, adaptation: str | None = None) -> MatrixOp:
    return _matrix("CIE XYZ", dst, adaptation)


def _power(gamma: float, mirror: bool) -> list[Op]:
    """OCIO GammaOpData BASIC_REV (negatives clamp to 0) or BASIC_MIRROR_REV: ``x ** (1 / gamma)``."""
    return [ExponentOp(exponent=(1.0 / gamma,) * 3, style="mirror" if mirror else "clamp")]


def _srgb_curve(mirror: bool) -> list[Op]:
    """OCIO GammaOpData MONCURVE_REV / MONCURVE_MIRROR_REV with the sRGB parameters."""
    gamma, offset = SRGB_MONCURVE
    style = "mirror" if mirror else "linear"
    return [ExponentLinearOp(gamma=(gamma,) * 3, offset=(offset,) * 3, decode=False, style=style)]


HALF_MAX = 65504.0
"""The largest half float (IEEE 754 binary16): OCIO evaluates its PQ tables on half-float inputs, so larger
linear values (and infinities) take the value at 65504 (OCIO OpHelpers.cpp, CreateHalfLut)."""


def _linear_to_pq() -> list[Op]:
    """Linear light (1.0 = 100 cd/m2, limited to +-65504) to ST 2084 code values, mirrored below zero."""
    return [
        RangeOp(lo=-HALF_MAX, hi=HALF_MAX),
        RangeOp(scale=PQ_UNIT_NITS / 10000.0),
        FixedCurveOp(curve="st2084_mirror"),
    ]


ACESCC_LOG_FLOOR = 2.0**-20
"""Added to linear values above the ACEScc table's minimum before the log2 of `_acescc_to_ap1` (keeps it finite)."""


def _acescc_to_ap1() -> list[Op]:
    """OCIO's ACEScc decoding: a range onto [0, 1], a 4096-entry table of the ACEScc EOTF, a floor.

    OCIO interpolates its table (values of the ACEScc EOTF, S-2014-003 4.5,
    continued past the CTL's 65504 ceiling "to avoid a slope discontinuity")
    linearly. Here the same table is held as ``log2(value - floor)`` and
    followed by the matching anti-log: between entries this differs from
    linear interpolation by about 1e-6 relative, and the table becomes nearly
    linear, so its inverse (linear to ACEScc) stays exact where OCIO inverts
    its table exactly.
    """
    lo, hi = ACESCC_LUT_RANGE
    code = np.linspace(0.0, 1.0, ACESCC_LUT_SIZE) * (hi - lo) + lo
    # S-2014-003, 4.5: 2^(code * 17.52 - 9.72) on the log segment (the CTL then clamps at 65504).
    values = np.where(code < ACESCC_MAX, acescc_decode(code), np.exp2(code * 17.52 - 9.72))
    values = values.astype(np.float32).astype(np.float64)  # OCIO stores the table in float32
    floor = float(values[0]) - ACESCC_LOG_FLOOR
    logs = np.log2(values - floor)
    return [
        RangeOp.from_bounds(lo, hi, 0.0, 1.0),
        Lut1DOp(table=np.repeat(logs[:, None], 3, axis=1)),
        LogOp(base=2.0, lin_side_offset=(-floor,) * 3, to_log=False),
        RangeOp(lo=float(values[0])),
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


def _ap1_to_ap0() -> MatrixOp:
    return _matrix("ACEScg", "ACES2065-1")


def _aces_styles() -> list[BuiltinStyle]:
    acescct_decode = list(ACESCCT.decode.ops)
    return [
        BuiltinStyle(
            "UTILITY - ACES-AP0_to_CIE-XYZ-D65_BFD",
            "ACES AP0 to CIE XYZ, D65 white, Bradford adaptation",
            lambda: [_matrix("ACES2065-1", "CIE XYZ", "bradford")],
        ),
        BuiltinStyle(
            "UTILITY - ACES-AP1_to_CIE-XYZ-D65_BFD",
            "ACES AP1 to CIE XYZ, D65 white, Bradford adaptation",
            lambda: [_matrix("ACEScg", "CIE XYZ", "bradford")],
        ),
        BuiltinStyle(
            "UTILITY - ACES-AP1_to_LINEAR-REC709_BFD",
            "ACES AP1 to linear Rec.709, Bradford adaptation",
            lambda: [_matrix("ACEScg", "Rec.709", "bradford")],
        ),
        BuiltinStyle("CURVE - ACEScct-LOG_to_LINEAR", "The ACEScct log-to-linear curve", lambda: list(acescct_decode)),
        BuiltinStyle("ACEScct_to_ACES2065-1", "ACEScct to ACES2065-1", lambda: [*acescct_decode, _ap1_to_ap0()]),
        BuiltinStyle(
            "ACEScc_to_ACES2065-1",
            "ACEScc to ACES2065-1 (negative results clamp to 0, as the CTL's inverse clamps its input)",
            lambda: [*_acescc_to_ap1(), _ap1_to_ap0(), RangeOp.from_bounds(0.0, None, 0.0, None)],
        ),
        BuiltinStyle("ACEScg_to_ACES2065-1", "ACEScg to ACES2065-1", lambda: [_ap1_to_ap0()]),
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


def _display_styles() -> list[BuiltinStyle]:
    xyz = "DISPLAY - CIE-XYZ-D65_to_"
    styles = []
    for suffix, space, gamma in (
        ("REC.1886-REC.709", "Rec.709", 2.4),
        ("REC.1886-REC.2020", "Rec.2020", 2.4),
        ("G2.2-REC.709", "Rec.709", 2.2),
        ("G2.6-P3-D65", "Display P3", 2.6),
    ):
        for mirror in (False, True):
            name = xyz + suffix + (" - MIRROR NEGS" if mirror else "")
            desc = f"CIE XYZ (D65) to gamma {gamma}, {space} primaries, {'mirror' if mirror else 'clamp'} negatives"
            styles.append(
                BuiltinStyle(name, desc, lambda s=space, g=gamma, m=mirror: [_from_xyz(s), *_power(g, m)])  # type: ignore[misc]
            )
    styles += [
        BuiltinStyle(xyz + "sRGB", "CIE XYZ (D65) to sRGB", lambda: [_from_xyz("sRGB"), *_srgb_curve(False)]),
        BuiltinStyle(
            xyz + "sRGB - MIRROR NEGS",
            "CIE XYZ (D65) to sRGB, mirror negatives",
            lambda: [_from_xyz("sRGB"), *_srgb_curve(True)],
        ),
        BuiltinStyle(
            xyz + "DisplayP3",
            "CIE XYZ (D65) to Apple Display P3",
            lambda: [_from_xyz("Display P3"), *_srgb_curve(True)],
        ),
        BuiltinStyle(
            xyz + "DisplayP3-HDR",
            "CIE XYZ (D65) to Apple Display P3 (HDR)",
            lambda: [_from_xyz("Display P3"), *_srgb_curve(True)],
        ),
        BuiltinStyle(
            xyz + "G2.6-P3-DCI-BFD",
            "CIE XYZ (D65) to gamma 2.6, P3-DCI (Bradford to the DCI white)",
            lambda: [_from_xyz("DCI-P3", "bradford"), *_power(2.6, False)],
        ),
        BuiltinStyle(
            xyz + "G2.6-P3-D60-BFD",
            "CIE XYZ (D65) to gamma 2.6, P3-D60 (Bradford to the ACES white)",
            lambda: [_from_xyz("P3-D60", "bradford"), *_power(2.6, False)],
        ),
        BuiltinStyle(
            xyz + "DCDM-D65",
            "CIE XYZ (D65) to gamma 2.6 XYZ (DCDM, 48/52.37 scale)",
            lambda: [RangeOp(scale=48.0 / 52.37), *_power(2.6, False)],
        ),
        BuiltinStyle("CURVE - LINEAR_to_ST-2084", "Linear (1.0 = 100 cd/m2) to ST 2084 (PQ)", _linear_to_pq),
        BuiltinStyle(
            "CURVE - ST-2084_to_LINEAR",
            "ST 2084 (PQ) to linear (1.0 = 100 cd/m2)",
            lambda: [op.inverse() for op in reversed(_linear_to_pq())],
        ),
        BuiltinStyle(
            xyz + "REC.2100-PQ", "CIE XYZ (D65) to Rec.2100-PQ", lambda: [_from_xyz("Rec.2020"), *_linear_to_pq()]
        ),
        BuiltinStyle(
            xyz + "ST2084-P3-D65",
            "CIE XYZ (D65) to ST 2084 (PQ), P3-D65 primaries",
            lambda: [_from_xyz("Display P3"), *_linear_to_pq()],
        ),
        BuiltinStyle(xyz + "ST2084-DCDM-D65", "CIE XYZ (D65) to ST 2084 (PQ) XYZ", _linear_to_pq),
    ]
    return styles


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


def _camera_styles() -> list[BuiltinStyle]:
    styles = [
        BuiltinStyle(
            name,
            f"{gamut} encoded with {curve} to ACES2065-1 ({adaptation} adaptation)",
            lambda c=curve, g=gamut, a=adaptation: [*_decode(c), _matrix(g, "ACES2065-1", a)],  # type: ignore[misc]
        )
        for name, curve, gamut, adaptation in _CAMERAS
    ]
    styles.append(BuiltinStyle("CURVE - APPLE_LOG_to_LINEAR", "Apple Log to linear", lambda: _decode("apple_log")))
    return styles


BUILTIN_TRANSFORMS: dict[str, BuiltinStyle] = {
    s.style: s for s in (*_aces_styles(), *_display_styles(), *_camera_styles())
}
"""Every style built here, by OCIO name; `builtin_ops` also accepts the `ACES_STYLE_PREFIXES` styles."""

_BY_KEY = {k.lower(): v for k, v in BUILTIN_TRANSFORMS.items()}


def builtin_styles() -> list[str]:
    """The style names `builtin_ops` builds here (ACES output and LMT styles come from `vfx_rs.color.aces`)."""
    return list(BUILTIN_TRANSFORMS)


def builtin_ops(style: str) -> list[Op]:
    """The ops of BuiltinTransform `style` (case-insensitive, as OCIO); `OcioError` lists the known styles.

    Examples
    --------
    >>> [op.kind for op in builtin_ops("ACEScg_to_ACES2065-1")]
    ['matrix']
    """
    entry = _BY_KEY.get(style.strip().lower())
    if entry is not None:
        return entry.build()
    if style.upper().startswith(tuple(p.upper() for p in ACES_STYLE_PREFIXES)):
        return _aces_builtin_ops(style)
    raise OcioError(f"unknown BuiltinTransform style {style!r}; known: {', '.join(BUILTIN_TRANSFORMS)}")


def _aces_builtin_ops(style: str) -> list[Op]:
    try:
        from vfx_rs.color import aces
    except ImportError:
        raise OcioError(f"BuiltinTransform style {style!r} needs vfx_rs.color.aces, which is missing") from None
    try:
        return list(aces.builtin_ops(style))
    except (KeyError, ValueError) as exc:
        raise OcioError(f"unknown BuiltinTransform style {style!r}: {exc}") from None
