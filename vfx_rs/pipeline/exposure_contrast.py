"""OpenColorIO's ExposureContrast as a composition of matrix and exponent ops.

As OpenColorIO's ExposureContrastOpCPU (``ops/exposurecontrast``; documented
in ExposureContrastOpData.h): with ``c = max(0.001, contrast * gamma)``,
``e = 2^exposure`` and ``p = max(0.001, pivot)``,

- ``linear``: ``p * max(0, x * e / p) ^ c`` (just ``x * e`` when c is 1);
- ``video``: the same with e and p raised to 1/1.83, the power that makes
  scene-linear 0.18 land near a video encoding's mid grey;
- ``log``: ``x * c + (exposure * step - q) * c + q`` with the pivot in log
  units ``q = max(0, log2(p / 0.18) * step + mid_gray)``.

Used by OCIO configs' ExposureContrastTransform and CTF's ``ExposureContrast``
node; the inverse styles are the inverse of these ops. The power uses OCIO's
SSE approximation, as its CPU renderer does (ExposureContrastOpCPU.cpp,
``ssePower``), so the results agree with OCIO's.
"""

from __future__ import annotations

import math

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.exponent import ExponentOp
from vfx_rs.pipeline.ops.matrix import MatrixOp

__all__ = ["EC_MIN", "EC_VIDEO_POWER", "exposure_contrast_ops"]

EC_MIN = 0.001
"""Smallest contrast and pivot OCIO uses (ExposureContrastOpData.h, MIN_CONTRAST and MIN_PIVOT)."""

EC_VIDEO_POWER = 1.0 / 1.83
"""OCIO's video-style power, 1/1.83 (ExposureContrastOpData.h, VIDEO_OETF_POWER)."""


def _scale(values: float, dynamic: bool, offset: float = 0.0) -> MatrixOp:
    return MatrixOp(matrix=np.eye(3) * values, offset=np.full(3, offset), dynamic=dynamic)


def exposure_contrast_ops(
    style: str,
    exposure: float = 0.0,
    contrast: float = 1.0,
    gamma: float = 1.0,
    pivot: float = 0.18,
    log_exposure_step: float = 0.088,
    log_midway_gray: float = 0.435,
    dynamic: bool = False,
) -> list[Op]:
    """The forward ops of an exposure/contrast in `style` ``linear``, ``video`` or ``log`` (module docstring).

    `dynamic` marks the ops live (slider-driven), so they keep their structure.

    Raises
    ------
    ArgumentError
        An unknown style or a non-finite value.
    """
    if style not in ("linear", "video", "log"):
        raise ArgumentError(f"exposure/contrast style {style!r} is not linear, video or log")
    values = (exposure, contrast, gamma, pivot, log_exposure_step, log_midway_gray)
    if not all(math.isfinite(v) for v in values):
        raise ArgumentError(f"exposure/contrast values must be finite, got {values}")
    c = max(EC_MIN, contrast * gamma)
    p = max(EC_MIN, pivot)
    if style == "log":
        log_pivot = max(0.0, math.log2(p / 0.18) * log_exposure_step + log_midway_gray)
        return [_scale(c, dynamic, (exposure * log_exposure_step - log_pivot) * c + log_pivot)]
    if abs(exposure) > 1000:  # 2**exposure overflows a double past 1024 stops
        raise ArgumentError(f"exposure {exposure!r} is out of range (at most 1000 stops either way)")
    e = 2.0**exposure
    if style == "video":
        e, p = e**EC_VIDEO_POWER, p**EC_VIDEO_POWER
    if c == 1.0 and not dynamic:
        return [_scale(e, dynamic)]
    # OCIO's CPU renderer raises to the contrast with its SSE approximation, and multiplies when it is 1.
    power = ExponentOp(exponent=(c,) * 3, style="clamp", approximate=c != 1.0, dynamic=dynamic)
    return [_scale(e / p, dynamic), power, _scale(p, dynamic)]
