"""`PlayingThrottle`: panels that describe the shown frame refresh at a low rate while a clip plays.

Info, probe, scopes and census recomputed on every played frame cost the UI
thread (and a worker core) more than the frame itself on a 2-core machine, and
nobody reads a readout that changes 24 times a second. Stopped, a refresh runs
at once (stepping names each frame's file); playing, it runs about every
`PLAYING_INTERVAL_MS` (`waits`), and once more when playback stops, so what stays on
screen always describes the frame shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QTimer

from vfxview.state import ViewerState

__all__ = ["PLAYING_INTERVAL_MS", "PlayingThrottle", "waits"]

PLAYING_INTERVAL_MS = 500
"""While playing, a panel refreshes about this often (twice a second); see `waits`."""

_GOLDEN = (5**0.5 - 1) / 2


def waits(mean_ms: int = PLAYING_INTERVAL_MS) -> Iterator[int]:
    """The waits between refreshes while playing: `mean_ms` times 0.8 to 1.2 in golden-ratio steps (a
    low-discrepancy sequence). A fixed wait is a whole number of frames for some loop: at 500 ms a 12-frame
    loop at 24 fps showed the same frame at every refresh, and Info stood still on one file while it played."""
    for k in itertools.count():
        yield round(mean_ms * (0.8 + 0.4 * ((k * _GOLDEN) % 1.0)))


class PlayingThrottle(QObject):
    """Calls `refresh()` for each `request`: at once when stopped, about every `interval_ms` while playing."""

    def __init__(
        self, state: ViewerState, refresh: Callable[[], Any], interval_ms: int = PLAYING_INTERVAL_MS, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._refresh = refresh
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._waits = waits(interval_ms)
        self._timer.timeout.connect(self._due)
        state.changed.connect(self._on_state)

    def request(self) -> None:
        """Refresh now (stopped, or the interval has passed since the last one), else when it has."""
        if not self.state.playing:
            self._run()
        elif self._timer.isActive():
            self._pending = True
        else:
            self._run()
            self._timer.start(next(self._waits))

    def _due(self) -> None:
        if self._pending:
            self._run()
            if self.state.playing:
                self._timer.start(next(self._waits))

    def _run(self) -> None:
        self._pending = False
        self._refresh()

    def _on_state(self, name: str, value: object) -> None:
        if name == "playing" and not value:
            self._timer.stop()
            if self._pending:  # playback stopped between two refreshes: describe the frame it stopped on
                self._run()
