"""The display pipeline: ONE function builds it for the viewport (GLSL) and export (NumPy).

Order: exposure (stops), grade (ASC CDL slope and offset, then saturation
with Rec. 709 luma weights as in ASC CDL v1.2, section 3.3), channel view,
display transform, display gamma. Every live value is a ``dynamic`` op, so a
slider only changes uniforms; the GLSL source changes only with the display
or view choice.
"""

from __future__ import annotations

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfx_rs.pipeline import MatrixOp, Op, Pipeline
from vfx_rs.pipeline.ops.viewer import SrgbEncodeOp, ViewGammaOp
from vfxview.state import CHANNELS, DisplaySettings

__all__ = ["DISPLAYS", "LUMA_709", "apply_display", "display_input", "display_pipeline", "grade_pipeline"]

LUMA_709 = np.array([0.2126, 0.7152, 0.0722])
"""Rec. 709 luma weights (ITU-R BT.709-6, item 3.2), used by the Y view and CDL saturation."""

DISPLAYS: dict[str, dict[str, tuple[Op, ...]]] = {
    "sRGB": {"Standard": (SrgbEncodeOp(),), "Raw": ()},
    "Raw": {"Raw": ()},
}
"""Built-in displays and their views (scene-linear Rec. 709 input)."""


def _channel_matrix(channel: str) -> np.ndarray:
    if channel not in CHANNELS:
        raise ArgumentError(f"unknown channel view {channel!r}; expected one of {', '.join(CHANNELS)}")
    if channel in ("RGB", "A"):  # alpha is routed into RGB before the pipeline (display_input)
        return np.eye(3)
    row = LUMA_709 if channel == "Y" else np.eye(3)["RGB".index(channel)]
    return np.tile(row, (3, 1))


def grade_pipeline(s: DisplaySettings) -> Pipeline:
    """Exposure and grade alone (scene-linear in, scene-linear out), after the depth normalisation if any."""
    exposure = MatrixOp(matrix=np.eye(3) * 2.0 ** float(s.exposure), dynamic=True)
    cdl = MatrixOp(matrix=np.diag(np.asarray(s.slope, float)), offset=np.asarray(s.offset, float), dynamic=True)
    ops: list[Op] = []
    if s.normalize is not None:
        lo, hi = (float(v) for v in s.normalize)
        span = hi - lo if hi > lo else 1.0
        ops.append(MatrixOp(matrix=np.eye(3) / span, offset=np.full(3, -lo / span)))
    sat = float(s.saturation)
    saturation = MatrixOp(matrix=sat * np.eye(3) + (1.0 - sat) * np.tile(LUMA_709, (3, 1)), dynamic=True)
    return Pipeline([*ops, exposure, cdl, saturation])


def display_pipeline(s: DisplaySettings) -> Pipeline:
    """The whole chain from scene-linear pixels to display values."""
    try:
        view_ops = DISPLAYS[s.display][s.view]
    except KeyError:
        raise ArgumentError(f"unknown display/view {s.display!r}/{s.view!r}") from None
    channel = MatrixOp(matrix=_channel_matrix(s.channel), dynamic=True)
    return Pipeline([grade_pipeline(s), channel, *view_ops, ViewGammaOp(gamma=float(s.gamma), dynamic=True)])


def display_input(image: Image, channel: str) -> np.ndarray:
    """RGBA float32 ``(H, W, 4)`` pixels the pipeline sees (grey for 1-2 channels, alpha as grey for A)."""
    data = image.numpy()
    names = image.channel_names
    h, w, c = data.shape
    out = np.ones((h, w, 4), np.float32)
    if c >= 3:
        out[..., :3] = data[..., :3]
    else:
        out[..., :3] = data[..., :1]
    alpha = names.index("A") if "A" in names else (1 if c == 2 else None)
    if alpha is not None:
        out[..., 3] = data[..., alpha]
    if channel == "A":
        out[..., :3] = out[..., 3:4]
    return out


def apply_display(image: Image, s: DisplaySettings, *, grade_only: bool = False) -> Image:
    """Image as displayed (or graded only), through the exact NumPy core."""
    rgba = display_input(image, s.channel if not grade_only else "RGB")
    pipeline = grade_pipeline(s) if grade_only else display_pipeline(s)
    pipeline.apply(rgba)
    return Image._adopt(rgba, ["R", "G", "B", "A"], "f32", dict(image.metadata))
