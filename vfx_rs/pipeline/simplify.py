"""Simplification of an op list, as OpenColorIO's optimizer does.

Three rules, applied until nothing changes: identities drop, adjacent
constant matrices fuse (in float64), and an op followed by its inverse
cancels, leaving only what the pair clamps (`Op.pair_replacement`). Dynamic ops (live slider values) are never dropped or fused, so a
GLSL program built from the list keeps its structure while values change.
"""

from __future__ import annotations

from collections.abc import Iterable

from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.matrix import MatrixOp

__all__ = ["simplify"]


def _step(ops: list[Op]) -> list[Op]:
    out: list[Op] = []
    for op in ops:
        if not op.dynamic and op.is_identity():
            continue
        if out and not op.dynamic and not out[-1].dynamic:
            prev = out[-1]
            # Cancel inverse pairs before fusing: a matrix times its inverse is only nearly the identity.
            # The pair leaves what the first op clamps (OCIO's pair-identity optimization).
            if op.is_inverse_of(prev):
                out.pop()
                out.extend(prev.pair_replacement())
                continue
            if isinstance(prev, MatrixOp) and isinstance(op, MatrixOp):
                out[-1] = prev.then(op)
                continue
        out.append(op)
    return out


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
