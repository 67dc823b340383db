"""Nuke ``.vf`` 3D LUT files, read as OpenColorIO reads them (FileFormatVF.cpp).

The first line starts with ``#Inventor`` (``#Inventor V2.1 ascii``); then
``grid_size n n n`` (equal sizes), an optional ``global_transform`` of 16
numbers, ``data``, and one ``r g b`` line per lattice point, blue fastest.
Lines after ``data`` that are not three numbers are skipped, as OCIO skips
them. The global transform is a 4x4 row-major matrix applied before the
table, its first three columns multiplied by the grid size, exactly as OCIO
builds it (an RGBA matrix on RGB with alpha 1); the inverse undoes the table,
then the matrix.
"""

from __future__ import annotations

import numpy as np

from vfx_rs._text import whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.chain import LutChain
from vfx_rs.lut.limits import MAX_3D_SIZE, Path, check_size, read_text
from vfx_rs.lut.lut import Lut3D
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.matrix import MatrixOp
from vfx_rs.pipeline.ops.matrix_alpha import AlphaMatrixOp

__all__ = ["read_vf"]


def _floats(parts: list[str]) -> list[float] | None:
    try:
        return [float(p) for p in parts]
    except ValueError:
        return None


def _matrix_op(values: list[float], size: int) -> Op:
    m44 = np.array(values, dtype=np.float32).reshape(4, 4)
    m44[:, :3] *= np.float32(size)  # float32, as OCIO scales it
    full = m44.astype(np.float64)
    if np.any(full[:3, 3]):  # alpha feeds RGB
        return AlphaMatrixOp(matrix=full, offset=np.zeros(4))
    return MatrixOp(matrix=full[:3, :3])


def read_vf(path: Path) -> LutChain:
    """Read a Nuke ``.vf`` file: its global transform (if any) and its `Lut3D`, as a `LutChain`.

    Raises
    ------
    LutError
        No ``#Inventor`` first line, a malformed ``grid_size`` or
        ``global_transform`` line, unequal grid sizes, or a count of entries not
        matching the grid, naming the file and line.
    """
    lines = read_text(path, "Nuke .vf").splitlines()
    if not lines or not lines[0].lower().startswith("#inventor"):
        raise LutError("not a Nuke .vf LUT: expecting '#Inventor V2.1 ascii' on the first line", path=path, line=1)
    size, transform, in_data = 0, None, False
    values: list[list[float]] = []
    for number, raw in enumerate(lines[1:], start=2):
        parts = raw.lower().split()
        if not parts or parts[0].startswith("#"):
            continue
        if in_data:
            floats = _floats(parts)
            if floats is not None and len(floats) == 3:
                values.append(floats)
                if len(values) > MAX_3D_SIZE**3:
                    raise LutError("more LUT entries than any allowed lattice", path=path, line=number)
        elif parts[0] == "grid_size":
            sizes = [whole_number(p) for p in parts[1:]]
            if len(sizes) != 3 or None in sizes:
                raise LutError("malformed grid_size line: it needs 3 whole numbers", path=path, line=number)
            if len(set(sizes)) != 1:
                raise LutError(
                    f"only equal grid sizes are supported, got {' '.join(parts[1:])}", path=path, line=number
                )
            size = check_size(sizes[0], MAX_3D_SIZE, "grid size", path, number)  # type: ignore[arg-type]
        elif parts[0] == "global_transform":
            transform = _floats(parts[1:])
            if transform is None or len(transform) != 16:
                raise LutError("malformed global_transform line: it needs 16 numbers", path=path, line=number)
        elif parts[0] == "data":
            in_data = True
    if not size or len(values) != size**3:
        raise LutError(f"the file has {len(values)} LUT entries, expected {size**3} (grid_size)", path=path)
    table = np.array(values, dtype=np.float64)
    if not np.all(np.isfinite(table)):
        raise LutError("a LUT entry holds NaN or infinity", path=path)
    # Blue fastest in the file: [r, g, b] -> the [b, g, r] layout of Lut3D.
    lut = Lut3D.adopt(np.ascontiguousarray(table.reshape(size, size, size, 3).transpose(2, 1, 0, 3)))
    return LutChain([lut] if transform is None else [_matrix_op(transform, size), lut])
