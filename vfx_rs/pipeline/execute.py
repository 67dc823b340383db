"""The NumPy executor: apply an op list in place, tile by tile, on both cores.

Pixels are processed in tiles of `TILE_PIXELS`: each tile's RGB is copied to
a planar ``(3, n)`` buffer that stays in cache while every op runs over it,
then written back (alpha untouched). NumPy releases the GIL inside its
kernels, so tiles run in parallel on a small thread pool.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from vfx_rs._validate import check_inplace_float32
from vfx_rs.pipeline.op import Op

__all__ = ["TILE_PIXELS", "apply_ops", "apply_ops_grey", "apply_ops_planar"]

TILE_PIXELS = 1 << 15
"""Pixels per tile: 32768 x 3 float32 = 384 KiB, so a tile and its temporaries fit in L2."""

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _forget_pool() -> None:
    """In a forked child the pool's threads are gone: start a new pool (and lock) on first use."""
    global _pool, _pool_lock
    _pool, _pool_lock = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def _workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _keep_freed_memory() -> None:
    """Have glibc keep freed tile temporaries for reuse instead of returning them to the OS.

    By default glibc unmaps or trims the few hundred KiB of temporaries an op frees per tile, and
    the next op page-faults them back in; the faults also serialise the worker threads. Raising
    M_MMAP_THRESHOLD (-3) to 4 MiB and M_TRIM_THRESHOLD (-1) to 256 MiB (mallopt(3)) made the
    ACES 1.3 sRGB output transform on 4K twice as fast. Does nothing where there is no mallopt, or when
    the environment sets ``VFX_RS_KEEP_FREED_MEMORY=0`` (a host application that tunes its own allocator).
    """
    if not sys.platform.startswith("linux") or os.environ.get("VFX_RS_KEEP_FREED_MEMORY") == "0":
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(-3, 4 << 20)
    mallopt(-1, 256 << 20)


def _get_pool() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _keep_freed_memory()
            _pool = ThreadPoolExecutor(max_workers=_workers(), thread_name_prefix="vfx_rs")
        return _pool


def apply_ops_planar(ops: Sequence[Op], planar: np.ndarray) -> None:
    """Run every op over one planar ``(3, n)`` buffer, in order."""
    for op in ops:
        op.apply_planar(planar)


def _run_tiles(run: Callable[..., None], n: int, *args: object) -> None:
    """Call ``run(*args, start, stop)`` over ``[0, n)`` in tiles, on the pool when there are enough."""
    starts = range(0, n, TILE_PIXELS)
    if n <= 2 * TILE_PIXELS or _workers() == 1:
        for s in starts:
            run(*args, s, min(s + TILE_PIXELS, n))
    else:
        futures = [_get_pool().submit(run, *args, s, min(s + TILE_PIXELS, n)) for s in starts]
        for f in futures:
            f.result()


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
    _run_tiles(_run_tile, flat.shape[0], ops, flat)
    return data


def _run_grey_tile(ops: Sequence[Op], values: np.ndarray, out: np.ndarray, start: int, stop: int) -> None:
    planar = np.empty((3, stop - start), dtype=out.dtype)
    planar[:] = values[start:stop]
    apply_ops_planar(ops, planar)
    out[start:stop] = planar[0]


def apply_ops_grey(ops: Sequence[Op], values: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Apply `ops` to every element of 1-D `values` as a grey pixel (R = G = B), the red channel into `out`.

    `out` is a 1-D float32 or float64 array of the same length, computed in its
    dtype; it may be `values` itself (each tile is read before it is written).
    Only tile-sized temporaries are allocated. Returns `out`.
    """
    _run_tiles(_run_grey_tile, out.shape[0], ops, values, out)
    return out
