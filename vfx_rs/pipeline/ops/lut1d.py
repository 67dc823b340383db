"""1D LUT op: one table per channel, linear interpolation, inputs clamped to the domain.

As OpenColorIO's Lut1DOp applies a ``.cube`` 1D table (FileFormatIridasCube.cpp
and Lut1DOpCPU.cpp): the input is scaled from ``[domain_min, domain_max]`` to
``[0, size - 1]``, clamped there (NaN becomes the first entry), and the two
nearest entries are mixed linearly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, TextureSpec, Uniform, frozen_array

__all__ = ["Lut1DOp", "forward_table", "sanitized_table"]

_FLOAT32_MAX = float(np.finfo(np.float32).max)


def sanitized_table(values: np.ndarray, in_place: bool = False) -> np.ndarray:
    """Table entries as OCIO's forward 1D LUT renderer applies them (SanitizeFloat, MathUtils.cpp): NaN is 0,
    an infinity the largest float32 of its sign; `in_place` rewrites `values` if it is float64 (a large table read
    from a file is not copied)."""
    return np.nan_to_num(
        np.asarray(values, dtype=np.float64), copy=not in_place, nan=0.0, posinf=_FLOAT32_MAX, neginf=-_FLOAT32_MAX
    )


def forward_table(raw: np.ndarray) -> np.ndarray:
    """The entries OCIO's forward renderer applies for a 1D table that holds NaN or infinities (`raw`, on [0, 1]).

    `sanitized_table`, unless OCIO's identity test passes: every entry within 1e-5 of its identity
    value ``i / (size - 1)`` in float32, which a NaN passes (``fabs(NaN) > tol`` is false,
    Lut1DOpData::Lut3by1DArray::isIdentity); the optimiser then replaces the table by a [0, 1]
    clamp (getIdentityReplacement), which the identity entries returned here apply.
    """
    raw = np.asarray(raw, dtype=np.float64)
    aim = np.arange(raw.shape[0], dtype=np.float32) * (np.float32(1.0) / np.float32(raw.shape[0] - 1))
    with np.errstate(invalid="ignore", over="ignore"):
        error = np.abs(raw.astype(np.float32) - aim[:, None])
    if np.any(error > np.float32(1e-5)):  # NaN compares false
        return sanitized_table(raw)
    return np.repeat(aim[:, None].astype(np.float64), raw.shape[1], axis=1)


_TEXTURE_WIDTH = 4096
"""Row width of the 2D texture holding a 1D table (GL guarantees at least 16384; 4096 is safe everywhere)."""


@dataclass(frozen=True, kw_only=True, eq=False)
class Lut1DOp(Op):
    """A per-channel 1D table with linear interpolation.

    Parameters
    ----------
    table
        ``(size, 3)``: entry ``i`` of channel ``c`` is the output for input
        ``domain_min[c] + i / (size - 1) * (domain_max[c] - domain_min[c])``.
    domain_min, domain_max
        Input range per channel; inputs outside it are clamped to it.
    inverse_table
        Only for a file whose table holds NaN or infinities: those raw entries,
        which OCIO's inverse searches (Lut1DOpData::initializeFromForward) where
        its forward renderer applies them sanitized (`forward_table`, given as
        `table`). None otherwise.
    """

    kind = "lut1d"
    table: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3))
    inverse_table: np.ndarray | None = None

    def __post_init__(self) -> None:
        given = self.table
        if isinstance(given, np.ndarray) and given.dtype == np.float64 and not given.flags.writeable:
            table = given  # a reader's parsed values, handed over read-only: held without a copy (issue 16)
            if not np.all(np.isfinite(table)):
                raise ArgumentError("lut1d op table must be finite")
        else:
            table = frozen_array(given, None, "lut1d op table")
        if table.ndim != 2 or table.shape[1] != 3 or table.shape[0] < 2:
            raise ArgumentError(f"lut1d op table must be (size >= 2, 3), got {table.shape}")
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "domain_min", frozen_array(self.domain_min, (3,), "lut1d op domain_min"))
        object.__setattr__(self, "domain_max", frozen_array(self.domain_max, (3,), "lut1d op domain_max"))
        if np.any(self.domain_max <= self.domain_min):
            raise ArgumentError("lut1d op domain_max must be above domain_min on every channel")
        if self.inverse_table is not None:
            raw = np.array(self.inverse_table, dtype=np.float64)
            if raw.shape != np.shape(self.table) or not np.array_equal(forward_table(raw), self.table):
                raise ArgumentError("lut1d op inverse_table must be the raw entries of its table")
            raw.flags.writeable = False
            object.__setattr__(self, "inverse_table", raw)

    def apply_planar(self, p: np.ndarray) -> None:
        n = self.table.shape[0]
        scale = (n - 1) / (self.domain_max - self.domain_min)
        table = self.table.astype(p.dtype)
        for c in range(3):
            x = p[c] - p.dtype.type(self.domain_min[c])
            with np.errstate(over="ignore"):  # huge inputs clamp to the last entry below
                x *= p.dtype.type(scale[c])
            # fmax first so NaN maps to 0, as OCIO's std::max(0, std::min(x, n - 1)).
            np.fmin(np.fmax(x, 0, out=x), n - 1, out=x)
            # The last entry is looked up alone (not as a blend with weight 1), as OCIO does:
            # with entries at the float32 limits, a blend would overflow.
            i0 = x.astype(np.intp)
            x -= i0
            lo = table[i0, c]
            with np.errstate(over="ignore", invalid="ignore"):  # entries near the float32 limits overflow, as in OCIO
                p[c] = lo + x * (table[np.minimum(i0 + 1, n - 1), c] - lo)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        n = self.table.shape[0]
        width = min(n, _TEXTURE_WIDTH)
        rows = -(-n // width)
        data = np.zeros((rows * width, 3), dtype=np.float32)
        data[:n] = self.table
        tex, dmin, scale = names("table"), names("dmin"), names("scale")
        fetch = names("fetch")
        helper = (
            f"float {fetch}(int i, int ch) {{\n"
            f"    return texelFetch({tex}, ivec2(i % {width}, i / {width}), 0)[ch];\n"
            "}\n"
        )
        body = (
            f"{{\n    vec3 x = clamp((c - {dmin}) * {scale}, 0.0, float({n - 1}));\n"
            f"    for (int ch = 0; ch < 3; ++ch) {{\n"
            f"        int i0 = int(x[ch]);\n"
            f"        float f = x[ch] - float(i0);\n"
            f"        float lo = {fetch}(i0, ch);\n"
            f"        c[ch] = lo + f * ({fetch}(min(i0 + 1, {n - 1}), ch) - lo);\n"
            "    }\n}"
        )
        return GlslSnippet(
            body=body,
            uniforms={
                dmin: Uniform("vec3", self.domain_min),
                scale: Uniform("vec3", (n - 1) / (self.domain_max - self.domain_min)),
            },
            textures={tex: TextureSpec(2, data.reshape(rows, width, 3))},
            helpers={fetch: helper},
        )

    def inverse(self) -> Op:
        """The exact inverse, `Lut1DInverseOp` (OCIO's LUT_INV_EXACT, Lut1DOpCPU.cpp FindLutInv)."""
        from vfx_rs.pipeline.ops.lut1d_inverse import Lut1DInverseOp

        table = self.table if self.inverse_table is None else self.inverse_table
        return Lut1DInverseOp(table=table, domain_min=self.domain_min, domain_max=self.domain_max, dynamic=self.dynamic)

    def is_inverse_of(self, other: Op) -> bool:
        """Never cancelled: a round trip through a 1D LUT clamps to its domain (OCIO keeps a Range there)."""
        return False
