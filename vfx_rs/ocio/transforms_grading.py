"""The grading transforms of an OCIO config as pipeline ops: ExposureContrast and CDL.

ExposureContrastTransform is `vfx_rs.pipeline.exposure_contrast` (OpenColorIO's
ExposureContrastOpCPU). A property missing from the YAML is dynamic in OCIO (a
live slider): its op is marked dynamic, so it keeps its structure in the pipeline.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError, OcioError
from vfx_rs.ocio.model import Transform
from vfx_rs.pipeline.exposure_contrast import EC_MIN, EC_VIDEO_POWER
from vfx_rs.pipeline.exposure_contrast import exposure_contrast_ops as ec_ops
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import ExponentOp, MatrixOp

__all__ = ["EC_MIN", "EC_VIDEO_POWER", "cdl_ops", "exposure_contrast_ops", "number_param"]

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


def exposure_contrast_ops(t: Transform, path: str | None) -> list[Op]:
    """The forward ops of an ExposureContrastTransform (module docstring)."""
    style = str(t.params.get("style", "linear")).lower()
    if style not in ("linear", "video", "log"):
        raise OcioError(
            f"ExposureContrastTransform style {style!r} is not linear, video or log", path=path, line=t.line
        )
    v = {k: number_param(t, k, d, path) for k, d in _EC_DEFAULTS.items()}
    dynamic = not all(k in t.params for k in ("exposure", "contrast", "gamma"))
    mid_gray = number_param(t, "log_midway_gray", 0.435, path)
    return ec_ops(style, **v, log_midway_gray=mid_gray, dynamic=dynamic)


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
