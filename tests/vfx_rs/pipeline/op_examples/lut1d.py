import numpy as np

from vfx_rs.pipeline.ops import Lut1DOp

_X = np.linspace(0.0, 1.0, 33)

KIND = "lut1d"
EXAMPLES = [
    Lut1DOp(table=np.stack([_X ** (1 / 2.2), _X**2, 0.1 + 0.8 * _X], axis=1)),
    Lut1DOp(
        table=np.stack([_X, 1 - _X, _X**0.5 * 4], axis=1), domain_min=[-0.05, 0.0, 0.1], domain_max=[1.2, 64.0, 0.9]
    ),
    # 5000 entries: the table wraps onto two texture rows.
    Lut1DOp(table=np.repeat(np.linspace(0.0, 1.0, 5000)[:, None] ** 0.45, 3, axis=1)),
]
