import numpy as np

from vfx_rs.pipeline.ops import HalfLut1DInverseOp
from vfx_rs.pipeline.ops.lut1d_half import half_domain

with np.errstate(all="ignore"):
    _H = half_domain()
    _TABLE = np.stack([np.sign(_H) * np.abs(_H) ** (1 / 2.2), -_H * 2.0, np.clip(_H, -1.0, 4.0)], axis=1)

KIND = "lut1d_half_inverse"
EXAMPLES = [HalfLut1DInverseOp(table=np.where(np.isfinite(_TABLE), _TABLE, 0.0))]
