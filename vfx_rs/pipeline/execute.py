"""The NumPy executor: apply an op list in place, tile by tile, on both cores.

Pixels are processed in tiles of `TILE_PIXELS`: each tile's RGB is copied to
a planar ``(3, n)`` buffer that stays in cache while every op runs over it,
then written back (alpha untouched). NumPy releases the GIL inside its
kernels, so tiles run in parallel on a small thread pool.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from vfx_rs._validate import check_inplace_float32
from vfx_rs.pipeline.op import Op

__all__ = ["TILE_PIXELS", "apply_ops", "apply_ops_planar"]

TILE_PIXELS = 1 << 15
"""Pixels per tile: 32768 x 3 float32 = 384 KiB, so a tile and its temporaries fit in L2."""

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _get_pool() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=_workers(), thread_name_prefix="vfx_rs")
        return _pool


def apply_ops_planar(ops: Sequence[Op], planar: np.ndarray) -> None:
    """Run every op over one planar ``(3, n)`` buffer, in order."""
    for op in ops:
        op.apply_planar(planar)


def _run_tile(ops: Sequence[Op], flat: np.ndarray, start: int, stop: int) -> None:
    rgb = flat[start:stop, :3]
    planar = np.ascontiguousarray(rgb.T)
    apply_ops_planar(ops, planar)
    rgb[...] = planar.T


def apply_ops(ops: Sequence[Op], data: np.ndarray) -> np.ndarray:
    """Apply `ops` in place to float32 pixels of shape ``(..., 3)`` or ``(..., 4)``.

    The fourth channel (alpha) is left untouched. Returns `data`.
    """
    check_inplace_float32(data, "data", channels=(3, 4))
    if not ops or data.size == 0:
        return data
    channels = data.shape[-1]
    try:
        flat = data.reshape(-1, channels, copy=False)
    except (ValueError, TypeError):
        # Not viewable as rows (a strided slice): work on a copy, write it back.
        flat = np.ascontiguousarray(data).reshape(-1, channels)
        apply_ops(ops, flat)
        data[...] = flat.reshape(data.shape)
        return data
    n = flat.shape[0]
    starts = range(0, n, TILE_PIXELS)
    if n <= 2 * TILE_PIXELS or _workers() == 1:
        for s in starts:
            _run_tile(ops, flat, s, min(s + TILE_PIXELS, n))
    else:
        futures = [_get_pool().submit(_run_tile, ops, flat, s, min(s + TILE_PIXELS, n)) for s in starts]
        for f in futures:
            f.result()
    return data
