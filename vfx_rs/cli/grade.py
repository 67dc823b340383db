"""``vfx grade``: exposure and an ASC CDL (slope, offset, power, saturation) on linear or log images.

The step multiplies by ``2^exposure`` first (folded into the slope), then applies the CDL
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
from vfx_rs.cli.view_options import GRADE_FIELDS, add_grade_arguments, add_settings_argument, given, view_settings
from vfx_rs.errors import ArgumentError

__all__ = ["add_parser", "add_step_arguments", "pipeline", "step_options"]

_EXAMPLES = """examples:
  vfx grade render.exr out.exr --exposure 1.5
  vfx grade plate.exr out.exr --slope 1.1 1.0 0.9 --offset 0.01 0 -0.01 --power 1 1 1.05 --sat 0.9
  vfx grade log.exr out.exr --slope 1.2 1.2 1.2 --style asc
  vfx grade plate.exr out.exr --cdl shot.cc
  vfx grade plate.exr out.exr --cdl reel.ccc --cc-id sh010 --sat 1.0
  vfx grade plate.exr out.exr --settings shot.json              # the grade of view settings saved by vfxview
  vfx grade graded.exr plate.exr --cdl shot.cc --inverse
"""


def add_step_arguments(p: argparse.ArgumentParser, kind: str) -> None:
    """The step's options."""
    add_settings_argument(p)
    add_grade_arguments(p)
    p.add_argument("--style", choices=("noclamp", "asc"), default="noclamp", help="CDL clamping (default noclamp)")
    p.add_argument("--cdl", metavar="FILE", help="ASC CDL file: .cc, .ccc or .cdl")
    p.add_argument("--cc-id", help="the correction's id in a .ccc/.cdl file holding several")
    p.add_argument("--inverse", action="store_true", help="undo the grade (inverse CDL, then inverse exposure)")


def step_options(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """Check and collect the grade: ``--settings``'s, then a CDL file's values, then the options given.

    A CDL file is read here, so workers get plain numbers.
    """
    grade = {f: getattr(view_settings(args, ()), f) for f in GRADE_FIELDS}
    if args.cdl:
        from vfx_rs.color.cdl_files import read_cdl_file

        found = read_cdl_file(args.cdl, id=args.cc_id)
        grade.update(slope=found.slope, offset=found.offset, power=found.power, saturation=found.saturation)
    elif args.cc_id:
        raise ArgumentError("grade: --cc-id needs --cdl")
    grade.update(given(args, GRADE_FIELDS))
    if not args.cdl and not args.settings and not given(args, GRADE_FIELDS):
        raise ArgumentError("grade: nothing to do; give --exposure, CDL values, --cdl or --settings")
    options = {"grade": grade, "style": args.style, "inverse": args.inverse}
    pipeline(options)  # bad values fail now
    return options


def pipeline(options: dict[str, Any]) -> Any:
    """Exposure folded into the CDL (`vfx_rs.view.ViewSettings.cdl`), or the inverse of both."""
    from vfx_rs.view import ViewSettings

    settings = ViewSettings(**options["grade"])
    if options["style"] == "noclamp":
        grade = settings.grade_pipeline(live=False)
        return grade.inverse() if options["inverse"] else grade
    return settings.cdl().pipeline("asc", inverse=options["inverse"])


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
