"""The probe's deep samples (no Qt): every sample of a deep OpenEXR file at the probed pixel.

The viewer shows a deep file flattened (`vfx_rs.read`); the probe adds the
samples behind the flat value, read once per file by `vfx_rs.read_deep` and
listed by `vfx_rs.deep.DeepImage.pixel` in the file's order.
"""

from __future__ import annotations

import functools
import os

import numpy as np

from vfx_rs.deep import DeepImage
from vfx_rs.errors import VfxError

__all__ = ["MAX_LISTED", "deep_image", "deep_samples", "samples_text"]

MAX_LISTED = 16
"""Samples listed per pixel (the count is always given)."""


@functools.lru_cache(maxsize=2)
def _read(path: str, mtime: float) -> DeepImage | None:
    from vfx_rs.io.exr_deep import read_deep

    try:
        return read_deep(path)
    except VfxError:  # a flat file (or an unreadable part): no samples to list
        return None


def deep_image(path: str) -> DeepImage | None:
    """The samples of `path` if it is a deep OpenEXR file, else None (cached per file and modification time)."""
    if not path.lower().endswith(".exr") or not os.path.isfile(path):
        return None
    return _read(path, os.path.getmtime(path))


def deep_samples(path: str, x: int, y: int) -> dict[str, np.ndarray] | None:
    """Channel -> the samples of image pixel (x, y) of a deep file (None: not deep, or outside its data window)."""
    deep = deep_image(path)
    if deep is None:
        return None
    x0, y0, x1, y1 = deep.data_window
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return None
    return deep.pixel(x - x0, y - y0)


def samples_text(path: str, x: int, y: int) -> str:
    """Lines for the probe: ``deep: N samples`` and one line per sample (``""`` for a flat file)."""
    samples = deep_samples(path, x, y)
    if samples is None:
        return ""
    first = [n for n in ("R", "G", "B", "A") if n in samples]
    samples = {n: samples[n] for n in [*first, *(n for n in samples if n not in first)]}  # R, G, B, A, then the rest
    count = len(next(iter(samples.values()))) if samples else 0
    lines = [f"deep: {count} sample{'s' if count != 1 else ''}"]
    for i in range(min(count, MAX_LISTED)):
        lines.append(f"  {i}: " + "  ".join(f"{name} {float(v[i]):.5g}" for name, v in samples.items()))
    if count > MAX_LISTED:
        lines.append(f"  ... {count - MAX_LISTED} more")
    return "\n".join(lines)
