"""The inverse of a 1D table op, computed by ops its builder gives.

OpenColorIO inverts a 1D LUT exactly (Lut1DOpCPU.cpp, InvLut1DRenderer and
InvLut1DRendererHalfCode: the segment holding the value, inverted linearly).
Where a table samples a known curve, its builder gives ops computing that
inversion to within the table's own error (the curve's formula with a clamp
to the table's range, or an inverse held on a finer or better-conditioned
grid) as the table op's ``inverse_ops``; `LutInverseOp` applies them. The
inverse of a `LutInverseOp` is its table, so a table followed by its inverse
(or the reverse) cancels in the simplifier as OCIO's optimizer removes the
pair (OpOptimizers.cpp RemoveInverseOps; Lut1DOpData
getPairIdentityReplacement).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op

__all__ = ["LutInverseOp"]


@dataclass(frozen=True, kw_only=True, eq=False)
class LutInverseOp(Op):
    """The inverse of the table op `of` (a `Lut1DOp` or `HalfLut1DOp`), computed by its ``inverse_ops`` in order.

    Examples
    --------
    >>> import numpy as np
    >>> from vfx_rs.pipeline.ops import ExponentOp, Lut1DOp
    >>> x = np.linspace(0.0, 1.0, 1024)[:, None].repeat(3, axis=1)
    >>> table = Lut1DOp(table=x**2.0, inverse_ops=(ExponentOp(exponent=(0.5, 0.5, 0.5)),))
    >>> table.inverse().inverse() is table
    True
    """

    kind = "lut_inverse"
    of: Op

    def __post_init__(self) -> None:
        if not getattr(self.of, "inverse_ops", ()):
            raise ArgumentError(f"{self.of.kind} op has no inverse ops")

    @property
    def ops(self) -> tuple[Op, ...]:
        """The ops computing the inverse."""
        ops: tuple[Op, ...] = getattr(self.of, "inverse_ops")  # noqa: B009
        return ops

    def apply_planar(self, p: np.ndarray) -> None:
        for op in self.ops:
            op.apply_planar(p)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        out = GlslSnippet(body="")
        bodies = []
        for i, op in enumerate(self.ops):
            part = op.glsl(GlslNames(names(str(i))))
            out.uniforms.update(part.uniforms)
            out.textures.update(part.textures)
            out.helpers.update(part.helpers)
            bodies.append("{\n" + part.body + "\n}")
        out.body = "\n".join(bodies)
        return out

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, *(op.structure_key() for op in self.ops))

    def inverse(self) -> Op:
        return self.of

    def is_inverse_of(self, other: Op) -> bool:
        return other.params_key() == self.of.params_key()
