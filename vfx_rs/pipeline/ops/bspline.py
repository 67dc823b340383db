"""OpenColorIO's monotonic quadratic B-spline curve (GradingRGBCurve master curve) as an op.

OCIO 2 builds the ACES 1.x tone scales (``ACES.cpp``, Generate_tonecurve_ops:
the RRT and ODT segmented splines of aces-dev ``ACESlib.Tonescales.ctl`` as
control points with slopes, applied in log10 space) with a GradingRGBCurve
whose master curve is a GradingBSplineCurve. The curve is fitted as OCIO's
``GradingBSplineCurve.cpp`` does (``FitRGBSpline`` with the user slopes, then
``AdjustRGBSlopes`` and a refit where a segment would turn back): each
interval between control points gets one quadratic, or two that meet at a
knot ``ksi`` when the end slopes do not match the secant. Outside the knots
the curve continues as straight lines with its end slopes (``evalCurve``).
The inverse is OCIO's ``evalCurveRev``: the root of the segment's quadratic,
and the lines' inverses outside (a flat end maps to the end knot).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op

__all__ = ["BSplineCurveOp", "fit_bspline", "quiet_float_errors"]

_MAX_BINS = 1 << 16
"""Largest grid `BSplineCurveOp` uses to find segments; curves with closer breakpoints compare each one."""

_FLAT = 1e-5
"""Slope below which OCIO's evalCurveRev treats a segment as flat."""


def _fit(x: np.ndarray, y: np.ndarray, s: np.ndarray) -> tuple[list[float], list[tuple[float, float, float]]]:
    """OCIO FitRGBSpline: knots and per-segment ``(A, B, C)`` of ``(A t + B) t + C``, ``t = x - knot``.

    `x`, `y`, `s` are float32 arrays; NumPy keeps float32 scalar arithmetic in float32.
    """
    knots = [float(x[0])]
    coefs: list[tuple[float, float, float]] = []
    for i in range(len(x) - 1):
        dx = x[i + 1] - x[i]
        secant = (y[i + 1] - y[i]) / dx
        if abs((s[i] + s[i + 1]) - 2.0 * secant) < 1e-6:
            coefs.append((0.5 * (s[i + 1] - s[i]) / dx, s[i], y[i]))
        else:
            aa, bb = s[i] - secant, s[i + 1] - secant
            if aa * bb >= 0.0:
                ksi = (x[i] + x[i + 1]) * 0.5
            elif abs(aa) > abs(bb):
                ksi = x[i + 1] + aa * dx / (s[i + 1] - s[i])
            else:
                ksi = x[i] + bb * dx / (s[i + 1] - s[i])
            s_bar = (2.0 * secant - s[i + 1]) + (s[i + 1] - s[i]) * (ksi - x[i]) / dx
            eta = (s_bar - s[i]) / (ksi - x[i])
            coefs.append((0.5 * eta, s[i], y[i]))
            coefs.append(
                (
                    0.5 * (s[i + 1] - s_bar) / (x[i + 1] - ksi),
                    s_bar,
                    y[i] + s[i] * (ksi - x[i]) + 0.5 * eta * (ksi - x[i]) ** 2,
                )
            )
            knots.append(float(ksi))
        knots.append(float(x[i + 1]))
    return knots, [tuple(float(v) for v in c) for c in coefs]  # type: ignore[misc]


def _adjust(x: np.ndarray, y: np.ndarray, s: np.ndarray, knots: list[float]) -> bool:
    """OCIO AdjustRGBSlopes: scale down slope pairs whose middle slope would be negative."""
    done = False
    i = 0
    for ksi in knots:
        if x[i] != ksi:
            dx = x[i + 1] - x[i]
            s_bar = (2.0 * (y[i + 1] - y[i]) - (ksi - x[i]) * s[i] - (x[i + 1] - ksi) * s[i + 1]) / dx
            if s_bar < 0.0:
                done = True
                secant = (y[i + 1] - y[i]) / dx
                blend = ((ksi - x[i]) * s[i] + (x[i + 1] - ksi) * s[i + 1]) / dx
                aim = min(0.01 * 0.5 * (s[i] + s[i + 1]), secant)
                adjust = (2.0 * secant - aim) / blend
                s[i] *= adjust
                s[i + 1] *= adjust
            i += 1
    return done


def fit_bspline(
    points: Sequence[tuple[float, float]], slopes: Sequence[float]
) -> tuple[tuple[float, ...], tuple[tuple[float, float, float], ...]]:
    """Knots and quadratic coefficients of OCIO's B-spline through `points` with `slopes`.

    The fit runs in float32 arithmetic, as OCIO's does: where a segment's end
    slopes nearly average to its secant, the float32 rounding decides between
    one quadratic and two, and the curves differ by up to 2e-4.
    """
    pts = np.asarray(points, dtype=np.float32)
    s = np.asarray(slopes, dtype=np.float32)
    if pts.ndim != 2 or pts.shape[1] != 2 or len(pts) < 2 or s.shape != (len(pts),):
        raise ArgumentError("a B-spline curve needs at least two (x, y) points and one slope per point")
    x, y = pts[:, 0], pts[:, 1]
    if np.any(np.diff(x) <= 0.0):
        raise ArgumentError("B-spline control points must have increasing x")
    knots, coefs = _fit(x, y, s)
    if _adjust(x, y, s, knots):
        knots, coefs = _fit(x, y, s)
    return tuple(knots), tuple(coefs)


def quiet_float_errors(kernel: Callable[[Any, np.ndarray], None]) -> Callable[[Any, np.ndarray], None]:
    """Run an ``apply_planar`` kernel with NumPy's floating-point warnings off.

    NaN and infinite pixels propagate as IEEE arithmetic makes them (as in OCIO's C++ kernels) instead of
    raising warnings, which the test suite turns into errors.
    """

    @functools.wraps(kernel)
    def apply_planar(self: Any, p: np.ndarray) -> None:
        with np.errstate(all="ignore"):
            kernel(self, p)

    return apply_planar


def _index_dtype(count: int) -> type[np.signedinteger]:
    """The narrowest index type for `count` breakpoints (small index arrays keep the gathers in cache)."""
    return np.int8 if count < 127 else np.int32


@dataclass(frozen=True, kw_only=True, eq=False)
class BSplineCurveOp(Op):
    """The same quadratic B-spline curve on each channel, or its inverse.

    Attributes
    ----------
    knots
        ``n + 1`` increasing knots (from `fit_bspline`).
    coefs
        ``n`` segments' ``(A, B, C)``: ``y = (A t + B) t + C`` with ``t = x - knots[i]``.
    forward
        True: evaluate the curve; False: its inverse.
    """

    kind = "bspline_curve"
    knots: tuple[float, ...] = (0.0, 1.0)
    coefs: tuple[tuple[float, float, float], ...] = ((0.0, 1.0, 0.0),)
    forward: bool = True

    def __post_init__(self) -> None:
        knots = tuple(float(k) for k in self.knots)
        coefs = tuple(tuple(float(v) for v in c) for c in self.coefs)
        if len(knots) != len(coefs) + 1 or not coefs or any(len(c) != 3 for c in coefs):
            raise ArgumentError("a B-spline curve needs one more knot than segments, each segment (A, B, C)")
        if not np.all(np.isfinite(knots)) or not np.all(np.isfinite(coefs)) or np.any(np.diff(knots) <= 0.0):
            raise ArgumentError("B-spline curve knots must be finite and increasing, coefficients finite")
        object.__setattr__(self, "knots", knots)
        object.__setattr__(self, "coefs", coefs)

    @classmethod
    def from_points(cls, points: Sequence[tuple[float, float]], slopes: Sequence[float]) -> BSplineCurveOp:
        """The curve OCIO fits through control `points` with the given `slopes`."""
        knots, coefs = fit_bspline(points, slopes)
        return cls(knots=knots, coefs=coefs)

    def _table(self) -> tuple[np.ndarray, np.ndarray]:
        """Breakpoints and ``(K, A, B, C)`` rows: a line below, the segments, a line above."""
        k = np.asarray(self.knots)
        c = np.asarray(self.coefs)
        a_end, b_end, c_end = c[-1]
        t = k[-1] - k[-2]
        slope_end, y_end = 2.0 * a_end * t + b_end, (a_end * t + b_end) * t + c_end
        rows = np.concatenate(
            [[[k[0], 0.0, c[0, 1], c[0, 2]]], np.column_stack([k[:-1], c]), [[k[-1], 0.0, slope_end, y_end]]]
        )
        if self.forward:
            return k, rows
        return np.concatenate([c[:, 2], [y_end]]), rows

    @functools.cached_property
    def _tables32(self) -> tuple[np.ndarray, np.ndarray]:
        breaks, rows = self._table()
        return breaks.astype(np.float32), np.ascontiguousarray(rows.T, dtype=np.float32)

    @functools.cached_property
    def _bins(self) -> tuple[float, float, np.ndarray, np.ndarray] | None:
        """A uniform grid finer than the closest two breakpoints, for `_segments`; None if too fine.

        Returns the grid start, 1 / bin width, and per bin the count of breakpoints at or below its
        start and the next breakpoint above it (NaN for none; each bin holds at most one). Bin 0 lies
        wholly below the first breakpoint; values outside the grid clip to its end bins.
        """
        breaks = self._table()[0]
        gap = float(np.min(np.diff(breaks))) if len(breaks) > 1 else 1.0
        if not gap > 0.0 or (breaks[-1] - breaks[0]) / gap > _MAX_BINS:
            return None
        width = gap * 0.5
        start = float(breaks[0]) - width
        count = int(np.ceil((breaks[-1] - start) / width)) + 2
        edges = start + width * np.arange(count)
        below = np.searchsorted(breaks, edges, side="right")
        above = np.append(breaks, np.nan)[below]  # NaN: no breakpoint above, and +inf must not count one
        return start, 1.0 / width, below.astype(_index_dtype(len(breaks))), above

    def _segments(self, p: np.ndarray, breaks: np.ndarray) -> np.ndarray:
        """Row of `_table` for each value: the count of breakpoints at or below it (NaN: 0)."""
        bins = self._bins
        if bins is None:
            idx = np.zeros(p.shape, dtype=_index_dtype(len(breaks)))
            for b in breaks:
                idx += p >= b
            return idx
        start, inv_width, below, above = bins
        pos = (p - p.dtype.type(start)) * p.dtype.type(inv_width)
        np.fmax(pos, 0.0, out=pos)  # fmax, not clip: NaN goes to bin 0 instead of an invalid index
        np.fmin(pos, len(below) - 1, out=pos)
        where = pos.astype(np.intp)
        idx = np.take(below, where)
        idx += p >= np.take(above.astype(p.dtype), where)
        return idx

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        if p.dtype == np.float32:
            breaks, rows = self._tables32
        else:
            breaks64, rows64 = self._table()
            breaks, rows = breaks64.astype(p.dtype), np.ascontiguousarray(rows64.T, dtype=p.dtype)
        idx = self._segments(p, breaks)
        kn, a, b, c = (np.take(row, idx) for row in rows)
        if self.forward:
            p -= kn
            a *= p
            a += b
            a *= p
            a += c
            p[...] = a
            return
        c0 = c - p
        two, four = p.dtype.type(2.0), p.dtype.type(4.0)
        denom = np.sqrt(np.maximum(b * b - four * a * c0, p.dtype.type(0.0))) + b
        flat = np.where(np.abs(b) < _FLAT, kn, kn - c0 / b)
        p[...] = np.where(np.abs(denom) < _FLAT, flat, kn - two * c0 / denom)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        breaks, rows = self._table()
        fn = names("curve")
        lines = [f"float {fn}(float x) {{", f"    vec4 s = vec4({', '.join(repr(float(v)) for v in rows[0])});"]
        for brk, row in zip(breaks, rows[1:], strict=True):
            lines.append(f"    if (x >= {float(brk)!r}) s = vec4({', '.join(repr(float(v)) for v in row)});")
        if self.forward:
            lines += ["    float t = x - s.x;", "    return (s.y * t + s.z) * t + s.w;", "}"]
        else:
            lines += [
                "    float c0 = s.w - x;",
                "    float d = sqrt(max(s.z * s.z - 4.0 * s.y * c0, 0.0)) + s.z;",
                f"    if (abs(d) < {_FLAT!r}) return abs(s.z) < {_FLAT!r} ? s.x : s.x - c0 / s.z;",
                "    return s.x - 2.0 * c0 / d;",
                "}",
            ]
        body = f"c = vec3({fn}(c.r), {fn}(c.g), {fn}(c.b));"
        return GlslSnippet(body=body, helpers={fn: "\n".join(lines) + "\n"})

    def structure_key(self) -> tuple[object, ...]:
        return self.params_key()

    def inverse(self) -> BSplineCurveOp:
        return BSplineCurveOp(knots=self.knots, coefs=self.coefs, forward=not self.forward)
