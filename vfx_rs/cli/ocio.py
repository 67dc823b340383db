"""``vfx ocio``: apply an OpenColorIO config's transforms with `vfx_rs.ocio`.

The config is a file (``--config``), a built-in one (``--builtin``, e.g.
``ocio://cg-config-latest``) or, by default, the built-in ACES 1.3 CG config.
Either ``--to`` a color space, or ``--display`` (and optionally ``--view``).
"""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.common import add_image_command
from vfx_rs.errors import ArgumentError

__all__ = ["add_parser", "add_step_arguments", "config", "pipeline", "step_options"]

_EXAMPLES = """examples:
  vfx ocio render.exr out.exr --from ACEScg --to "ACEScct"
  vfx ocio render.exr out.png --from ACEScg --display "sRGB - Display" --view "ACES 1.0 - SDR Video" --bit-depth 16
  vfx ocio plate.exr out.exr --config show.ocio --from "ARRI LogC3" --to ACEScg --looks "+grade"
  vfx ocio render.exr out.exr --builtin ocio://cg-config-latest --from ACEScg --to "ACES2065-1"
"""


def add_step_arguments(p: argparse.ArgumentParser, kind: str) -> None:
    """The step's options."""
    p.add_argument("--config", help="OCIO config file (default: the built-in ACES 1.3 CG config)")
    p.add_argument("--builtin", metavar="NAME", help="a built-in config by name, e.g. ocio://cg-config-latest")
    p.add_argument("--from", dest="src", required=True, help="source color space")
    p.add_argument("--to", dest="dst", help="target color space")
    p.add_argument("--display", help="target display (with --view; instead of --to)")
    p.add_argument("--view", help="view of the display (default: the display's first view)")
    p.add_argument("--looks", help="looks to apply: 'a, +b, -c'")
    p.add_argument("--inverse", action="store_true", help="apply the inverse transform")


def step_options(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """Check and collect the options."""
    if (args.dst is None) == (args.display is None):
        raise ArgumentError("ocio: give either --to or --display")
    if args.view and not args.display:
        raise ArgumentError("ocio: --view needs --display")
    if args.config and args.builtin:
        raise ArgumentError("ocio: give --config or --builtin, not both")
    import os

    names = ("config", "builtin", "src", "dst", "display", "view", "looks", "inverse")
    options = {n: getattr(args, n) for n in names}
    if options["config"]:
        options["config"] = os.path.abspath(options["config"])
    pipeline(options)  # fail now, with the names, rather than once per frame
    return options


def config(options: dict[str, Any]) -> Any:
    """The config the options name."""
    from vfx_rs import ocio

    if options["config"]:
        return ocio.Config.from_file(options["config"])
    if options["builtin"]:
        return ocio.builtin(options["builtin"])
    return ocio.builtin_aces_1_3()


def pipeline(options: dict[str, Any]) -> Any:
    """The processor's pipeline."""
    cfg = config(options)
    if options["display"]:
        proc = cfg.display_processor(
            options["src"], options["display"], options["view"], looks=options["looks"], inverse=options["inverse"]
        )
    else:
        proc = cfg.processor(options["src"], options["dst"], looks=options["looks"], inverse=options["inverse"])
    return proc.pipeline


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    add_image_command(
        sub,
        "ocio",
        help="apply an OCIO color space conversion or display view",
        description=__doc__ or "",
        examples=_EXAMPLES,
        sample='--from ACEScg --display "sRGB - Display" --view "ACES 1.0 - SDR Video"',
    )
