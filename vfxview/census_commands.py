"""The NaN / Inf / negative / out-of-gamut census in the viewer (no Qt): take it, list it, per frame of a clip.

`vfx_rs.census.census` does the counting; here it is taken of the shown image
(with the shown view, for the out-of-gamut count) and stored in
``state.census``, which the census panel lists and the overlay marks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vfx_rs.census import KINDS, Census, census
from vfx_rs.errors import ArgumentError, VfxError
from vfx_rs.image import Image
from vfxview.state import ViewerState, report_error

__all__ = [
    "FALSE_COLORS",
    "MAX_POSITIONS",
    "census_frames",
    "census_rows",
    "census_target",
    "difference",
    "frame_line",
    "take_census",
]

MAX_POSITIONS = 1000
"""Positions listed (and marked) per kind."""

FALSE_COLORS: dict[str, tuple[float, float, float]] = {
    "nan": (1.0, 0.0, 1.0),
    "+inf": (1.0, 0.0, 0.0),
    "-inf": (0.0, 0.3, 1.0),
    "negative": (0.0, 0.9, 0.9),
    "out_of_gamut": (1.0, 0.6, 0.0),
}
"""Marker colour per kind: NaN, +Inf and -Inf as the viewport's false colour (shaders/display.frag)."""


def difference(a: Image, b: Image) -> Image:
    """A - B over their common colour channels (R, G, B or fewer), for the census and metrics of a compare.

    Raises `ArgumentError` unless both have the same data window.
    """
    if a.data_window != b.data_window:
        raise ArgumentError(f"A and B differ in data window ({a.data_window} vs {b.data_window}): no difference")
    n = min(3, a.channels, b.channels)
    names = a.channel_names[:n]
    return a.with_pixels(a.pixels[..., :n] - b.pixels[..., :n], names)


def census_target(state: ViewerState) -> tuple[Image, Any, str] | None:
    """What the census counts: in difference mode A - B (no view, so no gamut count), else the shown image."""
    if state.image is None:
        return None
    if state.compare is not None and state.compare_mode == "diff":
        label = f"A - B ({state.layer or 'A'} - {state.compare_layer or 'B'})"
        return difference(state.image, state.compare), None, label
    return state.image, state.settings, "shown image"


def take_census(state: ViewerState, max_positions: int = MAX_POSITIONS) -> Census | None:
    """The census of `census_target` (the shown image, or A - B in difference mode), stored in ``state.census``."""
    try:
        target = census_target(state)
        if target is None:
            state.census = None
            return None
        found = census(target[0], target[1], max_positions)
    except (VfxError, OSError, ValueError) as exc:
        report_error(state, f"census failed: {exc}")
        return None
    state.census = found
    return found


def census_rows(found: Census) -> list[tuple[str, int, int]]:
    """``(kind, x, y)`` for every listed position: NaN, +Inf, -Inf, negative, then out of gamut."""
    rows = [(kind, x, y) for kind in KINDS for x, y in found.positions[kind]]
    return rows + [("out_of_gamut", x, y) for x, y in found.out_of_gamut_positions]


def frame_line(frame: int, found: Census) -> str:
    """One line per frame: its totals per kind."""
    totals = "  ".join(f"{kind} {found.total(kind)}" for kind in (*KINDS, "out_of_gamut"))
    return f"frame {frame}: {totals}"


def census_frames(state: ViewerState, progress: Callable[[float], None] | None = None) -> dict[int, Census | None]:
    """The census of every frame of the open clip through the shown view (None for a missing frame); any thread.

    Returns an empty dict when no clip is open.
    """
    clip, settings = state.clip, state.settings
    if clip is None:
        return {}
    out: dict[int, Census | None] = {}
    frames = range(clip.first, clip.last + 1)
    for index, frame in enumerate(frames):
        out[frame] = None if clip.is_missing(frame) else census(clip.load(frame)[0], settings, MAX_POSITIONS)
        if progress is not None:
            progress((index + 1) / len(frames))
    return out
