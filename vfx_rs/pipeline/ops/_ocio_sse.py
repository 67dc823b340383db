"""OpenColorIO's SSE power function, which its grading ops use on the CPU whatever the optimisation level.

OCIO's GradingPrimary (and other grading) CPU renderers raise to a power
with ``ssePower`` (SSE.h): ``exp2(e * log2(x))`` where log2 and exp2 are
minimax polynomials of degree 5 and 4 ("approximately 15 bits of
mantissa"), and bases at or below zero give 0. Matching OCIO's CPU
processor to 1e-4 through an exponential process space needs the same
approximation; the GLSL twins use ``pow`` (as OCIO's GPU path does).
"""

from __future__ import annotations

import numpy as np

__all__ = ["sse_log2", "sse_power"]

_LOG2 = np.array(
    [
        4.487361286440374006195e-2,
        -4.165637071209677112635e-1,
        1.631148826119436277100,
        -3.550793018041176193407,
        5.091710879305474367557,
        -2.800364054395965731506,
    ],
    dtype=np.float32,
)
"""PNLOG5..PNLOG0: log2 of the mantissa on [1, 2) (SSE.h)."""

_EXP2 = np.array(
    [
        1.353416792833547468620e-2,
        5.201146058412685018921e-2,
        2.414427569091865207710e-1,
        6.930038344665415134202e-1,
        1.000002593370603213644,
    ],
    dtype=np.float32,
)
"""PNEXP4..PNEXP0: exp2 of the fraction on [0, 1) (SSE.h)."""


def _horner(coefs: np.ndarray, x: np.ndarray) -> np.ndarray:
    out = np.full_like(x, coefs[0])
    for c in coefs[1:]:
        out *= x
        out += c
    return out


def sse_log2(x: np.ndarray) -> np.ndarray:
    """OCIO's ``sseLog2`` of float32 `x` (exponent plus a polynomial of the mantissa; no special cases)."""
    bits = np.ascontiguousarray(x, dtype=np.float32).view(np.int32)
    mantissa = ((bits & 0x007FFFFF) | 0x3F800000).view(np.float32)
    exponent = ((bits & 0x7F800000) >> 23) - 127
    return _horner(_LOG2, mantissa) + exponent.astype(np.float32)  # type: ignore[no-any-return]


def _exp2(x: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", over="ignore"):
        floor = np.floor(np.nan_to_num(x, nan=0.0, posinf=0.0, neginf=0.0)).astype(np.int32)
        floor = np.clip(floor, -126, 127)
        scale = ((floor + 127) << 23).view(np.float32)
        out = scale * _horner(_EXP2, x - floor.astype(np.float32))
    out = np.where(x < -126.0, np.float32(0.0), out)
    return np.where(x >= 128.0, np.float32(np.inf), out).astype(np.float32)


def sse_power(base: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """``base ** exponent`` (float32) as OCIO's ``ssePower``: bases at or below 0 give 0."""
    x = np.ascontiguousarray(base, dtype=np.float32)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = _exp2(np.asarray(exponent, dtype=np.float32) * sse_log2(x))
    return np.where(x > 0, out, np.float32(0.0)).astype(np.float32)  # type: ignore[no-any-return]
