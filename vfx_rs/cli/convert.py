"""``vfx convert``: read an image (or one layer) and write it in another format or encoding."""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.batch import add_batch_arguments, add_write_arguments, run_batch

__all__ = ["add_parser"]

_EXAMPLES = """examples:
  vfx convert render.exr render.png                  # 16-bit PNG (8-bit from 8-bit sources), clipped to 0..1
  vfx convert render.exr render.png --bit-depth 8    # 8-bit PNG
  vfx convert render.exr render.jpg                  # alpha composited over black (JPEG has none)
  vfx convert render.exr render.jpg --alpha drop     # the straight colour, alpha discarded
  vfx convert render.exr render.tif --bit-depth 16   # 16-bit TIFF (float sources give 32-bit float)
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
    p.add_argument("input", metavar="IN", help="input image, sequence pattern or quoted glob")
    p.add_argument("output", metavar="OUT", help="output image or sequence pattern; its extension picks the format")
    p.add_argument("--layer", help="layer to read from a multi-layer EXR (see `vfx info`)")
    add_write_arguments(p)
    add_batch_arguments(p)
    p.set_defaults(run=lambda args: run_batch(args, ()))
