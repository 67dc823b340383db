"""`ViewerState`: the viewer's evented model (no Qt).

Every field emits ``changed(name, value)`` only when its value really
changes. Menus, shortcuts, panels and the console write the state through
`vfxview.commands`; the viewport and panels subscribe to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["BUILTIN_CONFIG", "CHANNELS", "SOURCES", "DisplaySettings", "Signal", "ViewerState"]

CHANNELS = ("RGB", "R", "G", "B", "A", "Y")
"""Channel views: colour, one channel as grey, alpha, or Rec. 709 luminance."""

SOURCES = ("ocio", "lut", "raw")
"""Where the color transform comes from: an OCIO config's display/view, a LUT file, or none."""

BUILTIN_CONFIG = "ocio://cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
"""The default OCIO config: the ACES 1.3 CG config built into `vfx_rs.ocio` (`vfx_rs.ocio.builtin_aces_1_3`)."""


class Signal:
    """A minimal signal: `connect` callbacks, `emit` calls them in order."""

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def connect(self, slot: Callable[..., Any]) -> None:
        """Call `slot` on every `emit`."""
        self._slots.append(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        """Stop calling `slot`."""
        self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        """Call every connected slot with `args`."""
        for slot in list(self._slots):
            slot(*args)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and np.array_equal(a, b)
    if a is b:
        return True
    try:
        return bool(a == b) and type(a) is type(b)
    except Exception:
        return False


@dataclass(frozen=True)
class DisplaySettings:
    """The color-affecting part of the state, the input of `vfxview.display`."""

    exposure: float = 0.0
    gamma: float = 1.0
    channel: str = "RGB"
    slope: tuple[float, float, float] = (1.0, 1.0, 1.0)
    offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
    power: tuple[float, float, float] = (1.0, 1.0, 1.0)
    saturation: float = 1.0
    source: str = "ocio"  # one of SOURCES
    config: str = BUILTIN_CONFIG  # ocio://name, $OCIO or a .ocio path
    input_space: str = "scene_linear"  # color space (or role) of the image
    display: str = "sRGB - Display"
    view: str = "ACES 1.0 - SDR Video"
    look: str = ""  # OCIO look string; "" keeps the view's own looks
    lut: str = ""  # LUT file path (source "lut")
    normalize: tuple[float, float] | None = None  # (lo, hi) mapped to 0..1 first: depth layers


_DEFAULTS: dict[str, Any] = {
    "image": None,  # vfx_rs.Image shown (the current layer)
    "path": "",
    "layered": None,  # vfx_rs.LayeredImage of a multi-layer file
    "layers": (),  # its layer names
    "layer": "",
    "compare": None,  # vfx_rs.Image B of an A/B pair
    "compare_mode": "off",  # off | wipe | side | diff
    "wipe": 0.5,
    "frames": (),  # file paths of an image sequence
    "frame": 0,  # index into frames
    "nan_false_color": True,
    "background": "checker",  # checker | black
    "error": "",
    "recent": (),
    "input_from_rules": True,  # input_space follows the config's file rules until the user picks one
    **{name: getattr(DisplaySettings(), name) for name in DisplaySettings.__dataclass_fields__},
}


class ViewerState:
    """Evented fields; ``state.changed`` emits ``(name, value)`` on each real change."""

    FIELDS = tuple(_DEFAULTS)

    def __init__(self) -> None:
        object.__setattr__(self, "changed", Signal())
        object.__setattr__(self, "_values", dict(_DEFAULTS))

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        raise AttributeError(f"ViewerState has no field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._values:
            raise AttributeError(f"ViewerState has no field {name!r}; fields: {', '.join(self.FIELDS)}")
        if _same(self._values[name], value):
            return
        self._values[name] = value
        self.changed.emit(name, value)

    def update(self, **fields: Any) -> None:
        """Set several fields (each emits if it changes)."""
        for name, value in fields.items():
            setattr(self, name, value)

    def display_settings(self) -> DisplaySettings:
        """The current `DisplaySettings`."""
        return DisplaySettings(**{name: self._values[name] for name in DisplaySettings.__dataclass_fields__})
