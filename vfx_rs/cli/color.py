"""``vfx color``: convert between the linear RGB color spaces of `vfx_rs.color`, with transfer functions.

The step decodes (``--decode``), converts the primaries (``--from``/``--to``,
`vfx_rs.color.rgb_to_rgb_pipeline`, with chromatic adaptation) and encodes
(``--transfer``), in that order.
"""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.common import add_image_command
from vfx_rs.errors import ArgumentError

__all__ = ["add_parser", "add_step_arguments", "pipeline", "step_options"]

_EXAMPLES = """examples:
  vfx color render.exr out.exr --from ACEScg --to sRGB        # linear gamut conversion
  vfx color render.exr out.png --from ACEScg --to sRGB --transfer srgb
  vfx color logc.exr lin.exr --decode arri_logc3 --from "ARRI Wide Gamut 3" --to ACEScg
  vfx color in.exr out.exr --transfer acescct                 # encode only
"""


def add_step_arguments(p: argparse.ArgumentParser, kind: str) -> None:
    """The step's options."""
    from vfx_rs.color import COLOR_SPACES, TRANSFER_FUNCTIONS

    curves = ", ".join(TRANSFER_FUNCTIONS)
    p.add_argument("--from", dest="src", help=f"source linear color space: {', '.join(COLOR_SPACES)}")
    p.add_argument("--to", dest="dst", help="target linear color space")
    p.add_argument("--decode", metavar="CURVE", help=f"decode this transfer function first: {curves}")
    p.add_argument("--transfer", metavar="CURVE", help="encode with this transfer function last")
    p.add_argument("--adaptation", default="bradford", help="chromatic adaptation: bradford, cat02, ..., or none")


def step_options(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """Check and collect the options."""
    if (args.src is None) != (args.dst is None):
        raise ArgumentError("color: give both --from and --to")
    if args.src is None and args.decode is None and args.transfer is None:
        raise ArgumentError("color: nothing to do; give --from/--to, --decode or --transfer")
    adaptation = None if str(args.adaptation).lower() == "none" else args.adaptation
    options = {"src": args.src, "dst": args.dst, "decode": args.decode, "transfer": args.transfer}
    options["adaptation"] = adaptation
    pipeline(options)  # fail now, with the names, rather than once per frame
    return options


def pipeline(options: dict[str, Any]) -> Any:
    """Decode, convert primaries, encode."""
    from vfx_rs.color import rgb_to_rgb_pipeline, transfer_function
    from vfx_rs.pipeline import Pipeline

    parts = []
    if options["decode"]:
        parts.append(transfer_function(options["decode"]).decode)
    if options["src"]:
        parts.append(rgb_to_rgb_pipeline(options["src"], options["dst"], adaptation=options["adaptation"]))
    if options["transfer"]:
        parts.append(transfer_function(options["transfer"]).encode)
    return Pipeline(parts)


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    add_image_command(
        sub,
        "color",
        help="convert color spaces and transfer functions",
        description=__doc__.split("\n\n")[0] if __doc__ else "",
        examples=_EXAMPLES,
        sample="--from ACEScg --to sRGB",
    )
