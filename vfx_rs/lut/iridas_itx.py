"""Iridas ``.itx`` 3D LUT files, read as OpenColorIO reads them (FileFormatIridasItx.cpp).

``LUT_3D_SIZE n`` (keyword case-insensitive), then ``n**3`` lines of three
numbers, red fastest; ``#`` starts a comment line and blank lines are
skipped. The domain is [0, 1]. A line that is not three numbers after the
size, a count of entries other than ``n**3`` or no size at all is refused.
"""

from __future__ import annotations

from vfx_rs._text import whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.limits import MAX_3D_SIZE, Path, check_size
from vfx_rs.lut.lut import Lut3D
from vfx_rs.lut.rows import Rows, TextLines

__all__ = ["read_itx"]


def read_itx(path: Path) -> Lut3D:
    """Read an Iridas ``.itx`` file as a `Lut3D` over [0, 1].

    Raises
    ------
    LutError
        A malformed ``LUT_3D_SIZE`` line, a data line that is not three numbers,
        a count of entries not matching the size, or no size, naming the file and line.
    """
    text_lines = TextLines(path, "Iridas .itx")  # rows parsed in blocks as they are read (issue 16)
    size, rows = 0, None
    for number, raw in text_lines:
        if raw.startswith("#"):
            continue
        parts = raw.split()
        if not parts:
            continue
        if parts[0].lower() == "lut_3d_size":
            value = whole_number(parts[1]) if len(parts) == 2 else None
            if value is None:
                raise LutError("malformed LUT_3D_SIZE line", path=path, line=number)
            size = check_size(value, MAX_3D_SIZE, "LUT_3D_SIZE", path, number)
        elif size:
            if rows is None:
                rows = Rows(path, 3, min(size**3, text_lines.bound))
            rows.append(number, raw.strip())
    if not size:
        raise LutError("no LUT_3D_SIZE line: the file holds no 3D LUT", path=path)
    found = len(rows) if rows is not None else 0
    if rows is None or found != size**3:
        raise LutError(f"LUT_3D_SIZE is {size} but the file has {found} entries, not {size**3}", path=path)
    return Lut3D.adopt(rows.table(0, size**3, "Iridas .itx").reshape(size, size, size, 3))
