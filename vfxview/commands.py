"""Every user action as a function of `ViewerState` (no Qt).

Menus, shortcuts, panels and the scripting console call these; errors are
stored in ``state.error`` (shown by the UI) and the previous image and
settings are kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import vfx_rs
from vfx_rs.errors import ArgumentError, VfxError
from vfx_rs.image import Image
from vfx_rs.session import export_channels
from vfx_rs.view import CHANNELS, ViewSettings
from vfxview.input_space import default_input_space
from vfxview.sequence import load_image
from vfxview.state import ViewerState, report_error

__all__ = [
    "COMPARE_MODES",
    "MAX_RECENT",
    "WRITE_SHARE",
    "Job",
    "as_image",
    "bake",
    "bake_job",
    "depth_range",
    "export",
    "export_channels",
    "export_job",
    "load_image",
    "load_settings",
    "open_image",
    "report_error",
    "reset_grade",
    "save_grade",
    "save_settings",
    "select_compare_layer",
    "select_layer",
    "set_background",
    "set_channel",
    "set_compare",
    "set_compare_image",
    "set_exposure",
    "set_false_color",
    "set_gamma",
    "set_grade",
    "set_settings",
    "set_wipe",
    "show_loaded",
]

COMPARE_MODES = ("off", "wipe", "side", "diff")
"""What `set_compare` takes: no compare, a wipe, side by side, or the difference A - B."""


MAX_RECENT = 10
"""Length of the recent-files list."""

Job = Callable[..., None]
"""Work that `export_job` and `bake_job` return: ``job(progress=None)``, safe on a worker thread; raises on failure."""


def show_loaded(
    state: ViewerState,
    path: str,
    image: Image,
    layered: vfx_rs.LayeredImage | None = None,
) -> None:
    """Make a loaded image current (on the UI thread), in the space its EXR chromaticities or the config's file
    rules give it unless one was picked (`vfxview.input_space`).

    A clip (sequence or movie) stays open: `vfxview.playback` closes it when a lone image opens.
    """
    state.error = ""
    space, reason = default_input_space(state, path, image)
    state.update(
        layered=layered,
        normalize=None,
        input_space=space or state.input_space,
        input_reason=reason,
        path=str(path),
        image=image,
        layers=tuple(layered.layer_names()) if layered is not None else (),
        layer=layered.layer_names()[0] if layered is not None else "",
    )
    recent = [str(path), *[p for p in state.recent if p != str(path)]][:MAX_RECENT]
    state.recent = tuple(recent)


def open_image(state: ViewerState, path: str | Path) -> bool:
    """Read and show the single image `path`; on failure set ``state.error`` and keep the current image.

    `vfxview.playback.open_path` opens the sequence or movie a path belongs to.
    """
    try:
        image, layered = load_image(path)
    except (VfxError, OSError, ValueError) as exc:
        report_error(state, f"cannot open {path}: {exc}")
        return False
    show_loaded(state, str(path), image, layered)
    return True


def select_layer(state: ViewerState, name: str) -> None:
    """Show layer `name` of the current multi-layer file."""
    layered = state.layered
    if layered is None or name not in layered:
        report_error(state, f"no layer {name!r} in {state.path}")
        return
    image = layered[name]
    state.update(normalize=depth_range(name, image), image=image, layer=name)


def depth_range(name: str, image: Image) -> tuple[float, float] | None:
    """Finite (min, max) of a depth layer (named like ``depth`` or with a ``Z`` channel), else None."""
    is_depth = "depth" in name.lower() or any(c.split(".")[-1] == "Z" for c in image.channel_names)
    if not is_depth:
        return None
    finite = image.pixels[np.isfinite(image.pixels)]
    return (float(finite.min()), float(finite.max())) if finite.size else None


def set_exposure(state: ViewerState, stops: float) -> None:
    """Exposure in stops (a uniform: no recompile)."""
    state.exposure = float(stops)


def set_gamma(state: ViewerState, gamma: float) -> None:
    """Display gamma (positive)."""
    if not gamma > 0:
        report_error(state, f"gamma must be positive, got {gamma}")
        return
    state.gamma = float(gamma)


def set_channel(state: ViewerState, channel: str) -> None:
    """Channel view: one of `CHANNELS`."""
    if channel not in CHANNELS:
        report_error(state, f"unknown channel view {channel!r}; expected one of {', '.join(CHANNELS)}")
        return
    state.channel = channel


def set_grade(
    state: ViewerState,
    slope: Any = None,
    offset: Any = None,
    saturation: float | None = None,
    power: Any = None,
    *,
    exposure: float | None = None,
    gamma: float | None = None,
) -> bool:
    """ASC CDL slope/offset/power (per channel, or one number for all) and saturation, exposure (stops) and display
    gamma: one change, all or nothing."""
    values = {"slope": slope, "offset": offset, "power": power, "saturation": saturation}
    values.update(exposure=exposure, gamma=gamma)
    try:
        settings = state.settings.replace(**{k: v for k, v in values.items() if v is not None})
    except (VfxError, TypeError, ValueError) as exc:
        report_error(state, f"cannot set the grade: {exc}")
        return False
    state.settings = settings
    return True


def reset_grade(state: ViewerState) -> None:
    """Exposure, gamma and grade back to neutral."""
    d = ViewSettings()
    state.update(
        exposure=d.exposure, gamma=d.gamma, slope=d.slope, offset=d.offset, power=d.power, saturation=d.saturation
    )


def set_compare(state: ViewerState, mode: str, path: str | Path | None = None) -> None:
    """Compare mode ``off``, ``wipe``, ``side`` (side by side) or ``diff``; `path` loads image B."""
    if mode not in COMPARE_MODES:
        report_error(state, f"unknown compare mode {mode!r} (one of: {', '.join(COMPARE_MODES)})")
        return
    if path is not None:
        try:
            image, layered = load_image(path)
        except (VfxError, OSError, ValueError) as exc:
            report_error(state, f"cannot open {path}: {exc}")
            return
        names = tuple(layered.layer_names()) if layered is not None else ()
        state.update(
            compare=image, compare_layered=layered, compare_layers=names, compare_layer=names[0] if names else ""
        )
    state.update(compare_mode=mode, error="")
    if path is not None:
        state.compare_path = str(path)


def select_compare_layer(state: ViewerState, name: str) -> None:
    """Show layer `name` of image B's multi-layer file (each side picks its own layer)."""
    layered = state.compare_layered
    if layered is None or name not in layered:
        report_error(state, f"no layer {name!r} in image B")
        return
    state.update(compare=layered[name], compare_layer=name)


def as_image(value: Any) -> Image:
    """A `vfx_rs.Image` from an Image or a NumPy array ``(H, W)`` / ``(H, W, C)`` (copied); raises `VfxError`."""
    if isinstance(value, Image):
        return value
    array = np.asarray(value)
    return Image(array[..., np.newaxis] if array.ndim == 2 else array)


def set_compare_image(state: ViewerState, image: Any, mode: str | None = None) -> bool:
    """Image B from a `vfx_rs.Image` or NumPy array (None removes it); `mode` also sets the compare mode."""
    try:
        state.update(
            compare=None if image is None else as_image(image), compare_layered=None, compare_layers=(), compare_path=""
        )
    except (VfxError, ValueError, TypeError) as exc:
        report_error(state, f"cannot use that as image B: {exc}")
        return False
    if mode is not None:
        set_compare(state, mode)
    return True


WRITE_SHARE = 0.2
"""Share of the export progress bar given to writing the file (the rest follows the pipeline's row bands)."""


def export_job(state: ViewerState, path: str | Path, *, grade_only: bool = False, **options: Any) -> Job:
    """The export of the current image as displayed (or graded only, scene-linear), as a job for any thread.

    The image and settings are taken now; ``job(progress)`` writes through the
    NumPy core and raises on failure. Raises `ArgumentError` when no image is open.
    """
    image, settings = state.image, state.settings
    if image is None:
        raise ArgumentError("nothing to export: no image is open")

    def job(progress: Callable[[float], None] | None = None) -> None:
        def band(fraction: float) -> None:
            if progress is not None:
                progress(fraction * (1.0 - WRITE_SHARE))

        shown = settings.apply(image, grade_only=grade_only, progress=band)
        vfx_rs.write(path, export_channels(image, shown, grade_only=grade_only), **options)
        if progress is not None:
            progress(1.0)

    return job


def bake_job(state: ViewerState, path: str | Path) -> Job:
    """Baking the grade and the view to a LUT file (``.cube``, ``.spi3d``, ``.clf``), as a job for any thread."""
    settings = state.settings

    def job(progress: Callable[[float], None] | None = None) -> None:
        settings.bake(path)

    return job


def export(
    state: ViewerState,
    path: str | Path,
    *,
    grade_only: bool = False,
    progress: Callable[[float], None] | None = None,
    **options: Any,
) -> bool:
    """Write the current image as displayed (or graded only, scene-linear) through the NumPy core."""
    if state.image is None:
        report_error(state, "nothing to export: no image is open")
        return False
    try:
        export_job(state, path, grade_only=grade_only, **options)(progress)
    except (VfxError, OSError, ValueError) as exc:
        report_error(state, f"export to {path} failed: {exc}")
        return False
    state.error = ""  # a success clears the last error
    return True


def bake(state: ViewerState, path: str | Path) -> bool:
    """Bake the grade and the view to a LUT file (``.cube``, ``.spi3d``, ``.clf``)."""
    try:
        bake_job(state, path)()
    except (VfxError, OSError, ValueError) as exc:
        report_error(state, f"cannot bake to {path}: {exc}")
        return False
    state.error = ""
    return True


def save_grade(state: ViewerState, path: str | Path) -> bool:
    """Save exposure and grade as an ASC CDL ``.cc``, ``.ccc`` or ``.cdl`` file (`vfx_rs.color.cdl_files`).

    The exposure is folded into the slope (`vfx_rs.view.ViewSettings.cdl`). The viewer grades in OCIO's
    no-clamp CDL style, which is how OCIO applies a ``.cc`` file by default.
    """
    from vfx_rs.color.cdl_files import write_cdl_file

    try:
        write_cdl_file(path, dataclasses.replace(state.settings.cdl(), id="vfxview"))
    except (VfxError, OSError) as exc:
        report_error(state, f"cannot save grade to {path}: {exc}")
        return False
    return True


def save_settings(state: ViewerState, path: str | Path) -> bool:
    """Save the view settings (`vfx_rs.view.ViewSettings.save`, JSON) for ``vfx ... --settings`` or a later session."""
    try:
        state.settings.save(path)
    except (VfxError, OSError) as exc:
        report_error(state, f"cannot save view settings to {path}: {exc}")
        return False
    return True


def set_settings(state: ViewerState, settings: ViewSettings) -> bool:
    """Show through `settings` (checked by building its GLSL: a broken one leaves a message and the current ones)."""
    if not isinstance(settings, ViewSettings):
        report_error(state, f"expected vfx_rs.view.ViewSettings, got {type(settings).__name__}")
        return False
    try:
        settings.glsl()
    except (VfxError, OSError, ValueError, KeyError) as exc:
        report_error(state, f"cannot show through {settings!r}: {exc}")
        return False
    state.update(settings=settings, input_from_rules=False)
    return True


def load_settings(state: ViewerState, path: str | Path) -> bool:
    """Show through view settings saved by `save_settings` (checked: a broken one leaves the current settings)."""
    try:
        settings = ViewSettings.load(path)
        settings.glsl()
    except (VfxError, OSError) as exc:
        report_error(state, f"cannot load view settings from {path}: {exc}")
        return False
    return set_settings(state, settings)


def set_background(state: ViewerState, background: str) -> None:
    """Background behind transparent pixels: ``checker`` or ``black``."""
    if background not in ("checker", "black"):
        report_error(state, f"unknown background {background!r}; expected checker or black")
        return
    state.background = background


def set_false_color(state: ViewerState, on: bool | None = None) -> None:
    """Show NaN and Inf in false colour (`on`), or toggle it (None)."""
    state.nan_false_color = (not state.nan_false_color) if on is None else bool(on)


def set_wipe(state: ViewerState, position: float) -> None:
    """Wipe position, 0 (all B) to 1 (all A), clamped."""
    state.wipe = float(np.clip(position, 0.0, 1.0))
