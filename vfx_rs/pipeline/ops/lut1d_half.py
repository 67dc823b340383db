"""Half-domain 1D LUT op: 65536 entries, one per 16-bit half-float code.

The CLF ``LUT1D`` node with ``halfDomain="true"`` (S-2014-006 v3, LUT1D
node) has an entry for every half code; OpenColorIO's Lut1DOpCPU.cpp
(Lut1DRendererHalfCode, IndexPair::GetEdgeFloatValues) evaluates a float
input by mixing the entries of the two adjacent half values that bracket
it, linearly in the input. Inputs beyond the largest finite half
(65504) use that half's entry.

The bracketing codes come straight from the float32 bit pattern: for
``|x|`` in the normal half range, the lower code is ``(e + 15) << 10 |
mantissa >> 13`` and the fraction is the 13 dropped mantissa bits over
8192; below 2**-14 the codes are subnormal steps of 2**-24. Negative
inputs use the codes with the sign bit (0x8000) set.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, TextureSpec

__all__ = ["HALF_DOMAIN_SIZE", "HALF_MAX", "HalfLut1DOp", "half_domain"]

HALF_DOMAIN_SIZE = 65536
"""Entries of a half-domain table: one per 16-bit code (S-2014-006 v3, LUT1D halfDomain)."""

HALF_MAX = 65504.0
"""Largest finite IEEE 754 binary16 value."""

_WIDTH = 4096
"""Row width of the 2D texture holding the table (16 rows of 4096)."""

_NAN_CODE = 0x7E00
"""The half code a float NaN converts to (OpenEXR/Imath half; OCIO looks NaN up there)."""


def half_domain() -> np.ndarray:
    """The float value of every half code 0..65535 (NaN and inf codes included), float64."""
    return np.arange(HALF_DOMAIN_SIZE, dtype=np.uint16).view(np.float16).astype(np.float64)


def _codes(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lower bracketing half code (int64) and fraction (float32) of float32 `x`."""
    a = np.minimum(np.abs(x), np.float32(HALF_MAX))  # NaN stays NaN
    bits = a.view(np.uint32).astype(np.int64)
    exponent = (bits >> 23) - 127
    normal = ((exponent + 15) << 10) | ((bits & 0x7FFFFF) >> 13)
    normal_frac = (bits & 0x1FFF).astype(np.float32) / np.float32(8192.0)
    sub = np.where(np.isnan(a), 0.0, a) * np.float32(2.0**24)
    sub_code = np.floor(sub)
    is_normal = exponent >= -14
    code = np.where(is_normal, normal, sub_code.astype(np.int64))
    frac = np.where(is_normal, normal_frac, sub - sub_code).astype(np.float32)
    code = code | np.where(np.signbit(x), 0x8000, 0)
    nan = np.isnan(x)
    code[nan] = _NAN_CODE
    frac[nan] = 0.0
    return code, frac


@dataclass(frozen=True, kw_only=True, eq=False)
class HalfLut1DOp(Op):
    """A per-channel table indexed by half-float code, interpolated between adjacent halfs.

    Parameters
    ----------
    table
        ``(65536, 3)``: entry ``i`` of channel ``c`` is the output for the
        half value whose 16-bit code is ``i`` (`half_domain` gives the inputs).
    """

    kind = "lut1d_half"
    table: np.ndarray

    def __post_init__(self) -> None:
        given = self.table  # a read-only float64 table is a reader's, handed over: held without a copy (issue 16)
        if isinstance(given, np.ndarray) and given.dtype == np.float64 and not given.flags.writeable:
            table = given
        else:
            table = np.array(given, dtype=np.float64)
        if table.shape != (HALF_DOMAIN_SIZE, 3):
            raise ArgumentError(f"half-domain lut op table must be ({HALF_DOMAIN_SIZE}, 3), got {table.shape}")
        finite = np.isfinite(half_domain())
        if not np.all(np.isfinite(table).all(axis=1) | ~finite):  # no copy of the table's finite rows
            raise ArgumentError("half-domain lut op entries of finite half codes must be finite")
        table.flags.writeable = False
        object.__setattr__(self, "table", table)

    def apply_planar(self, p: np.ndarray) -> None:
        table = self.table.astype(np.float32)
        for c in range(3):
            code, frac = _codes(p[c].astype(np.float32))
            lo = table[code, c]
            hi = table[np.where(frac > 0, code + 1, code), c]
            with np.errstate(invalid="ignore"):
                p[c] = lo + frac * (hi - lo)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        tex, fetch = names("table"), names("fetch")
        data = self.table.astype(np.float32).reshape(HALF_DOMAIN_SIZE // _WIDTH, _WIDTH, 3)
        helper = (
            f"float {fetch}(int i, int ch) {{\n"
            f"    return texelFetch({tex}, ivec2(i % {_WIDTH}, i / {_WIDTH}), 0)[ch];\n"
            "}\n"
        )
        body = (
            "for (int ch = 0; ch < 3; ++ch) {\n"
            f"    float a = min(abs(c[ch]), {HALF_MAX:.1f});\n"
            "    uint bits = floatBitsToUint(a);\n"
            "    int e = int(bits >> 23u) - 127;\n"
            "    int code;\n"
            "    float f;\n"
            "    if (e >= -14) {\n"
            "        code = ((e + 15) << 10) | int((bits & 0x7FFFFFu) >> 13u);\n"
            "        f = float(bits & 0x1FFFu) / 8192.0;\n"
            "    } else {\n"
            "        float s = a * 16777216.0;\n"
            "        code = int(floor(s));\n"
            "        f = s - floor(s);\n"
            "    }\n"
            "    if (c[ch] < 0.0) code |= 0x8000;\n"
            f"    float lo = {fetch}(code, ch);\n"
            f"    float hi = f > 0.0 ? {fetch}(code + 1, ch) : lo;\n"
            "    c[ch] = lo + f * (hi - lo);\n"
            "}"
        )
        return GlslSnippet(body=body, textures={tex: TextureSpec(2, data)}, helpers={fetch: helper})

    def inverse(self) -> Op:
        """The exact inverse, `HalfLut1DInverseOp` (OCIO's InvLut1DRendererHalfCode)."""
        from vfx_rs.pipeline.ops.lut1d_half_inverse import HalfLut1DInverseOp

        return HalfLut1DInverseOp(table=self.table, dynamic=self.dynamic)
