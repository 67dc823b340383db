"""``vfx convert``: read an image (or one layer) and write it in another format or encoding."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_parser", "run"]

_EXAMPLES = """examples:
  vfx convert render.exr render.png                  # 8-bit PNG, values clipped to 0..1
  vfx convert render.exr render.tif --bit-depth 32   # float TIFF
  vfx convert render.exr small.exr --pixel-type half --compression dwaa
  vfx convert render.exr diffuse.exr --layer diffuse
  vfx convert scan.dpx scan.exr
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
    p.add_argument("--compression", help="EXR compression: none, rle, zips, zip, piz, pxr24, b44, b44a, dwaa, dwab")
    p.add_argument("--pixel-type", choices=("half", "float"), help="EXR channel type")
    p.add_argument("--bit-depth", type=int, help="PNG 8/16, TIFF 8/16/32, DPX 8/10/12/16")
    p.add_argument("--quality", type=int, help="JPEG quality, 1-100")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Convert one file."""
    import vfx_rs

    image = vfx_rs.read_layer(args.input, args.layer) if args.layer else vfx_rs.read(args.input)
    options = {
        name: value
        for name, value in (
            ("compression", args.compression),
            ("pixel_type", args.pixel_type),
            ("bit_depth", args.bit_depth),
            ("quality", args.quality),
        )
        if value is not None
    }
    vfx_rs.write(args.output, image, **options)
    return 0
