"""The limiting gamut's hull for the ACES 2.0 tables: hue samples, cusps and upper-hull gammas.

As OpenColorIO 2.6 builds them (``src/OpenColorIO/ops/fixedfunction/ACES2/Transform.cpp``: build_hue_table,
find_display_cusp_for_hue, build_cusp_table, make_upper_hull_gamma, determine_hue_linearity_search_range), in
float32, with glibc's ``powf``/``atan2f`` where an ulp decides a search step (`vfx_rs.pipeline.ops.aces2_libm`).
`vfx_rs.pipeline.ops.aces2_tables` assembles the tables.
"""

from __future__ import annotations

import math

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
from vfx_rs.pipeline.ops.aces2_libm import exact_hue, libm_hue, libm_math, near, table_jmh, table_rgb
from vfx_rs.pipeline.ops.aces2_model import EXACT, F32, F32Math, JmhParams, hue_radians

__all__ = ["TABLE_SIZE", "display_cusps", "hue_table", "search_range", "upper_hull_gammas"]

TABLE_SIZE = 363
"""360 nominal entries plus one wrap entry below and two above (OCIO TableBase total_size)."""


def search_range(hues: np.ndarray) -> tuple[int, int]:
    """How far below and above a hue's nominal (1-degree) position the lookup searches, from the largest
    deviations of the table's hues from uniform, padded by 0 below and 1 above (determine_hue_linearity_search_range).

    OCIO's padding can fall one entry short where corner hues crowd the table; the lookup then interpolates
    from the nearest interval it searched, and so does `cusp_at`.
    """
    delta = np.arange(1, 361) - (1 + hues[1:361].astype(np.intp))
    return min(0, int(delta.min())), max(1, int(delta.max()) + 1)


def hue_table(sorted_hues: list[np.float32]) -> np.ndarray:
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


def display_cusps(hues: np.ndarray, rgb_c: np.ndarray, jmh_c: np.ndarray, p: JmhParams) -> np.ndarray:
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
    jm = table_jmh((c_hi - c_lo) * result + c_lo, p, libm_math())[:2]
    return np.where(exact, jmh_c[:2, lower], jm)


def upper_hull_gammas(
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

    def cornertable_rgb(g_inv: np.ndarray, sel: np.ndarray, fm: F32Math) -> np.ndarray:
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
        rgb = table_rgb(j.ravel(), m.ravel(), np.broadcast_to(hues[sel], j.shape).ravel(), p, fm, cos_sin)
        return rgb.reshape(3, *j.shape)

    def fits(gamma: np.ndarray, sel: np.ndarray) -> np.ndarray:
        g_inv = F32(1.0) / gamma
        rgb = cornertable_rgb(g_inv, sel, EXACT)
        close = np.any(near(rgb.reshape(3, -1), lum_limit).reshape(rgb.shape[1:]), axis=0)
        if close.any():
            rgb[:, :, close] = cornertable_rgb(g_inv[close], np.flatnonzero(sel)[close], libm_math())
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
