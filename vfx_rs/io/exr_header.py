"""A strict, bounded parse of OpenEXR headers, done before the library reads a file.

Damaged files can declare any data window or channel list; the OpenEXR
library would allocate what they ask for. This module walks the header(s)
with every length checked against the file size, so `check_size` refuses an
absurd image before a byte of pixels is allocated. Layout: OpenEXR file
layout document ("The OpenEXR File Layout", openexr.com): magic number
``76 2f 31 01``, a 4-byte version field with flags, then per part a list of
``name\\0 type\\0 size(int32) value`` attributes ending with a null byte.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from vfx_rs._validate import MAX_CHANNELS
from vfx_rs.errors import FormatError
from vfx_rs.io.limits import check_size

__all__ = ["EXR_MAGIC", "PartHeader", "read_headers"]

EXR_MAGIC = b"\x76\x2f\x31\x01"
"""The four bytes that start every OpenEXR file."""

_FLAG_TILED = 0x200
_FLAG_LONG_NAMES = 0x400
_FLAG_DEEP = 0x800
_FLAG_MULTIPART = 0x1000
_MAX_ATTRIBUTES = 10_000
_MAX_HEADER_BYTES = 64 * 1024 * 1024
_FIRST_READ = 256 * 1024
_PIXEL_TYPES = {0: "uint", 1: "half", 2: "float"}


@dataclass
class PartHeader:
    """What `read_headers` learned about one part."""

    name: str | None = None
    part_type: str | None = None
    data_window: tuple[int, int, int, int] | None = None
    channels: list[tuple[str, str, int, int]] = field(default_factory=list)
    """(name, pixel type, x sampling, y sampling) per channel."""


class _Cursor:
    def __init__(self, data: bytes, path: str) -> None:
        self.data, self.pos, self.path = data, 0, path

    def take(self, n: int, what: str) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise FormatError(f"EXR header truncated while reading {what}", path=self.path)
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def cstring(self, limit: int, what: str) -> str:
        end = self.data.find(b"\x00", self.pos, self.pos + limit + 1)
        if end < 0:
            raise FormatError(f"EXR header: {what} is not terminated within {limit} bytes", path=self.path)
        text = self.data[self.pos : end].decode("latin-1")
        self.pos = end + 1
        return text


def _channels(value: bytes, path: str) -> list[tuple[str, str, int, int]]:
    cur = _Cursor(value, path)
    out: list[tuple[str, str, int, int]] = []
    while True:
        name = cur.cstring(255, "a channel name")
        if not name:
            return out
        ptype, _linear, _r1, _r2, _r3, xs, ys = struct.unpack("<iBBBBii", cur.take(16, "a channel"))
        if ptype not in _PIXEL_TYPES:
            raise FormatError(f"EXR channel {name!r} has unknown pixel type {ptype}", path=path)
        if not (1 <= xs <= 1 << 16 and 1 <= ys <= 1 << 16):
            raise FormatError(f"EXR channel {name!r} has invalid sampling {xs}x{ys}", path=path)
        out.append((name, _PIXEL_TYPES[ptype], xs, ys))
        if len(out) > MAX_CHANNELS:  # stop parsing: the count alone refuses the file
            raise FormatError(f"EXR part declares more than {MAX_CHANNELS} channels, the most read", path=path)


def _part(cur: _Cursor, name_limit: int) -> PartHeader | None:
    part, count = PartHeader(), 0
    while True:
        name = cur.cstring(name_limit, "an attribute name")
        if not name:
            return part if count else None
        count += 1
        if count > _MAX_ATTRIBUTES:
            raise FormatError("EXR header has too many attributes", path=cur.path)
        kind = cur.cstring(name_limit, f"the type of attribute {name!r}")
        (size,) = struct.unpack("<i", cur.take(4, f"the size of attribute {name!r}"))
        value = cur.take(size, f"attribute {name!r} ({size} bytes)")
        if name == "channels" and kind == "chlist":
            part.channels = _channels(value, cur.path)
        elif name == "dataWindow" and kind == "box2i" and size == 16:
            part.data_window = struct.unpack("<iiii", value)
        elif name == "name" and kind == "string":
            part.name = value.decode("utf-8", "replace")
        elif name == "type" and kind == "string":
            part.part_type = value.decode("latin-1")


def _check_part(part: PartHeader, index: int, path: str) -> None:
    if part.data_window is None or not part.channels:
        raise FormatError(f"EXR part {index} lacks a dataWindow or channels attribute", path=path)
    x0, y0, x1, y1 = part.data_window
    width, height = x1 - x0 + 1, y1 - y0 + 1
    if width < 1 or height < 1:
        raise FormatError(f"EXR part {index} has an empty or inverted data window {part.data_window}", path=path)
    check_size(width, height, len(part.channels), path)


def read_headers(path: str) -> list[PartHeader]:
    """Parse and check every part header of an EXR file; raise `FormatError` on anything wrong.

    Reads the first 256 KiB, and up to 64 MiB only for the rare header that is longer.
    """
    from vfx_rs._files import open_regular

    with open_regular(path, "an image file") as handle:  # read_deep comes here without vfx_rs.read's check
        data = handle.read(_FIRST_READ)
        if len(data) < _FIRST_READ:
            return _parse(data, path)
        try:
            return _parse(data, path)
        except FormatError as exc:
            if "truncated" not in exc.message:
                raise
            return _parse(data + handle.read(_MAX_HEADER_BYTES - _FIRST_READ), path)


def _parse(data: bytes, path: str) -> list[PartHeader]:
    if not data.startswith(EXR_MAGIC):
        raise FormatError("not an OpenEXR file (bad magic number)", path=path)
    cur = _Cursor(data, path)
    cur.take(4, "the magic number")
    (version,) = struct.unpack("<I", cur.take(4, "the version field"))
    if version & 0xFF != 2:
        raise FormatError(f"unsupported OpenEXR version {version & 0xFF}", path=path)
    name_limit = 255 if version & _FLAG_LONG_NAMES else 31
    parts: list[PartHeader] = []
    while True:
        part = _part(cur, name_limit)
        if part is None:
            break
        _check_part(part, len(parts), path)
        single = not version & _FLAG_MULTIPART and part.part_type in ("scanlineimage", "tiledimage")
        if single and (part.part_type == "tiledimage") != bool(version & _FLAG_TILED):
            raise FormatError(
                f"EXR type attribute {part.part_type!r} contradicts the version field's tiled flag", path=path
            )
        deep_type = part.part_type is not None and part.part_type.startswith("deep")
        if not version & _FLAG_MULTIPART and deep_type != bool(version & _FLAG_DEEP):
            raise FormatError(
                f"EXR type attribute {part.part_type!r} contradicts the version field's deep (non-image) flag",
                path=path,
            )
        parts.append(part)
        if not version & _FLAG_MULTIPART:
            break
    if not parts:
        raise FormatError("EXR file has no parts", path=path)
    return parts
