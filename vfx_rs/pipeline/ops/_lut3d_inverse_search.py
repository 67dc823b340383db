"""OpenColorIO's exact 3D LUT inverse search (InvLut3DRenderer, Lut3DOpCPU.cpp), vectorised.

OCIO 2.6's CPU renderer for an inverse 3D LUT, at every optimisation level:

1. ``extrapolate3DArray``: the float32 lattice grows by one point on every
   side, each new point being the nearest edge point pushed away from 0.5
   four times as far (``(v - 0.5) * 4 + 0.5``, float32).
2. ``RangeTree``: each cell of the grown lattice holds the per-channel
   min/max of its 8 corners widened by 1e-6 (float32); the cells are sorted
   by a Morton hash of their base index (red bit lowest). The tree's
   depth-first walk visits exactly the cells whose range holds the input, in
   that hash order (a node's range is the union of its children's).
3. ``apply``: an input is clamped to [0, 1] (NaN becomes 0); the first
   visited cell for which ``invert_hypercube`` succeeds gives the result;
   none gives index 0 (so 0 out).
4. ``invert_hypercube``: one LU factorisation of the cell's six tetrahedra,
   updated one vertex at a time (Gill, Murray and Wright), with partial
   pivoting, a rank-revealing column pivot when a pivot is below 1e-9, and
   row eliminations skipped below 1e-9. Back substitution: a pivot below 1e-9
   with a residual above 1e-9 is infeasible, with a smaller one its weight
   is 0; a weight below -1e-9 or a running sum above 1 + 1e-9 is
   infeasible. The first feasible tetrahedron (R>G>B, G>R>B, G>B>R, B>G>R,
   B>R>G, R>B>G) gives the position, summed in float32.
5. The position less the border is clamped to the lattice and scaled by
   ``1 / (size - 1)`` (float32).

Here the factorisation, which depends only on the cell, is replayed once per
cell (`_lut3d_inverse_solve`); an input then costs a matrix product and
OCIO's back substitution per candidate cell and tetrahedron. Candidate cells
come from a uniform bin index over [0, 1]^3 kept in hash order, then OCIO's
exact range test; border cells are also tested against slabs that bound
them (a necessary condition only, so no cell OCIO would try is skipped).
"""

from __future__ import annotations

import math

import numpy as np

from vfx_rs.pipeline.ops._lut3d_inverse_solve import back_substitute, factorise

__all__ = ["TETRAHEDRA", "Lut3DInverseSearch"]

_GROW = np.float32(4.0)
"""Factor pushing the added border away from 0.5 (extrapolate3DArray)."""

_RANGE_TOL = np.float32(1e-6)
"""Widening of each cell's output range (RangeTree::initRanges)."""

TETRAHEDRA = ((0, 1, 2), (1, 0, 2), (1, 2, 0), (2, 1, 0), (2, 0, 1), (0, 2, 1))
"""Axis orders (largest fraction first; 0 = red) of the six tetrahedra, in OCIO's order (path_list)."""

_BINS_PER_STEP = 2
_MAX_BINS = 64
"""Bins per axis of the candidate index: twice the lattice's steps, at most 64 (2 MiB of bin starts)."""

_PIXELS = 4096
"""Inputs searched at once: their candidate pairs and per-cell records stay a few MiB."""


def _grow(table_rgb: np.ndarray) -> np.ndarray:
    """The float32 lattice ``[r, g, b]`` with its extrapolated border (step 1)."""
    n = table_rgb.shape[0]
    idx = np.clip(np.arange(n + 2) - 1, 0, n - 1)
    grown = table_rgb.astype(np.float32)[np.ix_(idx, idx, idx)]
    edge = np.zeros(n + 2, dtype=bool)
    edge[[0, -1]] = True
    border = edge[:, None, None] | edge[None, :, None] | edge[None, None, :]
    grown[border] = (grown[border] - np.float32(0.5)) * _GROW + np.float32(0.5)
    return grown


def _morton(cells: np.ndarray, depth: int) -> np.ndarray:
    """OCIO's range-tree hash of cell base indices ``(k, 3)`` (RangeTree::indsToHash)."""
    key = np.zeros(len(cells), dtype=np.int64)
    for shift in range(depth):
        bits = ((cells[:, 0] >> shift) & 1) | (((cells[:, 1] >> shift) & 1) << 1) | (((cells[:, 2] >> shift) & 1) << 2)
        key += bits.astype(np.int64) << (4 * shift)
    return key


class Lut3DInverseSearch:
    """The grown lattice, its factorised cells in OCIO's order and a bin index over [0, 1]^3."""

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
        self.box = np.concatenate([self.lo, self.hi], axis=1)
        mat, tri, self.col_perm = factorise(self.grid, self.cells)
        base = self.grid[self.cells[:, 0], self.cells[:, 1], self.cells[:, 2]]
        # One row per cell: base vertex, then per tetrahedron M (9) and U (9); gathered once per candidate.
        self.record = np.concatenate([base, np.concatenate([mat, tri], axis=2).reshape(len(self.cells), -1)], axis=1)
        self._bins()

    def _bins(self) -> None:
        """Cells listed per bin of a ``b^3`` grid over [0, 1]^3, in hash order within a bin.

        A cell is listed in the bins its range box meets; a border cell (a thin sheet, wedge or segment
        reaching out from 0.5, as its points are 0.5 + s (v - 0.5), s in {1, 4}) only in those that also
        meet its slabs (`_border_slabs`): bins it cannot reach are left out, never one it can. Per column
        of bins along the box's longest axis, the bins meeting every slab form one interval, found exactly.
        """
        self.bins = b = int(np.clip(_BINS_PER_STEP * self.n, 8, _MAX_BINS))
        first = np.clip(np.floor(self.lo * b), 0, b - 1).astype(np.int64)
        last = np.clip(np.floor(self.hi * b), 0, b - 1).astype(np.int64)
        normals, slab_lo, slab_hi = self._border_slabs()
        self.border = np.flatnonzero(np.any(normals != 0, axis=(1, 2)))
        self.slab_of = np.full(len(self.cells), -1)
        self.slab_of[self.border] = np.arange(len(self.border))
        self.slabs = np.concatenate(
            [normals[self.border], slab_lo[self.border, :, None], slab_hi[self.border, :, None]], axis=2
        )
        half = 0.5 / b
        # Interior cells: every bin of the box.
        inner = np.flatnonzero(self.slab_of < 0)
        size = last[inner] - first[inner] + 1
        spans = np.prod(size, axis=1)
        local = np.repeat(np.arange(len(inner)), spans)
        offset = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
        sz = size[local]
        pos = first[inner[local]] + np.stack(
            [offset // (sz[:, 1] * sz[:, 2]), (offset // sz[:, 2]) % sz[:, 1], offset % sz[:, 2]], axis=1
        )
        owners, flats = [inner[local]], [(pos[:, 0] * b + pos[:, 1]) * b + pos[:, 2]]
        # Border cells: per column, the interval meeting every slab.
        longest = np.argmax(last - first, axis=1)
        for z in range(3):
            u, v = (a for a in range(3) if a != z)
            along = np.flatnonzero((longest == z) & (self.slab_of >= 0))
            for chunk in np.array_split(along, max(1, len(along) // 4096)):
                size = last[chunk] - first[chunk] + 1
                cols = size[:, u] * size[:, v]
                local = np.repeat(np.arange(len(chunk)), cols)
                offset = np.arange(cols.sum()) - np.repeat(np.cumsum(cols) - cols, cols)
                owner = chunk[local]
                i = first[owner, u] + offset // size[local, v]
                j = first[owner, v] + offset % size[local, v]
                n = normals[owner]
                # Bin (i, j, k) meets slab s where lo - R <= n . (centre - 0.5) <= hi + R, R its half extent on n.
                a = n[..., u] * ((i + 0.5) / b - 0.5)[:, None] + n[..., v] * ((j + 0.5) / b - 0.5)[:, None]
                reach = np.abs(n).sum(axis=2) * half + 1e-9
                low, high = slab_lo[owner] - a - reach, slab_hi[owner] - a + reach
                nz = n[..., z]
                with np.errstate(divide="ignore", invalid="ignore"):
                    z0 = np.where(nz > 0, low / nz, high / nz)
                    z1 = np.where(nz > 0, high / nz, low / nz)
                free = nz == 0
                z0 = np.where(free, np.where((low <= 0) & (high >= 0), -2.0, 2.0), np.clip(z0, -2.0, 2.0))
                z1 = np.where(free, np.where((low <= 0) & (high >= 0), 2.0, -2.0), np.clip(z1, -2.0, 2.0))
                k0 = np.maximum(
                    np.ceil((z0.max(axis=1, initial=-2.0) + 0.5) * b - 0.5).astype(np.int64), first[owner, z]
                )
                k1 = np.minimum(
                    np.floor((z1.min(axis=1, initial=2.0) + 0.5) * b - 0.5).astype(np.int64), last[owner, z]
                )
                count = np.maximum(k1 - k0 + 1, 0)
                col = np.repeat(np.arange(len(owner)), count)
                pos = np.empty((len(col), 3), dtype=np.int64)
                pos[:, u], pos[:, v] = i[col], j[col]
                pos[:, z] = k0[col] + np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
                owners.append(owner[col])
                flats.append((pos[:, 0] * b + pos[:, 1]) * b + pos[:, 2])
        owner, flat_bin = np.concatenate(owners), np.concatenate(flats)
        order = np.lexsort((owner, flat_bin))
        self.members = owner[order]
        self.starts = np.searchsorted(flat_bin[order], np.arange(b**3 + 1))

    def _border_slabs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per cell, up to 6 unit normals with the range of ``n . (v - 0.5)`` over its corners.

        Normals: the planes through 0.5 and two adjacent source points of the cell's corners (the sides
        of the cone a border cell lies in), and two directions across their mean; zero rows (every interior
        cell's) pass anything.
        """
        m = self.n + 2
        border = np.any((self.cells == 0) | (self.cells == m - 2), axis=1)
        cells = self.cells[border]
        k = len(cells)
        corner_offsets = np.array([(dr, dg, db) for dr in (0, 1) for dg in (0, 1) for db in (0, 1)])
        grown_idx = cells[:, None, :] + corner_offsets[None]
        source = np.clip(grown_idx - 1, 0, self.n - 1)
        centre = 0.5
        src = self.grid[source[..., 0] + 1, source[..., 1] + 1, source[..., 2] + 1] - centre  # (k, 8, 3)
        vert = self.grid[grown_idx[..., 0], grown_idx[..., 1], grown_idx[..., 2]] - centre
        edges = [(a, a | bit) for bit in (1, 2, 4) for a in range(8) if not a & bit]
        cand = np.stack([np.cross(src[:, a], src[:, c]) for a, c in edges], axis=1)  # (k, 12, 3)
        # Drop repeats (corners sharing source points) and degenerate edges.
        for i in range(12):
            same = np.all(cand[:, i + 1 :] == cand[:, i : i + 1], axis=2)
            cand[:, i + 1 :][same] = 0.0
        length = np.linalg.norm(cand, axis=2)
        scale = np.linalg.norm(src, axis=2).max(axis=1)
        usable = length > 1e-12 * np.maximum(scale, 1e-30)[:, None] ** 2
        mean = src.mean(axis=1)
        axis = np.eye(3)[np.argmin(np.abs(mean), axis=1)]
        across1 = np.cross(mean, axis)
        across2 = np.cross(mean, across1)
        normals = np.zeros((k, 6, 3))
        rank = np.cumsum(usable, axis=1) - 1
        take = usable & (rank < 4)
        rows, cols = np.nonzero(take)
        normals[rows, rank[rows, cols]] = cand[rows, cols] / length[rows, cols, None]
        for slot, v in ((4, across1), (5, across2)):
            norm = np.linalg.norm(v, axis=1)
            good = norm > 1e-12
            normals[good, slot] = v[good] / norm[good, None]
        proj = np.einsum("kjc,kvc->kjv", normals, vert)
        tol = 1e-6 * (1.0 + np.abs(vert).max(axis=(1, 2)))[:, None]
        full = np.zeros((len(self.cells), 6, 3))
        lo = np.zeros((len(self.cells), 6))
        hi = np.zeros((len(self.cells), 6))
        full[border], lo[border], hi[border] = normals, proj.min(axis=2) - tol, proj.max(axis=2) + tol
        return full, lo, hi

    def invert(self, rgb: np.ndarray) -> np.ndarray:
        """OCIO's inverse (steps 2-5) of float ``(3, k)`` values: float32 positions in [0, 1].

        Values are searched in the Morton order of their bins, so that each chunk reads the tables of
        nearby cells only (each value's answer does not depend on the others).
        """
        x = np.clip(np.nan_to_num(rgb.astype(np.float32), nan=0.0), 0.0, 1.0)
        b = self.bins
        order = np.argsort(_morton(np.minimum((x.T * b).astype(np.int64), b - 1), math.frexp(b - 1)[1]))
        x = x[:, order]
        out = np.empty(x.shape, dtype=np.float32)
        for lo in range(0, x.shape[1], _PIXELS):
            out[:, order[lo : lo + _PIXELS]] = self._invert_chunk(x[:, lo : lo + _PIXELS])
        return out

    def _invert_chunk(self, x: np.ndarray) -> np.ndarray:
        b = self.bins
        k = np.minimum((x * b).astype(np.int64), b - 1)
        flat = (k[0] * b + k[1]) * b + k[2]
        start, count = self.starts[flat], self.starts[flat + 1] - self.starts[flat]
        pixel = np.repeat(np.arange(x.shape[1]), count)
        rank = np.arange(len(pixel)) - np.repeat(np.cumsum(count) - count, count)
        cell = self.members[start[pixel] + rank]
        value = np.ascontiguousarray(x.T)[pixel]
        box = self.box[cell]
        inside = np.all((value >= box[:, :3]) & (value <= box[:, 3:]), axis=1)
        pixel, cell, value = pixel[inside], cell[inside], value[inside].T
        # Border cells: the pixel must also lie in the cell's slabs (a necessary condition, as for the bins).
        slab = self.slab_of[cell]
        rows = np.flatnonzero(slab >= 0)
        if rows.size:
            s = self.slabs[slab[rows]]  # (k, 6, 5): normal, low, high
            proj = np.einsum("ksc,ck->ks", s[:, :, :3], value[:, rows].astype(np.float64) - 0.5)
            out = ~np.all((proj >= s[:, :, 3]) & (proj <= s[:, :, 4]), axis=1)
            if out.any():
                keep = np.ones(len(cell), dtype=bool)
                keep[rows[out]] = False
                pixel, cell, value = pixel[keep], cell[keep], value[:, keep]
        rec = self.record[cell]
        delta = value - rec[:, :3].T
        feasible = np.empty((6, len(cell)), dtype=bool)
        weights = np.empty((6, 3, len(cell)))
        for t in range(6):
            at = 3 + 18 * t
            feasible[t] = back_substitute(rec[:, at : at + 9], rec[:, at + 9 : at + 18], delta, weights[t])
        # First feasible tetrahedron of each pair, first feasible pair (hash order) of each input.
        pair_ok = feasible.any(axis=0)
        tet = np.argmax(feasible, axis=0)
        ok = np.flatnonzero(pair_ok)
        win = ok[np.flatnonzero(np.diff(pixel[ok], prepend=-1))]  # pairs run in pixel order
        found = pixel[win]
        tet, cell = tet[win], cell[win]
        w = weights[tet, :, win]  # (k, 3) in pivot order
        w2 = np.empty_like(w)
        np.put_along_axis(w2, self.col_perm[cell, tet], w, axis=1)
        # x_out along the tetrahedron's path: last axis gets column 1, then + column 0, then + column 2.
        path = np.array(TETRAHEDRA)[tet]
        xo = np.empty((len(win), 3), dtype=np.float32)
        last = w2[:, 1].astype(np.float32)
        mid = (w2[:, 0] + last.astype(np.float64)).astype(np.float32)
        top = (w2[:, 2] + mid.astype(np.float64)).astype(np.float32)
        rows = np.arange(len(win))
        xo[rows, path[:, 2]] = last
        xo[rows, path[:, 1]] = mid
        xo[rows, path[:, 0]] = top
        xo += self.cells[cell].astype(np.float32)
        result = np.zeros((x.shape[1], 3), dtype=np.float32)
        result[found] = xo
        max_dim = np.float32(self.n - 1)
        scale = np.float32(1.0) / max_dim
        return (np.minimum(np.maximum(result - np.float32(1.0), np.float32(0.0)), max_dim) * scale).T
