"""``vfx convert``: read an image (or one layer) and write it in another format or encoding."""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.batch import add_batch_arguments, add_write_arguments, run_batch

__all__ = ["add_parser"]

_EXAMPLES = """examples:
  vfx convert render.exr render.png                  # 8-bit PNG, values clipped to 0..1
  vfx convert render.exr render.tif --bit-depth 32   # float TIFF
  vfx convert render.exr small.exr --pixel-type half --compression dwaa
  vfx convert render.exr diffuse.exr --layer diffuse
  vfx convert scan.dpx scan.exr
  vfx convert shot.####.exr png/shot.####.png --bit-depth 16 --frames 1001-1100 -j 4
"""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "convert",
        help="convert an image to another format",
        description="Read an image (or one of its layers) and write it; the output extension picks the format.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="IN")
    p.add_argument("output", metavar="OUT")
    p.add_argument("--layer", help="layer to read from a multi-layer EXR (see `vfx info`)")
    add_write_arguments(p)
    add_batch_arguments(p)
    p.set_defaults(run=lambda args: run_batch(args, ()))
