"""FilmLight Truelight ``.cub`` LUT files, read as OpenColorIO reads them (FileFormatTruelight.cpp).

A file starts with ``# Truelight Cube``; ``# width n n n`` gives the 3D
lattice (equal sizes), ``# lutLength m`` an optional 1D input LUT; the rows
of three numbers after ``# InputLUT`` are that 1D LUT, in lattice index
units (OCIO divides them by ``n - 1``), those after ``# Cube`` the 3D table,
red fastest; ``# end`` stops the reading. Tag names are case-insensitive.
The 1D LUT, when present, is applied before the 3D table.
"""

from __future__ import annotations

from vfx_rs.errors import LutError
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE, Path, check_size
from vfx_rs.lut.lut import Lut1D, Lut3D
from vfx_rs.lut.rows import Rows, TextLines

__all__ = ["read_truelight"]


def _tag_int(digits: str) -> int:
    """A tag's whole number; past 18 digits (beyond any size, and Python's 4300-digit limit) a value `check_size`
    refuses."""
    return int(digits) if len(digits.lstrip("+-")) <= 18 else 2**63


def read_truelight(path: Path) -> Lut1D | Lut3D:
    """Read a Truelight ``.cub`` file: a `Lut3D` (with its input LUT as the shaper), or a `Lut1D` alone.

    Raises
    ------
    LutError
        Not a Truelight file, a malformed ``width`` or ``lutLength`` tag,
        unequal lattice sizes, or a count of rows not matching the tags,
        naming the file and line.
    """
    text_lines = TextLines(path, "Truelight .cub")  # rows parsed in blocks as they are read (issue 16)
    size3d, size1d = 0, 0
    rows: dict[str, Rows] = {}
    section = ""
    first = True
    for number, raw in text_lines:
        if first:
            if not raw.strip().lower().startswith("# truelight cube"):
                raise LutError(
                    "not a Truelight .cub LUT: the first line must start with '# Truelight Cube'", path=path, line=1
                )
            first = False
            continue
        parts = raw.strip().lower().split()
        if not parts:
            continue
        if parts[0].startswith("#"):
            tag = parts[1] if len(parts) > 1 else ""
            if tag == "width":
                if len(parts) != 5 or not all(p.lstrip("+-").isdigit() for p in parts[2:]):
                    raise LutError("malformed width tag", path=path, line=number)
                if len(set(parts[2:])) != 1:
                    raise LutError(
                        f"only equal lattice sizes are supported, got {' '.join(parts[2:])}", path=path, line=number
                    )
                size3d = check_size(_tag_int(parts[2]), MAX_3D_SIZE, "3D LUT size", path, number)
            elif tag == "lutlength":
                if len(parts) != 3 or not parts[2].lstrip("+-").isdigit():
                    raise LutError("malformed lutLength tag", path=path, line=number)
                size1d = check_size(_tag_int(parts[2]), MAX_1D_SIZE, "lutLength", path, number)
            elif tag in ("inputlut", "cube"):
                section = tag
            elif tag == "end":
                break
            continue
        if section and len(parts) == 3:
            if section not in rows:  # sized by its tag when given first, never beyond the file's lines
                wanted = (size3d**3 if section == "cube" else size1d) or text_lines.bound
                rows[section] = Rows(path, 3, min(wanted, text_lines.bound))
            rows[section].append(number, raw.strip())
    if first:
        raise LutError("not a Truelight .cub LUT: the first line must start with '# Truelight Cube'", path=path, line=1)
    found = {name: len(rows[name]) if name in rows else 0 for name in ("inputlut", "cube")}
    if found["inputlut"] != size1d:
        raise LutError(f"lutLength is {size1d} but the input LUT has {found['inputlut']} rows", path=path)
    if found["cube"] != size3d**3:
        raise LutError(f"width is {size3d} but the cube has {found['cube']} rows", path=path)
    shaper = None
    if size1d:
        values = rows["inputlut"].table(0, size1d, "Truelight input LUT")
        shaper = Lut1D(values / (size3d - 1) if size3d else values)
    if not size3d:
        if shaper is None:
            raise LutError("the file holds neither a cube nor an input LUT", path=path)
        return shaper
    cube = rows["cube"].table(0, size3d**3, "Truelight cube").reshape(size3d, size3d, size3d, 3)
    return Lut3D.adopt(cube, shaper=shaper)
