"""ACES 2.0 tone scale (the Daniele curve on luminance) and chroma compression, forward and inverse.

The tone scale maps scene luminance to display luminance for a peak luminance in cd/m2 (aces-output
``Lib.Academy.Tonescale.ctl``, ``init_TSParams``, ``tonescale_fwd``, ``tonescale_inv``); the ACES 2.0
output transform applies it to J through luminance. Chroma compression then scales M with the change of
J and compresses it towards a hue-dependent limit with two "toe" curves (``Lib.Academy.OutputTransform.ctl``
``chromaCompression_fwd``/``_inv``, ``toe_fwd``/``toe_inv``, ``chroma_compress_norm``). All as OpenColorIO 2.6
computes them in float32 (``ops/fixedfunction/ACES2/Transform.cpp``: init_ToneScaleParams,
init_ChromaCompressParams, aces_tonescale, tonescale_A_to_J, chroma_compress_fwd/_inv; constants from
``Common.h``).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.pipeline.ops.aces2_model import EXACT, F32, F32Math, JmhParams, achromatic_to_y, y_to_j

__all__ = [
    "GLSL_TONESCALE",
    "ChromaParams",
    "ToneParams",
    "chroma_compress_fwd",
    "chroma_compress_inv",
    "chroma_norm",
    "chroma_params",
    "tone_params",
    "tonescale_fwd",
    "tonescale_inv",
]


@dataclass(frozen=True)
class ToneParams:
    """The tone scale for one peak luminance (OCIO ToneScaleParams), float32."""

    n: np.float32
    n_r: np.float32
    g: np.float32
    t_1: np.float32
    c_t: np.float32
    s_2: np.float32
    u_2: np.float32
    m_2: np.float32
    forward_limit: np.float32
    inverse_limit: np.float32
    log_peak: np.float32


@functools.lru_cache(maxsize=32)
def tone_params(peak: float) -> ToneParams:
    """Tone scale constants for `peak` cd/m2 (Transform.cpp init_ToneScaleParams; Tonescale.ctl init_TSParams).

    Preset: normalised white 100, contrast g 1.15, grey 0.18 -> 10.013 cd/m2 shifting by 0.14 per stop of
    peak, toe/flare 0.04, scene value reaching peak from 128 (100 nits) to 896 (10000 nits).
    """
    n, n_r, g, c, c_d, w_g, t_1 = F32(peak), F32(100.0), F32(1.15), F32(0.18), F32(10.013), F32(0.14), F32(0.04)
    r_hit_min, r_hit_max = F32(128.0), F32(896.0)
    r_hit = F32(r_hit_min + (r_hit_max - r_hit_min) * F32(math.log(n / n_r) / math.log(F32(10000.0) / F32(100.0))))
    m_0 = n / n_r
    m_1 = F32(0.5) * (m_0 + np.sqrt(m_0 * (m_0 + F32(4.0) * t_1)))
    u = EXACT.power((r_hit / m_1) / ((r_hit / m_1) + F32(1.0)), g)
    m = m_1 / u
    w_i = F32(math.log(n / F32(100.0)) / math.log(2.0))
    c_t = c_d / n_r * (F32(1.0) + w_i * w_g)
    g_ip = F32(0.5) * (c_t + np.sqrt(c_t * (c_t + F32(4.0) * t_1)))
    pw = EXACT.power(g_ip / m, F32(1.0) / g)
    g_ipp2 = -(m_1 * pw) / (pw - F32(1.0))
    w_2 = c / g_ipp2
    s_2 = w_2 * m_1 * F32(100.0)
    u_2 = EXACT.power((r_hit / m_1) / ((r_hit / m_1) + w_2), g)
    m_2 = m_1 / u_2
    return ToneParams(
        n=n,
        n_r=n_r,
        g=g,
        t_1=t_1,
        c_t=F32(c_t),
        s_2=F32(s_2),
        u_2=F32(u_2),
        m_2=F32(m_2),
        forward_limit=F32(F32(8.0) * r_hit),
        inverse_limit=F32(n / (u_2 * n_r)),
        log_peak=F32(math.log10(n / n_r)),
    )


@dataclass(frozen=True)
class ChromaParams:
    """Chroma compression constants for one peak (OCIO ChromaCompressParams), float32."""

    sat: np.float32
    sat_thr: np.float32
    compr: np.float32
    scale: np.float32


@functools.lru_cache(maxsize=32)
def chroma_params(peak: float) -> ChromaParams:
    """Chroma compression for `peak` cd/m2 (Transform.cpp init_ChromaCompressParams; Common.h chroma_compress 2.4,
    chroma_compress_fact 3.3, chroma_expand 1.3, chroma_expand_fact 0.69, chroma_expand_thr 0.5)."""
    t = tone_params(peak)
    compr = F32(2.4) + (F32(2.4) * F32(3.3)) * t.log_peak
    sat = max(F32(0.2), F32(1.3) - (F32(1.3) * F32(0.69)) * t.log_peak)
    scale = EXACT.power(F32(0.03379) * F32(peak), F32(0.30596)) - F32(0.45135)
    return ChromaParams(sat=F32(sat), sat_thr=F32(F32(0.5) / t.n), compr=F32(compr), scale=F32(scale))


def _luminance_tonescale(y: np.ndarray, t: ToneParams, fm: F32Math) -> np.ndarray:
    f = t.m_2 * fm.power(y / (y + t.s_2), t.g)
    return np.fmax(F32(0.0), f * f / (f + t.t_1)) * t.n_r  # fmax: NaN (from A < 0) gives 0, as std::max


def tonescale_fwd(
    j_or_a: np.ndarray, p: JmhParams, t: ToneParams, *, from_achromatic: bool, fm: F32Math = EXACT
) -> np.ndarray:
    """Tone-mapped J from J (``tonescale_fwd``) or from the achromatic response A (``tonescale_A_to_J_fwd``, what
    the full transform uses; A < 0 gives 0 there, as in OCIO), sign kept."""
    if from_achromatic:
        y = achromatic_to_y(j_or_a, p, fm)
    else:
        y = achromatic_to_y(fm.power(np.abs(j_or_a) * F32(0.01), p.inv_cz), p, fm)
    out = y_to_j(_luminance_tonescale(y, t, fm), p, fm)
    return np.copysign(out, j_or_a, out=out)


def tonescale_inv(j: np.ndarray, p: JmhParams, t: ToneParams, fm: F32Math = EXACT) -> np.ndarray:
    """Scene J of a tone-mapped J, sign kept; display luminance is limited to the peak (``aces_tonescale<true>``)."""
    y_in = achromatic_to_y(fm.power(np.abs(j) * F32(0.01), p.inv_cz), p, fm)
    z = np.fmax(F32(0.0), np.fmin(t.inverse_limit, y_in / F32(100.0)))  # NaN gives the limit, as std::min
    f = (z + np.sqrt(z * (F32(4.0) * t.t_1 + z))) / F32(2.0)
    y = t.s_2 / (fm.power(t.m_2 / f, F32(1.0) / t.g) - F32(1.0))
    out = y_to_j(y, p, fm)
    return np.copysign(out, j, out=out)


_NORM_WEIGHTS = (11.34072, 16.46899, 7.88380, 14.66441, -6.37224, 9.19364, 77.12896)
"""Hue weights of the chroma compression norm: cos h, cos 2h, cos 3h, sin h, sin 2h, sin 3h, constant
(Transform.cpp chroma_compress_norm)."""


def chroma_norm(cos_h: np.ndarray, sin_h: np.ndarray, c: ChromaParams) -> np.ndarray:
    """The hue-dependent normalisation of M (Transform.cpp chroma_compress_norm), times the peak's scale."""
    w = [F32(v) for v in _NORM_WEIGHTS]
    cos2 = F32(2.0) * cos_h * cos_h - F32(1.0)
    sin2 = F32(2.0) * cos_h * sin_h
    cos3 = F32(4.0) * cos_h * cos_h * cos_h - F32(3.0) * cos_h
    sin3 = F32(3.0) * sin_h - F32(4.0) * sin_h * sin_h * sin_h
    m = w[0] * cos_h + w[1] * cos2
    m += w[2] * cos3
    m += w[3] * sin_h
    m += w[4] * sin2
    m += w[5] * sin3
    m += w[6]
    return m * c.scale


def _toe_fwd(x: np.ndarray, limit: np.ndarray, k1_in: np.ndarray, k2_in: np.ndarray) -> np.ndarray:
    k2 = np.maximum(k2_in, F32(0.001))
    k1 = np.sqrt(k1_in * k1_in + k2 * k2)
    k3 = (limit + k1) / (limit + k2)
    minus_b = k3 * x - k1
    minus_ac = k2 * k3 * x
    out = F32(0.5) * (minus_b + np.sqrt(minus_b * minus_b + F32(4.0) * minus_ac))
    return np.where(x > limit, x, out)


def _toe_inv(x: np.ndarray, limit: np.ndarray, k1_in: np.ndarray, k2_in: np.ndarray) -> np.ndarray:
    k2 = np.maximum(k2_in, F32(0.001))
    k1 = np.sqrt(k1_in * k1_in + k2 * k2)
    k3 = (limit + k1) / (limit + k2)
    return np.where(x > limit, x, (x * x + k1 * x) / (k3 * (x + k2)))


def _limits(
    j_ts: np.ndarray, reach_m: np.ndarray, norm: np.ndarray, limit_j_max: np.float32, gamma_inv: np.float32, fm: F32Math
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    nj = j_ts / limit_j_max
    snj = np.fmax(F32(0.0), F32(1.0) - nj)
    limit = fm.power(nj, gamma_inv) * reach_m / norm
    return nj, snj, limit


def chroma_compress_fwd(
    j: np.ndarray,
    m: np.ndarray,
    j_ts: np.ndarray,
    norm: np.ndarray,
    reach_m: np.ndarray,
    limit_j_max: np.float32,
    gamma_inv: np.float32,
    c: ChromaParams,
    fm: F32Math = EXACT,
) -> np.ndarray:
    """Compressed M for scene J, M at tone-mapped `j_ts` (Transform.cpp chroma_compress_fwd); M = 0 stays 0."""
    nj, snj, limit = _limits(j_ts, reach_m, norm, limit_j_max, gamma_inv, fm)
    mc = m * fm.power(j_ts / j, gamma_inv) / norm
    mc = limit - _toe_fwd(limit - mc, limit - F32(0.001), snj * c.sat, np.sqrt(nj * nj + c.sat_thr))
    mc = _toe_fwd(mc, limit, nj * c.compr, snj) * norm
    return np.where(m != 0, mc, m)


def chroma_compress_inv(
    j_ts: np.ndarray,
    m_cp: np.ndarray,
    j: np.ndarray,
    norm: np.ndarray,
    reach_m: np.ndarray,
    limit_j_max: np.float32,
    gamma_inv: np.float32,
    c: ChromaParams,
    fm: F32Math = EXACT,
) -> np.ndarray:
    """Scene M from compressed `m_cp` at tone-mapped `j_ts`, scene `j` (Transform.cpp chroma_compress_inv)."""
    nj, snj, limit = _limits(j_ts, reach_m, norm, limit_j_max, gamma_inv, fm)
    m = _toe_inv(m_cp / norm, limit, nj * c.compr, snj)
    m = limit - _toe_inv(limit - m, limit - F32(0.001), snj * c.sat, np.sqrt(nj * nj + c.sat_thr))
    m = m * norm * fm.power(j_ts / j, -gamma_inv)
    return np.where(m_cp != 0, m, m_cp)


GLSL_TONESCALE = f"""float aces2_tonescale_y(float y, float n_r, float m_2, float s_2, float g, float t_1) {{
    float f = m_2 * pow(y / (y + s_2), g);
    return max(0.0, f * f / (f + t_1)) * n_r;
}}
float aces2_tonescale_y_inv(float y, float inverse_limit, float m_2, float s_2, float g, float t_1) {{
    float z = max(0.0, min(inverse_limit, y / 100.0));
    float f = (z + sqrt(z * (4.0 * t_1 + z))) / 2.0;
    return s_2 / (pow(m_2 / f, 1.0 / g) - 1.0);
}}
float aces2_chroma_norm(float ch, float sh, float scale) {{
    float m = {_NORM_WEIGHTS[0]!r} * ch + {_NORM_WEIGHTS[1]!r} * (2.0 * ch * ch - 1.0)
        + {_NORM_WEIGHTS[2]!r} * (4.0 * ch * ch * ch - 3.0 * ch) + {_NORM_WEIGHTS[3]!r} * sh
        + {_NORM_WEIGHTS[4]!r} * (2.0 * ch * sh) + {_NORM_WEIGHTS[5]!r} * (3.0 * sh - 4.0 * sh * sh * sh)
        + {_NORM_WEIGHTS[6]!r};
    return m * scale;
}}
float aces2_toe_fwd(float x, float limit, float k1_in, float k2_in) {{
    if (x > limit) return x;
    float k2 = max(k2_in, 0.001);
    float k1 = sqrt(k1_in * k1_in + k2 * k2);
    float k3 = (limit + k1) / (limit + k2);
    float mb = k3 * x - k1;
    return 0.5 * (mb + sqrt(mb * mb + 4.0 * k2 * k3 * x));
}}
float aces2_toe_inv(float x, float limit, float k1_in, float k2_in) {{
    if (x > limit) return x;
    float k2 = max(k2_in, 0.001);
    float k1 = sqrt(k1_in * k1_in + k2 * k2);
    float k3 = (limit + k1) / (limit + k2);
    return (x * x + k1 * x) / (k3 * (x + k2));
}}
// c: (sat, sat_thr, compr); returns compressed M (forward) or scene M (inverse).
float aces2_chroma_compress(float j, float m, float j_ts, float norm, float reach_m, float limit_j_max,
                            float gamma_inv, vec3 c, bool inverse) {{
    if (m == 0.0) return m;
    float nj = j_ts / limit_j_max;
    float snj = max(0.0, 1.0 - nj);
    float limit = pow(nj, gamma_inv) * reach_m / norm;
    float k2 = sqrt(nj * nj + c.y);
    if (!inverse) {{
        float mc = m * pow(j_ts / j, gamma_inv) / norm;
        mc = limit - aces2_toe_fwd(limit - mc, limit - 0.001, snj * c.x, k2);
        return aces2_toe_fwd(mc, limit, nj * c.z, snj) * norm;
    }}
    float mi = aces2_toe_inv(m / norm, limit, nj * c.z, snj);
    mi = limit - aces2_toe_inv(limit - mi, limit - 0.001, snj * c.x, k2);
    return mi * norm * pow(j_ts / j, -gamma_inv);
}}
"""
"""GLSL twins of the tone scale in luminance, the chroma norm, the toes and the chroma compression."""
