import numpy as np

from vfx_rs.pipeline.ops import Aces2JmhOp

KIND = "aces2_jmh"
EXAMPLES = [Aces2JmhOp(), Aces2JmhOp(forward=False)]


def COMPARE_AS(op: Aces2JmhOp, out: np.ndarray) -> np.ndarray:
    """J, M cos h, M sin h for the forward op: the hue of a grey (M ~ 1e-5) is rounding noise."""
    if not op.forward:
        return out
    h = np.radians(out[..., 2].astype(np.float64))
    return np.stack([out[..., 0], out[..., 1] * np.cos(h), out[..., 1] * np.sin(h)], axis=-1).astype(np.float32)
