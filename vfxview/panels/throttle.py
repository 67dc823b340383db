"""`PlayingThrottle`: panels that describe the shown frame refresh at a low rate while a clip plays.

Info, probe, scopes and census recomputed on every played frame cost the UI
thread (and a worker core) more than the frame itself on a 2-core machine, and
nobody reads a readout that changes 24 times a second. Stopped, a refresh runs
at once (stepping names each frame's file); playing, it runs at most every
`PLAYING_INTERVAL_MS`, and once more when playback stops, so what stays on
screen always describes the frame shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from vfxview.state import ViewerState

__all__ = ["PLAYING_INTERVAL_MS", "PlayingThrottle"]

PLAYING_INTERVAL_MS = 490
"""While playing, a panel refreshes at most this often (about twice a second). Never close to a whole number of
frames at the usual rates (11.76 at 24 fps, 12.25 at 25, 14.7 at 30; at least 0.24 frame from whole for 23.976
to 60 fps): at 500 ms a 12-frame loop at 24 fps showed the same frame at every refresh, so Info stood still on
one frame's file while the clip played."""


class PlayingThrottle(QObject):
    """Calls `refresh()` for each `request`: at once when stopped, at most every `interval_ms` while playing."""

    def __init__(
        self, state: ViewerState, refresh: Callable[[], Any], interval_ms: int = PLAYING_INTERVAL_MS, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._refresh = refresh
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
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
            self._timer.start()

    def _due(self) -> None:
        if self._pending:
            self._run()
            if self.state.playing:
                self._timer.start()

    def _run(self) -> None:
        self._pending = False
        self._refresh()

    def _on_state(self, name: str, value: object) -> None:
        if name == "playing" and not value:
            self._timer.stop()
            if self._pending:  # playback stopped between two refreshes: describe the frame it stopped on
                self._run()
