"""Inverse half-domain 1D LUT op: OpenColorIO's exact inversion of a half-code table.

OpenColorIO (Lut1DOpData::initializeFromForward, InvLut1DRendererHalfCode and
FindLutInvHalf in Lut1DOpCPU.cpp) splits a half-domain table into its
positive codes (+0 .. 65504, codes 0-31743) and negative codes (-0 ..
-65504, codes 32768-64511):

- a channel increases if its entry at 0.0 is below its entry at 1.0 (code
  15360); reversals are flattened over each half (the negative half
  continuing from the entry at +0, in the opposite direction), and each half
  is searched as an increasing sequence (negated where it decreases);
- flat stretches at either end of each half are cut off, as for
  `Lut1DInverseOp`;
- an input at or above the entry of +0 (below it, for a decreasing channel)
  inverts on the positive half, others on the negative half: it is clamped to
  the half's range, found by a lower-bound search, and the result mixes the
  two bracketing half values linearly.

OCIO's negative-half search for blue takes red's direction (a slip in
InvLut1DRendererHalfCode::apply); this op does the same so that results
match where the channels' directions differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, TextureSpec, Uniform
from vfx_rs.pipeline.ops.lut1d_half import HALF_DOMAIN_SIZE, HalfLut1DOp, half_domain
from vfx_rs.pipeline.ops.lut1d_inverse import find_inverse, glsl_segment_search

__all__ = ["HalfLut1DInverseOp"]

_WIDTH = 4096
"""Row width of the 2D texture holding the prepared table."""

_POS_END, _NEG_START, _NEG_END = 31743, 32768, 64511
"""Codes of +65504, -0 and -65504: the searched ranges (OCIO leaves out infinities and NaNs)."""


def _flatten(v: np.ndarray, increasing: bool) -> np.ndarray:
    return np.maximum.accumulate(v) if increasing else np.minimum.accumulate(v)


def _flat_ends(v: np.ndarray, first: int, last: int) -> tuple[int, int]:
    end = last
    while end > first and v[end - 1] == v[last]:
        end -= 1
    start = first
    while start < end and v[start + 1] == v[first]:
        start += 1
    return start, end


def _prepare(values: np.ndarray) -> tuple[np.ndarray, tuple[int, int, int, int], bool]:
    """The channel as OCIO searches it: float32 codes table, (start, end, neg_start, neg_end), increasing."""
    v = np.asarray(values, dtype=np.float32).copy()
    increasing = bool(v[0] < v[15360])
    v[: 31744 + 1] = _flatten(v[: 31744 + 1], increasing)
    neg = _flatten(np.concatenate([v[:1], v[_NEG_START : 64512 + 1]]), not increasing)
    v[_NEG_START : 64512 + 1] = neg[1:]
    start, end = _flat_ends(v, 0, _POS_END)
    neg_start, neg_end = _flat_ends(v, _NEG_START, _NEG_END)
    search = v.copy()
    sign = 1.0 if increasing else -1.0
    search[:_NEG_START] *= sign
    search[_NEG_START:] *= -sign
    return search, (start, end, neg_start, neg_end), increasing


@dataclass(frozen=True, kw_only=True, eq=False)
class HalfLut1DInverseOp(Op):
    """The exact inverse of `HalfLut1DOp` with the same table (module docstring).

    Parameters
    ----------
    table
        The *forward* table, ``(65536, 3)``, indexed by half code.
    """

    kind = "lut1d_half_inverse"
    table: np.ndarray
    _prepared: tuple[tuple[np.ndarray, tuple[int, int, int, int], bool], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        forward = HalfLut1DOp(table=self.table)  # validates the table
        object.__setattr__(self, "table", forward.table)
        object.__setattr__(self, "_prepared", tuple(_prepare(forward.table[:, c]) for c in range(3)))

    def _sign(self, c: int, negative_half: bool) -> float:
        increasing = self._prepared[0 if (negative_half and c == 2) else c][2]
        return (1.0 if increasing else -1.0) * (-1.0 if negative_half else 1.0)

    def apply_planar(self, p: np.ndarray) -> None:
        codes = half_domain()
        for c, (search, (start, end, neg_start, neg_end), increasing) in enumerate(self._prepared):
            x = p[c].astype(np.float64)
            with np.errstate(invalid="ignore"):
                positive = increasing == (x >= float(self.table[0, c]))
            pos = find_inverse(search, start, end, self._sign(c, False), x)
            neg = find_inverse(search, neg_start, neg_end, self._sign(c, True), x)
            index = np.where(positive, pos, neg)
            nan = np.isnan(index)
            base = np.where(nan, 0, np.floor(np.where(nan, 0, index))).astype(np.int64)
            lo = codes[base]
            hi = codes[np.minimum(base + 1, HALF_DOMAIN_SIZE - 1)]
            frac = index - base
            with np.errstate(invalid="ignore"):
                # At the top of a half (65504) the next code is infinity: take the entry itself, not 0 * inf.
                p[c] = np.where(nan, np.nan, np.where(frac > 0, lo + frac * (hi - lo), lo))

    def glsl(self, names: GlslNames) -> GlslSnippet:
        data = np.stack([s for s, _, _ in self._prepared], axis=1).astype(np.float32)
        tex, fetch, half = names("table"), names("fetch"), names("half")
        bounds = [names(k) for k in ("pos_start", "pos_end", "neg_start", "neg_end")]
        bisect, signs = names("bisect"), names("signs")
        helpers = {
            fetch: (
                f"float {fetch}(int i, int ch) {{\n"
                f"    return texelFetch({tex}, ivec2(i % {_WIDTH}, i / {_WIDTH}), 0)[ch];\n"
                "}\n"
            ),
            half: (
                f"float {half}(int code) {{\n"
                "    int e = (code >> 10) & 31;\n"
                "    float m = float(code & 1023);\n"
                "    float v = e == 0 ? m * exp2(-24.0) : exp2(float(e - 15)) * (1.0 + m / 1024.0);\n"
                "    return (code & 32768) != 0 ? -v : v;\n"
                "}\n"
            ),
        }
        body = (
            "for (int ch = 0; ch < 3; ++ch) {\n"
            f"    bool pos = ({signs}[ch] > 0.0) == (c[ch] >= {bisect}[ch]);\n"
            f"    int s = int(pos ? {bounds[0]}[ch] : {bounds[2]}[ch]);\n"
            f"    int e = int(pos ? {bounds[1]}[ch] : {bounds[3]}[ch]);\n"
            f"    float sgn = pos ? {signs}[ch] : -{signs}[ch == 2 ? 0 : ch];\n"
            f"    float cv = clamp(c[ch] * sgn, {fetch}(s, ch), {fetch}(e, ch));\n"
            + glsl_segment_search(fetch)
            + f"    float h0 = {half}(lo);\n"
            f"    c[ch] = h0 + delta * ({half}(lo + 1) - h0);\n"
            "}"
        )
        prepared = self._prepared
        return GlslSnippet(
            body=body,
            uniforms={
                **{
                    b: Uniform("vec3", np.array([r[k] for _, r, _ in prepared], dtype=np.float64))
                    for k, b in enumerate(bounds)
                },
                bisect: Uniform("vec3", self.table[0].copy()),
                signs: Uniform("vec3", np.array([1.0 if inc else -1.0 for _, _, inc in prepared])),
            },
            textures={tex: TextureSpec(2, data.reshape(HALF_DOMAIN_SIZE // _WIDTH, _WIDTH, 3))},
            helpers=helpers,
        )

    def inverse(self) -> Op:
        """The forward `HalfLut1DOp`."""
        return HalfLut1DOp(table=self.table, dynamic=self.dynamic)
