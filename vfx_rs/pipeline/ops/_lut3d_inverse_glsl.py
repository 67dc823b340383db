"""GLSL twin of the inverse 3D LUT search (`Lut3DInverseSearch`): the same cells, order and solve, float32.

Textures: the grown lattice (3D), the bin starts and members, per cell its range box,
base index and slab row, and per border cell its slabs (2D, values packed three to a
texel). A value visits its bin's cells in hash order, skips those whose box or slabs
exclude it, and runs OCIO's invert_hypercube (Lut3DOpCPU.cpp) literally: the update
program, pivoting, rank-revealing swaps and singular back substitution. In float32
the tolerances are wider than OCIO's float64 ones (`_ZERO_TOL`, `_FEASIBLE_TOL`), so a
value within about 1e-5 of a cell earlier in OCIO's order may take that cell.
"""

from __future__ import annotations

import numpy as np

from vfx_rs.pipeline.op import GlslNames, TextureSpec
from vfx_rs.pipeline.ops._lut3d_inverse_search import Lut3DInverseSearch

__all__ = ["search_glsl"]

_WIDTH = 1024
"""Texels per row of the packed 2D textures."""

_ZERO_TOL = 1e-6
"""Pivot and residual below which the float32 solve counts a direction as singular (OCIO: 1e-9 in float64)."""

_FEASIBLE_TOL = 1e-5
"""Weight and sum tolerance of the float32 solve (OCIO: 1e-9 in float64)."""

_SLAB_TOL = 1e-5
"""Widening of the slabs for float32 dot products."""


def _pack(values: np.ndarray) -> np.ndarray:
    """Flat float values as a ``(rows, _WIDTH, 3)`` float32 texture (three to a texel)."""
    flat = np.asarray(values, dtype=np.float32).ravel()
    texels = -(-len(flat) // 3)
    rows = max(1, -(-texels // _WIDTH))
    out = np.zeros(rows * _WIDTH * 3, dtype=np.float32)
    out[: len(flat)] = flat
    return out.reshape(rows, _WIDTH, 3)


def search_glsl(search: Lut3DInverseSearch, names: GlslNames) -> tuple[str, dict[str, str], dict[str, TextureSpec]]:
    """The GLSL function name, helpers and textures computing ``search.invert`` on a ``vec3``."""
    n, b = search.n, search.bins
    grid, bins, members, cells, slabs = (names(k) for k in ("grid", "bins", "members", "cells", "slabs"))
    fetch3, fetch1, solve, fn = names("fetch3"), names("fetch1"), names("solve"), names("lut3d_inverse")
    slab_rows = search.slab_of.astype(np.float32)
    cell_data = np.concatenate(
        [
            search.lo,
            search.hi,
            search.cells,
            np.stack([slab_rows, np.zeros_like(slab_rows), np.zeros_like(slab_rows)], axis=1),
        ],
        axis=1,
    )
    slab_data = search.slabs.copy()
    slab_data[:, :, 3] -= _SLAB_TOL
    slab_data[:, :, 4] += _SLAB_TOL
    slab_texels = np.concatenate([slab_data, np.zeros((*slab_data.shape[:2], 1))], axis=2)  # (k, 6, 6)
    textures = {
        grid: TextureSpec(3, np.ascontiguousarray(search.grid.transpose(2, 1, 0, 3), dtype=np.float32)),
        bins: TextureSpec(2, _pack(search.starts)),
        members: TextureSpec(2, _pack(search.members)),
        cells: TextureSpec(2, _pack(cell_data)),
        slabs: TextureSpec(2, _pack(slab_texels if len(slab_texels) else np.zeros(3))),
    }
    helpers = {
        fetch3: (
            f"vec3 {fetch3}(int which, int i) {{\n"
            f"    ivec2 at = ivec2(i % {_WIDTH}, i / {_WIDTH});\n"
            f"    if (which == 0) return texelFetch({bins}, at, 0).rgb;\n"
            f"    if (which == 1) return texelFetch({members}, at, 0).rgb;\n"
            f"    if (which == 2) return texelFetch({cells}, at, 0).rgb;\n"
            f"    return texelFetch({slabs}, at, 0).rgb;\n"
            "}\n"
        ),
        fetch1: (
            f"int {fetch1}(int which, int i) {{\n"
            f"    vec3 v = {fetch3}(which, i / 3);\n"
            "    int k = i - 3 * (i / 3);\n"
            "    return int(k == 0 ? v.x : (k == 1 ? v.y : v.z));\n"
            "}\n"
        ),
        solve: _SOLVE.replace("SOLVE", solve)
        .replace("GRID", grid)
        .replace("ZT", f"{_ZERO_TOL:.1e}")
        .replace("FT", f"{_FEASIBLE_TOL:.1e}"),
        fn: (
            f"vec3 {fn}(vec3 target) {{\n"
            "    vec3 y = vec3(isnan(target.r) ? 0.0 : target.r, isnan(target.g) ? 0.0 : target.g,\n"
            "                  isnan(target.b) ? 0.0 : target.b);\n"
            "    y = clamp(y, 0.0, 1.0);\n"
            f"    ivec3 k = min(ivec3(y * {b}.0), ivec3({b - 1}));\n"
            f"    int bin = (k.r * {b} + k.g) * {b} + k.b;\n"
            "    vec3 found = vec3(0.0);\n"
            f"    int last = {fetch1}(0, bin + 1);\n"
            f"    for (int i = {fetch1}(0, bin); i < last; ++i) {{\n"
            f"        int c = {fetch1}(1, i);\n"
            f"        if (any(lessThan(y, {fetch3}(2, 4 * c))) || any(greaterThan(y, {fetch3}(2, 4 * c + 1)))) continue;\n"
            f"        int slab = int({fetch3}(2, 4 * c + 3).x);\n"
            "        bool outside = false;\n"
            "        for (int s = 0; slab >= 0 && s < 6; ++s) {\n"
            f"            float p = dot({fetch3}(3, 12 * slab + 2 * s), y - 0.5);\n"
            f"            vec3 bounds = {fetch3}(3, 12 * slab + 2 * s + 1);\n"
            "            if (p < bounds.x || p > bounds.y) { outside = true; break; }\n"
            "        }\n"
            "        if (outside) continue;\n"
            "        vec3 pos;\n"
            f"        if ({solve}(ivec3({fetch3}(2, 4 * c + 2)), y, pos)) {{ found = pos; break; }}\n"
            "    }\n"
            f"    return clamp(found - 1.0, 0.0, {n - 1}.0) / {n - 1}.0;\n"
            "}\n"
        ),
    }
    return fn, helpers, textures


_SOLVE = """bool SOLVE(ivec3 base, vec3 val, out vec3 pos) {
    const int ENTER[8] = int[8](2, 1, 0, 2, 0, 2, 0, 2);
    const ivec3 VERT[8] = ivec3[8](ivec3(1, 0, 0), ivec3(1, 1, 1), ivec3(1, 1, 0), ivec3(0, 1, 0),
                                   ivec3(0, 1, 1), ivec3(0, 0, 1), ivec3(1, 0, 1), ivec3(1, 0, 0));
    const ivec3 PATH[6] = ivec3[6](ivec3(0, 1, 2), ivec3(1, 0, 2), ivec3(1, 2, 0), ivec3(2, 1, 0),
                                   ivec3(2, 0, 1), ivec3(0, 2, 1));
    float u[9]; float y[3]; float x[3]; int rp[3]; int cp[3];
    int sto[20]; int sfr[20]; float sf[20]; int ns = 0;
    vec3 bv = texelFetch(GRID, base, 0).rgb;
    vec3 d = val - bv;
    for (int i = 0; i < 3; ++i) {
        rp[i] = i; cp[i] = i; y[i] = d[i]; x[i] = 0.0;
        for (int j = 0; j < 3; ++j) u[i * 3 + j] = i == j ? 1.0 : 0.0;
    }
    pos = vec3(0.0);
    for (int step = 0; step < 8; ++step) {
        int ent = ENTER[step];
        vec3 nvv = texelFetch(GRID, base + VERT[step], 0).rgb - bv;
        float nv[3] = float[3](nvv.x, nvv.y, nvv.z);
        for (int s = 0; s < ns; ++s) nv[sto[s]] -= sf[s] * nv[sfr[s]];
        int leaving = 0;
        for (int j = 0; j < 3; ++j) { u[j * 3 + ent] = nv[j]; if (cp[j] == ent) leaving = j + 1; }
        if (leaving <= 1) { int t = cp[0]; cp[0] = cp[1]; cp[1] = t; }
        for (int j = leaving - 1; j < 2; ++j) {
            int piv = j; int cpiv = j;
            float ad = abs(u[rp[j] * 3 + cp[j]]);
            for (int k = j + 1; k < 3; ++k) {
                float an = abs(u[rp[k] * 3 + cp[j]]);
                if (an > ad) { ad = an; piv = k; }
            }
            if (ad < ZT) {
                for (int h = j + 1; h < 3; ++h) {
                    for (int k = j; k < 3; ++k) {
                        float an = abs(u[rp[k] * 3 + cp[h]]);
                        if (an > ad) { ad = an; piv = k; cpiv = h; }
                    }
                    if (ad > ZT) { int t = cp[j]; cp[j] = cp[cpiv]; cp[cpiv] = t; }
                }
            }
            if (piv != j) { int t = rp[j]; rp[j] = rp[piv]; rp[piv] = t; }
            float den = u[rp[j] * 3 + cp[j]];
            for (int h = j + 1; h < 3; ++h) {
                float num = u[rp[h] * 3 + cp[j]];
                if (abs(num) >= ZT) {
                    float f = num / den;
                    u[rp[h] * 3 + cp[j]] = 0.0;
                    for (int k = j + 1; k < 3; ++k) u[rp[h] * 3 + cp[k]] -= f * u[rp[j] * 3 + cp[k]];
                    y[rp[h]] -= f * y[rp[j]];
                    sto[ns] = rp[h]; sfr[ns] = rp[j]; sf[ns] = f; ++ns;
                }
            }
        }
        if (step < 2) continue;
        bool bad = false;
        float run = 0.0;
        for (int js = 2; js >= 0; --js) {
            float den = u[rp[js] * 3 + cp[js]];
            if (abs(den) < ZT) {
                if (abs(y[rp[js]]) > ZT) { bad = true; break; }
                x[js] = 0.0;
            } else {
                float sm = 0.0;
                for (int k = js + 1; k < 3; ++k) sm += u[rp[js] * 3 + cp[k]] * x[k];
                float xt = (y[rp[js]] - sm) / den;
                if (xt < -FT) { bad = true; break; }
                run += xt;
                if (run > 1.0 + FT) { bad = true; break; }
                x[js] = xt;
            }
        }
        if (bad) continue;
        float w[3];
        for (int j = 0; j < 3; ++j) w[cp[j]] = x[j];
        ivec3 path = PATH[step - 2];
        float o[3];
        o[path.z] = w[1];
        o[path.y] = w[0] + o[path.z];
        o[path.x] = w[2] + o[path.y];
        pos = vec3(o[0], o[1], o[2]) + vec3(base);
        return true;
    }
    return false;
}
"""
