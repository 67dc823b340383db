"""A process forked after the thread pools started can still run pipelines and ops (issue 16: no hang)."""

from __future__ import annotations

import os
import sys

import numpy as np
import pytest

import vfx_rs
from vfx_rs import color


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="fork start method")
def test_forked_child_runs_pipelines_and_ops() -> None:
    pixels = np.random.default_rng(0).random((600, 600, 3)).astype(np.float32)
    expected = (color.srgb_eotf(pixels), vfx_rs.ops.blur(pixels, radius=2))  # starts both pools
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through its exit status
        import signal

        signal.alarm(20)  # a hang becomes SIGALRM
        same = np.array_equal(color.srgb_eotf(pixels), expected[0])
        same = same and np.array_equal(vfx_rs.ops.blur(pixels, radius=2), expected[1])
        os._exit(0 if same else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"child status {status}"


@pytest.mark.parametrize(("given", "expected"), [("1", 1), ("3", 3), ("0", None), ("many", None), ("", None)])
def test_vfx_rs_threads_sets_the_pool_size(monkeypatch, given, expected) -> None:
    """``VFX_RS_THREADS=N`` (a whole number >= 1) sizes the pool; anything else keeps one thread per core, at most 8."""
    import threading

    from vfx_rs import _parallel

    monkeypatch.setenv("VFX_RS_THREADS", given)
    assert _parallel.workers() == (expected or max(1, min(8, os.cpu_count() or 1)))
    if expected == 1:  # everything runs in the calling thread
        seen: set[str] = set()
        _parallel.for_row_bands(4096, 4096, lambda rows: seen.add(threading.current_thread().name))
        assert seen == {threading.current_thread().name}
