"""The first image of ``vfxview IMAGE``, read while Qt starts (no Qt here).

The OpenEXR binding holds the GIL while it decodes, so a reader thread would
take turns with the imports and window building of startup (both about twice
as long). Before Qt is loaded, `start` therefore forks a child that reads the
image on the other core. The child hands the result back through pickle
protocol 5 (PEP 574): the small pickle through a pipe, the arrays out of band
in one memfd that the parent maps without copying; the texture data is then
made here, by NumPy without the GIL, beside the UI thread. Once Qt is loaded
(tests, a file opened from the window), and for movies (an open decoder does
not cross a process), the read runs on a thread instead; either way the
caller gets a `Future` of what `vfxview.sequence.read_path` returns.

A child that dies (a decoder crash on a damaged file) becomes a `FormatError`
naming the file, so the application reports it and stays up.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import mmap
import os
import pickle
import signal
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from vfx_rs.errors import FormatError, VfxError
from vfx_rs.io.movie import MOVIE_EXTENSIONS
from vfxview.sequence import read_path

__all__ = ["start", "stop_children"]

_ALIGN = 64
"""Byte alignment of each array in the shared memory (a cache line: aligned SIMD loads in NumPy)."""


_READING: set[int] = set()
"""Children still reading (not yet reaped by their collector)."""


def _prepared(opened: Any) -> Any:
    """Make the texture data of the frame read and keep it for the viewport (`vfxview.cache.prepared_texture`)."""
    from vfxview.cache import keep_texture, texture_pixels

    loaded = opened[2]
    if loaded is not None:
        keep_texture(loaded[0], texture_pixels(loaded[0]))
    return opened


def start(path: str, fork: bool | None = None) -> Future[Any]:
    """Start reading `path` now; `fork` None forks where `_can_fork` says so, True forks anyway (tests)."""
    if fork if fork is not None else _can_fork(path):
        pid, memfd, read_end = _fork_reader(path)
        _READING.add(pid)
        importlib.import_module("vfxview.cache")  # here, by the caller: the thread below imports nothing

        future: Future[Any] = Future()
        collect = threading.Thread(
            target=_collect, args=(path, pid, memfd, read_end, future), name="vfxview-first", daemon=True
        )
        collect.start()
        return future
    importlib.import_module("vfxview.cache")
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vfxview-first")
    pending = pool.submit(lambda: _prepared(read_path(path)))
    pool.shutdown(wait=False)
    return pending


@atexit.register
def stop_children() -> None:
    """Kill the children still reading (the viewer closed before its first image arrived): a large file would
    keep a core and its shared memory busy after the window is gone."""
    for pid in list(_READING):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _can_fork(path: str) -> bool:
    """Fork only where it is cheap and safe: POSIX with memfd, no other Python thread, Qt not loaded, not a movie."""
    return (
        hasattr(os, "fork")
        and hasattr(os, "memfd_create")
        and threading.active_count() == 1
        and "PySide6" not in sys.modules
        and not path.lower().endswith(MOVIE_EXTENSIONS)
    )


def _fork_reader(path: str) -> tuple[int, int, int]:
    """Fork the child that reads `path`: its pid, the memfd it fills and the pipe end its pickle comes through."""
    memfd = os.memfd_create("vfxview-first", os.MFD_CLOEXEC)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: read, hand over, leave without running the parent's exit handlers
        code = 1
        try:
            os.environ["VFX_RS_THREADS"] = "1"  # one core for the child, the other for the UI thread
            os.close(read_end)
            _child(path, memfd, write_end)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return pid, memfd, read_end


def _child(path: str, memfd: int, out: int) -> None:
    """Read `path`; write the arrays into `memfd` and the pickle (or the error) to the pipe `out`."""
    buffers: list[pickle.PickleBuffer] = []
    try:
        payload = pickle.dumps(("ok", read_path(path)), protocol=5, buffer_callback=buffers.append)
    except Exception as exc:
        buffers = []
        payload = _error_payload(exc, path)
    spans, offset = [], 0
    raws = [b.raw() for b in buffers]
    for raw in raws:
        spans.append((offset, raw.nbytes))
        offset += -(-raw.nbytes // _ALIGN) * _ALIGN
    os.ftruncate(memfd, offset)
    for (start_at, _), raw in zip(spans, raws, strict=True):
        done = 0
        while done < raw.nbytes:  # pwrite: no page faults of a mapping in this process
            done += os.pwrite(memfd, raw[done:], start_at + done)
    with os.fdopen(out, "wb") as pipe:
        pipe.write(pickle.dumps((payload, spans, offset), protocol=5))


def _error_payload(exc: Exception, path: str) -> bytes:
    """``("error", exc)`` pickled without its traceback and chained exceptions (the parent needs the class and
    the message; a deep traceback overflowed the recursion limit where tblib's exception pickling is installed,
    as Dask's distributed does). An exception that does not pickle travels as a `FormatError` of its text."""
    exc.__traceback__, exc.__cause__, exc.__context__ = None, None, None
    try:
        return pickle.dumps(("error", exc), protocol=5)
    except Exception:
        text = exc.message if isinstance(exc, VfxError) else f"{type(exc).__name__}: {exc}"
        return pickle.dumps(("error", FormatError(text, path=path)), protocol=5)


def _collect(path: str, pid: int, memfd: int, read_end: int, future: Future[Any]) -> None:
    """Wait for the child's pickle, map its arrays, and settle `future` (a thread of the parent)."""
    try:
        with os.fdopen(read_end, "rb") as pipe:
            message = pipe.read()
        _, status = os.waitpid(pid, 0)
        _READING.discard(pid)
        if not message:
            raise FormatError(f"the reader process ended before returning the image ({_ending(status)})", path=path)
        payload, spans, size = pickle.loads(message)
        buffers = []
        if size:
            shared = mmap.mmap(memfd, size, flags=mmap.MAP_SHARED | getattr(mmap, "MAP_POPULATE", 0))
            view = memoryview(shared)  # the arrays keep the mapping alive; it goes with the last of them
            buffers = [view[start_at : start_at + n] for start_at, n in spans]
        kind, value = pickle.loads(payload, buffers=buffers)
        if kind == "error":
            future.set_exception(value)
        else:
            future.set_result(_prepared(value))  # the texture here: NumPy's cast runs beside the UI thread
    except BaseException as exc:  # whatever went wrong reaches the window as the error of this read
        future.set_exception(exc)
    finally:
        os.close(memfd)


def _ending(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            return f"killed by {signal.Signals(number).name}"
        except ValueError:
            return f"killed by signal {number}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"
