"""Run a row-wise NumPy function over horizontal bands on every core.

NumPy's element-wise loops release the GIL, so bands of rows processed in
threads run in parallel. Bands are small enough to stay in cache between
the few operations an op chains on them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

__all__ = ["for_row_bands"]

_BAND_BYTES = 1 << 20
"""Bytes per band of one float32 image (about 1 MiB: a few arrays of it fit in L2 cache)."""

_MIN_PARALLEL_BYTES = 1 << 22
"""Images smaller than this (4 MiB) run in the calling thread: threads would cost more than they save."""

_POOL: ThreadPoolExecutor | None = None


def _forget_pool() -> None:
    """In a forked child the pool's threads are gone: start a new pool on first use."""
    global _POOL
    _POOL = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="vfx_rs.ops")
    return _POOL


def for_row_bands(height: int, row_bytes: int, work: Callable[[slice], None]) -> None:
    """Call ``work(slice(y0, y1))`` for bands of rows covering ``0..height``, in parallel when it pays."""
    if height * row_bytes < _MIN_PARALLEL_BYTES:
        work(slice(0, height))
        return
    rows = max(1, _BAND_BYTES // max(1, row_bytes))
    bands = [slice(y, min(y + rows, height)) for y in range(0, height, rows)]
    for future in [_pool().submit(work, band) for band in bands]:
        future.result()
