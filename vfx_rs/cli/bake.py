"""``vfx bake``: bake a chain of per-pixel steps (color, ocio, lut, grade) into a LUT file with `vfx_rs.lut.bake`."""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.chain import add_step_option

__all__ = ["add_parser", "run"]

_EXAMPLES = """examples:
  vfx bake look.cube -s "grade --exposure 0.5 --sat 0.8" --kind 3d --size 33
  vfx bake srgb_view.cube -s "ocio --from ACEScg --display 'sRGB - Display' --view 'ACES 2.0 - SDR 100 nits (Rec.709)'"
  vfx bake gamma.spi1d -s "color --transfer srgb" --kind 1d --size 4096
  vfx bake log_to_lin.cube -s "color --decode acescct" --kind 1d --domain 0 1

kinds: 1d (channel-independent chains), 3d (input in --domain), shaper3d (scene-linear
input: log2 shaper + 3D LUT, the default)
"""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "bake",
        help="bake steps into a LUT file",
        description=__doc__ or "",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("output", metavar="OUT", help="LUT file; the extension picks the format (.cube, .spi1d, .spi3d...)")
    add_step_option(p, per_pixel=True)
    p.add_argument(
        "--kind",
        choices=("1d", "3d", "shaper3d"),
        default="shaper3d",
        help="1d: one curve per channel; 3d: a cube; shaper3d: a log shaper curve then a cube (HDR input)",
    )
    p.add_argument("--size", type=int, help="entries (1d) or points per axis (3d); the baker's default if omitted")
    p.add_argument("--domain", type=float, nargs=2, metavar=("MIN", "MAX"), help="input range (1d, 3d)")
    p.add_argument("--stops", type=float, nargs=2, metavar=("LO", "HI"), help="shaper range in stops around 0.18")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the fused pipeline and bake it."""
    from vfx_rs.cli.steps import parse_step, pixel_pipeline
    from vfx_rs.lut import bake

    pipeline = pixel_pipeline(tuple(parse_step(s) for s in args.steps))
    options: dict[str, Any] = {}
    if args.domain:
        options["domain_min"], options["domain_max"] = args.domain
    if args.stops:
        options["stops"] = tuple(args.stops)
    bake(pipeline, args.output, kind=args.kind, size=args.size, **options)
    return 0
