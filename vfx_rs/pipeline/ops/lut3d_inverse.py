"""Inverse 3D LUT op: OpenColorIO's exact inversion of a tetrahedrally interpolated cube.

OpenColorIO 2.6 inverts a 3D LUT on the CPU with InvLut3DRenderer
(Lut3DOpCPU.cpp) at every optimisation level, whatever the forward
interpolation (Lut3DOp::getCPUOp; only its GPU path bakes a 48^3 forward
LUT, MakeFastLut3DFromInverse in Lut3DOpData.cpp). The NumPy kernel replays
it decision for decision (`_lut3d_inverse_search`): the lattice grown by an
extrapolated border, the range tree's cell order, the updated LU solve of
each cell's six tetrahedra with its singular cases, the float32 result.
Next to its forward LUT on the unit domain the op cancels to a [0, 1] clamp,
as OCIO's lossless optimizer does.

The GLSL twin starts from the kernel's inverse baked on a grid (33^3, or the
LUT's size if larger) and solves the tetrahedra of the 27 cells around that
guess (plain inverse, singular tetrahedra skipped), keeping the feasible cell
first in OCIO's order: the same answer whenever the cell OCIO finds lies next
to the guess and is not singular; where none is feasible it returns the
interpolated guess.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, TextureSpec, Uniform, frozen_array
from vfx_rs.pipeline.ops._lut3d_inverse_search import TETRAHEDRA, Lut3DInverseSearch

__all__ = ["Lut3DInverseOp"]

_GLSL_TOL = 1e-5
"""Feasibility tolerance of the GLSL twin: float32 solves put points on a face a few ulps outside."""

_BAKE_SIZE = 33
"""Smallest grid of the baked first guess of the GLSL twin."""

_SEARCHES: dict[bytes, Lut3DInverseSearch] = {}
"""Prepared searches by table digest: a config's processors rebuild their ops, the lattice stays the same."""

_MAX_SEARCHES = 8

_SEARCHES_LOCK = threading.Lock()
"""Held while a search is prepared: the executor's tiles meet an op's first use together, and one builds it."""


def _shared_search(table: np.ndarray) -> Lut3DInverseSearch:
    """The `Lut3DInverseSearch` of a forward table ``[b, g, r]``, prepared once per table content."""
    import hashlib

    key = hashlib.sha1(table.tobytes()).digest() + bytes(str(table.shape), "ascii")
    with _SEARCHES_LOCK:
        if key not in _SEARCHES:
            if len(_SEARCHES) >= _MAX_SEARCHES:
                _SEARCHES.pop(next(iter(_SEARCHES)))
            _SEARCHES[key] = Lut3DInverseSearch(np.ascontiguousarray(table.transpose(2, 1, 0, 3)))
        return _SEARCHES[key]


@dataclass(frozen=True, kw_only=True, eq=False)
class Lut3DInverseOp(Op):
    """The exact inverse of `Lut3DOp` with the same table and domain (module docstring).

    Parameters
    ----------
    table
        The *forward* table, ``(size, size, size, 3)`` indexed ``[b, g, r]``.
    domain_min, domain_max
        The forward LUT's input range: the inverse's outputs lie in it.
    """

    kind = "lut3d_inverse"
    table: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3))
    interpolation: str = "tetrahedral"
    _cache: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table = frozen_array(self.table, None, "lut3d_inverse op table")
        n = table.shape[0] if table.ndim == 4 else 0
        if table.shape != (n, n, n, 3) or n < 2:
            raise ArgumentError(f"lut3d_inverse op table must be (size, size, size, 3), size >= 2, got {table.shape}")
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "domain_min", frozen_array(self.domain_min, (3,), "lut3d_inverse op domain_min"))
        object.__setattr__(self, "domain_max", frozen_array(self.domain_max, (3,), "lut3d_inverse op domain_max"))
        if np.any(self.domain_max <= self.domain_min):
            raise ArgumentError("lut3d_inverse op domain_max must be above domain_min on every channel")
        object.__setattr__(self, "_cache", {})

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.table.shape)

    def _search(self) -> Lut3DInverseSearch:
        if "search" not in self._cache:
            self._cache["search"] = _shared_search(self.table)
        return self._cache["search"]  # type: ignore[no-any-return]

    def apply_planar(self, p: np.ndarray) -> None:
        t = self._search().invert(p)
        p[...] = self.domain_min[:, None] + t * (self.domain_max - self.domain_min)[:, None]

    def glsl(self, names: GlslNames) -> GlslSnippet:
        search = self._search()
        n = self.table.shape[0]
        size = max(_BAKE_SIZE, n)
        axis = np.linspace(0.0, 1.0, size)
        b, g, r = np.meshgrid(axis, axis, axis, indexing="ij")
        guess = search.invert(np.stack([r, g, b]).reshape(3, -1)).T.reshape(size, size, size, 3)
        grown = np.ascontiguousarray(search.grid.transpose(2, 1, 0, 3), dtype=np.float32)
        m = grown.shape[0]
        tex_guess, tex_grid, fn, hash_fn = names("guess"), names("grid"), names("lut3d_inverse"), names("hash")
        dmin, dscale = names("dmin"), names("dscale")
        depth = math.frexp(m - 2.0)[1]
        at = f"texelFetch({tex_grid}, "
        orders = " ".join(
            f"if (t == {k}) {{ a1 = ivec3({', '.join('1' if i == o[0] else '0' for i in range(3))}); "
            f"a2 = ivec3({', '.join('1' if i == o[1] else '0' for i in range(3))}); }}"
            for k, o in enumerate(TETRAHEDRA)
        )
        helpers = {
            hash_fn: (
                f"int {hash_fn}(ivec3 c) {{\n"
                "    int h = 0;\n"
                f"    for (int level = 0; level < {depth}; ++level) {{\n"
                f"        int shift = {depth - 1} - level;\n"
                "        int bits = ((c.r >> shift) & 1) | (((c.g >> shift) & 1) << 1) | (((c.b >> shift) & 1) << 2);\n"
                "        h |= bits << (4 * shift);\n"
                "    }\n"
                "    return h;\n"
                "}\n"
            ),
            fn: (
                f"vec3 {fn}(vec3 target) {{\n"
                "    vec3 y = clamp(target, 0.0, 1.0);\n"
                f"    vec3 x = y * {size - 1}.0;\n"
                f"    ivec3 i0 = min(ivec3(x), ivec3({size - 2}));\n"
                "    vec3 f = x - vec3(i0);\n"
                "    vec3 t0 = vec3(0.0);\n"
                "    for (int k = 0; k < 8; ++k) {\n"
                "        ivec3 o = ivec3(k & 1, (k >> 1) & 1, k >> 2);\n"
                "        vec3 w = mix(vec3(1.0) - f, f, vec3(o));\n"
                f"        t0 += w.x * w.y * w.z * texelFetch({tex_guess}, i0 + o, 0).rgb;\n"
                "    }\n"
                f"    ivec3 centre = ivec3(floor(t0 * {n - 1}.0 + 1.0));\n"
                "    int best = 1 << 30;\n"
                f"    vec3 found = t0 * {n - 1}.0 + 1.0;\n"
                "    for (int k = 0; k < 27; ++k) {\n"
                f"        ivec3 c = clamp(centre + ivec3(k % 3, (k / 3) % 3, k / 9) - 1, ivec3(0), ivec3({m - 2}));\n"
                f"        int h = {hash_fn}(c);\n"
                "        if (h >= best) continue;\n"
                f"        vec3 c0 = {at}c, 0).rgb;\n"
                "        for (int t = 0; t < 6; ++t) {\n"
                "            ivec3 a1; ivec3 a2;\n"
                f"            {orders}\n"
                f"            vec3 c1 = {at}c + a1, 0).rgb;\n"
                f"            vec3 c2 = {at}c + a1 + a2, 0).rgb;\n"
                f"            vec3 c3 = {at}c + ivec3(1), 0).rgb;\n"
                "            mat3 J = mat3(c1 - c0, c2 - c1, c3 - c2);\n"
                "            if (abs(determinant(J)) < 1e-18) continue;\n"
                "            vec3 q = inverse(J) * (y - c0);\n"
                f"            if (q.x <= 1.0 + {_GLSL_TOL} && q.x >= q.y - {_GLSL_TOL} && "
                f"q.y >= q.z - {_GLSL_TOL} && q.z >= -{_GLSL_TOL}) {{\n"
                "                ivec3 a3 = ivec3(1) - a1 - a2;\n"
                "                found = vec3(c) + vec3(a1) * q.x + vec3(a2) * q.y + vec3(a3) * q.z;\n"
                "                best = h;\n"
                "                break;\n"
                "            }\n"
                "        }\n"
                "    }\n"
                f"    return clamp(found - 1.0, 0.0, {n - 1}.0) / {n - 1}.0;\n"
                "}\n"
            ),
        }
        return GlslSnippet(
            body=f"c = {dmin} + {fn}(c) * {dscale};",
            uniforms={
                dmin: Uniform("vec3", self.domain_min),
                dscale: Uniform("vec3", self.domain_max - self.domain_min),
            },
            textures={
                tex_guess: TextureSpec(3, np.ascontiguousarray(guess, dtype=np.float32)),
                tex_grid: TextureSpec(3, grown),
            },
            helpers=helpers,
        )

    def inverse(self) -> Op:
        """The forward `Lut3DOp` (with the interpolation it was inverted from)."""
        from vfx_rs.pipeline.ops.lut3d import Lut3DOp

        return Lut3DOp(
            table=self.table,
            domain_min=self.domain_min,
            domain_max=self.domain_max,
            interpolation=self.interpolation,
            dynamic=self.dynamic,
        )

    def is_inverse_of(self, other: Op) -> bool:
        """True for the forward LUT of the same table, both on the unit domain (`lut3d.pair_cancels`)."""
        from vfx_rs.pipeline.ops.lut3d import Lut3DOp, pair_cancels

        return isinstance(other, Lut3DOp) and pair_cancels(self, other)

    def pair_replacement(self) -> list[Op]:
        """An inverse 3D LUT and its forward LUT leave a [0, 1] clamp (OCIO Lut3DOpData::getIdentityReplacement)."""
        from vfx_rs.pipeline.ops.range import RangeOp

        return [RangeOp.from_bounds(0.0, 1.0, 0.0, 1.0)]
