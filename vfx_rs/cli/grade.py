"""``vfx grade``: exposure and an ASC CDL (slope, offset, power, saturation) on linear or log images.

The step multiplies by ``2^exposure`` first, then applies the CDL
(`vfx_rs.color.cdl.Cdl`): ``out = (in * slope + offset) ^ power`` followed by
saturation about Rec. 709 luma (ASC CDL v1.2, sections 4.2-4.3). The CDL comes
from values, from a ``.cc``/``.ccc``/``.cdl`` file (values given too override
the file's), or both. Style ``noclamp`` (OCIO's default) passes negatives
through the power; ``asc`` clamps to [0, 1] as the ASC document.
``--inverse`` undoes the whole grade.
"""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.common import add_image_command
from vfx_rs.errors import ArgumentError

__all__ = ["add_parser", "add_step_arguments", "pipeline", "step_options"]

_EXAMPLES = """examples:
  vfx grade render.exr out.exr --exposure 1.5
  vfx grade plate.exr out.exr --slope 1.1 1.0 0.9 --offset 0.01 0 -0.01 --power 1 1 1.05 --sat 0.9
  vfx grade log.exr out.exr --slope 1.2 1.2 1.2 --style asc
  vfx grade plate.exr out.exr --cdl shot.cc
  vfx grade plate.exr out.exr --cdl reel.ccc --cc-id sh010 --sat 1.0
  vfx grade graded.exr plate.exr --cdl shot.cc --inverse
"""


def add_step_arguments(p: argparse.ArgumentParser, kind: str) -> None:
    """The step's options."""
    p.add_argument("--exposure", type=float, default=0.0, help="stops (multiplies by 2^STOPS), applied first")
    p.add_argument("--slope", type=float, nargs=3, metavar=("R", "G", "B"), help="CDL slope")
    p.add_argument("--offset", type=float, nargs=3, metavar=("R", "G", "B"), help="CDL offset")
    p.add_argument("--power", type=float, nargs=3, metavar=("R", "G", "B"), help="CDL power")
    p.add_argument("--sat", type=float, help="CDL saturation")
    p.add_argument("--style", choices=("noclamp", "asc"), default="noclamp", help="CDL clamping (default noclamp)")
    p.add_argument("--cdl", metavar="FILE", help="ASC CDL file: .cc, .ccc or .cdl")
    p.add_argument("--cc-id", help="the correction's id in a .ccc/.cdl file holding several")
    p.add_argument("--inverse", action="store_true", help="undo the grade (inverse CDL, then inverse exposure)")


def step_options(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """Check and collect the options; a CDL file is read here, so workers get plain numbers."""
    cdl: dict[str, Any] = {}
    if args.cdl:
        from vfx_rs.color.cdl_files import read_cdl_file

        found = read_cdl_file(args.cdl, id=args.cc_id)
        cdl = {"slope": found.slope, "offset": found.offset, "power": found.power, "sat": found.saturation}
    elif args.cc_id:
        raise ArgumentError("grade: --cc-id needs --cdl")
    cdl.update({k: getattr(args, k) for k in ("slope", "offset", "power", "sat") if getattr(args, k) is not None})
    if not cdl and args.exposure == 0.0:
        raise ArgumentError("grade: nothing to do; give --exposure, CDL values or --cdl")
    options = {"exposure": args.exposure, "cdl": cdl, "style": args.style, "inverse": args.inverse}
    pipeline(options)  # bad values fail now
    return options


def pipeline(options: dict[str, Any]) -> Any:
    """Exposure, then the CDL (or the inverse of both, in reverse order)."""
    import numpy as np

    from vfx_rs.color.cdl import Cdl
    from vfx_rs.pipeline import Pipeline
    from vfx_rs.pipeline.ops import MatrixOp

    parts = []
    if options["exposure"]:
        parts.append(Pipeline([MatrixOp(matrix=np.eye(3) * 2.0 ** float(options["exposure"]))]))
    values = options["cdl"]
    if values:
        cdl = Cdl(
            slope=tuple(values.get("slope", (1.0, 1.0, 1.0))),
            offset=tuple(values.get("offset", (0.0, 0.0, 0.0))),
            power=tuple(values.get("power", (1.0, 1.0, 1.0))),
            saturation=float(values.get("sat", 1.0)),
        )
        parts.append(cdl.pipeline(options["style"]))
    grade = Pipeline(parts)
    return grade.inverse() if options["inverse"] else grade


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    add_image_command(
        sub,
        "grade",
        help="exposure and ASC CDL grading",
        description=__doc__ or "",
        examples=_EXAMPLES,
        sample="--exposure 1",
    )
