"""``vfx chain``: several steps in one read -> write, in the order given (``-s`` per step)."""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.batch import add_batch_arguments, add_write_arguments, run_batch
from vfx_rs.cli.steps import STEP_MODULES, parse_step, step_module

__all__ = ["add_parser", "add_step_option"]

_EXAMPLES = """examples:
  vfx chain render.exr out.png -s "grade --exposure 0.5" \\
      -s "ocio --from ACEScg --display 'sRGB - Display' --view 'ACES 2.0 - SDR 100 nits (Rec.709)'" -s "resize --scale 0.5"
  vfx chain plate.####.exr out.####.exr -s "lut show.cube" -s "blur --sigma 1" -j 8
  vfx chain fg.exr comp.exr -s "composite bg.exr --op over" -s "color --from ACEScg --to sRGB --transfer srgb"

each -s takes a step written as its subcommand without IN and OUT
"""


def add_step_option(p: argparse.ArgumentParser, per_pixel: bool = False) -> None:
    """The repeated ``-s/--step`` option; `per_pixel` lists only the steps that fuse into one pipeline."""
    kinds = [k for k in STEP_MODULES if not per_pixel or hasattr(step_module(k), "pipeline")]
    p.add_argument(
        "-s",
        "--step",
        dest="steps",
        action="append",
        required=True,
        metavar="STEP",
        help=f"a step: one of {', '.join(kinds)} with its options, quoted; repeat in order",
    )


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "chain",
        help="apply several steps in order",
        description=__doc__ or "",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="IN")
    p.add_argument("output", metavar="OUT")
    add_step_option(p)
    p.add_argument("--layer", help="layer to read from a multi-layer EXR")
    add_write_arguments(p)
    add_batch_arguments(p)
    p.set_defaults(run=lambda args: run_batch(args, tuple(parse_step(s) for s in args.steps)))
