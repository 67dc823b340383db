"""Color speed: sRGB EOTF, an sRGB -> ACEScg matrix and the ACES 1.3 sRGB output transform on 3840x2160 RGB float32.

vfx_rs vs PyOpenColorIO's CPU processor (same transform, OPTIMIZATION_LOSSLESS) vs
colour-science. Run: ``.venv/bin/python bench/color.py``. Goals (issue 3): transfer
functions and the ACES output transform faster than OCIO, matrix within 1.3x of OCIO,
all faster than colour-science (which has no ACES 1.x output transform: "n/a"). Each transform is
timed in place and, where vfx_rs also returns a result array, as a new array and with ``out=`` a
reusable buffer (issue 3: "offer out= so callers avoid fresh allocations"). The ACES
input is scene-linear ACES2065-1, 0.18 * 2**u with u uniform in [-8, 6] per channel, and
OCIO runs the ``sRGB - Display`` / ``ACES 1.0 - SDR Video`` view of its built-in
``cg-config-v2.2.0_aces-v1.3_ocio-v2.4`` config.
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


def ocio_view_runner(display: str, view: str) -> Callable[[np.ndarray], object]:
    import PyOpenColorIO as OCIO

    config = OCIO.Config.CreateFromBuiltinConfig("cg-config-v2.2.0_aces-v1.3_ocio-v2.4")
    processor = config.getProcessor("ACES2065-1", display, view, OCIO.TRANSFORM_DIR_FORWARD)
    cpu = processor.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    return lambda data: cpu.applyRGB(data)


def main() -> None:
    import PyOpenColorIO as OCIO

    warnings.simplefilter("ignore")
    import colour

    rng = np.random.default_rng(0)
    source = rng.uniform(0.0, 1.0, (H, W, 3)).astype(np.float32)
    scene = (0.18 * 2.0 ** rng.uniform(-8.0, 6.0, (H, W, 3))).astype(np.float32)
    buffer = np.zeros_like(source)  # the caller's reusable output buffer, already paged in
    matrix = color.rgb_to_rgb_matrix("sRGB", "ACEScg")
    m44 = np.eye(4)
    m44[:3, :3] = matrix
    to_acescg = color.rgb_to_rgb_pipeline("sRGB", "ACEScg")
    ocio_eotf = ocio_runner(OCIO.ExponentWithLinearTransform(gamma=[2.4] * 3 + [1.0], offset=[0.055] * 3 + [0.0]))
    ocio_matrix = ocio_runner(OCIO.MatrixTransform(matrix=m44.ravel().tolist()))
    colour_eotf = colour.models.eotf_sRGB
    colour_matrix = lambda d: colour.RGB_to_RGB(d, "sRGB", "ACEScg", "Bradford")  # noqa: E731
    # (row, vfx_rs, OCIO, colour-science, input); OCIO and colour run in place / return a new array as they
    # always do, timed once per transform and shared by the rows of that transform.
    rows = [
        ("sRGB EOTF: apply_srgb_eotf (in place)", color.apply_srgb_eotf, ocio_eotf, colour_eotf, source),
        ("sRGB EOTF: srgb_eotf(x) (new array)", color.srgb_eotf, ocio_eotf, colour_eotf, source),
        ("sRGB EOTF: srgb_eotf(x, out=buf)", lambda d: color.srgb_eotf(d, out=buffer), ocio_eotf, colour_eotf, source),
        (
            "sRGB -> ACEScg matrix: convert (in place)",
            lambda d: color.convert(d, "sRGB", "ACEScg"),
            ocio_matrix,
            colour_matrix,
            source,
        ),
        (
            "sRGB -> ACEScg matrix: Pipeline.applied(x) (new array)",
            to_acescg.applied,
            ocio_matrix,
            colour_matrix,
            source,
        ),
        (
            "sRGB -> ACEScg matrix: Pipeline.applied(x, out=buf)",
            lambda d: to_acescg.applied(d, out=buffer),
            ocio_matrix,
            colour_matrix,
            source,
        ),
        (
            "ACES 1.3 sRGB output transform: apply_rrt_odt_srgb (in place)",
            color.apply_rrt_odt_srgb,
            ocio_view_runner("sRGB - Display", "ACES 1.0 - SDR Video"),
            None,
            scene,
        ),
    ]
    reference_ms: dict[int, float] = {}

    def reference(run: Callable[[np.ndarray], object], data: np.ndarray) -> float:
        if id(run) not in reference_ms:
            reference_ms[id(run)] = best_ms(run, data)
        return reference_ms[id(run)]

    mpix = W * H / 1e6
    print(f"{W}x{H} RGB float32, best of {REPEATS}")
    print("| transform | vfx_rs ms (Mpx/s) | OCIO ms (Mpx/s) | colour ms (Mpx/s) | vfx_rs / OCIO | colour / vfx_rs |")
    print("|---|---|---|---|---|---|")
    for name, ours, ocio, col, data in rows:
        t = [best_ms(ours, data), reference(ocio, data)]
        cells = [f"{ms:.0f} ({mpix / ms * 1e3:.0f})" for ms in t]
        if col is None:
            cells.append("n/a")
            versus = "n/a"
        else:
            t.append(reference(col, data))
            cells.append(f"{t[2]:.0f} ({mpix / t[2] * 1e3:.0f})")
            versus = f"{t[2] / t[0]:.1f}x"
        print(f"| {name} | {' | '.join(cells)} | {t[0] / t[1]:.2f}x | {versus} |")


if __name__ == "__main__":
    main()
