"""``python -m vfxview.headless_parity IMAGE [view options]``: `vfxview.parity` without a window, for ``vfx parity``.

Reads the image, builds the `vfx_rs.view.ViewSettings` from the options (named as in every ``vfx``
command), renders it with a hidden `vfxview.viewport.Viewport` (the viewer's own shader) and prints the
report; exit status 0 within the threshold, 1 over it, 2 on a bad input or without OpenGL.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from vfx_rs.image import Image
from vfxview.parity import DEFAULT_THRESHOLD, heat_map, parity_check

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """``IMAGE [--layer L] [view options] [--threshold T] [--heatmap OUT] [--json]``."""
    from vfx_rs.cli import view_options

    p = argparse.ArgumentParser(
        prog="vfx parity",
        description="render IMAGE through the viewer's shader and the exact NumPy core; compare them",
    )
    p.add_argument("image", metavar="IMAGE")
    p.add_argument("--layer", help="layer of a multi-layer EXR")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="largest accepted error (code values)")
    p.add_argument("--heatmap", metavar="OUT", help="write the per-pixel error as an image (red at the threshold)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    view_options.add_settings_argument(p)
    view_options.add_color_arguments(p)
    view_options.add_grade_arguments(p)
    view_options.add_display_arguments(p)
    return p


_FIELDS = (
    "config", "input_space", "display", "view", "look", "lut", "lut_position",
    "exposure", "slope", "offset", "power", "saturation", "gamma", "channel",
)  # fmt: skip


def _render_headless(image: Image, settings: Any) -> Callable[[], np.ndarray]:
    """The viewport's ``render_float`` for `image` seen through `settings` (needs a QApplication)."""
    from vfxview.state import ViewerState
    from vfxview.viewport import Viewport

    state = ViewerState()
    state.update(settings=settings, input_from_rules=False, background="black", nan_false_color=False)
    state.image = image
    viewport = Viewport(state)
    viewport.resize(64, 64)
    viewport.grabFramebuffer()  # creates the context and compiles the shader
    return viewport.render_float


def main(argv: list[str] | None = None) -> int:
    """Exit 0 within the threshold, 1 over it, 2 on a bad input or no OpenGL."""
    import vfx_rs
    from vfx_rs.cli import view_options
    from vfx_rs.errors import VfxError

    args = build_parser().parse_args(argv)
    try:
        settings = view_options.view_settings(args, _FIELDS)
        image = vfx_rs.read_layer(args.image, args.layer) if args.layer else vfx_rs.read(args.image)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (kept alive for the render)
        report, per_pixel = parity_check(image, settings, _render_headless(image, settings), args.threshold)
        if args.heatmap:
            vfx_rs.write(args.heatmap, heat_map(per_pixel, args.threshold))
    except (VfxError, OSError, RuntimeError) as exc:
        print(f"vfx parity: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report.to_dict(), indent=2) if args.json else report.text())
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
