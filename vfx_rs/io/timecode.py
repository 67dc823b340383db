"""SMPTE timecode ``HH:MM:SS:FF`` <-> frame counts, non-drop-frame (SMPTE ST 12-1, section 5).

Rates are counted at their nominal integer rate (23.976 counts 24 frames a second), as non-drop
timecode does; drop-frame timecode (``;`` separator) is refused rather than miscounted.
"""

from __future__ import annotations

from fractions import Fraction

from vfx_rs.errors import ArgumentError

__all__ = ["frames_to_timecode", "nominal_rate", "timecode_to_frames"]


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
