"""LUTs: `Lut1D`, `Lut3D`, file readers and writers, and in-place application.

Examples
--------
>>> import vfx_rs.lut as lut
>>> sorted(lut.LUT_FORMATS)
['.cube']
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from vfx_rs._validate import check_inplace_float32
from vfx_rs.errors import LutError
from vfx_rs.lut.cube import read_cube, read_cube_1d, read_cube_3d, write_cube
from vfx_rs.lut.lut import Lut1D, Lut3D

__all__ = [
    "LUT_FORMATS",
    "Lut1D",
    "Lut3D",
    "LutFormat",
    "apply_1d",
    "apply_3d",
    "read_cube",
    "read_cube_1d",
    "read_cube_3d",
    "read_lut",
    "write_cube",
    "write_lut",
]


@dataclass(frozen=True)
class LutFormat:
    """A LUT file format: its reader and writer."""

    name: str
    read: Callable[[str | os.PathLike[str]], Lut1D | Lut3D]
    write: Callable[[str | os.PathLike[str], Lut1D | Lut3D], None]


LUT_FORMATS: dict[str, LutFormat] = {
    ".cube": LutFormat("Adobe/Iridas and Resolve cube", read_cube, write_cube),
}
"""LUT formats by lower-case file extension."""


def _format(path: str | os.PathLike[str]) -> LutFormat:
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext not in LUT_FORMATS:
        raise LutError(f"unknown LUT extension {ext!r}; known: {', '.join(sorted(LUT_FORMATS))}", path=path)
    return LUT_FORMATS[ext]


def read_lut(path: str | os.PathLike[str]) -> Lut1D | Lut3D:
    """Read the LUT a file holds, choosing the reader by extension."""
    return _format(path).read(path)


def write_lut(path: str | os.PathLike[str], lut: Lut1D | Lut3D) -> None:
    """Write `lut`, choosing the writer by extension."""
    _format(path).write(path, lut)


def apply_3d(data: np.ndarray, lut: Lut3D, interpolation: str = "tetrahedral") -> np.ndarray:
    """Apply a 3D LUT (and its shaper) in place to float32 ``(..., 3|4)`` `data`; alpha untouched."""
    from vfx_rs.pipeline.execute import apply_ops

    check_inplace_float32(data, "data", channels=(3, 4))
    if not isinstance(lut, Lut3D):
        raise LutError(f"apply_3d needs a Lut3D, got {type(lut).__name__}")
    return apply_ops(lut.to_ops(interpolation), data)


def apply_1d(data: np.ndarray, lut: Lut1D) -> np.ndarray:
    """Apply a 1D LUT in place to float32 ``(..., 3|4)`` `data`; alpha untouched."""
    from vfx_rs.pipeline.execute import apply_ops

    check_inplace_float32(data, "data", channels=(3, 4))
    if not isinstance(lut, Lut1D):
        raise LutError(f"apply_1d needs a Lut1D, got {type(lut).__name__}")
    return apply_ops(lut.to_ops(), data)
