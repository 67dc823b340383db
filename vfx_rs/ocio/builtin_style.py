"""`BuiltinStyle`, one OCIO BuiltinTransform style, and the helpers the style modules share."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from vfx_rs.color import rgb_to_rgb_matrix
from vfx_rs.color.spaces import ColorSpace
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import MatrixOp
from vfx_rs.pipeline.ops.transfer import PiecewiseLogOp

__all__ = ["HALF_MAX", "BuiltinStyle", "conversion_matrix", "log_camera_ops"]

HALF_MAX = 65504.0
"""The largest half float (IEEE 754 binary16): OCIO evaluates several built-in curves as tables on half-float
inputs (OCIO OpHelpers.cpp, CreateHalfLut), so larger values take the value at 65504."""


@dataclass(frozen=True)
class BuiltinStyle:
    """One BuiltinTransform style: its OCIO name, what it does, and the functions building its ops.

    `build_inverse`, when given, builds the inverse direction (where OCIO's
    inverse is not the plain inverse of the forward ops, or a forward op has
    no inverse); otherwise the forward ops are inverted.
    """

    style: str
    description: str
    build: Callable[[], list[Op]]
    build_inverse: Callable[[], list[Op]] | None = None


def conversion_matrix(src: str | ColorSpace, dst: str | ColorSpace, adaptation: str | None = None) -> MatrixOp:
    """The `MatrixOp` from linear `src` to linear `dst` (`vfx_rs.color` spaces; `adaptation` None, ``"bradford"``
    or ``"cat02"``), derived as OCIO's ColorMatrixHelpers does (SMPTE RP 177 with a von Kries-type adaptation)."""
    return MatrixOp(matrix=rgb_to_rgb_matrix(src, dst, adaptation))


def log_camera_ops(ops: list[Op]) -> list[Op]:
    """A `vfx_rs.color` curve's ops as OCIO's LogCameraTransform applies them: its log segments take
    ``log(max(FLT_MIN, x))`` (`PiecewiseLogOp.log_floor`), so NaN encodes as OCIO's does."""
    return [dataclasses.replace(op, log_floor=True) if isinstance(op, PiecewiseLogOp) else op for op in ops]
