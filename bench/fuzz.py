"""Long fuzz runs over every reader and parser, each case in a forked child with time and memory caps.

Cases are seeded mutations of valid files (``tests/fuzz/cases.py``); the
same seed gives the same cases. Each case runs in a child forked from a
process that has already imported everything, with ``RLIMIT_AS`` raised by
``--memory-mb`` over what the parent maps and a wall-clock ``--timeout``.
Per format the table reports: cases, clean ``VfxError``s, valid reads,
escaped exceptions (any other exception: a bug), crashes (the child died
by a signal), hangs (killed at the timeout) and the peak RSS of any child
(``wait4`` rusage). Escapes, crashes and hangs are listed with their seed
so they can be replayed with ``--replay FORMAT:SEED``.

Run: ``.venv/bin/python bench/fuzz.py --cases 1000`` (POSIX only).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import resource
import select
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fuzz.cases import FORMATS, Format, mutate, run_case

WARM_IMPORTS = (
    "OpenEXR",
    "imagecodecs",
    "tifffile",
    "yaml",
    "vfx_rs.io.exr",
    "vfx_rs.io.dpx",
    "vfx_rs.io.png",
    "vfx_rs.io.jpeg",
    "vfx_rs.io.tiff",
    "vfx_rs.io.hdr",
    "vfx_rs.lut",
    "vfx_rs.color.cdl_files",
    "vfx_rs.ocio",
    "vfx_rs.ocio.processor",
)
"""Imported once by the parent so that forked children start warm (importing runs no reader threads)."""


RSS_GOAL_KB = 200 * 1024
"""Cases whose child peaked above this (the issue's goal for inputs under 1 MB) are listed."""


def _vm_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(fmt: Format, data: bytes, folder: str, memory: int, write_fd: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_vm_bytes() + memory, resource.RLIM_INFINITY))
    try:
        verdict = run_case(fmt, data, folder)
    except BaseException as exc:  # MemoryError and the like, outside the reader's own handling
        verdict = ("escaped", f"{type(exc).__name__}: {exc}"[:300])
    os.write(write_fd, json.dumps(verdict).encode())
    os._exit(0)


def run_one(fmt: Format, data: bytes, folder: str, timeout: float, memory: int) -> tuple[str, str, int]:
    """(outcome, detail, peak RSS in KiB) of one case in a forked child."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)  # the child's own copies: library chatter stays out of the report
        os.dup2(devnull, 2)
        _child(fmt, data, folder, memory, write_fd)
    os.close(write_fd)
    deadline = time.monotonic() + timeout
    chunks = []
    while True:
        ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            _, _, usage = os.wait4(pid, 0)
            os.close(read_fd)
            return "hang", f"over {timeout} s", usage.ru_maxrss
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_fd)
    _, status, usage = os.wait4(pid, 0)
    if os.WIFSIGNALED(status):
        return "crash", f"signal {os.WTERMSIG(status)}", usage.ru_maxrss
    verdict, detail = json.loads(b"".join(chunks) or b'["crash", "no result"]')
    return verdict, detail, usage.ru_maxrss


def fuzz_format(fmt: Format, cases: int, seed: int, timeout: float, memory: int) -> dict[str, object]:
    seeds = fmt.seeds()
    rng = random.Random(f"{fmt.name}:{seed}")
    counts = {"valid": 0, "clean": 0, "escaped": 0, "crash": 0, "hang": 0}
    problems: list[str] = []
    samples: list[str] = []
    peak = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for data in seeds:  # in children too: a reader that starts threads would make later forks unsafe
            verdict, detail, _ = run_one(fmt, data, folder, timeout, memory)
            if verdict != "valid":
                raise SystemExit(f"{fmt.name} seed does not read: {verdict}: {detail}")
        for _ in range(cases):
            case_seed = rng.randrange(2**32)
            data = mutate(seeds[case_seed % len(seeds)], random.Random(case_seed), fmt.text)
            verdict, detail, rss = run_one(fmt, data, folder, timeout, memory)
            counts[verdict] += 1
            peak = max(peak, rss)
            if verdict in ("escaped", "crash", "hang") and len(problems) < 20:
                problems.append(f"{fmt.name}:{case_seed} ({len(data)} bytes) {verdict}: {detail}")
            if rss > RSS_GOAL_KB and len(problems) < 20:
                problems.append(f"{fmt.name}:{case_seed} ({len(data)} bytes) {verdict}, peak RSS {rss // 1024} MB")
            if verdict == "clean" and len(samples) < 3:
                samples.append(detail)
    return {
        "format": fmt.name,
        **counts,
        "cases": cases,
        "peak_rss_mb": peak / 1024,
        "seconds": time.perf_counter() - start,
        "problems": problems,
        "samples": samples,
    }


def replay(spec: str) -> None:
    """Run one case in this process with full tracebacks: ``FORMAT:SEED``."""
    name, case_seed = spec.split(":")
    fmt = FORMATS[name]
    seeds = fmt.seeds()
    data = mutate(seeds[int(case_seed) % len(seeds)], random.Random(int(case_seed)), fmt.text)
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
    parser.add_argument("--memory-mb", type=int, default=2048, help="address space a case may add")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset")
    parser.add_argument("--replay", help="FORMAT:SEED, one case in this process")
    parser.add_argument("--json", help="also write the rows to this file")
    parser.add_argument("--samples", action="store_true", help="print a few clean error messages per format")
    args = parser.parse_args()
    if args.replay:
        replay(args.replay)
        return
    for module in WARM_IMPORTS:
        importlib.import_module(module)
    rows = []
    print("| format | cases | clean VfxError | valid | escaped | crashes | hangs | peak RSS (MB) | time (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in args.formats.split(","):
        row = fuzz_format(FORMATS[name], args.cases, args.seed, args.timeout, args.memory_mb * 1024**2)
        rows.append(row)
        print(
            f"| {name} | {row['cases']} | {row['clean']} | {row['valid']} | {row['escaped']} | {row['crash']} "
            f"| {row['hang']} | {row['peak_rss_mb']:.0f} | {row['seconds']:.0f} |",
            flush=True,
        )
    for row in rows:
        for problem in row["problems"]:  # type: ignore[attr-defined]
            print(problem)
        for sample in row["samples"] if args.samples else ():  # type: ignore[attr-defined]
            print(f"  {row['format']}: {sample}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
