"""The C library's float functions for the ACES 2.0 tables, where an ulp of them decides a table entry.

OpenColorIO builds its ACES 2.0 tables (``src/OpenColorIO/ops/fixedfunction/ACES2/Transform.cpp``) with
``powf`` and ``std::atan2`` on floats, as glibc computes them. NumPy's float32 kernels and float64 results
rounded to float32 differ from those by an ulp now and then, and a bisection step that lands within an ulp of
its threshold then goes the other way. `libm_math` gives glibc's own results (through ctypes, and for ``powf`` only
where the float64 result is near a rounding boundary); `libm_hue` is the JMh hue of one RGB triple computed as
OCIO's float code does; `near` finds the values worth recomputing that way. `table_aab`, `table_jmh`,
`table_rgb` and `rgb_outside` are the model's conversions as the table searches use them.
"""

from __future__ import annotations

import ctypes
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from vfx_rs.pipeline.ops.aces2_model import (
    EXACT,
    F32,
    F32Math,
    JmhParams,
    aab_to_jmh,
    aab_to_rgb,
    cone_compress,
    hue_radians,
    jmh_to_aab,
    matvec,
    rgb_to_aab,
)

__all__ = [
    "exact_hue",
    "libm",
    "libm_hue",
    "libm_math",
    "near",
    "rgb_outside",
    "table_aab",
    "table_jmh",
    "table_rgb",
]


@functools.cache
def _c_library() -> ctypes.CDLL | None:
    """The C math library, loaded on first use (glibc's name first: `ctypes.util.find_library` runs a subprocess)."""
    try:
        return ctypes.CDLL("libm.so.6")
    except OSError:
        pass
    from ctypes.util import find_library

    name = find_library("m")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def libm(name: str, nargs: int, vectorise: bool = True) -> Callable[..., Any] | None:
    """The C library's float function `name` (None where it cannot be loaded), on arrays unless not `vectorise`."""
    fn = getattr(_c_library(), name, None)
    if fn is None:
        return None
    fn.restype, fn.argtypes = ctypes.c_float, [ctypes.c_float] * nargs
    if not vectorise:
        return fn  # type: ignore[no-any-return]
    ufunc = np.frompyfunc(fn, nargs, 1)
    return lambda *args: np.asarray(ufunc(*(np.asarray(a, F32) for a in args)), dtype=F32)


def _hybrid_powf(powf: Callable[..., Any]) -> Callable[..., Any]:
    """``powf`` through float64, calling the C library's ``powf`` only where the float64 result lies so close to a
    float32 rounding boundary that the two may round apart (one case in a few thousand)."""

    def power(x: Any, y: Any) -> np.ndarray:
        exact = np.power(np.asarray(x, np.float64), np.asarray(y, np.float64))
        out = exact.astype(F32)
        # The rounding moved the value by this fraction of an ulp; near one half, glibc may round the other way.
        moved = np.abs(exact - out) / np.spacing(np.abs(out)).astype(np.float64)
        risky = np.abs(moved - 0.5) <= 0.05
        if np.any(risky):
            x, y = np.broadcast_arrays(np.asarray(x, F32), np.asarray(y, F32))
            out[risky] = powf(x[risky], y[risky])
        return out

    return power


@functools.cache
def libm_math() -> F32Math:
    """`EXACT` with the C library's own ``powf`` and ``atan2f`` (through ctypes).

    OCIO's table code calls ``powf`` and ``std::atan2`` on floats; glibc's ``atan2f`` is an ulp from the rounded
    float64 result in about one case in six, ``powf`` in one in two thousand (where the value is within a hair
    of a rounding boundary). Where such an ulp decides a bisection step or lands in a table these are used (see
    `libm_hue`, `near`); without a loadable C library the float64 twins are kept.
    """
    power, arctan2 = libm("powf", 2), libm("atan2f", 2)
    return replace(EXACT, power=_hybrid_powf(power) if power else EXACT.power, arctan2=arctan2 or EXACT.arctan2)


def near(values: np.ndarray, ref: np.float32 | float, ulps: float = 16.0) -> np.ndarray:
    """Columns of `values` (3, n) with a channel within a few ulps of `ref` (a bisection test's threshold)."""
    return np.any(np.abs(values - F32(ref)) <= F32(ulps) * np.spacing(np.abs(values).astype(F32) + F32(1e-30)), axis=0)


def exact_hue(rgb: np.ndarray, p: JmhParams) -> np.ndarray:
    """The JMh hue alone, 0 where A <= 0 (Transform.cpp Aab_to_JMh), with `EXACT` functions: within an ulp or
    two of OCIO's; for searches that need it only approximately, or away from their thresholds."""
    cone = cone_compress(matvec(p.rgb_to_cone, rgb), EXACT)
    m = p.cone_to_aab
    a = m[0, 0] * cone[0] + m[0, 1] * cone[1] + m[0, 2] * cone[2]
    ca = m[1, 0] * cone[0] + m[1, 1] * cone[1] + m[1, 2] * cone[2]
    cb = m[2, 0] * cone[0] + m[2, 1] * cone[1] + m[2, 2] * cone[2]
    h = EXACT.arctan2(cb, ca) * F32(180.0) / F32(3.14159265358979)
    return np.where(a > 0, np.where(h < 0, h + F32(360.0), h), F32(0.0))


def libm_hue(p: JmhParams) -> Callable[[Sequence[Any], Sequence[Any], np.float32], np.float32]:
    """``hue(lo, hi, t)``: the JMh hue of the RGB ``(hi - lo) * t + lo`` (float32 triples) exactly as OCIO's float
    code computes it: float32 scalar arithmetic (NumPy's scalar ``**`` is the C library's ``powf``) and the C
    library's ``atan2f``."""
    (c00, c01, c02), (c10, c11, c12), (c20, c21, c22) = ((F32(x), F32(y), F32(z)) for x, y, z in p.rgb_to_cone.tolist())
    (a00, a01, a02), (a10, a11, a12), (a20, a21, a22) = ((F32(x), F32(y), F32(z)) for x, y, z in p.cone_to_aab.tolist())
    atan2f = libm("atan2f", 2, vectorise=False) or (lambda y, x: float(F32(math.atan2(y, x))))
    exponent, offset = F32(0.42), F32(F32(0.2713) * F32(100.0))
    to_deg, zero, full = F32(180.0), F32(0.0), F32(360.0)
    pi = F32(3.14159265358979)

    def hue(lo: Sequence[Any], hi: Sequence[Any], t: np.float32) -> np.float32:
        r = (hi[0] - lo[0]) * t + lo[0]
        g = (hi[1] - lo[1]) * t + lo[1]
        b = (hi[2] - lo[2]) * t + lo[2]
        v0 = c00 * r + c01 * g + c02 * b
        v1 = c10 * r + c11 * g + c12 * b
        v2 = c20 * r + c21 * g + c22 * b
        f0, f1, f2 = abs(v0) ** exponent, abs(v1) ** exponent, abs(v2) ** exponent
        k0, k1, k2 = f0 / (offset + f0), f1 / (offset + f1), f2 / (offset + f2)
        k0, k1, k2 = (-k0 if v0 < 0 else k0), (-k1 if v1 < 0 else k1), (-k2 if v2 < 0 else k2)
        if not a00 * k0 + a01 * k1 + a02 * k2 > 0:
            return zero
        ca = a10 * k0 + a11 * k1 + a12 * k2
        cb = a20 * k0 + a21 * k1 + a22 * k2
        h = F32(atan2f(float(cb), float(ca))) * to_deg / pi
        return h + full if h < 0 else h

    return hue


def table_aab(rgb: np.ndarray, p: JmhParams) -> np.ndarray:
    """RGB to Aab with `EXACT` functions."""
    return rgb_to_aab(rgb, p, EXACT)


def table_jmh(rgb: np.ndarray, p: JmhParams, fm: F32Math = EXACT) -> np.ndarray:
    """RGB to JMh with `EXACT` (or `fm`) functions."""
    return aab_to_jmh(rgb_to_aab(rgb, p, fm), p, fm)


def table_rgb(
    j: np.ndarray | np.float32,
    m: np.ndarray,
    h: np.ndarray,
    p: JmhParams,
    fm: F32Math = EXACT,
    trig: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """JMh to RGB (`trig`: the hue's cosine and sine, when already known)."""
    if trig is None:
        hr = hue_radians(h)
        trig = fm.cos(hr), fm.sin(hr)
    return aab_to_rgb(jmh_to_aab(j, m, trig[0], trig[1], p, fm), p, fm)


def rgb_outside(j: np.ndarray | np.float32, m: np.ndarray, h: np.ndarray, p: JmhParams, limit: float) -> np.ndarray:
    """Whether JMh lands outside the display cube: a channel below 0 (`limit` 0) or above `limit`, decided with
    `libm_math()` where a channel is within a few ulps of it."""
    rgb = table_rgb(j, m, h, p)
    close = near(rgb, limit)
    if close.any():
        jj = j if np.ndim(j) == 0 else np.asarray(j)[close]
        rgb[:, close] = table_rgb(jj, m[close], h[close], p, libm_math())
    return np.any(rgb < 0, axis=0) if limit == 0.0 else np.any(rgb > F32(limit), axis=0)
