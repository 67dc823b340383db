"""Image sequences: frame patterns, frame ranges, and the sequence a frame file belongs to.

A path names a sequence when it holds a frame pattern: ``####`` (one digit
per ``#``), ``@@@@`` (one digit per ``@``, as oiiotool) or printf style
``%04d``. Frame ranges are ``1001-1100``, ``1001-1100x2`` (every second
frame), single frames and comma-separated lists of these (oiiotool's
``--frames`` syntax, OpenImageIO docs, "oiiotool: Frame sequences").
A single frame such as ``shot.1001.exr`` belongs to ``shot.####.exr``
(`sequence_of`): the last run of digits in the file name is the frame
number, its length the padding.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from vfx_rs.errors import ArgumentError

__all__ = ["FramePattern", "parse_frames", "parse_pattern", "sequence_of"]

_PATTERN = re.compile(r"#+|@+|%0?(\d*)d")
_RANGE = re.compile(r"^(-?\d+)(?:-(-?\d+)(?:x(\d+))?)?$")


@dataclass(frozen=True)
class FramePattern:
    """A path with one frame-number field.

    Attributes
    ----------
    head, tail
        The text before and after the field.
    padding
        Minimum digits (frames are zero-padded to it).
    """

    head: str
    tail: str
    padding: int

    def path(self, frame: int) -> str:
        """The file name of `frame`."""
        sign = "-" if frame < 0 else ""
        return f"{self.head}{sign}{abs(frame):0{self.padding}d}{self.tail}"

    def frame_of(self, path: str) -> int | None:
        """The frame number `path` names in this pattern, or None if it is not one of its files."""
        if not (path.startswith(self.head) and path.endswith(self.tail)):
            return None
        digits = path[len(self.head) : len(path) - len(self.tail)]
        if not re.fullmatch(r"-?\d+", digits) or len(digits.lstrip("-")) < self.padding:
            return None
        return int(digits)

    def __str__(self) -> str:
        """The pattern with one ``#`` per digit (``shot.####.exr``)."""
        return f"{self.head}{'#' * self.padding}{self.tail}"

    def on_disk(self) -> list[int]:
        """The frames whose files exist, sorted."""
        folder = os.path.dirname(self.head) or "."
        stem = os.path.basename(self.head)
        number = re.compile(re.escape(stem) + r"(-?\d+)" + re.escape(self.tail) + "$")
        frames = []
        try:
            names = os.listdir(folder)
        except OSError:
            return []
        for name in names:
            match = number.match(name)
            if match and len(match.group(1).lstrip("-")) >= self.padding:
                frames.append(int(match.group(1)))
        return sorted(set(frames))


def parse_pattern(path: str) -> FramePattern | None:
    """The `FramePattern` in `path`, or None if it names a single file.

    Examples
    --------
    >>> parse_pattern("shot.####.exr").path(7)
    'shot.0007.exr'
    >>> parse_pattern("shot.%04d.exr").path(1001), parse_pattern("shot.@@@.exr").path(12)
    ('shot.1001.exr', 'shot.012.exr')
    >>> parse_pattern("plate.exr") is None
    True
    """
    matches = list(_PATTERN.finditer(path))
    if not matches:
        return None
    if len(matches) > 1:
        raise ArgumentError(f"{path!r} has more than one frame field")
    match = matches[0]
    token = match.group(0)
    padding = int(match.group(1) or 1) if token.startswith("%") else len(token)
    return FramePattern(path[: match.start()], path[match.end() :], padding)


def parse_frames(text: str) -> list[int]:
    """The frames of a range expression, in order, without repeats.

    Examples
    --------
    >>> parse_frames("1001-1005x2")
    [1001, 1003, 1005]
    >>> parse_frames("1,3,10-12")
    [1, 3, 10, 11, 12]
    """
    frames: list[int] = []
    for part in text.split(","):
        match = _RANGE.match(part.strip())
        if not match:
            raise ArgumentError(f"bad frame range {part!r}; use e.g. 1001-1100 or 1001-1100x2")
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) is not None else first
        step = int(match.group(3) or 1)
        if step <= 0 or last < first:
            raise ArgumentError(f"bad frame range {part!r}: the end precedes the start or the step is 0")
        if (last - first) // step > 10_000_000:
            raise ArgumentError(f"frame range {part!r} is too long")
        frames.extend(range(first, last + 1, step))
    return list(dict.fromkeys(frames))


_FRAME_NUMBER = re.compile(r"^(.*?)(\d+)(\D*)$")


def sequence_of(path: str | os.PathLike[str]) -> tuple[FramePattern, list[int]] | None:
    """The sequence that frame file `path` belongs to, and the frames of it on disk; None for a lone file.

    The last run of digits in the file name is the frame number and its length
    the padding (``shot.1001.exr`` -> ``shot.####.exr``); a path holding a
    pattern is taken as it is. A file whose pattern matches no other file on
    disk is a lone image (None).

    Examples
    --------
    >>> sequence_of("/no/such/folder/plate.exr") is None
    True
    """
    text = os.fspath(path)
    pattern = parse_pattern(text)
    if pattern is None:
        folder, name = os.path.split(text)
        match = _FRAME_NUMBER.match(name)
        if match is None:
            return None
        pattern = FramePattern(os.path.join(folder, match.group(1)), match.group(3), len(match.group(2)))
        frames = pattern.on_disk()
        return (pattern, frames) if len(frames) > 1 else None
    frames = pattern.on_disk()
    return (pattern, frames) if frames else None
