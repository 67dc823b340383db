"""OCIO's display BuiltinTransform styles (``DISPLAY - CIE-XYZ-D65_to_...``, ``CURVE - ...ST-2084...``).

As OpenColorIO's ``transforms/builtins/Displays.cpp``: CIE XYZ (D65) to the
display primaries (`vfx_rs.color` spaces; Bradford to the DCI or ACES white
where the style says BFD), then the encoding: the IEC 61966-2-1 sRGB moncurve
(gamma 2.4, offset 0.055; mirrored for Display P3), BT.1886 and pure gamma
powers (negatives clamp, or mirror in the ``MIRROR NEGS`` styles), or SMPTE
ST 2084 with linear light in units of 100 cd/m2 (OCIO's ``nits/100``),
mirrored below zero and limited to the half-float range as OCIO's tables are,
or BT.2100 HLG through the inverse HLG OOTF (`LuminancePowerOp`).
"""

from __future__ import annotations

import numpy as np

from vfx_rs.ocio.builtin_style import HALF_MAX, BuiltinStyle, conversion_matrix
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import ExponentLinearOp, ExponentOp, MatrixOp, RangeOp
from vfx_rs.pipeline.ops.luminance_power import LuminancePowerOp
from vfx_rs.pipeline.ops.lut1d_half import HalfLut1DOp, half_domain
from vfx_rs.pipeline.ops.transfer import FixedCurveOp

__all__ = ["HLG_PEAK_NITS", "HLG_SURROUND_FLOOR", "PQ_UNIT_NITS", "SRGB_MONCURVE", "display_styles"]

SRGB_MONCURVE = (2.4, 0.055)
"""sRGB as a moncurve: gamma 2.4, offset 0.055 (IEC 61966-2-1:1999, section 5.2; OCIO GammaOpData MONCURVE)."""

PQ_UNIT_NITS = 100.0
"""OCIO's display-linear unit for PQ: 1.0 is 100 cd/m2 (OCIO Displays.cpp, "nits/100")."""


def _from_xyz(dst: str, adaptation: str | None = None) -> MatrixOp:
    return conversion_matrix("CIE XYZ", dst, adaptation)


def _power(gamma: float, mirror: bool) -> list[Op]:
    """OCIO GammaOpData BASIC_REV (negatives clamp to 0) or BASIC_MIRROR_REV: ``x ** (1 / gamma)``."""
    return [ExponentOp(exponent=(1.0 / gamma,) * 3, style="mirror" if mirror else "clamp")]


def _srgb_curve(mirror: bool) -> list[Op]:
    """OCIO GammaOpData MONCURVE_REV / MONCURVE_MIRROR_REV with the sRGB parameters."""
    gamma, offset = SRGB_MONCURVE
    return [
        ExponentLinearOp(gamma=(gamma,) * 3, offset=(offset,) * 3, decode=False, style="mirror" if mirror else "linear")
    ]


def _pq_decode() -> list[Op]:
    """ST 2084 code values to linear light (1.0 = 100 cd/m2), mirrored, unclamped (`FixedCurveOp` st2084_mirror)."""
    return [FixedCurveOp(curve="st2084_mirror", encode=False), RangeOp(scale=10000.0 / PQ_UNIT_NITS)]


def _half_table(ops: list[Op], inf: float) -> HalfLut1DOp:
    """`ops` sampled on every half float as OCIO's half-domain tables (OpHelpers.cpp CreateHalfLut), stored in
    float32: NaN inputs read as 0, infinite inputs as +-`inf`, NaN results as 0. Its inverse is OCIO's exact
    inversion of the table (`HalfLut1DInverseOp`)."""
    halfs = np.nan_to_num(half_domain(), nan=0.0, posinf=inf, neginf=-inf)
    values = np.repeat(halfs[:, None], 3, axis=1)
    for op in ops:
        op.apply_planar(values.T)
    return HalfLut1DOp(table=np.nan_to_num(values.astype(np.float32), nan=0.0, posinf=0.0, neginf=0.0))


def _linear_to_pq() -> list[Op]:
    """Linear light (1.0 = 100 cd/m2) to mirrored ST 2084 code values, as OCIO's half-float table (Displays.cpp
    GenerateLinearToPQOps); inverted exactly, codes beyond that of 65504 (about 1.547) decode to +-65504."""
    return [_half_table([op.inverse() for op in reversed(_pq_decode())], HALF_MAX)]


def _pq_decode_table() -> list[Op]:
    """ST 2084 code values to linear light as OCIO's ``CURVE - ST-2084_to_LINEAR``: the mirrored decoding sampled
    on every half-float code; codes past the formula's pole (about 1.993) and infinities read 0 there."""
    return [_half_table(_pq_decode(), 0.0)]


def _pq_display(primaries: str | None, desc: str, name: str) -> BuiltinStyle:
    to_rgb = [] if primaries is None else [_from_xyz(primaries)]
    return BuiltinStyle(name, desc, lambda: [*to_rgb, *_linear_to_pq()])


HLG_E_MAX = 3.0
"""OCIO's HLG curves take scene light scaled so that BT.2100's E = 1 is 3 (Displays.cpp, HLG E_MAX): 18 % grey
lands at HLG 0.42 with linear 0.18 (hence "scaled with 18 % grey at HLG 0.42")."""


def _hlg_analytic(encode: bool) -> list[Op]:
    """The BT.2100 HLG OETF (`vfx_rs.color` HLG, mirrored) on light scaled by `HLG_E_MAX`, or its inverse
    (light limited to +-65504, the top of OCIO's half-float tables)."""
    ops: list[Op] = [RangeOp(scale=1.0 / HLG_E_MAX), FixedCurveOp(curve="hlg")]
    if encode:
        return ops
    return [*(op.inverse() for op in reversed(ops)), RangeOp(lo=-HALF_MAX, hi=HALF_MAX)]


def _hlg_table(encode: bool) -> list[Op]:
    """OCIO's half-float table of the HLG OETF (or its inverse): `_hlg_analytic` sampled on every half float."""
    return [_half_table(_hlg_analytic(encode), HALF_MAX)]


HLG_PEAK_NITS = 1000.0
"""Nominal peak luminance L_W of OCIO's Rec.2100-HLG display style in cd/m2 (Displays.cpp, HLG Lw)."""

HLG_SURROUND_FLOOR = 1e-4
"""OCIO's lower limit of the luminance in its Rec.2100 surround (OOTF) gain, which bounds the gain of dark pixels
(FixedFunctionOpCPU.cpp, Renderer_REC2100_Surround, m_minLum)."""


def _hlg_display() -> list[Op]:
    """CIE XYZ (D65) to Rec.2100 HLG at `HLG_PEAK_NITS`, as OCIO's REC.2100-HLG-1000nit style.

    Display light (1.0 = 100 cd/m2) in Rec.2020 primaries is scaled to BT.2100's
    normalised display light times ``E_MAX ** gamma`` and taken through the
    inverse HLG OOTF of ITU-R BT.2100-2 (table 5: system gamma
    ``1.2 + 0.42 log10(L_W / 1000)``, luminance to the power ``1 / gamma``,
    floored at `HLG_SURROUND_FLOOR`), then the HLG OETF table of `_hlg_table`.
    """
    gamma = 1.2 + 0.42 * np.log10(HLG_PEAK_NITS / 1000.0)
    scale = PQ_UNIT_NITS * HLG_E_MAX**gamma / HLG_PEAK_NITS  # one matrix, as OCIO's optimizer fuses them
    linear = [
        MatrixOp(matrix=_from_xyz("Rec.2020").matrix * scale),
        # OCIO's REC2100_SURROUND parameter 1 / gamma, read as a float (FixedFunctionOpCPU.cpp)
        LuminancePowerOp(gain=1.0, exponent=float(np.float32(1.0 / gamma)), floor=HLG_SURROUND_FLOOR),
    ]
    return [*linear, *_hlg_table(True)]


def display_styles() -> list[BuiltinStyle]:
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
        _pq_display(None, "Linear (1.0 = 100 cd/m2) to ST 2084 (PQ)", "CURVE - LINEAR_to_ST-2084"),
        BuiltinStyle(
            "CURVE - HLG-OETF", "BT.2100 HLG OETF, scaled with 18 % grey at HLG 0.42", lambda: _hlg_table(True)
        ),
        BuiltinStyle(
            "CURVE - HLG-OETF-INVERSE",
            "BT.2100 HLG inverse OETF, scaled with HLG 0.42 at 18 % grey",
            lambda: _hlg_table(False),
        ),
        BuiltinStyle("CURVE - ST-2084_to_LINEAR", "ST 2084 (PQ) to linear (1.0 = 100 cd/m2)", _pq_decode_table),
        _pq_display("Rec.2020", "CIE XYZ (D65) to Rec.2100-PQ", xyz + "REC.2100-PQ"),
        _pq_display("Display P3", "CIE XYZ (D65) to ST 2084 (PQ), P3-D65 primaries", xyz + "ST2084-P3-D65"),
        _pq_display(None, "CIE XYZ (D65) to ST 2084 (PQ) XYZ", xyz + "ST2084-DCDM-D65"),
        BuiltinStyle(xyz + "REC.2100-HLG-1000nit", "CIE XYZ (D65) to Rec.2100 HLG, 1000 cd/m2 peak", _hlg_display),
    ]
    return styles
