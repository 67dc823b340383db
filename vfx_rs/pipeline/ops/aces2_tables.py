"""The ACES 2.0 output transform's per-display tables: reach M, hue samples, cusps and upper hull gammas.

Built as OpenColorIO 2.6 builds them when a processor is created (``src/OpenColorIO/ops/fixedfunction/
ACES2/Transform.cpp``: make_reach_m_table, find_reach_corners_table, build_limiting_cusp_corners_tables,
extract_sorted_cube_hues, build_hue_table, find_display_cusp_for_hue, build_cusp_table,
make_upper_hull_gamma, init_SharedCompressionParams, init_GamutCompressParams, determine_hue_linearity_
search_range), in float32, each search run for all hues at once where OCIO's order does not matter, and with
glibc's ``powf``/``atan2f`` where an ulp decides a step (`vfx_rs.pipeline.ops.aces2_libm`): checked equal to
the tables OCIO hands its GPU shader but for a rare upper-hull gamma (within 7e-6). Tables are cached per
(peak luminance, limiting primaries).

Each table has 363 entries: the 360 nominal ones at 1..360 with one wrapped copy below and two above
(OCIO Common.h TableBase).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.pipeline.ops.aces2_gamut import (
    analytical_threshold,
    boundary_m,
    focus_gain,
    focus_j,
    line_boundary_m,
    solve_j_intersect,
    vector_slope,
)
from vfx_rs.pipeline.ops.aces2_libm import exact_hue, libm_hue, libm_math, near
from vfx_rs.pipeline.ops.aces2_model import (
    EXACT,
    F32,
    PRIMARIES_AP0,
    PRIMARIES_AP1,
    F32Math,
    JmhParams,
    Primaries,
    aab_to_jmh,
    aab_to_rgb,
    hue_radians,
    jmh_params,
    jmh_to_aab,
    model_gamma,
    rgb_to_aab,
    y_to_j,
)
from vfx_rs.pipeline.ops.aces2_tonescale import tone_params

__all__ = ["TABLE_SIZE", "Aces2Shared", "Aces2Tables", "aces2_tables", "shared_tables"]

TABLE_SIZE = 363
"""360 nominal entries plus one wrap entry below and two above (OCIO TableBase total_size)."""

_SMOOTH_M = F32(1.0) + F32(0.27) * F32(0.12)
"""Cusp M widening, ``1 + smooth_m * smooth_cusps`` (Common.h)."""


@dataclass(frozen=True)
class Aces2Shared:
    """What the chroma and gamut compression share for one peak (OCIO SharedCompressionParameters): the limit J
    (the peak's J), the model's 1/gamma and the reach table (AP1's M at the limit J per degree of hue)."""

    peak: float
    limit_j_max: np.float32
    model_gamma_inv: np.float32
    reach: np.ndarray

    def texture(self) -> np.ndarray:
        """The tables as one ``(3, TABLE_SIZE, 3)`` float32 texture: hues, cusps (J, M, 1/gamma), reach M
        (only the reach row here)."""
        tex = np.zeros((3, TABLE_SIZE, 3), dtype=np.float32)
        tex[2, :, 0] = self.reach
        return tex


@dataclass(frozen=True)
class Aces2Tables(Aces2Shared):
    """Everything the gamut compression needs for one display besides `Aces2Shared` (float32, `TABLE_SIZE`)."""

    mid_j: np.float32
    focus_dist: np.float32
    lower_hull_gamma_inv: np.float32
    hues: np.ndarray
    cusps: np.ndarray
    search_range: tuple[int, int]

    @functools.cached_property
    def cusp_rows(self) -> np.ndarray:
        """`cusps` as ``(3, TABLE_SIZE)`` rows J, M, 1/gamma (contiguous, for the per-pixel lookups)."""
        return np.ascontiguousarray(self.cusps.T)

    def texture(self) -> np.ndarray:
        tex = super().texture()
        tex[0, :, 0] = self.hues
        tex[1] = self.cusps
        return tex


def _aab(rgb: np.ndarray, p: JmhParams) -> np.ndarray:
    return rgb_to_aab(rgb, p, EXACT)


def _jmh(rgb: np.ndarray, p: JmhParams, fm: F32Math = EXACT) -> np.ndarray:
    return aab_to_jmh(rgb_to_aab(rgb, p, fm), p, fm)


def _rgb(
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


def _rgb_outside(j: np.ndarray | np.float32, m: np.ndarray, h: np.ndarray, p: JmhParams, limit: float) -> np.ndarray:
    """Whether JMh lands outside the display cube: a channel below 0 (`limit` 0) or above `limit`, decided with
    `libm_math()` where a channel is within a few ulps of it."""
    rgb = _rgb(j, m, h, p)
    close = near(rgb, limit)
    if close.any():
        jj = j if np.ndim(j) == 0 else np.asarray(j)[close]
        rgb[:, close] = _rgb(jj, m[close], h[close], p, libm_math())
    return np.any(rgb < 0, axis=0) if limit == 0.0 else np.any(rgb > F32(limit), axis=0)


def _search_range(hues: np.ndarray) -> tuple[int, int]:
    """How far below and above a hue's nominal (1-degree) position the lookup searches, from the largest
    deviations of the table's hues from uniform, padded by 0 below and 1 above (determine_hue_linearity_search_range).

    OCIO's padding can fall one entry short where corner hues crowd the table; the lookup then interpolates
    from the nearest interval it searched, and so does `cusp_at`.
    """
    delta = np.arange(1, 361) - (1 + hues[1:361].astype(np.intp))
    return min(0, int(delta.min())), max(1, int(delta.max()) + 1)


def _corners() -> np.ndarray:
    """Unit cube corners R, Y, G, C, B, M as columns (Transform.cpp generate_unit_cube_cusp_corners)."""
    i = np.arange(6)
    return np.stack([((i + 1) % 6) < 3, ((i + 5) % 6) < 3, ((i + 3) % 6) < 3]).astype(F32)


def _cycle(jmh: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Six corners rotated so the lowest hue is at 1, with wrapped copies at 0 and 7 (hues -/+ 360), and the
    order (to apply to their RGB)."""
    order = (np.arange(6) + int(np.argmin(jmh[2]))) % 6
    idx = np.concatenate([[order[5]], order, [order[0]]])
    out = jmh[:, idx].copy()
    out[2, 0] -= F32(360.0)
    out[2, 7] += F32(360.0)
    return out, idx


def _reach_corners(p: JmhParams, limit_j: np.float32, maximum: np.float32) -> np.ndarray:
    """AP1 corners scaled until their A reaches the limit J's (find_reach_corners_table), as JMh."""
    corners = _corners()
    limit_a = EXACT.power(limit_j * F32(0.01), p.inv_cz)
    lower, upper = np.zeros(6, F32), np.full(6, maximum, F32)
    active = np.ones(6, bool)
    while True:
        active &= (upper - lower) > F32(1e-3)
        if not active.any():
            break
        test = (lower + upper) / F32(2.0)
        a = _aab(test * corners, p)[0]
        close = np.abs(a - limit_a) <= F32(64.0) * np.spacing(limit_a)
        if close.any():
            a[close] = rgb_to_aab(test[close] * corners[:, close], p, libm_math())[0]
        lower = np.where(active & (a < limit_a), test, lower)
        upper = np.where(active & ~(a < limit_a), test, upper)
        active &= a != limit_a
    return _cycle(_jmh(upper * corners, p, libm_math()))[0]


def _reach_table(p: JmhParams, limit_j: np.float32) -> np.ndarray:
    """M of AP1's boundary at the limit J per integer hue, to 1e-2 (make_reach_m_table)."""
    hues = np.arange(360, dtype=F32)
    low, high = np.zeros(360, F32), np.full(360, F32(50.0))
    outside = np.zeros(360, bool)
    while True:
        act = ~outside & (high < F32(1300.0))
        if not act.any():
            break
        out = _rgb_outside(limit_j, high[act], hues[act], p, 0.0)
        outside[act] = out
        step = np.flatnonzero(act)[~out]
        low[step] = high[step]
        high[step] += F32(50.0)
    while True:
        act = (high - low) > F32(1e-2)
        if not act.any():
            break
        mid = (high[act] + low[act]) / F32(2.0)
        out = _rgb_outside(limit_j, mid, hues[act], p, 0.0)
        high[act] = np.where(out, mid, high[act])
        low[act] = np.where(out, low[act], mid)
    return np.concatenate([high[-1:], high, high[:2]])


def _hue_table(sorted_hues: list[np.float32]) -> np.ndarray:
    """Hue samples: about 1 degree apart, with every corner hue sampled exactly (build_hue_table)."""
    counts: list[int] = []
    last, min_index = -1, 0 if sorted_hues[0] == 0.0 else 1
    for k, hue in enumerate(sorted_hues):
        idx = min(max(math.floor(float(hue) + 0.5), min_index), 359)
        if idx == last:
            if k > 1 and counts[k - 2] != counts[k - 1] - 1:
                counts[k - 1] -= 1
            else:
                idx += 1
        counts.append(min(idx, 359))
        last = min_index = idx
    table = np.zeros(TABLE_SIZE, F32)
    bounds = [F32(0.0), *sorted_hues, F32(360.0)]
    sizes = [counts[0]] + [counts[k] - counts[k - 1] for k in range(1, len(counts))]
    sizes.append(360 - sum(sizes))
    pos = 1
    for k, n in enumerate(sizes):
        lo, hi = bounds[k], bounds[k + 1]
        table[pos : pos + n] = lo + np.arange(n, dtype=F32) * ((hi - lo) / F32(n))
        pos += n
    table[0] = table[360] - F32(360.0)
    table[361:] = table[1:3] + F32(360.0)
    return table


_CUSP_MARGIN = 1e-5
"""Distance in t from an edge's crossing beyond which a cusp bisection step's direction is certain: the float32
hue along an edge goes the wrong way at most 1.9e-6 from the crossing (measured on the 2.0 displays' edges)."""


def _display_cusps(hues: np.ndarray, rgb_c: np.ndarray, jmh_c: np.ndarray, p: JmhParams) -> np.ndarray:
    """J, M of the limiting gamut's cusp at each hue, by bisection along the cube edge between the two corners
    around it (find_display_cusp_for_hue, build_cusp_table).

    As in OCIO, each search after the first on an edge starts from the previous hue's result, and the result
    moves by float32 rounding with the start (which the inverse transform amplifies near the peak). So the
    crossings are first found for all hues at once; then OCIO's searches are replayed in order, a step's
    direction taken from the crossing where the sample is far from it and from the exact hue near it.
    """
    upper = np.argmax(jmh_c[2][None, 1:] > hues[:, None], axis=1) + 1
    lower = upper - 1
    h_lo, h_hi = jmh_c[2, lower], jmh_c[2, upper]
    c_lo, c_hi = rgb_c[:, lower], rgb_c[:, upper]
    exact = h_lo == hues
    lo_t, hi_t = np.zeros(hues.size, F32), np.ones(hues.size, F32)
    while True:
        act = ((hi_t - lo_t) > F32(1e-7)) & ~exact
        if not act.any():
            break
        t = (lo_t + hi_t) / F32(2.0)
        h = exact_hue((c_hi - c_lo) * t + c_lo, p)
        go_down = (h < h_lo) | ((h < h_hi) & (h > hues))
        hi_t = np.where(act & go_down, t, hi_t)
        lo_t = np.where(act & ~go_down, t, lo_t)
    crossing = (lo_t + hi_t) / F32(2.0)
    hue_at = libm_hue(p)
    result = np.zeros(hues.size, F32)
    previous_edge, previous = -1, F32(0.0)
    tolerance, two, zero, one = F32(1e-7), F32(2.0), F32(0.0), F32(1.0)
    ends = [(tuple(c_lo[:, i]), tuple(c_hi[:, i])) for i in range(hues.size)]
    for i in np.flatnonzero(~exact).tolist():
        lo = previous if upper[i] == previous_edge else zero
        hi = one
        star = float(crossing[i])
        while hi - lo > tolerance:
            mid = (lo + hi) / two
            offset = float(mid) - star
            if offset > _CUSP_MARGIN:
                hi = mid
            elif offset < -_CUSP_MARGIN:
                lo = mid
            else:
                hue = hue_at(*ends[i], mid)
                if hue < h_lo[i] or (hue < h_hi[i] and hue > hues[i]):
                    hi = mid
                else:
                    lo = mid
        result[i] = previous = (lo + hi) / two
        previous_edge = upper[i]
    jm = _jmh((c_hi - c_lo) * result + c_lo, p, libm_math())[:2]
    return np.where(exact, jmh_c[:2, lower], jm)


def _upper_hull_gammas(
    hues: np.ndarray,
    cusp_j: np.ndarray,
    cusp_m: np.ndarray,
    peak: float,
    limit_j: np.float32,
    mid_j: np.float32,
    focus_dist: np.float32,
    lower_inv: np.float32,
    p: JmhParams,
) -> np.ndarray:
    """1/gamma of the upper hull per hue: the smallest gamma (to 1e-5) for which five test lines between the cusp
    and the limit J all meet the approximate hull outside the display cube (make_upper_hull_gamma)."""
    positions = np.array([0.01, 0.1, 0.5, 0.8, 0.99], F32)[:, None]
    thr = analytical_threshold(cusp_j, limit_j)
    focus = focus_j(cusp_j, mid_j, limit_j)
    test_j = (limit_j - cusp_j) * positions + cusp_j
    gain = focus_gain(test_j, thr, limit_j, focus_dist, EXACT)
    j_int = solve_j_intersect(test_j, cusp_m, focus, limit_j, gain)
    slope = vector_slope(j_int, focus, limit_j, gain)
    j_int_cusp = solve_j_intersect(cusp_j, cusp_m, focus, limit_j, gain)
    lum_limit = F32(F32(peak) / F32(100.0))
    lower = {
        fm: line_boundary_m(j_int, slope, lower_inv, cusp_j, cusp_m, j_int_cusp, fm) for fm in (EXACT, libm_math())
    }
    hr = np.broadcast_to(hue_radians(hues), j_int.shape)
    trig = EXACT.cos(hr), EXACT.sin(hr)  # the double cos and sin OCIO's JMh_to_Aab calls

    def corner_rgb(g_inv: np.ndarray, sel: np.ndarray, fm: F32Math) -> np.ndarray:
        """RGB of the approximate hull's point on each test line, (3, 5, n)."""
        m = boundary_m(
            cusp_j[sel],
            cusp_m[sel],
            limit_j,
            g_inv,
            lower_inv,
            j_int[:, sel],
            slope[:, sel],
            j_int_cusp[:, sel],
            fm,
            lower[fm][:, sel],
        )
        j = j_int[:, sel] + slope[:, sel] * m
        cos_sin = (trig[0][:, sel].ravel(), trig[1][:, sel].ravel())
        rgb = _rgb(j.ravel(), m.ravel(), np.broadcast_to(hues[sel], j.shape).ravel(), p, fm, cos_sin)
        return rgb.reshape(3, *j.shape)

    def fits(gamma: np.ndarray, sel: np.ndarray) -> np.ndarray:
        g_inv = F32(1.0) / gamma
        rgb = corner_rgb(g_inv, sel, EXACT)
        close = np.any(near(rgb.reshape(3, -1), lum_limit).reshape(rgb.shape[1:]), axis=0)
        if close.any():
            rgb[:, :, close] = corner_rgb(g_inv[close], np.flatnonzero(sel)[close], libm_math())
        return np.all(np.any(rgb > lum_limit, axis=0), axis=0)

    n = hues.size
    low, high = np.zeros(n, F32), np.full(n, F32(0.4))
    found = np.zeros(n, bool)
    while True:
        act = ~found & (high < F32(5.0))
        if not act.any():
            break
        ok = fits(high[act], act)
        found[act] = ok
        step = np.flatnonzero(act)[~ok]
        low[step] = high[step]
        high[step] += F32(0.4)
    while True:
        act = (high - low) > F32(1e-5)
        if not act.any():
            break
        test = (high[act] + low[act]) / F32(2.0)
        ok = fits(test, act)
        high[act] = np.where(ok, test, high[act])
        low[act] = np.where(ok, low[act], test)
    return F32(1.0) / high


@functools.lru_cache(maxsize=32)
def shared_tables(peak: float) -> Aces2Shared:
    """The limit J and reach table for `peak` cd/m2 (init_SharedCompressionParams), built once and cached."""
    limit_j = F32(y_to_j(np.array([peak], F32), jmh_params(PRIMARIES_AP0), EXACT)[0])
    return Aces2Shared(
        peak=peak,
        limit_j_max=limit_j,
        model_gamma_inv=F32(F32(1.0) / model_gamma()),
        reach=_reach_table(jmh_params(PRIMARIES_AP1), limit_j),
    )


@functools.lru_cache(maxsize=32)
def aces2_tables(peak: float, limiting: Primaries) -> Aces2Tables:
    """The tables for a display of `peak` cd/m2 limited to the `limiting` primaries (xy of R, G, B, white,
    float32-rounded as OCIO reads its parameters), built once and cached."""
    limiting = tuple(float(F32(v)) for v in limiting)  # type: ignore[assignment]
    p_in, p_lim, p_reach = jmh_params(PRIMARIES_AP0), jmh_params(limiting), jmh_params(PRIMARIES_AP1)
    ts = tone_params(peak)
    shared = shared_tables(peak)
    limit_j = shared.limit_j_max
    mid_j = F32(y_to_j(np.array([ts.c_t * F32(100.0)], F32), p_in, EXACT)[0])
    focus_dist = F32(F32(1.35) + F32(1.35) * F32(1.75) * ts.log_peak)
    lower_inv = F32(F32(1.0) / (F32(1.14) + F32(0.07) * ts.log_peak))
    reach_c = _reach_corners(p_reach, limit_j, ts.forward_limit)
    rgb_c = F32(F32(peak) / F32(100.0)) * _corners()
    jmh_c, order = _cycle(_jmh(rgb_c, p_lim, libm_math()))
    rgb_c = rgb_c[:, order]
    merged = sorted(set(reach_c[2, 1:7].tolist()) | set(jmh_c[2, 1:7].tolist()))
    hues = _hue_table([F32(h) for h in merged])
    nominal = hues[1:361]
    jm = _display_cusps(nominal, rgb_c, jmh_c, p_lim)
    cusps = np.zeros((TABLE_SIZE, 3), F32)
    cusps[1:361, 0] = jm[0]
    cusps[1:361, 1] = jm[1] * _SMOOTH_M
    cusps[1:361, 2] = _upper_hull_gammas(
        nominal, cusps[1:361, 0], cusps[1:361, 1], peak, limit_j, mid_j, focus_dist, lower_inv, p_lim
    )
    cusps[0] = cusps[360]
    cusps[361:] = cusps[1:3]
    return Aces2Tables(
        peak=peak,
        limit_j_max=limit_j,
        model_gamma_inv=shared.model_gamma_inv,
        mid_j=mid_j,
        focus_dist=focus_dist,
        lower_hull_gamma_inv=lower_inv,
        reach=shared.reach,
        hues=hues,
        cusps=cusps,
        search_range=_search_range(hues),
    )
