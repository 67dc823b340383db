"""The application: arguments, QApplication and main-window assembly (the only place that wires parts).

``vfxview [IMAGE ...] [--config C --input S --display D --view V --look L | --lut F | --raw] [--exposure S]
[--export OUT | --screenshot OUT.png]``.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

__all__ = ["build_parser", "main"]

_INSTALL_HINT = 'vfxview needs PySide6 and PyOpenGL: pip install "vfx-rs[app]"'


def build_parser() -> argparse.ArgumentParser:
    """The command-line arguments."""
    p = argparse.ArgumentParser(prog="vfxview", description="vfx-rs image viewer (GLSL preview of the exact core)")
    p.add_argument("images", nargs="*", help="images to open; the second one becomes compare image B")
    p.add_argument(
        "--config", default=None, help="OCIO config: a .ocio file, $OCIO, or ocio://name (default: built-in ACES 1.3)"
    )
    p.add_argument(
        "--input",
        dest="input_space",
        default=None,
        help="color space of the image (default: the OCIO config's file rules for the file)",
    )
    p.add_argument("--display", default=None, help="OCIO display (default sRGB - Display)")
    p.add_argument("--view", default=None, help="view of the display (default: the display's default view)")
    p.add_argument("--look", default=None, help="OCIO look string (default: the view's looks)")
    p.add_argument("--lut", default=None, help="show through this LUT file instead of an OCIO view")
    p.add_argument("--raw", action="store_true", help="no color transform (raw values, exposure and gamma only)")
    p.add_argument("--exposure", type=float, default=0.0, help="exposure in stops")
    p.add_argument("--gamma", type=float, default=1.0, help="display gamma")
    p.add_argument("--channel", default="RGB", help="channel view: RGB R G B A Y")
    p.add_argument("--export", metavar="OUT", help="write IMAGE as displayed through the NumPy core and exit")
    p.add_argument("--grade-only", action="store_true", help="with --export: write the graded scene-linear image")
    p.add_argument("--screenshot", metavar="OUT.png", help="render the window, save it as PNG and exit")
    p.add_argument("--size", default="1280x800", help="window size for --screenshot (WxH)")
    return p


def _apply_args(state: Any, args: argparse.Namespace) -> None:
    from vfxview import color_commands, commands

    color_commands.configure(
        state,
        config=args.config,
        input_space=args.input_space,
        display=args.display,
        view=args.view,
        look=args.look,
        lut=args.lut,
        source="raw" if args.raw else None,
    )
    commands.set_exposure(state, args.exposure)
    commands.set_gamma(state, args.gamma)
    commands.set_channel(state, args.channel)


def _export_headless(args: argparse.Namespace) -> int:
    from vfxview import commands
    from vfxview.state import ViewerState

    if len(args.images) != 1:
        print("vfxview: --export needs exactly one input image", file=sys.stderr)
        return 2
    state = ViewerState()
    _apply_args(state, args)
    ok = state.error == "" and commands.open_image(state, args.images[0])
    ok = ok and commands.export(state, args.export, grade_only=args.grade_only)
    if not ok:
        print(f"vfxview: {state.error}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``vfxview`` and ``python -m vfxview``."""
    args = build_parser().parse_args(argv)
    if args.export:
        return _export_headless(args)
    try:
        from PySide6.QtWidgets import QApplication

        from vfxview.window import MainWindow
    except ImportError as exc:
        print(f"{_INSTALL_HINT}\n({exc})", file=sys.stderr)
        return 1
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform.startswith("linux")
        and os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal")
    ):
        print(
            "vfxview: no display (DISPLAY is unset); run it under xvfb-run -a, or see README 'Viewer'", file=sys.stderr
        )
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("vfx-rs")
    app.setApplicationName("vfxview")
    window = MainWindow(remember_layout=not args.screenshot)
    _apply_args(window.state, args)
    for index, path in enumerate(args.images[:2]):
        if index == 0:
            window.open_path(path, background=not args.screenshot)
        else:
            window.compare_with(path)
    if args.screenshot:
        w, h = (int(v) for v in args.size.lower().split("x"))
        window.resize(w, h)
        window.show()
        ok = window.save_screenshot(args.screenshot)
        window.close()
        if window.state.error:
            print(f"vfxview: {window.state.error}", file=sys.stderr)
        return 0 if ok and not window.state.error else 1
    window.show()
    return app.exec()
