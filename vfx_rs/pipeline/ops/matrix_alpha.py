"""A 4x4 RGBA matrix with offsets applied to RGB with alpha 1: CTF's ``Matrix`` whose alpha feeds RGB.

The pipeline carries RGB; like OpenColorIO applying a ``dim="4 4"``/``"4 5"``
CTF matrix (CTFReaderMatrixElt_1_3) to an RGB image, alpha is taken as 1, so
the forward map is ``rgb' = M[:3, :3] rgb + M[:3, 3] + offset[:3]``. The op
keeps the whole 4x4 matrix because its inverse is not that map's inverse:
OCIO inverts the 4x4 affine map (MatrixOpData::inverse) and applies the
result, again with alpha 1. Kept apart from `MatrixOp` so the simplifier never
fuses away the alpha row the inverse needs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform, frozen_array

__all__ = ["AlphaMatrixOp"]


@dataclass(frozen=True, kw_only=True, eq=False)
class AlphaMatrixOp(Op):
    """``rgba' = matrix @ rgba + offset`` on RGB with alpha 1 (module docstring).

    Attributes
    ----------
    matrix
        ``(4, 4)`` RGBA matrix.
    offset
        ``(4,)`` RGBA offsets.
    """

    kind = "matrix_alpha"
    matrix: np.ndarray
    offset: np.ndarray

    def __post_init__(self) -> None:
        object.__setattr__(self, "matrix", frozen_array(self.matrix, (4, 4), "alpha matrix op matrix"))
        object.__setattr__(self, "offset", frozen_array(self.offset, (4,), "alpha matrix op offset"))

    def _rgb(self) -> tuple[np.ndarray, np.ndarray]:
        """The RGB part and the offset it gets with alpha 1."""
        return self.matrix[:3, :3], self.matrix[:3, 3] + self.offset[:3]

    def apply_planar(self, p: np.ndarray) -> None:
        m, o = self._rgb()
        with np.errstate(invalid="ignore", over="ignore"):  # inf - inf is NaN, as in OCIO
            result = m.astype(p.dtype) @ p
        result += o.astype(p.dtype)[:, np.newaxis]
        p[...] = result

    def glsl(self, names: GlslNames) -> GlslSnippet:
        m, o = names("m"), names("o")
        rgb, off = self._rgb()
        return GlslSnippet(body=f"c = {m} * c + {o};", uniforms={m: Uniform("mat3", rgb), o: Uniform("vec3", off)})

    def inverse(self) -> AlphaMatrixOp:
        if abs(np.linalg.det(self.matrix)) < 1e-12:
            raise ArgumentError(f"alpha matrix {self.matrix.tolist()} is singular and has no inverse")
        inv = np.linalg.inv(self.matrix)
        return AlphaMatrixOp(matrix=inv, offset=-inv @ self.offset, dynamic=self.dynamic)

    def is_identity(self) -> bool:
        return bool(np.array_equal(self.matrix, np.eye(4)) and not np.any(self.offset))
