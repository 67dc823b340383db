"""The XML layer of the CLF/CTF reader: `Node` elements that know their line and read CLF values.

Parsing is `vfx_rs._xml.parse_xml` (expat; DOCTYPE and ENTITY declarations
refused, so no entity expansion or external fetch can happen).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from vfx_rs import _xml as xml
from vfx_rs.errors import LutError
from vfx_rs.lut.limits import Path

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

    @property
    def text(self) -> str:
        """The element's character data."""
        return "".join(self.chunks)

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
        if sum(map(len, self.chunks)) > MAX_CHARS_PER_VALUE * count + 4096:
            raise self.error(f"{what} holds far more text than {count} values", self.text_line)
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
    return xml.parse_xml(text, path, "CLF", LutError, lambda tag, attrs, line: Node(_local(tag), attrs, line, path))


def _local(tag: str) -> str:
    """`tag` without its namespace prefix (``clf:ProcessList`` -> ``ProcessList``), as OCIO reads it."""
    return tag.rsplit(":", 1)[-1]
