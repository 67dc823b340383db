"""OpenColorIO's fixed functions by style name: the pipeline ops each one is.

Used by OCIO configs' FixedFunctionTransform and by CTF's ``FixedFunction``
and ``ACES`` nodes. `FIXED_FUNCTIONS` maps a lower-case OCIO style name
(``ACES_RedMod10``, ``REC2100_Surround``, ``RGB_TO_HSV``...) to a function of
the ``params`` list returning the forward ops; the inverse styles are their
ops' inverses. The ACES 1.x fixed functions of the RRT/ODT and of the 1.3
reference gamut compression are the ops of `vfx_rs.pipeline.ops.aces`, the
ACES 2.0 output transform and its stages (params: peak luminance and/or 8 xy
values of R, G, B, white) those of `vfx_rs.pipeline.ops.aces2`; ``LIN_TO_PQ``
is SMPTE ST 2084 with linear 1.0 = 100 cd/m2, mirrored below zero;
``REC2100_Surround`` is `LuminancePowerOp`; ``RGB_TO_HSV`` is `HsvOp`;
``ACES_RedMod03`` is `AcesRedMod03Op`; ``XYZ_TO_xyY``/``uvY``/``LUV`` are
`CieCoordsOp`, ``RGB_TO_HSY_LIN``/``LOG``/``VID`` `HsyOp`, ``Lin_TO_GammaLog``
`GammaLogOp` (10 params) and ``Lin_TO_DoubleLog`` `DoubleLogOp` (13 params).
That is every style OCIO 2.6 registers except the never-implemented
``ACES_GamutMap02``/``07``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.aces import AcesDarkToDimOp, AcesGamutCompressOp, AcesGlowOp, AcesRedModOp
from vfx_rs.pipeline.ops.aces2 import Aces2GamutCompressOp, Aces2JmhOp, Aces2OutputOp, Aces2ToneCompressOp
from vfx_rs.pipeline.ops.aces_red_mod03 import AcesRedMod03Op
from vfx_rs.pipeline.ops.cie_coords import CieCoordsOp
from vfx_rs.pipeline.ops.double_log import DoubleLogOp
from vfx_rs.pipeline.ops.gamma_log import GammaLogOp
from vfx_rs.pipeline.ops.hsv import HsvOp
from vfx_rs.pipeline.ops.hsy import HsyOp
from vfx_rs.pipeline.ops.luminance_power import LuminancePowerOp
from vfx_rs.pipeline.ops.range import RangeOp
from vfx_rs.pipeline.ops.transfer import FixedCurveOp

__all__ = ["FIXED_FUNCTIONS", "REC2100_SURROUND_FLOOR"]


def _gamut_comp(params: list[float]) -> list[Op]:
    if len(params) != 7:
        raise ArgumentError(f"ACES_GamutComp13 needs 7 params (3 limits, 3 thresholds, power), got {len(params)}")
    return [AcesGamutCompressOp(limits=tuple(params[:3]), thresholds=tuple(params[3:6]), power=params[6])]  # type: ignore[arg-type]


def _f32(value: float) -> float:
    """`value` rounded to float32, as OCIO's CPU renderers take their parameters."""
    return float(np.float32(value))


def _counted(count: int, build: Callable[[list[float]], Op]) -> Callable[[list[float]], list[Op]]:
    def checked(params: list[float]) -> list[Op]:
        if len(params) != count:
            raise ArgumentError(f"this style takes {count} params, got {len(params)}")
        return [build(params)]

    return checked


def _no_params(build: Callable[[], list[Op]]) -> Callable[[list[float]], list[Op]]:
    def checked(params: list[float]) -> list[Op]:
        if params:
            raise ArgumentError(f"this style takes no params, got {params}")
        return build()

    return checked


FIXED_FUNCTIONS: dict[str, Callable[[list[float]], list[Op]]] = {
    "aces_redmod03": _no_params(lambda: [AcesRedMod03Op()]),
    "aces_redmod10": _no_params(lambda: [AcesRedModOp()]),
    "aces_glow03": _no_params(lambda: [AcesGlowOp(gain=0.075, mid=0.1)]),
    "aces_glow10": _no_params(lambda: [AcesGlowOp(gain=0.05, mid=0.08)]),
    "aces_darktodim10": _no_params(lambda: [AcesDarkToDimOp(gamma=0.9811)]),
    "aces_gamutcomp13": _gamut_comp,
    "lin_to_pq": _no_params(lambda: [RangeOp(scale=0.01), FixedCurveOp(curve="st2084_mirror")]),
    "aces2_outputtransform": _counted(9, lambda p: Aces2OutputOp(peak=p[0], limiting=tuple(p[1:]))),  # type: ignore[arg-type]
    "aces2_rgb_to_jmh": _counted(8, lambda p: Aces2JmhOp(primaries=tuple(p))),  # type: ignore[arg-type]
    "aces2_tonescalecompress": _counted(1, lambda p: Aces2ToneCompressOp(peak=p[0])),
    "aces2_gamutcompress": _counted(9, lambda p: Aces2GamutCompressOp(peak=p[0], limiting=tuple(p[1:]))),  # type: ignore[arg-type]
    "rec2100_surround": _counted(1, lambda p: LuminancePowerOp(exponent=_f32(p[0]), floor=REC2100_SURROUND_FLOOR)),
    "rgb_to_hsv": _no_params(lambda: [HsvOp(to_hsv=True)]),
    "xyz_to_xyy": _no_params(lambda: [CieCoordsOp(style="xyy")]),
    "xyz_to_uvy": _no_params(lambda: [CieCoordsOp(style="uvy")]),
    "xyz_to_luv": _no_params(lambda: [CieCoordsOp(style="luv")]),
    "rgb_to_hsy_lin": _no_params(lambda: [HsyOp(style="lin")]),
    "rgb_to_hsy_log": _no_params(lambda: [HsyOp(style="log")]),
    "rgb_to_hsy_vid": _no_params(lambda: [HsyOp(style="vid")]),
    "lin_to_gammalog": lambda p: [GammaLogOp.from_params(p)],
    "lin_to_doublelog": lambda p: [DoubleLogOp.from_params(p)],
}
"""FixedFunctionTransform styles by lower-case name: a function of the ``params`` list giving the forward ops.
ACES 1.0 glow: gain 0.05, mid 0.08 (aces-dev ``RRT.ctl``); ACES 0.3 glow: 0.075, 0.1; dark to dim: gamma
0.9811 (``ACESlib.ODT_Common.ctl`` DIM_SURROUND_GAMMA). Rec.2100 surround: ``rgb * max(|Y|, 1e-4) ** (gamma - 1)``
with BT.2100 luminance (OCIO Renderer_REC2100_Surround)."""

REC2100_SURROUND_FLOOR = 1e-4
"""Smallest luminance in the Rec.2100 surround gain (OCIO FixedFunctionOpCPU.cpp, m_minLum)."""
