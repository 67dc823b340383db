import numpy as np

from vfx_rs.pipeline.ops import Lut1DInverseOp

_X = np.linspace(0.0, 1.0, 33)

KIND = "lut1d_inverse"
EXAMPLES = [
    Lut1DInverseOp(table=np.stack([_X ** (1 / 2.2), _X**2, 0.1 + 0.8 * _X], axis=1)),
    # Decreasing, flat ends, a reversal and an extended range, over a domain.
    Lut1DInverseOp(
        table=np.stack([1 - _X, np.clip(1.5 * _X - 0.2, 0, 1), np.sin(3 * _X) * 4], axis=1),
        domain_min=[-0.05, 0.0, 0.1],
        domain_max=[1.2, 64.0, 0.9],
    ),
    # 5000 entries: the table wraps onto two texture rows.
    Lut1DInverseOp(table=np.repeat(np.linspace(0.0, 1.0, 5000)[:, None] ** 0.45, 3, axis=1)),
]
