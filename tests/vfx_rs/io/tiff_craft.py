"""A minimal little-endian TIFF writer for the variants tifffile does not write (TIFF 6.0, section 2)."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

__all__ = ["logluv32_codes", "sgilog_rle", "write_tiff"]

SHORT, LONG = 3, 4


def write_tiff(path: Path, width: int, height: int, strip: bytes, tags: dict[int, tuple[int, list[int]]]) -> None:
    """One uncompressed-layout strip after the header, then one IFD; `tags` maps tag -> (SHORT/LONG, values)."""
    entries = {
        256: (LONG, [width]),
        257: (LONG, [height]),
        273: (LONG, [8]),
        278: (LONG, [height]),
        279: (LONG, [len(strip)]),
        **tags,
    }
    ifd_offset = 8 + len(strip) + len(strip) % 2
    extra = bytearray()
    extra_offset = ifd_offset + 2 + 12 * len(entries) + 4
    records = b""
    for tag in sorted(entries):
        kind, values = entries[tag]
        fmt = "H" if kind == SHORT else "I"
        payload = struct.pack(f"<{len(values)}{fmt}", *values)
        if len(payload) <= 4:
            records += struct.pack("<HHI", tag, kind, len(values)) + payload.ljust(4, b"\0")
        else:
            records += struct.pack("<HHII", tag, kind, len(values), extra_offset + len(extra))
            extra += payload
    body = b"II*\0" + struct.pack("<I", ifd_offset) + strip + b"\0" * (len(strip) % 2)
    path.write_bytes(body + struct.pack("<H", len(entries)) + records + b"\0\0\0\0" + bytes(extra))


def sgilog_rle(words: np.ndarray, planes: int) -> bytes:
    """SGI Log RLE of (H, W) words (libtiff ``tif_luv.c``): per row, per byte plane from the most significant,
    literal runs only (a count below 128, then that many bytes)."""
    out = bytearray()
    for row in words.astype(np.uint32):
        for plane in range(planes - 1, -1, -1):
            data = ((row >> (8 * plane)) & 0xFF).astype(np.uint8).tobytes()
            for start in range(0, len(data), 127):
                chunk = data[start : start + 127]
                out += bytes([len(chunk)]) + chunk
    return bytes(out)


def logluv32_codes(xyz: np.ndarray) -> np.ndarray:
    """CIE XYZ to LogLuv32 words (Larson 1998, section 3): 16-bit log luminance, then 8-bit u', 8-bit v' x 410."""
    x, y, z = (xyz[..., i].astype(np.float64) for i in range(3))
    log = np.clip(np.floor(256 * (np.log2(y) + 64)), 1, 0x7FFF).astype(np.uint32)
    denominator = x + 15 * y + 3 * z
    u = np.clip(np.floor(410 * 4 * x / denominator), 0, 255).astype(np.uint32)
    v = np.clip(np.floor(410 * 9 * y / denominator), 0, 255).astype(np.uint32)
    return (log << 16) | (u << 8) | v
