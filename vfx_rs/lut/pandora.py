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
from vfx_rs.lut.limits import MAX_3D_SIZE, Path, check_size, read_text
from vfx_rs.lut.lut import Lut3D

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
    size, out_max, in_table = 0, 0, False
    values: list[list[int]] = []
    for number, raw in enumerate(read_text(path, "Pandora").splitlines(), start=1):
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
            count = _int_tag(path, number, parts)
            edge = round(count ** (1.0 / 3.0)) if count > 0 else 0
            if edge**3 != count:
                raise LutError(f"'in' {count} is not the number of points of a cube", path=path, line=number)
            size = check_size(edge, MAX_3D_SIZE, "3D LUT size", path, number)
        elif tag == "out":
            out_max = _int_tag(path, number, parts)
        elif tag == "values":
            in_table = True
        elif tag not in ("channel", "format") and in_table:
            entry = [whole_number(p) for p in parts]
            if len(entry) != 4 or None in entry:
                raise LutError(f"a LUT entry needs 4 whole numbers: {raw.strip()[:60]!r}", path=path, line=number)
            values.append(entry[1:])  # type: ignore[arg-type]
            if len(values) > MAX_3D_SIZE**3:
                raise LutError("more LUT entries than any allowed lattice", path=path, line=number)
    if not values or len(values) != size**3:
        raise LutError(f"the file has {len(values)} LUT entries, expected {size**3} ('in' tag)", path=path)
    if out_max <= 0:
        raise LutError("no valid 'out' tag (a positive output code range)", path=path)
    scale = np.float32(1.0) / (np.float32(out_max) - np.float32(1.0))  # float32, as OCIO
    table = (np.array(values, dtype=np.float32) * scale).astype(np.float64)
    # Blue fastest in the file: [r, g, b] -> the [b, g, r] layout of Lut3D.
    return Lut3D.adopt(np.ascontiguousarray(table.reshape(size, size, size, 3).transpose(2, 1, 0, 3)))
