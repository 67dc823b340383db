"""The curve knots of OCIO's grading tone, computed once from its parameters.

A transcription of GradingTonePreRender (OpenColorIO ``ops/gradingtone/
GradingTone.cpp``: ``update``, ``mids_precompute``,
``highlightShadow_precompute``, ``whiteBlack_precompute``,
``scontrast_precompute``), float32 where OCIO keeps floats. Each region is
a dict of knot arrays per channel (R, G, B and master).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["Rgbmsw", "TonePrerender", "s_contrast_slope", "style_frame"]

Rgbmsw = tuple[float, float, float, float, float, float]
"""OCIO's GradingRGBMSW: red, green, blue, master, start (or center), width (or pivot)."""

f32 = np.float32


def style_frame(style: str) -> tuple[float, float, float, float]:
    """``(top, top_sc, bottom, pivot)`` of a style (GradingTonePreRender::FromStyle)."""
    return (7.5, 6.5, -5.5, 0.0) if style == "linear" else (1.0, 1.0, 0.0, 0.4)


def s_contrast_slope(s: float) -> float:
    """The s-contrast slope OCIO derives from the ``s_contrast`` value (float32)."""
    c = f32(s)
    if c > 1:
        return float(f32(1.0) / (f32(1.8125) - f32(0.8125) * min(c, f32(1.99))))
    return float(f32(0.28125) + f32(0.71875) * max(c, f32(0.01)))


def _faux_cubic_fwd(t: float, x0: float, x2: float, y0: float, y2: float, m0: float, m2: float, x1: float) -> float:
    y1 = (0.5 / ((x2 - x1) + (x1 - x0))) * (
        (2 * y0 + m0 * (x1 - x0)) * (x2 - x1) + (2 * y2 - m2 * (x2 - x1)) * (x1 - x0)
    )
    tl, tr = (t - x0) / (x1 - x0), (t - x1) / (x2 - x1)
    fl = y0 * (1 - tl * tl) + y1 * tl * tl + m0 * (1 - tl) * tl * (x1 - x0)
    fr = y1 * (1 - tr) * (1 - tr) + y2 * (2 - tr) * tr + m2 * (tr - 1) * tr * (x2 - x1)
    res = fl if t < x1 else fr
    res = y0 + (t - x0) * m0 if t < x0 else res
    return y2 + (t - x2) * m2 if t > x2 else res


def _faux_cubic_rev(t: float, x0: float, x2: float, y0: float, y2: float, m0: float, m2: float, x1: float) -> float:
    y1 = (0.5 / ((x2 - x1) + (x1 - x0))) * (
        (2 * y0 + m0 * (x1 - x0)) * (x2 - x1) + (2 * y2 - m2 * (x2 - x1)) * (x1 - x0)
    )
    cl, bl, al = y0 - t, m0 * (x1 - x0), y1 - y0 - m0 * (x1 - x0)
    out_l = (2 * cl) / (-math.sqrt(max(bl * bl - 4 * al * cl, 0.0)) - bl) * (x1 - x0) + x0
    cr, br, ar = y1 - t, 2 * y2 - 2 * y1 - m2 * (x2 - x1), y1 - y2 + m2 * (x2 - x1)
    out_r = (2 * cr) / (-math.sqrt(max(br * br - 4 * ar * cr, 0.0)) - br) * (x2 - x1) + x1
    res = out_l if t < y1 else out_r
    res = x0 + (t - y0) / m0 if t < y0 else res
    return x2 + (t - y2) / m2 if t > y2 else res


def _highlight_fwd(t: float, start: float, pivot: float, val: float) -> float:
    x1 = start + (pivot - start) * 0.5
    val = 2.0 - val
    if val <= 1:
        return _faux_cubic_fwd(t, start, pivot, start, pivot, 1.0, max(val, 0.01), x1)
    return _faux_cubic_rev(t, start, pivot, start, pivot, 1.0, max(2.0 - val, 0.01), x1)


def _shadow_fwd(t: float, start: float, pivot: float, val: float) -> float:
    x1 = start + (pivot - start) * 0.5
    if val <= 1:
        return _faux_cubic_fwd(t, start, pivot, start, pivot, max(val, 0.01), 1.0, x1)
    return _faux_cubic_rev(t, start, pivot, start, pivot, max(2.0 - val, 0.01), 1.0, x1)


@dataclass
class TonePrerender:
    """Knots per region and channel (0-2 = R, G, B; 3 = master), as GradingTonePreRender holds them."""

    mid: list[tuple[np.ndarray, np.ndarray, np.ndarray] | None]
    hs: list[list[tuple[np.ndarray, np.ndarray, np.ndarray] | None]]  # [highlights, shadows][channel]: x, y, m
    wb: list[list[tuple[np.ndarray, np.ndarray, np.ndarray, float] | None]]  # [whites, blacks][channel]
    sc: tuple[np.ndarray, np.ndarray, np.ndarray] | None  # x (2, 4), y (2, 4), m (2, 2)
    pivot: float

    @classmethod
    def build(
        cls,
        style: str,
        blacks: Rgbmsw,
        shadows: Rgbmsw,
        midtones: Rgbmsw,
        highlights: Rgbmsw,
        whites: Rgbmsw,
        sc: float,
    ) -> TonePrerender:
        top, top_sc, bottom, pivot = style_frame(style)
        h_start = min(highlights[4], highlights[5] - 0.01)
        h_width = highlights[5]
        new_start = _highlight_fwd(whites[4], h_start, h_width, highlights[3])
        new_end = _highlight_fwd(whites[4] + whites[5], h_start, h_width, highlights[3])
        w_start, w_width = new_start, new_end - new_start
        s_start = max(shadows[4], shadows[5] + 0.01)
        s_width = shadows[5]
        new_start = _shadow_fwd(blacks[4], s_width, s_start, shadows[3])
        new_end = _shadow_fwd(blacks[4] - blacks[5], s_width, s_start, shadows[3])
        b_start, b_width = new_start, new_start - new_end
        return cls(
            mid=[_mids(midtones, c, top, bottom) for c in range(4)],
            hs=[
                [_hs(highlights[c], False, h_start, h_width) for c in range(4)],
                [_hs(shadows[c], True, s_start, s_width) for c in range(4)],
            ],
            wb=[
                [_wb(whites[c], False, w_start, w_width) for c in range(4)],
                [_wb(blacks[c], True, b_start, b_width) for c in range(4)],
            ],
            sc=None if f32(sc) == 1 else _sc(s_contrast_slope(sc), top_sc, bottom, pivot),
            pivot=pivot,
        )


def _mids(v: Rgbmsw, c: int, top: float, bottom: float) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    adj = f32(min(max(f32(v[c]), f32(0.01)), f32(1.99)))
    if adj == 1:
        return None
    x0, x5 = f32(bottom), f32(top)
    width = f32(min(max(f32(v[5]), f32(0.01)), (x5 - x0) * f32(0.95)))
    center = f32(min(max(f32(v[4]), x0 + width * f32(0.51)), x5 - width * f32(0.51)))
    x1 = center - width * f32(0.5)
    x4 = x1 + width
    x2 = x1 + (x4 - x1) * f32(0.25)
    x3 = x1 + (x4 - x1) * f32(0.75)
    adj = (adj - f32(1)) * (f32(1) - f32(0.1))
    m0 = m5 = f32(1)
    m2, m3 = f32(1) + adj, f32(1) - adj
    m1, m4 = f32(1) + adj * f32(0.4), f32(1) - adj * f32(0.4)
    half = f32(0.5)
    if center <= (x5 + x0) * half:
        area = (
            (x1 - x0) * (m1 - m0) * half + (x2 - x1) * ((m1 - m0) + (m2 - m1) * half) + (center - x2) * (m2 - m0) * half
        )
        m4 = (-half * (x5 - x4) * m5 + (x4 - x3) * (half * m3 - m5) + (x3 - center) * (m3 - m5) * half + area) / (
            -half * (x5 - x3)
        )
    else:
        area = (
            (x5 - x4) * (m4 - m5) * half + (x4 - x3) * ((m4 - m5) + (m3 - m4) * half) + (x3 - center) * (m3 - m5) * half
        )
        m1 = (-half * (x1 - x0) * m0 + (x2 - x1) * (half * m2 - m0) + (center - x2) * (m2 - m0) * half + area) / (
            -half * (x2 - x0)
        )
    xs = [x0, x1, x2, x3, x4, x5]
    ms = [m0, m1, m2, m3, m4, m5]
    ys = [x0]
    for k in range(1, 6):
        ys.append(ys[-1] + (ms[k - 1] + ms[k]) * (xs[k] - xs[k - 1]) * half)
    return np.array(xs, f32), np.array(ys, f32), np.array(ms, f32)


def _hs(value: float, shadow: bool, start: float, pivot: float) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    val = f32(value) if shadow else f32(2) - f32(value)
    if val == 1:
        return None
    s, p = f32(start), f32(pivot)
    x0, x2 = (p, s) if shadow else (s, p)
    x1 = x0 + (x2 - x0) * f32(0.5)
    if val < 1:
        m0 = max(f32(0.01), val) if shadow else f32(1)
        m2 = f32(1) if shadow else max(f32(0.01), val)
    else:
        m0 = max(f32(0.01), f32(2) - val) if shadow else f32(1)
        m2 = f32(1) if shadow else max(f32(0.01), f32(2) - val)
    y0, y2 = x0, x2
    y1 = (f32(0.5) / ((x2 - x1) + (x1 - x0))) * (
        (f32(2) * y0 + m0 * (x1 - x0)) * (x2 - x1) + (f32(2) * y2 - m2 * (x2 - x1)) * (x1 - x0)
    )
    return np.array([x0, x1, x2], f32), np.array([y0, y1, y2], f32), np.array([m0, m2], f32)


def _wb(
    value: float, black: bool, start: float, width: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float] | None:
    val = f32(value)
    s, w = f32(start), f32(width)
    x0 = s - w if black else s
    x1 = s if black else x0 + w
    mtest = f32(2) - val if black else val
    if mtest == 1:
        return None
    half = f32(0.5)
    gain = f32(1)
    y0 = y1 = f32(0)
    if mtest < 1:
        if not black:
            m0, m1 = f32(1), max(f32(0.01), val)
            y0 = x0
            y1 = y0 + (m0 + m1) * (x1 - x0) * half
        else:
            m0, m1 = max(f32(0.01), f32(2) - val), f32(1)
            y1 = x1
            y0 = y1 - (m0 + m1) * (x1 - x0) * half
    else:
        if not black:
            m0, m1 = f32(1), max(f32(0.01), f32(2) - val)
            y0 = x0
        else:
            m0, m1 = max(f32(0.01), val), f32(1)
            y1 = x1
            y0 = y1 - (m0 + m1) * (x1 - x0) * half
        gain = (m0 + m1) * half
    return np.array([x0, x1], f32), np.array([y0, y1], f32), np.array([m0, m1], f32), float(gain)


def _sc(contrast: float, top_sc: float, bottom: float, pivot: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    c, p, half = f32(contrast), f32(pivot), f32(0.5)
    # Upper curve.
    x3 = y3 = f32(top_sc)
    y0 = p + (y3 - p) * f32(0.25)
    m0 = c
    x0 = p + (y0 - p) / m0
    min_width = (x3 - x0) * f32(0.3)
    m3 = f32(1) / m0
    center = (y3 - y0 - m3 * x3 + m0 * x0) / (m0 - m3)
    x1 = x0
    x2 = f32(2) * center - x1
    if x2 > x3:
        x2 = x3
        x1 = f32(2) * center - x2
    elif x2 - x1 < min_width:
        x2 = x1 + min_width
        new_center = (x2 + x1) * half
        m3 = (y3 - y0 + m0 * x0 - new_center * m0) / (x3 - new_center)
    y1 = y0
    y2 = y1 + (m0 + m3) * (x2 - x1) * half
    upper = ([x0, x1, x2, x3], [y0, y1, y2, y3], [m0, m3])
    # Lower curve.
    x0 = y0 = f32(bottom)
    y3 = p - (p - y0) * f32(0.25)
    m3 = c
    x3 = p - (p - y3) / m3
    min_width = (x3 - x0) * f32(0.3)
    m0 = f32(1) / m3
    center = (y3 - y0 - m3 * x3 + m0 * x0) / (m0 - m3)
    x2 = x3
    x1 = f32(2) * center - x2
    if x1 < x0:
        x1 = x0
        x2 = f32(2) * center - x1
    elif x2 - x1 < min_width:
        x1 = x2 - min_width
        new_center = (x2 + x1) * half
        m0 = (y3 - y0 - m3 * x3 + new_center * m3) / (new_center - x0)
    y2 = y3
    y1 = y2 - (m0 + m3) * (x2 - x1) * half
    lower = ([x0, x1, x2, x3], [y0, y1, y2, y3], [m0, m3])
    return (
        np.array([upper[0], lower[0]], f32),
        np.array([upper[1], lower[1]], f32),
        np.array([upper[2], lower[2]], f32),
    )
