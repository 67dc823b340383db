"""Iridas ``.look`` files, read as OpenColorIO reads them (FileFormatIridasLook.cpp).

An XML ``<look>`` whose ``<LUT>`` holds ``<size>"n"</size>`` and ``<data>"..."</data>``: the
3D table as hexadecimal little-endian float32 values, 8 characters each, red fastest
(spaces, quotes and newlines in the data are dropped). Other children of ``<look>``
(``<shaders>``, the baked-in layers) are skipped; a ``<mask>`` holding elements is refused,
as is any element inside ``<LUT>`` other than ``size`` and ``data``. The file is parsed line
by line with expat, keeping OCIO's element state, so the same files are refused.
"""

from __future__ import annotations

import os
import re
from xml.parsers import expat

import numpy as np

from vfx_rs._files import open_regular
from vfx_rs.errors import LutError
from vfx_rs.lut.limits import MAX_3D_SIZE, MAX_TEXT_BYTES, Path
from vfx_rs.lut.lut import Lut3D

__all__ = ["read_iridas_look"]

_LEADING_INT = re.compile(r"-?\d+")
_HEX = re.compile(r"[0-9A-Fa-f]{8}")


class _State:
    """OCIO's XMLParserHelper: where the parser is, the size and the data text."""

    def __init__(self, path: Path) -> None:
        self.path, self.line = path, 0
        self.ignoring, self.in_look, self.in_lut, self.in_mask = 0, False, False, False
        self.in_size, self.in_data = False, False
        self.size, self.chars = 0, 0
        self.packed = bytearray()  # the data block decoded as it arrives: 4 bytes a value, never the hex text
        self.rest = ""  # hex characters of a value split across pieces
        self.bad: int | None = None  # index of the first 8-character group that is not hexadecimal

    def fail(self, message: str) -> None:
        raise LutError(message, path=self.path, line=self.line)

    def start(self, name: str, _attrs: object) -> None:
        if self.ignoring:
            self.ignoring += 1
            if self.in_mask:
                self.fail("cannot load a .look LUT containing a mask")
        elif name == "look":
            if self.in_look:
                self.fail("<look> node can not be inside a <look> node")
            self.in_look = True
        elif not self.in_look:
            self.fail("expecting the root node to be a <look> node")
        elif not self.in_lut:
            self.in_lut = name == "LUT"
            self.in_mask = self.in_mask or name == "mask"
            self.ignoring += name != "LUT"
        elif name in ("size", "data"):
            self.in_size, self.in_data = self.in_size or name == "size", self.in_data or name == "data"

    def end(self, name: str) -> None:
        if self.ignoring:
            self.ignoring -= 1
            return
        for flag, tag in (("in_size", "size"), ("in_data", "data"), ("in_lut", "LUT"), ("in_look", "look")):
            if getattr(self, flag):
                if name != tag:
                    self.fail(f"expecting <{tag}> end, got </{name}>")
                setattr(self, flag, False)
                return
        if self.in_mask:
            if name != "mask":
                self.fail(f"expecting <mask> end, got </{name}>")
            self.in_mask = False

    def text(self, text: str) -> None:
        if not text or text == "\n":
            return
        if self.in_size:
            clean = text.strip("'\" ")
            match = _LEADING_INT.match(clean)
            if match is None:
                self.fail(f"invalid LUT size {text[:40]!r}: expected a quoted integer")
            digits = match.group()  # type: ignore[union-attr]
            size = int(digits) if len(digits) <= 9 else 0  # longer is out of range (and past Python's int limit)
            if not 2 <= size <= MAX_3D_SIZE:
                self.fail(f"invalid LUT size {text[:40]!r}: expected a value between 2 and {MAX_3D_SIZE}")
            self.size = size
        elif self.in_data:
            what = text.replace(" ", "").replace('"', "").replace("'", "").replace("\n", "")
            if self.chars + len(what) > MAX_3D_SIZE**3 * 3 * 8:
                self.fail("too many characters in the 'data' block")
            self._decode(what)

    def _decode(self, what: str) -> None:
        """Append the whole 8-character groups of `what` (after the split group before it) as bytes."""
        start = self.chars - len(self.rest)  # index of `group`'s first character in the whole block
        group = self.rest + what
        self.chars += len(what)
        whole = len(group) - len(group) % 8
        self.rest = group[whole:]
        if self.bad is not None:
            return
        bad = next((i for i in range(0, whole, 8) if not _HEX.fullmatch(group, i, i + 8)), None)
        if bad is not None:
            self.bad = start + bad
            self.packed = bytearray()
            return
        self.packed += bytes.fromhex(group[:whole])


def _parse(path: Path) -> _State:
    """The file fed to expat line by line (`_State.line` names each line in messages), never held whole."""
    state = _State(path)
    parser = expat.ParserCreate()
    parser.StartElementHandler = state.start
    parser.EndElementHandler = state.end
    parser.CharacterDataHandler = state.text
    with open_regular(path, "an Iridas .look file") as handle:
        if os.fstat(handle.fileno()).st_size > MAX_TEXT_BYTES:
            raise LutError(f"larger than any Iridas .look file allowed ({MAX_TEXT_BYTES} bytes)", path=path)
        number = 0
        try:
            for number, piece in enumerate(handle, start=1):
                state.line = number
                parser.Parse(piece if piece.endswith(b"\n") else piece + b"\n", False)
            state.line = number + 1
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            if exc.code == expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH]:
                state.fail("XML parsing error (unbalanced element tags)")
            state.fail(f"XML parsing error: {expat.errors.messages[exc.code]}")
    return state


def read_iridas_look(path: Path) -> Lut3D:
    """Read an Iridas ``.look`` file's baked 3D LUT as a `Lut3D` over [0, 1].

    Raises
    ------
    LutError
        Not well-formed XML, not a ``<look>``, a mask holding elements, a bad size,
        data that is not hexadecimal float32 values or whose count does not match
        the size, naming the file (and the line for XML and element errors).
    """
    state = _parse(path)
    if state.chars % 8:
        raise LutError(f"the data block holds {state.chars} characters, not a multiple of 8", path=path)
    if state.bad is not None:
        raise LutError(f"non-hexadecimal characters in the data block at index {state.bad}", path=path)
    size = state.size
    if not size or state.chars // 8 != 3 * size**3:
        raise LutError(
            f"the data block holds {state.chars // 8} values, expected {3 * size**3} (size {size})", path=path
        )
    values = np.frombuffer(state.packed, dtype="<f4").astype(np.float64)  # little-endian float32, as OCIO
    state.packed = bytearray()
    return Lut3D.adopt(values.reshape(size, size, size, 3))
