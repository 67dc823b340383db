"""The application: arguments, QApplication and main-window assembly (the only place that wires parts).

``vfxview [IMAGE ...] [--settings FILE] [--config C --input S --display D --view V --look L] [--lut F
[--lut-position before|after]] [--raw] [--exposure S --slope R G B ... --gamma G --channel C]
[--export OUT | --screenshot OUT.png]``: the view options are named as in ``vfx ocio``, ``grade`` and ``lut``.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

__all__ = ["build_parser", "main", "none_refcount_bug"]

_INSTALL_HINT = 'vfxview needs PySide6 and PyOpenGL: pip install "vfx-rs[app]"'


def build_parser() -> argparse.ArgumentParser:
    """The command-line arguments: the view settings named as in every ``vfx`` command (`vfx_rs.cli.view_options`)."""
    from vfx_rs.cli import view_options

    p = argparse.ArgumentParser(prog="vfxview", description="vfx-rs image viewer (GLSL preview of the exact core)")
    p.add_argument("images", nargs="*", help="images to open; the second one becomes compare image B")
    view_options.add_settings_argument(p)
    view_options.add_color_arguments(p)
    p.add_argument("--raw", action="store_true", help="no color transform (raw values, grade and gamma only)")
    view_options.add_grade_arguments(p)
    view_options.add_display_arguments(p)
    p.add_argument("--session", metavar="SESSION.py", help="replay a session saved by File > Save Session")
    p.add_argument("--export", metavar="OUT", help="write IMAGE as displayed through the NumPy core and exit")
    p.add_argument("--grade-only", action="store_true", help="with --export: write the graded scene-linear image")
    p.add_argument("--screenshot", metavar="OUT.png", help="render the window, save it as PNG and exit")
    p.add_argument("--size", default="1280x800", help="window size for --screenshot (WxH)")
    return p


def _apply_args(state: Any, args: argparse.Namespace) -> None:
    """Settings file first, then each option given (through the commands, so a bad one leaves a message)."""
    from vfx_rs.cli.view_options import GRADE_FIELDS, given
    from vfx_rs.view import startup_config
    from vfxview import color_commands, commands

    if args.settings and not commands.load_settings(state, args.settings):
        return
    startup = None if args.settings else startup_config()  # $OCIO where set, as every OCIO application
    color_commands.configure(
        state,
        config=args.config or (startup if startup != state.settings.config else None),
        input_space=args.input_space,
        display=args.display,
        view=args.view,
        look=args.look,
        lut=args.lut,
        lut_position=args.lut_position,
        source="raw" if args.raw else None,
    )
    grade = given(args, GRADE_FIELDS)
    if "exposure" in grade:
        commands.set_exposure(state, grade.pop("exposure"))
    if grade:
        commands.set_grade(state, **grade)
    if args.gamma is not None:
        commands.set_gamma(state, args.gamma)
    if args.channel is not None:
        commands.set_channel(state, args.channel)


def none_refcount_bug() -> str:
    """Why this PySide6 cannot run the viewer, or "": PySide6 6.12.0 returns None from every C++ method that
    returns nothing without taking a reference to it. With None immortal (Python 3.12+) that is harmless;
    on 3.11 each call takes one reference away, and a few thousand calls later (seconds of playback) Python
    aborts ("none_dealloc: deallocating None"). Checked by calling one such method, not by version."""
    from PySide6 import __version__
    from PySide6.QtGui import QColor

    color, calls = QColor(), 64
    before = sys.getrefcount(None)
    for _ in range(calls):
        color.setRed(0)
    if sys.getrefcount(None) > before - calls // 2:
        return ""
    return (
        f"PySide6 {__version__} loses a reference to None on every call on Python "
        f"{sys.version_info.major}.{sys.version_info.minor}, so the viewer would abort within minutes; "
        'install another version: pip install "PySide6-Essentials<6.12" (or use Python 3.12 or later)'
    )


def _export_headless(args: argparse.Namespace) -> int:
    from vfxview import commands
    from vfxview.state import ViewerState

    if len(args.images) != (0 if args.session else 1):
        print("vfxview: --export needs exactly one input image, or --session", file=sys.stderr)
        return 2
    state = ViewerState()
    if args.session:
        from vfxview.session_commands import open_session

        ok = open_session(state, args.session)
    else:
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
    first = None
    if args.images and not args.screenshot:  # decoding overlaps importing Qt and building the window
        from vfxview import first_read

        first = first_read.start(args.images[0])
    try:
        from PySide6.QtWidgets import QApplication

        from vfxview.window import MainWindow
    except ImportError as exc:
        print(f"{_INSTALL_HINT}\n({exc})", file=sys.stderr)
        return 1
    broken = none_refcount_bug()
    if broken:
        print(f"vfxview: {broken}", file=sys.stderr)
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
    if window.state.error:  # a bad option fails like any command line, before a later success hides it
        print(f"vfxview: error: {window.state.error}", file=sys.stderr)
        window.close()
        return 2
    if args.session:
        from vfxview.session_commands import open_session

        open_session(window.state, args.session)
    for index, path in enumerate(args.images[:2]):
        if index == 0:
            window.open_path(path, background=not args.screenshot, pending=first)
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
