"""The display pipeline: ONE function builds it for the viewport (GLSL) and export (NumPy).

Order: exposure (stops, folded into the CDL slope), grade (ASC CDL v1.2
slope, offset, power and saturation as one `CdlOp` in OCIO's no-clamp style,
OCIO's default for CDLTransform, so HDR and negative values survive), channel view, then the color transform (an OCIO config's input
color space -> look -> display/view, or a LUT file, or nothing), then the
display gamma. Exposure, grade, channel and gamma are ``dynamic`` ops, so a
slider only changes uniforms; the GLSL source changes only with the color
transform.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfx_rs.ocio import Config
from vfx_rs.pipeline import MatrixOp, Op, Pipeline
from vfx_rs.pipeline.ops import ExponentOp
from vfx_rs.pipeline.ops.cdl import CdlOp, CdlStyle
from vfxview.state import BUILTIN_CONFIG, CHANNELS, SOURCES, DisplaySettings

__all__ = [
    "BAND_ROWS",
    "CDL_STYLE",
    "LUMA_709",
    "apply_display",
    "clear_caches",
    "color_ops",
    "display_input",
    "display_pipeline",
    "grade_pipeline",
    "load_config",
    "load_lut_ops",
]

CDL_STYLE: CdlStyle = "noclamp_fwd"
"""The grade's CDL style: OCIO's ``CDL_NO_CLAMP`` (its CDLTransform default, also for ``.cc`` files it reads)."""

BAND_ROWS = 64
"""Rows per band when `apply_display` reports progress."""

LUMA_709 = np.array([0.2126, 0.7152, 0.0722])
"""Rec. 709 luma weights (ITU-R BT.709-6, item 3.2), used by the Y view and CDL saturation."""


@functools.lru_cache(maxsize=8)
def load_config(spec: str) -> Config:
    """An OCIO config: ``ocio://name`` (built-in), ``$OCIO`` (the environment variable) or a ``.ocio`` path.

    Cached by `spec` (processors are cached inside the config); `clear_caches` forgets them.
    """
    from vfx_rs.ocio import builtin

    if spec.startswith("ocio://"):
        return builtin(spec)
    if spec == "$OCIO":
        return Config.from_env()
    return Config.from_file(spec)


@functools.lru_cache(maxsize=8)
def load_lut_ops(path: str) -> tuple[Op, ...]:
    """The ops of a LUT file read by `vfx_rs.lut.read` (any format it knows), cached by path."""
    import vfx_rs.lut

    lut = vfx_rs.lut.read(path)
    if hasattr(lut, "to_ops"):
        return tuple(lut.to_ops())
    return tuple(lut.pipeline.ops)


def clear_caches() -> None:
    """Forget loaded configs and LUTs (to re-read files changed on disk)."""
    load_config.cache_clear()
    load_lut_ops.cache_clear()


def _channel_matrix(channel: str) -> np.ndarray:
    if channel not in CHANNELS:
        raise ArgumentError(f"unknown channel view {channel!r}; expected one of {', '.join(CHANNELS)}")
    if channel in ("RGB", "A"):  # alpha is routed into RGB before the pipeline (display_input)
        return np.eye(3)
    row = LUMA_709 if channel == "Y" else np.eye(3)["RGB".index(channel)]
    return np.tile(row, (3, 1))


def grade_pipeline(s: DisplaySettings) -> Pipeline:
    """Exposure and grade alone (scene-linear in, scene-linear out), after the depth normalisation if any."""
    ops: list[Op] = []
    if s.normalize is not None:
        lo, hi = (float(v) for v in s.normalize)
        span = hi - lo if hi > lo else 1.0
        ops.append(MatrixOp(matrix=np.eye(3) / span, offset=np.full(3, -lo / span)))
    gain = 2.0 ** float(s.exposure)
    slope = (float(s.slope[0]) * gain, float(s.slope[1]) * gain, float(s.slope[2]) * gain)
    cdl = CdlOp(
        slope=slope, offset=s.offset, power=s.power, saturation=float(s.saturation), style=CDL_STYLE, dynamic=True
    )
    return Pipeline([*ops, cdl])


def color_ops(s: DisplaySettings) -> list[Op]:
    """The color transform: OCIO input space -> look -> display/view, a LUT file, or none (raw).

    A normalised depth layer is data and bypasses it, as OCIO's ``isdata``
    color spaces do. Raises the `vfx_rs` error of a broken config, LUT or unknown name.
    """
    if s.source not in SOURCES:
        raise ArgumentError(f"unknown color source {s.source!r}; expected one of {', '.join(SOURCES)}")
    if s.source == "raw" or s.normalize is not None:
        return []
    if s.source == "lut":
        if not s.lut:
            raise ArgumentError("no LUT file is loaded")
        return list(load_lut_ops(os.fspath(s.lut)))
    config = load_config(s.config or BUILTIN_CONFIG)
    processor = config.display_processor(s.input_space, s.display, s.view, looks=s.look or None)
    return list(processor.pipeline.ops)


def display_pipeline(s: DisplaySettings) -> Pipeline:
    """The whole chain from scene-linear pixels to display values."""
    channel = MatrixOp(matrix=_channel_matrix(s.channel), dynamic=True)
    gamma = ExponentOp(exponent=(1.0 / float(s.gamma),) * 3, style="mirror", dynamic=True)
    return Pipeline([grade_pipeline(s), channel, *color_ops(s), gamma])


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


def apply_display(
    image: Image,
    s: DisplaySettings,
    *,
    grade_only: bool = False,
    progress: Callable[[float], None] | None = None,
) -> Image:
    """Image as displayed (or graded only), through the exact NumPy core.

    Rows are processed in bands of `BAND_ROWS`; `progress` (if given) gets the
    fraction done after each band (it may be called from a worker thread).
    """
    rgba = display_input(image, s.channel if not grade_only else "RGB")
    pipeline = grade_pipeline(s) if grade_only else display_pipeline(s)
    height = rgba.shape[0]
    for y0 in range(0, height, BAND_ROWS):
        pipeline.apply(rgba[y0 : y0 + BAND_ROWS])
        if progress is not None:
            progress(min(y0 + BAND_ROWS, height) / height)
    return Image._adopt(rgba, ["R", "G", "B", "A"], "f32", dict(image.metadata))
