"""``vfx resize``, ``vfx blur``, ``vfx composite``: the spatial operations of `vfx_rs.ops`."""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.common import add_image_command
from vfx_rs.errors import ArgumentError

__all__ = ["add_parser", "add_step_arguments", "apply_image", "step_options"]

_EXAMPLES = {
    "resize": """examples:
  vfx resize plate.exr half.exr --scale 0.5
  vfx resize plate.exr hd.exr --width 1920 --height 1080 --filter mitchell
  vfx resize plate.exr thumb.png --width 256          # height keeps the aspect ratio
""",
    "blur": """examples:
  vfx blur render.exr soft.exr --radius 5
  vfx blur render.exr soft.exr --sigma 2 --edge mirror
  vfx blur render.exr soft.exr --radius 3 --type box
""",
    "composite": """examples:
  vfx composite fg.exr bg.exr out.exr                 # premultiplied fg over bg
  vfx composite fg.exr matte.exr out.exr --op in
  vfx composite fg.exr bg.exr out.exr --blend screen --opacity 0.5
  vfx composite fg.####.exr bg.####.exr comp.####.exr  # BG may be a sequence too
""",
}


def add_step_arguments(p: argparse.ArgumentParser, kind: str) -> None:
    """The options of `kind` (resize, blur or composite)."""
    from vfx_rs.ops import BLEND_MODES, BLUR_TYPES, EDGE_MODES, FILTERS, PORTER_DUFF

    if kind == "resize":
        p.add_argument("--width", type=int, help="new width in pixels")
        p.add_argument("--height", type=int, help="new height in pixels")
        p.add_argument("--scale", type=float, help="scale factor instead of a size")
        p.add_argument("--filter", default="lanczos3", help=f"one of {', '.join(FILTERS)}")
    elif kind == "blur":
        p.add_argument("--radius", type=float, help="kernel radius in pixels")
        p.add_argument("--sigma", type=float, help="gaussian standard deviation in pixels")
        p.add_argument("--type", choices=BLUR_TYPES, default="gaussian", help=f"kernel: {', '.join(BLUR_TYPES)}")
        p.add_argument(
            "--edge", choices=EDGE_MODES, default="clamp", help=f"pixels beyond the edge: {', '.join(EDGE_MODES)}"
        )
    else:
        p.add_argument("background", metavar="BG", help="the second image (or a sequence pattern)")
        p.add_argument("--op", choices=tuple(PORTER_DUFF), default="over", help="Porter-Duff operator")
        p.add_argument("--blend", choices=tuple(BLEND_MODES), help="a W3C blend mode instead of --op")
        p.add_argument("--opacity", type=float, default=1.0, help="blend opacity (with --blend)")


def step_options(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """Check and collect the options of `kind`."""
    import os

    if kind == "resize":
        if args.scale is None and args.width is None and args.height is None:
            raise ArgumentError("resize: give --width and/or --height, or --scale")
        if args.scale is not None and (args.width is not None or args.height is not None):
            raise ArgumentError("resize: give a size or --scale, not both")
        return {"width": args.width, "height": args.height, "scale": args.scale, "filter": args.filter}
    if kind == "blur":
        if args.radius is None and args.sigma is None:
            raise ArgumentError("blur: give --radius or --sigma")
        return {"radius": args.radius, "sigma": args.sigma, "type": args.type, "edge": args.edge}
    return {"background": os.path.abspath(args.background), "op": args.op, "blend": args.blend, "opacity": args.opacity}


def apply_image(options: dict[str, Any], image: Any, frame: int | None) -> Any:
    """Apply the step to `image` (`frame` picks the background frame of a composite)."""
    import vfx_rs
    from vfx_rs import ops
    from vfx_rs.cli.sequences import parse_pattern

    if "filter" in options:
        return ops.resize(image, options["width"], options["height"], scale=options["scale"], filter=options["filter"])
    if "edge" in options:
        return ops.blur(image, options["radius"], sigma=options["sigma"], type=options["type"], edge=options["edge"])
    pattern = parse_pattern(options["background"])
    if pattern is not None and frame is None:
        raise ArgumentError("composite: a background sequence needs a sequence input")
    background = vfx_rs.read(
        pattern.path(frame) if pattern is not None and frame is not None else options["background"]
    )
    if options["blend"]:
        return ops.blend(image, background, mode=options["blend"], opacity=options["opacity"])
    return ops.composite(image, background, options["op"])


def add_parser(sub: Any) -> None:
    """Register the three subcommands."""
    helps = {"resize": "resize images", "blur": "blur images", "composite": "composite or blend two images"}
    samples = {"resize": "--scale 0.5", "blur": "--radius 3", "composite": ""}
    for kind, text in helps.items():
        add_image_command(
            sub,
            kind,
            help=text,
            description=text.capitalize() + " with vfx_rs.ops.",
            examples=_EXAMPLES[kind],
            sample=samples[kind],
            positional="bg.####.exr" if kind == "composite" else "",
        )
