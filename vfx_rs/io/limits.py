"""Size limits checked before a reader allocates pixels.

A damaged or hostile header can claim any size; readers call `check_size`
with what the header says before they allocate, so such a file raises
`FormatError` instead of exhausting memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from vfx_rs.errors import FormatError

__all__ = ["LIMITS", "ReadLimits", "check_size"]


@dataclass
class ReadLimits:
    """Largest image a reader accepts; change the fields of `LIMITS` to raise them.

    Attributes
    ----------
    max_dimension
        Largest width or height, in pixels.
    max_bytes
        Largest decoded float32 image, in bytes (width x height x channels x 4).
    """

    max_dimension: int = 65536
    max_bytes: int = 8 * 1024**3


LIMITS = ReadLimits()
"""The limits every reader checks; for example ``vfx_rs.io.LIMITS.max_bytes = 16 * 1024**3``."""


def check_size(width: int, height: int, channels: int, path: str | None = None) -> None:
    """Raise `FormatError` if a ``width x height x channels`` float32 image is out of bounds."""
    if width < 1 or height < 1 or channels < 1:
        raise FormatError(f"invalid image size {width}x{height} with {channels} channels", path=path)
    if width > LIMITS.max_dimension or height > LIMITS.max_dimension:
        raise FormatError(
            f"image size {width}x{height} exceeds the limit of {LIMITS.max_dimension} pixels per side "
            "(vfx_rs.io.LIMITS.max_dimension)",
            path=path,
        )
    size = width * height * channels * 4
    if size > LIMITS.max_bytes:
        raise FormatError(
            f"image of {width}x{height}x{channels} needs {_amount(size)}, over the limit of "
            f"{_amount(LIMITS.max_bytes)} (vfx_rs.io.LIMITS.max_bytes)",
            path=path,
        )


def _amount(size: int) -> str:
    """A byte count in MiB below 1 GiB, else GiB: ``"64.0 MiB"``, ``"8.0 GiB"``."""
    return f"{size / 1024**2:.1f} MiB" if size < 1024**3 else f"{size / 1024**3:.1f} GiB"
