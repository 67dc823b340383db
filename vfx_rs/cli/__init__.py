"""The `vfx` command: a thin command line over the `vfx_rs` API.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``. Errors from `vfx_rs` print as ``vfx: error: ...`` and
exit with status 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from vfx_rs.cli import (
    bake,
    chain,
    color,
    completion,
    convert,
    daily,
    diff,
    grade,
    imageops,
    info,
    lut,
    ocio,
    parity,
    trace,
    view,
)
from vfx_rs.cli.helptext import HelpFormatter
from vfx_rs.errors import VfxError

__all__ = ["main"]

_COMMANDS = (
    info,
    convert,
    color,
    ocio,
    lut,
    grade,
    bake,
    imageops,
    diff,
    chain,
    daily,
    trace,
    parity,
    view,
    completion,
)

_EPILOG = """examples:
  vfx info render.exr
  vfx info --stats --json shot.0001.exr
  vfx convert render.exr preview.png --bit-depth 16
  vfx convert render.exr half.exr --pixel-type half --compression piz
  vfx color render.exr out.png --from ACEScg --to sRGB --transfer srgb
  vfx ocio render.exr out.png --from ACEScg --display "sRGB - Display" --view "ACES 2.0 - SDR 100 nits (Rec.709)"
  vfx lut render.exr grade.cube out.exr --interp trilinear
  vfx grade plate.exr out.exr --exposure 1 --slope 1.1 1 0.9 --sat 0.8
  vfx bake look.cube -s "grade --sat 0.8" -s "color --transfer srgb" --kind 3d
  vfx resize plate.exr half.exr --scale 0.5
  vfx composite fg.exr bg.exr comp.exr --op over
  vfx diff out.exr ref.exr --threshold 1e-4
  vfx chain shot.####.exr out.####.png -s "grade --exposure 1" -s "resize --scale 0.5" -j 8
  vfx ocio shot.%04d.exr out.%04d.exr --from ACEScg --to ACEScct --frames 1001-1100x2 --scheduler local

sequences: shot.####.exr, shot.%04d.exr, shot.@@@@.exr with --frames 1001-1100 or 1001-1100x2;
batch: -j N local processes, --skip-existing, --strict, --scheduler ADDRESS|local (Dask);
`vfx COMMAND --help` shows each command's options and examples
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from vfx_rs import __version__

    parser = argparse.ArgumentParser(
        prog="vfx",
        description="Inspect, convert, color-manage, grade and process VFX images and sequences with vfx-rs.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"vfx {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _COMMANDS:
        module.add_parser(sub)
    for command in sub.choices.values():
        command.formatter_class = HelpFormatter
        for action in command._actions:
            if action.help is None and action.choices is not None:
                action.help = "one of: " + ", ".join(map(str, action.choices))
    return parser


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse `argv`; extra file names (a glob the shell expanded) get a message saying to quote it."""
    args, extra = parser.parse_known_args(argv)
    if extra:
        names = [e for e in extra if not e.startswith("-")]
        if names and len(names) == len(extra) and getattr(args, "output", None) is not None:
            parser.exit(
                2,
                f"vfx: error: {len(names) + 2} file names where IN and OUT were expected: if the shell expanded"
                f" a glob, quote it ('plates/*.exr') and vfx expands it itself\n",
            )
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `vfx` command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["__complete"]:  # the shell completion scripts' query (vfx_rs.cli.completion)
        with contextlib.suppress(VfxError, ValueError, IndexError):  # never an error into the shell
            print("\n".join(completion.candidates(build_parser(), argv[2:], int(argv[1]))))
        return 0
    args = _parse(build_parser(), argv)
    try:
        status = int(args.run(args))
        sys.stdout.flush()  # inside the try: a closed pipe fails here rather than at interpreter exit
        return status
    except VfxError as exc:
        print(f"vfx: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("vfx: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`vfx info ... | head`): stop quietly, as other command-line tools do.
        # Python docs, "Note on SIGPIPE": point stdout at devnull so the flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
