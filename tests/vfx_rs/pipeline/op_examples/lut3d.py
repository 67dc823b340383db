import numpy as np

from vfx_rs.pipeline.ops import Lut3DOp


def _table(n: int) -> np.ndarray:
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    return np.stack([r**1.5 * 0.9 + 0.1 * g, 0.2 * r + 0.7 * g**0.8 + 0.1 * b, b**2 * 0.8 + 0.15 * r * g], axis=-1)


KIND = "lut3d"
EXAMPLES = [
    Lut3DOp(table=_table(17), interpolation="tetrahedral"),
    Lut3DOp(table=_table(17), interpolation="trilinear"),
    Lut3DOp(table=_table(5), domain_min=[-0.05, 0.0, 0.1], domain_max=[1.2, 1.0, 0.9], interpolation="tetrahedral"),
    Lut3DOp(table=_table(2), domain_min=[-0.05, 0.0, 0.1], domain_max=[1.2, 1.0, 0.9], interpolation="trilinear"),
]
