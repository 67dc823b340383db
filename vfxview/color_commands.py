"""Color-management actions on `ViewerState` (no Qt): config, input space, display/view, look, LUT, raw.

Until the user picks an input color space (``--input``, the color panel,
``viewer.set_input_space``), it follows the config's file rules for the open
file (OCIO's ``getColorSpaceFromFilepath``, `vfx_rs.ocio.Config.colorspace_from_filepath`);
``state.input_from_rules`` says which of the two is in force.

Each action builds the display pipeline it would lead to before changing the
state: a broken config or LUT, or an unknown name, becomes ``state.error``
and the previous settings stay.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from vfx_rs.errors import VfxError
from vfx_rs.ocio import Config
from vfx_rs.view import BUILTIN_CONFIG, LUT_POSITIONS, OCIO_DEFAULT_CONFIG, SOURCES, clear_caches, load_config
from vfxview.state import ViewerState, report_error

__all__ = [
    "config_choices",
    "configure",
    "current_config",
    "file_rule_space",
    "set_config",
    "set_display",
    "set_input_space",
    "set_look",
    "set_lut",
    "set_lut_position",
    "set_source",
    "space_for_tags",
    "use_file_rules",
]


def _apply(state: ViewerState, what: str, **changes: Any) -> bool:
    """Set `changes` if the resulting display pipeline builds (and emits GLSL); else report and keep."""
    try:
        state.settings.replace(**{k: v for k, v in changes.items() if k != "input_from_rules"}).glsl()
    except (VfxError, OSError, ValueError, KeyError) as exc:
        report_error(state, f"cannot set {what}: {exc}")
        return False
    state.update(**changes, error="")  # a success clears the last error
    return True


def current_config(state: ViewerState) -> Config | None:
    """The OCIO config named by ``state.config``, or None (with ``state.error``) if it cannot be loaded."""
    try:
        return load_config(state.config)
    except (VfxError, OSError, ValueError) as exc:
        report_error(state, f"cannot load OCIO config {state.config}: {exc}")
        return None


def config_choices() -> list[str]:
    """Config specs offered in the color panel: OCIO's default, the built-in ACES 1.3 config, and ``$OCIO`` when set."""
    return [OCIO_DEFAULT_CONFIG, BUILTIN_CONFIG, *(["$OCIO"] if os.environ.get("OCIO") else [])]


def _pick(preferred: str, names: list[str], fallback: str) -> str:
    return preferred if preferred in names else fallback


def _config_fields(state: ViewerState, spec: str) -> dict[str, Any]:
    """Settings for config `spec`: current names kept where the config has them, else its defaults."""
    clear_caches()
    cfg = load_config(spec)
    spaces, roles = cfg.colorspace_names(), cfg.role_names()
    space = _rule_space(cfg, state.path) if state.input_from_rules and state.path else None
    space = space or state.input_space
    if not (space in spaces or space in roles):
        space = "scene_linear" if "scene_linear" in roles else spaces[0]
    display = _pick(state.display, cfg.displays(), cfg.default_display())
    view = _pick(state.view, cfg.views(display), cfg.default_view(display))
    names = [n.strip(" +-") for n in state.look.split(",") if n.strip()]
    look = state.look if all(n in cfg.look_names() for n in names) else ""
    return {"source": "ocio", "config": spec, "input_space": space, "display": display, "view": view, "look": look}


def configure(
    state: ViewerState,
    *,
    config: str | Path | None = None,
    input_space: str | None = None,
    display: str | None = None,
    view: str | None = None,
    look: str | None = None,
    lut: str | Path | None = None,
    lut_position: str | None = None,
    source: str | None = None,
) -> bool:
    """Change several color settings at once (as the command line does); all or nothing.

    A `display` without `view` gets the display's default view; a `lut`
    selects the LUT source (the LUT instead of the view) unless `lut_position`
    stacks it ``before`` or ``after`` the view; `display`/`view` select the
    OCIO source unless `source` says otherwise.
    """
    changes: dict[str, Any] = {}
    try:
        if config is not None:
            changes.update(_config_fields(state, os.fspath(config)))
        if display is not None or view is not None:
            cfg = load_config(changes.get("config", state.config))
            display = display if display is not None else changes.get("display", state.display)
            if display not in cfg.displays():
                raise KeyError(f"unknown display {display!r}; known: {', '.join(cfg.displays())}")
            view = view if view is not None else cfg.default_view(display)
            if view not in cfg.views(display):
                raise KeyError(f"display {display!r} has no view {view!r}; views: {', '.join(cfg.views(display))}")
            changes.update(source="ocio", display=display, view=view)
    except (VfxError, OSError, ValueError, IndexError, KeyError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        report_error(state, f"cannot set color transform: {message}")
        return False
    if input_space is not None:
        changes.update(input_space=input_space, input_from_rules=False)
    if look is not None:
        changes["look"] = look
    if lut is not None:
        clear_caches()
        stacked = lut_position in ("before", "after")
        changes.update(source="ocio" if stacked else "lut", lut=os.fspath(lut), lut_position=lut_position or "none")
    if source is not None:
        changes["source"] = source
    if changes.get("source", state.source) not in SOURCES:
        report_error(state, f"unknown color source {changes['source']!r}; expected one of {', '.join(SOURCES)}")
        return False
    return _apply(state, "color transform", **changes) if changes else True


def set_config(state: ViewerState, spec: str | Path) -> bool:
    """Use the OCIO config `spec` (``ocio://name``, ``$OCIO`` or a ``.ocio`` path), re-reading it.

    The input space, display, view and look are kept where the new config has
    them; otherwise the ``scene_linear`` role (or the first color space), the
    config's default display and that display's default view are used.
    """
    return configure(state, config=spec)


def set_input_space(state: ViewerState, name: str) -> bool:
    """The color space (or role) of the image's values in the current config (the file rules stop applying)."""
    return _apply(state, f"input color space {name!r}", input_space=name, input_from_rules=False)


def _rule_space(cfg: Config, path: str) -> str | None:
    """The space `cfg`'s file rules give `path`, or None where no rule resolves."""
    try:
        return cfg.colorspace_from_filepath(path)
    except (VfxError, KeyError):
        return None


def _rule_view(state: ViewerState, path: str | Path) -> str:
    """The input space the file rules give `path`, with the view in that space built (and cached); raises what
    fails (the config, no resolving rule, the view)."""
    space = load_config(state.config).colorspace_from_filepath(os.fspath(path))
    state.settings.replace(input_space=space).glsl()
    return space


def file_rule_space(state: ViewerState, path: str | Path) -> str | None:
    """The input space the config's file rules give `path`, if the user has not picked one; else None.

    None also when no rule resolves or the resulting view cannot be built;
    that is reported in ``state.error`` and the current input space stays.
    """
    if not state.input_from_rules:
        return None
    try:
        return _rule_view(state, path)
    except (VfxError, OSError, ValueError, KeyError) as exc:
        report_error(state, f"cannot take the input color space of {os.fspath(path)} from the file rules: {exc}")
        return None


def prepare_view(state: ViewerState, path: str | Path) -> None:
    """Build (and cache) the view an image at `path` will most likely open in, while its pixels are read: the
    file rules' input space unless the user picked one (an EXR's chromaticities may still choose another; the
    display's tables, the costly part, are shared). A failure here is reported when the image arrives."""
    try:
        if state.input_from_rules:
            _rule_view(state, path)
        else:
            state.settings.glsl()
    except (VfxError, OSError, ValueError, KeyError):
        return  # `file_rule_space` or the viewport says what is wrong, naming the file, once the image is shown


def use_file_rules(state: ViewerState) -> bool:
    """Let the config's file rules choose the input space again (now, for the open file, and for later files)."""
    state.input_from_rules = True
    if state.path:
        space = file_rule_space(state, state.path)
        if space is None:
            return False
        state.input_space = space
    return True


def set_display(state: ViewerState, display: str, view: str | None = None, look: str | None = None) -> bool:
    """OCIO display and view (the display's default view when `view` is None); `look` replaces the look."""
    return configure(state, display=display, view=view, look=look)


def set_look(state: ViewerState, look: str) -> bool:
    """OCIO look string (``"name"``, ``"+a,-b"``); ``""`` keeps the view's own looks."""
    return _apply(state, f"look {look!r}", look=look)


def set_lut(state: ViewerState, path: str | Path) -> bool:
    """Use a LUT file (any format `vfx_rs.lut.read` knows), re-reading it: instead of the view, or stacked
    before or after it where `set_lut_position` put the previous one."""
    position = state.lut_position if state.lut_position in ("before", "after") else None
    return configure(state, lut=path, lut_position=position)


def set_lut_position(state: ViewerState, position: str) -> bool:
    """Where the loaded LUT sits: ``none`` (instead of the OCIO view), ``before`` the view (a scene LUT, as a
    look) or ``after`` it (a display LUT)."""
    if position not in LUT_POSITIONS:
        report_error(state, f"unknown LUT position {position!r}; expected one of {', '.join(LUT_POSITIONS)}")
        return False
    if not state.lut:
        report_error(state, "no LUT is loaded: load one first")
        return False
    source = "lut" if position == "none" else "ocio"
    return _apply(state, f"LUT position {position!r}", source=source, lut_position=position)


def set_source(state: ViewerState, source: str) -> bool:
    """Color transform source: ``ocio`` (display/view), ``lut`` (the loaded LUT) or ``raw`` (none)."""
    return configure(state, source=source)


_TAG_SPACES: dict[tuple[str, str], tuple[str, ...]] = {
    ("bt709", "bt709"): ("Rec.1886 Rec.709", "rec1886_rec709"),
    ("bt709", "smpte170m"): ("Rec.1886 Rec.709", "rec1886_rec709"),
    ("bt709", "iec61966-2-1"): ("sRGB - Display", "srgb_display"),
    ("bt2020", "smpte2084"): ("Rec.2100-PQ", "rec2100_pq"),
    ("bt2020", "arib-std-b67"): ("Rec.2100-HLG", "rec2100_hlg"),
    ("smpte432", "smpte2084"): ("ST2084-P3-D65", "st2084_p3d65"),
    ("smpte432", "iec61966-2-1"): ("Display P3", "displayp3"),
}
"""Movie color tags (H.273 primaries, transfer) -> name fragments of the matching display color space."""


def space_for_tags(state: ViewerState, tags: dict[str, str]) -> str | None:
    """The display color space of the current config that a movie's color tags describe, or None.

    BT.709 primaries with a BT.709 (or BT.601) transfer are the Rec.709 video
    display (Rec.1886 EOTF, ITU-R BT.1886); unspecified primaries with a BT.709
    transfer count as BT.709.
    """
    primaries, transfer = tags.get("color_primaries", ""), tags.get("transfer", "")
    if primaries == "unspecified" and transfer in ("bt709", "smpte170m"):
        primaries = "bt709"
    fragments = _TAG_SPACES.get((primaries, transfer))
    if fragments is None:
        return None
    try:
        cfg = load_config(state.config)
    except (VfxError, OSError, ValueError):
        return None
    for name in cfg.colorspace_names():
        space = cfg.colorspace(name)
        names = (name, *space.aliases)
        if space.reference == "display" and any(f.lower() in n.lower() for f in fragments for n in names):
            return name
    return None
