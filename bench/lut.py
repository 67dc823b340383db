"""3D LUT speed: 33^3 and 65^3 LUTs on a 3840x2160 RGB float32 image, trilinear and tetrahedral.

`vfx_rs.lut.apply_3d` (in place, tiled on both cores) against PyOpenColorIO's CPU
processor for a Lut3DTransform holding the same table (OPTIMIZATION_LOSSLESS, F32 in and
out, its default threading) and colour-science's ``LUT3D.apply`` (trilinear, and
tetrahedral through ``table_interpolation_tetrahedral``). colour-science is timed on a
quarter of the image and scaled by 4, since it runs minutes otherwise.
Run: ``.venv/bin/python bench/lut.py``. Goals (issue 4): tetrahedral within 2.5x of
OCIO, trilinear within 2x, far faster than colour-science.

``.venv/bin/python bench/lut.py inverse``: the exact inverse of the 33^3 table (`Lut3DInverseOp`, tiled on
both cores) against OCIO's CPU processor for the inverse Lut3DTransform (InvLut3DRenderer, lossless), on
512x512 values uniform in [0, 1] (some outside the table's gamut), best of 3, plus the first call of each
(our search structure, OCIO's range tree). Goal (issues 18, 20): at least 10x faster than the kernel before
(about 7x slower than OCIO then).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import vfx_rs.lut as lut

W, H = 3840, 2160
REPEATS = 3


def best_ms(run: object, source: np.ndarray, repeats: int = REPEATS) -> float:
    """Best of `repeats` wall times (ms) of `run` on a fresh copy of `source` (the copy is not timed)."""
    times = []
    for _ in range(repeats):
        data = source.copy()
        start = time.perf_counter()
        run(data)  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1e3)
    return min(times)


def graded_table(size: int) -> np.ndarray:
    """A smooth, channel-mixing grade sampled on a ``size^3`` lattice, indexed ``[b, g, r]`` (red fastest)."""
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, size)] * 3, indexing="ij")
    return np.stack(
        [0.9 * r**1.2 + 0.1 * g, 0.15 * r + 0.8 * g**0.9 + 0.05 * b, 0.1 * g + 0.85 * b**1.1 + 0.05 * r * b], axis=-1
    ).astype(np.float32)


def ocio_processor(table: np.ndarray, interpolation: str) -> object:
    """PyOpenColorIO's optimized F32 CPU processor for the same table."""
    import PyOpenColorIO as OCIO

    size = table.shape[0]
    transform = OCIO.Lut3DTransform(gridSize=size)
    for bi in range(size):
        for gi in range(size):
            for ri in range(size):
                transform.setValue(ri, gi, bi, *(float(v) for v in table[bi, gi, ri]))
    transform.setInterpolation(OCIO.INTERP_TETRAHEDRAL if interpolation == "tetrahedral" else OCIO.INTERP_LINEAR)
    config = OCIO.Config.CreateRaw()
    return config.getProcessor(transform).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )


def colour_ms(table: np.ndarray, interpolation: str, source: np.ndarray) -> float:
    """colour-science on a quarter of the image, scaled to the whole."""
    import colour

    # colour's LUT3D table is indexed [r, g, b].
    lut3d = colour.LUT3D(table=np.ascontiguousarray(table.transpose(2, 1, 0, 3)).astype(np.float64))
    method = colour.algebra.table_interpolation_tetrahedral if interpolation == "tetrahedral" else None
    quarter = source[: H // 2, : W // 2]
    kwargs = {"interpolator": method} if method else {}
    return 4.0 * best_ms(lambda d: lut3d.apply(d, **kwargs), quarter, repeats=1)


def main() -> None:
    rng = np.random.default_rng(7)
    source = np.ascontiguousarray(rng.random((H, W, 3), dtype=np.float32))
    print(f"3840x2160 RGB float32 uniform in [0, 1], best of {REPEATS} (colour-science: 1 run on a quarter, x4)\n")
    print(
        "| LUT | interpolation | vfx_rs ms | OCIO ms | colour ms | vfx_rs / OCIO | colour / vfx_rs | max abs diff vs OCIO |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for size in (33, 65):
        table = graded_table(size)
        lut3d = lut.Lut3D(table)
        for interpolation in ("tetrahedral", "trilinear"):
            ours = best_ms(lambda d, i=interpolation, t=lut3d: lut.apply_3d(d, t, interpolation=i), source)
            cpu = ocio_processor(table, interpolation)
            theirs = best_ms(lambda d, p=cpu: p.applyRGB(d), source)
            a, b = source.copy(), source.copy()
            lut.apply_3d(a, lut3d, interpolation=interpolation)
            cpu.applyRGB(b)
            diff = float(np.max(np.abs(a - b)))
            col = colour_ms(table, interpolation, source)
            print(
                f"| {size}^3 | {interpolation} | {ours:.0f} | {theirs:.0f} | {col:.0f} | "
                f"{ours / theirs:.2f}x | {col / ours:.0f}x | {diff:.1e} |"
            )


def inverse_main() -> None:
    """The inverse 3D LUT row of bench/RESULTS.md."""
    import PyOpenColorIO as OCIO

    from vfx_rs.pipeline import Pipeline
    from vfx_rs.pipeline.ops import Lut3DOp, lut3d_inverse

    size, side = 33, 512
    table = graded_table(size)
    source = np.ascontiguousarray(np.random.default_rng(7).random((side, side, 3), dtype=np.float32))
    transform = OCIO.Lut3DTransform(gridSize=size)
    for bi in range(size):
        for gi in range(size):
            for ri in range(size):
                transform.setValue(ri, gi, bi, *(float(v) for v in table[bi, gi, ri]))
    transform.setDirection(OCIO.TRANSFORM_DIR_INVERSE)
    lut3d_inverse._SEARCHES.clear()
    start = time.perf_counter()
    cpu = (
        OCIO.Config.CreateRaw()
        .getProcessor(transform)
        .getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    )
    cpu.applyRGB(source[:1].copy())
    their_first = (time.perf_counter() - start) * 1e3
    start = time.perf_counter()
    pipeline = Pipeline([Lut3DOp(table=table).inverse()])
    pipeline.applied(source[:1])
    our_first = (time.perf_counter() - start) * 1e3
    ours = best_ms(lambda d: pipeline.apply(d), source)
    theirs = best_ms(lambda d: cpu.applyRGB(d), source)
    a, b = pipeline.applied(source), source.copy()
    cpu.applyRGB(b)
    print(f"{side}x{side} RGB float32 uniform in [0, 1], inverse of a {size}^3 table, best of {REPEATS}\n")
    print("| LUT | vfx_rs ms | OCIO ms | vfx_rs / OCIO | first call vfx_rs / OCIO ms | max abs diff vs OCIO |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {size}^3 inverse | {ours:.0f} | {theirs:.0f} | {ours / theirs:.2f}x | {our_first:.0f} / {their_first:.0f} | "
        f"{float(np.max(np.abs(a - b))):.1e} |"
    )


if __name__ == "__main__":
    inverse_main() if sys.argv[1:] == ["inverse"] else main()
