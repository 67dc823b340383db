"""Hue-preserving wrapper of a per-channel op: the CLF/CTF ``LUT1D`` ``hueAdjust="dw3"`` mode.

OpenColorIO's Lut1DOpCPU.cpp (Lut1DRendererHueAdjust, the "DW3" algorithm)
applies a 1D LUT per channel and then restores the hue of the input: with
the channels ordered max, mid, min *on the input* (Order3, whose comparison
table also fixes the order of ties and NaN), ::

    hue_factor = (mid - min) / (max - min)        (0 when max == min)
    out[mid]   = hue_factor * (out[max] - out[min]) + out[min]

so only the middle channel of the LUT's output moves. `HueAdjustOp` wraps
any per-channel op (`Lut1DOp`, `HalfLut1DOp`, or their inverses) this way;
its inverse wraps the inner op's inverse, as OCIO's inverse LUT1D with
hueAdjust does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op

__all__ = ["HueAdjustOp"]

_ORDER = np.array([2, 1, 0, 2, 1, 0, 2, 1, 2, 0, 1, 2])
"""OCIO Order3's table: (max, mid, min) channel indices start at ``val`` (Lut1DOpCPU.cpp)."""


def _order(p: np.ndarray) -> np.ndarray:
    """``(3, n)`` channel indices of max, mid and min per pixel, as OCIO's Order3 (NaN compares false)."""
    r, g, b = p[0], p[1], p[2]
    val = (r > g).astype(np.intp) * 5 + (g > b).astype(np.intp) * 4 - (r > b).astype(np.intp) * 3 + 3
    return np.stack([_ORDER[val], _ORDER[val + 1], _ORDER[val + 2]])


@dataclass(frozen=True, kw_only=True, eq=False)
class HueAdjustOp(Op):
    """Apply the per-channel op `inner`, then restore the input's hue (OCIO DW3 hue adjust).

    Attributes
    ----------
    inner
        A per-channel op (a 1D LUT or its inverse).
    """

    kind = "hue_adjust"
    inner: Op

    def __post_init__(self) -> None:
        if not isinstance(self.inner, Op) or isinstance(self.inner, HueAdjustOp):
            raise ArgumentError(f"hue_adjust op wraps one per-channel op, got {self.inner!r}")

    def params_key(self) -> tuple[Any, ...]:
        return (self.kind, self.inner.params_key())

    def structure_key(self) -> tuple[Any, ...]:
        return (self.kind, self.inner.structure_key())

    def apply_planar(self, p: np.ndarray) -> None:
        order = _order(p)
        hi, mid, lo = (np.take_along_axis(p, order[i : i + 1], axis=0)[0] for i in range(3))
        chroma = hi - lo
        with np.errstate(invalid="ignore", divide="ignore"):
            factor = np.where(chroma == 0, p.dtype.type(0), (mid - lo) / chroma)
        self.inner.apply_planar(p)
        new_hi, new_lo = (np.take_along_axis(p, order[i : i + 1], axis=0)[0] for i in (0, 2))
        new_mid = factor * (new_hi - new_lo) + new_lo
        np.put_along_axis(p, order[1:2], new_mid[None].astype(p.dtype), axis=0)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        inner = self.inner.glsl(names)
        order = names("order")
        helper = (
            f"ivec3 {order}(vec3 v) {{\n"
            "    int t[12] = int[12](2, 1, 0, 2, 1, 0, 2, 1, 2, 0, 1, 2);\n"
            "    int val = int(v.r > v.g) * 5 + int(v.g > v.b) * 4 - int(v.r > v.b) * 3 + 3;\n"
            "    return ivec3(t[val], t[val + 1], t[val + 2]);\n"
            "}\n"
        )
        body = (
            "{\n"
            f"    ivec3 o = {order}(c);\n"
            "    float chroma = c[o.x] - c[o.z];\n"
            "    float factor = chroma == 0.0 ? 0.0 : (c[o.y] - c[o.z]) / chroma;\n"
            f"{inner.body}\n"
            "    c[o.y] = factor * (c[o.x] - c[o.z]) + c[o.z];\n"
            "}"
        )
        return GlslSnippet(
            body=body, uniforms=inner.uniforms, textures=inner.textures, helpers={**inner.helpers, order: helper}
        )

    def inverse(self) -> Op:
        return HueAdjustOp(inner=self.inner.inverse())

    def is_identity(self) -> bool:
        return self.inner.is_identity()
