"""Preview = export proof: the whole image through the viewport's shader against the exact NumPy core.

`compare` (no Qt) measures, in display code values, the absolute difference
between the viewport's float read-back (`vfxview.viewport.Viewport.render_float`:
``shaders/display.frag`` with the view's GLSL, black background, no false
colour) and `vfx_rs.view.ViewSettings.apply` (what export writes): per pixel
the largest of R, G, B; then the maximum (and where), the 99th percentile and
the mean over the pixels. NaN against NaN and an infinity against the same
infinity count as equal; any other NaN or Inf mismatch is an infinite error.
Pixels whose stored value holds a NaN or an infinity are left out and
counted (``skipped``): the viewport shows them in false colour, and GLSL
leaves arithmetic on them undefined (GLSL 4.60 section 4.7.1).

``python -m vfxview.headless_parity IMAGE [view options] [--threshold T]
[--heatmap OUT]`` runs it headless (under Xvfb without a display) and exits 1
over the threshold, so a pipeline can gate deliveries on it; ``vfx parity``
runs that in a subprocess. This module imports no Qt or OpenGL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from vfx_rs.image import Image

__all__ = [
    "DEFAULT_THRESHOLD",
    "ParityReport",
    "check_state",
    "compare",
    "heat_map",
    "parity_check",
]

DEFAULT_THRESHOLD = 1e-3
"""Largest accepted difference in display code values: about one 10-bit code value (1/1023), a quarter of an 8-bit one."""


@dataclass(frozen=True)
class ParityReport:
    """What `compare` measured (display code values; ``max_at`` is the image pixel and channel of the maximum)."""

    max_error: float
    p99_error: float
    mean_error: float
    max_at: tuple[int, int, str]
    pixels: int
    threshold: float
    skipped: int = 0

    @property
    def passed(self) -> bool:
        """True when the maximum is within the threshold."""
        return self.max_error <= self.threshold

    def text(self) -> str:
        """One line per figure, then the verdict."""
        x, y, channel = self.max_at
        verdict = "PASS" if self.passed else "FAIL"
        return "\n".join(
            [
                f"preview (GLSL) vs export (NumPy) over {self.pixels} pixels, display code values:",
                f"  max  {self.max_error:.3g} at pixel ({x}, {y}) channel {channel}",
                f"  p99  {self.p99_error:.3g}",
                f"  mean {self.mean_error:.3g}",
                f"  {self.skipped} pixels with NaN or Inf stored values left out (false colour on screen)",
                f"{verdict}: max {'<=' if self.passed else '>'} threshold {self.threshold:g}",
            ]
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for JSON), with ``passed``."""
        return {**asdict(self), "max_at": list(self.max_at), "passed": self.passed}


def _errors(gl: np.ndarray, exact: np.ndarray) -> np.ndarray:
    """Per-channel |gl - exact| in float64, 0 where both are NaN or the same infinity, inf on any other mismatch."""
    a, b = gl.astype(np.float64), exact.astype(np.float64)
    with np.errstate(invalid="ignore"):
        err = np.abs(a - b)
    same = (np.isnan(a) & np.isnan(b)) | (np.isinf(a) & (a == b))
    err[same] = 0.0
    err[np.isnan(err)] = np.inf
    return err


def compare(
    gl: np.ndarray,
    exact: np.ndarray,
    origin: tuple[int, int] = (0, 0),
    threshold: float = DEFAULT_THRESHOLD,
    skip: np.ndarray | None = None,
) -> tuple[ParityReport, np.ndarray]:
    """Compare two ``(H, W, >=3)`` displayed images of the same pixels; `origin` is the image pixel of ``[0, 0]``.

    `skip` (``(H, W)`` bool) marks pixels left out (error 0, counted). Returns the `ParityReport` and the
    per-pixel error (largest channel) ``(H, W)``.
    """
    err = _errors(gl[..., :3], exact[..., :3])
    skip = np.zeros(err.shape[:2], bool) if skip is None else skip
    err[skip] = 0.0
    per_pixel = err.max(axis=-1)
    kept = per_pixel[~skip]
    with np.errstate(invalid="ignore"):  # an infinite error makes the percentile's interpolation inf - inf
        p99 = float(np.percentile(kept, 99)) if kept.size else 0.0
    flat = int(np.argmax(err))
    y, x, c = np.unravel_index(flat, err.shape)
    report = ParityReport(
        max_error=float(err.max(initial=0.0)),
        p99_error=p99,
        mean_error=float(kept.mean()) if kept.size else 0.0,
        max_at=(int(x) + origin[0], int(y) + origin[1], "RGB"[int(c)]),
        pixels=int(kept.size),
        threshold=float(threshold),
        skipped=int(skip.sum()),
    )
    return report, per_pixel


def heat_map(per_pixel: np.ndarray, threshold: float) -> Image:
    """The per-pixel error as an RGB image: black (0) to red (the threshold) to yellow (twice it or more)."""
    t = np.clip(per_pixel / threshold, 0.0, 2.0) / 2.0
    rgb = np.zeros((*per_pixel.shape, 3), np.float32)
    rgb[..., 0] = np.minimum(1.0, 2.0 * t)
    rgb[..., 1] = np.maximum(0.0, 2.0 * t - 1.0)
    return Image(rgb)


def parity_check(
    image: Image, settings: Any, render_float: Callable[[], np.ndarray], threshold: float = DEFAULT_THRESHOLD
) -> tuple[ParityReport, np.ndarray]:
    """`compare` the viewport's read-back (``render_float()``: the display window, ``(H, W, 4)``) with
    ``settings.apply(image)`` over the pixels of the data window inside the display window."""
    shown = render_float()
    exact = settings.apply(image).pixels
    dx0, dy0, dx1, dy1 = image.display_window
    x0, y0, x1, y1 = image.data_window
    lo_x, lo_y, hi_x, hi_y = max(x0, dx0), max(y0, dy0), min(x1, dx1), min(y1, dy1)
    gl = shown[lo_y - dy0 : hi_y - dy0 + 1, lo_x - dx0 : hi_x - dx0 + 1]
    ref = exact[lo_y - y0 : hi_y - y0 + 1, lo_x - x0 : hi_x - x0 + 1]
    stored = image.pixels[lo_y - y0 : hi_y - y0 + 1, lo_x - x0 : hi_x - x0 + 1]
    return compare(gl, ref, (lo_x, lo_y), threshold, ~np.isfinite(stored).all(axis=-1))


def check_state(
    state: Any, render_float: Callable[[], np.ndarray], threshold: float = DEFAULT_THRESHOLD, heatmap: str | None = None
) -> ParityReport | None:
    """`parity_check` of the viewer's current image and settings (the viewer's Debug menu and ``debug.parity``).

    The viewport renders with a black background and no false colour for the measurement; both come back
    after. On failure ``state.error`` says why and None is returned.
    """
    import vfx_rs
    from vfx_rs.errors import VfxError
    from vfxview.state import report_error

    if state.image is None:
        report_error(state, "nothing to check: no image is open")
        return None
    kept = {"background": state.background, "nan_false_color": state.nan_false_color}
    state.update(background="black", nan_false_color=False)
    try:
        report, per_pixel = parity_check(state.image, state.settings, render_float, threshold)
        if heatmap:
            vfx_rs.write(heatmap, heat_map(per_pixel, threshold))
    except (VfxError, OSError, RuntimeError, ValueError) as exc:
        report_error(state, f"parity check failed: {exc}")
        return None
    finally:
        state.update(**kept)
    return report
