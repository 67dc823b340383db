"""The read-ahead frame cache (no Qt): frames of a clip decoded on background threads within a RAM budget.

`FrameCache.fill` is told the frames in the order they will be needed (the
play order from the current frame); it keeps the longest prefix of that order
that fits the budget, drops every other frame, and starts loading the ones it
lacks on its worker threads (`WORKERS` at a time). Nothing blocks: `get`
returns a frame only once it is decoded. Each entry also holds the frame's
texture data (`prepare`, run on the worker too), so showing a cached frame costs
the UI thread only the upload.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from vfx_rs.image import Image, LayeredImage
from vfx_rs.view import ViewSettings
from vfxview.sequence import Clip

__all__ = [
    "DEFAULT_BUDGET_MB",
    "WORKERS",
    "CachedFrame",
    "FrameCache",
    "keep_texture",
    "prepared_texture",
    "texture_pixels",
]

DEFAULT_BUDGET_MB = 2048
"""RAM the cache may hold until the user sets another budget (MiB)."""

WORKERS = 2
"""Decoding threads (the decoders release the GIL; one per core here)."""


def texture_pixels(image: Image) -> np.ndarray:
    """What the viewport uploads for `image` (channel view other than A): `ViewSettings.input_pixels`' RGBA,
    as float16 when the file held half floats (exact: every value came from a half), else float32."""
    if image.format == "f16" and tuple(image.channel_names) == ("R", "G", "B", "A"):
        return image.pixels.astype(np.float16)  # already the RGBA the pipeline sees: one pass
    rgba = ViewSettings().input_pixels(image)
    return rgba.astype(np.float16) if image.format == "f16" else rgba


_PREPARED: deque[tuple[Image, np.ndarray]] = deque(maxlen=2)
_PREPARED_LOCK = threading.Lock()


def keep_texture(image: Image, data: np.ndarray) -> None:
    """Keep `data`, the `texture_pixels` of `image` made by a reader, for `prepared_texture` (the viewport takes it)."""
    with _PREPARED_LOCK:
        _PREPARED.append((image, data))


def prepared_texture(image: Image) -> np.ndarray | None:
    """The texture data `keep_texture` kept for this very image object (the last two kept), else None."""
    with _PREPARED_LOCK:
        return next((data for held, data in _PREPARED if held is image), None)


@dataclass(frozen=True)
class CachedFrame:
    """A decoded frame: the image, its layers (multi-layer EXR), texture data prepared for upload, and bytes held."""

    image: Image
    layered: LayeredImage | None
    upload: Any
    nbytes: int


class FrameCache:
    """Frames of `clip` read ahead on worker threads, at most `budget` bytes held.

    `prepare(image)` (optional, run on the worker) gives the data the viewport
    uploads. Failed loads are kept in `errors` (frame -> message) and not retried.
    """

    def __init__(self, clip: Clip, budget: int, prepare: Callable[[Image], Any] | None = None) -> None:
        self.clip = clip
        self.budget = int(budget)
        self.prepare = prepare
        self.errors: dict[int, str] = {}
        self.loaded = 0  # frames decoded since the cache was made
        self.busy_seconds = 0.0  # wall time with at least one load running
        self._frames: dict[int, CachedFrame] = {}
        self._pending: dict[int, Future[Any]] = {}
        self._order: list[int] = []  # the frames `fill` asked for, in the order they will be needed
        self._frame_bytes = 0  # bytes of the last decoded frame: the estimate for the next ones
        self._busy_since: float | None = None
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="vfxview-cache")
        self._closed = False

    # -- queries -----------------------------------------------------------------
    def get(self, frame: int) -> CachedFrame | None:
        """The decoded frame, or None if it is not (yet) cached."""
        with self._lock:
            return self._frames.get(frame)

    def cached(self) -> frozenset[int]:
        """The frame numbers held now."""
        with self._lock:
            return frozenset(self._frames)

    def nbytes(self) -> int:
        """Bytes held now."""
        with self._lock:
            return sum(e.nbytes for e in self._frames.values())

    def frames_per_second(self) -> float:
        """Frames decoded per second of loading (the read-ahead rate); 0 before the first."""
        with self._lock:
            busy = self.busy_seconds + (time.perf_counter() - self._busy_since if self._busy_since else 0.0)
            return self.loaded / busy if busy > 0 else 0.0

    def idle(self) -> bool:
        """True when no load is running."""
        with self._lock:
            return not self._pending

    # -- filling -------------------------------------------------------------------
    def put(self, frame: int, image: Image, layered: LayeredImage | None = None) -> CachedFrame:
        """Hold a frame decoded elsewhere (e.g. shown by a command before the cache reached it)."""
        entry = self._entry(image, layered)
        with self._lock:
            self._frames[frame] = entry
            self._frame_bytes = entry.nbytes
            self._plan()
        return entry

    def fill(self, order: Iterable[int]) -> None:
        """Keep the frames of `order` that fit the budget (in that order), drop the rest, load the missing ones."""
        with self._lock:
            self._order = list(order)
            self._plan()

    def _plan(self) -> None:
        """Trim the held frames to the budget's prefix of the order and start the loads it lacks (lock held)."""
        if self._closed:
            return
        wanted: list[int] = []
        total = 0
        for frame in self._order:
            if self.clip.is_missing(frame) or frame in self.errors:
                continue
            entry = self._frames.get(frame)
            size = entry.nbytes if entry is not None else self._frame_bytes
            if total + size > self.budget:
                break
            wanted.append(frame)
            total += size
        keep = set(wanted)
        for frame in [f for f in self._frames if f not in keep]:
            del self._frames[frame]
        for frame in wanted:
            if len(self._pending) >= WORKERS:
                break
            if frame not in self._frames and frame not in self._pending:
                if not self._pending:
                    self._busy_since = time.perf_counter()
                self._pending[frame] = self._pool.submit(self._load, frame)

    def set_budget(self, budget: int) -> None:
        """A new RAM budget in bytes (frames over it are dropped at the next `fill`)."""
        self.budget = int(budget)

    def close(self) -> None:
        """Stop loading (running loads finish on their own) and drop every frame."""
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            self._frames.clear()

    # -- workers ---------------------------------------------------------------------
    def _entry(self, image: Image, layered: LayeredImage | None) -> CachedFrame:
        upload = prepared_texture(image)
        if upload is None and self.prepare is not None:
            upload = self.prepare(image)
        nbytes = image.pixels.nbytes + (getattr(upload, "nbytes", 0) if upload is not None else 0)
        if layered is not None:
            nbytes += sum(layered[n].pixels.nbytes for n in layered.layer_names()[1:])
        return CachedFrame(image, layered, upload, nbytes)

    def _load(self, frame: int) -> None:
        try:
            image, layered = self.clip.load(frame)
            entry = self._entry(image, layered)
        except Exception as exc:  # kept per frame and shown by the timeline, never swallowed
            with self._lock:
                self.errors[frame] = str(exc)
                self._done(frame)
            return
        with self._lock:
            if not self._closed:
                self._frames[frame] = entry
                self._frame_bytes = entry.nbytes
                self.loaded += 1
            self._done(frame)

    def _done(self, frame: int) -> None:
        """Called with the lock held when a load ends."""
        self._pending.pop(frame, None)
        if not self._pending and self._busy_since is not None:
            self.busy_seconds += time.perf_counter() - self._busy_since
            self._busy_since = None
        self._plan()
