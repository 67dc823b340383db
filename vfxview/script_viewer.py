"""`ScriptViewer`: the console's ``viewer`` object, a thin face over `vfxview.commands` (no Qt).

Scripts drive the viewer through the same commands as menus, shortcuts and
panels, so a line of Python and a click do the same thing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from vfx_rs.image import Image
from vfx_rs.view import ViewSettings
from vfxview import color_commands, commands, playback
from vfxview.state import ViewerState

__all__ = ["ScriptViewer"]


class ScriptViewer:
    """The console's ``viewer``: scripts drive the UI through the same commands (``help(viewer)`` lists them).

    Properties read the viewer and, where they can be set, change it: `image`, `layer`, `frame`, `fps`,
    `compare`, `compare_mode`, `exposure`, `gamma`, `settings` (the whole `vfx_rs.view.ViewSettings`).
    Methods open files, pick the view, grade, play, export and bake. A refused value leaves the viewer
    as it was and sets `error`.

    Examples
    --------
    >>> from vfxview.state import ViewerState
    >>> v = ScriptViewer(ViewerState())
    >>> v.exposure = 1.5
    >>> v.state.exposure
    1.5
    """

    def __init__(self, state: ViewerState) -> None:
        self.state = state

    def open(self, path: str | Path) -> bool:
        """Open an image file, or the sequence or movie it belongs to (``False`` and ``state.error`` on failure)."""
        return playback.open_path(self.state, path)

    @property
    def image(self) -> Image | None:
        """The current image as a `vfx_rs.Image` (a copy); set a `vfx_rs.Image` or NumPy array to show it."""
        return self.state.image.copy() if self.state.image is not None else None

    @image.setter
    def image(self, value: Image | np.ndarray) -> None:
        playback.set_image(self.state, value)

    @property
    def layers(self) -> tuple[str, ...]:
        """The layer names of a multi-layer file (empty for one layer)."""
        return tuple(self.state.layers)

    @property
    def layer(self) -> str:
        """The layer shown (``""`` for a one-layer file); set a name from `layers` to show it."""
        return str(self.state.layer)

    @layer.setter
    def layer(self, name: str) -> None:
        commands.select_layer(self.state, name)

    @property
    def frame(self) -> int:
        """The frame number shown of the open sequence or movie; set one to go there."""
        return int(self.state.frame)

    @frame.setter
    def frame(self, number: int) -> None:
        playback.set_frame(self.state, number)

    @property
    def frames(self) -> tuple[int, int] | None:
        """First and last frame numbers of the open sequence or movie, or None."""
        clip = self.state.clip
        return (clip.first, clip.last) if clip is not None else None

    @property
    def fps(self) -> float:
        """Playback rate in frames per second."""
        return float(self.state.fps)

    @fps.setter
    def fps(self, value: float) -> None:
        playback.set_fps(self.state, value)

    def play(self, direction: int = 1) -> None:
        """Play forward (1), backward (-1), or stop (0)."""
        playback.play(self.state, direction)

    def set_in_out(self, in_point: int | None = None, out_point: int | None = None) -> bool:
        """In and out points of playback (frame numbers; None keeps one)."""
        return playback.set_in_out(self.state, in_point, out_point)

    @property
    def compare(self) -> Image | None:
        """Image B (a copy); set a `vfx_rs.Image`, NumPy array or None, or use `open_compare` for a file."""
        return self.state.compare.copy() if self.state.compare is not None else None

    @compare.setter
    def compare(self, value: Image | np.ndarray | None) -> None:
        commands.set_compare_image(self.state, value)

    def open_compare(self, path: str | Path, mode: str = "wipe") -> None:
        """Load image B from a file and compare in `mode`."""
        commands.set_compare(self.state, mode, path)

    @property
    def compare_mode(self) -> str:
        """``off``, ``wipe``, ``side`` (side by side) or ``diff`` (difference)."""
        return str(self.state.compare_mode)

    @compare_mode.setter
    def compare_mode(self, mode: str) -> None:
        commands.set_compare(self.state, mode)

    @property
    def error(self) -> str:
        """The last error message ("" after a success)."""
        return str(self.state.error)

    @property
    def exposure(self) -> float:
        """Exposure in stops."""
        return float(self.state.exposure)

    @exposure.setter
    def exposure(self, stops: float) -> None:
        commands.set_exposure(self.state, stops)

    @property
    def gamma(self) -> float:
        """Display gamma."""
        return float(self.state.gamma)

    @gamma.setter
    def gamma(self, value: float) -> None:
        commands.set_gamma(self.state, value)

    @property
    def settings(self) -> ViewSettings:
        """The view settings (`vfx_rs.view.ViewSettings`); set a new one to show through it."""
        return self.state.settings

    @settings.setter
    def settings(self, settings: ViewSettings) -> None:
        commands.set_settings(self.state, settings)

    def set_view(self, display: str, view: str | None = None, look: str | None = None) -> bool:
        """Choose OCIO display, view and (optionally) look."""
        return color_commands.set_display(self.state, display, view, look)

    def set_config(self, spec: str | Path) -> bool:
        """Use an OCIO config: ``ocio://name``, ``$OCIO`` or a ``.ocio`` file."""
        return color_commands.set_config(self.state, spec)

    def set_input_space(self, name: str) -> bool:
        """Color space of the image in the current config (overrides the config's file rules)."""
        return color_commands.set_input_space(self.state, name)

    def use_file_rules(self) -> bool:
        """Take the input color space from the config's file rules again."""
        return color_commands.use_file_rules(self.state)

    def set_lut(self, path: str | Path) -> bool:
        """Show through a LUT file instead of an OCIO view."""
        return color_commands.set_lut(self.state, path)

    def set_channel(self, channel: str) -> None:
        """Channel view (RGB, R, G, B, A, Y)."""
        commands.set_channel(self.state, channel)

    def set_grade(
        self,
        slope: Any = None,
        offset: Any = None,
        saturation: float | None = None,
        power: Any = None,
        *,
        exposure: float | None = None,
        gamma: float | None = None,
    ) -> bool:
        """ASC CDL slope, offset, power and saturation, exposure (stops) and display gamma, in one change."""
        return commands.set_grade(self.state, slope, offset, saturation, power, exposure=exposure, gamma=gamma)

    def save_grade(self, path: str | Path) -> bool:
        """Save the grade as ``.cc`` / ``.cdl``."""
        return commands.save_grade(self.state, path)

    def export(self, path: str | Path, grade_only: bool = False) -> bool:
        """Export through the NumPy core."""
        return commands.export(self.state, path, grade_only=grade_only)

    def bake(self, path: str | Path) -> bool:
        """Bake grade and view to a LUT file (``.cube``)."""
        return commands.bake(self.state, path)

    def __repr__(self) -> str:
        return f"<viewer {self.state.path or 'no image'} exposure={self.state.exposure} {self.state.display}/{self.state.view}>"
