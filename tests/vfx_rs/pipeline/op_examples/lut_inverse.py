import numpy as np

from vfx_rs.pipeline.ops import ExponentOp, LogOp, Lut1DOp, MatrixOp, RangeOp
from vfx_rs.pipeline.ops.lut1d_half import HalfLut1DOp, half_domain

_H = np.nan_to_num(half_domain(), nan=0.0, posinf=65504.0, neginf=-65504.0)
_X = np.linspace(0.0, 1.0, 4096)[:, None].repeat(3, axis=1)
_POWER = (ExponentOp(exponent=(2.2, 2.2, 2.2), style="mirror"), RangeOp(lo=-4.0, hi=4.0))
_ANTILOG = (MatrixOp(matrix=np.eye(3) * 0.5, offset=(0.1, 0.1, 0.1)), LogOp(base=2.0, to_log=False))

KIND = "lut_inverse"
EXAMPLES = [
    HalfLut1DOp(
        table=np.repeat((np.sign(_H) * np.abs(_H) ** (1 / 2.2))[:, None], 3, axis=1), inverse_ops=_POWER
    ).inverse(),
    HalfLut1DOp(table=np.repeat(np.log2(np.abs(_H) + 1.0)[:, None], 3, axis=1), inverse_ops=_ANTILOG).inverse(),
    Lut1DOp(table=_X ** (1 / 2.2), inverse_ops=(RangeOp(lo=0.0, hi=1.0), _POWER[0])).inverse(),
]
