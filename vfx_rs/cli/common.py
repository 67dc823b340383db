"""Building image subcommands: IN, the step's own arguments, OUT, encoding and batch options."""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.batch import add_batch_arguments, add_write_arguments, run_batch
from vfx_rs.cli.steps import make_step, step_module

__all__ = ["BATCH_EXAMPLES", "add_image_command"]

BATCH_EXAMPLES = """
every image command also runs over sequences and globs:
  vfx {name} in.####.exr {pos}out.####.exr {args}--frames 1001-1100 -j 8
  vfx {name} 'plates/*.exr' {pos}'out/*.exr' {args}--skip-existing
  vfx {name} in.%04d.exr {pos}out.%04d.exr {args}--scheduler tcp://farm:8786
"""
"""The sequence and batch examples every image command's help ends with."""


def add_image_command(
    sub: Any, name: str, help: str, description: str, examples: str, sample: str = "", positional: str = ""
) -> None:
    """Register subcommand `name` running the step of the same name from IN to OUT."""
    p = sub.add_parser(
        name,
        help=help,
        description=description,
        epilog=examples
        + BATCH_EXAMPLES.format(
            name=name, args=sample + " " if sample else "", pos=positional + " " if positional else ""
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="IN", help="input image, sequence pattern or quoted glob")
    step_module(name).add_step_arguments(p, name)
    p.add_argument("output", metavar="OUT", help="output image or sequence pattern")
    p.add_argument("--layer", help="layer to read from a multi-layer EXR (see `vfx info`)")
    add_write_arguments(p)
    add_batch_arguments(p)
    p.set_defaults(run=lambda args: run_batch(args, (make_step(name, args),)))
