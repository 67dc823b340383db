"""``vfx view``: open images or a saved session in the viewer, or replay a session in batch (``--export``).

``vfx view --session s.py --export out.exr`` writes the session's image as displayed with `vfx_rs` alone
(`vfx_rs.session.Session.export`), the same file ``python s.py --export`` and ``vfxview --session s.py
--export`` write. Without ``--export`` it starts ``vfxview`` (the ``[app]`` extra) in its own process.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

__all__ = ["add_parser", "run"]

_EXAMPLES = """examples:
  vfx view shot.exr
  vfx view --session review.py                     # the viewer, as the session was saved
  vfx view --session review.py --export shown.exr  # batch: no window, no Qt
"""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "view",
        help="open images or a saved session in vfxview, or export a session in batch",
        description=__doc__,
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("images", nargs="*", metavar="IMAGE", help="images to open (the second one is image B)")
    p.add_argument("--session", metavar="SESSION.py", help="a session saved by the viewer's File > Save Session")
    p.add_argument("--export", metavar="OUT", help="with --session: write its image as displayed and exit")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Export the session in batch, or start the viewer."""
    from vfx_rs.errors import ArgumentError

    if args.export:
        if not args.session or args.images:
            raise ArgumentError("vfx view --export needs --session (and no IMAGE); for images use vfx ocio")
        from vfx_rs.session import load_session

        load_session(args.session).export(args.export)
        return 0
    command = [sys.executable, "-m", "vfxview", *args.images]
    if args.session:
        command += ["--session", args.session]
    return subprocess.run(command, check=False).returncode
