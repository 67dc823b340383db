"""Clips the timeline plays (no Qt): an image sequence on disk, or a movie.

A clip has real frame numbers (`first` .. `last`, every number in between:
a frame missing on disk stays in the range and `is_missing` says so), a frame
rate, and `load(frame)`, safe on a worker thread. `clip_for` finds the clip a
path belongs to: a movie file, a pattern (``shot.####.exr``), or one frame of
a sequence (``shot.1001.exr``, `vfx_rs.io.sequence.sequence_of`).
"""

from __future__ import annotations

import functools
import os
import threading
from abc import ABC, abstractmethod
from typing import Any

import numpy as np

from vfx_rs.errors import VfxError
from vfx_rs.image import Image, LayeredImage
from vfx_rs.io.exr_header import read_headers
from vfx_rs.io.movie import MOVIE_EXTENSIONS
from vfx_rs.io.sequence import FramePattern, sequence_of

__all__ = [
    "DEFAULT_FPS",
    "Clip",
    "ImageSequence",
    "MovieClip",
    "Opened",
    "clip_for",
    "load_image",
    "placeholder",
    "read_path",
]

DEFAULT_FPS = 24.0
"""Frame rate of an image sequence until the user sets one."""


def load_image(path: str | os.PathLike[str]) -> tuple[Image, LayeredImage | None]:
    """Read a file (may run on a worker thread): the first layer, and all layers of a multi-layer EXR."""
    import vfx_rs

    path = os.fspath(path)
    if path.lower().endswith(".exr"):
        try:
            parts = read_headers(path)
        except (VfxError, OSError):
            parts = []  # the layered reader below says what is wrong, naming the file
        if len(parts) == 1 and not any("." in channel[0] for channel in parts[0].channels):
            return vfx_rs.read(path), None  # one layer: the plain reader is faster than the layered one
        layered = vfx_rs.read_layered(path)
        names = layered.layer_names()
        return layered[names[0]], (layered if len(names) > 1 else None)
    return vfx_rs.read(path), None


class Clip(ABC):
    """Frames `first` .. `last` played at `fps`; subclasses say where a frame comes from."""

    label = ""
    first = 0
    last = 0
    fps = DEFAULT_FPS

    def __len__(self) -> int:
        return self.last - self.first + 1

    def is_missing(self, frame: int) -> bool:
        """True if `frame` is in the range but has no file."""
        return False

    def missing(self) -> list[int]:
        """The missing frame numbers, in order."""
        return [f for f in range(self.first, self.last + 1) if self.is_missing(f)]

    @abstractmethod
    def path(self, frame: int) -> str:
        """The file frame `frame` comes from."""

    @abstractmethod
    def load(self, frame: int) -> tuple[Image, LayeredImage | None]:
        """Read frame `frame` (any thread)."""

    def close(self) -> None:  # noqa: B027 - most clips hold no open file
        """Release open files."""


class ImageSequence(Clip):
    """Numbered image files ``pattern.path(frame)`` for the frames found on disk (gaps are missing frames)."""

    def __init__(self, pattern: FramePattern, frames: list[int], fps: float = DEFAULT_FPS) -> None:
        self.pattern = pattern
        self.present = frozenset(frames)
        self.first, self.last = min(frames), max(frames)
        self.fps = fps
        self.label = os.path.basename(str(pattern))

    def is_missing(self, frame: int) -> bool:
        return frame not in self.present

    def path(self, frame: int) -> str:
        return self.pattern.path(frame)

    def load(self, frame: int) -> tuple[Image, LayeredImage | None]:
        return load_image(self.path(frame))

    def __repr__(self) -> str:
        gaps = len(self) - len(self.present)
        return f"<ImageSequence {self.pattern} {self.first}-{self.last} ({gaps} missing) @ {self.fps:g} fps>"


class MovieClip(Clip):
    """The frames of a movie (`vfx_rs.read_movie`), numbered from 0; one decoder, so loads take turns."""

    def __init__(self, path: str) -> None:
        import vfx_rs

        self.movie = vfx_rs.read_movie(path)
        self._lock = threading.Lock()
        self.first, self.last = 0, len(self.movie) - 1
        self.fps = float(self.movie.fps)
        self.tags: dict[str, Any] = dict(self.movie.tags)
        self.label = os.path.basename(path)
        self._path = path

    def path(self, frame: int) -> str:
        return self._path

    def load(self, frame: int) -> tuple[Image, LayeredImage | None]:
        with self._lock:
            return self.movie[frame], None

    def close(self) -> None:
        with self._lock:
            self.movie.close()

    def __repr__(self) -> str:
        return f"<MovieClip {self.label} {len(self)} frames @ {self.fps:g} fps>"


def clip_for(path: str | os.PathLike[str]) -> tuple[Clip, int] | None:
    """The clip `path` belongs to and the frame it names (the first for a pattern); None for a lone image.

    Raises the `vfx_rs` errors of opening a movie.
    """
    text = os.fspath(path)
    if text.lower().endswith(MOVIE_EXTENSIONS):
        movie = MovieClip(text)
        return movie, movie.first
    found = sequence_of(text)
    if found is None:
        return None
    pattern, frames = found
    clip = ImageSequence(pattern, frames)
    named = pattern.frame_of(text)
    return clip, (named if named is not None and clip.first <= named <= clip.last else clip.first)


Opened = tuple[Clip | None, int, tuple[Image, LayeredImage | None] | None]
"""What `read_path` gives: the clip (None for a lone image), the frame, and that frame read (None if missing)."""


def read_path(path: str | os.PathLike[str]) -> Opened:
    """Find the clip `path` belongs to and read the frame it names, or read the lone image (any thread)."""
    found = clip_for(path)
    if found is None:
        return None, 0, load_image(path)
    clip, frame = found
    return clip, frame, (None if clip.is_missing(frame) else clip.load(frame))


@functools.lru_cache(maxsize=4)
def placeholder(width: int, height: int) -> Image:
    """The image shown for a missing frame: dark red with bright diagonal stripes, metadata ``missing=True``."""
    stripes = ((np.arange(height, dtype=np.int32)[:, None] + np.arange(width, dtype=np.int32)) // 32) % 2 == 0
    colors = np.array([(0.05, 0.0, 0.0, 1.0), (0.6, 0.05, 0.05, 1.0)], np.float32)
    rgba = colors[stripes.view(np.uint8)]  # one gather, no full-size index grids (a hitch while playing)
    return Image(rgba, ["R", "G", "B", "A"], metadata={"missing": True})
