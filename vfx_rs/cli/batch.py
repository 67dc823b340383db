"""Batch runs: one read -> steps -> write task per frame, on local processes or a Dask cluster.

`run_task` is the one task function: the local process pool and the Dask
workers (`vfx_rs.cli.distributed`) both call it. It never raises; a failed
frame comes back as a `FrameResult` with its error, so the other frames go
on. Outputs are written through `vfx_rs.write`, which is atomic (temporary
file beside the target, then rename): a killed run leaves each output either
absent or complete, and ``--skip-existing`` resumes it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from vfx_rs.cli.alpha import add_alpha_argument, parse_alpha, remove_alpha
from vfx_rs.cli.progress import Progress
from vfx_rs.cli.sequences import expand_glob, glob_output, is_glob, parse_frames, parse_pattern
from vfx_rs.cli.steps import Step, apply_steps
from vfx_rs.errors import ArgumentError

__all__ = [
    "FrameResult",
    "FrameTask",
    "add_batch_arguments",
    "add_write_arguments",
    "describe_output",
    "plan",
    "run_batch",
    "run_task",
]


@dataclass(frozen=True)
class FrameTask:
    """Everything one worker needs for one frame (plain data, picklable)."""

    frame: int | None
    input: str
    output: str
    steps: tuple[Step, ...] = ()
    layer: str | None = None
    write_options: dict[str, Any] = field(default_factory=dict, hash=False)
    alpha: str = "over-black"


@dataclass(frozen=True)
class FrameResult:
    """The outcome of one `FrameTask`: ``error`` is None on success, ``written`` describes the output."""

    task: FrameTask
    error: str | None
    seconds: float
    written: str = ""


def run_task(task: FrameTask) -> FrameResult:
    """Read, apply the steps, write atomically; exceptions become the result's error."""
    import vfx_rs

    start = time.perf_counter()
    try:
        image = vfx_rs.read_layer(task.input, task.layer) if task.layer else vfx_rs.read(task.input)
        image = apply_steps(image, task.steps, task.frame)
        image, alpha_note = remove_alpha(image, task.output, task.alpha)
        vfx_rs.write(task.output, image, **task.write_options)
        written = describe_output(task.output, image, task.write_options, alpha_note)
    except vfx_rs.VfxError as exc:
        return FrameResult(task, str(exc), time.perf_counter() - start)
    except Exception as exc:
        return FrameResult(task, f"{type(exc).__name__}: {exc}", time.perf_counter() - start)
    return FrameResult(task, None, time.perf_counter() - start, written)


def describe_output(path: str, image: Any, options: dict[str, Any], alpha_note: str | None) -> str:
    """``"out.png: 1920x1080 R,G,B, 16-bit"``: what was written, with the encoding the writer chose."""
    from vfx_rs.io.registry import format_for_extension

    fmt = format_for_extension(os.path.splitext(path)[1], path)
    module = fmt.load()
    if fmt.name == "exr":
        kind = options.get("pixel_type") or {"f16": "half", "u32": "uint"}.get(image.format, "float")
        encoding = f"{kind}, {options.get('compression') or 'zip'}"
    elif fmt.name == "jpeg":
        encoding = f"8-bit, quality {options.get('quality') or 95}"
    elif fmt.name == "hdr":
        encoding = "RGBE"
    else:
        bits = options.get("bit_depth") or module.default_bit_depth(image)
        encoding = "32-bit float" if bits == 32 else f"{bits}-bit"
    extras = f"; {alpha_note}" if alpha_note else ""
    return f"{path}: {image.width}x{image.height} {','.join(image.channel_names)}, {encoding}{extras}"


def add_write_arguments(parser: argparse.ArgumentParser) -> None:
    """Output encoding options, shared by every image-writing subcommand."""
    g = parser.add_argument_group("output encoding")
    g.add_argument("--compression", help="EXR compression: none, rle, zips, zip, piz, pxr24, b44, b44a, dwaa, dwab")
    g.add_argument("--pixel-type", choices=("half", "float"), help="EXR channel type")
    g.add_argument(
        "--bit-depth",
        type=int,
        help="PNG 8/16, TIFF 8/16/32 (32 = float), DPX 8/10/12/16; default: 8 from an 8-bit source,"
        " else PNG 16, TIFF the source's 16 or 32-bit float, DPX 10",
    )
    g.add_argument("--quality", type=int, help="JPEG quality, 1-100 (default 95)")
    add_alpha_argument(g)


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """Sequence and batch options, shared by every image-writing subcommand."""
    g = parser.add_argument_group(
        "sequences and batch (IN/OUT as shot.####.exr, shot.%04d.exr, shot.@@@@.exr or a glob)"
    )
    g.add_argument("--frames", help="frame range: 1001-1100, 1001-1100x2, 1,5,9 (default: the frames on disk)")
    g.add_argument("--strict", action="store_true", help="missing input frames are an error (default: reported)")
    g.add_argument("-j", "--jobs", type=int, default=None, help="parallel processes (default: CPU count)")
    g.add_argument("--skip-existing", action="store_true", help="skip frames whose output exists (resume a run)")
    g.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster (tcp://host:8786) or 'local' for a LocalCluster of -j worker processes",
    )
    out = parser.add_argument_group("reporting")
    out.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    out.add_argument("--json", action="store_true", help="print a JSON summary on stdout (for scripts)")


def _write_options(args: argparse.Namespace) -> dict[str, Any]:
    names = ("compression", "pixel_type", "bit_depth", "quality")
    return {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}


def _ranges(frames: list[int]) -> str:
    """``1,2,3,7`` -> ``1-3, 7``."""
    out, start = [], None
    for i, f in enumerate(frames):
        start = f if start is None else start
        if i + 1 == len(frames) or frames[i + 1] != f + 1:
            out.append(str(f) if start == f else f"{start}-{f}")
            start = None
    return ", ".join(out)


def plan(args: argparse.Namespace, steps: tuple[Step, ...]) -> tuple[list[FrameTask], list[int]]:
    """The frame tasks of a command line, and the missing input frames."""
    layer, options = getattr(args, "layer", None), _write_options(args)
    source, target = parse_pattern(args.input), parse_pattern(args.output)

    def task(frame: int | None, src: str, dst: str) -> FrameTask:
        # absolute paths: a Dask worker need not share this process's working directory
        alpha = getattr(args, "alpha", "over-black")
        return FrameTask(frame, os.path.abspath(src), os.path.abspath(dst), steps, layer, options, alpha)

    if source is None:
        if is_glob(args.input):
            inputs = expand_glob(args.input)
            if not inputs:
                raise ArgumentError(f"no files match {args.input!r}")
            return [task(None, i, o) for i, o in zip(inputs, glob_output(inputs, args.output), strict=True)], []
        if target is not None or args.frames:
            raise ArgumentError("a frame pattern (####, %04d, @@@@) is needed in both IN and OUT, or in neither")
        return [task(None, args.input, args.output)], []
    if target is None:
        raise ArgumentError(f"the input is a sequence; OUT {args.output!r} needs a frame pattern too")
    on_disk = source.on_disk()
    if args.frames:
        frames = parse_frames(args.frames)
    elif on_disk:
        frames = list(range(on_disk[0], on_disk[-1] + 1))
    else:
        raise ArgumentError(f"no frames of {args.input!r} on disk")
    present = set(on_disk)
    missing = [f for f in frames if f not in present]
    return [task(f, source.path(f), target.path(f)) for f in frames if f in present], missing


def _pin_worker(counter: Any, jobs: int) -> None:
    """Pool initializer: give each of `jobs` workers its own share of the CPUs.

    vfx_rs runs pixel tiles and row bands on a thread pool as wide as the
    machine; pinning keeps N workers x N threads from fighting over N cores.
    """
    if not hasattr(os, "sched_setaffinity"):
        return
    cores = sorted(os.sched_getaffinity(0))
    with counter.get_lock():
        index = counter.value
        counter.value += 1
    share = max(1, len(cores) // jobs)
    start = (index * share) % len(cores)
    os.sched_setaffinity(0, cores[start : start + share])


def _local(tasks: list[FrameTask], jobs: int) -> Iterator[FrameResult]:
    """Results as they complete, from `jobs` local processes (in this process when 1)."""
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(run_task, tasks)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("forkserver")
    workers = min(jobs, len(tasks))
    counter = context.Value("i", 0)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_pin_worker, initargs=(counter, workers)) as pool:
        futures = {pool.submit(run_task, t): t for t in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # a worker process died (killed, out of memory)
                yield FrameResult(futures[future], f"{type(exc).__name__}: {exc}", 0.0)


def _remove_stale_temporaries(tasks: list[FrameTask]) -> None:
    """Delete the temporary files an interrupted run left beside `tasks`' outputs (`vfx_rs.io.atomic`'s names),
    also in folders where every frame is skipped and so no write would clean them."""
    from vfx_rs.io.atomic import remove_stale_temporaries

    for folder in {os.path.dirname(t.output) or "." for t in tasks}:
        remove_stale_temporaries(folder)


def _shown(path: str) -> str:
    """`path` as the user would write it: relative to the working directory when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _label(task: FrameTask) -> str:
    return f"frame {task.frame}" if task.frame is not None else _shown(task.input)


def _error_text(result: FrameResult) -> str:
    """The result's error with the task's absolute paths shown as the user gave them."""
    text = result.error or ""
    for path in (result.task.input, result.task.output):
        text = text.replace(path, _shown(path))
    return text


def _order(result: FrameResult) -> tuple[int, str]:
    return (result.task.frame if result.task.frame is not None else 0, result.task.input)


def run_batch(args: argparse.Namespace, steps: tuple[Step, ...]) -> int:
    """Plan, run and summarise; 0 when every planned frame succeeded."""
    tasks, missing = plan(args, steps)
    err = sys.stderr
    quiet, as_json = getattr(args, "quiet", False), getattr(args, "json", False)
    say = (lambda text: None) if quiet or as_json else (lambda text: print(text, file=err))
    parse_alpha(getattr(args, "alpha", "over-black"))  # a bad --alpha fails before any frame runs
    if missing:
        print(f"vfx: missing input frames ({len(missing)}): {_ranges(missing)}", file=err)
        if args.strict:
            print("vfx: error: missing frames with --strict; nothing processed", file=err)
            return 1
    skipped = [t for t in tasks if args.skip_existing and os.path.exists(t.output)]
    if args.skip_existing:
        _remove_stale_temporaries(tasks)
    done_before = {t.output for t in skipped}
    todo = [t for t in tasks if t.output not in done_before]
    if args.jobs is not None and args.jobs < 1:
        raise ArgumentError(f"-j needs a positive number of processes, got {args.jobs}")
    for folder in sorted({os.path.dirname(t.output) for t in todo}):
        if not os.path.isdir(folder):
            os.makedirs(folder, exist_ok=True)
            say(f"vfx: created folder {_shown(folder)}")
    jobs = args.jobs or os.cpu_count() or 1
    runner: Callable[[list[FrameTask], int], Iterable[FrameResult]] = _local
    if args.scheduler:
        from vfx_rs.cli.distributed import run_on_dask

        runner = lambda ts, j: run_on_dask(ts, j, args.scheduler)  # noqa: E731
    single = len(tasks) == 1 and not missing
    progress = Progress(len(todo), stream=err, quiet=single or quiet or as_json)
    results: list[FrameResult] = []
    for result in runner(todo, jobs):
        results.append(result)
        if result.error is not None and not as_json:
            where = "" if single else f"{_label(result.task)} failed: "
            progress.message(f"vfx: error: {where}{_error_text(result)}")
        progress.advance()
    progress.finish()
    failed = sorted((r for r in results if r.error is not None), key=_order)
    written = sorted((r for r in results if r.error is None), key=_order)
    if as_json:
        import json

        summary = {
            "written": [r.written for r in written],
            "failed": [{"frame": r.task.frame, "input": _shown(r.task.input), "error": _error_text(r)} for r in failed],
            "skipped": [_shown(t.output) for t in skipped],
            "missing": missing,
            "seconds": round(progress.elapsed(), 3),
        }
        print(json.dumps(summary, indent=2))
        return 1 if failed else 0
    if single:
        if skipped:
            say(f"vfx: skipped {_shown(tasks[0].output)} (exists)")
        for r in written:
            say(f"vfx: wrote {r.written.replace(r.task.output, _shown(r.task.output), 1)}")
        return 1 if failed else 0
    done = len(todo) - len(failed)
    notes = sorted({r.written.split("; ", 1)[1] for r in written if "; " in r.written})
    say(
        f"vfx: {done} done, {len(failed)} failed, {len(skipped)} skipped, {len(missing)} missing"
        f" in {progress.elapsed():.1f} s" + (f" ({'; '.join(notes)})" if notes else "")
    )
    if failed:
        print(f"vfx: failed: {', '.join(_label(r.task) for r in failed)}", file=err)
    return 1 if failed else 0
