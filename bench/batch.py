"""Batch throughput of `vfx`: a half-float EXR sequence through the ACES 1.0 SDR sRGB view to 16-bit PNG.

``.venv/bin/python bench/batch.py [--frames 48] [--width 1920 --height 1080] [--jobs 1 2]`` times

- ``vfx ocio IN.####.exr OUT.####.png --from ACEScg --display "sRGB - Display" --view "ACES 1.0 - SDR Video"
  --bit-depth 16 -j N`` (the real executable, process start included), and
- the oiiotool-style job in OpenImageIO's Python API (read, ``ImageBufAlgo.ociodisplay`` with the same
  built-in config serialized by PyOpenColorIO, write uint16 PNG) in a process pool of N workers,

and prints a Markdown table of frames per second and seconds per frame, then the largest difference
between the two outputs in 16-bit codes. Goal (issue 8): near-linear scaling with cores and per-frame
time within 1.5x of OpenImageIO + OCIO.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import vfx_rs

CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
DISPLAY, VIEW = "sRGB - Display", "ACES 1.0 - SDR Video"
VFX = Path(sys.executable).parent / "vfx"


def make_sequence(folder: Path, frames: int, width: int, height: int) -> None:
    """Half EXR frames of smooth ACEScg content from 0 to ~4 (scene-linear highlights)."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    for i in range(frames):
        phase = i * 0.1
        rgb = np.stack(
            [4.0 * (x / width) ** 2, 0.5 + 0.5 * np.sin(y / 40 + phase), (x + y) / (width + height)], axis=-1
        ).astype(np.float32)
        vfx_rs.write(folder / f"in.{1001 + i}.exr", vfx_rs.Image(rgb), pixel_type="half", compression="zip")


def oiio_frame(job: tuple[str, str, str]) -> None:
    """One frame the oiiotool way: read, OCIO display transform, write 16-bit PNG."""
    import OpenImageIO as oiio

    src, dst, config = job
    out = oiio.ImageBufAlgo.ociodisplay(
        oiio.ImageBuf(src), DISPLAY, VIEW, fromspace="ACEScg", colorconfig=config, nthreads=1
    )
    if out.has_error or not out.write(dst, "uint16"):
        raise RuntimeError(out.geterror())


def time_vfx(folder: Path, out: Path, jobs: int) -> float:
    """Seconds for the whole `vfx` run."""
    out.mkdir()
    args = [str(VFX), "ocio", str(folder / "in.####.exr"), str(out / "out.####.png"), "--from", "ACEScg"]
    args += ["--config", f"ocio://{CONFIG}"]
    args += ["--display", DISPLAY, "--view", VIEW, "--bit-depth", "16", "-j", str(jobs)]
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - start


def time_oiio(folder: Path, out: Path, jobs: int, frames: int, config: str) -> float:
    """Seconds for the OpenImageIO pool, pool start included."""
    out.mkdir()
    tasks = [(str(folder / f"in.{1001 + i}.exr"), str(out / f"out.{1001 + i}.png"), config) for i in range(frames)]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(oiio_frame, tasks))
    return time.perf_counter() - start


def main() -> None:
    """Run and print the table."""
    import PyOpenColorIO as OCIO

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=48)
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = str(root / "aces.ocio")
        OCIO.Config.CreateFromBuiltinConfig(CONFIG).serialize(config)
        (root / "in").mkdir()
        make_sequence(root / "in", args.frames, args.width, args.height)
        print(
            f"{args.frames} frames {args.width}x{args.height} half EXR -> ACES 1.0 SDR sRGB -> 16-bit PNG, "
            f"{os.cpu_count()} CPUs\n"
        )
        print("| pipeline | jobs | total s | frames/s | s/frame (x jobs) |")
        print("|---|---|---|---|---|")
        for jobs in args.jobs:
            for name, run in (
                ("vfx ocio", lambda o, j=jobs: time_vfx(root / "in", o, j)),
                ("OpenImageIO+OCIO pool", lambda o, j=jobs: time_oiio(root / "in", o, j, args.frames, config)),
            ):
                out = root / f"{name.split()[0]}-{jobs}"
                seconds = run(out)
                print(
                    f"| {name} | {jobs} | {seconds:.2f} | {args.frames / seconds:.2f} | "
                    f"{seconds * jobs / args.frames:.3f} |"
                )
        cfg = OCIO.Config.CreateFromBuiltinConfig(CONFIG)
        proc = cfg.getProcessor(OCIO.DisplayViewTransform(src="ACEScg", display=DISPLAY, view=VIEW))
        cpu = proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
        exact = np.ascontiguousarray(vfx_rs.read(root / "in" / "in.1001.exr").numpy()[..., :3])
        cpu.applyRGB(exact)
        codes = np.round(np.clip(exact, 0.0, 1.0) * 65535.0)
        print("\nframe 1001 against PyOpenColorIO (F32, lossless) quantised to 16 bits, largest difference in codes:")
        for name in ("vfx", "OpenImageIO+OCIO"):
            out = vfx_rs.read(root / f"{name}-{args.jobs[0]}" / "out.1001.png").numpy()[..., :3]
            print(f"  {name}: {np.abs(np.round(out * 65535.0) - codes).max():.0f}")


if __name__ == "__main__":
    main()
