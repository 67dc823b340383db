"""The primitive op kinds, one module each; `OPS` registers them by kind.

Every kind registered here has a NumPy kernel and a GLSL snippet; the parity
test renders each kind's GLSL and compares it with its kernel.
"""

from __future__ import annotations

from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.aces import AcesDarkToDimOp, AcesGamutCompressOp, AcesGlowOp, AcesRedModOp
from vfx_rs.pipeline.ops.aces2 import Aces2GamutCompressOp, Aces2JmhOp, Aces2OutputOp, Aces2ToneCompressOp
from vfx_rs.pipeline.ops.aces_red_mod03 import AcesRedMod03Op
from vfx_rs.pipeline.ops.bspline import BSplineCurveOp
from vfx_rs.pipeline.ops.cdl import CdlOp
from vfx_rs.pipeline.ops.cie_coords import CieCoordsOp
from vfx_rs.pipeline.ops.double_log import DoubleLogOp
from vfx_rs.pipeline.ops.exponent import ExponentLinearOp, ExponentOp
from vfx_rs.pipeline.ops.gamma_log import GammaLogOp
from vfx_rs.pipeline.ops.grading_hue_curve import GradingHueCurveOp
from vfx_rs.pipeline.ops.grading_primary import GradingPrimaryOp
from vfx_rs.pipeline.ops.grading_rgb_curve import GradingRGBCurveOp
from vfx_rs.pipeline.ops.grading_tone import GradingToneOp
from vfx_rs.pipeline.ops.hsv import HsvOp
from vfx_rs.pipeline.ops.hsy import HsyOp
from vfx_rs.pipeline.ops.hue_adjust import HueAdjustOp
from vfx_rs.pipeline.ops.log import LogOp
from vfx_rs.pipeline.ops.luminance_power import LuminancePowerOp
from vfx_rs.pipeline.ops.lut1d import Lut1DOp
from vfx_rs.pipeline.ops.lut1d_half import HalfLut1DOp
from vfx_rs.pipeline.ops.lut1d_half_inverse import HalfLut1DInverseOp
from vfx_rs.pipeline.ops.lut1d_inverse import Lut1DInverseOp
from vfx_rs.pipeline.ops.lut3d import Lut3DOp
from vfx_rs.pipeline.ops.lut3d_inverse import Lut3DInverseOp
from vfx_rs.pipeline.ops.matrix import MatrixOp
from vfx_rs.pipeline.ops.matrix_alpha import AlphaMatrixOp
from vfx_rs.pipeline.ops.range import RangeOp
from vfx_rs.pipeline.ops.signed_log import SignedLogOp
from vfx_rs.pipeline.ops.transfer import FixedCurveOp, PiecewiseLogOp, PiecewisePowerOp

__all__ = [
    "OPS",
    "Aces2GamutCompressOp",
    "Aces2JmhOp",
    "Aces2OutputOp",
    "Aces2ToneCompressOp",
    "AcesDarkToDimOp",
    "AcesGamutCompressOp",
    "AcesGlowOp",
    "AcesRedMod03Op",
    "AcesRedModOp",
    "AlphaMatrixOp",
    "BSplineCurveOp",
    "CdlOp",
    "CieCoordsOp",
    "DoubleLogOp",
    "ExponentLinearOp",
    "ExponentOp",
    "FixedCurveOp",
    "GammaLogOp",
    "GradingHueCurveOp",
    "GradingPrimaryOp",
    "GradingRGBCurveOp",
    "GradingToneOp",
    "HalfLut1DInverseOp",
    "HalfLut1DOp",
    "HsvOp",
    "HsyOp",
    "HueAdjustOp",
    "LogOp",
    "LuminancePowerOp",
    "Lut1DInverseOp",
    "Lut1DOp",
    "Lut3DInverseOp",
    "Lut3DOp",
    "MatrixOp",
    "PiecewiseLogOp",
    "PiecewisePowerOp",
    "RangeOp",
    "SignedLogOp",
]

OPS: dict[str, type[Op]] = {
    MatrixOp.kind: MatrixOp,
    ExponentOp.kind: ExponentOp,
    ExponentLinearOp.kind: ExponentLinearOp,
    LogOp.kind: LogOp,
    FixedCurveOp.kind: FixedCurveOp,
    PiecewiseLogOp.kind: PiecewiseLogOp,
    PiecewisePowerOp.kind: PiecewisePowerOp,
    RangeOp.kind: RangeOp,
    Lut1DOp.kind: Lut1DOp,
    HalfLut1DOp.kind: HalfLut1DOp,
    Lut3DOp.kind: Lut3DOp,
    Lut1DInverseOp.kind: Lut1DInverseOp,
    HalfLut1DInverseOp.kind: HalfLut1DInverseOp,
    Lut3DInverseOp.kind: Lut3DInverseOp,
    AcesRedModOp.kind: AcesRedModOp,
    AcesGlowOp.kind: AcesGlowOp,
    AcesDarkToDimOp.kind: AcesDarkToDimOp,
    AcesGamutCompressOp.kind: AcesGamutCompressOp,
    BSplineCurveOp.kind: BSplineCurveOp,
    CdlOp.kind: CdlOp,
    SignedLogOp.kind: SignedLogOp,
    LuminancePowerOp.kind: LuminancePowerOp,
    GradingPrimaryOp.kind: GradingPrimaryOp,
    GradingToneOp.kind: GradingToneOp,
    GradingRGBCurveOp.kind: GradingRGBCurveOp,
    GradingHueCurveOp.kind: GradingHueCurveOp,
    Aces2OutputOp.kind: Aces2OutputOp,
    Aces2JmhOp.kind: Aces2JmhOp,
    Aces2ToneCompressOp.kind: Aces2ToneCompressOp,
    Aces2GamutCompressOp.kind: Aces2GamutCompressOp,
    HueAdjustOp.kind: HueAdjustOp,
    HsvOp.kind: HsvOp,
    AlphaMatrixOp.kind: AlphaMatrixOp,
    AcesRedMod03Op.kind: AcesRedMod03Op,
    CieCoordsOp.kind: CieCoordsOp,
    HsyOp.kind: HsyOp,
    GammaLogOp.kind: GammaLogOp,
    DoubleLogOp.kind: DoubleLogOp,
}
"""Every op kind by name. Add an entry explicitly for each new kind."""
