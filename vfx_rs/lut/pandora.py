"""Pandora ``.mga``/``.m3d`` 3D LUT files, read as OpenColorIO reads them (FileFormatPandora.cpp).

Tag lines (case-insensitive): ``channel 3d``, ``in N`` (the number of lattice
points, a cube of 2..`MAX_3D_SIZE`), ``out M`` (the output code range: values
are divided by ``M - 1``), ``format lut``, ``values red green blue``; then one
line per point, ``index r g b`` in integers, blue fastest. ``#`` starts a
comment line. Other channel, format or value layouts are refused, as OCIO
refuses them.
"""

from __future__ import annotations

import numpy as np

from vfx_rs._text import whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.limits import MAX_3D_SIZE, Path, check_size
from vfx_rs.lut.lut import Lut3D
from vfx_rs.lut.rows import TextLines

__all__ = ["read_pandora"]


def _int_tag(path: Path, number: int, parts: list[str]) -> int:
    value = whole_number(parts[1]) if len(parts) == 2 else None
    if value is None:
        raise LutError(f"malformed {parts[0]!r} tag: it needs one whole number", path=path, line=number)
    return value


def read_pandora(path: Path) -> Lut3D:
    """Read a Pandora ``.mga``/``.m3d`` file as a `Lut3D` over [0, 1].

    Raises
    ------
    LutError
        A malformed or unsupported tag, a data line that is not four whole
        numbers, a point count that is not a cube or does not match ``in``,
        or no valid ``out`` tag, naming the file and line.
    """
    text_lines = TextLines(path, "Pandora")
    size, out_max, in_table = 0, 0, False
    entries = np.empty((0, 3))  # parsed as read, sized by 'in' (or the file's lines): issue 16's O(table) memory
    count = 0
    for number, raw in text_lines:
        parts = raw.lower().split()
        if not parts or parts[0].startswith("#"):
            continue
        tag = parts[0]
        if tag == "channel" and parts[1:] != ["3d"]:
            raise LutError("only 3D LUTs are supported ('channel 3d')", path=path, line=number)
        if tag == "format" and parts[1:] != ["lut"]:
            raise LutError("only LUTs are supported ('format lut')", path=path, line=number)
        if tag == "values" and parts[1:] != ["red", "green", "blue"]:
            raise LutError("only RGB LUTs are supported ('values red green blue')", path=path, line=number)
        if tag == "in":
            points = _int_tag(path, number, parts)
            edge = round(points ** (1.0 / 3.0)) if points > 0 else 0
            if edge**3 != points:
                raise LutError(f"'in' {points} is not the number of points of a cube", path=path, line=number)
            size = check_size(edge, MAX_3D_SIZE, "3D LUT size", path, number)
        elif tag == "out":
            out_max = _int_tag(path, number, parts)
        elif tag == "values":
            in_table = True
        elif tag not in ("channel", "format") and in_table:
            entry = [whole_number(p) for p in parts]
            if len(entry) != 4 or None in entry:
                raise LutError(f"a LUT entry needs 4 whole numbers: {raw.strip()[:60]!r}", path=path, line=number)
            if count == len(entries):
                if count >= MAX_3D_SIZE**3:
                    raise LutError("more LUT entries than any allowed lattice", path=path, line=number)
                grown = max(min(size**3 or text_lines.bound, text_lines.bound), 2 * count, 1024)
                entries = np.resize(entries, (grown, 3)) if count else np.empty((grown, 3))
            try:
                entries[count] = entry[1:]
            except OverflowError:
                raise LutError(
                    f"a LUT entry is beyond any float: {raw.strip()[:60]!r}", path=path, line=number
                ) from None
            count += 1
    if not count or count != size**3:
        raise LutError(f"the file has {count} LUT entries, expected {size**3} ('in' tag)", path=path)
    if out_max <= 0:
        raise LutError("no valid 'out' tag (a positive output code range)", path=path)
    scale = np.float32(1.0) / (np.float32(out_max) - np.float32(1.0))  # float32, as OCIO
    codes = entries[:count].astype(np.float32)
    del entries
    codes *= scale
    # Blue fastest in the file: [r, g, b] -> the [b, g, r] layout of Lut3D.
    table = np.empty((size, size, size, 3))
    table[...] = codes.reshape(size, size, size, 3).transpose(2, 1, 0, 3)
    return Lut3D.adopt(table)
