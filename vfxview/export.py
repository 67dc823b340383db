"""Export and bake without Qt or state: safe to run on a worker thread (errors are raised, not reported).

`export_image` writes an image as displayed (or graded only, scene-linear)
through the exact NumPy core; `bake_view` bakes grade + color transform +
gamma to a LUT file with `vfx_rs.lut.bake` (a log2 shaper plus a 3D LUT,
the shape that suits scene-linear input).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import vfx_rs
from vfx_rs.image import Image
from vfxview.display import apply_display, display_pipeline
from vfxview.state import DisplaySettings

__all__ = ["BAKE_SIZE", "WRITE_SHARE", "bake_view", "export_image"]

BAKE_SIZE = 65
"""Lattice points per axis of a baked view (65^3 with the 65536-entry log2 shaper: see tests/tolerances.py)."""

WRITE_SHARE = 0.2
"""Share of the export progress bar given to writing the file (the rest follows the pipeline's row bands)."""


def export_image(
    image: Image,
    settings: DisplaySettings,
    path: str | Path,
    *,
    grade_only: bool = False,
    progress: Callable[[float], None] | None = None,
    **options: Any,
) -> None:
    """Write `image` as displayed with `settings` (or graded only) to `path`; `options` go to `vfx_rs.write`."""

    def band(fraction: float) -> None:
        if progress is not None:
            progress(fraction * (1.0 - WRITE_SHARE))

    out = apply_display(image, settings, grade_only=grade_only, progress=band)
    vfx_rs.write(path, out, **options)
    if progress is not None:
        progress(1.0)


def bake_view(settings: DisplaySettings, path: str | Path, size: int = BAKE_SIZE) -> None:
    """Bake the grade and the color transform with its gamma (RGB channel view) to a LUT file (``.cube``...)."""
    import vfx_rs.lut

    colour = dataclasses.replace(settings, channel="RGB", normalize=None)
    vfx_rs.lut.bake(display_pipeline(colour), path, kind="shaper3d", size=size)
