"""ACES 2.0 gamut compression in JMh: M compressed along a line towards a focus point, forward and inverse.

For each hue the limiting gamut's boundary is approximated from its cusp (J, M of the most colourful
colour, from a table) by two power curves, below and above the cusp; the "reach" boundary (AP1 at the
peak's J) comes from a second table. Colours beyond a threshold between the two are compressed with a
Reinhard curve so that the reach boundary lands on the gamut boundary. Formulas as OpenColorIO 2.6
computes them in float32 (``src/OpenColorIO/ops/fixedfunction/ACES2/Transform.cpp``: get_focus_gain,
solve_J_intersect, compute_compression_vector_slope, estimate_line_and_boundary_intersection_M,
find_gamut_boundary_intersection, smin_scaled, remap_M, compressGamut, gamut_compress_fwd/_inv,
init_HueDependantGamutParams; constants from ``Common.h``), after aces-output
``Lib.Academy.OutputTransform.ctl`` (gamutMapper, compressGamut).

The tables themselves are built by `vfx_rs.pipeline.ops.aces2_tables`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from vfx_rs.pipeline.ops.aces2_model import EXACT, F32, F32Math

if TYPE_CHECKING:
    from vfx_rs.pipeline.ops.aces2_tables import Aces2Shared, Aces2Tables

__all__ = [
    "CUSP_MID_BLEND",
    "FOCUS_GAIN_BLEND",
    "GLSL_GAMUT",
    "boundary_m",
    "cusp_at",
    "focus_gain",
    "focus_j",
    "gamut_compress",
    "hue_interval",
    "line_boundary_m",
    "reach_m_at",
    "solve_j_intersect",
    "vector_slope",
]

CUSP_MID_BLEND = F32(1.3)
"""Focus J blend between the cusp J and mid grey's J (Common.h cusp_mid_blend)."""

FOCUS_GAIN_BLEND = F32(0.3)
"""Where between the cusp J and the limit J the focus gain starts to rise (Common.h focus_gain_blend)."""

SMOOTH_CUSPS = F32(0.12)
"""Width of the smooth minimum of the two hull curves, relative to the cusp M (Common.h smooth_cusps)."""

COMPRESSION_THRESHOLD = F32(0.75)
"""Lowest fraction of the gamut boundary M where compression starts (Common.h compression_threshold)."""


def focus_j(cusp_j: np.ndarray, mid_j: np.float32, limit_j_max: np.float32) -> np.ndarray:
    """The focus point's J (Transform.cpp compute_focusJ): cusp J blended towards mid grey's J."""
    w = np.fmin(F32(1.0), CUSP_MID_BLEND - cusp_j / limit_j_max)
    return (mid_j - cusp_j) * w + cusp_j


def analytical_threshold(cusp_j: np.ndarray, limit_j_max: np.float32) -> np.ndarray:
    """J above which the focus gain grows (``lerpf(cusp J, limit J, focus_gain_blend)``)."""
    return (limit_j_max - cusp_j) * FOCUS_GAIN_BLEND + cusp_j


def focus_gain(
    j: np.ndarray, threshold: np.ndarray, limit_j_max: np.float32, focus_dist: np.float32, fm: F32Math = EXACT
) -> np.ndarray:
    """Slope gain of the compression line (Transform.cpp get_focus_gain)."""
    gain = limit_j_max * focus_dist
    adjust = fm.log10((limit_j_max - threshold) / np.fmax(F32(0.0001), limit_j_max - j))
    adjust = adjust * adjust + F32(1.0)
    return np.where(j > threshold, gain * adjust, gain)


def solve_j_intersect(
    j: np.ndarray, m: np.ndarray, focus: np.ndarray, max_j: np.float32, slope_gain: np.ndarray
) -> np.ndarray:
    """J where the compression line through (J, M) meets the J axis (Transform.cpp solve_J_intersect)."""
    m_scaled = m / slope_gain
    a = m_scaled / focus
    below = j < focus
    b = np.where(below, F32(1.0) - m_scaled, -(F32(1.0) + m_scaled + max_j * a))
    c = np.where(below, -j, max_j * m_scaled + j)
    root = np.sqrt(b * b - F32(4.0) * a * c)
    np.negative(root, out=root, where=~below)
    return F32(-2.0) * c / (b + root)


def vector_slope(
    j_intersect: np.ndarray, focus: np.ndarray, limit_j_max: np.float32, slope_gain: np.ndarray
) -> np.ndarray:
    """Slope dJ/dM of the compression line (Transform.cpp compute_compression_vector_slope)."""
    direction = np.where(j_intersect < focus, j_intersect, limit_j_max - j_intersect)
    return direction * (j_intersect - focus) / (focus * slope_gain)


def line_boundary_m(
    j_axis: np.ndarray,
    slope: np.ndarray,
    inv_gamma: np.ndarray | np.float32,
    j_max: np.ndarray | np.float32,
    m_max: np.ndarray,
    j_ref: np.ndarray | np.float32,
    fm: F32Math = EXACT,
) -> np.ndarray:
    """M where the line meets the boundary ``J = J_max (M / M_max)^(1/inv_gamma)``, approximately
    (Transform.cpp estimate_line_and_boundary_intersection_M)."""
    shifted = j_ref * fm.power(j_axis / j_ref, inv_gamma)
    return shifted * m_max / (j_max - slope * m_max)


def boundary_m(
    cusp_j: np.ndarray,
    cusp_m: np.ndarray,
    j_max: np.float32,
    gamma_top_inv: np.ndarray,
    gamma_bottom_inv: np.float32,
    j_intersect: np.ndarray,
    slope: np.ndarray,
    j_intersect_cusp: np.ndarray,
    fm: F32Math = EXACT,
    lower: np.ndarray | None = None,
) -> np.ndarray:
    """The gamut boundary's M on the compression line: smooth minimum of the lower and (flipped) upper hulls
    (Transform.cpp find_gamut_boundary_intersection, smin_scaled); `lower`, when given, is the lower hull's M
    (it does not depend on the upper hull's gamma, which the table search varies)."""
    if lower is None:
        lower = line_boundary_m(j_intersect, slope, gamma_bottom_inv, cusp_j, cusp_m, j_intersect_cusp, fm)
    upper = line_boundary_m(
        j_max - j_intersect, -slope, gamma_top_inv, j_max - cusp_j, cusp_m, j_max - j_intersect_cusp, fm
    )
    s = SMOOTH_CUSPS * cusp_m
    h = np.maximum(s - np.abs(lower - upper), F32(0.0)) / s
    return np.where(upper < lower, upper, lower) - h * h * h * s * (F32(1.0) / F32(6.0))


def _remap_m(m: np.ndarray, gamut_m: np.ndarray, reach_m: np.ndarray, inverse: bool) -> np.ndarray:
    """Reinhard compression of M beyond the threshold, reach boundary onto gamut boundary (Transform.cpp remap_M)."""
    proportion = np.maximum(gamut_m / reach_m, COMPRESSION_THRESHOLD)
    threshold = proportion * gamut_m
    gamut_offset = gamut_m - threshold
    reach_offset = reach_m - threshold
    scale = reach_offset / ((reach_offset / gamut_offset) - F32(1.0))
    nd = (m - threshold) / scale
    if inverse:
        out = threshold + np.where(nd >= F32(1.0), scale, scale * -(nd / (nd - F32(1.0))))
    else:
        out = threshold + scale * nd / (F32(1.0) + nd)
    return np.where((m <= threshold) | (proportion >= F32(1.0)), m, out)


def hue_interval(h: np.ndarray, t: Aces2Tables) -> np.ndarray:
    """The upper index of the hue table interval used for hue `h` (Transform.cpp lookup_hue_interval): a binary
    search over `t.search_range` around the hue's nominal position, starting at that position."""
    i = np.fmin(np.fmax(h, F32(0.0)), F32(360.0)).astype(np.int32)  # NaN: 0
    i += 1
    lo = np.maximum(i + t.search_range[0], 0)
    hi = np.minimum(i + t.search_range[1], 361)
    while True:
        active = lo + 1 < hi
        if not active.any():
            break
        above = h > t.hues.take(i)
        np.copyto(lo, i, where=active & above)
        np.copyto(hi, i, where=active & ~above)
        i = lo + hi
        i >>= 1
    return np.maximum(hi, 1)


def cusp_at(h: np.ndarray, t: Aces2Tables) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cusp J, M and upper hull 1/gamma at hue `h`, interpolated in the non-uniform hue table
    (Transform.cpp init_HueDependantGamutParams, cusp_from_table)."""
    hi = hue_interval(h, t)
    lo = hi - 1
    h_lo = t.hues.take(lo)
    w = (h - h_lo) / (t.hues.take(hi) - h_lo)
    a = t.cusp_rows.take(lo, axis=1)
    out = t.cusp_rows.take(hi, axis=1)
    out -= a
    out *= w
    out += a
    return out[0], out[1], out[2]


def reach_m_at(h: np.ndarray, t: Aces2Shared) -> np.ndarray:
    """The reach gamut's M at the limit J for hue `h` in [0, 360], from the 1-degree table (reach_m_from_table)."""
    base = np.fmin(np.fmax(h, F32(0.0)), F32(360.0)).astype(np.int32)  # NaN: 0
    w = h - base.astype(F32)  # in float32, as OCIO (an int32 operand would promote the rest to float64)
    a = t.reach.take(base + 1)
    return (t.reach.take(base + 2) - a) * w + a


def _compress(
    j: np.ndarray,
    m: np.ndarray,
    jx: np.ndarray,
    cusp: tuple[np.ndarray, ...],
    reach_m: np.ndarray,
    t: Aces2Tables,
    inverse: bool,
    fm: F32Math,
) -> tuple[np.ndarray, np.ndarray]:
    cusp_j, cusp_m, gamma_top_inv, focus, threshold = cusp
    lim = t.limit_j_max
    gain = focus_gain(jx, threshold, lim, t.focus_dist, fm)
    j_int = solve_j_intersect(j, m, focus, lim, gain)
    slope = vector_slope(j_int, focus, lim, gain)
    j_int_cusp = solve_j_intersect(cusp_j, cusp_m, focus, lim, gain)
    gamut_m = boundary_m(cusp_j, cusp_m, lim, gamma_top_inv, t.lower_hull_gamma_inv, j_int, slope, j_int_cusp, fm)
    reach_boundary = line_boundary_m(j_int, slope, t.model_gamma_inv, lim, reach_m, lim, fm)
    m_out = _remap_m(m, gamut_m, reach_boundary, inverse)
    j_out = j_int + m_out * slope
    empty = gamut_m <= F32(0.0)
    return np.where(empty, j, j_out), np.where(empty, F32(0.0), m_out)


def gamut_compress(
    j: np.ndarray,
    m: np.ndarray,
    h: np.ndarray,
    reach_m: np.ndarray,
    t: Aces2Tables,
    *,
    inverse: bool,
    fm: F32Math = EXACT,
) -> tuple[np.ndarray, np.ndarray]:
    """Compressed (forward) or uncompressed (inverse) J and M (Transform.cpp gamut_compress_fwd/_inv).

    J <= 0 gives J = M = 0; M <= 0 or J above the limit J gives M = 0. The inverse first estimates the
    source J above the analytical threshold with one inverse step, as OCIO does.
    """
    cusp_j, cusp_m, gamma_top_inv = cusp_at(h, t)
    cusp = (
        cusp_j,
        cusp_m,
        gamma_top_inv,
        focus_j(cusp_j, t.mid_j, t.limit_j_max),
        analytical_threshold(cusp_j, t.limit_j_max),
    )
    jx = j
    if inverse:
        jx = np.where(j > cusp[4], _compress(j, m, j, cusp, reach_m, t, True, fm)[0], j)
    j_out, m_out = _compress(j, m, jx, cusp, reach_m, t, inverse, fm)
    skip = (m <= F32(0.0)) | (j > t.limit_j_max)
    j_out = np.where(skip, j, j_out)
    m_out = np.where(skip, F32(0.0), m_out)
    black = j <= F32(0.0)
    return np.where(black, F32(0.0), j_out), np.where(black, F32(0.0), m_out)


GLSL_GAMUT = """// Table texture rows: 0 hue, 1 cusp (J, M, 1/gamma top), 2 reach M; 363 columns (one wrap entry below, two above).
// The bounded search of OCIO's lookup_hue_interval: from the nominal position, over range (below, above).
vec3 aces2_cusp(sampler2D tab, float h, vec2 range) {
    int i = 1 + int(clamp(h, 0.0, 360.0));
    int lo = max(0, i + int(range.x));
    int hi = min(361, i + int(range.y));
    for (int k = 0; k < 16 && lo + 1 < hi; ++k) {
        if (h > texelFetch(tab, ivec2(i, 0), 0).r) lo = i; else hi = i;
        i = (lo + hi) / 2;
    }
    hi = max(hi, 1);
    float h_lo = texelFetch(tab, ivec2(hi - 1, 0), 0).r;
    float w = (h - h_lo) / (texelFetch(tab, ivec2(hi, 0), 0).r - h_lo);
    vec3 a = texelFetch(tab, ivec2(hi - 1, 1), 0).rgb;
    return (texelFetch(tab, ivec2(hi, 1), 0).rgb - a) * w + a;
}
float aces2_reach_m(sampler2D tab, float h) {
    int base = int(h);
    float a = texelFetch(tab, ivec2(base + 1, 2), 0).r;
    return (texelFetch(tab, ivec2(base + 2, 2), 0).r - a) * (h - float(base)) + a;
}
float aces2_solve_j_intersect(float j, float m, float focus, float max_j, float gain) {
    float ms = m / gain;
    float a = ms / focus;
    if (j < focus) {
        float b = 1.0 - ms;
        return 2.0 * j / (b + sqrt(b * b + 4.0 * a * j));
    }
    float b = -(1.0 + ms + max_j * a);
    float c = max_j * ms + j;
    return -2.0 * c / (b - sqrt(b * b - 4.0 * a * c));
}
float aces2_line_boundary_m(float j_axis, float slope, float inv_gamma, float j_max, float m_max, float j_ref) {
    return j_ref * pow(j_axis / j_ref, inv_gamma) * m_max / (j_max - slope * m_max);
}
// g: (limit J max, focus distance, lower hull 1/gamma, model 1/gamma); mid_j: mid grey's J.
vec2 aces2_compress_gamut(vec3 jmh, float jx, vec3 cusp, float reach_m, vec4 g, float mid_j, bool inverse) {
    float lim = g.x;
    float focus = (mid_j - cusp.x) * min(1.0, 1.3 - cusp.x / lim) + cusp.x;
    float thr = (lim - cusp.x) * 0.3 + cusp.x;
    float gain = lim * g.y;
    if (jx > thr) {
        float adj = log((lim - thr) / max(0.0001, lim - jx)) / log(10.0);
        gain *= adj * adj + 1.0;
    }
    float j_int = aces2_solve_j_intersect(jmh.x, jmh.y, focus, lim, gain);
    float slope = (j_int < focus ? j_int : lim - j_int) * (j_int - focus) / (focus * gain);
    float j_cusp = aces2_solve_j_intersect(cusp.x, cusp.y, focus, lim, gain);
    float lower = aces2_line_boundary_m(j_int, slope, g.z, cusp.x, cusp.y, j_cusp);
    float upper = aces2_line_boundary_m(lim - j_int, -slope, cusp.z, lim - cusp.x, cusp.y, lim - j_cusp);
    float s = 0.12 * cusp.y;
    float hs = max(s - abs(lower - upper), 0.0) / s;
    float gamut_m = min(lower, upper) - hs * hs * hs * s / 6.0;
    if (gamut_m <= 0.0) return vec2(jmh.x, 0.0);
    float reach = aces2_line_boundary_m(j_int, slope, g.w, lim, reach_m, lim);
    float proportion = max(gamut_m / reach, 0.75);
    float threshold = proportion * gamut_m;
    float m = jmh.y;
    if (m > threshold && proportion < 1.0) {
        float ro = reach - threshold;
        float scale = ro / (ro / (gamut_m - threshold) - 1.0);
        float nd = (m - threshold) / scale;
        if (inverse) m = threshold + (nd >= 1.0 ? scale : scale * -(nd / (nd - 1.0)));
        else m = threshold + scale * nd / (1.0 + nd);
    }
    return vec2(j_int + m * slope, m);
}
vec2 aces2_gamut_compress(vec3 jmh, float reach_m, sampler2D tab, vec2 range, vec4 g, float mid_j, bool inverse) {
    if (jmh.x <= 0.0) return vec2(0.0);
    if (jmh.y <= 0.0 || jmh.x > g.x) return vec2(jmh.x, 0.0);
    vec3 cusp = aces2_cusp(tab, jmh.z, range);
    float jx = jmh.x;
    if (inverse && jx > (g.x - cusp.x) * 0.3 + cusp.x) jx = aces2_compress_gamut(jmh, jx, cusp, reach_m, g, mid_j, true).x;
    return aces2_compress_gamut(jmh, jx, cusp, reach_m, g, mid_j, inverse);
}
"""
"""GLSL twins of the cusp and reach lookups and the gamut compression (tables in one 2D texture)."""
