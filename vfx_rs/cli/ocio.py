"""``vfx ocio``: apply an OpenColorIO config's transforms with `vfx_rs.ocio`.

The config is a file (``--config``), a built-in one (``--builtin``, e.g.
``ocio://cg-config-latest``) or, by default, OCIO's default config (``ocio://default``: ACES 2.1 CG).
Either ``--to`` a color space, or ``--display`` (and optionally ``--view``):
the viewer's whole chain (`vfx_rs.view.ViewSettings`: grade, input space,
look, display/view, a LUT before or after it, gamma), with the same option
names as ``vfxview``, or read from ``--settings FILE`` saved by the viewer.
``--from`` is another name for ``--input``, ``--looks`` for ``--look``.
"""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.common import add_image_command
from vfx_rs.cli.view_options import (
    VIEW_FIELDS,
    add_color_arguments,
    add_display_arguments,
    add_grade_arguments,
    add_settings_argument,
    view_settings,
)
from vfx_rs.errors import ArgumentError

__all__ = ["add_parser", "add_step_arguments", "config", "pipeline", "step_options"]

_EXAMPLES = """examples:
  vfx ocio render.exr out.exr --input ACEScg --to "ACEScct"
  vfx ocio render.exr out.png --input ACEScg --display "sRGB - Display" --view "ACES 2.0 - SDR 100 nits (Rec.709)" --bit-depth 16
  vfx ocio render.exr out.png --input ACEScg --display "sRGB - Display" --exposure 1 --sat 0.9
  vfx ocio render.exr out.png --settings shot.json             # view settings saved by vfxview
  vfx ocio plate.exr out.exr --config show.ocio --from "ARRI LogC3" --to ACEScg --looks "+grade"
  vfx ocio render.exr out.exr --builtin ocio://cg-config-latest --from ACEScg --to "ACES2065-1"
"""

_COLOR_ONLY = ("config", "input_space", "display", "view", "look", "source")
"""Fields a color space conversion (``--to``) or an ``--inverse`` uses; the rest must stay neutral there."""


def add_step_arguments(p: argparse.ArgumentParser, kind: str) -> None:
    """The step's options."""
    add_settings_argument(p)
    add_color_arguments(p, input_aliases=("--from",))
    p.add_argument("--builtin", metavar="NAME", help="a built-in config by name, e.g. ocio://cg-config-latest")
    p.add_argument("--to", dest="dst", help="target color space (instead of --display)")
    add_grade_arguments(p)
    add_display_arguments(p)
    p.add_argument("--inverse", action="store_true", help="apply the inverse transform (of a conversion or view alone)")


def step_options(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """Check and collect the options (the view settings as plain data, for other processes)."""
    if args.config and args.builtin:
        raise ArgumentError("ocio: give --config or --builtin, not both")
    if args.dst is not None and args.display is not None:
        raise ArgumentError("ocio: give either --to or --display")
    if args.view and not (args.display or args.settings):
        raise ArgumentError("ocio: --view needs --display")
    if not args.settings and (args.input_space is None or (args.dst is None and args.display is None)):
        raise ArgumentError("ocio: give --input (or --from) and --to or --display, or --settings FILE")
    args.config = args.config or _builtin_spec(args.builtin)
    settings = view_settings(args, VIEW_FIELDS)
    if args.dst is not None or args.inverse:
        defaults = type(settings)().to_dict()
        extra = [f for f, v in settings.to_dict().items() if f not in _COLOR_ONLY and v != defaults[f]]
        if extra:
            raise ArgumentError(
                f"ocio: {', '.join(extra)} apply with --display (a forward view); "
                "--to and --inverse convert color spaces or undo a view alone"
            )
    options = {"settings": settings.to_dict(), "dst": args.dst, "inverse": args.inverse}
    pipeline(options)  # fail now, with the names, rather than once per frame
    return options


def config(options: dict[str, Any]) -> Any:
    """The config the options name (``config`` or ``builtin``: a spec `vfx_rs.view.load_config` reads)."""
    from vfx_rs.view import load_config, startup_config

    return load_config(options.get("config") or _builtin_spec(options.get("builtin")) or startup_config())


def _builtin_spec(name: str | None) -> str | None:
    """``--builtin NAME`` as a config spec: ``ocio://NAME`` (the prefix may be given or not)."""
    return name if name is None or name.startswith("ocio://") else f"ocio://{name}"


def pipeline(options: dict[str, Any]) -> Any:
    """The pipeline: a conversion ``--to``, the view's inverse, or the whole view chain (`ViewSettings.pipeline`)."""
    from vfx_rs.view import ViewSettings

    s = ViewSettings.from_dict(options["settings"])
    cfg = config({"config": s.config})
    looks = s.look or None
    if options["dst"]:
        return cfg.processor(s.input_space, options["dst"], looks=looks, inverse=options["inverse"]).pipeline
    if options["inverse"]:
        return cfg.display_processor(s.input_space, s.display, s.view, looks=looks, inverse=True).pipeline
    return s.pipeline(live=False)


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    add_image_command(
        sub,
        "ocio",
        help="apply an OCIO color space conversion or display view",
        description=__doc__ or "",
        examples=_EXAMPLES,
        sample='--from ACEScg --display "sRGB - Display" --view "ACES 2.0 - SDR 100 nits (Rec.709)"',
    )
