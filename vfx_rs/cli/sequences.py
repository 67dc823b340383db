"""Image sequences on the command line: frame patterns, frame ranges, globs.

A path names a sequence when it holds a frame pattern: ``####`` (one digit
per ``#``), ``@@@@`` (one digit per ``@``, as oiiotool) or printf style
``%04d``. Frame ranges are ``1001-1100``, ``1001-1100x2`` (every second
frame), single frames and comma-separated lists of these (oiiotool's
``--frames`` syntax, OpenImageIO docs, "oiiotool: Frame sequences").
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path

from vfx_rs.errors import ArgumentError

__all__ = ["FramePattern", "expand_glob", "glob_output", "is_glob", "parse_frames", "parse_pattern"]

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


def is_glob(path: str) -> bool:
    """True if `path` holds shell wildcards (``*``, ``?``, ``[``)."""
    return glob.has_magic(path)


def expand_glob(pattern: str) -> list[str]:
    """The files matching `pattern`, sorted."""
    return sorted(p for p in glob.glob(pattern) if os.path.isfile(p))


def glob_output(inputs: list[str], output: str) -> list[str]:
    """Output paths for globbed inputs: ``*`` in `output` is each input's stem, else `output` is a folder."""
    if "*" in output:
        return [output.replace("*", Path(p).stem) for p in inputs]
    if not os.path.isdir(output):
        raise ArgumentError(f"with several inputs the output {output!r} must be a folder or hold '*' (the stem)")
    return [os.path.join(output, os.path.basename(p)) for p in inputs]
