"""The core's one thread pool, and the two ways it splits work: pixel tiles and row bands.

NumPy releases the GIL inside its kernels, so chunks processed in threads
run in parallel. The pipeline executor (`vfx_rs.pipeline.execute`) runs
tiles of pixels, the pixel ops (`vfx_rs.ops`) bands of rows; both share the
pool below, so nested or concurrent calls never start more threads than cores.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

__all__ = ["for_chunks", "for_row_bands", "map_all", "pool", "workers"]

_BAND_BYTES = 1 << 20
"""Bytes per band of one float32 image (about 1 MiB: a few arrays of it fit in L2 cache)."""

_MIN_PARALLEL_BYTES = 1 << 22
"""Images smaller than this (4 MiB) run in the calling thread: threads would cost more than they save."""

T = TypeVar("T")
R = TypeVar("R")

_PREFIX = "vfx_rs-pool"
"""Name prefix of the pool's threads."""

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _forget_pool() -> None:
    """In a forked child the pool's threads are gone (waiting on them hangs): start a new pool on first use."""
    global _pool, _pool_lock
    _pool, _pool_lock = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def workers() -> int:
    """Threads of the pool: ``VFX_RS_THREADS`` where set to a whole number of at least 1, else the cores, at most 8."""
    given = os.environ.get("VFX_RS_THREADS", "")
    if given.isdigit() and int(given) >= 1:
        return int(given)
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


def pool() -> ThreadPoolExecutor:
    """The shared pool, started on first use."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _keep_freed_memory()
            _pool = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix=_PREFIX)
        return _pool


def _serial() -> bool:
    """True when the work must run in the calling thread: one core, or already on a pool thread (no nested waits)."""
    return workers() == 1 or threading.current_thread().name.startswith(_PREFIX)


def for_chunks(run: Callable[..., None], n: int, chunk: int, *args: object) -> None:
    """Call ``run(*args, start, stop)`` over ``[0, n)`` in chunks of `chunk`, on the pool when there are several."""
    starts = range(0, n, chunk)
    if n <= 2 * chunk or _serial():
        for s in starts:
            run(*args, s, min(s + chunk, n))
        return
    for future in [pool().submit(run, *args, s, min(s + chunk, n)) for s in starts]:
        future.result()


def for_row_bands(height: int, row_bytes: int, work: Callable[[slice], None]) -> None:
    """Call ``work(slice(y0, y1))`` for bands of rows covering ``0..height``, in parallel when it pays."""
    if height * row_bytes < _MIN_PARALLEL_BYTES or _serial():
        work(slice(0, height))
        return
    rows = max(1, _BAND_BYTES // max(1, row_bytes))
    for future in [pool().submit(work, slice(y, min(y + rows, height))) for y in range(0, height, rows)]:
        future.result()


def map_all(fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
    """``[fn(item) for item in items]``, on the pool (inline on one core or from a pool thread)."""
    if _serial():
        return [fn(item) for item in items]
    return list(pool().map(fn, items))
