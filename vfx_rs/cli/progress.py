"""A text progress line for batch runs: frames done, rate, ETA.

On a terminal the line redraws in place; otherwise (logs, CI) a line is
printed at most once a second and at the end. The rate and ETA count from
the first finished frame: the time before it is start-up (worker processes,
imports, the first read), which would make an early ETA several times too
high if it were spread over the frames.
"""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]

_LOG_INTERVAL = 1.0
"""Seconds between progress lines when the stream is not a terminal."""


class Progress:
    """Counts finished frames out of `total` and reports to `stream`."""

    def __init__(self, total: int, stream: TextIO, quiet: bool = False) -> None:
        self.total, self.done, self.stream, self.quiet = total, 0, stream, quiet
        self.start = time.perf_counter()
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self._last = 0.0
        self._first: float | None = None
        self._logged = -1  # frames done when the last log line was written (not on a terminal)

    def elapsed(self) -> float:
        """Seconds since the start."""
        return time.perf_counter() - self.start

    def line(self) -> str:
        """``[ 12/24]  50%  3.1 frames/s  ETA 4s``."""
        steady = time.perf_counter() - self._first if self._first is not None else 0.0
        steady_rate = (self.done - 1) / steady if self.done > 1 and steady > 0 else 0.0
        elapsed = self.elapsed()
        rate = steady_rate or (self.done / elapsed if elapsed > 0 else 0.0)
        eta = (self.total - self.done) / steady_rate if steady_rate > 0 else float("nan")
        eta_text = f"{eta:.0f}s" if eta == eta else "?"
        pct = 100.0 * self.done / self.total if self.total else 100.0
        width = len(str(self.total))
        return f"[{self.done:>{width}}/{self.total}] {pct:3.0f}%  {rate:.2f} frames/s  ETA {eta_text}"

    def _emit(self, final: bool = False) -> None:
        if self.quiet:
            return
        now = time.perf_counter()
        if self.tty:
            self.stream.write("\r" + self.line() + ("\n" if final else ""))
        elif (final and self._logged != self.done) or now - self._last >= _LOG_INTERVAL:
            self.stream.write(self.line() + "\n")
            self._logged = self.done
        else:
            return
        self._last = now
        self.stream.flush()

    def advance(self) -> None:
        """One more frame finished."""
        self.done += 1
        if self._first is None:
            self._first = time.perf_counter()
        self._emit()

    def message(self, text: str) -> None:
        """Print `text` on its own line (keeping the progress line intact on a terminal)."""
        if self.tty and not self.quiet:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        """Print the final progress line."""
        if self.total:
            self._emit(final=True)
