"""NumPy kernels of OCIO's grading tone segments, float32 as GradingToneOpCPU.cpp computes them.

Each function takes the values ``t`` (any shape, float32) and the knots of
one region and channel from `_grading_tone_prerender`, and returns the new
values; ``where``-chains reproduce OCIO's ``setOnLimit`` selections.
"""

from __future__ import annotations

import numpy as np

from vfx_rs.pipeline.ops._ocio_sse import sse_log2, sse_power

__all__ = [
    "hs_fwd",
    "hs_rev",
    "lin_to_log",
    "log_to_lin",
    "mids_fwd",
    "mids_rev",
    "sc_fwd",
    "sc_rev",
    "wb_fwd",
    "wb_rev",
]

f32 = np.float32
_XBRK, _SHIFT, _GAIN, _OFFS, _YBRK = (
    f32(0.0041318374739483946),
    f32(-0.000157849851665374),
    f32(363.034608563),
    f32(-7.0),
    f32(-5.5),
)
"""OCIO's LogLinConstants (GradingToneOpCPU.cpp): the linear style's lin-to-log with a linear toe."""


def _sqrt(x: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.sqrt(x)  # type: ignore[no-any-return]


def _quad_root(c: np.ndarray, b: float, a: float) -> np.ndarray:
    """``2c / (-b - sqrt(b^2 - 4ac))``: the root OCIO takes of ``a s^2 + b s + c = 0``."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return (f32(2) * c) / (-_sqrt(f32(b) * f32(b) - f32(4) * f32(a) * c) - f32(b))  # type: ignore[no-any-return]


def lin_to_log(x: np.ndarray) -> np.ndarray:
    """LinLog: ``log2((x + shift) / (0.18 + shift))`` above the break, a line below (SSE log2)."""
    m = f32(1) / (f32(0.18) + _SHIFT)
    with np.errstate(invalid="ignore", divide="ignore"):
        log = sse_log2((x + _SHIFT) * m)
    return np.where(x > _XBRK, log, x * _GAIN + _OFFS).astype(f32)


def log_to_lin(x: np.ndarray) -> np.ndarray:
    """LogLin, the inverse of `lin_to_log` (SSE power of 2)."""
    lin = sse_power(np.full_like(x, 2.0), x) * (_SHIFT + f32(0.18)) - _SHIFT
    return np.where(x > _YBRK, lin, (x - _OFFS) * (f32(1) / _GAIN)).astype(f32)


def mids_fwd(t: np.ndarray, x: np.ndarray, y: np.ndarray, m: np.ndarray, single: bool) -> np.ndarray:
    """The midtones curve: five quadratic segments between x0 and x5, lines beyond."""
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        seg = [(t - x[i]) / (x[i + 1] - x[i]) for i in range(5)]
        f = [s * (x[i + 1] - x[i]) * (s * f32(0.5) * (m[i + 1] - m[i]) + m[i]) + y[i] for i, s in enumerate(seg)]
        res = np.where(t < x[1], f[0], f[1])
        for i in (2, 3, 4):
            res = np.where(t > x[i] if single else t >= x[i], f[i], res)
        res = np.where(t < x[0], y[0] + (t - x[0]) * m[0], res)
        return np.where(t > x[5] if single else t >= x[5], y[5] + (t - x[5]) * m[5], res)  # type: ignore[no-any-return]


def mids_rev(t: np.ndarray, x: np.ndarray, y: np.ndarray, m: np.ndarray, single: bool) -> np.ndarray:
    """The midtones inverse; for one channel above y5 OCIO continues the first line (``x0 + (t - y0) / m0``)."""
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        roots = [
            _quad_root(y[i] - t, m[i] * (x[i + 1] - x[i]), f32(0.5) * (m[i + 1] - m[i]) * (x[i + 1] - x[i]))
            for i in range(5)
        ]
        outs = [roots[i] * (x[i + 1] - x[i]) + x[i] for i in range(5)]
        res = np.where(t < y[1], outs[0], outs[1])
        for i in (2, 3, 4):
            res = np.where(t >= y[i], outs[i], res)
        res = np.where(t < y[0], x[0] + (t - y[0]) / m[0], res)
        top = x[0] + (t - y[0]) / m[0] if single else x[5] + (t - y[5]) / m[5]
        return np.where(t >= y[5], top, res)  # type: ignore[no-any-return]


def hs_fwd(t: np.ndarray, x: np.ndarray, y: np.ndarray, m: np.ndarray) -> np.ndarray:
    """ComputeHSFwd: two quadratic pieces meeting at x1, lines beyond x0 and x2."""
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        tl = (t - x[0]) / (x[1] - x[0])
        tr = (t - x[1]) / (x[2] - x[1])
        fl = y[0] * (f32(1) - tl * tl) + y[1] * tl * tl + m[0] * (f32(1) - tl) * tl * (x[1] - x[0])
        fr = (
            y[1] * (f32(1) - tr) * (f32(1) - tr) + y[2] * (f32(2) - tr) * tr + m[1] * (tr - f32(1)) * tr * (x[2] - x[1])
        )
        res = np.where(t < x[1], fl, fr)
        res = np.where(t < x[0], (t - x[0]) * m[0] + y[0], res)
        return np.where(t < x[2], res, (t - x[2]) * m[1] + y[2])  # type: ignore[no-any-return]


def hs_rev(t: np.ndarray, x: np.ndarray, y: np.ndarray, m: np.ndarray) -> np.ndarray:
    """ComputeHSRev: the inverse of `hs_fwd`."""
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        bl, al = m[0] * (x[1] - x[0]), y[1] - y[0] - m[0] * (x[1] - x[0])
        cl = y[0] - t
        out_l = (f32(-2) * cl) / (_sqrt(bl * bl - f32(4) * al * cl) + bl) * (x[1] - x[0]) + x[0]
        br, ar = f32(2) * y[2] - f32(2) * y[1] - m[1] * (x[2] - x[1]), y[1] - y[2] + m[1] * (x[2] - x[1])
        cr = y[1] - t
        out_r = (f32(-2) * cr) / (_sqrt(br * br - f32(4) * ar * cr) + br) * (x[2] - x[1]) + x[1]
        res = np.where(t < y[1], out_l, out_r)
        res = np.where(t < y[0], (t - y[0]) / m[0] + x[0], res)
        return np.where(t < y[2], res, (t - y[2]) / m[1] + x[2])  # type: ignore[no-any-return]


def _white_tail(x: np.ndarray, m: np.ndarray, gain: float) -> tuple[float, float, float, float]:
    """The quadratic OCIO continues the whites with beyond x1 when they lift (aa, bb, cc, new_y1)."""
    g = f32(gain)
    new_y1 = (x[1] - x[0]) / g + x[0]
    xd = x[0] + (x[1] - x[0]) * f32(0.99)
    md = f32(1) / (m[0] + (xd - x[0]) * (m[1] - m[0]) / (x[1] - x[0]))
    aa = f32(0.5) * (f32(1) / m[1] - md) / (x[1] - xd)
    bb = f32(1) / m[1] - f32(2) * aa * x[1]
    cc = new_y1 - bb * x[1] - aa * x[1] * x[1]
    return aa, bb, cc, new_y1


def wb_fwd(
    t: np.ndarray, val: float, black: bool, x: np.ndarray, y: np.ndarray, m: np.ndarray, gain: float
) -> np.ndarray:
    """ComputeWBFwd: the whites (or blacks) segment."""
    v = f32(val)
    mtest = f32(2) - v if black else v
    g = f32(gain)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        if mtest < 1:
            tl = (t - x[0]) / (x[1] - x[0])
            res = tl * (x[1] - x[0]) * (tl * f32(0.5) * (m[1] - m[0]) + m[0]) + y[0]
            res = np.where(t < x[0], y[0] + (t - x[0]) * m[0], res)
            return np.where(t < x[1], res, y[1] + (t - x[1]) * m[1])  # type: ignore[no-any-return]
        t = (t - x[0]) * g + x[0] if not black else (t - x[1]) * g + x[1]
        a, b = f32(0.5) * (m[1] - m[0]) * (x[1] - x[0]), m[0] * (x[1] - x[0])
        c = y[0] - t
        res = (f32(-2) * c) / (_sqrt(b * b - f32(4) * a * c) + b) * (x[1] - x[0]) + x[0]
        res = np.where(t < y[0], x[0] + (t - y[0]) / m[0], res)
        if not black:
            res = (res - x[0]) / g + x[0]
            aa, bb, cc, _ = _white_tail(x, m, gain)
            t = (t - x[0]) / g + x[0]
            return np.where(t < x[1], res, (aa * t + bb) * t + cc)  # type: ignore[no-any-return]
        res = np.where(t < y[1], res, x[1] + (t - y[1]) / m[1])
        return (res - x[1]) / g + x[1]  # type: ignore[no-any-return]


def wb_rev(
    t: np.ndarray, val: float, black: bool, x: np.ndarray, y: np.ndarray, m: np.ndarray, gain: float
) -> np.ndarray:
    """ComputeWBRev: the inverse of `wb_fwd`."""
    v = f32(val)
    mtest = f32(2) - v if black else v
    g = f32(gain)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        if mtest < 1:
            a, b = f32(0.5) * (m[1] - m[0]) * (x[1] - x[0]), m[0] * (x[1] - x[0])
            c = y[0] - t
            res = (f32(-2) * c) / (_sqrt(b * b - f32(4) * a * c) + b) * (x[1] - x[0]) + x[0]
            res = np.where(t < y[0], x[0] + (t - y[0]) / m[0], res)
            return np.where(t < y[1], res, x[1] + (t - y[1]) / m[1])  # type: ignore[no-any-return]
        t = (t - x[0]) * g + x[0] if not black else (t - x[1]) * g + x[1]
        tl = (t - x[0]) / (x[1] - x[0])
        res = tl * (x[1] - x[0]) * (tl * f32(0.5) * (m[1] - m[0]) + m[0]) + y[0]
        res = np.where(t < x[0], y[0] + (t - x[0]) * m[0], res)
        if not black:
            res = (res - x[0]) / g + x[0]
            aa, bb, cc, _ = _white_tail(x, m, gain)
            t = (t - x[0]) / g + x[0]
            c = cc - t
            tail = (f32(-2) * c) / (_sqrt(bb * bb - f32(4) * aa * c) + bb)
            brk = (aa * x[1] + bb) * x[1] + cc
            return np.where(t < brk, res, tail)  # type: ignore[no-any-return]
        res = np.where(t < x[1], res, y[1] + (t - x[1]) * m[1])
        return (res - x[1]) / g + x[1]  # type: ignore[no-any-return]


def sc_fwd(t: np.ndarray, slope: float, pivot: float, x: np.ndarray, y: np.ndarray, m: np.ndarray) -> np.ndarray:
    """The s-contrast: a slope about the pivot, rolling off into the upper and lower curves."""
    s, p = f32(slope), f32(pivot)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        out = (t - p) * s + p
        x1, x2, y1, y2, m0, m3 = x[0, 1], x[0, 2], y[0, 1], y[0, 2], m[0, 0], m[0, 1]
        tr = (t - x1) / (x2 - x1)
        out = np.where(t < x1, out, tr * (x2 - x1) * (tr * f32(0.5) * (m3 - m0) + m0) + y1)
        out = np.where(t < x2, out, y2 + (t - x2) * m3)
        x1, x2, y1, m0, m3 = x[1, 1], x[1, 2], y[1, 1], m[1, 0], m[1, 1]
        tr = (t - x1) / (x2 - x1)
        out = np.where(t < x2, tr * (x2 - x1) * (tr * f32(0.5) * (m3 - m0) + m0) + y1, out)
        return np.where(t < x1, y1 + (t - x1) * m0, out)  # type: ignore[no-any-return]


def sc_rev(t: np.ndarray, slope: float, pivot: float, x: np.ndarray, y: np.ndarray, m: np.ndarray) -> np.ndarray:
    """The inverse of `sc_fwd`."""
    s, p = f32(slope), f32(pivot)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        out = (t - p) / s + p
        for curve in (0, 1):
            x1, x2, y1, y2, m0, m3 = x[curve, 1], x[curve, 2], y[curve, 1], y[curve, 2], m[curve, 0], m[curve, 1]
            b, a = m0 * (x2 - x1), (m3 - m0) * f32(0.5) * (x2 - x1)
            c = y1 - t
            res = (x2 - x1) * (f32(-2) * c) / (_sqrt(b * b - f32(4) * a * c) + b) + x1
            if curve == 0:
                out = np.where(t < y1, out, res)
                out = np.where(t < y2, out, x2 + (t - y2) / m3)
            else:
                out = np.where(t < y2, res, out)
                out = np.where(t < y1, x1 + (t - y1) / m0, out)
        return out  # type: ignore[no-any-return]
