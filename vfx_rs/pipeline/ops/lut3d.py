"""3D LUT op: a cube of RGB entries, trilinear or tetrahedral interpolation.

Follows OpenColorIO's Lut3DOpCPU.cpp: inputs are scaled from the domain to
``[0, size - 1]`` and clamped there (NaN becomes 0); trilinear mixes the eight
corners of the enclosing cell; tetrahedral splits the cell into six
tetrahedra along its main diagonal (Kasson, Nin, Plouffe and Hafner,
"Performing color space conversions with three-dimensional linear
interpolation", J. Electronic Imaging 4(3), 1995) and mixes four corners.

The tetrahedral kernel avoids the six-way branch: walking from corner 000 to
111 one axis at a time, largest fraction first, visits the four corners of
the tetrahedron, with weights ``1 - f_max``, ``f_max - f_mid``,
``f_mid - f_min`` and ``f_min``. The second corner adds the largest axis's
stride; the third is 111 less the smallest axis's stride.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, TextureSpec, Uniform, frozen_array

if TYPE_CHECKING:
    from vfx_rs.pipeline.ops.lut3d_inverse import Lut3DInverseOp

__all__ = ["INTERPOLATIONS", "Lut3DOp"]

INTERPOLATIONS = ("tetrahedral", "trilinear")
"""The 3D interpolation methods (OCIO INTERP_TETRAHEDRAL and INTERP_LINEAR)."""


@dataclass(frozen=True, kw_only=True, eq=False)
class Lut3DOp(Op):
    """A 3D table of RGB outputs.

    Parameters
    ----------
    table
        ``(size, size, size, 3)`` indexed ``[b, g, r]``: red runs fastest in
        memory, as in ``.cube`` files.
    domain_min, domain_max
        Input range per channel; inputs outside it are clamped to it.
    interpolation
        ``"tetrahedral"`` or ``"trilinear"``.
    sanitized
        True when `table` holds a file's NaN and infinities as OCIO applies them forward (NaN as 0,
        an infinity as the float32 limit: `sanitized_table`); OCIO inverts the raw entries, which
        `inverse` does not replicate, so it refuses.
    """

    kind = "lut3d"
    table: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3))
    interpolation: str = "tetrahedral"
    sanitized: bool = False
    _planar: dict[np.dtype, np.ndarray] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        value = np.asarray(self.table, dtype=np.float64)
        if not np.all(np.isfinite(value)):
            raise ArgumentError("lut3d op table must be finite")
        n = value.shape[0] if value.ndim == 4 else 0
        if value.shape != (n, n, n, 3) or n < 2:
            raise ArgumentError(f"lut3d op table must be (size, size, size, 3) with size >= 2, got {value.shape}")
        if self.interpolation not in INTERPOLATIONS:
            raise ArgumentError(f"lut3d op interpolation must be one of {INTERPOLATIONS}, got {self.interpolation!r}")
        object.__setattr__(self, "domain_min", frozen_array(self.domain_min, (3,), "lut3d op domain_min"))
        object.__setattr__(self, "domain_max", frozen_array(self.domain_max, (3,), "lut3d op domain_max"))
        if np.any(self.domain_max <= self.domain_min):
            raise ArgumentError("lut3d op domain_max must be above domain_min on every channel")
        # The kernels read planar (3, n**3) tables, red fastest, made once per dtype (not once per tile). A
        # read-only float64 table is the caller's to give away (a file reader's parsed values): it is held as
        # it is, only its float32 planar copy is made now and a float64 one at the first float64 apply, so a
        # table read from a file peaks at its parsed values and one float32 copy (issue 16). Any other table
        # is copied once, float64 planar, of which the read-only `table` is a view.
        if value.flags.writeable or value.dtype != np.float64:
            planar = np.ascontiguousarray(np.moveaxis(value, -1, 0)).reshape(3, -1)
            planar.flags.writeable = False
            object.__setattr__(self, "table", np.moveaxis(planar.reshape(3, n, n, n), 0, -1))
            object.__setattr__(
                self, "_planar", {np.dtype(np.float64): planar, np.dtype(np.float32): planar.astype(np.float32)}
            )
            return
        object.__setattr__(self, "table", value)
        object.__setattr__(self, "_planar", {np.dtype(np.float32): self._planar_copy(np.float32)})

    def _planar_copy(self, dtype: type) -> np.ndarray:
        """The table as a planar (3, n**3) `dtype` array, red fastest, cast in one pass (no full-size temporary)."""
        planar: np.ndarray = np.ascontiguousarray(np.moveaxis(self.table, -1, 0), dtype=dtype).reshape(3, -1)
        planar.flags.writeable = False
        return planar

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.table.shape, self.interpolation)

    def apply_planar(self, p: np.ndarray) -> None:
        n = self.table.shape[0]
        scale = (n - 1) / (self.domain_max - self.domain_min)
        flat = self._planar.get(p.dtype)
        if flat is None:  # float64 data on an adopted table: its planar copy now (two threads may both make it)
            flat = self._planar.setdefault(p.dtype, self._planar_copy(p.dtype.type))
        strides = np.array([1, n, n * n], dtype=np.intp)
        base = np.zeros(p.shape[1], dtype=np.intp)
        frac = np.empty_like(p)
        for c in range(3):
            x = p[c] - p.dtype.type(self.domain_min[c])
            with np.errstate(over="ignore"):  # huge inputs clamp to the last entry below
                x *= p.dtype.type(scale[c])
            np.fmin(np.fmax(x, 0, out=x), n - 1, out=x)
            i0 = np.minimum(x.astype(np.intp), n - 2)
            frac[c] = x - i0
            base += i0 * strides[c]
        if self.interpolation == "tetrahedral":
            _tetrahedral(flat, strides, base, frac, p)
        else:
            _trilinear(flat, strides, base, frac, p)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        n = self.table.shape[0]
        tex, dmin, scale = names("table"), names("dmin"), names("scale")
        fn = names("lut3d")
        fetch = f"texelFetch({tex}, i0 + ivec3"
        if self.interpolation == "tetrahedral":
            mix_code = (
                "    vec3 f = x - vec3(i0);\n"
                "    ivec3 a1 = f.r >= f.g ? (f.r >= f.b ? ivec3(1, 0, 0) : ivec3(0, 0, 1))\n"
                "                          : (f.g >= f.b ? ivec3(0, 1, 0) : ivec3(0, 0, 1));\n"
                "    ivec3 a3 = f.r <= f.g ? (f.r <= f.b ? ivec3(1, 0, 0) : ivec3(0, 0, 1))\n"
                "                          : (f.g <= f.b ? ivec3(0, 1, 0) : ivec3(0, 0, 1));\n"
                "    float fmax = max(f.r, max(f.g, f.b));\n"
                "    float fmin = min(f.r, min(f.g, f.b));\n"
                "    float fmid = f.r + f.g + f.b - fmax - fmin;\n"
                f"    vec3 c0 = {fetch}(0), 0).rgb;\n"
                f"    vec3 c1 = {fetch}(a1), 0).rgb;\n"
                f"    vec3 c2 = {fetch}(ivec3(1) - a3), 0).rgb;\n"
                f"    vec3 c3 = {fetch}(1), 0).rgb;\n"
                "    return (1.0 - fmax) * c0 + (fmax - fmid) * c1 + (fmid - fmin) * c2 + fmin * c3;\n"
            )
        else:
            mix_code = (
                "    vec3 f = x - vec3(i0);\n"
                f"    vec3 c00 = mix({fetch}(0, 0, 0), 0).rgb, {fetch}(1, 0, 0), 0).rgb, f.r);\n"
                f"    vec3 c10 = mix({fetch}(0, 1, 0), 0).rgb, {fetch}(1, 1, 0), 0).rgb, f.r);\n"
                f"    vec3 c01 = mix({fetch}(0, 0, 1), 0).rgb, {fetch}(1, 0, 1), 0).rgb, f.r);\n"
                f"    vec3 c11 = mix({fetch}(0, 1, 1), 0).rgb, {fetch}(1, 1, 1), 0).rgb, f.r);\n"
                "    return mix(mix(c00, c10, f.g), mix(c01, c11, f.g), f.b);\n"
            )
        helper = (
            f"vec3 {fn}(vec3 c) {{\n"
            f"    vec3 x = clamp((c - {dmin}) * {scale}, 0.0, float({n - 1}));\n"
            f"    ivec3 i0 = min(ivec3(x), ivec3({n - 2}));\n"
            f"{mix_code}}}\n"
        )
        return GlslSnippet(
            body=f"c = {fn}(c);",
            uniforms={
                dmin: Uniform("vec3", self.domain_min),
                scale: Uniform("vec3", (n - 1) / (self.domain_max - self.domain_min)),
            },
            textures={tex: TextureSpec(3, np.ascontiguousarray(self.table, dtype=np.float32))},
            helpers={fn: helper},
        )

    def inverse(self) -> Op:
        """OCIO's exact inverse, `Lut3DInverseOp` (InvLut3DRenderer in Lut3DOpCPU.cpp).

        Raises `ArgumentError` for a `sanitized` table or one holding the float32 limit (an infinity
        in a CLF table, as OCIO applies it forward): OCIO inverts the raw entries, and this inverse
        would differ.
        """
        from vfx_rs.pipeline.ops.lut3d_inverse import Lut3DInverseOp

        if self.sanitized or np.any(np.abs(self.table) >= np.finfo(np.float32).max):
            raise ArgumentError("a 3D LUT holding NaN or infinite (float32-limit) entries cannot be inverted")

        return Lut3DInverseOp(
            table=self.table,
            domain_min=self.domain_min,
            domain_max=self.domain_max,
            interpolation=self.interpolation,
            dynamic=self.dynamic,
        )

    def is_inverse_of(self, other: Op) -> bool:
        """True for the inverse of the same table, both on the unit domain (`pair_cancels`)."""
        from vfx_rs.pipeline.ops.lut3d_inverse import Lut3DInverseOp

        return isinstance(other, Lut3DInverseOp) and pair_cancels(self, other)

    def pair_replacement(self) -> list[Op]:
        """A 3D LUT and its inverse leave a [0, 1] clamp (OCIO Lut3DOpData::getIdentityReplacement)."""
        from vfx_rs.pipeline.ops.range import RangeOp

        return [RangeOp.from_bounds(0.0, 1.0, 0.0, 1.0)]


def pair_cancels(a: Lut3DOp | Lut3DInverseOp, b: Lut3DOp | Lut3DInverseOp) -> bool:
    """Whether OCIO's optimizer (RemoveInverseOps, OPTIMIZATION_PAIR_IDENTITY_LUT3D, part of lossless) cancels
    a 3D LUT next to its inverse: equal float32 tables, whatever the interpolation (Lut3DOpData::isInverse).

    OCIO applies a domain as a separate op around the pair; here it is part of each op, so only pairs on the
    unit domain cancel (the clamp left behind is then [0, 1] either way).
    """
    unit = all(
        np.array_equal(op.domain_min, np.zeros(3)) and np.array_equal(op.domain_max, np.ones(3)) for op in (a, b)
    )
    return (
        unit
        and a.table.shape == b.table.shape
        and np.array_equal(a.table.astype(np.float32), b.table.astype(np.float32))
    )


def _tetrahedral(flat: np.ndarray, strides: np.ndarray, base: np.ndarray, frac: np.ndarray, p: np.ndarray) -> None:
    order = np.argsort(frac, axis=0)  # per pixel: smallest, middle, largest axis
    f_min, f_mid, f_max = np.take_along_axis(frac, order, axis=0)
    corners = (base, base + strides[order[2]], base + (strides.sum() - strides[order[0]]), base + strides.sum())
    weights = (1 - f_max, f_max - f_mid, f_mid - f_min, f_min)
    gathered = np.empty_like(f_min)
    for c in range(3):
        out = p[c]
        np.multiply(weights[0], np.take(flat[c], corners[0]), out=out)
        for w, idx in zip(weights[1:], corners[1:], strict=True):
            np.take(flat[c], idx, out=gathered)
            gathered *= w
            out += gathered


def _trilinear(flat: np.ndarray, strides: np.ndarray, base: np.ndarray, frac: np.ndarray, p: np.ndarray) -> None:
    sr, sg, sb = strides
    # The eight cell corners, red fastest: index k has red bit 1, green bit 2, blue bit 4.
    corners = [base + (k & 1) * sr + (k >> 1 & 1) * sg + (k >> 2) * sb for k in range(8)]
    # As OCIO's SSE2 renderer: lerp along blue, then green, then red, each as a * (1 - f) + b * f, so a
    # corner of weight 0 holding the float32 limit (a sanitized infinity) adds nothing.
    for c in range(3):
        t = flat[c]
        v = [np.take(t, idx) for idx in corners]
        for f, step in ((frac[2], 4), (frac[1], 2), (frac[0], 1)):
            for k in range(step):
                v[k] = v[k] * (1 - f) + v[k + step] * f
        p[c] = v[0]
