"""OpenColorIO's hue-curve B-splines: the eight curves of GradingHueCurveTransform fitted to knots and quadratics.

GradingBSplineCurve.cpp (computeKnotsAndCoefsForHueCurve): periodic curves
(hue-hue, hue-sat, hue-lum, hue-fx) have their points wrapped into [0, 1) and
one copied across each end (PrepHueCurveData, which also spaces the points by
0.2% of the span), slopes are estimated by EstimateHueSlopes unless given (the
harmonic mean of the secants for horizontal curves, OCIO's RGB estimate for
diagonal ones, then scaled to stay shape-preserving), and FitHueSpline gives
each interval one quadratic, or two meeting at the knot CalcKsi places. All
arithmetic is float32, as OCIO's. The result is a `BSplineCurveOp`.
"""

from __future__ import annotations

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.ops.bspline import BSplineCurveOp
from vfx_rs.pipeline.ops.grading_rgb_curve import estimate_rgb_slopes

__all__ = ["HUE_SPLINE_TYPES", "HueCurve", "fit_hue_curve"]

HueCurve = tuple[tuple[tuple[float, float], ...], tuple[float, ...] | None]
"""One curve: control points ``((x, y), ...)`` and slopes (None or all 0: OCIO estimates them)."""

f32 = np.float32

HUE_SPLINE_TYPES = (
    "hue_hue",
    "periodic1",
    "periodic1",
    "horizontal1",
    "diagonal",
    "diagonal",
    "horizontal1",
    "periodic0",
)
"""Each curve's BSplineType (GradingHueCurve.cpp GetBSplineTypeForHueCurveType)."""


def _is_identity(kind: str, points: np.ndarray) -> bool:
    """GradingBSplineCurveImpl::isIdentity for default (zero) slopes."""
    if kind in ("diagonal", "hue_hue"):
        return bool(np.all(points[:, 0] == points[:, 1]))
    return bool(np.all(points[:, 1] == (0.0 if kind == "periodic0" else 1.0)))


def _prep(points: np.ndarray, periodic: bool, horizontal: bool) -> np.ndarray:
    """OCIO PrepHueCurveData: wrap, sort by x, space x (and y if diagonal) by 0.2% of the span, add wrapped ends."""
    pts = points.copy()
    if periodic:
        for p in pts:
            if p[0] < 0 or p[0] >= 1:
                shift = f32(1) if p[0] < 0 else f32(-1)
                p[0] += shift
                if not horizontal:
                    p[1] += shift
    pts = pts[np.argsort(pts[:, 0], kind="stable")]
    tol = f32(2e-3)
    for axis in (0,) if horizontal else (0, 1):
        span = pts[-1, axis] - pts[0, axis]
        for i in range(1, len(pts)):
            if pts[i, axis] - pts[i - 1, axis] < span * tol:
                pts[i, axis] = pts[i - 1, axis] + span * tol
    if periodic:
        first, last = pts[-1].copy(), pts[0].copy()
        first[0] -= f32(1)
        last[0] += f32(1)
        if not horizontal:
            first[1] -= f32(1)
            last[1] += f32(1)
        pts = np.vstack([first, pts, last])
    return pts


def _estimate_slopes(pts: np.ndarray, periodic: bool, horizontal: bool) -> np.ndarray:
    """OCIO EstimateHueSlopes, in float32."""
    n = len(pts)
    dx, dy = np.diff(pts[:, 0]), np.diff(pts[:, 1])
    secant = dy / dx
    if n == 2:
        return np.array([secant[0], secant[0]], dtype=f32)
    s = np.zeros(n, dtype=f32)
    if horizontal:
        for i in range(1, n - 1):
            denom = secant[i] + secant[i - 1]
            if abs(denom) < f32(1e-3):
                denom = f32(-1e-3) if denom < 0 else f32(1e-3)
            s[i] = f32(0) if secant[i] * secant[i - 1] <= 0 else f32(2) * secant[i] * secant[i - 1] / denom
        s[n - 1] = f32(0.5) * (f32(3) * secant[n - 2] - s[n - 2])
        s[0] = f32(0.5) * (f32(3) * secant[0] - s[1])
    else:
        s = estimate_rgb_slopes(pts)
    for i in range(n - 1):
        k = f32(0.8) if abs(s[i]) > abs(s[i + 1]) else f32(0.2)
        near_min = s[i] + k * (s[i + 1] - s[i])
        scale = f32(0.75) * f32(2) * secant[i] / near_min if near_min != 0 else f32(1)
        if scale < 1:
            s[i] *= scale
            s[i + 1] *= scale
    if periodic:
        s[0], s[n - 1] = s[n - 2], s[1]
    return s


def _ksi(p0: np.ndarray, p1: np.ndarray, s0: np.float32, s1: np.float32) -> np.float32:
    """OCIO CalcKsi: the middle knot of a segment whose end slopes do not average to its secant."""
    k = f32(0.2)
    dx = p1[0] - p0[0]
    secant = (p1[1] - p0[1]) / dx
    m0, m1 = (s0, s1) if secant >= 0 else (-s0, -s1)
    secant = abs(secant)
    x_mid = p0[0] + f32(0.5) * dx
    left, right = p0[0] + dx * k, p1[0] - dx * k
    top, bottom, m_min, m_max = (right, left, m1, m0) if m0 > m1 else (left, right, m0, m1)
    dm = m_max - m_min
    b = f32(1) - f32(0.5) * k
    b_high, b_low = m_min + b * dm, m_min + (f32(1) - b) * dm
    bbb, bb = m_max * f32(4), m_max * f32(1.1)
    alpha = max(f32(0), min((dm / max(f32(0.01), m_max) - f32(0.05)) / (f32(0.75) - f32(0.05)), f32(1)))
    top = x_mid + alpha * (top - x_mid)
    bottom = x_mid + alpha * (bottom - x_mid)
    if secant >= bbb:
        return x_mid
    if secant > bb:
        return top + (secant - bb) / (bbb - bb) * (x_mid - top)
    if secant >= b_high:
        return top
    if secant > b_low and b_high != b_low:
        return bottom + (secant - b_low) / (b_high - b_low) * (top - bottom)
    return bottom


def _fit(pts: np.ndarray, s: np.ndarray) -> BSplineCurveOp:
    """OCIO FitHueSpline: one quadratic per segment, or two meeting at `_ksi`."""
    knots = [float(pts[0, 0])]
    coefs: list[tuple[float, float, float]] = []
    for i in range(len(pts) - 1):
        (x0, y0), (x1, y1) = pts[i], pts[i + 1]
        dx = x1 - x0
        secant = (y1 - y0) / dx
        if abs((s[i] + s[i + 1]) - f32(2) * secant) <= f32(1e-5):
            coefs.append((float(f32(0.5) * (s[i + 1] - s[i]) / dx), float(s[i]), float(y0)))
        else:
            ksi = _ksi(pts[i], pts[i + 1], s[i], s[i + 1])
            m_bar = (f32(2) * secant - s[i + 1]) + (s[i + 1] - s[i]) * (ksi - x0) / dx
            eta = (m_bar - s[i]) / (ksi - x0)
            coefs.append((float(f32(0.5) * eta), float(s[i]), float(y0)))
            mid_y = y0 + s[i] * (ksi - x0) + f32(0.5) * eta * (ksi - x0) * (ksi - x0)
            coefs.append((float(f32(0.5) * (s[i + 1] - m_bar) / (x1 - ksi)), float(m_bar), float(mid_y)))
            knots.append(float(ksi))
        knots.append(float(x1))
    return BSplineCurveOp(knots=tuple(knots), coefs=tuple(coefs))


def fit_hue_curve(name: str, kind: str, curve: HueCurve) -> BSplineCurveOp | None:
    """The fitted curve, or None for an identity (computeKnotsAndCoefsForHueCurve)."""
    points = np.asarray(curve[0], dtype=f32)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) < 2 or not np.all(np.isfinite(points)):
        raise ArgumentError(f"grading hue curve {name} needs at least 2 finite control points (x, y)")
    if np.any(np.diff(points[:, 0]) < 0):
        raise ArgumentError(f"grading hue curve {name}: control point x must be non-decreasing")
    if kind == "hue_hue" and (points[0, 0] < 0 or points[-1, 0] > 1):
        raise ArgumentError(f"grading hue curve {name}: x must lie in [0, 1]")
    if kind in ("diagonal", "hue_hue"):
        last = points[-1, 1] - 1 if kind == "hue_hue" else -np.inf
        if np.any(np.diff(np.concatenate([[last], points[:, 1]])) < 0):
            raise ArgumentError(f"grading hue curve {name}: control point y must be non-decreasing")
    periodic = kind in ("hue_hue", "periodic1", "periodic0")
    if periodic and len(points) == 2 and abs(1 - (points[1, 0] - points[0, 0])) < 1e-3:
        raise ArgumentError(f"grading hue curve {name}: the periodic x coordinates may not wrap to the same value")
    slopes = None if curve[1] is None else np.asarray(curve[1], dtype=f32)
    if slopes is not None and slopes.shape != (len(points),):
        raise ArgumentError(f"grading hue curve {name}: one slope per control point")
    user = slopes is not None and bool(np.any(slopes))
    if not user and _is_identity(kind, points):
        return None
    horizontal = kind not in ("diagonal", "hue_hue")
    pts = _prep(points, periodic, horizontal)
    if user:
        assert slopes is not None
        # OCIO prepends the last slope, then appends the (new) first one: both ends take the last slope
        s = np.concatenate([[slopes[-1]], slopes, [slopes[-1]]]).astype(f32) if periodic else slopes.copy()
    else:
        s = _estimate_slopes(pts, periodic, horizontal or kind == "hue_hue")
    return _fit(pts, s)
