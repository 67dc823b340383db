import numpy as np

from vfx_rs.pipeline.ops.lut1d_half import HalfLut1DOp, half_domain

_H = np.nan_to_num(half_domain(), nan=0.0, posinf=65504.0, neginf=-65504.0)

KIND = "lut1d_half"
EXAMPLES = [
    HalfLut1DOp(table=np.stack([np.sign(_H) * np.abs(_H) ** (1 / 2.2), _H * 0.5 + 0.1, np.log2(np.abs(_H) + 1.0)], 1)),
    HalfLut1DOp(table=np.repeat(np.clip(_H, -1.0, 2.0)[:, None], 3, axis=1)),
]
