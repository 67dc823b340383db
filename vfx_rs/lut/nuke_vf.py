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

from array import array

import numpy as np

from vfx_rs._text import whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.chain import LutChain
from vfx_rs.lut.limits import MAX_3D_SIZE, Path, beyond_float32, check_size
from vfx_rs.lut.lut import Lut3D
from vfx_rs.lut.rows import TextLines
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.matrix import MatrixOp
from vfx_rs.pipeline.ops.matrix_alpha import AlphaMatrixOp

__all__ = ["read_vf"]


def _floats(parts: list[str]) -> list[float] | None:
    """The numbers of a line, or None (OCIO skips such data lines) if one is not a number or is
    `beyond_float32`; ``nan`` and ``inf`` are read, as OCIO reads them."""
    try:
        values = [float(p) for p in parts]
    except ValueError:
        return None
    return None if any(beyond_float32(p, v) for p, v in zip(parts, values, strict=True)) else values


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
    size, transform, in_data, first = 0, None, False, True
    table: np.ndarray | None = None  # filled as rows arrive (issue 16: memory in proportion to the table)
    extra = array("d")  # rows when no grid_size came before the data: placed at the end
    count = 0
    for number, raw in TextLines(path, "Nuke .vf"):
        if first:
            if not raw.lower().startswith("#inventor"):
                raise LutError(
                    "not a Nuke .vf LUT: expecting '#Inventor V2.1 ascii' on the first line", path=path, line=1
                )
            first = False
            continue
        parts = raw.lower().split()
        if not parts or parts[0].startswith("#"):
            continue
        if in_data:
            floats = _floats(parts)
            if floats is not None and len(floats) == 3:
                if count >= MAX_3D_SIZE**3:
                    raise LutError("more LUT entries than any allowed lattice", path=path, line=number)
                if table is None and size and not extra:
                    table = np.zeros((size, size, size, 3))
                if table is not None and count < size**3:
                    n = size  # blue fastest in the file: row r*n*n + g*n + b is table[b, g, r] (red fastest)
                    table[count % n, count // n % n, count // (n * n)] = floats
                else:
                    extra.extend(floats)
                count += 1
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
    if first:
        raise LutError("not a Nuke .vf LUT: expecting '#Inventor V2.1 ascii' on the first line", path=path, line=1)
    if not size or count != size**3:
        raise LutError(f"the file has {count} LUT entries, expected {size**3} (grid_size)", path=path)
    if table is not None and len(table) != size:
        raise LutError(f"grid_size changed to {size} after the data began", path=path)
    if table is None:  # the grid size came after the data
        flat = np.frombuffer(extra, dtype=np.float64).reshape(size, size, size, 3)
        table = np.ascontiguousarray(flat.transpose(2, 1, 0, 3))
    lut = Lut3D.adopt(table)
    return LutChain([lut] if transform is None else [_matrix_op(transform, size), lut])
