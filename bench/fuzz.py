"""Long fuzz runs over every reader and parser, in forked children with time and memory caps.

Cases are seeded mutations of valid files (``tests/fuzz/cases.py``); the
same seed gives the same cases. A child forked from a process that has
already imported everything runs a batch of cases (``--batch``, 250 by
default) in-process under ``RLIMIT_AS`` (``--memory-mb`` over what the
parent maps) and reports each case's outcome as it finishes; the parent
allows each case ``--timeout`` seconds. When a batch child dies by a signal,
exits early or stops reporting, the case it was on is rerun alone in a
fresh child (as is any case that escaped in a batch), so crashes, hangs and
escapes are attributed to one case and its seed, and the batch resumes
after it. ``--batch 1`` gives every case its own child.

Peak RSS is measured per case: before each case the child returns freed
heap to the kernel (glibc ``malloc_trim``) and resets the kernel's
high-water mark (``echo 5 > /proc/self/clear_refs``), and after it reads
``VmHWM`` from ``/proc/self/status``: the largest resident size during that
case, counting the pages shared with the parent (~40 MB of imported
modules), the same measure as a one-case child's ``ru_maxrss``. Memory a
previous case left allocated only raises the figure, never lowers it.

The reads run under ``vfx_rs.io.LIMITS`` lowered to ``--max-dimension``
(4096) and ``--max-bytes-mb`` (32): readers refuse a header that declares
more before decoding. That is what bounds the peak RSS of a small input: a
few hundred bytes can describe a valid image of any size (a GIF's logical
screen, a WebP of one colour), and a read peaks at up to about 3.5 times
its float32 image (TIFF; WebP 2.6, GIF 1.5, PNG 1.3), so the 200 MB goal
holds for images up to 32 MiB, not for the default 8 GiB.

Per format the table reports: cases, clean ``VfxError``s, valid reads,
escaped exceptions (any other exception: a bug), crashes (died by a signal),
hangs (killed at the timeout) and the largest per-case peak RSS. Problems are
listed with their seed, to replay with ``--replay FORMAT:SEED``.

Run: ``.venv/bin/python bench/fuzz.py --cases 1000`` (Linux: ``/proc`` and ``fork``).
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import faulthandler
import importlib
import json
import os
import random
import re
import resource
import select
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import vfx_rs.io
from tests.fuzz.cases import FORMATS, Format, mutate, run_case

WARM_IMPORTS = (
    "OpenEXR",
    "imagecodecs",
    "tifffile",
    "yaml",
    "av",
    "vfx_rs.io.exr",
    "vfx_rs.io.exr_deep",
    "vfx_rs.io.dng",
    "vfx_rs.io.dpx",
    "vfx_rs.io.png",
    "vfx_rs.io.jpeg",
    "vfx_rs.io.tiff",
    "vfx_rs.io.hdr",
    "vfx_rs.io.movie",
    "vfx_rs.lut",
    "vfx_rs.color.cdl_files",
    "vfx_rs.ocio",
    "vfx_rs.ocio.processor",
)
"""Imported once by the parent so that forked children start warm (importing runs no reader threads)."""

RSS_GOAL_KB = 200 * 1024
"""Cases whose peak RSS passed this (the issue's goal for inputs under 1 MB) are listed."""

_LIBC = ctypes.CDLL(ctypes.util.find_library("c"))
_HWM = re.compile(rb"VmHWM:\s+(\d+) kB")
_RSS = re.compile(rb"VmRSS:\s+(\d+) kB")


def _status(pattern: re.Pattern[bytes]) -> int:
    with open("/proc/self/status", "rb") as handle:
        match = pattern.search(handle.read())
    return int(match.group(1)) if match else 0


def _reset_peak() -> None:
    """Give freed heap back to the kernel and reset VmHWM to the current RSS (Linux proc(5), clear_refs)."""
    _LIBC.malloc_trim(0)
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


def _vm_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def case_data(fmt: Format, seeds: list[bytes], case_seed: int) -> bytes:
    """The input of case `case_seed`: a mutation of one of `fmt`'s seed files."""
    return mutate(seeds[case_seed % len(seeds)], random.Random(case_seed), fmt.text)


def _child(fmt: Format, seeds: list[bytes], case_seeds: list[int], folder: str, memory: int, write_fd: int) -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # the child's own descriptors: library chatter stays out of the report
    os.dup2(devnull, 2)
    faulthandler.disable()  # it writes to its own copy of the parent's stderr (pytest enables it)
    resource.setrlimit(resource.RLIMIT_AS, (_vm_bytes() + memory, resource.RLIM_INFINITY))
    folder = tempfile.mkdtemp(dir=folder)  # its own: a case rerun alone runs beside the rest of the batch
    baseline = _status(_RSS)
    for case_seed in case_seeds:
        _reset_peak()
        try:
            verdict = run_case(fmt, case_data(fmt, seeds, case_seed), folder)
        except BaseException as exc:  # MemoryError and the like, outside the reader's own handling
            verdict = ("escaped", f"{type(exc).__name__}: {exc}"[:300])
        peak = _status(_HWM)
        os.write(write_fd, json.dumps([*verdict, peak]).encode() + b"\n")
        if _status(_RSS) > baseline + 32 * 1024:  # cycles holding arrays: collect before the next case
            import gc

            gc.collect()
    os._exit(0)


def run_children(
    fmt: Format, seeds: list[bytes], case_seeds: list[int], folder: str, timeout: float, memory: int
) -> Iterator[tuple[str, str, int]]:
    """(outcome, detail, peak RSS in KiB) of each case, in order, from one forked child.

    Stops early, after yielding ``("crash", ...)`` or ``("hang", ...)`` for the case the child was on,
    when the child dies or a case runs past `timeout`.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        _child(fmt, seeds, case_seeds, folder, memory, write_fd)
    os.close(write_fd)
    done, buffer = 0, b""
    try:
        while done < len(case_seeds):
            deadline = time.monotonic() + timeout
            while b"\n" not in buffer:
                ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
                if not ready:
                    os.kill(pid, signal.SIGKILL)
                    _, _, usage = os.wait4(pid, 0)
                    pid = 0
                    yield "hang", f"over {timeout} s", usage.ru_maxrss
                    return
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    _, status, usage = os.wait4(pid, 0)
                    pid = 0
                    why = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else "exited without a result"
                    yield "crash", why, usage.ru_maxrss
                    return
                buffer += chunk
            line, buffer = buffer.split(b"\n", 1)
            verdict, detail, peak = json.loads(line)
            done += 1
            yield verdict, detail, peak
    finally:
        os.close(read_fd)
        if pid:
            os.wait4(pid, 0)


def fuzz_format(fmt: Format, cases: int, seed: int, timeout: float, memory: int, batch: int) -> dict[str, object]:
    seeds = fmt.seeds()
    rng = random.Random(f"{fmt.name}:{seed}")
    case_seeds = [rng.randrange(2**32) for _ in range(cases)]
    counts = {"valid": 0, "clean": 0, "escaped": 0, "crash": 0, "hang": 0}
    problems: list[str] = []
    samples: list[str] = []
    peak = 0
    reruns = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        # The seeds read in a child too: a reader that started threads would make later forks unsafe.
        for index, data in enumerate(seeds):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child
                os._exit(0 if run_case(fmt, data, folder) == ("valid", "") else 1)
            if os.waitpid(pid, 0)[1] != 0:
                raise SystemExit(f"{fmt.name} seed {index} does not read")
        position = 0
        while position < cases:
            chunk = case_seeds[position : position + batch]
            for verdict, detail, rss in run_children(fmt, seeds, chunk, folder, timeout, memory):
                case_seed = case_seeds[position]
                if verdict in ("escaped", "crash", "hang") and batch > 1:
                    reruns += 1
                    alone = next(run_children(fmt, seeds, [case_seed], folder, timeout, memory))
                    if alone[0] != verdict and len(problems) < 20:
                        problems.append(f"{fmt.name}:{case_seed} {verdict} in a batch, {alone[0]} alone: {detail}")
                    verdict, detail, rss = alone
                counts[verdict] += 1
                peak = max(peak, rss)
                size = len(case_data(fmt, seeds, case_seed)) if verdict != "clean" or rss > RSS_GOAL_KB else 0
                if verdict in ("escaped", "crash", "hang") and len(problems) < 20:
                    problems.append(f"{fmt.name}:{case_seed} ({size} bytes) {verdict}: {detail}")
                if rss > RSS_GOAL_KB and size < 1024**2 and len(problems) < 20:
                    problems.append(f"{fmt.name}:{case_seed} ({size} bytes) {verdict}, peak RSS {rss // 1024} MB")
                if verdict == "clean" and len(samples) < 3:
                    samples.append(detail)
                position += 1
    return {
        "format": fmt.name,
        **counts,
        "cases": cases,
        "peak_rss_mb": peak / 1024,
        "seconds": time.perf_counter() - start,
        "reruns": reruns,
        "problems": problems,
        "samples": samples,
    }


def replay(spec: str) -> None:
    """Run one case in this process with full tracebacks: ``FORMAT:SEED``."""
    name, case_seed = spec.split(":")
    fmt = FORMATS[name]
    data = case_data(fmt, fmt.seeds(), int(case_seed))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{fmt.ext}"
        path.write_bytes(data)
        print(f"{len(data)} bytes; reading {path}")
        print(fmt.read(str(path)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200, help="cases per format")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per case")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address space a child may add")
    parser.add_argument("--batch", type=int, default=250, help="cases per child (1: one child per case)")
    parser.add_argument("--max-dimension", type=int, default=4096, help="vfx_rs.io.LIMITS.max_dimension")
    parser.add_argument("--max-bytes-mb", type=int, default=32, help="vfx_rs.io.LIMITS.max_bytes, in MiB")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset")
    parser.add_argument("--replay", help="FORMAT:SEED, one case in this process")
    parser.add_argument("--json", help="also write the rows to this file")
    parser.add_argument("--samples", action="store_true", help="print a few clean error messages per format")
    args = parser.parse_args()
    vfx_rs.io.LIMITS.max_dimension = args.max_dimension
    vfx_rs.io.LIMITS.max_bytes = args.max_bytes_mb * 1024**2
    if args.replay:
        replay(args.replay)
        return
    for module in WARM_IMPORTS:
        importlib.import_module(module)
    rows = []
    print("| format | cases | clean VfxError | valid | escaped | crashes | hangs | peak RSS (MB) | time (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in args.formats.split(","):
        row = fuzz_format(FORMATS[name], args.cases, args.seed, args.timeout, args.memory_mb * 1024**2, args.batch)
        rows.append(row)
        print(
            f"| {name} | {row['cases']} | {row['clean']} | {row['valid']} | {row['escaped']} | {row['crash']} "
            f"| {row['hang']} | {row['peak_rss_mb']:.0f} | {row['seconds']:.0f} |",
            flush=True,
        )
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=1))
    for row in rows:
        for problem in row["problems"]:  # type: ignore[attr-defined]
            print(problem)
        for sample in row["samples"] if args.samples else ():  # type: ignore[attr-defined]
            print(f"  {row['format']}: {sample}")


if __name__ == "__main__":
    main()
