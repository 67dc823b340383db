"""The ACES 2.0 output transforms of OpenColorIO as pipeline ops: the 31 ``..._2.0`` BuiltinTransform styles.

Each style composes as OpenColorIO 2.6 composes it (``src/OpenColorIO/transforms/builtins/ACES.cpp``,
``ACES2_OUTPUT::Generate_output_transform`` and the ``aces2_output_transforms`` list): ACES2065-1 to AP1,
clamp to [0, upper bound] (the tone scale's forward limit, ``8 * r_hit``), back to AP0, the ACES 2.0 output
transform (`vfx_rs.pipeline.ops.Aces2OutputOp`) for the peak luminance and limiting primaries, a clamp to
[0, peak / 100], for D60 simulations a scale keeping the limiting white inside the encoding gamut, for
cinema HDR (108 and 300 nit on 225 and 625 nit curves) the scale 0.48, and the limiting RGB to CIE XYZ
(no adaptation). Matrices are `vfx_rs.color` matrices (SMPTE RP 177) of the same primaries.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from vfx_rs.color.matrices import rgb_to_rgb_matrix, rgb_to_xyz_matrix
from vfx_rs.color.spaces import (
    PRIMARIES_P3,
    PRIMARIES_REC709,
    PRIMARIES_REC2020,
    WHITEPOINT_ACES,
    WHITEPOINT_D65,
    ColorSpace,
)
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import Aces2OutputOp, MatrixOp, RangeOp

__all__ = ["ACES2_STYLES", "CINEMA_HDR_SCALE", "aces2_output_ops", "ap1_upper_bound"]

CINEMA_HDR_SCALE = 0.48
"""Linear scale of the cinema HDR styles (108 and 300 nit shown on 225 and 625 nit curves: 100 / 48 wider;
OCIO ACES.cpp, ``0.48f``)."""


def _space(name: str, primaries: tuple[tuple[float, float], ...] | None, white: tuple[float, float]) -> ColorSpace:
    return ColorSpace(name, primaries, white)


REC709_D65 = _space("Rec.709", PRIMARIES_REC709, WHITEPOINT_D65)
REC709_D60 = _space("Rec.709-D60", PRIMARIES_REC709, WHITEPOINT_ACES)
P3_D65 = _space("P3-D65", PRIMARIES_P3, WHITEPOINT_D65)
P3_D60 = _space("P3-D60", PRIMARIES_P3, WHITEPOINT_ACES)
REC2020_D65 = _space("Rec.2020", PRIMARIES_REC2020, WHITEPOINT_D65)
REC2020_D60 = _space("Rec.2020-D60", PRIMARIES_REC2020, WHITEPOINT_ACES)
XYZ_E = _space("CIE XYZ-E", None, (1.0 / 3.0, 1.0 / 3.0))


def ap1_upper_bound(peak: float) -> float:
    """AP1 clamp of the input, ``8 (128 + 768 log(peak / 100) / log(100))`` in float32 as OCIO computes it."""
    log_ratio = float(np.float32(math.log(np.float32(peak) / np.float32(100.0))))
    return float(np.float32(8.0 * (128.0 + 768.0 * (log_ratio / math.log(100.0)))))


def _flat(space: ColorSpace) -> tuple[float, ...]:
    assert space.primaries is not None
    return (*(v for xy in space.primaries for v in xy), *space.whitepoint)


def aces2_output_ops(
    peak: float, limiting: ColorSpace, encoding: ColorSpace, linear_scale: float = 1.0, scale_white: bool = False
) -> list[Op]:
    """The ops of one ACES 2.0 output style, ACES2065-1 in, CIE XYZ (D65 display) out (OCIO
    Generate_output_transform)."""
    to_ap1 = MatrixOp(matrix=rgb_to_rgb_matrix("ACES2065-1", "ACEScg", None))
    ops: list[Op] = [
        to_ap1,
        RangeOp(lo=0.0, hi=ap1_upper_bound(peak), nan_to_bound=True),
        to_ap1.inverse(),
        Aces2OutputOp(peak=peak, limiting=_flat(limiting)),  # type: ignore[arg-type]
        RangeOp(lo=0.0, hi=float(np.float32(peak) / np.float32(100.0)), nan_to_bound=True),
    ]
    if scale_white:
        white = rgb_to_rgb_matrix(limiting, encoding, None) @ np.ones(3)
        ops.append(MatrixOp(matrix=np.eye(3) / white.max()))
    if linear_scale != 1.0:
        ops.append(MatrixOp(matrix=np.eye(3) * float(np.float32(linear_scale))))
    return [*ops, MatrixOp(matrix=rgb_to_xyz_matrix(limiting))]


def _styles() -> dict[str, Callable[[], list[Op]]]:
    """The styles of OCIO's ``aces2_output_transforms`` list: (name, peak, limiting, encoding, scale, white)."""
    cinema = CINEMA_HDR_SCALE
    table: list[tuple[str, float, ColorSpace, ColorSpace, float, bool]] = [
        ("SDR-100nit-REC709", 100.0, REC709_D65, REC709_D65, 1.0, False),
        ("SDR-100nit-P3-D65", 100.0, P3_D65, P3_D65, 1.0, False),
        ("HDR-108nit-P3-D65", 225.0, P3_D65, P3_D65, cinema, False),
        ("HDR-300nit-P3-D65", 625.0, P3_D65, P3_D65, cinema, False),
    ]
    for gamut, space in (("P3-D65", P3_D65), ("REC2020", REC2020_D65)):
        table += [(f"HDR-{nits}nit-{gamut}", float(nits), space, space, 1.0, False) for nits in (500, 1000, 2000, 4000)]
    table += [
        ("SDR-100nit-REC709-D60-in-REC709-D65", 100.0, REC709_D60, REC709_D65, 1.0, True),
        ("SDR-100nit-REC709-D60-in-P3-D65", 100.0, REC709_D60, P3_D65, 1.0, True),
        ("SDR-100nit-REC709-D60-in-REC2020-D65", 100.0, REC709_D60, REC2020_D65, 1.0, True),
        ("SDR-100nit-P3-D60-in-P3-D65", 100.0, P3_D60, P3_D65, 1.0, True),
        ("SDR-100nit-P3-D60-in-XYZ-E", 100.0, P3_D60, XYZ_E, 1.0, False),
        ("HDR-108nit-P3-D60-in-P3-D65", 225.0, P3_D60, P3_D65, cinema, True),
        ("HDR-300nit-P3-D60-in-XYZ-E", 625.0, P3_D60, XYZ_E, cinema, True),
    ]
    for enc_name, enc in (("P3-D65", P3_D65), ("REC2020-D65", REC2020_D65)):
        table += [
            (f"HDR-{nits}nit-P3-D60-in-{enc_name}", float(nits), P3_D60, enc, 1.0, True)
            for nits in (500, 1000, 2000, 4000)
        ]
    table += [
        (f"HDR-{nits}nit-REC2020-D60-in-REC2020-D65", float(nits), REC2020_D60, REC2020_D65, 1.0, True)
        for nits in (500, 1000, 2000, 4000)
    ]
    prefix = "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - "
    return {
        f"{prefix}{name}_2.0": (lambda a=args: aces2_output_ops(*a))  # type: ignore[misc]
        for name, *args in table
    }


ACES2_STYLES: dict[str, Callable[[], list[Op]]] = _styles()
"""The ACES 2.0 output BuiltinTransform styles by OCIO name (31 in OCIO 2.6)."""
