"""``vfx trace``: one pixel's value after every op of the view pipeline, with each op's parameters.

The same table as the viewer's transform debugger and `vfx_rs.view.ViewSettings.trace`: the exact NumPy
core's value after each op, so a surprising pixel on screen can be followed from the file to the display.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from vfx_rs.cli import view_options

__all__ = ["TRACE_FIELDS", "add_parser", "run"]

_EXAMPLES = """examples:
  vfx trace render.exr 512 300 --input ACEScg --display "sRGB - Display" --view "ACES 2.0 - SDR 100 nits (Rec.709)"
  vfx trace plate.exr 10 20 --settings review.json --json
  vfx trace plate.exr 10 20 --glsl      # NumPy beside the viewer's GLSL, first difference marked
"""

TRACE_FIELDS = view_options.VIEW_FIELDS
"""The `ViewSettings` fields ``vfx trace`` takes from the command line."""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "trace",
        help="follow one pixel through every op of the view pipeline",
        description=__doc__,
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("image", metavar="IMAGE", help="the image file")
    p.add_argument("x", type=int, help="pixel column (image coordinates, as the data window's)")
    p.add_argument("y", type=int, help="pixel row")
    p.add_argument("--layer", help="layer of a multi-layer EXR")
    p.add_argument("--json", action="store_true", help="print JSON instead of the table")
    p.add_argument(
        "--glsl",
        action="store_true",
        help="also read each op's value back from the viewer's GLSL (the transform debugger's table; needs [app])",
    )
    view_options.add_settings_argument(p)
    view_options.add_color_arguments(p)
    view_options.add_grade_arguments(p)
    view_options.add_display_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the trace."""
    import dataclasses

    import vfx_rs

    if args.glsl:
        from vfx_rs.cli.parity import forward, run_in_app

        positional = [os.path.abspath(args.image), str(args.x), str(args.y)]
        return run_in_app("trace", "vfxview.headless_trace", forward(args, positional))
    settings = view_options.view_settings(args, TRACE_FIELDS)
    image = vfx_rs.read_layer(args.image, args.layer) if args.layer else vfx_rs.read(args.image)
    trace = settings.trace(image, args.x, args.y)
    if args.json:
        print(json.dumps({"settings": settings.to_dict(), **dataclasses.asdict(trace)}, indent=2, default=str))
    else:
        print(f"{args.image}  {settings!r}")
        print(trace.table())
    return 0
