"""``vfx daily``: an image sequence through the show's view transform into a movie, as ``rvio`` does.

Each frame is read, put through the same `vfx_rs.view.ViewSettings` as the viewer and ``vfx ocio``
(exact NumPy core), optionally burnt in with frame number, timecode and shot name, and encoded in order
(`vfx_rs.io.movie.write_movie`) with color tags that match the display and a start timecode. ``-j``
reads and colors frames in parallel processes while the encoder takes them in order. A bad frame or an
unknown codec stops the run with nothing written (the movie is written atomically).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from vfx_rs.cli import view_options
from vfx_rs.cli.progress import Progress
from vfx_rs.cli.sequences import parse_frames, parse_pattern
from vfx_rs.errors import ArgumentError

__all__ = ["BURNIN_FIELDS", "add_parser", "display_tags", "run"]

BURNIN_FIELDS = ("frame", "timecode", "shot")
"""What ``--burnin`` can draw: the frame number (bottom left), the timecode (bottom right), the shot (top left)."""

_EXAMPLES = """examples:
  vfx daily shot.####.exr -o shot.mov --input ACEScg --display "sRGB - Display" --view "ACES 2.0 - SDR 100 nits (Rec.709)"
  vfx daily shot.####.exr -o shot.mp4 --codec h264 --settings review.json --burnin frame,timecode,shot
  vfx daily 'plates/sh010.%04d.exr' -o sh010.mov --frames 1001-1048 --fps 23.976 --timecode 01:00:00:00 -j 2
"""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    from vfx_rs.io.movie import CODECS

    p = sub.add_parser(
        "daily",
        help="encode a sequence through a view transform into a movie",
        description=__doc__,
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="IN", help="image sequence: shot.####.exr, shot.%%04d.exr or shot.@@@@.exr")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="the movie: .mov, .mp4, .mkv or .mxf")
    p.add_argument("--codec", choices=tuple(CODECS), default="prores_422hq", help="ProRes 422 HQ/4444 or H.264")
    p.add_argument("--fps", type=float, default=24.0, help="frame rate")
    p.add_argument("--timecode", help="start timecode HH:MM:SS:FF (default: the first frame number at --fps)")
    p.add_argument("--frames", help="frame range: 1001-1100 (default: the frames on disk)")
    p.add_argument("--burnin", help=f"comma-separated: {', '.join(BURNIN_FIELDS)}")
    p.add_argument("--shot", help="shot name for --burnin shot (default: the file name before the frame number)")
    p.add_argument("--primaries", help="override the primaries tag derived from the display (e.g. bt709)")
    p.add_argument("--transfer", help="override the transfer tag derived from the display (e.g. iec61966-2-1)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="processes reading and coloring frames")
    p.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    view_options.add_settings_argument(p)
    view_options.add_color_arguments(p, input_aliases=("--from",))
    view_options.add_grade_arguments(p)
    view_options.add_display_arguments(p)
    p.set_defaults(run=run)


def display_tags(display: str) -> tuple[str, str, str]:
    """(primaries, transfer, matrix) tags for an OCIO display's name, the way the ACES configs name displays."""
    name = display.lower()
    if "pq" in name or "st2084" in name or "st-2084" in name:
        return ("smpte432" if "p3" in name else "bt2020", "smpte2084", "bt2020" if "p3" not in name else "bt709")
    if "hlg" in name:
        return ("bt2020", "arib-std-b67", "bt2020")
    if "srgb" in name:
        return ("bt709", "iec61966-2-1", "bt709")
    if "p3" in name:
        return ("smpte432" if "d65" in name or "display p3" in name else "smpte431", "unspecified", "bt709")
    if "709" in name or "1886" in name:
        return ("bt709", "bt709", "bt709")
    return ("unspecified", "unspecified", "bt709")


@dataclass(frozen=True)
class _FrameJob:
    """One frame to read and color (plain data, picklable)."""

    path: str
    frame: int
    index: int
    settings: dict[str, Any]
    burnin: tuple[str, ...]
    shot: str
    timecode: str
    alpha: bool


def _render(job: _FrameJob) -> Any:
    """Read, view-transform and burn in one frame: display code values, RGB (RGBA for 4444)."""
    import vfx_rs
    from vfx_rs.view import ViewSettings

    settings = ViewSettings.from_dict(job.settings)
    image = settings.apply(vfx_rs.read(job.path))
    keep = 4 if job.alpha and image.channels >= 4 else 3
    image = image.with_pixels(image.pixels[..., :keep])
    if job.burnin:
        image = _burn_in(image, job)
    return image


def _burn_in(image: Any, job: _FrameJob) -> Any:
    from vfx_rs.drawing import TextStyle, render_text_into

    size = max(12, image.height // 27)
    style = TextStyle(font_size=size, color=[1.0, 1.0, 1.0, 1.0])
    margin = size // 2
    bottom = image.height - margin - round(size * 1.25)
    texts = {
        "frame": (str(job.frame), margin, bottom),
        "timecode": (job.timecode, image.width - margin - round(size * 0.6 * len(job.timecode)), bottom),
        "shot": (job.shot, margin, margin),
    }
    for field in job.burnin:
        text, x, y = texts[field]
        image = render_text_into(image, text, x, y, style)
    return image


def _frames(args: argparse.Namespace) -> tuple[Any, list[int]]:
    pattern = parse_pattern(args.input)
    if pattern is None:
        raise ArgumentError(f"IN {args.input!r} needs a frame pattern (shot.####.exr, shot.%04d.exr)")
    on_disk = pattern.on_disk()
    frames = parse_frames(args.frames) if args.frames else on_disk
    if not frames:
        raise ArgumentError(f"no frames of {args.input!r} on disk")
    missing = sorted(set(frames) - set(on_disk))
    if missing:
        shown = ", ".join(map(str, missing[:20])) + (" ..." if len(missing) > 20 else "")
        raise ArgumentError(f"{len(missing)} frames of {args.input!r} are missing ({shown}); nothing written")
    return pattern, frames


def _jobs(args: argparse.Namespace) -> tuple[list[_FrameJob], Any]:
    from vfx_rs.io.timecode import frames_to_timecode, timecode_to_frames

    pattern, frames = _frames(args)
    settings = view_options.view_settings(args, view_options.VIEW_FIELDS)
    burnin = tuple(f.strip() for f in args.burnin.split(",") if f.strip()) if args.burnin else ()
    unknown = sorted(set(burnin) - set(BURNIN_FIELDS))
    if unknown:
        raise ArgumentError(f"--burnin: unknown field(s) {', '.join(unknown)}; choose from {', '.join(BURNIN_FIELDS)}")
    start = timecode_to_frames(args.timecode, args.fps) if args.timecode else frames[0]
    shot = args.shot or os.path.basename(pattern.head).rstrip("._-") or "shot"
    data = settings.to_dict()
    jobs = [
        _FrameJob(
            pattern.path(f),
            f,
            i,
            data,
            burnin,
            shot,
            frames_to_timecode(start + i, args.fps),
            args.codec == "prores_4444",
        )
        for i, f in enumerate(frames)
    ]
    return jobs, settings


def _rendered(jobs: list[_FrameJob], processes: int, progress: Progress) -> Iterator[Any]:
    """Frames in order; with several processes, rendered ahead in parallel."""
    if processes <= 1:
        for job in jobs:
            yield _render(job)
            progress.advance()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        for image in pool.map(_render, jobs):
            yield image
            progress.advance()


def run(args: argparse.Namespace) -> int:
    """Render and encode; prints one line saying what was written."""
    from vfx_rs.io.movie import write_movie

    if args.jobs < 1:
        raise ArgumentError(f"-j needs a positive number of processes, got {args.jobs}")
    jobs, settings = _jobs(args)
    primaries, transfer, matrix = display_tags(settings.display or "")
    primaries, transfer = args.primaries or primaries, args.transfer or transfer
    progress = Progress(len(jobs), stream=sys.stderr, quiet=args.quiet)
    count = write_movie(
        args.output,
        _rendered(jobs, args.jobs, progress),
        args.fps,
        args.codec,
        timecode=jobs[0].timecode,
        color_primaries=primaries,
        transfer=transfer,
        matrix=matrix,
    )
    progress.finish()
    if not args.quiet:
        print(
            f"vfx: wrote {args.output}: {count} frames, {args.codec} at {args.fps:g} fps, start {jobs[0].timecode},"
            f" tags {primaries}/{transfer}/{matrix}, view {settings.display!r} / {settings.view!r}",
            file=sys.stderr,
        )
    return 0
