import numpy as np

from vfx_rs.pipeline.ops import HueAdjustOp, Lut1DOp
from vfx_rs.pipeline.ops.lut1d_half import HalfLut1DOp, half_domain

_X = np.linspace(0.0, 1.0, 33)
_H = np.nan_to_num(half_domain(), nan=0.0, posinf=65504.0, neginf=-65504.0)
_CURVE = Lut1DOp(table=np.stack([_X ** (1 / 2.2), _X**1.8, 0.05 + 0.9 * _X**0.8], axis=1))

KIND = "hue_adjust"
EXAMPLES = [
    HueAdjustOp(inner=_CURVE),
    HueAdjustOp(inner=_CURVE).inverse(),
    HueAdjustOp(inner=HalfLut1DOp(table=np.repeat((np.sign(_H) * np.abs(_H) ** 0.6)[:, None], 3, axis=1))),
]
