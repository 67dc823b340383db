"""``vfx lut``: apply a LUT file (any format `vfx_rs.lut.read` knows) to images."""

from __future__ import annotations

import argparse
from typing import Any

from vfx_rs.cli.common import add_image_command
from vfx_rs.cli.view_options import (
    GRADE_FIELDS,
    add_display_arguments,
    add_grade_arguments,
    add_settings_argument,
    view_settings,
)

__all__ = ["INTERPOLATIONS", "add_parser", "add_step_arguments", "pipeline", "step_options"]

INTERPOLATIONS = ("tetrahedral", "trilinear", "best", "linear", "default")
"""3D interpolation names (`vfx_rs.lut.Lut3D.to_ops`); 1D tables always interpolate linearly, as OCIO."""

_EXAMPLES = """examples:
  vfx lut render.exr grade.cube out.exr
  vfx lut render.exr film.spi3d out.exr --interp trilinear
  vfx lut render.exr film.cube out.exr --exposure -0.5        # the viewer's LUT chain: grade, LUT, gamma
  vfx lut log.dpx to_rec709.3dl out.png --bit-depth 16
  vfx lut plate.exr shot.cc graded.exr                 # an ASC CDL file, as OCIO's FileTransform
"""


def add_step_arguments(p: argparse.ArgumentParser, kind: str) -> None:
    """The step's options."""
    p.add_argument("lut", metavar="LUT", help=".cube, .spi1d, .spi3d, .spimtx, .3dl, .csp, .clf/.ctf, .cc ...")
    p.add_argument("--interp", choices=INTERPOLATIONS, default="tetrahedral", help="3D LUT interpolation")
    add_settings_argument(p)
    add_grade_arguments(p)
    add_display_arguments(p)


def step_options(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    """Check and collect the options: the viewer's LUT source (`vfx_rs.view.ViewSettings`) with this LUT."""
    import os

    args.lut = os.path.abspath(args.lut)
    settings = view_settings(args, (*GRADE_FIELDS, "gamma", "channel")).replace(
        source="lut", lut=args.lut, lut_interpolation=args.interp
    )
    options = {"settings": settings.to_dict()}
    pipeline(options)  # a malformed LUT fails now, naming file and line
    return options


def pipeline(options: dict[str, Any]) -> Any:
    """The grade, the LUT file's ops (`vfx_rs.lut.read_pipeline`) and the gamma, simplified."""
    from vfx_rs.view import ViewSettings

    return ViewSettings.from_dict(options["settings"]).pipeline(live=False)


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    add_image_command(
        sub, "lut", help="apply a LUT file", description=__doc__ or "", examples=_EXAMPLES, positional="grade.cube"
    )
