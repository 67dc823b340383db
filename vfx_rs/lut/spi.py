"""Sony Pictures Imageworks LUT files: ``.spi1d``, ``.spi3d`` and ``.spimtx``.

The formats as OpenColorIO reads and bakes them (FileFormatSpi1D.cpp,
FileFormatSpi3D.cpp, FileFormatSpiMtx.cpp):

- ``.spi1d``: header lines ``Version 1``, ``From lo hi`` (input range,
  default 0 1), ``Length n`` and ``Components 1|2|3``, then ``{``, one line of
  ``Components`` numbers per entry, ``}``. One component is used for all three
  channels; with two, blue is 0.
- ``.spi3d``: ``SPILUT 1.0``, ``3 3``, ``n n n``, then one ``r g b R G B``
  line per lattice point (integer indices, then the output); the domain is
  0..1. OCIO's baker writes blue fastest; any order is accepted, each point
  exactly once.
- ``.spimtx``: 12 numbers, three rows of ``m0 m1 m2 offset``; the offsets are
  in 16-bit code values (divided by 65535).
"""

from __future__ import annotations

import numpy as np

from vfx_rs._text import whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.chain import LutChain
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE, Path, check_size, parse_rows, read_text
from vfx_rs.lut.lut import Lut1D, Lut3D
from vfx_rs.lut.rows import Rows, TextLines
from vfx_rs.pipeline.ops.matrix import MatrixOp

__all__ = ["read_spi1d", "read_spi3d", "read_spimtx", "write_spi1d", "write_spi3d"]

SPIMTX_OFFSET_SCALE = 65535.0
"""``.spimtx`` offsets are 16-bit code values: OCIO divides them by 65535 (FileFormatSpiMtx.cpp)."""


def _lines(path: Path, what: str) -> list[tuple[int, str]]:
    """Non-blank stripped lines with their 1-based numbers."""
    text = read_text(path, what)
    return [(n, s) for n, raw in enumerate(text.splitlines(), start=1) if (s := raw.strip())]


def _int(path: Path, line: int, key: str, args: list[str]) -> int:
    value = whole_number(args[0]) if len(args) == 1 else None
    if value is None:
        raise LutError(f"{key} needs one whole number, got {' '.join(args)[:60]!r}", path=path, line=line)
    return value


class _Columns:
    """A `Rows` sink writing each parsed block into one ``(rows, 3)`` table; one component fills all three
    channels, two leave blue 0 (as OCIO). The table grows if a file holds more rows than its line count
    bound said (a line break split across read chunks)."""

    def __init__(self, rows: int) -> None:
        self.table = np.zeros((rows, 3))

    def __call__(self, start: int, block: np.ndarray) -> None:
        if start + len(block) > len(self.table):
            self.table = np.concatenate([self.table, np.zeros((start + len(block) - len(self.table), 3))])
        rows = self.table[start : start + len(block)]
        rows[:, : block.shape[1]] = block
        if block.shape[1] == 1:
            rows[:, 1:] = block


def _spi1d_header(path: Path, header: dict[str, tuple[int, list[str]]], opening: int) -> tuple[int, int, float, float]:
    """Length, Components and the From range of a ``.spi1d`` header, checked (`opening`: the '{' line)."""
    for key in ("Version", "Length", "Components"):
        if key not in header:
            raise LutError(f"no {key} line before the table", path=path, line=opening)
    if _int(path, header["Version"][0], "Version", header["Version"][1]) != 1:
        raise LutError("only Version 1 is supported", path=path, line=header["Version"][0])
    size = check_size(
        _int(path, header["Length"][0], "Length", header["Length"][1]), MAX_1D_SIZE, "Length", path, header["Length"][0]
    )
    comps = _int(path, header["Components"][0], "Components", header["Components"][1])
    check_size(comps, 3, "Components", path, header["Components"][0], low=1)
    lo, hi = 0.0, 1.0
    if "From" in header:
        line, args = header["From"]
        try:
            lo, hi = (float(a) for a in args)
        except ValueError:
            raise LutError(f"From needs two numbers, got {' '.join(args)!r}", path=path, line=line) from None
        if not (np.isfinite(lo) and np.isfinite(hi) and hi > lo):
            raise LutError(f"From range {lo} {hi} must be finite and increasing", path=path, line=line)
    return size, comps, lo, hi


def read_spi1d(path: Path) -> Lut1D:
    """Read a ``.spi1d`` file as a `Lut1D` whose domain is the ``From`` range.

    Raises
    ------
    LutError
        A missing or malformed header line, a count of entries not matching
        ``Length``, naming the file and line (NaN and infinities are read, as OCIO does).
    """
    text_lines = TextLines(path, ".spi1d")
    header: dict[str, tuple[int, list[str]]] = {}
    rows: Rows | None = None  # the table's rows, parsed in blocks as they are read (issue 16: O(table) memory)
    size = comps = 0
    lo, hi = 0.0, 1.0
    last = opening = closing = 0
    extra_line = None  # the first row beyond Length
    extra = 0
    for number, raw in text_lines:
        if not (text := raw.strip()):
            continue
        last = number
        if rows is None:
            if text.startswith("{"):
                if text != "{":
                    raise LutError("'{' must stand alone on its line", path=path, line=number)
                opening = number
                size, comps, lo, hi = _spi1d_header(path, header, number)
                columns = _Columns(min(size, text_lines.bound))  # a short file claiming a huge Length: no more
                rows = Rows(path, comps, len(columns.table), sink=columns)
                continue
            if text.startswith("#"):
                continue
            key, *args = text.split()
            if key not in ("Version", "From", "Length", "Components"):
                raise LutError(f"unknown header line {text[:60]!r}", path=path, line=number)
            if key in header:
                raise LutError(f"{key} given twice (first on line {header[key][0]})", path=path, line=number)
            header[key] = (number, args)
            continue
        if text.startswith("}"):
            # Text after the closing brace (a comment, a signature) is ignored, as OCIO stops reading there.
            if text != "}":
                raise LutError("'}' must stand alone on its line", path=path, line=number)
            closing = number
            break
        if len(rows) < size:
            rows.append(number, text)
        else:
            extra_line = extra_line or number
            extra += 1
    if rows is None:
        raise LutError("no '{' opening the table", path=path, line=last or None)
    if not closing:
        raise LutError("no '}' closing the table", path=path, line=last or opening)
    if len(rows) + extra != size:
        raise LutError(
            f"Length is {size} but the table has {len(rows) + extra} entries", path=path, line=extra_line or closing
        )
    rows.check(".spi1d table")
    return Lut1D.adopt(columns.table, np.full(3, lo), np.full(3, hi))


def read_spi3d(path: Path) -> Lut3D:
    """Read a ``.spi3d`` file as a `Lut3D` over 0..1.

    Raises
    ------
    LutError
        A malformed header, an index outside the lattice or given twice, a
        missing point, naming the file and line (NaN and infinities are read, as OCIO does).
    """
    text_lines = TextLines(path, ".spi3d")
    lines: list[tuple[int, str]] = []  # the three header lines
    rows: Rows | None = None
    scatter: _Scatter | None = None
    n = wanted = 0
    for number, raw in text_lines:
        if not (text := raw.strip()):
            continue
        if rows is None:
            lines.append((number, text))
            if len(lines) == 3:
                n = _spi3d_size(path, lines)
                wanted = n**3
                if text_lines.bound >= wanted:  # else too short: count its rows for the message, no table
                    scatter = _Scatter(n)
                rows = Rows(path, 6, min(wanted, text_lines.bound), sink=scatter.add if scatter else _discard)
            continue
        if not wanted:
            break  # OCIO stops reading once every lattice point is set; later lines are ignored
        rows.append(number, text)
        wanted -= 1
    if rows is None:
        _spi3d_size(path, lines)
        raise LutError("header is incomplete (needs 'SPILUT', '3 3' and the sizes)", path=path)
    if len(rows) < n**3 or scatter is None:
        raise LutError(
            f"a {n}^3 LUT needs {n**3} entries, the file has {len(rows)}",
            path=path,
            line=rows.line(-1) if len(rows) else lines[2][0],
        )
    rows.check(".spi3d table")
    if scatter.bad is not None:
        row, index = scatter.bad
        raise LutError(f"lattice index {_point(index)} outside 0..{n - 1}", path=path, line=rows.line(row))
    if scatter.repeat is not None:  # n^3 points and one given twice: another is missing
        row, index = scatter.repeat
        raise LutError(f"lattice point {_point(index)} given twice", path=path, line=rows.line(row))
    return Lut3D.adopt(scatter.table.reshape(n, n, n, 3))


def _discard(start: int, block: np.ndarray) -> None:
    """A `Rows` sink that keeps nothing (a file too short for its lattice is only counted)."""


class _Scatter:
    """``.spi3d`` rows (lattice index, then value) written into the table block by block as they are parsed,
    keeping the first row whose index is outside the lattice or given again."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.table = np.empty((n**3, 3))
        self.seen = np.zeros(n**3, dtype=bool)
        self.bad: tuple[int, np.ndarray] | None = None
        self.repeat: tuple[int, np.ndarray] | None = None

    def add(self, start: int, block: np.ndarray) -> None:
        n, idx = self.n, block[:, :3]
        invalid = np.any((idx != np.round(idx)) | (idx < 0) | (idx >= n), axis=1)
        if self.bad is None and invalid.any():
            first = int(np.flatnonzero(invalid)[0])
            self.bad = (start + first, idx[first].copy())
        ok = np.flatnonzero(~invalid)
        r, g, b = idx[ok].astype(np.intp).T
        flat = (b * n + g) * n + r
        if self.repeat is None:
            again = self.seen[flat]  # given in an earlier block
            within = np.ones(flat.size, dtype=bool)
            within[np.unique(flat, return_index=True)[1]] = False  # earlier rows of this block
            repeated = np.flatnonzero(again | within)
            if repeated.size:
                row = int(ok[repeated[0]])
                self.repeat = (start + row, idx[row].copy())
        self.seen[flat] = True
        self.table[flat] = block[ok, 3:]


def _point(index: np.ndarray) -> str:
    """A lattice index as the file wrote it, for messages: ``['0', '1', '2.5']``."""
    return str([f"{v:g}" for v in index])


def _spi3d_size(path: Path, lines: list[tuple[int, str]]) -> int:
    """The lattice size from the three header lines (``SPILUT 1.0``, ``3 3``, ``n n n``) read so far."""
    if not lines or not lines[0][1].upper().startswith("SPILUT"):
        raise LutError(
            "not a .spi3d file: the first line must start with 'SPILUT'", path=path, line=lines[0][0] if lines else 1
        )
    if len(lines) < 3:
        raise LutError("header is incomplete (needs 'SPILUT', '3 3' and the sizes)", path=path)
    if lines[1][1].split() != ["3", "3"]:
        raise LutError(
            f"second line must be '3 3' (3 inputs, 3 outputs), got {lines[1][1][:60]!r}", path=path, line=lines[1][0]
        )
    number, text = lines[2]
    parts = text.split()
    sizes = [s for s in map(whole_number, parts) if s is not None]
    if len(parts) != 3 or len(sizes) != 3:
        raise LutError(f"sizes line needs three whole numbers, got {text[:60]!r}", path=path, line=number)
    if len(set(sizes)) != 1:
        raise LutError(f"sizes must be equal on every axis, got {text!r}", path=path, line=number)
    return check_size(sizes[0], MAX_3D_SIZE, "3D LUT size", path, number)


def read_spimtx(path: Path) -> LutChain:
    """Read a ``.spimtx`` file as a one-step `LutChain` holding a `MatrixOp`.

    Raises
    ------
    LutError
        Not exactly 12 finite numbers within the float32 range (OCIO refuses the others but
        applies ``nan`` and ``inf`` entries; a `MatrixOp` holds finite matrices only).
    """
    lines = _lines(path, ".spimtx")
    values = [(n, tok) for n, text in lines for tok in text.split()]
    if len(values) != 12:
        raise LutError(
            f"a .spimtx file holds 12 numbers, this one {len(values)}",
            path=path,
            line=values[12][0] if len(values) > 12 else None,
        )
    rows = parse_rows(path, [(n, tok) for n, tok in values], 1, ".spimtx").reshape(3, 4)
    unapplied = np.flatnonzero(~np.isfinite(rows))
    if unapplied.size:  # OCIO applies them; a MatrixOp (and its fusing) holds finite matrices only
        line, token = values[int(unapplied[0])]
        raise LutError(
            f".spimtx value {token[:40]} is NaN or infinity; vfx_rs applies finite matrices only", path=path, line=line
        )
    return LutChain([MatrixOp(matrix=rows[:, :3], offset=rows[:, 3] / SPIMTX_OFFSET_SCALE)])


def _number_text(table: np.ndarray, fmt: str) -> str:
    import io

    buffer = io.StringIO()
    np.savetxt(buffer, table, fmt=fmt)
    return buffer.getvalue()


def write_spi1d(path: Path, lut: Lut1D, precision: int = 10) -> None:
    """Write a `Lut1D` as ``.spi1d`` (atomically), with `precision` significant digits.

    One component is written when the three channels are equal. The format has
    one input range for all channels, so the domain must be the same on each.
    """
    from vfx_rs.io.atomic import atomic_output

    if not isinstance(lut, Lut1D):
        raise LutError(f"a .spi1d file holds a Lut1D, got {type(lut).__name__}", path=path)
    if np.any(lut.domain_min != lut.domain_min[0]) or np.any(lut.domain_max != lut.domain_max[0]):
        raise LutError(".spi1d has one input range for all channels; this LUT's domain differs per channel", path=path)
    same = bool(np.all(lut.data == lut.data[:, :1]))
    table = lut.data[:, :1] if same else lut.data
    fmt = f"%.{precision}g"
    head = (
        f"Version 1\nFrom {lut.domain_min[0]:.{precision}g} {lut.domain_max[0]:.{precision}g}\n"
        f"Length {lut.size}\nComponents {table.shape[1]}\n{{\n"
    )
    body = _number_text(table, " ".join([fmt] * table.shape[1]))
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(head + body + "}\n")


def write_spi3d(path: Path, lut: Lut3D, precision: int = 10) -> None:
    """Write a `Lut3D` as ``.spi3d`` (atomically), blue fastest as OCIO bakes it.

    The format has no domain and no shaper: the LUT must span 0..1 on every
    channel and have no shaper (write a ``.cube`` file for those).
    """
    from vfx_rs.io.atomic import atomic_output

    if not isinstance(lut, Lut3D):
        raise LutError(f"a .spi3d file holds a Lut3D, got {type(lut).__name__}", path=path)
    if lut.shaper is not None or np.any(lut.domain_min != 0) or np.any(lut.domain_max != 1):
        raise LutError(".spi3d holds a 3D LUT over 0..1 without a shaper; write a .cube file for this LUT", path=path)
    n = lut.size
    r, g, b = np.meshgrid(np.arange(n), np.arange(n), np.arange(n), indexing="ij")
    rgb_out = lut.data.transpose(2, 1, 0, 3).reshape(-1, 3)  # [r, g, b]: blue fastest
    rows = np.column_stack([r.ravel(), g.ravel(), b.ravel(), rgb_out])
    fmt = f"%d %d %d %.{precision}g %.{precision}g %.{precision}g"
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(f"SPILUT 1.0\n3 3\n{n} {n} {n}\n" + _number_text(rows, fmt))
