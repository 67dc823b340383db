"""The view settings on the command line: one set of option names for ``vfx ocio``, ``grade``, ``lut`` and ``vfxview``.

Each option sets one field of a `vfx_rs.view.ViewSettings`; ``--settings FILE``
starts from settings saved by the viewer or `ViewSettings.save`, and the
options given on the command line override its fields.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from vfx_rs.errors import ArgumentError

__all__ = [
    "GRADE_FIELDS",
    "VIEW_FIELDS",
    "add_color_arguments",
    "add_display_arguments",
    "add_grade_arguments",
    "add_settings_argument",
    "given",
    "view_settings",
]

GRADE_FIELDS = ("exposure", "slope", "offset", "power", "saturation")
"""The `ViewSettings` fields of the grade."""

VIEW_FIELDS = (
    "config",
    "input_space",
    "display",
    "view",
    "look",
    "lut",
    "lut_position",
    *GRADE_FIELDS,
    "gamma",
    "channel",
)
"""Every `ViewSettings` field the shared options set (color, grade, display): what ``vfx ocio``, ``daily`` and
``trace`` take from the command line."""

_TRIPLE = {"type": float, "nargs": 3, "metavar": ("R", "G", "B")}


def add_settings_argument(p: argparse.ArgumentParser) -> None:
    """``--settings FILE``."""
    p.add_argument(
        "--settings",
        metavar="FILE",
        help="view settings saved by vfxview or ViewSettings.save (JSON); the options given here override its fields",
    )


def add_color_arguments(p: argparse.ArgumentParser, *, input_aliases: tuple[str, ...] = (), lut: bool = True) -> None:
    """``--config --input --display --view --look [--lut --lut-position]`` (`input_aliases`: e.g. ``--from``)."""
    p.add_argument(
        "--config",
        help="OCIO config: a .ocio file, $OCIO or ocio://name (default: $OCIO where set, else ocio://default, "
        "ACES 2.1 CG as in OCIO 2.6)",
    )
    p.add_argument("--input", *input_aliases, dest="input_space", help="color space (or role) of the image's values")
    p.add_argument("--display", help="OCIO display")
    p.add_argument("--view", help="view of the display (default: the display's default view)")
    p.add_argument("--look", "--looks", dest="look", help="OCIO looks: 'a, +b, -c' (default: the view's own)")
    if lut:
        p.add_argument("--lut", help="a LUT file (any format vfx_rs.lut.read reads); see --lut-position")
        p.add_argument(
            "--lut-position",
            choices=("before", "after"),
            help="where --lut sits: before the view (a scene LUT) or after it (a display LUT; vfx ocio's default)",
        )


def add_grade_arguments(p: argparse.ArgumentParser) -> None:
    """``--exposure --slope --offset --power --sat``: the grade, exposure first (folded into the slope)."""
    p.add_argument("--exposure", type=float, help="stops (multiplies by 2^STOPS), before the CDL")
    p.add_argument("--slope", help="ASC CDL slope", **_TRIPLE)  # type: ignore[arg-type]
    p.add_argument("--offset", help="ASC CDL offset", **_TRIPLE)  # type: ignore[arg-type]
    p.add_argument("--power", help="ASC CDL power", **_TRIPLE)  # type: ignore[arg-type]
    p.add_argument("--sat", "--saturation", dest="saturation", type=float, help="ASC CDL saturation")


def add_display_arguments(p: argparse.ArgumentParser) -> None:
    """``--gamma --channel``."""
    p.add_argument("--gamma", type=float, help="display gamma: the output is raised to 1/GAMMA (default 1)")
    p.add_argument("--channel", choices=("RGB", "R", "G", "B", "A", "Y"), help="channel view (default RGB)")


def given(args: argparse.Namespace, fields: tuple[str, ...]) -> dict[str, Any]:
    """The fields among `fields` that the command line gives (absolute paths for files, tuples for triples)."""
    found: dict[str, Any] = {}
    for name in fields:
        value = getattr(args, name, None)
        if value is None:
            continue
        if name == "lut" or (name == "config" and not str(value).startswith(("ocio://", "$"))):
            value = os.path.abspath(value)
        found[name] = tuple(value) if isinstance(value, list) else value
    return found


def _resolve_names(args: argparse.Namespace, changes: dict[str, Any], config: Any, base: Any) -> None:
    """Replace a display or view given by a unique part of its name with the full name, and say so."""
    import sys

    if "display" in changes:
        full = config.display(changes["display"]).name
        if full != changes["display"] and not getattr(args, "quiet", False):
            print(f"vfx: --display {changes['display']!r} is {full!r}", file=sys.stderr)
        changes["display"] = full
    if "view" in changes:
        full = config.view(changes.get("display", base.display), changes["view"]).name
        if full != changes["view"] and not getattr(args, "quiet", False):
            print(f"vfx: --view {changes['view']!r} is {full!r}", file=sys.stderr)
        changes["view"] = full


def view_settings(args: argparse.Namespace, fields: tuple[str, ...]) -> Any:
    """The `ViewSettings` of ``--settings`` (or the defaults) with the given options among `fields` on top.

    Without ``--settings`` or ``--config`` the config is `vfx_rs.view.startup_config` (``$OCIO`` where set,
    with its default display). A ``--display`` without ``--view`` takes the display's default view; a
    ``--lut`` without ``--lut-position`` sits after the view.
    """
    from vfx_rs.view import ViewSettings, load_config, startup_config

    base = ViewSettings.load(args.settings) if getattr(args, "settings", None) else ViewSettings()
    changes = given(args, fields)
    named = getattr(args, "settings", None) or "config" not in fields or "config" in changes
    if not named and startup_config() != base.config:
        changes["config"] = startup_config()
        changes.setdefault("display", load_config(startup_config()).default_display())
    if "display" in changes or "view" in changes:
        _resolve_names(args, changes, load_config(changes.get("config", base.config)), base)
    if "display" in changes and "view" not in changes:
        changes["view"] = load_config(changes.get("config", base.config)).default_view(changes["display"])
    if "lut" in changes and base.lut_position == "none":
        changes.setdefault("lut_position", "after")
    try:
        return base.replace(**changes)
    except ArgumentError as exc:
        raise ArgumentError(f"view settings: {exc}") from None
