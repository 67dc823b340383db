"""OCIO speed: ACEScg to the sRGB display through the built-in ACES 1.3 CG config, on 3840x2160 RGBA float32.

`vfx_rs.ocio` (in place, tiled on both cores) against PyOpenColorIO's CPU processor
(OPTIMIZATION_LOSSLESS, one thread) for the views ``ACES 1.0 - SDR Video`` and
``Un-tone-mapped``, plus the time to build each processor on a fresh config (the
built-in styles' op lists are shared once built; a cold first build in a new process
took 7 ms here). Run: ``.venv/bin/python bench/ocio.py``. Goals (issue 5): apply faster
than OCIO, processor creation under 50 ms.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import vfx_rs.ocio as ocio

W, H = 3840, 2160
REPEATS = 3
CG_CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
VIEWS = ("ACES 1.0 - SDR Video", "Un-tone-mapped")


def best_ms(run: object, source: np.ndarray) -> float:
    """Best of `REPEATS` wall times (ms) of `run` on a fresh copy of `source` (the copy is not timed)."""
    times = []
    for _ in range(REPEATS):
        data = source.copy()
        start = time.perf_counter()
        run(data)  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1e3)
    return min(times)


def build_ms(view: str) -> float:
    """Best time (ms) to build a fresh config's display processor for `view`."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        ocio.builtin_aces_1_3().display_processor("ACEScg", "sRGB - Display", view)
        times.append((time.perf_counter() - start) * 1e3)
    return min(times)


def main() -> None:
    import PyOpenColorIO as OCIO

    rng = np.random.default_rng(0)
    source = np.concatenate(
        [np.exp(rng.uniform(-8.0, 4.0, (H, W, 3))), rng.uniform(0.0, 1.0, (H, W, 1))], axis=2
    ).astype(np.float32)
    ref = OCIO.Config.CreateFromBuiltinConfig(CG_CONFIG)
    print(f"{W}x{H} RGBA float32, ACEScg -> sRGB - Display")
    print(f"{'view':<24} {'vfx_rs ms':>10} {'OCIO ms':>9} {'ratio':>6} {'build ms':>9} {'OCIO build ms':>14}")
    for view in VIEWS:
        ours = ocio.builtin_aces_1_3().display_processor("ACEScg", "sRGB - Display", view)
        start = time.perf_counter()
        proc = ref.getProcessor("ACEScg", "sRGB - Display", view, OCIO.TRANSFORM_DIR_FORWARD)
        cpu = proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
        ocio_build = (time.perf_counter() - start) * 1e3
        mine = best_ms(ours.apply, source)
        theirs = best_ms(cpu.applyRGBA, source)
        print(
            f"{view:<24} {mine:>10.1f} {theirs:>9.1f} {mine / theirs:>6.2f} {build_ms(view):>9.1f} {ocio_build:>14.1f}"
        )


if __name__ == "__main__":
    main()
