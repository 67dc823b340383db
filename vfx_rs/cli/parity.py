"""``vfx parity``: preview = export proof, the image through the viewer's shader against the exact NumPy core.

Reports the max, 99th percentile and mean absolute error in display code values and where the maximum is,
optionally writes a heat map, and exits 1 over ``--threshold`` (so a pipeline can gate deliveries on it).
The GPU side lives in the viewer (`vfx_rs` never imports Qt or OpenGL): this runs
``python -m vfxview.headless_parity`` in a subprocess, under ``xvfb-run -a`` when there is no display.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
from typing import Any

__all__ = ["APP_MISSING", "add_parser", "forward", "missing_app_modules", "run", "run_in_app"]

APP_MISSING = (
    'vfx parity renders through the viewer\'s OpenGL shader: install the [app] extra (pip install "vfx-rs[app]")'
)

_EXAMPLES = """examples:
  vfx parity shot.exr --input ACEScg --display "sRGB - Display" --view "ACES 2.0 - SDR 100 nits (Rec.709)"
  vfx parity shot.exr --settings review.json --threshold 5e-4 --heatmap parity.png --json
exit status: 0 within the threshold, 1 over it, 2 on a bad input or without OpenGL
"""


def missing_app_modules() -> list[str]:
    """The modules of the [app] extra that cannot be imported here."""
    return [name for name in ("PySide6", "OpenGL", "vfxview") if importlib.util.find_spec(name) is None]


def add_parser(sub: Any) -> None:
    """Register the subcommand (its options are the viewer's `vfxview.headless_parity.build_parser`, passed through)."""
    from vfx_rs.cli import view_options

    p = sub.add_parser(
        "parity",
        help="prove the viewer's preview equals the export (GLSL vs NumPy over the whole image)",
        description=__doc__,
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("image", metavar="IMAGE")
    p.add_argument("--layer", help="layer of a multi-layer EXR")
    p.add_argument("--threshold", help="largest accepted error in display code values (default 1e-3)")
    p.add_argument("--heatmap", metavar="OUT", help="write the per-pixel error as an image (red at the threshold)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    view_options.add_settings_argument(p)
    view_options.add_color_arguments(p)
    view_options.add_grade_arguments(p)
    view_options.add_display_arguments(p)
    p.set_defaults(run=run)


_FORWARDED = (
    "layer", "threshold", "heatmap", "json", "settings", "config", "input_space", "display", "view", "look",
    "lut", "lut_position", "exposure", "slope", "offset", "power", "saturation", "gamma", "channel",
)  # fmt: skip


def forward(args: argparse.Namespace, positional: list[str]) -> list[str]:
    """`positional` then the view options (and ``--layer --threshold --heatmap --json``) given, as arguments again."""
    flags = {"input_space": "--input", "saturation": "--sat", "lut_position": "--lut-position"}
    out = list(positional)
    for name in _FORWARDED:
        value = getattr(args, name, None)
        if value is None or value is False:
            continue
        flag = flags.get(name, "--" + name.replace("_", "-"))
        if value is True:
            out.append(flag)
        elif isinstance(value, list):
            out += [flag, *map(str, value)]
        else:
            out += [flag, str(value)]
    return out


def run_in_app(command_name: str, module: str, argv: list[str]) -> int:
    """Run ``python -m module argv`` (a `vfxview` module needing OpenGL), under ``xvfb-run -a`` without a display.

    Returns its exit status, or 2 with a message when the [app] extra or a display is missing.
    """
    missing = missing_app_modules()
    if missing:
        message = APP_MISSING.replace("vfx parity", f"vfx {command_name}")
        print(f"vfx {command_name}: {message} (missing: {', '.join(missing)})", file=sys.stderr)
        return 2
    command = [sys.executable, "-m", module, *argv]
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            print(
                f"vfx {command_name}: no display and no xvfb-run: install Xvfb (Debian: xvfb) or set DISPLAY",
                file=sys.stderr,
            )
            return 2
        command = [xvfb, "-a", *command]
    return subprocess.run(command, check=False).returncode


def run(args: argparse.Namespace) -> int:
    """Run the viewer's parity check in a subprocess; its exit status is ours."""
    return run_in_app("parity", "vfxview.headless_parity", forward(args, [os.path.abspath(args.image)]))
