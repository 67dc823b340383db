"""File > Export Movie (no Qt): the open sequence or movie, in..out, through the shown view, as a movie file.

Each frame goes through `vfx_rs.view.ViewSettings.apply` (the exact NumPy
core, what export writes for one image) and `vfx_rs.write_movie` encodes the
RGB display code values; a missing frame holds the previous one (as the
timeline shows it) and is reported. Runs as a job on a worker thread with progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import vfx_rs
from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfxview.state import ViewerState

__all__ = ["DEFAULT_CODEC", "movie_job"]

DEFAULT_CODEC = "prores_422hq"
"""The codec File > Export Movie writes (``.mp4`` gets ``h264``)."""

MovieJob = Callable[..., list[int]]
"""``job(progress=None)`` writes the movie and returns the frames held for missing ones."""


def movie_job(state: ViewerState, path: str | Path, codec: str | None = None) -> MovieJob:
    """The export of the open clip's in..out frames through the current view settings, as a job for any thread.

    Raises `ArgumentError` now when no sequence or movie is open.
    """
    clip, settings = state.clip, state.settings
    if clip is None:
        raise ArgumentError("Export Movie needs an open image sequence or movie")
    first, last = state.in_point, state.out_point
    codec = codec or ("h264" if str(path).lower().endswith(".mp4") else DEFAULT_CODEC)

    def job(progress: Callable[[float], None] | None = None) -> list[int]:
        held: list[int] = []

        def frames() -> Iterator[Image]:
            previous: Image | None = None
            for index, frame in enumerate(range(first, last + 1)):
                if clip.is_missing(frame):
                    if previous is None:
                        raise ArgumentError(f"frame {frame} is missing and no earlier frame can stand for it")
                    held.append(frame)
                else:
                    shown = settings.apply(clip.load(frame)[0]).pixels[..., :3]
                    previous = Image(shown.clip(0.0, 1.0))
                if progress is not None:
                    progress((index + 1) / (last - first + 1))
                yield previous

        vfx_rs.write_movie(path, frames(), fps=clip.fps, codec=codec)
        return held

    return job
