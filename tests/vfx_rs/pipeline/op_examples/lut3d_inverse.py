import numpy as np

from vfx_rs.pipeline.ops import Lut3DInverseOp


def _table(n: int) -> np.ndarray:
    """A one-to-one LUT (a gamma, then a mild mix keeping black and white): its inverse is unique."""
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    mix = np.array([[0.8, 0.15, 0.05], [0.1, 0.8, 0.1], [0.05, 0.15, 0.8]])
    return np.stack([r**1.2, g**0.9, b**1.1], axis=-1) @ mix.T


def _not_one_to_one(n: int) -> np.ndarray:
    """Clipped (flat regions) in red and green, black and white in blue: many preimages, OCIO's choice decides."""
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    y = 0.3 * r + 0.6 * g + 0.1 * b
    return np.stack([np.clip(1.4 * r - 0.2, 0.0, 1.0), np.clip(1.4 * g - 0.2, 0.0, 1.0), y], axis=-1)


KIND = "lut3d_inverse"
EXAMPLES = [
    Lut3DInverseOp(table=_table(9)),
    Lut3DInverseOp(table=_table(5), domain_min=[-0.05, 0.0, 0.1], domain_max=[1.2, 1.0, 0.9]),
    Lut3DInverseOp(table=_not_one_to_one(7)),
]
