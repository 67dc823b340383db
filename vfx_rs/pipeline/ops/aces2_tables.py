"""The ACES 2.0 output transform's per-display tables: reach M, hue samples, cusps and upper hull gammas.

The reach table and corners are here; the hue samples, cusps and upper-hull gammas in
`vfx_rs.pipeline.ops.aces2_hull`.

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
from dataclasses import dataclass

import numpy as np

from vfx_rs.pipeline.ops.aces2_hull import TABLE_SIZE, display_cusps, hue_table, search_range, upper_hull_gammas
from vfx_rs.pipeline.ops.aces2_libm import libm_math, rgb_outside, table_aab, table_jmh
from vfx_rs.pipeline.ops.aces2_model import (
    EXACT,
    F32,
    PRIMARIES_AP0,
    PRIMARIES_AP1,
    JmhParams,
    Primaries,
    jmh_params,
    model_gamma,
    rgb_to_aab,
    y_to_j,
)
from vfx_rs.pipeline.ops.aces2_tonescale import tone_params

__all__ = ["TABLE_SIZE", "Aces2Shared", "Aces2Tables", "aces2_tables", "shared_tables"]

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
        a = table_aab(test * corners, p)[0]
        close = np.abs(a - limit_a) <= F32(64.0) * np.spacing(limit_a)
        if close.any():
            a[close] = rgb_to_aab(test[close] * corners[:, close], p, libm_math())[0]
        lower = np.where(active & (a < limit_a), test, lower)
        upper = np.where(active & ~(a < limit_a), test, upper)
        active &= a != limit_a
    return _cycle(table_jmh(upper * corners, p, libm_math()))[0]


def _reach_table(p: JmhParams, limit_j: np.float32) -> np.ndarray:
    """M of AP1's boundary at the limit J per integer hue, to 1e-2 (make_reach_m_table)."""
    hues = np.arange(360, dtype=F32)
    low, high = np.zeros(360, F32), np.full(360, F32(50.0))
    outside = np.zeros(360, bool)
    while True:
        act = ~outside & (high < F32(1300.0))
        if not act.any():
            break
        out = rgb_outside(limit_j, high[act], hues[act], p, 0.0)
        outside[act] = out
        step = np.flatnonzero(act)[~out]
        low[step] = high[step]
        high[step] += F32(50.0)
    while True:
        act = (high - low) > F32(1e-2)
        if not act.any():
            break
        mid = (high[act] + low[act]) / F32(2.0)
        out = rgb_outside(limit_j, mid, hues[act], p, 0.0)
        high[act] = np.where(out, mid, high[act])
        low[act] = np.where(out, low[act], mid)
    return np.concatenate([high[-1:], high, high[:2]])


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
    jmh_c, order = _cycle(table_jmh(rgb_c, p_lim, libm_math()))
    rgb_c = rgb_c[:, order]
    merged = sorted(set(reach_c[2, 1:7].tolist()) | set(jmh_c[2, 1:7].tolist()))
    hues = hue_table([F32(h) for h in merged])
    nominal = hues[1:361]
    jm = display_cusps(nominal, rgb_c, jmh_c, p_lim)
    cusps = np.zeros((TABLE_SIZE, 3), F32)
    cusps[1:361, 0] = jm[0]
    cusps[1:361, 1] = jm[1] * _SMOOTH_M
    cusps[1:361, 2] = upper_hull_gammas(
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
        search_range=search_range(hues),
    )
