"""The `vfx` command: a thin command line over the `vfx_rs` API.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``. Errors from `vfx_rs` print as ``vfx: error: ...`` and
exit with status 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from vfx_rs.cli import convert, info
from vfx_rs.errors import VfxError

__all__ = ["main"]

_COMMANDS = (info, convert)

_EPILOG = """examples:
  vfx info render.exr
  vfx info --stats --json shot.0001.exr
  vfx convert render.exr preview.png --bit-depth 16
  vfx convert render.exr half.exr --pixel-type half --compression piz
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from vfx_rs import __version__

    parser = argparse.ArgumentParser(
        prog="vfx",
        description="Inspect and convert VFX images with vfx-rs.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"vfx {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `vfx` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except VfxError as exc:
        print(f"vfx: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("vfx: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
