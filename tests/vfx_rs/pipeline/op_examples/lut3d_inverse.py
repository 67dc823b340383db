import numpy as np

from vfx_rs.pipeline.ops import Lut3DInverseOp


def _table(n: int) -> np.ndarray:
    """A one-to-one LUT (a gamma, then a mild mix keeping black and white): its inverse is unique."""
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    mix = np.array([[0.8, 0.15, 0.05], [0.1, 0.8, 0.1], [0.05, 0.15, 0.8]])
    return np.stack([r**1.2, g**0.9, b**1.1], axis=-1) @ mix.T


KIND = "lut3d_inverse"
EXAMPLES = [
    Lut3DInverseOp(table=_table(9)),
    Lut3DInverseOp(table=_table(5), domain_min=[-0.05, 0.0, 0.1], domain_max=[1.2, 1.0, 0.9]),
]
