"""CinemaDNG clips: a directory of numbered DNG frames (vfx-rs-py's ``io.CinemaDng``).

A CinemaDNG clip (Adobe CinemaDNG Image Data Format Specification 1.1, 2011)
is a folder of DNG files, one per frame, numbered in the file name
(``clip_000001.dng``). `CinemaDng` finds the first numbered ``.dng``
sequence in the folder (by name), its frames and gaps, and reads a frame's
raw image with `vfx_rs.io.dng.read` (CFA samples with black and white levels
applied; see that module for the metadata). Width, height and channels come
from the first frame's header.
"""

from __future__ import annotations

import os
import re

from vfx_rs.errors import IoError
from vfx_rs.image import Image
from vfx_rs.io.sequence import FramePattern

__all__ = ["CinemaDng", "is_cinema_dng", "open_cinema_dng", "read_cinema_dng_frame"]

_NUMBERED = re.compile(r"^(.*?)(\d+)(\.dng)$", re.IGNORECASE)


def _dng_names(folder: str) -> list[str]:
    try:
        return sorted(n for n in os.listdir(folder) if n.lower().endswith(".dng"))
    except OSError as exc:
        raise IoError(f"cannot list the CinemaDNG folder: {exc.strerror or exc}", path=folder) from exc


def is_cinema_dng(path: str | os.PathLike[str]) -> bool:
    """True if `path` is a directory holding ``.dng`` files."""
    folder = os.fspath(path)
    return os.path.isdir(folder) and bool(_dng_names(folder))


class CinemaDng:
    """A CinemaDNG clip: ``CinemaDng(folder)`` (or `open_cinema_dng`), then ``read_frame(n)``."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        from vfx_rs.io.dng import read_header

        folder = os.fspath(path)
        if not os.path.isdir(folder):
            raise IoError("CinemaDNG path is not a directory", path=folder)
        numbered = [m for m in map(_NUMBERED.match, _dng_names(folder)) if m]
        if not numbered:
            raise IoError("no numbered DNG frames (name_0001.dng) in the folder", path=folder)
        first = numbered[0]
        self.pattern = FramePattern(os.path.join(folder, first.group(1)), first.group(3), len(first.group(2)))
        self._frames = self.pattern.on_disk()
        self.dir = folder
        header = read_header(self.frame_path(self._frames[0]))
        self.width: int = header["width"]
        self.height: int = header["height"]
        self.channels: int = header["channels"]

    @property
    def first_frame(self) -> int:
        """The first frame number."""
        return self._frames[0]

    @property
    def last_frame(self) -> int:
        """The last frame number."""
        return self._frames[-1]

    @property
    def frame_count(self) -> int:
        """How many frames exist."""
        return len(self._frames)

    def has_frame(self, frame: int) -> bool:
        """True if `frame` exists."""
        return int(frame) in self._frames

    def frames(self) -> list[int]:
        """Every frame number, in order."""
        return list(self._frames)

    def missing_frames(self) -> list[int]:
        """Numbers between the first and last frame that have no file."""
        present = set(self._frames)
        return [f for f in range(self.first_frame, self.last_frame + 1) if f not in present]

    def frame_path(self, frame: int) -> str:
        """The file of `frame` (whether or not it exists)."""
        return self.pattern.path(int(frame))

    def read_frame(self, frame: int) -> Image:
        """The raw image of `frame` (`vfx_rs.io.dng.read`); a frame that does not exist raises `IoError`."""
        from vfx_rs.io import read

        if not self.has_frame(frame):
            raise IoError(f"frame {frame} is not in the clip ({self.first_frame}-{self.last_frame})", path=self.dir)
        return read(self.frame_path(frame))

    def __repr__(self) -> str:
        return (
            f"CinemaDng(dir='{self.dir}', frames={self.first_frame}-{self.last_frame}, "
            f"resolution={self.width}x{self.height})"
        )


def open_cinema_dng(path: str | os.PathLike[str]) -> CinemaDng:
    """The CinemaDNG clip in folder `path`."""
    return CinemaDng(path)


def read_cinema_dng_frame(path: str | os.PathLike[str], frame: int) -> Image:
    """Frame `frame` of the CinemaDNG clip in folder `path`."""
    return CinemaDng(path).read_frame(frame)
