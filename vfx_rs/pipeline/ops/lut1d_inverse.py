"""Inverse 1D LUT op: OpenColorIO's exact inversion of a linearly interpolated table.

OpenColorIO inverts a 1D LUT exactly on the CPU at lossless optimisation
(Lut1DOpData::initializeFromForward and FindLutInv in Lut1DOpCPU.cpp), on the
table's raw float32 entries (NaN and infinities included, where its forward
renderer sanitizes them):

1. per channel, the table is taken as increasing if its first entry is below
   its last (a constant table counts as decreasing); reversals are flattened
   (each entry that does not continue the direction takes the previous kept
   one: a running maximum, or minimum for a decreasing table, where there is
   no NaN), and a decreasing table is negated so that it increases;
2. flat stretches at either end are cut off: the effective table runs from
   the last entry of the leading flat stretch to the first entry of the
   trailing one, so a value on a flat end inverts to the entry nearest the
   table's centre;
3. an input is clamped to the effective table's range (C++ ``std::max`` and
   ``std::min``: a NaN bound is ignored, a NaN input kept), found by a
   lower-bound search, and mixed linearly between the two bracketing entries
   (0 across a flat stretch), all in float32; the index times ``1 / (size - 1)``
   is the position in the domain.

The GLSL twin runs the same binary search over the prepared table in a
texture, so the preview is exact too (for finite tables).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, TextureSpec, Uniform, frozen_array

__all__ = ["Lut1DInverseOp", "glsl_segment_search", "prepare_inverse_channel"]

_TEXTURE_WIDTH = 4096
"""Row width of the 2D texture holding the prepared table (as `Lut1DOp`)."""


def _flattened(v: np.ndarray, increasing: bool) -> np.ndarray:
    """OCIO's reversal flattening; a running extreme when no NaN makes the comparisons differ from it."""
    if not np.isnan(v).any():
        return np.maximum.accumulate(v) if increasing else np.minimum.accumulate(v)
    out, prev = v.copy(), v[0]
    for i in range(1, len(out)):
        if increasing != bool(out[i] > prev):
            out[i] = prev
        else:
            prev = out[i]
    return out


def prepare_inverse_channel(values: np.ndarray) -> tuple[np.ndarray, int, int, float]:
    """One channel of a forward table prepared for inversion (module docstring, steps 1 and 2).

    Returns the increasing float32 table (negated if the channel decreases), the
    first and last effective indices, and the sign applied to inputs (1 or -1).
    """
    v = np.asarray(values, dtype=np.float32)
    increasing = bool(v[0] < v[-1])
    v = _flattened(v, increasing)
    end = len(v) - 1
    while end > 0 and v[end - 1] == v[-1]:
        end -= 1
    start = 0
    while start < end and v[start + 1] == v[0]:
        start += 1
    sign = 1.0 if increasing else -1.0
    return (v if increasing else -v).astype(np.float32), start, end, sign


def find_inverse(table: np.ndarray, start: int, end: int, sign: float, x: np.ndarray) -> np.ndarray:
    """The fractional table index (float64) whose linear interpolation gives `x` (FindLutInv, step 3)."""
    s = table[start : end + 1].astype(np.float64)
    cv = np.clip(np.asarray(x, dtype=np.float64) * sign, s[0], s[-1])
    nan = np.isnan(cv)
    idx = np.searchsorted(s[:-1], np.where(nan, s[0], cv), side="left")
    lo = np.maximum(idx - 1, 0)
    hi = np.minimum(lo + 1, len(s) - 1)
    span = s[hi] - s[lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        delta = np.where(span > 0, (cv - s[lo]) / np.where(span > 0, span, 1.0), 0.0)
    delta = np.where(nan & (span > 0), np.nan, delta)
    return lo + start + delta  # type: ignore[no-any-return]


def _lower_bound(table: np.ndarray, start: int, end: int, cv: np.ndarray) -> np.ndarray:
    """``std::lower_bound(table + start, table + end, cv)`` per value, as an index (comparisons by ``<``)."""
    first = np.full(cv.shape, start, dtype=np.intp)
    if not np.isnan(table[start:end]).any():  # sorted: NumPy's search, except that no entry is below NaN
        return np.where(np.isnan(cv), first, start + np.searchsorted(table[start:end], cv, side="left"))
    count = np.full(cv.shape, end - start, dtype=np.intp)
    while np.any(count > 0):
        step = count // 2
        below = (count > 0) & (table[first + step] < cv)
        first = np.where(below, first + step + 1, first)
        count = np.where(below, count - step - 1, np.where(count > 0, step, 0))
    return first


def find_inverse_f32(table: np.ndarray, start: int, end: int, sign: float, x: np.ndarray) -> np.ndarray:
    """OCIO's FindLutInv in float32 (step 3): the position in [0, 1] whose interpolation gives `x`."""
    f32 = np.float32
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        cv = np.asarray(x, dtype=f32) * f32(sign)
        cv = np.where(cv < table[start], table[start], cv)  # std::max(cv, *start)
        cv = np.where(table[end] < cv, table[end], cv)  # std::min(cv, *end)
        lo = _lower_bound(table, start, end, cv)
        lo = np.where(lo > start, lo - 1, lo)
        hi = np.where(lo < end, lo + 1, lo)
        a, b = table[lo], table[hi]
        delta = np.where(b > a, (cv - a) / (b - a), f32(0))
        index = (lo - start).astype(f32) + f32(start) + delta
        return index * f32(1.0 / f32(len(table) - 1))  # type: ignore[no-any-return]


def glsl_segment_search(fetch: str) -> str:
    """GLSL finding the table segment [lo, hi] of channel ``ch`` holding ``cv`` between entries ``s`` and ``e``.

    A lower-bound binary search as OCIO's FindLutInv (ops/lut1d/Lut1DOpCPU.cpp), then the fraction ``delta``
    of ``cv`` along the segment (0 on a flat one); `fetch` names the GLSL function reading entry (i, ch).
    """
    return (
        "    int lo = s;\n"
        "    int count = e - s;\n"
        "    while (count > 0) {\n"
        "        int step = count / 2;\n"
        f"        if ({fetch}(lo + step, ch) < cv) {{ lo += step + 1; count -= step + 1; }}\n"
        "        else { count = step; }\n"
        "    }\n"
        "    lo = max(lo - 1, s);\n"
        "    int hi = min(lo + 1, e);\n"
        f"    float a = {fetch}(lo, ch);\n"
        f"    float b = {fetch}(hi, ch);\n"
        "    float delta = b > a ? (cv - a) / (b - a) : 0.0;\n"
    )


@dataclass(frozen=True, kw_only=True, eq=False)
class Lut1DInverseOp(Op):
    """The exact inverse of `Lut1DOp` with the same parameters (module docstring).

    Parameters
    ----------
    table
        The *forward* table, ``(size, 3)``.
    domain_min, domain_max
        The forward table's input range: the inverse's outputs lie in it.
    """

    kind = "lut1d_inverse"
    table: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3))
    _prepared: tuple[tuple[np.ndarray, int, int, float], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table = np.array(self.table, dtype=np.float64)  # NaN and infinities allowed (module docstring)
        table.flags.writeable = False
        if table.ndim != 2 or table.shape[1] != 3 or table.shape[0] < 2:
            raise ArgumentError(f"lut1d_inverse op table must be (size >= 2, 3), got {table.shape}")
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "domain_min", frozen_array(self.domain_min, (3,), "lut1d_inverse op domain_min"))
        object.__setattr__(self, "domain_max", frozen_array(self.domain_max, (3,), "lut1d_inverse op domain_max"))
        if np.any(self.domain_max <= self.domain_min):
            raise ArgumentError("lut1d_inverse op domain_max must be above domain_min on every channel")
        object.__setattr__(self, "_prepared", tuple(prepare_inverse_channel(table[:, c]) for c in range(3)))

    def apply_planar(self, p: np.ndarray) -> None:
        for c, (table, start, end, sign) in enumerate(self._prepared):
            position = find_inverse_f32(table, start, end, sign, p[c]).astype(np.float64)
            p[c] = self.domain_min[c] + position * (self.domain_max[c] - self.domain_min[c])

    def glsl(self, names: GlslNames) -> GlslSnippet:
        n = self.table.shape[0]
        width = min(n, _TEXTURE_WIDTH)
        rows = -(-n // width)
        data = np.zeros((rows * width, 3), dtype=np.float32)
        for c, (table, _, _, _) in enumerate(self._prepared):
            data[:n, c] = table
        tex, fetch = names("table"), names("fetch")
        start, end, sign, dmin, scale = (names(k) for k in ("start", "end", "sign", "dmin", "scale"))
        helper = (
            f"float {fetch}(int i, int ch) {{\n"
            f"    return texelFetch({tex}, ivec2(i % {width}, i / {width}), 0)[ch];\n"
            "}\n"
        )
        body = (
            "for (int ch = 0; ch < 3; ++ch) {\n"
            f"    int s = int({start}[ch]);\n"
            f"    int e = int({end}[ch]);\n"
            f"    float cv = clamp(c[ch] * {sign}[ch], {fetch}(s, ch), {fetch}(e, ch));\n"
            + glsl_segment_search(fetch)
            + f"    c[ch] = {dmin}[ch] + (float(lo) + delta) * {scale}[ch];\n"
            "}"
        )
        prepared = self._prepared
        return GlslSnippet(
            body=body,
            uniforms={
                start: Uniform("vec3", np.array([p[1] for p in prepared], dtype=np.float64)),
                end: Uniform("vec3", np.array([p[2] for p in prepared], dtype=np.float64)),
                sign: Uniform("vec3", np.array([p[3] for p in prepared])),
                dmin: Uniform("vec3", self.domain_min),
                scale: Uniform("vec3", (self.domain_max - self.domain_min) / (n - 1)),
            },
            textures={tex: TextureSpec(2, data.reshape(rows, width, 3))},
            helpers={fetch: helper},
        )

    def inverse(self) -> Op:
        """The forward `Lut1DOp`."""
        from vfx_rs.pipeline.ops.lut1d import Lut1DOp, forward_table

        raw = None if np.all(np.isfinite(self.table)) else self.table
        return Lut1DOp(
            table=self.table if raw is None else forward_table(self.table),
            domain_min=self.domain_min,
            domain_max=self.domain_max,
            inverse_table=raw,
            dynamic=self.dynamic,
        )

    def is_inverse_of(self, other: Op) -> bool:
        """Never cancelled: a round trip through a 1D LUT clamps to its domain (OCIO keeps a Range there)."""
        return False
