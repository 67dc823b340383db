"""``python -m vfxview.headless_trace IMAGE X Y [view options]``: the transform debugger's table without a window.

What ``vfx trace --glsl`` runs: `vfxview.debugger.debug_pixel` with the GLSL read back in an offscreen
OpenGL context (`vfxview.glprobe`). Exit status 0 when GLSL equals NumPy at every op, 1 when an op
departs, 2 on a bad input or without OpenGL.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """``IMAGE X Y [--layer L] [view options] [--json]``."""
    from vfx_rs.cli import view_options

    p = argparse.ArgumentParser(prog="vfx trace --glsl", description=__doc__)
    p.add_argument("image", metavar="IMAGE")
    p.add_argument("x", type=int)
    p.add_argument("y", type=int)
    p.add_argument("--layer")
    p.add_argument("--json", action="store_true")
    view_options.add_settings_argument(p)
    view_options.add_color_arguments(p)
    view_options.add_grade_arguments(p)
    view_options.add_display_arguments(p)
    return p


def main(argv: list[str] | None = None) -> int:
    """Print the table (or JSON with a ``gl`` list per step and ``first_difference``)."""
    import vfx_rs
    from vfx_rs.cli import view_options
    from vfx_rs.cli.trace import TRACE_FIELDS
    from vfx_rs.errors import VfxError
    from vfxview.debugger import debug_pixel

    args = build_parser().parse_args(argv)
    try:
        settings = view_options.view_settings(args, TRACE_FIELDS)
        image = vfx_rs.read_layer(args.image, args.layer) if args.layer else vfx_rs.read(args.image)
        from PySide6.QtWidgets import QApplication

        from vfxview.glprobe import offscreen_context, render_prefixes

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive for the context)
        with offscreen_context():
            report = debug_pixel(settings, image, args.x, args.y, render_prefixes)
    except (VfxError, OSError, RuntimeError) as exc:
        print(f"vfx trace: {exc}", file=sys.stderr)
        return 2
    if args.json:
        data = {
            "settings": settings.to_dict(),
            **dataclasses.asdict(report.trace),
            "gl": [list(v) for v in report.gl],
            "first_difference": report.first_difference,
        }
        print(json.dumps(data, indent=2, default=str))
    else:
        print(f"{args.image}  {settings!r}")
        print(report.table())
    return 0 if report.first_difference is None else 1


if __name__ == "__main__":
    sys.exit(main())
