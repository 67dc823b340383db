"""DPX (SMPTE 268M-2003) reading and writing: 8, 10, 12 and 16 bit, both byte orders.

Layout: a 768-byte file information header (magic ``SDPX`` for big-endian
files, ``XPDS`` for little-endian ones, offset to the image data at byte 4),
a 640-byte image information header (orientation, element count, width,
height, then the first image element at byte 780: data sign, reference
codes, descriptor, transfer, colorimetric, bit size, packing, encoding, data
offset), then orientation, film and television headers up to byte 2048.

Sample packing. Filled method A (packing = 1, what `write` produces):
10-bit components sit three to a 32-bit word in bits 31-22, 21-12 and 11-2;
12-bit components sit one to a 16-bit word in bits 15-4. Filled method B
(packing = 2) pads at the other end: bits 29-20, 19-10, 9-0 and 11-0. Packed (packing =
0, what OpenImageIO writes for 12 bit): components follow each other as a
bit stream starting at the least significant bit of each 32-bit word. Packed
and 10-bit lines end on a 32-bit word; 8-, 12-bit filled and 16-bit lines are
unpadded, as OpenImageIO writes and reads them. Run-length encoded files are refused with
`FormatError`. ``timecode`` (television header) and ``frame_rate`` (film header, else television
header), ``dpx:transfer`` and ``dpx:colorimetric`` round-trip through the metadata.
"""

from __future__ import annotations

import struct
import time
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError, FormatError
from vfx_rs.image import Image
from vfx_rs.io.integer import check_bit_depth, decode_integers, encode_integers
from vfx_rs.io.limits import check_size
from vfx_rs.io.timecode import timecode_from_word, timecode_to_word

__all__ = ["WRITE_OPTIONS", "default_bit_depth", "read", "write"]

WRITE_OPTIONS = {"dpx": frozenset({"bit_depth", "byte_order"})}

_DATA_OFFSET = 2048
_DESCRIPTORS = {6: ("Y",), 50: ("R", "G", "B"), 51: ("R", "G", "B", "A"), 52: ("A", "B", "G", "R")}
_DESCRIPTOR_OF_CHANNELS = {1: 6, 3: 50, 4: 51}


def _line_bytes(width: int, channels: int, bits: int, packing: int) -> int:
    """Bytes per line, as OpenImageIO writes and reads them: packed and 10-bit lines end on a 32-bit word."""
    components = width * channels
    if packing == 0 and bits in (10, 12):
        return 4 * -(-components * bits // 32)
    if bits == 10:
        return 4 * -(-components // 3)
    return components * (1 if bits == 8 else 2)


def _unpack_packed(words: np.ndarray, bits: int, components: int) -> np.ndarray:
    """Packing 0: a little-endian bit stream through each line's 32-bit words (as OpenImageIO writes)."""
    height = words.shape[0]
    pairs = np.zeros((height, words.shape[1] + 1), np.uint64)
    pairs[:, :-1] = words
    offsets = np.arange(components, dtype=np.uint64) * np.uint64(bits)
    index = (offsets // np.uint64(32)).astype(np.intp)
    shift = offsets % np.uint64(32)
    both = pairs[:, index] | (pairs[:, index + 1] << np.uint64(32))
    return ((both >> shift) & np.uint64(2**bits - 1)).astype(np.uint16)


def _unpack(raw: np.ndarray, bits: int, packing: int, shape: tuple[int, int, int], line: int, order: str) -> np.ndarray:
    height, width, channels = shape
    components = width * channels
    lines = raw.reshape(height, line)
    if bits == 8:
        codes = lines[:, :components]
    elif bits == 16:
        codes = lines.view(f"{order}u2")[:, :components]
    elif packing == 0:
        codes = _unpack_packed(lines.view(f"{order}u4"), bits, components)
    elif bits == 10:
        words = lines.view(f"{order}u4")
        pad = 2 if packing == 1 else 0  # method A pads the low bits, method B the high ones
        codes = np.stack([(words >> (20 + pad)) & 0x3FF, (words >> (10 + pad)) & 0x3FF, (words >> pad) & 0x3FF], -1)
        codes = codes.reshape(height, -1)[:, :components]
    else:
        words = lines.view(f"{order}u2")[:, :components]
        codes = words >> 4 if packing == 1 else words & 0xFFF
    return codes.reshape(height, width, channels)


def _pack(codes: np.ndarray, bits: int, order: str) -> bytes:
    """Lines of samples: 8/16 bit plain, 10/12 bit filled method A."""
    height, width, channels = codes.shape
    flat = codes.reshape(height, width * channels).astype(np.uint32)
    if bits == 8:
        return flat.astype(np.uint8).tobytes()
    if bits == 16:
        return flat.astype(f"{order}u2").tobytes()
    if bits == 12:
        return (flat << 4).astype(f"{order}u2").tobytes()
    padded = np.zeros((height, _line_bytes(width, channels, bits, 1) // 4 * 3), np.uint32)
    padded[:, : flat.shape[1]] = flat
    triples = padded.reshape(height, -1, 3)
    words = (triples[..., 0] << 22) | (triples[..., 1] << 12) | (triples[..., 2] << 2)
    return words.astype(f"{order}u4").tobytes()


def _text(raw: bytes) -> str:
    return raw.split(b"\0", 1)[0].decode("latin-1").strip()


_FILM_FRAME_RATE, _TV_TIME_CODE, _TV_FRAME_RATE = 1724, 1920, 1940
"""Offsets of the film header's frame rate (R32), the television header's time code (U32, SMPTE 12M BCD) and
temporal sampling rate (R32) in SMPTE 268M-2003."""


def _time_metadata(blob: bytes, order: str, offset: int) -> dict[str, Any]:
    """``timecode`` and ``frame_rate`` from the film and television headers, where the file defines them."""
    if offset < 2048 or len(blob) < 2048:
        return {}
    meta: dict[str, Any] = {}
    (word,) = struct.unpack_from(f"{order}I", blob, _TV_TIME_CODE)
    if word != 0xFFFFFFFF:
        meta["timecode"] = timecode_from_word(word)
    for at in (_FILM_FRAME_RATE, _TV_FRAME_RATE):
        (rate,) = struct.unpack_from(f"{order}f", blob, at)
        if np.isfinite(rate) and rate > 0:
            meta["frame_rate"] = float(np.float32(rate))
            break
    return meta


def read(path: str) -> Image:
    """Read the first image element of a DPX file."""
    with open(path, "rb") as handle:
        blob = handle.read()
    if len(blob) < 1664:
        raise FormatError(f"DPX file is {len(blob)} bytes, shorter than its 1664-byte headers", path=path)
    order = {b"SDPX": ">", b"XPDS": "<"}.get(blob[:4])
    if order is None:
        raise FormatError("not a DPX file (bad magic number)", path=path)
    offset = struct.unpack_from(f"{order}I", blob, 4)[0]
    orientation, elements, width, height = struct.unpack_from(f"{order}HHII", blob, 768)
    if not 1 <= elements <= 8:
        raise FormatError(f"DPX header claims {elements} image elements (1 to 8 allowed)", path=path)
    sign, low, _lq, high, _hq = struct.unpack_from(f"{order}IIfIf", blob, 780)
    descriptor, transfer, colorimetric, bits = blob[800], blob[801], blob[802], blob[803]
    packing, encoding, element_offset, eol_padding = struct.unpack_from(f"{order}HHII", blob, 804)
    if descriptor not in _DESCRIPTORS:
        raise FormatError(f"DPX descriptor {descriptor} is not supported (Y, RGB, RGBA, ABGR are)", path=path)
    names = _DESCRIPTORS[descriptor]
    check_size(width, height, len(names), path)
    if bits not in (8, 10, 12, 16):
        raise FormatError(f"DPX bit depth {bits} is not supported (8, 10, 12, 16 are)", path=path)
    if encoding != 0:
        raise FormatError("run-length encoded DPX files are not supported", path=path)
    if packing not in (0, 1, 2):
        raise FormatError(
            f"DPX packing {packing} is not supported (0 packed, 1 and 2 filled methods A and B are)", path=path
        )
    if sign != 0:
        raise FormatError("signed DPX samples are not supported", path=path)
    start = element_offset if element_offset not in (0, 0xFFFFFFFF) else offset
    line = _line_bytes(width, len(names), bits, packing)
    if eol_padding not in (0, 0xFFFFFFFF):
        line += eol_padding
    size = line * height
    if start < 1664 or start + size > len(blob):
        raise FormatError(
            f"DPX image data ({size} bytes at offset {start}) does not fit in the {len(blob)}-byte file", path=path
        )
    raw = np.frombuffer(blob, np.uint8, size, start)
    codes = _unpack(raw, bits, packing, (height, width, len(names)), line, order)
    data = decode_integers(codes, bits)
    if descriptor == 52:
        data, names = data[..., ::-1], ("R", "G", "B", "A")
    metadata: dict[str, Any] = {
        "bit_depth": int(bits),
        "dpx:byte_order": "big" if order == ">" else "little",
        "dpx:transfer": int(transfer),
        "dpx:colorimetric": int(colorimetric),
        "dpx:descriptor": int(descriptor),
        "dpx:orientation": int(orientation),
        "dpx:packing": int(packing),
        "dpx:reference_low": int(low),
        "dpx:reference_high": int(high),
        "dpx:creator": _text(blob[160:260]),
        "dpx:timestamp": _text(blob[136:160]),
        **_time_metadata(blob, order, offset),
    }
    return Image._adopt(np.ascontiguousarray(data), list(names), "u8" if bits == 8 else "u16", metadata)


def default_bit_depth(image: Image) -> int:
    """The bit depth `write` uses when none is given: 8 for 8-bit sources, 10 otherwise."""
    return 8 if image.format == "u8" else 10


def write(path: str, image: Image, fmt: str = "dpx", bit_depth: int | None = None, byte_order: str = "big") -> None:
    """Write Y, RGB or RGBA as DPX (10 bit by default, the common film-scan depth)."""
    if image.channels not in _DESCRIPTOR_OF_CHANNELS:
        raise ArgumentError(f"DPX holds Y, RGB or RGBA; the image has {image.channels} channels {image.channel_names}")
    bits = check_bit_depth(bit_depth, (8, 10, 12, 16), default_bit_depth(image), "DPX")
    if byte_order not in ("big", "little"):
        raise ArgumentError(f"DPX byte_order must be 'big' or 'little', not {byte_order!r}")
    order = ">" if byte_order == "big" else "<"
    codes = encode_integers(image.numpy(), bits, np.uint16)
    pixels = _pack(codes, bits, order)
    header = bytearray(_DATA_OFFSET)
    header[0:4] = b"SDPX" if order == ">" else b"XPDS"
    struct.pack_into(f"{order}I8sIIIII", header, 4, _DATA_OFFSET, b"V2.0", _DATA_OFFSET + len(pixels), 1, 1664, 384, 0)
    header[160:166] = b"vfx-rs"
    header[136:155] = time.strftime("%Y:%m:%d:%H:%M:%S").encode()
    struct.pack_into(f"{order}I", header, 660, 0xFFFFFFFF)
    timecode = image.metadata.get("timecode")
    struct.pack_into(
        f"{order}II", header, _TV_TIME_CODE, timecode_to_word(str(timecode)) if timecode else 0xFFFFFFFF, 0
    )
    if image.metadata.get("frame_rate"):
        for at in (_FILM_FRAME_RATE, _TV_FRAME_RATE):
            struct.pack_into(f"{order}f", header, at, float(image.metadata["frame_rate"]))
    struct.pack_into(f"{order}HHII", header, 768, 0, 1, image.width, image.height)
    high = 2**bits - 1
    transfer = int(image.metadata.get("dpx:transfer", 2))
    colorimetric = int(image.metadata.get("dpx:colorimetric", 2))
    struct.pack_into(
        f"{order}IIfIfBBBBHHIII",
        header,
        780,
        0,
        0,
        0.0,
        high,
        2.047,
        _DESCRIPTOR_OF_CHANNELS[image.channels],
        transfer,
        colorimetric,
        bits,
        1 if bits in (10, 12) else 0,
        0,
        _DATA_OFFSET,
        0,
        0,
    )
    for element in range(1, 8):  # unused elements are marked undefined (all ones)
        header[780 + 72 * element : 780 + 72 * element + 72] = b"\xff" * 72
    with open(path, "wb") as handle:
        handle.write(bytes(header))
        handle.write(pixels)
