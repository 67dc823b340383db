"""Autodesk ``.3dl`` LUT files (Flame and Lustre), read as OpenColorIO reads them.

The layout, per OpenColorIO's FileFormat3DL.cpp: ``#`` comments; optional
keyword lines (Lustre's ``3DMESH``, ``Mesh <input bits> <output bits>``,
``LUT8``, ``gamma 1.0``); one line of more than three integers, the shaper
(the mesh's input positions, in code values); then one line of three integer
code values per lattice point, blue fastest. The lattice size is the cube
root of the number of points.

The files carry no explicit bit depth: as OCIO does, the output scale of the
table (and, separately, of the shaper) is inferred from its largest value:
up to 511 means 8 bits, up to 2047 10 bits, up to 8191 12 bits, anything
larger 16 bits; codes are divided by ``2**bits - 1``. A largest value under
128 is refused (the file is probably another format). A shaper within two
codes of the identity is ignored; any other shaper becomes a 1D LUT over
0..1 applied before the 3D table.
"""

from __future__ import annotations

import re

import numpy as np

from vfx_rs._text import quote, whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE, Path, check_size
from vfx_rs.lut.lut import Lut1D, Lut3D
from vfx_rs.lut.rows import TextLines

__all__ = ["likely_bit_depth", "read_3dl"]

LOWEST_PLAUSIBLE_MAX_CODE = 128
"""A table whose largest code is below this is not taken for a ``.3dl`` (OCIO's
FORMAT3DL_CODEVALUE_LOWEST_PLAUSIBLE_MAXINT, FileFormat3DL.cpp)."""

SHAPER_IDENTITY_CODES = 2.0
"""A shaper within this many codes of the identity ramp is ignored (OCIO's IsIdentity, FileFormat3DL.cpp)."""

_KEYWORD = re.compile(r"(3DMESH|MESH|GAMMA|LUT\d*)\Z", re.IGNORECASE)


def likely_bit_depth(max_code: int) -> int:
    """The bit depth OCIO infers from a table's largest code (GetLikelyLutBitDepth, FileFormat3DL.cpp).

    Even depths from 8 to 16 are tried; a depth fits when the value is at most
    twice its largest code; 14 bits is read as 16.

    Examples
    --------
    >>> [likely_bit_depth(v) for v in (255, 511, 512, 1023, 4095, 9000, 70000)]
    [8, 8, 10, 10, 12, 16, 16]
    """
    for bits in range(8, 17, 2):
        if max_code <= 2 ** (bits + 1) - 1:
            return 16 if bits == 14 else bits
    return 16


def _bad_token(path: Path, line: int, parts: list[str], what: str) -> LutError:
    token = next((p for p in parts if whole_number(p) is None), parts[0])
    return LutError(f"{what} holds {quote(token)}, not a whole number", path=path, line=line)


def _ints(path: Path, line: int, parts: list[str], what: str) -> np.ndarray:
    try:
        return np.array(parts, dtype=np.int64)
    except (ValueError, OverflowError):
        raise _bad_token(path, line, parts, what) from None


class _Lattice:
    """Lattice codes parsed in blocks of `BLOCK` lines into one preallocated int32 array.

    Memory stays near the file's own size: the text, one int32 per code (as
    large as the float32 table) and one block of tokens, instead of a Python
    list of strings per line (which took 33 times the file's size).
    """

    BLOCK = 1 << 10

    def __init__(self, path: Path, max_points: int) -> None:
        self.path = path
        self.codes = np.empty((max_points, 3), np.int32)
        self.count = 0
        self.tokens: list[str] = []
        self.lines: list[int] = []

    def add(self, line: int, parts: list[str]) -> None:
        self.tokens.extend(parts)
        self.lines.append(line)
        if len(self.lines) == self.BLOCK:
            self.flush()

    def flush(self) -> None:
        if not self.lines:
            return
        try:
            block = np.array(self.tokens, dtype=np.int64).reshape(-1, 3)
        except (ValueError, OverflowError):
            for i, line in enumerate(self.lines):
                parts = self.tokens[3 * i : 3 * i + 3]
                if any(whole_number(p) is None for p in parts):
                    raise _bad_token(self.path, line, parts, "lattice point") from None
            raise LutError("lattice points are malformed", path=self.path, line=self.lines[0]) from None
        if block.size and (block.min() < 0 or block.max() > 2**31 - 1):
            row = int(np.flatnonzero((block < 0).any(1) | (block > 2**31 - 1).any(1))[0])
            raise LutError(
                f"lattice point code {block[row].tolist()} is outside 0..2^31-1", path=self.path, line=self.lines[row]
            )
        self.codes[self.count : self.count + len(block)] = block
        self.count += len(block)
        self.tokens.clear()
        self.lines.clear()


def _scale(path: Path, max_code: int, what: str, line: int) -> float:
    if max_code < LOWEST_PLAUSIBLE_MAX_CODE:
        raise LutError(
            f"largest {what} code {max_code} is below {LOWEST_PLAUSIBLE_MAX_CODE}: not a .3dl file of integer codes",
            path=path,
            line=line,
        )
    return float(2 ** likely_bit_depth(max_code) - 1)


def read_3dl(path: Path) -> Lut1D | Lut3D:
    """Read a ``.3dl`` file: a `Lut3D` (with a 1D shaper if the file's is not the identity).

    A file with a shaper line and no lattice gives the shaper as a `Lut1D`.

    Raises
    ------
    LutError
        A line that is neither a comment, a known keyword, nor whole numbers;
        two shaper lines; a point with fewer than 3 numbers; a point count that
        is not a cube (or over 256^3); implausibly small codes; naming file and line.
    """
    lines = TextLines(path, ".3dl")
    shaper: tuple[int, list[str]] | None = None
    limit = MAX_3D_SIZE**3
    lattice = _Lattice(path, min(limit, lines.bound))
    first = last = 0
    for number, raw in lines:  # read one at a time: neither the text nor a list of lines is held
        parts = raw.split()
        if not parts or parts[0].startswith("#"):
            continue
        if parts[0].startswith("<"):
            raise LutError("a line starting with '<' (XML?) in a .3dl file", path=path, line=number)
        if _KEYWORD.match(parts[0]):
            if parts[0].upper() == "MESH" and (len(parts) != 3 or not all(p.isdigit() for p in parts[1:])):
                raise LutError(
                    f"Mesh line needs two whole numbers (input and output bits), got {raw.strip()[:60]!r}",
                    path=path,
                    line=number,
                )
            continue
        if len(parts) > 3:
            if shaper is not None:
                raise LutError(f"a second shaper line (the first is line {shaper[0]})", path=path, line=number)
            check_size(len(parts), MAX_1D_SIZE, "shaper length", path, number)
            shaper = (number, parts)
        elif len(parts) == 3:
            if lattice.count + len(lattice.lines) >= limit:
                raise LutError(f"more than {MAX_3D_SIZE}^3 lattice points", path=path, line=number)
            first, last = first or number, number
            lattice.add(number, parts)
        else:
            raise LutError(f"a line of {len(parts)} numbers: lattice points need 3", path=path, line=number)
    lattice.flush()
    if shaper is None and not lattice.count:
        raise LutError("no shaper line and no lattice points: not a .3dl file", path=path)
    shaper_lut = None
    if shaper is not None:
        codes = _ints(path, shaper[0], shaper[1], "shaper line")
        scale = _scale(path, int(codes.max()), "shaper", shaper[0])
        ramp = np.arange(codes.size) * np.float32(scale / (codes.size - 1))
        if np.any(np.abs(ramp - codes) >= SHAPER_IDENTITY_CODES) or not lattice.count:
            shaper_lut = Lut1D(codes / scale)
    if not lattice.count:
        assert shaper_lut is not None
        return shaper_lut
    count = lattice.count
    n = round(count ** (1 / 3))
    if n**3 != count or n < 2:
        raise LutError(
            f"{count} lattice points is not the cube of a size from 2 to {MAX_3D_SIZE}", path=path, line=last
        )
    points = lattice.codes[:count]
    scale = _scale(path, int(points.max()), "lattice", first)
    table = np.empty((n, n, n, 3))  # file [r, g, b] blue fastest -> [b, g, r]
    np.divide(points.reshape(n, n, n, 3).transpose(2, 1, 0, 3), scale, out=table)
    del lattice, points
    return Lut3D.adopt(table, shaper=shaper_lut)
