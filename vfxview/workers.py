"""Off-UI-thread jobs: a function runs on Qt's thread pool, its result comes back on the UI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["Job", "run_job", "wait_all"]


class _Bridge(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(float)


class Job(QRunnable):
    """Runs `fn()`; emits ``bridge.done(result)`` or ``bridge.failed(exception)`` (queued to the UI thread).

    With ``reports=True`` it runs ``fn(report)``, where ``report(fraction)``
    emits ``bridge.progressed`` (also queued to the UI thread).
    """

    def __init__(self, fn: Callable[..., Any], reports: bool = False) -> None:
        super().__init__()
        self.fn = fn
        self.reports = reports
        self.bridge = _Bridge()

    def _report(self, fraction: float) -> None:
        with contextlib.suppress(RuntimeError):
            self.bridge.progressed.emit(float(fraction))

    def run(self) -> None:
        try:
            result = self.fn(self._report) if self.reports else self.fn()
        except Exception as exc:  # reported to the UI, never swallowed
            signal, value = self.bridge.failed, exc
        else:
            signal, value = self.bridge.done, result
        with contextlib.suppress(RuntimeError):  # the application shut down meanwhile: nobody is left to tell
            signal.emit(value)


_alive: set[Job] = set()


def run_job(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    on_progress: Callable[[float], None] | None = None,
) -> Job:
    """Start `fn` on the global thread pool; callbacks run on the UI thread.

    With `on_progress`, `fn` is called as ``fn(report)`` and each ``report(fraction)`` reaches `on_progress`.
    """
    job = Job(fn, reports=on_progress is not None)
    if on_progress is not None:
        job.bridge.progressed.connect(on_progress)
    job.setAutoDelete(False)
    _alive.add(job)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _alive.discard(job)
        callback(value)

    job.bridge.done.connect(lambda r: finish(on_done, r))
    job.bridge.failed.connect(lambda e: finish(on_error, e))
    QThreadPool.globalInstance().start(job)
    return job


def wait_all(timeout_ms: int = 5000) -> bool:
    """Wait for running jobs (at exit, so no worker outlives the application)."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))
