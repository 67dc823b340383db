"""``vfx grade``: exposure and an ASC CDL (slope, offset, power, saturation) on linear or log images.

The step multiplies by ``2^exposure`` first, then applies the CDL: ``out =
(in * slope + offset) ^ power`` followed by saturation about Rec. 709 luma
(ASC CDL v1.2, sections 4.2-4.3). Style ``noclamp`` (OCIO's default) passes
negatives through the power; ``asc`` clamps to [0, 1] as the ASC document.
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
"""


def add_step_arguments(p: argparse.ArgumentParser, kind: str) -> None:
    """The step's options."""
    p.add_argument("--exposure", type=float, default=0.0, help="stops (multiplies by 2^STOPS), applied first")
    p.add_argument("--slope", type=float, nargs=3, metavar=("R", "G", "B"), help="CDL slope")
    p.add_argument("--offset", type=float, nargs=3, metavar=("R", "G", "B"), help="CDL offset")
    p.add_argument("--power", type=float, nargs=3, metavar=("R", "G", "B"), help="CDL power")
    p.add_argument("--sat", type=float, help="CDL saturation")
    p.add_argument("--style", choices=("noclamp", "asc"), default="noclamp", help="CDL clamping (default noclamp)")


def step_options(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """Check and collect the options."""
    cdl = {k: getattr(args, k) for k in ("slope", "offset", "power", "sat") if getattr(args, k) is not None}
    if not cdl and args.exposure == 0.0:
        raise ArgumentError("grade: nothing to do; give --exposure or CDL values")
    options = {"exposure": args.exposure, "cdl": cdl, "style": args.style}
    pipeline(options)  # bad values fail now
    return options


def pipeline(options: dict[str, Any]) -> Any:
    """Exposure, then the CDL (`vfx_rs.pipeline.ops.CdlOp`)."""
    import numpy as np

    from vfx_rs.pipeline import Op, Pipeline
    from vfx_rs.pipeline.ops import CdlOp, MatrixOp

    ops: list[Op] = []
    if options["exposure"]:
        ops.append(MatrixOp(matrix=np.eye(3) * 2.0 ** float(options["exposure"])))
    cdl = options["cdl"]
    if cdl:
        ops.append(
            CdlOp(
                slope=tuple(cdl.get("slope", (1.0, 1.0, 1.0))),
                offset=tuple(cdl.get("offset", (0.0, 0.0, 0.0))),
                power=tuple(cdl.get("power", (1.0, 1.0, 1.0))),
                saturation=float(cdl.get("sat", 1.0)),
                style="v1.2_fwd" if options["style"] == "asc" else "noclamp_fwd",
            )
        )
    return Pipeline(ops)


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
