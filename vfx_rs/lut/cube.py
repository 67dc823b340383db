"""``.cube`` LUT files: the Adobe/Iridas and DaVinci Resolve dialects.

Adobe Cube LUT Specification 1.0 (2013): ``TITLE "text"``, ``LUT_1D_SIZE N``
(2..65536) or ``LUT_3D_SIZE N`` (2..256), ``DOMAIN_MIN r g b`` and
``DOMAIN_MAX r g b``, ``#`` comments, then one ``r g b`` line per entry, red
fastest for 3D. Resolve writes ``LUT_1D_INPUT_RANGE lo hi`` and
``LUT_3D_INPUT_RANGE lo hi`` and may put both sizes in one file: the 1D table
comes first and is a shaper applied before the 3D table (as OpenColorIO's
FileFormatResolveCube.cpp reads it). 1D tables are accepted up to 2**20
entries.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

import numpy as np

from vfx_rs._text import whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE
from vfx_rs.lut.lut import Lut1D, Lut3D
from vfx_rs.lut.rows import Rows, TextLines

__all__ = ["MAX_1D_SIZE", "MAX_3D_SIZE", "read_cube", "read_cube_1d", "read_cube_3d", "write_cube"]

_KEYWORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

Path = str | os.PathLike[str]


@dataclass
class _Header:
    path: Path
    values: dict[str, tuple[int, list[str]]] = field(default_factory=dict)

    def set(self, key: str, line: int, args: list[str]) -> None:
        if key in self.values:
            raise LutError(f"{key} given twice (first on line {self.values[key][0]})", path=self.path, line=line)
        self.values[key] = (line, args)

    def floats(self, key: str, count: int) -> np.ndarray | None:
        if key not in self.values:
            return None
        line, args = self.values[key]
        try:
            vals = np.array([float(a) for a in args], dtype=np.float64)
        except ValueError:
            raise LutError(f"{key} needs {count} numbers, got {' '.join(args)!r}", path=self.path, line=line) from None
        if vals.size != count or not np.all(np.isfinite(vals)):
            raise LutError(f"{key} needs {count} finite numbers, got {' '.join(args)!r}", path=self.path, line=line)
        return vals

    def size(self, key: str, limit: int) -> int | None:
        if key not in self.values:
            return None
        line, args = self.values[key]
        n = whole_number(args[0]) if len(args) == 1 else None
        if n is None:
            raise LutError(f"{key} needs one whole number, got {' '.join(args)[:60]!r}", path=self.path, line=line)
        if not 2 <= n <= limit:
            raise LutError(f"{key} {n} is outside 2..{limit}", path=self.path, line=line)
        return n

    def domain(self, range_key: str) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.floats("DOMAIN_MIN", 3), self.floats("DOMAIN_MAX", 3)
        rng = self.floats(range_key, 2)
        line = self.values.get(range_key, self.values.get("DOMAIN_MAX", self.values.get("DOMAIN_MIN", (None,))))[0]
        if rng is not None:
            lo, hi = np.full(3, rng[0]), np.full(3, rng[1])
        lo = np.zeros(3) if lo is None else lo
        hi = np.ones(3) if hi is None else hi
        if np.any(hi <= lo):
            raise LutError(f"domain max {hi.tolist()} is not above min {lo.tolist()}", path=self.path, line=line)
        return lo, hi


_KEYS = ("TITLE", "LUT_1D_SIZE", "LUT_3D_SIZE", "DOMAIN_MIN", "DOMAIN_MAX", "LUT_1D_INPUT_RANGE", "LUT_3D_INPUT_RANGE")


def _table(rows: Rows, start: int, count: int, what: str) -> np.ndarray:
    """``count`` RGB rows from row `start` of the data lines, as float64 ``(count, 3)``."""
    if len(rows) - start < count:
        last = rows.line(-1) if len(rows) else None
        raise LutError(f"{what} needs {count} entries, the file has {len(rows) - start}", path=rows.path, line=last)
    return rows.table(start, count, what)


def read_cube(path: Path) -> Lut1D | Lut3D:
    """Read a ``.cube`` file: a `Lut1D`, or a `Lut3D` (with its 1D shaper, if the file has one).

    Raises
    ------
    LutError
        Malformed header or table, naming the file and line.
    IoError
        The file cannot be read.
    """
    header = _Header(path)
    lines = TextLines(path, ".cube")
    rows = Rows(path, 3, lines.bound)
    started = False
    for number, raw in lines:
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        key, _, rest = text.partition(" ") if " " in text else text.partition("\t")
        if started:
            if key in _KEYS:
                raise LutError(f"{key} after the table data", path=path, line=number)
            rows.append(number, text)
            continue
        if key == "TITLE":
            header.set(key, number, [rest.strip().strip('"')])
        elif key in _KEYS:
            header.set(key, number, rest.split())
        elif _KEYWORD.match(key) and key.lower() not in ("nan", "inf", "infinity"):
            raise LutError(f"unknown keyword {key!r}", path=path, line=number)
        else:
            rows.append(number, text)
            started = True
    size1 = header.size("LUT_1D_SIZE", MAX_1D_SIZE)
    size3 = header.size("LUT_3D_SIZE", MAX_3D_SIZE)
    if size1 is None and size3 is None:
        raise LutError("no LUT_1D_SIZE or LUT_3D_SIZE line", path=path)
    title = header.values.get("TITLE", (0, [""]))[1][0]
    expected = (size1 or 0) + (size3 or 0) ** 3
    if len(rows) > expected:
        raise LutError(f"more table entries than the header's {expected}", path=path, line=rows.line(expected))
    shaper = None
    if size1 is not None:
        lo, hi = header.domain("LUT_1D_INPUT_RANGE")
        shaper = Lut1D(_table(rows, 0, size1, "1D table"), lo, hi, title)
        if size3 is None:
            return shaper
    assert size3 is not None
    lo, hi = header.domain("LUT_3D_INPUT_RANGE")
    table = _table(rows, size1 or 0, size3**3, "3D table").reshape(size3, size3, size3, 3)
    del rows
    return Lut3D.adopt(table, lo, hi, title, shaper)


def read_cube_1d(path: Path) -> Lut1D:
    """Read a ``.cube`` file holding a 1D LUT only."""
    lut = read_cube(path)
    if not isinstance(lut, Lut1D):
        raise LutError("holds a 3D LUT, not a 1D LUT (use read_cube_3d)", path=path)
    return lut


def read_cube_3d(path: Path) -> Lut3D:
    """Read a ``.cube`` file holding a 3D LUT (and maybe a 1D shaper, applied first)."""
    lut = read_cube(path)
    if not isinstance(lut, Lut3D):
        raise LutError("holds a 1D LUT, not a 3D LUT (use read_cube_1d)", path=path)
    return lut


def _fmt(values: np.ndarray, precision: int) -> str:
    return " ".join(f"{v:.{precision}g}" for v in values)


def _table_text(table: np.ndarray, precision: int) -> str:
    import io

    buffer = io.StringIO()
    np.savetxt(buffer, table.reshape(-1, 3), fmt=f"%.{precision}g")
    return buffer.getvalue()


def _uniform(lut: Lut1D | Lut3D) -> bool:
    return bool(np.all(lut.domain_min == lut.domain_min[0]) and np.all(lut.domain_max == lut.domain_max[0]))


def write_cube(path: Path, lut: Lut1D | Lut3D, precision: int = 10) -> None:
    """Write `lut` as a ``.cube`` file (atomically).

    A `Lut1D` or shaperless `Lut3D` is written in the Adobe dialect
    (``DOMAIN_MIN``/``DOMAIN_MAX`` when not 0..1); a `Lut3D` with a shaper in
    the Resolve dialect, which needs the same input range on every channel.
    Values keep `precision` significant digits (17 round-trips float64 exactly).
    """
    from vfx_rs.io.atomic import atomic_output

    if not isinstance(lut, (Lut1D, Lut3D)):
        raise LutError(f"write_cube needs a Lut1D or Lut3D, got {type(lut).__name__}", path=path)
    lines = []
    if lut.title:
        if '"' in lut.title or "\n" in lut.title:
            raise LutError("a .cube TITLE cannot hold quotes or newlines", path=path)
        lines.append(f'TITLE "{lut.title}"')
    shaper = lut.shaper if isinstance(lut, Lut3D) else None
    parts = []
    if shaper is not None:
        assert isinstance(lut, Lut3D)
        if not (_uniform(shaper) and _uniform(lut)):
            raise LutError("a .cube shaper + 3D LUT needs the same input range on all channels", path=path)
        lines += [
            f"LUT_1D_SIZE {shaper.size}",
            f"LUT_1D_INPUT_RANGE {_fmt(np.array([shaper.domain_min[0], shaper.domain_max[0]]), precision)}",
        ]
        lines += [
            f"LUT_3D_SIZE {lut.size}",
            f"LUT_3D_INPUT_RANGE {_fmt(np.array([lut.domain_min[0], lut.domain_max[0]]), precision)}",
        ]
        parts = [_table_text(shaper.data, precision), _table_text(lut.data, precision)]
    else:
        lines.append(f"LUT_{'1' if isinstance(lut, Lut1D) else '3'}D_SIZE {lut.size}")
        if np.any(lut.domain_min != 0) or np.any(lut.domain_max != 1):
            lines += [f"DOMAIN_MIN {_fmt(lut.domain_min, precision)}", f"DOMAIN_MAX {_fmt(lut.domain_max, precision)}"]
        parts = [_table_text(lut.data, precision)]
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n" + "".join(parts))
