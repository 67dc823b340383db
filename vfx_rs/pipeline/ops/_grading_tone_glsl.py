"""GLSL twin of `GradingToneOp`: the kernels of `_grading_tone_kernels` per value, knots as constants."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from vfx_rs.pipeline.op import GlslNames, GlslSnippet
from vfx_rs.pipeline.ops._grading_tone_prerender import s_contrast_slope

if TYPE_CHECKING:
    from vfx_rs.pipeline.ops.grading_tone import GradingToneOp

__all__ = ["LIN_LOG_HELPER", "tone_glsl"]

_ROOT = "float vfx_tone_root(float c, float b, float a) { return (2.0 * c) / (-b - sqrt(b * b - 4.0 * a * c)); }\n"

_HELPERS = {
    "vfx_tone_root": _ROOT,
    "vfx_tone_mids_fwd": (
        "float vfx_tone_mids_fwd(float t, float x[6], float y[6], float m[6], bool single) {\n"
        "    float f[5];\n"
        "    for (int i = 0; i < 5; ++i) {\n"
        "        float s = (t - x[i]) / (x[i + 1] - x[i]);\n"
        "        f[i] = s * (x[i + 1] - x[i]) * (s * 0.5 * (m[i + 1] - m[i]) + m[i]) + y[i];\n"
        "    }\n"
        "    float res = t < x[1] ? f[0] : f[1];\n"
        "    for (int i = 2; i < 5; ++i) if (single ? t > x[i] : t >= x[i]) res = f[i];\n"
        "    if (t < x[0]) res = y[0] + (t - x[0]) * m[0];\n"
        "    if (single ? t > x[5] : t >= x[5]) res = y[5] + (t - x[5]) * m[5];\n"
        "    return res;\n"
        "}\n"
    ),
    "vfx_tone_mids_rev": (
        "float vfx_tone_mids_rev(float t, float x[6], float y[6], float m[6], bool single) {\n"
        "    float o[5];\n"
        "    for (int i = 0; i < 5; ++i) {\n"
        "        float w = x[i + 1] - x[i];\n"
        "        o[i] = vfx_tone_root(y[i] - t, m[i] * w, 0.5 * (m[i + 1] - m[i]) * w) * w + x[i];\n"
        "    }\n"
        "    float res = t < y[1] ? o[0] : o[1];\n"
        "    for (int i = 2; i < 5; ++i) if (t >= y[i]) res = o[i];\n"
        "    if (t < y[0]) res = x[0] + (t - y[0]) / m[0];\n"
        "    if (t >= y[5]) res = single ? x[0] + (t - y[0]) / m[0] : x[5] + (t - y[5]) / m[5];\n"
        "    return res;\n"
        "}\n"
    ),
    "vfx_tone_hs_fwd": (
        "float vfx_tone_hs_fwd(float t, float x[3], float y[3], float m[2]) {\n"
        "    float tl = (t - x[0]) / (x[1] - x[0]);\n"
        "    float tr = (t - x[1]) / (x[2] - x[1]);\n"
        "    float fl = y[0] * (1.0 - tl * tl) + y[1] * tl * tl + m[0] * (1.0 - tl) * tl * (x[1] - x[0]);\n"
        "    float fr = y[1] * (1.0 - tr) * (1.0 - tr) + y[2] * (2.0 - tr) * tr + m[1] * (tr - 1.0) * tr * (x[2] - x[1]);\n"
        "    float res = t < x[1] ? fl : fr;\n"
        "    if (t < x[0]) res = (t - x[0]) * m[0] + y[0];\n"
        "    if (t >= x[2]) res = (t - x[2]) * m[1] + y[2];\n"
        "    return res;\n"
        "}\n"
    ),
    "vfx_tone_hs_rev": (
        "float vfx_tone_hs_rev(float t, float x[3], float y[3], float m[2]) {\n"
        "    float bl = m[0] * (x[1] - x[0]);\n"
        "    float al = y[1] - y[0] - m[0] * (x[1] - x[0]);\n"
        "    float cl = y[0] - t;\n"
        "    float ol = (-2.0 * cl) / (sqrt(bl * bl - 4.0 * al * cl) + bl) * (x[1] - x[0]) + x[0];\n"
        "    float br = 2.0 * y[2] - 2.0 * y[1] - m[1] * (x[2] - x[1]);\n"
        "    float ar = y[1] - y[2] + m[1] * (x[2] - x[1]);\n"
        "    float cr = y[1] - t;\n"
        "    float or_ = (-2.0 * cr) / (sqrt(br * br - 4.0 * ar * cr) + br) * (x[2] - x[1]) + x[1];\n"
        "    float res = t < y[1] ? ol : or_;\n"
        "    if (t < y[0]) res = (t - y[0]) / m[0] + x[0];\n"
        "    if (t >= y[2]) res = (t - y[2]) / m[1] + x[2];\n"
        "    return res;\n"
        "}\n"
    ),
    "vfx_tone_wb": (
        "float vfx_tone_wb(float t, bool rev, bool lower, bool black, float x[2], float y[2], float m[2], float g,\n"
        "                  vec4 tail) {\n"
        "    // lower: the value dims the region (mtest < 1); tail: aa, bb, cc of the whites' lifted tail.\n"
        "    float a = 0.5 * (m[1] - m[0]) * (x[1] - x[0]);\n"
        "    float b = m[0] * (x[1] - x[0]);\n"
        "    if (lower != rev) {\n"
        "        if (lower) {\n"
        "            float tl = (t - x[0]) / (x[1] - x[0]);\n"
        "            float res = tl * (x[1] - x[0]) * (tl * 0.5 * (m[1] - m[0]) + m[0]) + y[0];\n"
        "            if (t < x[0]) res = y[0] + (t - x[0]) * m[0];\n"
        "            if (t >= x[1]) res = y[1] + (t - x[1]) * m[1];\n"
        "            return res;\n"
        "        }\n"
        "        t = black ? (t - x[1]) * g + x[1] : (t - x[0]) * g + x[0];\n"
        "        float tl = (t - x[0]) / (x[1] - x[0]);\n"
        "        float res = tl * (x[1] - x[0]) * (tl * 0.5 * (m[1] - m[0]) + m[0]) + y[0];\n"
        "        if (t < x[0]) res = y[0] + (t - x[0]) * m[0];\n"
        "        if (black) {\n"
        "            if (t >= x[1]) res = y[1] + (t - x[1]) * m[1];\n"
        "            return (res - x[1]) / g + x[1];\n"
        "        }\n"
        "        res = (res - x[0]) / g + x[0];\n"
        "        t = (t - x[0]) / g + x[0];\n"
        "        float c = tail.z - t;\n"
        "        float r1 = (-2.0 * c) / (sqrt(tail.y * tail.y - 4.0 * tail.x * c) + tail.y);\n"
        "        return t < tail.w ? res : r1;\n"
        "    }\n"
        "    if (lower) {\n"
        "        float c = y[0] - t;\n"
        "        float res = (-2.0 * c) / (sqrt(b * b - 4.0 * a * c) + b) * (x[1] - x[0]) + x[0];\n"
        "        if (t < y[0]) res = x[0] + (t - y[0]) / m[0];\n"
        "        if (t >= y[1]) res = x[1] + (t - y[1]) / m[1];\n"
        "        return res;\n"
        "    }\n"
        "    t = black ? (t - x[1]) * g + x[1] : (t - x[0]) * g + x[0];\n"
        "    float c = y[0] - t;\n"
        "    float res = (-2.0 * c) / (sqrt(b * b - 4.0 * a * c) + b) * (x[1] - x[0]) + x[0];\n"
        "    if (t < y[0]) res = x[0] + (t - y[0]) / m[0];\n"
        "    if (black) {\n"
        "        if (t >= y[1]) res = x[1] + (t - y[1]) / m[1];\n"
        "        return (res - x[1]) / g + x[1];\n"
        "    }\n"
        "    res = (res - x[0]) / g + x[0];\n"
        "    t = (t - x[0]) / g + x[0];\n"
        "    return t < x[1] ? res : (tail.x * t + tail.y) * t + tail.z;\n"
        "}\n"
    ),
    "vfx_tone_sc": (
        "float vfx_tone_sc(float t, bool rev, float s, float p, float x[8], float y[8], float m[4]) {\n"
        "    if (!rev) {\n"
        "        float o = (t - p) * s + p;\n"
        "        float tr = (t - x[1]) / (x[2] - x[1]);\n"
        "        if (t >= x[1]) o = tr * (x[2] - x[1]) * (tr * 0.5 * (m[1] - m[0]) + m[0]) + y[1];\n"
        "        if (t >= x[2]) o = y[2] + (t - x[2]) * m[1];\n"
        "        tr = (t - x[5]) / (x[6] - x[5]);\n"
        "        if (t < x[6]) o = tr * (x[6] - x[5]) * (tr * 0.5 * (m[3] - m[2]) + m[2]) + y[5];\n"
        "        if (t < x[5]) o = y[5] + (t - x[5]) * m[2];\n"
        "        return o;\n"
        "    }\n"
        "    float o = (t - p) / s + p;\n"
        "    for (int k = 0; k < 2; ++k) {\n"
        "        float x1 = x[4 * k + 1], x2 = x[4 * k + 2], y1 = y[4 * k + 1], y2 = y[4 * k + 2];\n"
        "        float m0 = m[2 * k], m3 = m[2 * k + 1];\n"
        "        float b = m0 * (x2 - x1), a = (m3 - m0) * 0.5 * (x2 - x1), c = y1 - t;\n"
        "        float r = (x2 - x1) * (-2.0 * c) / (sqrt(b * b - 4.0 * a * c) + b) + x1;\n"
        "        if (k == 0) { if (t >= y1) o = r; if (t >= y2) o = x2 + (t - y2) / m3; }\n"
        "        else { if (t < y2) o = r; if (t < y1) o = x1 + (t - y1) / m0; }\n"
        "    }\n"
        "    return o;\n"
        "}\n"
    ),
    "vfx_tone_lin_log": (
        "vec3 vfx_tone_lin_log(vec3 x) {\n"
        "    vec3 lg = log2((x - 0.000157849851665374) / (0.18 - 0.000157849851665374));\n"
        "    return mix(x * 363.034608563 - 7.0, lg, greaterThan(x, vec3(0.0041318374739483946)));\n"
        "}\n"
        "vec3 vfx_tone_log_lin(vec3 x) {\n"
        "    vec3 lin = exp2(x) * (0.18 - 0.000157849851665374) + 0.000157849851665374;\n"
        "    return mix((x + 7.0) / 363.034608563, lin, greaterThan(x, vec3(-5.5)));\n"
        "}\n"
    ),
}
"""Shared GLSL helpers (emitted once per program); `_grading_tone_kernels` documents each."""

LIN_LOG_HELPER = _HELPERS["vfx_tone_lin_log"]
"""``vfx_tone_lin_log`` and ``vfx_tone_log_lin``: the linear grading style's lin-to-log and back (exact log2/exp2)."""


def _arr(values: np.ndarray) -> str:
    flat = [repr(float(v)) for v in np.asarray(values, dtype=np.float32).ravel()]
    return f"float[{len(flat)}]({', '.join(flat)})"


def _apply(c: int, call: str) -> str:
    """A statement applying ``call`` (with ``T`` for the value) to channel `c`, or to each channel (master)."""
    if c != 3:
        comp = "rgb"[c]
        return f"c.{comp} = {call.replace('T', f'c.{comp}')};"
    parts = ", ".join(call.replace("T", f"c.{comp}") for comp in "rgb")
    return f"c = vec3({parts});"


def tone_glsl(op: GradingToneOp, names: GlslNames) -> GlslSnippet:
    """The GLSL snippet of `op` (its knots written into the source)."""
    from vfx_rs.pipeline.ops._grading_tone_kernels import _white_tail

    pre, inv = op._pre, op.inverse_direction
    lines: list[str] = []
    if op.is_identity():
        return GlslSnippet(body="")
    if op.style == "linear":
        lines.append("c = vfx_tone_lin_log(c);")
    for step, c in op._calls():
        single = "true" if c != 3 else "false"
        if step == "mids0" and pre.mid[c] is not None:
            x, y, m = pre.mid[c]  # type: ignore[misc]
            fn = "vfx_tone_mids_rev" if inv else "vfx_tone_mids_fwd"
            lines.append(_apply(c, f"{fn}(T, {_arr(x)}, {_arr(y)}, {_arr(m)}, {single})"))
        elif step.startswith("hs") and pre.hs[int(step[2])][c] is not None:
            region = int(step[2])
            val = op._values(region, c, False)
            val = val if region else 2.0 - val
            fn = "vfx_tone_hs_fwd" if (np.float32(val) < 1) != inv else "vfx_tone_hs_rev"
            x, y, m = pre.hs[region][c]  # type: ignore[misc]
            lines.append(_apply(c, f"{fn}(T, {_arr(x)}, {_arr(y)}, {_arr(m)})"))
        elif step.startswith("wb") and pre.wb[int(step[2])][c] is not None:
            region = int(step[2])
            v32 = np.float32(op._values(region, c, True))
            black = bool(region)
            lower = (np.float32(2) - v32 if black else v32) < 1
            x, y, m, gain = pre.wb[region][c]  # type: ignore[misc]
            tail = (0.0, 0.0, 0.0, 0.0)
            if not black and not lower:
                aa, bb, cc, _ = _white_tail(x, m, gain)
                tail = (float(aa), float(bb), float(cc), float((aa * x[1] + bb) * x[1] + cc))
            args = f"{str(inv).lower()}, {str(bool(lower)).lower()}, {str(black).lower()}"
            call = f"vfx_tone_wb(T, {args}, {_arr(x)}, {_arr(y)}, {_arr(m)}, {float(gain)!r}, vec4{tail})"
            lines.append(_apply(c, call))
        elif step == "sc" and pre.sc is not None:
            x, y, m = pre.sc
            slope = s_contrast_slope(op.s_contrast)
            call = f"vfx_tone_sc(T, {str(inv).lower()}, {slope!r}, {pre.pivot!r}, {_arr(x)}, {_arr(y)}, {_arr(m)})"
            lines.append(_apply(3, call))
    if op.style == "linear":
        lines.append("c = vfx_tone_log_lin(c);")
    lines.append("c = min(c, vec3(65504.0));")
    del names  # the knots are literals: nothing per instance to name
    return GlslSnippet(body="\n".join(lines), helpers=dict(_HELPERS))
