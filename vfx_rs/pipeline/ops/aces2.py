"""ACES 2.0 output transform ops: the whole display rendering, and its three stages on JMh.

- `Aces2OutputOp`: ACES2065-1 RGB to display-linear RGB in the limiting primaries (1.0 = 100 cd/m2) and
  back (OpenColorIO FixedFunction ``ACES_OUTPUT_TRANSFORM_20``; params peak luminance and limiting xy).
- `Aces2JmhOp`: RGB in given primaries to J, M, h (degrees) and back (``ACES_RGB_TO_JMH_20``).
- `Aces2ToneCompressOp`: tone scale on J plus chroma compression on M (``ACES_TONESCALE_COMPRESS_20``).
- `Aces2GamutCompressOp`: gamut compression of J, M (``ACES_GAMUT_COMPRESS_20``).

Per pixel as OpenColorIO 2.6's CPU renderers (``src/OpenColorIO/ops/fixedfunction/FixedFunctionOpCPU.cpp``:
Renderer_ACES_OutputTransform20, _RGB_TO_JMh_20, _TONESCALE_COMPRESS_20, _GAMUT_COMPRESS_20) in float32,
from the aces-output CTL (``Lib.Academy.OutputTransform.ctl`` outputTransform_fwd/_inv). The stages live in
`aces2_model`, `aces2_tonescale`, `aces2_gamut` and `aces2_tables` (each with its GLSL twin). The kernels
take their transcendental functions libm-exact (`aces2_model.EXACT`): float32 chains through this model
amplify an ulp (the inverse near the display peak; near-zero channels of saturated colours that a PQ
encoding then magnifies), and NumPy's SIMD float32 loops are an ulp off glibc's ``powf`` about a fifth
of the time. NaNs follow OCIO's ``std::max``/``std::min``: a NaN the
model produces for A < 0 becomes 0 where OCIO's clamps turn it into 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, TextureSpec, Uniform
from vfx_rs.pipeline.ops.aces2_gamut import GLSL_GAMUT, gamut_compress, reach_m_at
from vfx_rs.pipeline.ops.aces2_model import (
    EXACT,
    F32,
    GLSL_MODEL,
    PRIMARIES_AP0,
    F32Math,
    JmhParams,
    Primaries,
    aab_to_jmh,
    aab_to_rgb,
    hue_radians,
    jmh_params,
    jmh_to_aab,
    rgb_to_aab,
)
from vfx_rs.pipeline.ops.aces2_tables import Aces2Shared, Aces2Tables, aces2_tables, shared_tables
from vfx_rs.pipeline.ops.aces2_tonescale import (
    GLSL_TONESCALE,
    chroma_compress_fwd,
    chroma_compress_inv,
    chroma_norm,
    chroma_params,
    tone_params,
    tonescale_fwd,
    tonescale_inv,
)
from vfx_rs.pipeline.ops.bspline import quiet_float_errors

__all__ = ["Aces2GamutCompressOp", "Aces2JmhOp", "Aces2OutputOp", "Aces2ToneCompressOp"]

_HELPERS = {"aces2_model": GLSL_MODEL, "aces2_tonescale": GLSL_TONESCALE, "aces2_gamut": GLSL_GAMUT}


def _check_peak(peak: float) -> float:
    if not (math.isfinite(peak) and 1.0 <= peak <= 10000.0):
        raise ArgumentError(f"ACES 2.0 peak luminance must be in [1, 10000] cd/m2, got {peak}")
    return float(F32(peak))


def _check_primaries(primaries: Any) -> Primaries:
    """8 xy values (R, G, B, white) rounded to float32, as OCIO reads FixedFunction parameters."""
    xy = tuple(float(F32(v)) for v in primaries)
    if len(xy) != 8 or not all(math.isfinite(v) for v in xy) or not all(xy[1::2]):
        raise ArgumentError(f"ACES 2.0 primaries need 8 finite xy values (R, G, B, white, y != 0), got {primaries!r}")
    try:
        jmh_params(xy)  # type: ignore[arg-type]
    except np.linalg.LinAlgError:
        raise ArgumentError(f"ACES 2.0 primaries {xy} are degenerate") from None
    return xy  # type: ignore[return-value]


def _wrap_hue(h: np.ndarray) -> np.ndarray:
    """Hue in degrees wrapped to [0, 360) (OCIO Common.h from_degrees)."""
    h = np.fmod(h, F32(360.0))
    return np.where(h < 0, h + F32(360.0), h)


def _trig(h: np.ndarray, fm: F32Math = EXACT) -> tuple[np.ndarray, np.ndarray]:
    hr = hue_radians(h)
    return fm.cos(hr), fm.sin(hr)


def _model_uniforms(names: GlslNames, prefix: str, p: JmhParams) -> dict[str, Uniform]:
    return {
        names(f"{prefix}_to_cone"): Uniform("mat3", p.rgb_to_cone),
        names(f"{prefix}_to_aab"): Uniform("mat3", p.cone_to_aab),
        names(f"{prefix}_from_aab"): Uniform("mat3", p.aab_to_cone),
        names(f"{prefix}_from_cone"): Uniform("mat3", p.cone_to_rgb),
    }


def _tone_uniforms(names: GlslNames, t: Aces2Shared) -> tuple[dict[str, Uniform], dict[str, TextureSpec]]:
    """Tone scale and chroma compression uniforms, and the tables' texture."""
    ts, cc = tone_params(t.peak), chroma_params(t.peak)
    focus_dist, lower_inv = (t.focus_dist, t.lower_hull_gamma_inv) if isinstance(t, Aces2Tables) else (0.0, 0.0)
    uniforms = {
        names("ts"): Uniform("vec4", (ts.m_2, ts.s_2, ts.g, ts.t_1)),
        names("ts_inv"): Uniform("vec2", (ts.inverse_limit, ts.n_r)),
        names("cc"): Uniform("vec4", (cc.sat, cc.sat_thr, cc.compr, cc.scale)),
        names("gc"): Uniform("vec4", (t.limit_j_max, focus_dist, lower_inv, t.model_gamma_inv)),
    }
    return uniforms, {names("tab"): TextureSpec(2, t.texture())}


def _display_uniforms(names: GlslNames, t: Aces2Tables) -> tuple[dict[str, Uniform], dict[str, TextureSpec]]:
    """`_tone_uniforms` and the gamut compression's."""
    uniforms, textures = _tone_uniforms(names, t)
    uniforms[names("mid_j")] = Uniform("float", t.mid_j)
    uniforms[names("range")] = Uniform("vec2", tuple(float(v) for v in t.search_range))
    return uniforms, textures


@dataclass(frozen=True, kw_only=True, eq=False)
class Aces2OutputOp(Op):
    """The ACES 2.0 output transform: ACES2065-1 to display-linear RGB in the limiting primaries, or back.

    Parameters
    ----------
    peak
        Peak display luminance in cd/m2 (100 for SDR); the output's 1.0 is 100 cd/m2.
    limiting
        xy of the limiting primaries' red, green, blue and white.

    Examples
    --------
    >>> from vfx_rs.pipeline import Pipeline
    >>> grey = Pipeline([Aces2OutputOp()]).applied([[0.18, 0.18, 0.18]])  # 18% grey to about 10 cd/m2
    >>> [round(float(v), 4) for v in grey[0]]
    [0.1, 0.1, 0.1]
    """

    kind = "aces2_output"
    peak: float = 100.0
    limiting: Primaries = (0.64, 0.33, 0.3, 0.6, 0.15, 0.06, 0.3127, 0.329)
    forward: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "peak", _check_peak(self.peak))
        object.__setattr__(self, "limiting", _check_primaries(self.limiting))

    def tables(self) -> Aces2Tables:
        """The cached cusp, hue and reach tables of this display."""
        return aces2_tables(self.peak, self.limiting)

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        t = self.tables()
        p_in, p_out = jmh_params(PRIMARIES_AP0), jmh_params(self.limiting)
        ts, cc = tone_params(self.peak), chroma_params(self.peak)
        x = p.astype(F32, copy=False)
        if self.forward:
            aab = rgb_to_aab(x, p_in)
            j, m, h = aab_to_jmh(aab, p_in)
            reach = reach_m_at(h, t)
            cos_h, sin_h = _trig(h)
            norm = chroma_norm(cos_h, sin_h, cc)
            j_ts = tonescale_fwd(aab[0], p_in, ts, from_achromatic=True)
            m_cp = chroma_compress_fwd(j, m, j_ts, norm, reach, t.limit_j_max, t.model_gamma_inv, cc)
            j_out, m_out = gamut_compress(j_ts, m_cp, h, reach, t, inverse=False)
            p[...] = aab_to_rgb(jmh_to_aab(j_out, m_out, cos_h, sin_h, p_out), p_out)
            return
        j, m, h = aab_to_jmh(rgb_to_aab(x, p_out), p_out)
        reach = reach_m_at(h, t)
        cos_h, sin_h = _trig(h)
        norm = chroma_norm(cos_h, sin_h, cc)
        j_tm, m_tm = gamut_compress(j, m, h, reach, t, inverse=True)
        j_in = tonescale_inv(j_tm, p_in, ts)
        m_in = chroma_compress_inv(j_tm, m_tm, j_in, norm, reach, t.limit_j_max, t.model_gamma_inv, cc)
        p[...] = aab_to_rgb(jmh_to_aab(j_in, m_in, cos_h, sin_h, p_in), p_in)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        p_in, p_out = jmh_params(PRIMARIES_AP0), jmh_params(self.limiting)
        uniforms, textures = _display_uniforms(names, self.tables())
        uniforms.update(_model_uniforms(names, "in", p_in))
        uniforms.update(_model_uniforms(names, "out", p_out))
        n = names
        src, dst = ("in", "out") if self.forward else ("out", "in")
        head = f"""vec3 aab = aces2_rgb_to_aab(c, {n(src + "_to_cone")}, {n(src + "_to_aab")});
vec3 jmh = aces2_aab_to_jmh(aab, {float(p_in.cz)!r});
float ch = cos(radians(jmh.z)), sh = sin(radians(jmh.z));
float reach = aces2_reach_m({n("tab")}, jmh.z);
float norm = aces2_chroma_norm(ch, sh, {n("cc")}.w);
vec3 cc = {n("cc")}.xyz;
"""
        ts = f"{n('ts')}.x, {n('ts')}.y, {n('ts')}.z, {n('ts')}.w"
        y_to_j = f"{float(p_in.f_l_n)!r}, {float(p_in.inv_a_w_j)!r}, {float(p_in.cz)!r}"
        j_to_y = f"{float(p_in.inv_cz)!r}, {float(p_in.a_w_j)!r}, {float(p_in.f_l_n)!r}"
        if self.forward:
            body = f"""float y = aces2_cone_inv_abs({float(p_in.a_w_j)!r} * aab.x) / {float(p_in.f_l_n)!r};
float j_ts = aab.x < 0.0 ? 0.0 : aces2_y_to_j(aces2_tonescale_y(y, {n("ts_inv")}.y, {ts}), {y_to_j});
float m_cp = aces2_chroma_compress(jmh.x, jmh.y, j_ts, norm, reach, {n("gc")}.x, {n("gc")}.w, cc, false);
vec2 jm = aces2_gamut_compress(vec3(j_ts, m_cp, jmh.z), reach, {n("tab")}, {n("range")}, {n("gc")}, {n("mid_j")}, false);
c = aces2_jmh_to_rgb(jm.x, jm.y, ch, sh, {float(p_in.inv_cz)!r}, {n(dst + "_from_aab")}, {n(dst + "_from_cone")});"""
        else:
            body = f"""vec2 jm = aces2_gamut_compress(jmh, reach, {n("tab")}, {n("range")}, {n("gc")}, {n("mid_j")}, true);
float y = aces2_tonescale_y_inv(aces2_j_to_y(jm.x, {j_to_y}), {n("ts_inv")}.x, {ts});
float j_in = sign(jm.x) * aces2_y_to_j(y, {y_to_j});
float m_in = aces2_chroma_compress(j_in, jm.y, jm.x, norm, reach, {n("gc")}.x, {n("gc")}.w, cc, true);
c = aces2_jmh_to_rgb(j_in, m_in, ch, sh, {float(p_in.inv_cz)!r}, {n(dst + "_from_aab")}, {n(dst + "_from_cone")});"""
        return GlslSnippet(
            body="{\n" + head + body + "\n}", uniforms=uniforms, textures=textures, helpers=dict(_HELPERS)
        )

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.forward)

    def inverse(self) -> Aces2OutputOp:
        return Aces2OutputOp(peak=self.peak, limiting=self.limiting, forward=not self.forward)


@dataclass(frozen=True, kw_only=True, eq=False)
class Aces2JmhOp(Op):
    """RGB in `primaries` (xy of R, G, B, white) to ACES 2.0 J, M, h (degrees in [0, 360)), or back.

    The inverse wraps any hue into [0, 360) first (OCIO Renderer_ACES_RGB_TO_JMh_20).
    """

    kind = "aces2_jmh"
    primaries: Primaries = PRIMARIES_AP0
    forward: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "primaries", _check_primaries(self.primaries))

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        prm = jmh_params(self.primaries)
        x = p.astype(F32, copy=False)
        if self.forward:
            p[...] = aab_to_jmh(rgb_to_aab(x, prm), prm)
            return
        h = _wrap_hue(x[2])
        cos_h, sin_h = _trig(h)
        p[...] = aab_to_rgb(jmh_to_aab(x[0], x[1], cos_h, sin_h, prm), prm)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        prm = jmh_params(self.primaries)
        n = names
        if self.forward:
            body = f"c = aces2_aab_to_jmh(aces2_rgb_to_aab(c, {n('in_to_cone')}, {n('in_to_aab')}), {float(prm.cz)!r});"
        else:
            body = f"""{{
    float h = mod(c.z, 360.0);
    c = aces2_jmh_to_rgb(c.x, c.y, cos(radians(h)), sin(radians(h)), {float(prm.inv_cz)!r}, {n("in_from_aab")}, {n("in_from_cone")});
}}"""
        return GlslSnippet(body=body, uniforms=_model_uniforms(names, "in", prm), helpers={"aces2_model": GLSL_MODEL})

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.forward)

    def inverse(self) -> Aces2JmhOp:
        return Aces2JmhOp(primaries=self.primaries, forward=not self.forward)


@dataclass(frozen=True, kw_only=True, eq=False)
class Aces2ToneCompressOp(Op):
    """On ACES2065-1 J, M, h: the tone scale on J and chroma compression of M for a `peak` in cd/m2, or back
    (OCIO Renderer_ACES_TONESCALE_COMPRESS_20; hues wrapped into [0, 360))."""

    kind = "aces2_tone_compress"
    peak: float = 100.0
    forward: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "peak", _check_peak(self.peak))

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        t = shared_tables(self.peak)
        p_in, ts, cc = jmh_params(PRIMARIES_AP0), tone_params(self.peak), chroma_params(self.peak)
        x = p.astype(F32, copy=False)
        j, m, h = x[0], x[1], _wrap_hue(x[2])
        cos_h, sin_h = _trig(h)
        norm = chroma_norm(cos_h, sin_h, cc)
        reach = reach_m_at(h, t)
        if self.forward:
            j_ts = tonescale_fwd(j, p_in, ts, from_achromatic=False)
            m_out = chroma_compress_fwd(j, m, j_ts, norm, reach, t.limit_j_max, t.model_gamma_inv, cc)
            p[...] = np.stack([j_ts, m_out, h])
            return
        j_sc = tonescale_inv(j, p_in, ts)
        m_out = chroma_compress_inv(j, m, j_sc, norm, reach, t.limit_j_max, t.model_gamma_inv, cc)
        p[...] = np.stack([j_sc, m_out, h])

    def glsl(self, names: GlslNames) -> GlslSnippet:
        p_in = jmh_params(PRIMARIES_AP0)
        uniforms, textures = _tone_uniforms(names, shared_tables(self.peak))
        n = names
        ts = f"{n('ts')}.x, {n('ts')}.y, {n('ts')}.z, {n('ts')}.w"
        y_to_j = f"{float(p_in.f_l_n)!r}, {float(p_in.inv_a_w_j)!r}, {float(p_in.cz)!r}"
        j_to_y = f"{float(p_in.inv_cz)!r}, {float(p_in.a_w_j)!r}, {float(p_in.f_l_n)!r}"
        if self.forward:
            tone = f"aces2_tonescale_y(aces2_j_to_y(c.x, {j_to_y}), {n('ts_inv')}.y, {ts})"
            compress = f"float m = aces2_chroma_compress(c.x, c.y, j2, norm, reach, {n('gc')}.x, {n('gc')}.w, {n('cc')}.xyz, false);"
        else:
            tone = f"aces2_tonescale_y_inv(aces2_j_to_y(c.x, {j_to_y}), {n('ts_inv')}.x, {ts})"
            compress = f"float m = aces2_chroma_compress(j2, c.y, c.x, norm, reach, {n('gc')}.x, {n('gc')}.w, {n('cc')}.xyz, true);"
        body = f"""{{
    float h = mod(c.z, 360.0);
    float norm = aces2_chroma_norm(cos(radians(h)), sin(radians(h)), {n("cc")}.w);
    float reach = aces2_reach_m({n("tab")}, h);
    float j2 = sign(c.x) * aces2_y_to_j({tone}, {y_to_j});
    {compress}
    c = vec3(j2, m, h);
}}"""
        return GlslSnippet(body=body, uniforms=uniforms, textures=textures, helpers=dict(_HELPERS))

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.forward)

    def inverse(self) -> Aces2ToneCompressOp:
        return Aces2ToneCompressOp(peak=self.peak, forward=not self.forward)


@dataclass(frozen=True, kw_only=True, eq=False)
class Aces2GamutCompressOp(Op):
    """On J, M, h: the ACES 2.0 gamut compression into the `limiting` primaries for a `peak` in cd/m2, or back
    (OCIO Renderer_ACES_GAMUT_COMPRESS_20; hues wrapped into [0, 360))."""

    kind = "aces2_gamut_compress"
    peak: float = 100.0
    limiting: Primaries = (0.64, 0.33, 0.3, 0.6, 0.15, 0.06, 0.3127, 0.329)
    forward: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "peak", _check_peak(self.peak))
        object.__setattr__(self, "limiting", _check_primaries(self.limiting))

    @quiet_float_errors
    def apply_planar(self, p: np.ndarray) -> None:
        t = aces2_tables(self.peak, self.limiting)
        x = p.astype(F32, copy=False)
        h = _wrap_hue(x[2])
        j, m = gamut_compress(x[0], x[1], h, reach_m_at(h, t), t, inverse=not self.forward)
        p[...] = np.stack([j, m, h])

    def glsl(self, names: GlslNames) -> GlslSnippet:
        uniforms, textures = _display_uniforms(names, aces2_tables(self.peak, self.limiting))
        n = names
        inverse = "false" if self.forward else "true"
        body = f"""{{
    float h = mod(c.z, 360.0);
    vec2 jm = aces2_gamut_compress(vec3(c.xy, h), aces2_reach_m({n("tab")}, h), {n("tab")}, {n("range")}, {n("gc")}, {n("mid_j")}, {inverse});
    c = vec3(jm, h);
}}"""
        return GlslSnippet(body=body, uniforms=uniforms, textures=textures, helpers=dict(_HELPERS))

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.forward)

    def inverse(self) -> Aces2GamutCompressOp:
        return Aces2GamutCompressOp(peak=self.peak, limiting=self.limiting, forward=not self.forward)
