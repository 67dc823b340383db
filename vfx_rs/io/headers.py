"""Bounded header parses for the formats whose decoder would allocate whatever the header claims.

The JPEG and Radiance HDR decoders allocate the full image a header
declares; these functions read only the header (a bounded number of bytes),
so `vfx_rs.io.limits.check_size` can refuse an absurd size before decoding,
and a truncated JPEG is refused instead of decoding to padded rows.
"""

from __future__ import annotations

import re
import struct
from typing import BinaryIO

from vfx_rs.errors import FormatError

__all__ = ["JpegHeader", "jpeg_header", "radiance_size", "raster_size"]

_SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
"""Start-of-frame markers (ITU-T T.81, table B.1): baseline, extended, progressive, lossless, arithmetic."""

_ARITHMETIC = frozenset({0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
"""Arithmetic-coded frames, which can spend less than one bit on an 8x8 block."""

_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
"""Markers without a length field (TEM, RST0-RST7; T.81, B.1.1.3)."""

_MAX_HEADER_BYTES = 4 * 1024 * 1024
"""Most header bytes read before the frame header or scan must have appeared."""

_RADIANCE_SIZE = re.compile(rb"([-+])([XY]) +([0-9]{1,9}) +([-+])([XY]) +([0-9]{1,9})")


class JpegHeader:
    """What `jpeg_header` reads: the frame size, sample precision (bits) and where the first scan starts."""

    def __init__(self, width: int, height: int, components: int, scan_offset: int, precision: int = 8) -> None:
        self.width, self.height, self.components, self.scan_offset = width, height, components, scan_offset
        self.precision = precision


def jpeg_header(handle: BinaryIO, path: str) -> JpegHeader:
    """Walk the JPEG markers (ITU-T T.81, annex B) up to the first scan; raise `FormatError` on damage.

    Also checks that an end-of-image marker (``FF D9``) follows the first scan:
    the entropy-coded data stuffs every ``FF`` byte, so a file without one
    after the scan is truncated.
    """
    data = handle.read(_MAX_HEADER_BYTES)
    if not data.startswith(b"\xff\xd8"):
        raise FormatError("not a JPEG file (no start-of-image marker)", path=path)
    pos, frame = 2, None
    while True:
        while pos < len(data) and data[pos] == 0xFF and pos + 1 < len(data) and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes (T.81, B.1.1.2)
        if pos + 4 > len(data) or data[pos] != 0xFF:
            raise FormatError("JPEG header is damaged or truncated (no frame header before the scan)", path=path)
        marker = data[pos + 1]
        if marker in _STANDALONE:
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            raise FormatError(f"JPEG marker FF{marker:02X} at byte {pos} has a bad length {length}", path=path)
        if marker in _SOF_MARKERS:
            if length < 8:
                raise FormatError("JPEG frame header is too short", path=path)
            precision, height, width, components = struct.unpack(">BHHB", data[pos + 4 : pos + 10])
            frame = (width, height, components, marker in _ARITHMETIC, precision)
        elif marker == 0xDA:
            if frame is None:
                raise FormatError("JPEG scan starts before any frame header", path=path)
            break
        elif marker == 0xD9:
            raise FormatError("JPEG file ends before its first scan", path=path)
        pos += 2 + length
    width, height, components, arithmetic, precision = frame
    if height == 0 or width == 0:
        raise FormatError(f"JPEG frame declares a {width}x{height} image (DNL heights are not supported)", path=path)
    size = handle.seek(0, 2)
    # Huffman coding spends at least one bit on each 8x8 block (its DC code, T.81 F.1.2.1): a file
    # with fewer bits of scan data than blocks is truncated, and would decode to padding.
    blocks = -(-width // 8) * -(-height // 8)
    if not arithmetic and blocks > 8 * (size - pos):
        raise FormatError(
            f"JPEG declares {width}x{height} pixels but holds {size - pos} bytes of scan data, "
            f"fewer bits than its {blocks} 8x8 blocks need (truncated or damaged)",
            path=path,
        )
    # Valid files may carry a few bytes after the end-of-image marker: look in the last 64 KiB.
    handle.seek(max(pos, size - 65536))
    if b"\xff\xd9" not in handle.read():
        raise FormatError("JPEG data is truncated (no end-of-image marker after the scan)", path=path)
    return JpegHeader(width, height, components, pos, precision)


def radiance_size(handle: BinaryIO, path: str) -> tuple[int, int]:
    """Width and height from a Radiance HDR header (Greg Ward, "Real Pixels", Graphics Gems II, 1991).

    The header is text lines up to a blank line, then a resolution line such
    as ``-Y 480 +X 640`` (height first when Y comes first).
    """
    head = handle.read(65536)
    end = head.find(b"\n\n")
    if end < 0:
        raise FormatError("Radiance HDR header has no blank line within 64 KiB (damaged or not HDR)", path=path)
    line = head[end + 2 :].split(b"\n", 1)[0].strip()
    match = _RADIANCE_SIZE.fullmatch(line)
    if match is None or match.group(2) == match.group(5):
        raise FormatError(f"Radiance HDR resolution line {line[:40]!r} is not like '-Y 480 +X 640'", path=path)
    first, second = int(match.group(3)), int(match.group(6))
    width, height = (second, first) if match.group(2) == b"Y" else (first, second)
    # Each scanline (along the second axis; the first counts them) starts with at least one
    # explicit 4-byte pixel (Radiance color.c, freadcolrs).
    data_bytes = handle.seek(0, 2) - (end + 3 + len(line))
    if first * 4 > data_bytes:
        raise FormatError(
            f"Radiance HDR declares {width}x{height} pixels but holds only {data_bytes} bytes of pixel data "
            "(truncated or damaged)",
            path=path,
        )
    return width, height


def raster_size(fmt: str, head: bytes, path: str) -> tuple[int, int]:
    """Width and height from the first 32 bytes of a BMP, TGA, GIF or WebP file, before Pillow opens it.

    BMP: BITMAPINFOHEADER (or the 12-byte OS/2 core header) after the 14-byte file header; TGA: image
    specification at byte 12 (Truevision TGA 2.0, table "Image Specification"); GIF: logical screen
    descriptor (GIF89a, section 18); WebP: the first chunk's frame or canvas size (RFC 9649, sections
    2.5-2.7).
    """

    def need(n: int) -> None:
        if len(head) < n:
            raise FormatError(f"{fmt.upper()} header is truncated ({len(head)} bytes)", path=path)

    if fmt == "bmp":
        need(26)
        if struct.unpack_from("<I", head, 14)[0] == 12:
            width, height = struct.unpack_from("<HH", head, 18)
        else:
            width, height = struct.unpack_from("<ii", head, 18)
        return abs(width), abs(height)
    if fmt == "tga":
        need(18)
        return struct.unpack_from("<HH", head, 12)
    if fmt == "gif":
        need(10)
        return struct.unpack_from("<HH", head, 6)
    need(30)
    chunk = head[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack_from("<HH", head, 26)
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        (bits,) = struct.unpack_from("<I", head, 21)
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(head[24:27], "little") + 1, int.from_bytes(head[27:30], "little") + 1
    raise FormatError(f"WebP file starts with an unknown chunk {chunk!r}", path=path)
