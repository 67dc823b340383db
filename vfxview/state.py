"""`ViewerState`: the viewer's evented model (no Qt).

Every field emits ``changed(name, value)`` only when its value really
changes. Menus, shortcuts, panels and the console write the state through
`vfxview.commands`; the viewport and panels subscribe to it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from vfx_rs.image import Image, LayeredImage
from vfx_rs.view import OCIO_DEFAULT_CONFIG, OCIO_DEFAULT_VIEW, ViewSettings

__all__ = ["Signal", "ViewerState", "path_once", "report_error"]


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
    if isinstance(a, (Image, LayeredImage)) or isinstance(b, (Image, LayeredImage)):
        return a is b  # a new image object is a change; comparing the pixels would cost a frame's time
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and np.array_equal(a, b)
    if a is b:
        return True
    try:
        return bool(a == b) and type(a) is type(b)
    except Exception:
        return False


_DEFAULTS: dict[str, Any] = {
    "image": None,  # vfx_rs.Image shown (the current layer)
    "path": "",
    "layered": None,  # vfx_rs.LayeredImage of a multi-layer file
    "layers": (),  # its layer names
    "layer": "",
    "compare": None,  # vfx_rs.Image B of an A/B pair
    "compare_layered": None,  # vfx_rs.LayeredImage of B's multi-layer file
    "compare_layers": (),  # its layer names
    "compare_layer": "",  # the layer B shows (picked apart from A's)
    "compare_path": "",  # the file image B came from ("" when set from a script or none)
    "compare_mode": "off",  # off | wipe | side | diff
    "wipe": 0.5,
    "clip": None,  # vfxview.sequence.Clip (image sequence or movie) being shown, or None
    "cache": None,  # its vfxview.cache.FrameCache (read-ahead on worker threads)
    "frame": 0,  # frame number shown, in the clip's numbering (shot.1001.exr is 1001)
    "in_point": 0,  # first and last frame played
    "out_point": 0,
    "fps": 24.0,  # playback rate
    "playing": 0,  # 1 forward, -1 backward, 0 stopped
    "loop": True,
    "cache_mb": 2048,  # RAM budget of the read-ahead cache, MiB
    "nan_false_color": True,
    "background": "checker",  # checker | black
    "error": "",
    "pinned": None,  # (x, y) image pixel the transform debugger shows whatever the cursor does, or None
    "census": None,  # vfx_rs.census.Census of the shown image (census panel), or None
    "census_overlay": False,  # mark the census positions on the viewport
    "recent": (),
    "input_reason": "",  # why the input space is what it is (shown in the Info panel)
    "input_from_rules": True,  # input_space follows the config's file rules until the user picks one
    # the display chain (vfx_rs.view), on OCIO's default config; its fields read and write as state fields too
    "settings": ViewSettings(config=OCIO_DEFAULT_CONFIG, view=OCIO_DEFAULT_VIEW),
}

_VIEW_FIELDS = tuple(f.name for f in dataclasses.fields(ViewSettings))


class ViewerState:
    """Evented fields; ``state.changed`` emits ``(name, value)`` on each real change.

    ``state.settings`` is the `vfx_rs.view.ViewSettings` the viewer shows
    through; its fields (``state.exposure``, ``state.view``...) read and write
    as state fields: setting one replaces ``settings`` (checked as a whole)
    and emits both the field's name and ``"settings"``.
    """

    FIELDS = (*_DEFAULTS, *_VIEW_FIELDS)

    def __init__(self) -> None:
        object.__setattr__(self, "changed", Signal())
        object.__setattr__(self, "_values", dict(_DEFAULTS))

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        if name in _VIEW_FIELDS:
            return getattr(values["settings"], name)
        raise AttributeError(f"ViewerState has no field {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        self.update(**{name: value})

    def update(self, **fields: Any) -> None:
        """Set several fields (each emits if it changes); view fields change ``settings`` once, all together."""
        unknown = [n for n in fields if n not in self.FIELDS]
        if unknown:
            raise AttributeError(f"ViewerState has no field {unknown[0]!r}; fields: {', '.join(self.FIELDS)}")
        view = {n: v for n, v in fields.items() if n in _VIEW_FIELDS}
        if view:
            fields = {**fields, "settings": fields.get("settings", self.settings).replace(**view)}
        changes = []
        for name, value in fields.items():
            old = self._values.get(name)
            if name not in _VIEW_FIELDS and not _same(old, value):
                self._values[name] = value
                changes.append((name, old, value))
        for name, old, value in changes:  # every field is set before the first signal: listeners see one state
            if name == "settings":
                for field in _VIEW_FIELDS:
                    if not _same(getattr(old, field), getattr(value, field)):
                        self.changed.emit(field, getattr(value, field))
            self.changed.emit(name, value)


_PATH = re.compile(r"(?<![^\s'\"(])(?:[A-Za-z]:)?[^\s:'\"]*[/\\][^\s:'\"]+")


def path_once(message: str) -> str:
    """`message` with each file path named once: later repeats (``p: p: ...``, ``...: 'p'``) are dropped."""
    for path in dict.fromkeys(_PATH.findall(message)):
        end = message.find(path) + len(path)
        repeat = re.compile(r"(: )?'?" + re.escape(path) + r"'?(: )?")
        rest = repeat.sub(lambda m: ": " if m.group(1) and m.group(2) else "", message[end:])
        message = message[:end] + rest
    return message


def report_error(state: ViewerState, message: str) -> None:
    """Show an error message in ``state.error``, each path named once (emits even when the message repeats)."""
    state.error = ""
    state.error = path_once(message)
