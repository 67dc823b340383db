"""Image sequences on the command line: the frame patterns and ranges of `vfx_rs.io.sequence`, and globs."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from vfx_rs.errors import ArgumentError
from vfx_rs.io.sequence import FramePattern, parse_frames, parse_pattern

__all__ = ["FramePattern", "expand_glob", "glob_output", "is_glob", "parse_frames", "parse_pattern"]


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
