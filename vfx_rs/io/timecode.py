"""SMPTE 12M time addresses ``HH:MM:SS:FF``: as frame counts, and as the bytes files store them.

Frame counts are non-drop-frame (SMPTE ST 12-1, section 5), at the nominal integer rate (23.976 counts
24 frames a second); drop-frame timecode (``;`` separator) is refused rather than miscounted.

In files, the time address is four binary-coded-decimal bytes, frames first (SMPTE
12M-1, section 8; DNG specification 1.4, TimeCodes); the flag bits in the
tens digits (drop frame, colour frame, field) are masked off on read and
written as zero. DPX (SMPTE 268M-2003, television header, offset 1920)
stores the same four bytes as one 32-bit word, hours in the top byte.
"""

from __future__ import annotations

from fractions import Fraction

from vfx_rs.errors import ArgumentError

__all__ = [
    "frames_to_timecode",
    "nominal_rate",
    "timecode_from_bytes",
    "timecode_from_word",
    "timecode_to_bytes",
    "timecode_to_frames",
    "timecode_to_word",
]


def nominal_rate(fps: float | Fraction) -> int:
    """The integer frame count per timecode second: 24 for 23.976, 30 for 29.97."""
    rate = round(float(fps))
    if rate < 1:
        raise ArgumentError(f"frame rate must be at least 1, not {fps!r}")
    return rate


def timecode_to_frames(timecode: str, fps: float | Fraction) -> int:
    """Frames since 00:00:00:00 of ``HH:MM:SS:FF`` at `fps`."""
    rate = nominal_rate(fps)
    if ";" in timecode:
        raise ArgumentError(f"drop-frame timecode {timecode!r} is not supported; give non-drop HH:MM:SS:FF")
    parts = timecode.split(":")
    if len(parts) != 4 or not all(p.isdigit() for p in parts):
        raise ArgumentError(f"timecode must read HH:MM:SS:FF, not {timecode!r}")
    hours, minutes, seconds, frames = (int(p) for p in parts)
    if minutes > 59 or seconds > 59 or frames >= rate:
        raise ArgumentError(f"timecode {timecode!r} is out of range at {rate} frames per second")
    return ((hours * 60 + minutes) * 60 + seconds) * rate + frames


def frames_to_timecode(count: int, fps: float | Fraction) -> str:
    """``HH:MM:SS:FF`` of `count` frames since midnight at `fps` (wrapping at 24 hours)."""
    rate = nominal_rate(fps)
    count %= 24 * 3600 * rate
    seconds, frames = divmod(count, rate)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}:{frames:02d}"


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
