"""The XML layer of the CLF/CTF reader: `Node` elements that know their line and read CLF values.

Parsing is `vfx_rs._xml.parse_xml` (expat; DOCTYPE and ENTITY declarations
refused, so no entity expansion or external fetch can happen).
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from vfx_rs import _xml as xml
from vfx_rs._text import whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE, Path

__all__ = ["MAX_CHARS_PER_VALUE", "Node", "parse_xml"]

MAX_CHARS_PER_VALUE = 64
"""Most text per table value read: 17 significant digits, sign, exponent and wide column padding
(OCIO pads to 20 columns) stay far below it; more means a file padded to exhaust memory."""


@dataclass
class Node:
    """An XML element of a CLF file: tag, attributes, text, children and the line it starts on."""

    tag: str
    attrs: dict[str, str]
    line: int
    path: Path
    children: list[Node] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    text_line: int | None = None
    capacity: int = 0
    """For an ``Array`` whose ``dim`` holds 2 or 4 numbers (the tables' and matrices' shapes): their product,
    if within the table size limits; its text is then parsed as it arrives once it is long (`_ArrayValues`)."""
    _chars: int = 0
    _stream: _ArrayValues | None = None

    @property
    def text(self) -> str:
        """The element's character data (that of a long ``Array`` is parsed instead: `numbers`)."""
        return "".join(self.chunks)

    def add_text(self, text: str) -> None:
        """Append a chunk of character data (each but the element's last ends at white space)."""
        self._chars += len(text)
        if self._stream is not None:
            self._stream.add(text)
            return
        self.chunks.append(text)
        if self.capacity and self._chars > _STREAM_FROM:
            self._stream = _ArrayValues(self.capacity)
            for chunk in self.chunks:
                self._stream.add(chunk)
            self.chunks.clear()

    def error(self, message: str, line: int | None = None) -> LutError:
        """A `LutError` naming the file and this element's line (or `line`)."""
        return LutError(message, path=self.path, line=self.line if line is None else line)

    def attr(self, name: str, default: str | None = None) -> str | None:
        """An attribute by case-insensitive name (as OpenColorIO compares them)."""
        for key, value in self.attrs.items():
            if key.lower() == name.lower():
                return value
        return default

    def child(self, name: str) -> Node | None:
        """The first child element of tag `name` (case-insensitive), if any."""
        return next((c for c in self.children if c.tag.lower() == name.lower()), None)

    def number(self, name: str) -> float | None:
        """A finite numeric attribute, or None if absent."""
        raw = self.attr(name)
        if raw is None:
            return None
        try:
            value = float(raw)
        except ValueError:
            raise self.error(f"{self.tag} attribute {name}={raw!r} is not a number") from None
        if not np.isfinite(value):
            raise self.error(f"{self.tag} attribute {name}={raw!r} is not finite")
        return value

    def numbers(self, what: str, count: int, finite: bool = True) -> np.ndarray:
        """The element text as exactly `count` float64 numbers, finite unless `finite` is False.

        With `finite` False, NaN and infinity (any case, signed) are read, as
        OpenColorIO reads them in LUT arrays.

        The common case is one `numpy.fromstring` pass; a text longer than
        `MAX_CHARS_PER_VALUE` per declared value is refused first, so memory
        stays bounded by the declared (size-limited) count whatever the file
        holds. Only a malformed text is walked token by token to name the
        offending line.
        """
        if self._chars > MAX_CHARS_PER_VALUE * count + 4096:
            raise self.error(f"{what} holds far more text than {count} values", self.text_line)
        if self._stream is not None:
            return self._stream.numbers(self, what, count, finite)
        values = _parse_chunks(self.chunks, count)
        if values is not None and (not finite or np.all(np.isfinite(values))):
            if values.size != count:
                raise self.error(f"{what} needs {count} values, found {values.size}", self.text_line)
            return values
        text = self.text
        found, line, seen = 0, self.line, 0
        for match in _TOKEN.finditer(text):
            line += text.count("\n", seen, match.start())
            seen = match.start()
            if not _NUMBER.fullmatch(match.group()) or (finite and not np.isfinite(float(match.group()))):
                kind = "finite number" if finite else "number"
                raise self.error(f"{what} value {match.group()[:40]!r} is not a {kind}", line)
            found += 1
            if found > count:
                raise self.error(f"{what} needs {count} values, found more", line)
        raise self.error(f"{what} needs {count} values, found {found}", self.text_line)


_STREAM_FROM = 1 << 16
"""Characters of an ``Array``'s text held as text; a longer one is parsed as it arrives."""

_MAX_VALUES = max(MAX_3D_SIZE**3 * 3, MAX_1D_SIZE * 3)
"""Most values an ``Array`` parsed as it arrives may declare (the largest table allowed)."""


def _capacity(tag: str, attrs: dict[str, str]) -> int:
    """`Node.capacity` of an element."""
    if tag.lower() != "array":
        return 0
    raw = next((value for key, value in attrs.items() if key.lower() == "dim"), "")
    parsed = [whole_number(d) for d in raw.split()]
    dims = [d for d in parsed if d is not None and d >= 1]
    if len(dims) not in (2, 4) or len(dims) != len(parsed):
        return 0
    product = math.prod(dims)  # Python integers: no overflow
    return product if product <= _MAX_VALUES else 0


class _ArrayValues:
    """The numbers of a long ``Array`` text, parsed chunk by chunk as expat delivers it, into a float64 array
    of the declared size: the text is never held whole (issue 16). Besides the values it keeps what
    `Node.numbers` reports for a bad text, as its token walk would find it: the first token that is not a
    number, the first that is not finite, and the line of the first token beyond the declared count (lines
    as newlines after the element's start)."""

    def __init__(self, capacity: int) -> None:
        self.size = capacity
        self.values = np.empty(min(capacity, _STREAM_FROM))  # grown as values arrive (a short text allocates little)
        self.count = 0  # tokens read
        self.newlines = 0  # in the text before the current chunk
        self.clean = True  # every chunk read by numpy.fromstring
        self.bad: tuple[int, int, str] | None = None  # first token not a number: index, newlines, text
        self.non_finite: tuple[int, int, str] | None = None
        self.extra: int | None = None  # newlines before the token at index capacity

    def add(self, chunk: str) -> None:
        parsed = _parse_chunks([chunk], 0)
        if parsed is None:  # not numbers to fromstring: only the walk's findings matter now
            self.clean = False
            if self.bad is None:
                self._walk(chunk, count=True)
        else:
            start, size = self.count, self.size
            end = min(start + parsed.size, size)
            if end > self.values.size:  # realloc: no second copy
                self.values.resize(min(max(end, 2 * self.values.size), size), refcheck=False)
            self.values[start:end] = parsed[: max(end - start, 0)]
            finite = np.isfinite(parsed)
            if (
                (self.non_finite is None and not np.all(finite))
                or (self.bad is None and np.any(np.isnan(parsed)))  # fromstring reads "nan(1)", the walk not
                or start <= size < start + parsed.size
            ):
                self._walk(chunk, count=False)
            self.count += parsed.size
        self.newlines += chunk.count("\n")

    def _walk(self, chunk: str, count: bool) -> None:
        """Note what the token walk finds in `chunk`; where fromstring failed (`count`), count its tokens too."""
        index, newlines, seen = self.count, self.newlines, 0
        for match in _TOKEN.finditer(chunk):
            newlines += chunk.count("\n", seen, match.start())
            seen = match.start()
            token = match.group()
            if not _NUMBER.fullmatch(token):
                if self.bad is None:
                    self.bad = (index, newlines, token[:40])
                if count:
                    return  # the walk stops here: nothing after it is reported
            elif self.non_finite is None and not np.isfinite(float(token)):
                self.non_finite = (index, newlines, token[:40])
            if index == self.size:
                self.extra = newlines
            index += 1
        if count:
            self.count = index

    def numbers(self, node: Node, what: str, count: int, finite: bool) -> np.ndarray:
        """`Node.numbers` of the text read: the values, or the error its token walk raises."""
        if count != self.size or (self.clean and (not finite or self.non_finite is None)):
            if self.count != count or count != self.size:
                raise node.error(f"{what} needs {count} values, found {self.count}", node.text_line)
            return self.values
        kind = "finite number" if finite else "number"
        found = [e for e in (self.bad, self.non_finite if finite else None) if e is not None and e[0] <= count]
        if found:
            _, newlines, token = min(found)
            raise node.error(f"{what} value {token!r} is not a {kind}", node.line + newlines)
        if self.extra is not None:
            raise node.error(f"{what} needs {count} values, found more", node.line + self.extra)
        raise node.error(f"{what} needs {count} values, found {self.count}", node.text_line)


def _parse_chunks(chunks: list[str], count: int) -> np.ndarray | None:
    """The numbers of the text `chunks` (each ending at white space but the last) as float64, parsed chunk by
    chunk without joining them; None if a chunk holds anything else. Text of white space only holds no
    number (NumPy would read it as ``[-1.0]``)."""
    parts = []
    with warnings.catch_warnings():
        # NumPy warns (here: raises) when the text holds something other than numbers.
        warnings.simplefilter("error", DeprecationWarning)
        for chunk in chunks:
            if chunk and not chunk.isspace():
                try:
                    parts.append(np.fromstring(chunk, dtype=np.float64, sep=" "))
                except (DeprecationWarning, ValueError):
                    return None
    if len(parts) == 1:
        return parts[0]
    return np.concatenate(parts) if parts else np.zeros(0)


_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf|infinity)", re.IGNORECASE)
"""A decimal number as CLF writes them, and the NaN/infinity spellings."""


def parse_xml(text: str | Iterable[str], path: Path) -> Node:
    """Parse CLF/CTF XML `text` (or its pieces in order) into a `Node` tree (namespace prefixes dropped), refusing DOCTYPE and ENTITY.

    Raises
    ------
    LutError
        Malformed XML, a DOCTYPE or ENTITY declaration, or no root element (naming file and line).
    """
    return xml.parse_xml(
        text,
        path,
        "CLF",
        LutError,
        lambda tag, attrs, line: Node(_local(tag), attrs, line, path, capacity=_capacity(_local(tag), attrs)),
    )


def _local(tag: str) -> str:
    """`tag` without its namespace prefix (``clf:ProcessList`` -> ``ProcessList``), as OCIO reads it."""
    return tag.rsplit(":", 1)[-1]
