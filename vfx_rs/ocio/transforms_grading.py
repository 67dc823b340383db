"""The grading transforms of an OCIO config as pipeline ops: ExposureContrast and CDL.

ExposureContrastTransform follows OpenColorIO's ExposureContrastOpCPU
(``ops/exposurecontrast``; documented in ExposureContrastOpData.h): with
``c = max(0.001, contrast * gamma)``, ``e = 2^exposure`` and ``p =
max(0.001, pivot)``,

- ``linear``: ``p * max(0, x * e / p) ^ c`` (just ``x * e`` when c is 1);
- ``video``: the same with e and p raised to 1/1.83, the power that makes
  scene-linear 0.18 land near a video encoding's mid grey;
- ``log``: ``x * c + (exposure * step - q) * c + q`` with the pivot in log
  units ``q = max(0, log2(p / 0.18) * step + mid_gray)``.

A property missing from the YAML is dynamic in OCIO (a live slider): its op
is marked dynamic, so it keeps its structure in the pipeline.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError, OcioError
from vfx_rs.ocio.model import Transform
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import ExponentOp, MatrixOp

__all__ = ["EC_MIN", "EC_VIDEO_POWER", "cdl_ops", "exposure_contrast_ops", "number_param"]

EC_MIN = 0.001
"""Smallest contrast and pivot OCIO uses (ExposureContrastOpData.h, MIN_CONTRAST and MIN_PIVOT)."""

EC_VIDEO_POWER = 1.0 / 1.83
"""OCIO's video-style power, 1/1.83 (ExposureContrastOpData.h, VIDEO_OETF_POWER)."""

_EC_DEFAULTS = {"exposure": 0.0, "contrast": 1.0, "gamma": 1.0, "pivot": 0.18, "log_exposure_step": 0.088}
"""OCIO's ExposureContrastTransform defaults; ``log_midway_gray`` defaults to 0.435 (ExposureContrastOpData.h)."""


def number_param(t: Transform, key: str, default: float, path: str | None) -> float:
    """Transform parameter `key` as a finite float (`default` when absent); anything else raises `OcioError`."""
    value = t.params.get(key, default)
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise OcioError(f"{t.kind}Transform '{key}' must be a number, got {value!r}", path=path, line=t.line) from None
    if not math.isfinite(out):
        raise OcioError(f"{t.kind}Transform '{key}' must be finite, got {value!r}", path=path, line=t.line)
    return out


def _scale(values: float, dynamic: bool, offset: float = 0.0) -> MatrixOp:
    return MatrixOp(matrix=np.eye(3) * values, offset=np.full(3, offset), dynamic=dynamic)


def exposure_contrast_ops(t: Transform, path: str | None) -> list[Op]:
    """The forward ops of an ExposureContrastTransform (module docstring)."""
    style = str(t.params.get("style", "linear")).lower()
    if style not in ("linear", "video", "log"):
        raise OcioError(
            f"ExposureContrastTransform style {style!r} is not linear, video or log", path=path, line=t.line
        )
    v = {k: number_param(t, k, d, path) for k, d in _EC_DEFAULTS.items()}
    dynamic = not all(k in t.params for k in ("exposure", "contrast", "gamma"))
    contrast = max(EC_MIN, v["contrast"] * v["gamma"])
    pivot = max(EC_MIN, v["pivot"])
    if style == "log":
        step = v["log_exposure_step"]
        log_pivot = max(0.0, math.log2(pivot / 0.18) * step + number_param(t, "log_midway_gray", 0.435, path))
        return [_scale(contrast, dynamic, (v["exposure"] * step - log_pivot) * contrast + log_pivot)]
    exposure = 2.0 ** v["exposure"]
    if style == "video":
        exposure, pivot = exposure**EC_VIDEO_POWER, pivot**EC_VIDEO_POWER
    if contrast == 1.0 and not dynamic:
        return [_scale(exposure, dynamic)]
    power = ExponentOp(exponent=(contrast,) * 3, style="clamp", dynamic=dynamic)
    return [_scale(exposure / pivot, dynamic), power, _scale(pivot, dynamic)]


def _triple(t: Transform, key: str, default: float, path: str | None) -> tuple[float, float, float]:
    raw = t.params.get(key, [default] * 3)
    try:
        values = tuple(float(v) for v in raw) if isinstance(raw, list) else ()
    except (TypeError, ValueError):
        values = ()
    if len(values) != 3 or not all(math.isfinite(v) for v in values):
        raise OcioError(f"CDLTransform '{key}' needs 3 numbers, got {raw!r}", path=path, line=t.line)
    return values  # type: ignore[return-value]


CDL_LUMA = (0.2126, 0.7152, 0.0722)
"""Rec. 709 luma weights of the CDL saturation (ASC CDL v1.2, section 3.3)."""


def cdl_v1_ops(cdl: Any) -> list[Op]:
    """A CDL (`vfx_rs.color.Cdl`) as OCIO applies it in a v1 config (OCIO CDLOp.cpp, BuildCDLOp for major
    version 1): slope and offset, the power with negatives clamped to 0, then saturation; no clamp at 1."""
    luma = np.array(CDL_LUMA)
    s = cdl.saturation
    return [
        MatrixOp(matrix=np.diag(cdl.slope), offset=np.array(cdl.offset)),
        ExponentOp(exponent=cdl.power, style="clamp"),
        MatrixOp(matrix=s * np.eye(3) + (1.0 - s) * np.outer(np.ones(3), luma)),
    ]


def cdl_ops(t: Transform, path: str | None, inverse: bool, v1: bool = False) -> list[Op]:
    """The ops of a CDLTransform (ASC CDL v1.2, `vfx_rs.color.Cdl`) in direction `inverse`.

    ``style: asc`` clamps to [0, 1] as ASC CDL v1.2; ``noclamp`` (OCIO's
    default) does not. The inverse is OCIO's reverse CDL (reciprocal power
    and saturation, clamps at both ends for ``asc``). In a v1 config (`v1`)
    the style is ignored and `cdl_v1_ops` apply, as OCIO does.
    """
    from vfx_rs.color.cdl import Cdl

    style = str(t.params.get("style", "noclamp")).lower()
    if style not in ("asc", "noclamp"):
        raise OcioError(f"CDLTransform style {style!r} is not asc or noclamp", path=path, line=t.line)
    slope, offset, power = (_triple(t, k, d, path) for k, d in (("slope", 1.0), ("offset", 0.0), ("power", 1.0)))
    sat = number_param(t, "sat", number_param(t, "saturation", 1.0, path), path)
    try:
        cdl = Cdl(slope=slope, offset=offset, power=power, saturation=sat)
    except ArgumentError as exc:
        raise OcioError(f"CDLTransform: {exc.message}", path=path, line=t.line) from None
    if v1:
        ops = cdl_v1_ops(cdl)
        return [op.inverse() for op in reversed(ops)] if inverse else ops
    return list(cdl.ops(style, inverse))
