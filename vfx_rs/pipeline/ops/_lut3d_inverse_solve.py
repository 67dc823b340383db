"""OCIO's tetrahedron solve for the inverse 3D LUT (invert_hypercube, Lut3DOpCPU.cpp), replayed per cell.

invert_hypercube factorises the six tetrahedra of a cell one vertex at a time
(an LU update after Gill, Murray and Wright): the program of 8 steps below,
each putting one vertex (less the base vertex, after the row operations so
far) into one column; the leaving column moves to position n - 2; partial
pivoting by rows, a rank-revealing column pivot when the pivot is below 1e-9
(as written, a second candidate column may swap the first back), and row
eliminations skipped below 1e-9. Steps 2-7 each end with a back substitution
for one tetrahedron (R>G>B, G>R>B, G>B>R, B>G>R, B>R>G, R>B>G).

None of that depends on the input, so `factorise` replays it once for every
cell (each decision vectorised over cells, in float64 like OCIO) and keeps,
per tetrahedron, the row operations as a matrix and the triangular factor.
`back_substitute` then does OCIO's back substitution for many (cell, input)
pairs. OCIO applies the row operations to the input one by one, here as one
matrix product: equal in exact arithmetic, a last-bit float64 difference at
most, which could only move a decision for a value within about 1e-16 of a
1e-9 threshold.
"""

from __future__ import annotations

import numpy as np

__all__ = ["back_substitute", "factorise"]

_ZERO_TOL = 1e-9
_NEGZERO_TOL = -1e-9
_ONE_TOL = 1.0 + 1e-9
"""Singularity and feasibility tolerances (invert_hypercube)."""

_ENTERING = (2, 1, 0, 2, 0, 2, 0, 2)
_NEW_VERTS = ((1, 0, 0), (1, 1, 1), (1, 1, 0), (0, 1, 0), (0, 1, 1), (0, 0, 1), (1, 0, 1), (1, 0, 0))
"""OCIO's update program (InvLut3DRenderer::apply): the column each step replaces and the vertex (r, g, b)
entering it; steps 2-7 end with a back substitution, one per tetrahedron."""


def _swap(a: np.ndarray, rows: np.ndarray, i: np.ndarray | int, j: np.ndarray | int) -> None:
    """Swap entries ``i`` and ``j`` of ``a[rows]`` (per-row columns)."""
    tmp = a[rows, i].copy()
    a[rows, i] = a[rows, j]
    a[rows, j] = tmp


def factorise(grid: np.ndarray, cells: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Replay invert_hypercube's factorisation for each cell (step 4).

    Returns, per cell and tetrahedron: the row operations so far as a matrix with rows in pivot order
    (``y = M @ b``), the triangular factor in pivot order ``(k, 6, 3, 3)``, and the column permutation
    ``(k, 6, 3)``.
    """
    c = len(cells)
    ar = np.arange(c)
    base = grid[cells[:, 0], cells[:, 1], cells[:, 2]]
    u = np.tile(np.eye(3), (c, 1, 1))
    y = np.tile(np.eye(3), (c, 1, 1))
    rp = np.tile(np.arange(3), (c, 1))
    cp = np.tile(np.arange(3), (c, 1))
    sweeps = np.zeros((c, 20, 3))  # to, from, factor
    count = np.zeros(c, dtype=np.int64)
    m_out = np.empty((c, 6, 3, 3))
    u_out = np.empty((c, 6, 3, 3))
    cp_out = np.empty((c, 6, 3), dtype=np.int64)

    def at(r: int, k: int) -> np.ndarray:
        return u[ar, rp[:, r], cp[:, k]]

    for step, (entering, vert) in enumerate(zip(_ENTERING, _NEW_VERTS, strict=True)):
        q = cells + np.array(vert)
        new = np.zeros((c, 4))
        new[:, :3] = grid[q[:, 0], q[:, 1], q[:, 2]] - base
        for s in range(int(count.max(initial=0))):
            live = np.flatnonzero(s < count)
            to, fr = sweeps[live, s, 0].astype(np.int64), sweeps[live, s, 1].astype(np.int64)
            new[live, to] -= sweeps[live, s, 2] * new[live, fr]
        u[:, :, entering] = new[:, :3]
        pos = np.argmax(cp == entering, axis=1)
        moved = pos == 0
        cp[moved] = cp[moved][:, [1, 0, 2]]  # OCIO moves the leaving column to position n - 2
        for j in (0, 1):
            act = pos <= j
            piv = np.full(c, j)
            col_piv = np.full(c, j)
            abs_d = np.abs(at(j, j))
            for k in range(j + 1, 3):
                abs_n = np.abs(at(k, j))
                up = abs_n > abs_d
                abs_d, piv = np.where(up, abs_n, abs_d), np.where(up, k, piv)
            small = act & (abs_d < _ZERO_TOL)
            if small.any():
                # Rank-revealing column pivot, as OCIO writes it (a second h may swap a column back).
                for h in range(j + 1, 3):
                    for k in range(j, 3):
                        abs_n = np.abs(at(k, h))
                        up = small & (abs_n > abs_d)
                        abs_d = np.where(up, abs_n, abs_d)
                        piv, col_piv = np.where(up, k, piv), np.where(up, h, col_piv)
                    rows = np.flatnonzero(small & (abs_d > _ZERO_TOL))
                    _swap(cp, rows, j, col_piv[rows])
            rows = np.flatnonzero(act & (piv != j))
            _swap(rp, rows, j, piv[rows])
            denom = at(j, j)
            for h in range(j + 1, 3):
                num = at(h, j)
                rows = np.flatnonzero(act & (np.abs(num) >= _ZERO_TOL))
                with np.errstate(divide="ignore", invalid="ignore"):
                    f = num[rows] / denom[rows]
                rh, rj = rp[rows, h], rp[rows, j]
                u[rows, rh, cp[rows, j]] = 0.0
                for k in range(j + 1, 3):
                    u[rows, rh, cp[rows, k]] -= f * u[rows, rj, cp[rows, k]]
                y[rows, rh] -= f[:, None] * y[rows, rj]
                sweeps[rows, count[rows]] = np.stack([rh, rj, f], axis=1)
                count[rows] += 1
        if step >= 2:
            t = step - 2
            m_out[:, t] = y[ar[:, None], rp]
            u_out[:, t] = u[ar[:, None, None], rp[:, :, None], cp[:, None, :]]
            cp_out[:, t] = cp
    return m_out, u_out, cp_out


def back_substitute(m: np.ndarray, u: np.ndarray, b: np.ndarray, x: np.ndarray) -> np.ndarray:
    """invert_hypercube's back substitution for pairs: the feasible mask; weights in pivot order go to ``x``.

    ``m`` and ``u`` are ``(p, 9)`` views (row-major 3x3), ``b`` is ``(3, p)``: input less base vertex;
    ``x`` is ``(3, p)``. Where no pivot of a row is singular, the singular branch is skipped.
    """
    yp = [m[:, 3 * r] * b[0] + m[:, 3 * r + 1] * b[1] + m[:, 3 * r + 2] * b[2] for r in range(3)]
    bad = np.zeros(b.shape[1], dtype=bool)
    running = np.zeros(b.shape[1])
    with np.errstate(divide="ignore", invalid="ignore"):
        for js in (2, 1, 0):
            denom = u[:, 4 * js]
            # OCIO: sm = sum of U[js][k] x[k] over k > js, in order; x_tmp = (y - sm) / denom.
            if js == 2:
                num = yp[2]
            elif js == 1:
                num = yp[1] - u[:, 5] * x[2]
            else:
                num = yp[0] - (u[:, 1] * x[1] + u[:, 2] * x[2])
            x_tmp = num / denom
            singular = np.abs(denom) < _ZERO_TOL
            if singular.any():
                bad |= np.where(singular, np.abs(yp[js]) > _ZERO_TOL, x_tmp < _NEGZERO_TOL)
                running = np.where(singular, running, running + x_tmp)
                bad |= ~singular & (running > _ONE_TOL)
                x[js] = np.where(singular, 0.0, x_tmp)
            else:
                bad |= x_tmp < _NEGZERO_TOL
                running += x_tmp
                bad |= running > _ONE_TOL
                x[js] = x_tmp
    return ~bad
