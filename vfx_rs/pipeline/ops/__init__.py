"""The primitive op kinds, one module each; `OPS` registers them by kind.

Every kind registered here has a NumPy kernel and a GLSL snippet; the parity
test renders each kind's GLSL and compares it with its kernel.
"""

from __future__ import annotations

from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.aces import AcesDarkToDimOp, AcesGamutCompressOp, AcesGlowOp, AcesRedModOp
from vfx_rs.pipeline.ops.bspline import BSplineCurveOp
from vfx_rs.pipeline.ops.cdl import CdlOp
from vfx_rs.pipeline.ops.exponent import ExponentLinearOp, ExponentOp
from vfx_rs.pipeline.ops.log import LogOp
from vfx_rs.pipeline.ops.luminance_power import LuminancePowerOp
from vfx_rs.pipeline.ops.lut1d import Lut1DOp
from vfx_rs.pipeline.ops.lut1d_half import HalfLut1DOp
from vfx_rs.pipeline.ops.lut3d import Lut3DOp
from vfx_rs.pipeline.ops.lut_inverse import LutInverseOp
from vfx_rs.pipeline.ops.matrix import MatrixOp
from vfx_rs.pipeline.ops.range import RangeOp
from vfx_rs.pipeline.ops.signed_log import SignedLogOp
from vfx_rs.pipeline.ops.transfer import FixedCurveOp, PiecewiseLogOp, PiecewisePowerOp

__all__ = [
    "OPS",
    "AcesDarkToDimOp",
    "AcesGamutCompressOp",
    "AcesGlowOp",
    "AcesRedModOp",
    "BSplineCurveOp",
    "CdlOp",
    "ExponentLinearOp",
    "ExponentOp",
    "FixedCurveOp",
    "HalfLut1DOp",
    "LogOp",
    "LuminancePowerOp",
    "Lut1DOp",
    "Lut3DOp",
    "LutInverseOp",
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
    LutInverseOp.kind: LutInverseOp,
    Lut3DOp.kind: Lut3DOp,
    AcesRedModOp.kind: AcesRedModOp,
    AcesGlowOp.kind: AcesGlowOp,
    AcesDarkToDimOp.kind: AcesDarkToDimOp,
    AcesGamutCompressOp.kind: AcesGamutCompressOp,
    BSplineCurveOp.kind: BSplineCurveOp,
    CdlOp.kind: CdlOp,
    SignedLogOp.kind: SignedLogOp,
    LuminancePowerOp.kind: LuminancePowerOp,
}
"""Every op kind by name. Add an entry explicitly for each new kind."""
