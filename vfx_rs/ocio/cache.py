"""vfx-rs-py's ``ProcessorCache`` and ``OptimizationLevel``.

`ProcessorCache` hands out one `Processor` per (config, source, destination,
looks), built on first request; it is safe to share between threads (a lock
guards the table). Each entry holds its config, so an entry's key never
refers to a config that has gone.
"""

from __future__ import annotations

import enum
import threading
from typing import Any

from vfx_rs.ocio.processor import Processor

__all__ = ["OptimizationLevel", "ProcessorCache"]


OptimizationLevel = enum.IntEnum(
    "OptimizationLevel", [("None", 0), ("Lossless", 1), ("Good", 2), ("Best", 3), ("Draft", 4)], module=__name__
)
OptimizationLevel.__doc__ = """The original's optimisation levels (``None`` is reached as ``OptimizationLevel["None"]``).

Processors here are always simplified losslessly (exact inverses cancel, matrices fuse, identities drop, as
OCIO's ``OPTIMIZATION_LOSSLESS``); no level approximates."""


class ProcessorCache:
    """``cache.get(config, "ACEScg", "sRGB")``: the same `Processor` object for the same request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[tuple[int, str, str, str], tuple[Any, Processor]] = {}

    def get(self, config: Any, src: str, dst: str) -> Processor:
        """The processor from `src` to `dst` of `config` (a `ColorConfig` or `Config`)."""
        return self.get_with_looks(config, src, dst, "")

    def get_with_looks(self, config: Any, src: str, dst: str, looks: str) -> Processor:
        """The processor from `src` to `dst` through the OCIO look string `looks`."""
        cfg = getattr(config, "config", config)
        key = (id(cfg), str(src), str(dst), str(looks))
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                entry = (cfg, cfg.processor(src, dst, looks or None))
                self._entries[key] = entry
            return entry[1]

    def clear(self) -> None:
        """Forget every cached processor."""
        with self._lock:
            self._entries.clear()

    def len(self) -> int:
        """Number of cached processors."""
        return len(self._entries)

    __len__ = len

    def is_empty(self) -> bool:
        """True if nothing is cached."""
        return not self._entries

    def __repr__(self) -> str:
        return f"ProcessorCache(len={len(self._entries)})"
