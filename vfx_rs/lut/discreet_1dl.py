"""Autodesk Discreet 1D ``.lut`` files, read as OpenColorIO reads them (FileFormatDiscreet1DL.cpp).

After blank and ``#`` lines, a header ``LUT: T N [D]``: T tables (1, 3 or 4;
one serves all three channels, a 4th is alpha and unused) of N integer
entries (1..65536), one per line, and optionally the output depth D as a
table size (256, 1024, 4096 or 65536; ``65536f`` means the entries are half
floats given as their 16-bit codes). Without D the depth comes from the file
name (``to8``, ``to10``, ``to12``, ``to16``, ``to16f``, ``to32f`` after the
first ``to``), else from N. Integer entries are divided by the depth's
largest code. A legacy file has no header: 256 entries of one table.
N = 65536 makes a half-domain table (an entry per half-float input code).
As OCIO's line reader, an entry that ends the file must end its line, and
a table entry is any line starting with a digit (its leading integer, taken
modulo 65536).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import numpy as np

from vfx_rs._files import open_regular
from vfx_rs.errors import LutError
from vfx_rs.lut.chain import LutChain
from vfx_rs.lut.limits import MAX_TEXT_BYTES, Path
from vfx_rs.lut.lut import Lut1D
from vfx_rs.pipeline.ops.lut1d import sanitized_table
from vfx_rs.pipeline.ops.lut1d_half import HALF_DOMAIN_SIZE, HalfLut1DOp, half_domain

__all__ = ["NOT_DISCREET", "read_discreet_1dl"]

NOT_DISCREET = "syntax error: not a 'LUT: tables length' header"
"""How the error for a file that does not start as a Discreet 1D LUT begins (``.lut`` is also Houdini's)."""

_DEPTHS = {256: 255.0, 1024: 1023.0, 4096: 4095.0, 65536: 65535.0}
"""Output depth by table size: the largest code of 8, 10, 12 and 16-bit integers."""

_NAME_DEPTHS = (("16f", "half"), ("32f", 1.0), ("8", 255.0), ("10", 1023.0), ("12", 4095.0), ("16", 65535.0))
"""Depth hints after the first ``to`` of a file name (IMLutGetBitDepthFromFileName), longest first."""

_LEADING_INT = re.compile(r"[+-]?\d+")


def _lines(path: Path) -> Iterator[tuple[int, str, bool]]:
    """(number, cleaned text, ends with a newline) of every line, as OCIO's getline loop sees them (split at
    ``\\n`` only; a final empty piece after a closing newline), read one at a time from the file."""
    with open_regular(path, "a Discreet .lut file") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_TEXT_BYTES:
            raise LutError(f"{size} bytes is larger than any Discreet .lut file allowed ({MAX_TEXT_BYTES})", path=path)
        number, newline = 0, True
        for number, raw in enumerate(handle, start=1):
            newline = raw.endswith(b"\n")
            try:
                text = raw[:-1].decode("utf-8") if newline else raw.decode("utf-8")
            except UnicodeDecodeError:
                raise LutError(
                    "not a text Discreet .lut file (bytes that are not UTF-8)", path=path, line=number
                ) from None
            clean = text.replace("\t", " ").strip(" ")
            yield number, clean.removesuffix("\r"), newline
        if newline:
            yield number + 1, "", False


def _name_depth(path: Path) -> float | str | None:
    name = os.path.splitext(os.path.basename(os.fspath(path)))[0].lower()
    at = name.find("to")
    if at < 0:
        return None
    rest = name[at + 2 :]
    return next((depth for prefix, depth in _NAME_DEPTHS if rest.startswith(prefix)), None)


def _header(path: Path, number: int, line: str) -> tuple[int, int, float | str | None]:
    words = line.split()
    counts = [_small_int(w) if _LEADING_INT.fullmatch(w) else None for w in words[1:3]]
    if line[:5].lower() != "lut: " or len(counts) != 2 or None in counts:
        raise LutError(f"{NOT_DISCREET}: {line[:60]!r}", path=path, line=number)
    tables, length = counts
    assert tables is not None and length is not None
    if tables not in (1, 3, 4) or not 0 < length <= 65536:
        raise LutError(
            f"syntax error: {tables} tables of {length} entries (1, 3 or 4 of 1..65536)", path=path, line=number
        )
    depth: float | str | None = None
    if len(words) > 3:
        match = _LEADING_INT.match(words[3])
        size = (_small_int(match.group()) or 0) if match else 0
        is_float = match is not None and words[3][match.end() : match.end() + 1] in ("f", "F")
        depth = ("half" if is_float else _DEPTHS[size]) if size == 65536 else _DEPTHS.get(size)
        if depth is None:
            raise LutError(f"syntax error: unknown output depth {words[3]!r}", path=path, line=number)
    return tables, length, depth


def _small_int(digits: str) -> int | None:
    """`digits` (an optional sign and decimal digits) as an int, or None past 18 digits: such a number is out of
    range for every field (C++ stoi throws), and Python refuses to convert over 4300 digits."""
    return int(digits) if len(digits.lstrip("+-")) <= 18 else None


def _entry(path: Path, number: int, text: str) -> int:
    """A table entry: the leading whole number of a line that starts with a digit, modulo 65536 (C++ stoi)."""
    match = _LEADING_INT.match(text) if text[0].isdigit() else None
    value = _small_int(match.group()) if match is not None else None
    if value is None or value > 2**31 - 1:
        raise LutError(f"syntax error: a table entry is a whole number: {text[:60]!r}", path=path, line=number)
    return value % 65536


def read_discreet_1dl(path: Path) -> Lut1D | LutChain:
    """Read a Discreet 1D ``.lut`` file (module docstring): a `Lut1D` over [0, 1], or for 65536 entries a
    `LutChain` of one `HalfLut1DOp` (OCIO's LUT_INPUT_HALF_CODE: the input's half-float code picks the entry).

    Raises
    ------
    LutError
        A malformed header, an entry line that does not start with a digit,
        a premature end of file, text after the tables, or an unknown output
        depth, naming the file and line.
    """
    lines = _lines(path)  # read as parsed: 2 bytes an entry, never the text (issue 16)
    first = next(((n, t, nl) for n, t, nl in lines if t and not t.startswith("#")), None)
    if first is None or not first[2]:
        raise LutError("premature end of file before the LUT header", path=path)
    number, text, _ = first
    if text[0].isdigit():  # a legacy file: no header, its first entry on this line
        tables, length, depth = 1, 256, None
    else:
        tables, length, depth = _header(path, number, text)
    total = tables * length
    codes = np.empty(total, np.uint16)
    count = 0
    if text[0].isdigit():
        codes[0], count = _entry(path, number, text), 1
    for number, text, newline in lines if count < total else ():
        if not newline:  # OCIO's getline reached the end of the file
            raise LutError("premature end of file inside the tables", path=path, line=number)
        if text:
            codes[count] = _entry(path, number, text)
            count += 1
            if count == total:
                break
    if count < total:
        raise LutError("premature end of file inside the tables", path=path)
    trailing = next(((n, t) for n, t, newline in lines if t and not t.startswith("#") and newline), None)
    if trailing is not None:
        raise LutError(f"syntax error: text after the tables: {trailing[1][:60]!r}", path=path, line=trailing[0])
    if depth is None:
        depth = _name_depth(path)
    if depth is None:
        depth = _DEPTHS.get(length)
    if depth is None:
        raise LutError(f"unknown output depth: {length} entries and no depth in the header or the name", path=path)
    table = np.empty((length, 3))  # each channel cast into place: no full-size temporaries (issue 16)
    for channel, t in enumerate((0, min(1, tables - 1), min(2, tables - 1))):
        entries = codes[t * length : (t + 1) * length]
        if depth == "half":
            table[:, channel] = entries.view(np.float16)
        else:
            table[:, channel] = entries.astype(np.float32) / np.float32(depth)
    del codes
    sanitized_table(table, in_place=True)
    if length == HALF_DOMAIN_SIZE:
        table[~np.isfinite(half_domain())] = 0.0
        table.flags.writeable = False  # handed to the op, which then holds it without a copy
        return LutChain([HalfLut1DOp(table=table)])
    return Lut1D.adopt(table)
