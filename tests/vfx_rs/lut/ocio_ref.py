"""OpenColorIO as the oracle for LUT files: its Baker writes them, its FileTransform applies them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

OCIO = pytest.importorskip("PyOpenColorIO")

INTERPOLATIONS = {"linear": OCIO.INTERP_LINEAR, "tetrahedral": OCIO.INTERP_TETRAHEDRAL}
"""Our 3D interpolation names and OCIO's."""


def grid(low: float = -0.3, high: float = 1.4) -> np.ndarray:
    """A 21^3 RGB grid from `low` to `high`, a fine grey ramp beyond it, and extremes; float32 (n, 3)."""
    axis = np.linspace(low, high, 21)
    cube = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3)
    ramp = np.repeat(np.linspace(low - 0.2, high + 1.1, 2001)[:, None], 3, axis=1)
    extremes = np.array([[-1e6, 0.5, 1e6], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]])
    return np.concatenate([cube, ramp, extremes]).astype(np.float32)


def ocio_file_cpu(path: Path, interpolation: str = "linear", inverse: bool = False) -> object:
    """OCIO's CPU processor (F32, lossless) of the FileTransform of `path`, inverted if asked.

    The config's search path is the file's folder, where CTF ``Reference`` paths are looked up."""
    cfg = OCIO.Config.CreateRaw()
    cfg.setSearchPath(str(path.parent))
    direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
    transform = OCIO.FileTransform(src=str(path), interpolation=INTERPOLATIONS[interpolation], direction=direction)
    proc = cfg.getProcessor(transform)
    return proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)


def ocio_apply(path: Path, rgb: np.ndarray, interpolation: str = "linear", inverse: bool = False) -> np.ndarray:
    """`rgb` through OCIO's FileTransform of `path` (`ocio_file_cpu`)."""
    out = np.ascontiguousarray(rgb.copy())
    ocio_file_cpu(path, interpolation, inverse).applyRGB(out)  # type: ignore[attr-defined]
    return out


def _space(name: str, transform: object | None = None) -> object:
    cs = OCIO.ColorSpace(name=name)
    if transform is not None:
        cs.setTransform(transform, OCIO.COLORSPACE_DIR_FROM_REFERENCE)
    return cs


def baker_config(lg2_input: bool = False) -> object:
    """A raw config with: ``lin`` (the reference), ``graded`` (a log curve then a channel-mixing
    matrix), ``curve`` (per-channel log curves and gains, no mixing) and ``shaper`` (a log shaper).
    With `lg2_input`, ``lin`` has an lg2 allocation (what Cinespace bakes its pre-LUT from)."""
    cfg = OCIO.Config.CreateRaw()
    lin = _space("lin")
    if lg2_input:
        lin.setAllocation(OCIO.ALLOCATION_LG2)
        lin.setAllocationVars([-8.0, 5.0])
    graded = OCIO.GroupTransform(
        [
            OCIO.LogAffineTransform(logSideSlope=[0.08] * 3, logSideOffset=[0.55] * 3, linSideOffset=[0.01] * 3),
            OCIO.MatrixTransform(matrix=[0.9, 0.05, 0.05, 0, 0.1, 0.8, 0.1, 0, 0.0, 0.1, 0.9, 0, 0, 0, 0, 1]),
        ]
    )
    curve = OCIO.GroupTransform(
        [
            OCIO.ExponentTransform(value=[1.8, 2.2, 2.6, 1.0], negativeStyle=OCIO.NEGATIVE_CLAMP),
            OCIO.MatrixTransform(
                matrix=[0.8, 0, 0, 0, 0, 1.1, 0, 0, 0, 0, 0.95, 0, 0, 0, 0, 1], offset=[0.02, 0, -0.01, 0]
            ),
        ]
    )
    shaper = OCIO.LogAffineTransform(logSideSlope=[0.1] * 3, logSideOffset=[0.6] * 3, linSideOffset=[0.02] * 3)
    for cs in (lin, _space("graded", graded), _space("curve", curve), _space("shaper", shaper)):
        cfg.addColorSpace(cs)
    return cfg


def bake(
    path: Path,
    fmt: str,
    target: str = "graded",
    cube_size: int = -1,
    shaper_size: int = -1,
    shaper: bool = False,
    lg2_input: bool = False,
) -> Path:
    """Write `path` with OCIO's Baker in format `fmt`, from ``lin`` to `target`."""
    baker = OCIO.Baker()
    baker.setConfig(baker_config(lg2_input))
    baker.setFormat(fmt)
    baker.setInputSpace("lin")
    baker.setTargetSpace(target)
    baker.setCubeSize(cube_size)
    baker.setShaperSize(shaper_size)
    if shaper:
        baker.setShaperSpace("shaper")
    path.write_text(baker.bake())
    return path
