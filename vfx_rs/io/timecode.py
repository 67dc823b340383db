"""SMPTE 12M time addresses ("HH:MM:SS:FF") as the 8 bytes of CinemaDNG's TimeCodes tag and DPX's 32-bit word.

The time address is four binary-coded-decimal bytes, frames first (SMPTE
12M-1, section 8; DNG specification 1.4, TimeCodes); the flag bits in the
tens digits (drop frame, colour frame, field) are masked off on read and
written as zero. DPX (SMPTE 268M-2003, television header, offset 1920)
stores the same four bytes as one 32-bit word, hours in the top byte.
"""

from __future__ import annotations

from vfx_rs.errors import ArgumentError

__all__ = ["timecode_from_bytes", "timecode_from_word", "timecode_to_bytes", "timecode_to_word"]


def _bcd(value: int) -> int:
    return (value // 10) << 4 | value % 10


def timecode_to_bytes(timecode: str) -> bytes:
    """``HH:MM:SS:FF`` as the 8-byte SMPTE 12M time address (frames first, BCD; user bits zero)."""
    try:
        hh, mm, ss, ff = (int(part) for part in timecode.replace(";", ":").split(":"))
    except (AttributeError, ValueError) as exc:
        raise ArgumentError(f"timecode must be 'HH:MM:SS:FF', not {timecode!r}") from exc
    if not (0 <= hh < 24 and 0 <= mm < 60 and 0 <= ss < 60 and 0 <= ff < 40):
        raise ArgumentError(f"timecode {timecode!r} is out of range")
    return bytes([_bcd(ff), _bcd(ss), _bcd(mm), _bcd(hh), 0, 0, 0, 0])


def timecode_from_bytes(raw: bytes) -> str:
    """The 8-byte SMPTE 12M time address as ``HH:MM:SS:FF`` (flag bits masked off)."""

    def number(byte: int, mask: int) -> int:
        byte &= mask
        return (byte >> 4) * 10 + (byte & 0xF)

    hours, minutes, seconds, frames = (
        number(raw[3], 0x3F),
        number(raw[2], 0x7F),
        number(raw[1], 0x7F),
        number(raw[0], 0x3F),
    )
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}:{frames:02d}"


def timecode_to_word(timecode: str) -> int:
    """``HH:MM:SS:FF`` as DPX's 32-bit time code, ``0xHHMMSSFF`` in BCD."""
    return int.from_bytes(timecode_to_bytes(timecode)[:4], "little")


def timecode_from_word(word: int) -> str:
    """DPX's 32-bit BCD time code as ``HH:MM:SS:FF``."""
    return timecode_from_bytes(int(word).to_bytes(4, "little") + bytes(4))
