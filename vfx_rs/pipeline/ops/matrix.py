"""Matrix with offset: ``out = M @ rgb + offset``.

The workhorse of color-space conversion (OCIO MatrixTransform, CLF Matrix).
Parameters are float64; adjacent matrices fuse in float64 before they touch
float32 pixels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform

__all__ = ["MatrixOp"]

_IDENTITY = np.eye(3)


def _as_matrix(value: npt.ArrayLike) -> np.ndarray:
    m = np.array(value, dtype=np.float64)
    if m.shape != (3, 3) or not np.all(np.isfinite(m)):
        raise ArgumentError(f"a matrix op needs a finite 3x3 matrix, got shape {m.shape}")
    m.flags.writeable = False
    return m


def _as_offset(value: npt.ArrayLike) -> np.ndarray:
    o = np.array(np.broadcast_to(np.asarray(value, dtype=np.float64), (3,)))
    if not np.all(np.isfinite(o)):
        raise ArgumentError("a matrix op offset must be finite")
    o.flags.writeable = False
    return o


def _near_integers(values: np.ndarray, scale: float) -> np.ndarray:
    """`values` with entries within ``1e-7 * max(scale, 1e-4)`` of an integer set to it (OCIO MatrixOpData::cleanUp)."""
    rounded = np.round(values)
    return np.where(np.abs(values - rounded) < 1e-7 * max(scale, 1e-4), rounded, values)


@dataclass(frozen=True, kw_only=True, eq=False)
class MatrixOp(Op):
    """``out = matrix @ rgb + offset`` on each pixel.

    Parameters
    ----------
    matrix
        3x3, applied to column vectors (``pixels @ matrix.T`` on rows).
    offset
        Added after the product.

    Examples
    --------
    >>> import numpy as np
    >>> op = MatrixOp(matrix=np.diag([2.0, 1.0, 0.5]), offset=[0.0, 0.1, 0.0])
    >>> p = np.array([[1.0], [1.0], [1.0]], dtype=np.float32)
    >>> op.apply_planar(p); p.ravel().tolist()
    [2.0, 1.100000023841858, 0.5]
    """

    kind = "matrix"
    matrix: np.ndarray = field(default_factory=lambda: _IDENTITY.copy())
    offset: np.ndarray = field(default_factory=lambda: np.zeros(3))

    def __post_init__(self) -> None:
        object.__setattr__(self, "matrix", _as_matrix(self.matrix))
        object.__setattr__(self, "offset", _as_offset(self.offset))

    def _diagonal(self) -> bool:
        return not np.any(self.matrix - np.diag(np.diag(self.matrix)))

    def mixes_alpha(self) -> bool:
        """OCIO's MatrixRenderer (MatrixOpCPU.cpp) multiplies the whole RGBA pixel; its ScaleRenderer does not."""
        return not self._diagonal()

    def apply_planar(self, p: np.ndarray) -> None:
        if self._diagonal():
            # A diagonal matrix scales each channel: inf in one channel must not
            # become 0 * inf = nan in the others (OCIO's scale renderer, likewise).
            p *= np.diag(self.matrix).astype(p.dtype)[:, np.newaxis]
            if np.any(self.offset):
                p += self.offset.astype(p.dtype)[:, np.newaxis]
            return
        # OCIO's order and rounding (MatrixOpCPU.cpp, MatrixRenderer: (m0 r + m1 g) + m2 b, coefficients in the
        # pixels' precision, no fused multiply-add): BLAS would round differently, and where a matrix cancels
        # large values (AP0 to AP1 on 1e3-scale channels) that rounding is all the small channel holds.
        m = self.matrix.astype(p.dtype)
        with np.errstate(invalid="ignore", over="ignore"):  # inf - inf is NaN, as in OCIO; no warning per tile
            result = m[:, 0:1] * p[0]
            term = m[:, 1:2] * p[1]
            result += term
            np.multiply(m[:, 2:3], p[2], out=term)
            result += term
            if np.any(self.offset):
                result += self.offset.astype(p.dtype)[:, np.newaxis]
        p[...] = result

    def glsl(self, names: GlslNames) -> GlslSnippet:
        m, o = names("m"), names("o")
        uniforms = {m: Uniform("mat3", self.matrix), o: Uniform("vec3", self.offset)}
        scale = f"c = c * vec3({m}[0][0], {m}[1][1], {m}[2][2]) + {o};"
        if not self.dynamic:  # as the NumPy kernel: a diagonal matrix scales, so Inf never meets a 0
            return GlslSnippet(body=scale if self._diagonal() else f"c = {m} * c + {o};", uniforms=uniforms)
        off = " && ".join(f"{m}[{i}][{j}] == 0.0" for i in range(3) for j in range(3) if i != j)
        return GlslSnippet(body=f"if ({off}) {{ {scale} }} else {{ c = {m} * c + {o}; }}", uniforms=uniforms)

    def inverse(self) -> MatrixOp:
        if abs(np.linalg.det(self.matrix)) < 1e-12:
            raise ArgumentError(f"matrix {self.matrix.tolist()} is singular and has no inverse")
        inv = np.linalg.inv(self.matrix)
        return MatrixOp(matrix=inv, offset=-inv @ self.offset, dynamic=self.dynamic)

    def is_identity(self) -> bool:
        return bool(np.array_equal(self.matrix, _IDENTITY) and not np.any(self.offset))

    def then(self, other: MatrixOp) -> MatrixOp:
        """This op followed by `other`, as one matrix (computed in float64).

        As OpenColorIO's MatrixOpData::compose and cleanUp, entries within
        1e-7 times the largest magnitude (at least 1e-4) of an integer become
        that integer, so a matrix composed with an inverse derived
        separately (rounded in a file, or from other constants) becomes the
        exact identity and drops out.
        """
        matrix = other.matrix @ self.matrix
        moved = other.matrix @ self.offset
        offset_scale = max(float(np.max(np.abs(moved))), float(np.max(np.abs(other.offset))))
        return MatrixOp(
            matrix=_near_integers(matrix, float(np.max(np.abs(matrix)))),
            offset=_near_integers(moved + other.offset, offset_scale),
        )
