"""Inverse 3D LUT op: OpenColorIO's exact inversion of a tetrahedrally interpolated cube.

OpenColorIO inverts a 3D LUT on the CPU at lossless optimisation with
InvLut3DRenderer (Lut3DOpCPU.cpp), whatever the forward interpolation:

1. the lattice is grown by one point on every side, each new point being
   the nearest edge point pushed away from 0.5 four times as far
   (``(v - 0.5) * 4 + 0.5``), so that values outside the LUT's gamut still
   have a cell;
2. an input is clamped to [0, 1]; the cells are visited in the order of a
   range tree (the Morton order of their base index, red bit lowest), and
   only cells whose output range (per channel, widened by 1e-6) holds the
   input are tried;
3. a cell is split into the six tetrahedra of tetrahedral interpolation,
   tried in OCIO's order (R>G>B, G>R>B, G>B>R, B>G>R, B>R>G, R>B>G); the
   first whose barycentric weights are all >= -1e-9 and sum to <= 1 + 1e-9
   gives the position; if none does, the result is 0;
4. the position, less the added border, is clamped to the lattice and
   scaled to [0, 1], then to the forward LUT's domain.

The NumPy kernel does this with the cells binned by output range. The GLSL
twin starts from the kernel's inverse baked on a grid (33^3, or the LUT's
size if larger) and runs step 3 exactly over the 27 cells around that
guess, keeping the feasible cell first in OCIO's order: the same answer
whenever the cell OCIO finds lies next to the guess.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, TextureSpec, Uniform, frozen_array

__all__ = ["Lut3DInverseOp"]

_GROW = 4.0
"""Factor pushing the added border away from 0.5 (InvLut3DRenderer::extrapolate3DArray)."""

_RANGE_TOL = np.float32(1e-6)
"""Widening of each cell's output range (RangeTree::initRanges)."""

_FEASIBLE_TOL = 1e-9
"""Barycentric feasibility tolerance (invert_hypercube)."""

_TETRAHEDRA = ((0, 1, 2), (1, 0, 2), (1, 2, 0), (2, 1, 0), (2, 0, 1), (0, 2, 1))
"""Axis orders (largest fraction first; 0 = red) of the six tetrahedra, in the order OCIO tries them."""

_GLSL_TOL = 1e-5
"""Feasibility tolerance of the GLSL twin: float32 solves put points on a face a few ulps outside."""

_BAKE_SIZE = 33
"""Smallest grid of the baked first guess of the GLSL twin."""

_CHUNK = 16384
"""Pixels searched at once (their candidate cells are gathered together)."""


def _grow(table_rgb: np.ndarray) -> np.ndarray:
    """The lattice ``[r, g, b]`` with its extrapolated border (step 1), float32."""
    n = table_rgb.shape[0]
    m = n + 2
    idx = np.clip(np.arange(m) - 1, 0, n - 1)
    grown = table_rgb[np.ix_(idx, idx, idx)].astype(np.float32)
    edge = np.zeros(m, dtype=bool)
    edge[[0, -1]] = True
    border = edge[:, None, None] | edge[None, :, None] | edge[None, None, :]
    grown[border] = (grown[border] - np.float32(0.5)) * np.float32(_GROW) + np.float32(0.5)
    return grown


def _morton(cells: np.ndarray, depth: int) -> np.ndarray:
    """OCIO's range-tree hash of cell base indices ``(k, 3)`` (RangeTree::indsToHash)."""
    key = np.zeros(len(cells), dtype=np.int64)
    for level in range(depth):
        shift = depth - 1 - level
        bits = ((cells[:, 0] >> shift) & 1) | (((cells[:, 1] >> shift) & 1) << 1) | (((cells[:, 2] >> shift) & 1) << 2)
        key += bits.astype(np.int64) << (4 * shift)
    return key


class _Search:
    """The grown lattice, its cells in OCIO's order and a bin index over [0, 1]^3 of output values."""

    def __init__(self, table_rgb: np.ndarray) -> None:
        self.n = table_rgb.shape[0]
        grown = _grow(table_rgb)
        self.grid = grown.astype(np.float64)
        m = grown.shape[0]
        axis = np.arange(m - 1)
        cells = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3)
        depth = math.frexp(m - 2.0)[1]
        cells = cells[np.argsort(_morton(cells, depth), kind="stable")]
        corners = np.stack(
            [
                grown[cells[:, 0] + dr, cells[:, 1] + dg, cells[:, 2] + db]
                for dr in (0, 1)
                for dg in (0, 1)
                for db in (0, 1)
            ]
        )
        lo = corners.min(axis=0) - _RANGE_TOL
        hi = corners.max(axis=0) + _RANGE_TOL
        keep = np.all((hi >= 0) & (lo <= 1), axis=1)
        self.cells, self.lo, self.hi = cells[keep], lo[keep], hi[keep]
        self.bins = int(np.clip(2 * self.n, 8, 48))
        b = self.bins
        first = np.clip(np.floor(self.lo * b), 0, b - 1).astype(np.int64)
        last = np.clip(np.floor(self.hi * b), 0, b - 1).astype(np.int64)
        spans = np.prod(last - first + 1, axis=1)
        owner = np.repeat(np.arange(len(self.cells)), spans)
        offset = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
        size = (last - first + 1)[owner]
        pos = first[owner] + np.stack(
            [offset // (size[:, 1] * size[:, 2]), (offset // size[:, 2]) % size[:, 1], offset % size[:, 2]], axis=1
        )
        flat_bin = (pos[:, 0] * b + pos[:, 1]) * b + pos[:, 2]
        order = np.lexsort((owner, flat_bin))
        self.members = owner[order]
        self.starts = np.searchsorted(flat_bin[order], np.arange(b**3 + 1))
        self._tetrahedra()

    def invert(self, rgb: np.ndarray) -> np.ndarray:
        """Inverse positions in [0, 1] of float ``(3, k)`` values (module docstring, steps 2-4)."""
        x = np.clip(rgb.astype(np.float32), 0.0, 1.0).astype(np.float64)
        x = np.where(np.isnan(x), 0.0, x)
        b = self.bins
        cell_bin = np.clip(np.floor(x * b), 0, b - 1).astype(np.int64)
        flat = (cell_bin[0] * b + cell_bin[1]) * b + cell_bin[2]
        start, count = self.starts[flat], self.starts[flat + 1] - self.starts[flat]
        result = np.zeros_like(x)
        for lo in range(0, x.shape[1], _CHUNK):
            hi = min(lo + _CHUNK, x.shape[1])
            pixel = np.repeat(np.arange(lo, hi), count[lo:hi])
            first = np.cumsum(count[lo:hi]) - count[lo:hi]
            rank = np.arange(len(pixel)) - np.repeat(first, count[lo:hi])
            cell = self.members[start[pixel] + rank]
            value = x[:, pixel].T
            inside = np.all((value >= self.lo[cell]) & (value <= self.hi[cell]), axis=1)
            pixel, cell, value = pixel[inside], cell[inside], value[inside]
            # Pairs run in OCIO's order within each pixel: try each pixel's k-th candidate until one fits.
            first = np.searchsorted(pixel, np.arange(lo, hi))
            left = np.diff(np.append(first, len(pixel)))
            open_ = np.flatnonzero(left > 0)
            k = 0
            while open_.size:
                pair = first[open_] + k
                found, position = self._solve(cell[pair], value[pair])
                result[:, lo + open_[found]] = position[found].T
                k += 1
                open_ = open_[~found & (left[open_] > k)]
        return np.clip(result - 1.0, 0.0, self.n - 1.0) / (self.n - 1.0)

    def _tetrahedra(self) -> None:
        """Per kept cell: its base value and, per tetrahedron, the inverse of its edge matrix (NaN if singular)."""
        g, base = self.grid, self.cells
        self.base_value = g[base[:, 0], base[:, 1], base[:, 2]]
        self.inverses = np.full((len(base), len(_TETRAHEDRA), 3, 3), np.nan)
        for t, order in enumerate(_TETRAHEDRA):
            step = np.zeros_like(base)
            verts = [self.base_value]
            for axis in order:
                step[:, axis] += 1
                q = base + step
                verts.append(g[q[:, 0], q[:, 1], q[:, 2]])
            edges = np.stack([verts[1] - verts[0], verts[2] - verts[1], verts[3] - verts[2]], axis=-1)
            ok = np.abs(np.linalg.det(edges)) > 1e-18
            self.inverses[ok, t] = np.linalg.inv(edges[ok])

    def _solve(self, cell: np.ndarray, value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """First feasible tetrahedron of each (cell, value) pair (step 3): found mask and position, grown units."""
        frac = np.einsum("ptij,pj->pti", self.inverses[cell], value - self.base_value[cell])
        # frac is the position along each tetrahedron's axes, largest first: feasible if ordered within [0, 1].
        weights = np.concatenate([1.0 - frac[:, :, :1], frac[:, :, :-1] - frac[:, :, 1:], frac[:, :, 2:]], axis=2)
        with np.errstate(invalid="ignore"):
            feasible = np.all(weights >= -_FEASIBLE_TOL, axis=2)
        found = feasible.any(axis=1)
        first = np.argmax(feasible, axis=1)
        chosen = frac[np.arange(len(cell)), first]
        position = np.empty_like(chosen)
        for t, order in enumerate(_TETRAHEDRA):
            rows = first == t
            position[np.ix_(rows, list(order))] = chosen[rows]
        return found, position + self.cells[cell]


_SEARCHES: dict[bytes, _Search] = {}
"""Prepared searches by table digest: a config's processors rebuild their ops, the lattice stays the same."""

_MAX_SEARCHES = 8


def _shared_search(table: np.ndarray) -> _Search:
    """The `_Search` of a forward table ``[b, g, r]``, prepared once per table content."""
    import hashlib

    key = hashlib.sha1(table.tobytes()).digest() + bytes(str(table.shape), "ascii")
    if key not in _SEARCHES:
        if len(_SEARCHES) >= _MAX_SEARCHES:
            _SEARCHES.pop(next(iter(_SEARCHES)))
        _SEARCHES[key] = _Search(np.ascontiguousarray(table.transpose(2, 1, 0, 3)))
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

    def _search(self) -> _Search:
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
            for k, o in enumerate(_TETRAHEDRA)
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
                "    vec3 found = vec3(0.0);\n"
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
        """Never cancelled: OCIO's round trip through a 3D LUT clamps and may not be exact."""
        return False
