"""RGB <-> XYZ and RGB <-> RGB matrices with chromatic adaptation, and the pipelines that apply them.

The RGB-to-XYZ matrix follows SMPTE RP 177-1993 section 3.3: the primaries'
XYZ (Y = 1) scaled so that RGB (1, 1, 1) maps to the whitepoint's XYZ (Y = 1).
White adaptation is the von Kries-type transform ``inv(M) diag(lms_dst /
lms_src) M`` with M = Bradford (Lam 1985), CAT02 (CIE 159:2004) or the von
Kries cone matrix (Hunt-Pointer-Estevez, as colour-science's "Von Kries").
Matrices apply as ``pixels @ matrix.T``.
"""

from __future__ import annotations

import numpy as np

from vfx_rs._validate import numeric_array
from vfx_rs.color.spaces import ColorSpace, color_space
from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline import MatrixOp, Pipeline

__all__ = [
    "ADAPTATION_MATRICES",
    "adaptation_matrix",
    "convert",
    "matrix_op",
    "rgb_to_rgb_matrix",
    "rgb_to_rgb_pipeline",
    "rgb_to_xyz_matrix",
    "xyz_to_rgb_matrix",
]

ADAPTATION_MATRICES: dict[str, np.ndarray] = {
    "bradford": np.array([[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]]),
    "cat02": np.array([[0.7328, 0.4296, -0.1624], [-0.7036, 1.6975, 0.0061], [0.0030, 0.0136, 0.9834]]),
    "von_kries": np.array([[0.40024, 0.70760, -0.08081], [-0.22630, 1.16532, 0.04570], [0.0, 0.0, 0.91822]]),
}
"""XYZ-to-cone-response matrices: Bradford (Lam 1985; Lindbloom), CAT02 (CIE 159:2004, CIECAM02)
and von Kries (Hunt-Pointer-Estevez, normalised to D65 as in colour-science)."""


def _xyz(xy: tuple[float, float]) -> np.ndarray:
    white = numeric_array(xy, "white point", np.float64).ravel()
    if white.size != 2 or not np.all(np.isfinite(white)) or white[1] == 0:
        raise ArgumentError(f"a white point is its CIE (x, y) chromaticity with y != 0, not {xy!r}")
    x, y = white
    return np.array([x / y, 1.0, (1.0 - x - y) / y])


def rgb_to_xyz_matrix(space: str | ColorSpace) -> np.ndarray:
    """The (3, 3) float64 matrix from the space's linear RGB to CIE XYZ at its own white (SMPTE RP 177, 3.3)."""
    cs = color_space(space)
    if cs.primaries is None:
        return np.eye(3)
    p = np.stack([_xyz(xy) for xy in cs.primaries], axis=1)
    scale = np.linalg.solve(p, _xyz(cs.whitepoint))
    return p * scale


def xyz_to_rgb_matrix(space: str | ColorSpace) -> np.ndarray:
    """The inverse of `rgb_to_xyz_matrix`."""
    return np.linalg.inv(rgb_to_xyz_matrix(space))


def adaptation_matrix(src_white: tuple[float, float], dst_white: tuple[float, float], method: str | None) -> np.ndarray:
    """XYZ-to-XYZ matrix adapting `src_white` to `dst_white` (identity for ``None``/``"none"``)."""
    src, dst = _xyz(src_white), _xyz(dst_white)
    if method is None or str(method).lower() == "none" or np.array_equal(src, dst):
        return np.eye(3)
    key = str(method).lower().replace(" ", "_").replace("-", "_")
    if key not in ADAPTATION_MATRICES:
        raise ArgumentError(f"unknown chromatic adaptation {method!r}; known: {', '.join(ADAPTATION_MATRICES)}, none")
    m = ADAPTATION_MATRICES[key]
    gain = (m @ dst) / (m @ src)
    return np.linalg.inv(m) @ np.diag(gain) @ m


def rgb_to_rgb_matrix(src: str | ColorSpace, dst: str | ColorSpace, adaptation: str | None = "bradford") -> np.ndarray:
    """The (3, 3) float64 matrix from `src` linear RGB to `dst` linear RGB; apply as ``pixels @ matrix.T``."""
    s, d = color_space(src), color_space(dst)
    return xyz_to_rgb_matrix(d) @ adaptation_matrix(s.whitepoint, d.whitepoint, adaptation) @ rgb_to_xyz_matrix(s)


def matrix_op(src: str | ColorSpace, dst: str | ColorSpace, adaptation: str | None = "bradford") -> MatrixOp:
    """The `MatrixOp` converting linear `src` RGB to linear `dst` RGB."""
    return MatrixOp(matrix=rgb_to_rgb_matrix(src, dst, adaptation))


def rgb_to_rgb_pipeline(src: str | ColorSpace, dst: str | ColorSpace, adaptation: str | None = "bradford") -> Pipeline:
    """A `Pipeline` converting linear `src` RGB to linear `dst` RGB, for composing with other ops."""
    return Pipeline([matrix_op(src, dst, adaptation)])


def convert(
    data: np.ndarray, src: str | ColorSpace, dst: str | ColorSpace, adaptation: str | None = "bradford"
) -> np.ndarray:
    """Convert linear ``(..., 3|4)`` float32 pixels from `src` to `dst` in place (alpha untouched); returns `data`."""
    return rgb_to_rgb_pipeline(src, dst, adaptation).apply(data)
