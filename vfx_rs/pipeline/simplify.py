"""Simplification of an op list, as OpenColorIO's optimizer does.

Each pass follows OCIO's order (OpOptimizers.cpp, OpRcPtrVec::finalize and
RemoveInverseOps): identities drop; then every op followed by its inverse
cancels, leaving only what the pair clamps (`Op.pair_replacement`), and an
exact cancellation steps back so that nested pairs (``A, B, B', A'``) cancel
too; only then do adjacent constant matrices fuse (in float64). Passes repeat
until nothing changes. Cancelling before fusing keeps ``M, N, N^-1, M^-1`` an
exact identity instead of a product near it. Dynamic ops (live slider
values) are never dropped, cancelled or fused, so a GLSL program built from
the list keeps its structure while values change.
"""

from __future__ import annotations

from collections.abc import Iterable

from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.matrix import MatrixOp

__all__ = ["simplify"]


def _cancel_inverses(ops: list[Op]) -> list[Op]:
    out: list[Op] = []
    for op in ops:
        if out and not op.dynamic and not out[-1].dynamic and op.is_inverse_of(out[-1]):
            # With nothing left in its place, the op before the pair now meets the next op (OCIO's step back).
            out.extend(out.pop().pair_replacement())
            continue
        out.append(op)
    return out


def _fuse_matrices(ops: list[Op]) -> list[Op]:
    out: list[Op] = []
    for op in ops:
        prev = out[-1] if out else None
        if isinstance(prev, MatrixOp) and isinstance(op, MatrixOp) and not (op.dynamic or prev.dynamic):
            out[-1] = prev.then(op)
            continue
        out.append(op)
    return out


def _step(ops: list[Op]) -> list[Op]:
    kept = [op for op in ops if op.dynamic or not op.is_identity()]
    return _fuse_matrices(_cancel_inverses(kept))


def simplify(ops: Iterable[Op]) -> list[Op]:
    """Return the simplified op list (the input is not changed).

    Examples
    --------
    >>> import numpy as np
    >>> from vfx_rs.pipeline.ops.matrix import MatrixOp
    >>> a = MatrixOp(matrix=np.diag([2.0, 2.0, 2.0]))
    >>> simplify([a, a.inverse()])
    []
    """
    current = list(ops)
    while True:
        reduced = _step(current)
        if len(reduced) == len(current):
            return reduced
        current = reduced
