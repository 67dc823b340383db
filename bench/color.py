"""Color speed: sRGB EOTF and an sRGB -> ACEScg matrix on a 3840x2160 RGB float32 image.

vfx_rs vs PyOpenColorIO's CPU processor (same transform, OPTIMIZATION_LOSSLESS) vs
colour-science. Run: ``.venv/bin/python bench/color.py``. Goals (issue 3): transfer
functions faster than OCIO, matrix within 1.3x of OCIO, both faster than colour-science.
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import vfx_rs.color as color

W, H = 3840, 2160
REPEATS = 3


def best_ms(run: Callable[[np.ndarray], object], source: np.ndarray) -> float:
    """Best of `REPEATS` wall times (ms) of `run` on a fresh copy of `source` (copy not timed)."""
    times = []
    for _ in range(REPEATS):
        data = source.copy()
        start = time.perf_counter()
        run(data)
        times.append((time.perf_counter() - start) * 1e3)
    return min(times)


def ocio_runner(transform: object) -> Callable[[np.ndarray], object]:
    import PyOpenColorIO as OCIO

    cpu = (
        OCIO.Config.CreateRaw()
        .getProcessor(transform)
        .getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    )
    return lambda data: cpu.applyRGB(data)


def main() -> None:
    import PyOpenColorIO as OCIO

    warnings.simplefilter("ignore")
    import colour

    source = np.random.default_rng(0).uniform(0.0, 1.0, (H, W, 3)).astype(np.float32)
    matrix = color.rgb_to_rgb_matrix("sRGB", "ACEScg")
    m44 = np.eye(4)
    m44[:3, :3] = matrix
    cases = {
        "sRGB EOTF": (
            color.apply_srgb_eotf,
            ocio_runner(OCIO.ExponentWithLinearTransform(gamma=[2.4] * 3 + [1.0], offset=[0.055] * 3 + [0.0])),
            lambda d: colour.models.eotf_sRGB(d),
        ),
        "sRGB -> ACEScg matrix": (
            lambda d: color.convert(d, "sRGB", "ACEScg"),
            ocio_runner(OCIO.MatrixTransform(matrix=m44.ravel().tolist())),
            lambda d: colour.RGB_to_RGB(d, "sRGB", "ACEScg", "Bradford"),
        ),
    }
    mpix = W * H / 1e6
    print(f"{W}x{H} RGB float32, best of {REPEATS}")
    print("| transform | vfx_rs ms (Mpx/s) | OCIO ms (Mpx/s) | colour ms (Mpx/s) | vfx_rs / OCIO | colour / vfx_rs |")
    print("|---|---|---|---|---|---|")
    for name, (ours, ocio, col) in cases.items():
        t = [best_ms(f, source) for f in (ours, ocio, col)]
        cells = " | ".join(f"{ms:.0f} ({mpix / ms * 1e3:.0f})" for ms in t)
        print(f"| {name} | {cells} | {t[0] / t[1]:.2f}x | {t[2] / t[0]:.1f}x |")


if __name__ == "__main__":
    main()
