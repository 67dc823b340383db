"""Limits every LUT reader enforces, and the text helpers that enforce them.

A header that promises an absurd size or a table whose entry count does not
match its header is refused with a `LutError` naming the file and line, before any table is allocated: sizes
are checked as soon as they are read, and tables are parsed only once the
number of entries is known to be within the limits.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Sequence

import numpy as np

from vfx_rs._files import open_regular
from vfx_rs.errors import IoError, LutError

__all__ = [
    "MAX_1D_SIZE",
    "MAX_3D_SIZE",
    "MAX_TEXT_BYTES",
    "Path",
    "beyond_float32",
    "check_size",
    "float32_range_error",
    "parse_rows",
    "read_text",
    "text_pieces",
]

Path = str | os.PathLike[str]

MAX_1D_SIZE = 1 << 20
"""Largest 1D table read (entries per channel): far above the 65536 of the Adobe Cube LUT
Specification 1.0 and OCIO's own 1D limit, bounded against absurd headers (issue 4)."""

MAX_3D_SIZE = 256
"""Largest 3D lattice read (points per axis): the Adobe Cube LUT Specification 1.0 limit
(OCIO reads up to 129, LutLimits.h)."""

MAX_TEXT_BYTES = 1 << 30
"""Largest text LUT file read (1 GiB): a 256^3 table written with 17 significant digits
per value is about 0.9 GiB, so a longer file cannot be a valid LUT of allowed size."""


def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of a LUT file, refusing files over `MAX_TEXT_BYTES` before reading them.

    Raises
    ------
    IoError
        The file cannot be opened or read.
    LutError
        The file is larger than any valid LUT, or holds bytes that are not UTF-8.
    """
    with open_regular(path, f"a {what} file") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_TEXT_BYTES:
            raise LutError(f"{size} bytes is larger than any {what} file allowed ({MAX_TEXT_BYTES})", path=path)
        try:
            raw = handle.read()
        except OSError as exc:
            raise IoError(f"cannot read LUT: {exc.strerror or exc}", path=path) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LutError(f"not a text {what} file (bytes that are not UTF-8)", path=path, line=line) from None


def text_pieces(path: Path, what: str) -> Iterator[str]:
    """The UTF-8 text of a LUT file in pieces of about 64 KiB, for parsers that take text in pieces (expat):
    the whole text is never held. Raises as `read_text` does, naming the line of bytes that are not UTF-8."""
    with open_regular(path, f"a {what} file") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_TEXT_BYTES:
            raise LutError(f"{size} bytes is larger than any {what} file allowed ({MAX_TEXT_BYTES})", path=path)
        decoder = codecs.getincrementaldecoder("utf-8")()
        line = 1
        while True:
            try:
                raw = handle.read(1 << 16)
            except OSError as exc:
                raise IoError(f"cannot read LUT: {exc.strerror or exc}", path=path) from None
            try:
                piece = decoder.decode(raw, final=not raw)
            except UnicodeDecodeError as exc:
                line += raw[: max(exc.start, 0)].count(b"\n")
                raise LutError(f"not a text {what} file (bytes that are not UTF-8)", path=path, line=line) from None
            line += raw.count(b"\n")
            if piece:
                yield piece
            if not raw:
                return


def check_size(value: int, limit: int, what: str, path: Path | None, line: int | None, low: int = 2) -> int:
    """Return `value` if it lies in ``low..limit``, else raise `LutError` naming file and line."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= limit:
        raise LutError(f"{what} {value} is outside {low}..{limit}", path=path, line=line)
    return value


_NON_FINITE = frozenset(("nan", "inf", "infinity"))
"""Spellings of NaN and infinity read (any case, signed), as OpenColorIO's NumberUtils::from_chars reads them."""


def beyond_float32(token: str, value: float) -> bool:
    """Whether OCIO's parser refuses the number `token` (read as `value`) as beyond float32.

    OCIO reads table entries as float32 (NumberUtils::from_chars, strtof): a number that overflows
    float32 or underflows to a subnormal or zero is refused (ERANGE); ``nan``/``inf`` spelled out are read.
    """
    if token.lstrip("+-").lower() in _NON_FINITE:
        return False
    with np.errstate(over="ignore", under="ignore"):
        magnitude = abs(np.float32(value))
    return bool(np.isinf(magnitude) or (value != 0 and not magnitude >= np.finfo(np.float32).tiny))


def float32_range_error(values: np.ndarray, texts: Sequence[str]) -> tuple[int, str] | None:
    """The first row of `values` (parsed from `texts`, one row each) with a number `beyond_float32`, and it."""
    with np.errstate(over="ignore", under="ignore"):
        as_float32 = np.abs(values.astype(np.float32))
    suspect = (~(as_float32 >= np.finfo(np.float32).tiny) & (values != 0)) | np.isinf(as_float32)
    for row in np.flatnonzero(np.any(suspect, axis=1)).tolist():
        for token in texts[row].split():
            if beyond_float32(token, float(token)):
                return row, token
    return None


def parse_rows(path: Path, rows: list[tuple[int, str]], columns: int, what: str) -> np.ndarray:
    """Parse text rows of `columns` numbers each into a float64 ``(len(rows), columns)`` array.

    `rows` holds ``(line number, text)`` pairs. The common case is one
    vectorised conversion; only when it fails are rows checked one by one to
    name the offending line. ``nan``, ``inf`` and ``-inf`` are read, as OpenColorIO's text LUT
    readers read them (NumberUtils::from_chars); `Lut1D`/`Lut3D` apply them as OCIO does.

    Raises
    ------
    LutError
        A row with the wrong count of numbers, a token that is not a number or one beyond the
        float32 range (`float32_range_error`), naming the line.
    """
    tokens = " ".join(text for _, text in rows).split()
    values = None
    if len(tokens) == columns * len(rows):
        try:
            values = np.array(tokens, dtype=np.float64).reshape(len(rows), columns)
        except ValueError:
            values = None
    if values is None:
        for line, text in rows:
            parts = text.split()
            if len(parts) != columns:
                raise LutError(
                    f"{what} entry needs {columns} numbers, got {len(parts)}: {text[:60]!r}", path=path, line=line
                )
            try:
                [float(p) for p in parts]
            except ValueError:
                raise LutError(f"{what} entry is not numeric: {text[:60]!r}", path=path, line=line) from None
        raise LutError(f"{what} data is malformed", path=path, line=rows[0][0] if rows else None)
    error = float32_range_error(values, [text for _, text in rows])
    if error is not None:
        raise LutError(f"{what} entry {error[1][:40]} is beyond the float32 range", path=path, line=rows[error[0]][0])
    return values
