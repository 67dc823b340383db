"""Safe XML parsing with line numbers, for the XML file formats (ASC CDL, CLF/CTF).

`parse_xml` runs expat and builds an element tree in which every element
knows the line it starts on and the line its text starts on, for error
messages. DOCTYPE and ENTITY declarations are refused outright, so no entity
expansion ("billion laughs") or external fetch can happen; elements may nest
at most `vfx_rs._text.MAX_NESTING` deep, and an encoding Python does not know
is refused by name.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar
from xml.parsers import expat

from vfx_rs._text import MAX_NESTING
from vfx_rs.errors import FormatError

__all__ = ["XmlElement", "parse_xml", "xml_attribute", "xml_text"]


class _TreeNode(Protocol):
    children: list[Any]
    text_line: int | None

    def add_text(self, text: str) -> None: ...


N = TypeVar("N", bound=_TreeNode)


@dataclass
class XmlElement:
    """An XML element: tag, attributes, children, text chunks and the lines it and its text start on."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[XmlElement] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    text_line: int | None = None

    @property
    def name(self) -> str:
        """The tag without a namespace prefix, lower case."""
        return self.tag.rsplit(":", 1)[-1].lower()

    @property
    def text(self) -> str:
        """The element's character data."""
        return "".join(self.chunks)

    def add_text(self, text: str) -> None:
        """Append a chunk of character data."""
        self.chunks.append(text)

    def find(self, name: str) -> list[XmlElement]:
        """The child elements whose `name` is `name` (lower case)."""
        return [c for c in self.children if c.name == name]


_JOIN_EVERY = 1024
"""Text chunks (expat calls) joined into one string of an element's text; each chunk but an element's last
ends at white space."""


def parse_xml(
    data: str | bytes | Iterable[str],
    path: str | os.PathLike[str] | None,
    kind: str,
    error: type[FormatError],
    make: Callable[[str, dict[str, str], int], N],
) -> N:
    """Parse `data` (the text, or its pieces in order) into a tree of `make(tag, attrs, line)` elements; return
    the root.

    Raises
    ------
    FormatError
        `error` (a `FormatError` subclass) naming `path` and the line: malformed
        XML, a DOCTYPE or ENTITY declaration ("not allowed in a `kind` file"),
        an unknown encoding, nesting deeper than `MAX_NESTING`, or no root element.
    """
    parser = expat.ParserCreate()
    stack: list[N] = []
    roots: list[N] = []
    pending: list[str] = []  # the innermost element's latest text chunks, joined every _JOIN_EVERY

    def start(tag: str, attrs: dict[str, str]) -> None:
        flush()
        if len(stack) >= MAX_NESTING:
            raise error(f"XML elements nest deeper than {MAX_NESTING} levels", path=path, line=parser.CurrentLineNumber)
        element = make(tag, attrs, parser.CurrentLineNumber)
        (stack[-1].children if stack else roots).append(element)
        stack.append(element)

    def text(chunk: str) -> None:
        if stack:
            if stack[-1].text_line is None and chunk.strip():
                stack[-1].text_line = parser.CurrentLineNumber
            pending.append(chunk)
            if len(pending) == _JOIN_EVERY:  # expat calls once a line: a str per line is 3x the text
                flush(whole=False)

    def flush(whole: bool = True) -> None:
        """Join the pending text onto the element; unless `whole`, keep back the end of an unfinished word,
        so every chunk but the last ends at white space (numbers can be parsed chunk by chunk)."""
        if pending:
            joined = "".join(pending)
            pending.clear()
            cut = len(joined) if whole else max(joined.rfind(c) for c in " \t\n\r") + 1
            if cut:
                stack[-1].add_text(joined[:cut])
            if cut < len(joined):
                pending.append(joined[cut:])

    def refuse(what: str) -> None:
        raise error(f"{what} declarations are not allowed in a {kind} file", path=path, line=parser.CurrentLineNumber)

    parser.StartElementHandler = start

    def end(_tag: str) -> None:
        flush()
        stack.pop()

    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = lambda *_: refuse("DOCTYPE")
    parser.EntityDeclHandler = lambda *_: refuse("ENTITY")
    try:
        if isinstance(data, (str, bytes)):
            parser.Parse(data, True)
        else:
            for piece in data:
                parser.Parse(piece, False)
            parser.Parse("", True)
    except expat.ExpatError as exc:
        raise error(f"malformed XML: {expat.errors.messages[exc.code]}", path=path, line=exc.lineno) from None
    except LookupError as exc:  # expat asks Python's codecs for an encoding it does not handle itself
        raise error(f"the XML declaration names an unknown text encoding ({exc})", path=path, line=1) from None
    finally:
        parser = None  # type: ignore[assignment]  # the handlers refer to it: free the tree with the root, not at gc
    if not roots:
        raise error("no XML root element", path=path, line=1)
    return roots[0]


def xml_text(text: str) -> str:
    """`text` as XML character data: ``&``, ``<`` and ``>`` escaped (XML 1.0, section 2.4).

    Here rather than ``xml.sax.saxutils.escape``, whose import pulls in ``urllib.request`` (http, email:
    30 ms of every viewer start)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attribute(text: str) -> str:
    """`text` as a double-quoted XML attribute value, white space kept as character references (XML 1.0, 3.3.3)."""
    escaped = xml_text(text).replace('"', "&quot;")
    return '"' + escaped.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'
