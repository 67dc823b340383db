"""Clip actions on `ViewerState` (no Qt): open a sequence or movie, frames, in/out points, playback, cache.

Frames are the clip's own numbers (``shot.1001.exr`` is frame 1001). A frame
missing on disk is shown as a striped placeholder with a warning in
``state.error``, never skipped. ``state.playing`` (1 forward, -1 backward, 0
stopped) is what the timeline's clock follows: it calls `advance` at
``state.fps`` and shows a frame only once the read-ahead cache holds it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from vfx_rs.errors import VfxError
from vfx_rs.image import Image, LayeredImage
from vfxview import commands
from vfxview.cache import FrameCache, texture_pixels
from vfxview.sequence import Clip, clip_for, placeholder
from vfxview.state import ViewerState, report_error

__all__ = [
    "advance",
    "close_clip",
    "next_frame",
    "open_clip",
    "open_path",
    "play",
    "play_order",
    "set_cache_budget",
    "set_fps",
    "set_frame",
    "set_image",
    "set_in_out",
    "set_loop",
    "show_frame",
    "step",
]

_READ_ERRORS = (VfxError, OSError, ValueError)

Prepare = Callable[[Image], Any]


def open_path(state: ViewerState, path: str | os.PathLike[str]) -> bool:
    """Open `path`: the sequence or movie it belongs to (at the frame it names), else the single image."""
    try:
        found = clip_for(path)
    except _READ_ERRORS as exc:
        report_error(state, f"cannot open {os.fspath(path)}: {exc}")
        return False
    if found is None:
        close_clip(state)
        return commands.open_image(state, os.fspath(path))
    return open_clip(state, *found)


def open_clip(
    state: ViewerState,
    clip: Clip,
    frame: int | None = None,
    loaded: tuple[Image, LayeredImage | None] | None = None,
    prepare: Prepare | None = None,
) -> bool:
    """Make `clip` current at `frame` (default its first), its whole range between the in and out points.

    `loaded` is that frame already read (on a worker); `prepare` makes the texture data the cache
    holds beside each frame (default `vfxview.cache.texture_pixels`). The previous clip's cache is released.
    """
    frame = clip.first if frame is None else int(frame)
    if loaded is None and not clip.is_missing(frame):
        try:
            loaded = clip.load(frame)
        except _READ_ERRORS as exc:
            report_error(state, f"cannot open {clip.path(frame)}: {exc}")
            return False
    close_clip(state)
    cache = FrameCache(clip, state.cache_mb * 2**20, prepare or texture_pixels)
    image, layered = loaded if loaded is not None else (None, None)
    if image is None:  # the named frame is missing: show the placeholder at the size of the first present one
        image = _placeholder_for(clip)
        layered = None
    commands.show_loaded(state, clip.path(frame), image, layered)
    state.update(clip=clip, cache=cache, frame=frame, in_point=clip.first, out_point=clip.last, fps=clip.fps, playing=0)
    _space_from_tags(state, clip)
    if loaded is not None:
        cache.put(frame, *loaded)
    _warn_missing(state, frame)
    cache.fill(play_order(state))
    return True


def set_image(state: ViewerState, image: Any, name: str = "<script>") -> bool:
    """Show a `vfx_rs.Image` or NumPy array as the current image (the clip, if any, closes)."""
    try:
        image = commands.as_image(image)
    except (VfxError, ValueError, TypeError) as exc:
        report_error(state, f"cannot show that as an image: {exc}")
        return False
    close_clip(state)
    commands.show_loaded(state, name, image)
    return True


def close_clip(state: ViewerState) -> None:
    """Forget the current clip (its cache stops and frees its frames)."""
    if state.cache is not None:
        state.cache.close()
    if state.clip is not None:
        state.clip.close()
    state.update(clip=None, cache=None, playing=0)


def _placeholder_for(clip: Clip) -> Image:
    for frame in range(clip.first, clip.last + 1):
        if not clip.is_missing(frame):
            try:
                image = clip.load(frame)[0]
            except _READ_ERRORS:
                continue
            return placeholder(image.width, image.height)
    return placeholder(256, 256)


def _space_from_tags(state: ViewerState, clip: Clip) -> None:
    """A movie's input space from its color tags (BT.709 tags: the config's Rec.709 display space)."""
    from vfxview import color_commands

    tags = getattr(clip, "tags", None)
    if tags and state.input_from_rules:
        space = color_commands.space_for_tags(state, tags)
        if space:
            state.update(input_space=space, input_reason="from the movie's color tags")


def _warn_missing(state: ViewerState, frame: int) -> None:
    clip = state.clip
    if clip is not None and clip.is_missing(frame):
        report_error(state, f"frame {frame} is missing: no file {os.path.basename(clip.path(frame))}")


def show_frame(state: ViewerState, frame: int, image: Image, layered: LayeredImage | None = None) -> None:
    """Show `image` as frame `frame` of the clip (loaded on a worker, or taken from the cache).

    Grade, view and the chosen layer stay; the message line is cleared.
    """
    if layered is not None and state.layer in layered:
        image = layered[state.layer]
    clip = state.clip
    state.update(
        error="", image=image, layered=layered, frame=int(frame), path=clip.path(frame) if clip else state.path
    )


def set_frame(state: ViewerState, frame: int) -> bool:
    """Show frame `frame` of the clip (clamped to it): from the cache, else read now; a missing frame warns."""
    clip = state.clip
    if clip is None:
        report_error(state, "no image sequence or movie is open")
        return False
    frame = min(max(int(frame), clip.first), clip.last)
    cache: FrameCache | None = state.cache
    if clip.is_missing(frame):
        shown = state.image
        size = (shown.width, shown.height) if shown is not None else (256, 256)
        state.update(image=placeholder(*size), layered=None, frame=frame, path=clip.path(frame))
        _warn_missing(state, frame)
    else:
        entry = cache.get(frame) if cache is not None else None
        if entry is None:
            try:
                image, layered = clip.load(frame)
            except _READ_ERRORS as exc:
                report_error(state, f"cannot open frame {frame} ({clip.path(frame)}): {exc}")
                return False
            if cache is not None:
                cache.put(frame, image, layered)
        else:
            image, layered = entry.image, entry.layered
        show_frame(state, frame, image, layered)
    if cache is not None:
        cache.fill(play_order(state))
    return True


def play_order(state: ViewerState) -> list[int]:
    """The frames from the current one in the play direction (forward when stopped), within in/out, wrapping."""
    first, last = state.in_point, state.out_point
    if state.clip is None or last < first:
        return []
    span = list(range(first, last + 1))
    frame = min(max(state.frame, first), last)
    at = frame - first
    if state.playing < 0:
        return span[at::-1] + span[:at:-1]
    return span[at:] + span[:at]


def next_frame(state: ViewerState, count: int = 1) -> int | None:
    """The frame `count` steps on (negative: back) within in/out; wraps when looping, else None past an end."""
    first, last = state.in_point, state.out_point
    target = state.frame + count
    if first <= target <= last:
        return target
    if not state.loop:
        return None
    return first + (target - first) % (last - first + 1)


def step(state: ViewerState, count: int = 1) -> bool:
    """Step `count` frames (negative: back), wrapping at the in/out points."""
    if state.clip is None:
        report_error(state, "no image sequence or movie is open")
        return False
    target = next_frame(state, count)
    if target is None:
        target = state.in_point + (state.frame + count - state.in_point) % (state.out_point - state.in_point + 1)
    return set_frame(state, target)


def advance(state: ViewerState) -> bool:
    """One playback tick: show the next frame if the cache holds it (or it is missing); False while it waits.

    Stops at an end when not looping.
    """
    target = next_frame(state, state.playing or 1)
    if target is None:
        state.playing = 0
        return False
    cache: FrameCache | None = state.cache
    if state.clip is None or cache is None:
        return False
    if not state.clip.is_missing(target) and cache.get(target) is None:
        cache.fill(play_order(state))
        return False
    return set_frame(state, target)


def play(state: ViewerState, direction: int = 1) -> None:
    """Play forward (1), backward (-1), or stop (0)."""
    if direction not in (-1, 0, 1):
        report_error(state, f"play direction must be 1, -1 or 0, got {direction}")
        return
    if state.clip is None and direction:
        report_error(state, "no image sequence or movie to play")
        return
    state.playing = direction
    if state.cache is not None:
        state.cache.fill(play_order(state))


def set_fps(state: ViewerState, fps: float) -> None:
    """Playback rate in frames per second (positive)."""
    if not 0 < fps <= 1000:
        report_error(state, f"frame rate must be between 0 and 1000, got {fps}")
        return
    state.fps = float(fps)


def set_in_out(state: ViewerState, in_point: int | None = None, out_point: int | None = None) -> bool:
    """In and out points (frame numbers inside the clip, in <= out); None keeps one; the frame stays inside."""
    clip = state.clip
    if clip is None:
        report_error(state, "no image sequence or movie is open")
        return False
    first = state.in_point if in_point is None else int(in_point)
    last = state.out_point if out_point is None else int(out_point)
    if not clip.first <= first <= last <= clip.last:
        report_error(state, f"in/out {first}-{last} must lie in {clip.first}-{clip.last} with in <= out")
        return False
    state.update(in_point=first, out_point=last)
    if not first <= state.frame <= last:
        return set_frame(state, first)
    if state.cache is not None:
        state.cache.fill(play_order(state))
    return True


def set_loop(state: ViewerState, on: bool) -> None:
    """Loop between in and out (else playback stops at the end)."""
    state.loop = bool(on)


def set_cache_budget(state: ViewerState, megabytes: int) -> None:
    """RAM the read-ahead cache may hold, in MiB (at least 64)."""
    if megabytes < 64:
        report_error(state, f"the cache budget must be at least 64 MiB, got {megabytes}")
        return
    state.cache_mb = int(megabytes)
    if state.cache is not None:
        state.cache.set_budget(state.cache_mb * 2**20)
        state.cache.fill(play_order(state))
