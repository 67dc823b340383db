"""Text LUT tables read in memory proportional to the table, not to Python objects per line.

`text_lines` reads a file's lines one at a time (the whole text is never
held); `Rows` parses numeric data lines in blocks as they arrive into one
preallocated float64 array, keeping only the line numbers beside it. A
``128^3`` ``.cube`` table thus peaks near its float64 table (twice the
float32 size) plus one block, instead of a list of strings per token (35
times the float32 size). Malformed rows are reported as before, naming the
file and line, when the table is asked for.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator

import numpy as np

from vfx_rs._files import open_regular
from vfx_rs.errors import IoError, LutError
from vfx_rs.lut import limits
from vfx_rs.lut.limits import Path

__all__ = ["Rows", "TextLines"]

_ALLOWED = np.zeros(256, bool)
_ALLOWED[list(b"0123456789+-.eE \t\n\r\v\f")] = True
"""Bytes a block may hold for the fast path: decimal numbers and white space (no hex, nan, inf, _)."""

_OTHER_BREAKS = (b"\v", b"\f", b"\x1c", b"\x1d", b"\x1e", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
"""Line breaks of ``str.splitlines`` besides CR and LF (in UTF-8), counted for `TextLines.bound`."""

_SPACE = np.zeros(256, bool)
_SPACE[list(b" \t\n\r\v\f")] = True


class TextLines:
    """The lines of a text LUT file with their 1-based numbers, as ``str.splitlines`` numbers them.

    `bound` is the number of lines (known before any is parsed, from one pass counting newlines), so
    readers can size their tables without holding the text.

    Raises
    ------
    IoError
        The file cannot be opened or read.
    LutError
        The file is larger than any valid LUT, or a line is not UTF-8 (naming the line).
    """

    def __init__(self, path: Path, what: str) -> None:
        self.path, self.what = path, what
        with open_regular(path, f"a {what} file") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limits.MAX_TEXT_BYTES:
                raise LutError(
                    f"{size} bytes is larger than any {what} file allowed ({limits.MAX_TEXT_BYTES})", path=path
                )
            newlines = 0
            try:
                while chunk := handle.read(1 << 16):
                    newlines += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
                    newlines += sum(chunk.count(other) for other in _OTHER_BREAKS)
            except OSError as exc:
                raise IoError(f"cannot read LUT: {exc.strerror or exc}", path=path) from None
        self.bound = newlines + 1

    def __iter__(self) -> Iterator[tuple[int, str]]:
        number = 0
        with open_regular(self.path, f"a {self.what} file") as handle:
            try:
                for raw in handle:  # split at b"\n": "\r\n" stays within one raw line
                    try:
                        text = raw.decode("utf-8")
                    except UnicodeDecodeError:
                        raise LutError(
                            f"not a text {self.what} file (bytes that are not UTF-8)", path=self.path, line=number + 1
                        ) from None
                    for piece in text.splitlines():
                        number += 1
                        yield number, piece
            except OSError as exc:
                raise IoError(f"cannot read LUT: {exc.strerror or exc}", path=self.path) from None


def _fast(texts: list[str], columns: int) -> np.ndarray | None:
    """The rows as float64 ``(len(texts), columns)`` if every row is `columns` plain decimal numbers, else None."""
    block = "\n".join(texts)
    if not block.isascii():
        return None
    codes = np.frombuffer(block.encode("ascii"), np.uint8)
    if not _ALLOWED[codes].all():
        return None
    space = _SPACE[codes]
    starts = np.flatnonzero(~space & np.concatenate(([True], space[:-1])))
    row_of = np.searchsorted(np.flatnonzero(codes == ord("\n")), starts)
    if starts.size != columns * len(texts) or np.any(np.bincount(row_of, minlength=len(texts)) != columns):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            values = np.fromstring(block, dtype=np.float64, sep=" ")
        except (ValueError, DeprecationWarning):  # text it could not read to the end
            return None
    return values.reshape(len(texts), columns) if values.size == starts.size else None


class Rows:
    """Data rows of `columns` numbers each, parsed in blocks of `BLOCK` lines as they are appended.

    Parameters
    ----------
    path
        The file, for messages.
    columns
        Numbers per row.
    capacity
        Most rows that can be appended (a `TextLines` bound).
    sink
        If given, called with each parsed block and the index of its first row instead of keeping the
        values (a reader that scatters rows into its table holds only the table).
    """

    BLOCK = 1024

    def __init__(
        self, path: Path, columns: int, capacity: int, sink: Callable[[int, np.ndarray], None] | None = None
    ) -> None:
        self.path, self.columns, self.sink = path, columns, sink
        self.values = np.empty((0 if sink else capacity, columns))
        self.lines = np.empty(capacity, np.int32)
        self.count = 0
        self._texts: list[str] = []
        self._numbers: list[int] = []
        self._error: tuple[int, str] | None = None  # first bad row: (index, message after the table's name)

    def __len__(self) -> int:
        return self.count + len(self._texts)

    def append(self, line: int, text: str) -> None:
        """Add one data line (stripped text) and its line number."""
        self._texts.append(text)
        self._numbers.append(line)
        if len(self._texts) == self.BLOCK:
            self.flush()

    def line(self, index: int) -> int:
        """The line number of row `index` (negative counts from the end)."""
        self.flush()
        return int(self.lines[: self.count][index])

    def flush(self) -> None:
        """Parse the pending lines into `values`."""
        texts, start = self._texts, self.count
        if not texts:
            return
        if start + len(texts) > len(self.lines):  # only if the bound was short (a break split across read chunks)
            if self.sink is None:
                self.values = np.concatenate([self.values, np.empty((start + len(texts), self.columns))])
            self.lines = np.concatenate([self.lines, np.empty(start + len(texts), np.int32)])
        self.lines[start : start + len(texts)] = self._numbers
        block = _fast(texts, self.columns)
        if block is None:
            block = np.zeros((len(texts), self.columns))
            for i, text in enumerate(texts):
                parts = text.split()
                if len(parts) != self.columns:
                    self._fail(start + i, f"entry needs {self.columns} numbers, got {len(parts)}: {text[:60]!r}")
                    break
                try:
                    block[i] = np.array(parts, dtype=np.float64)
                except ValueError:
                    self._fail(start + i, f"entry is not numeric: {text[:60]!r}")
                    break
        bad = np.flatnonzero(~np.all(np.isfinite(block), axis=1))
        if bad.size:
            self._fail(start + int(bad[0]), "entry holds NaN or infinity")
        if self.sink is None:
            self.values[start : start + len(texts)] = block
        else:
            self.sink(start, block)
        self.count += len(texts)
        self._texts, self._numbers = [], []

    def _fail(self, index: int, message: str) -> None:
        if self._error is None or index < self._error[0]:
            self._error = (index, message)

    def check(self, what: str) -> None:
        """Parse what is pending and raise the first bad row's `LutError`, if any."""
        self.table(0, len(self), what)

    def table(self, start: int, count: int, what: str) -> np.ndarray:
        """Rows ``start .. start + count`` as float64 ``(count, columns)`` (a view); raises the first bad row's
        `LutError` if it lies among them."""
        self.flush()
        if self._error is not None and start <= self._error[0] < start + count:
            index, message = self._error
            raise LutError(f"{what} {message}", path=self.path, line=int(self.lines[index]))
        return self.values[start : start + count]
