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
