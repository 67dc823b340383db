"""Off-UI-thread jobs: a function runs on Qt's thread pool, its result comes back on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

__all__ = ["Job", "run_job"]


class _Bridge(QObject):
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Runs `fn()`; emits ``bridge.done(result)`` or ``bridge.failed(exception)`` (queued to the UI thread)."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.bridge = _Bridge()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the UI, never swallowed
            self.bridge.failed.emit(exc)
        else:
            self.bridge.done.emit(result)


_alive: set[Job] = set()


def run_job(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> Job:
    """Start `fn` on the global thread pool; callbacks run on the UI thread."""
    job = Job(fn)
    job.setAutoDelete(False)
    _alive.add(job)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _alive.discard(job)
        callback(value)

    job.bridge.done.connect(lambda r: finish(on_done, r))
    job.bridge.failed.connect(lambda e: finish(on_error, e))
    QThreadPool.globalInstance().start(job)
    return job
