"""Atomic writes leave nothing behind, even when the writer is killed (issue 16)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from vfx_rs.io import atomic

ROOT = Path(__file__).resolve().parents[3]

_WRITER = """
import sys, time
from vfx_rs.io import atomic
if sys.argv[2] == "named":
    atomic._unnamed_file = lambda folder: None
with atomic.atomic_output(sys.argv[1]) as tmp, open(tmp, "wb") as handle:
    handle.write(b"x" * 1_000_000)
    handle.flush()
    print("writing", flush=True)
    time.sleep(60)
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process ids")


def _killed_writer(target: Path, mode: str, sig: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(target), mode], stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stdout.readline() == b"writing\n"
    proc.send_signal(sig)
    proc.wait(timeout=30)


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="unnamed temporaries are Linux-only")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killed_write_leaves_nothing(tmp_path: Path, sig: int) -> None:
    target = tmp_path / "out.exr"
    target.write_bytes(b"old")
    _killed_writer(target, "unnamed", sig)
    assert [p.name for p in tmp_path.iterdir()] == ["out.exr"]
    assert target.read_bytes() == b"old"


def test_stale_named_temporary_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "out.exr"
    _killed_writer(target, "named", signal.SIGKILL)
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].startswith(".out.exr.") and left[0].endswith(".tmp.exr")
    vfx_rs.write(tmp_path / "other.exr", np.zeros((2, 2, 3), np.float32))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.exr"]


def test_temporary_of_a_running_process_is_kept(tmp_path: Path) -> None:
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as sleeper:
        try:
            busy = tmp_path / f".a.exr.{sleeper.pid}-0123abcd.tmp.exr"
            busy.write_bytes(b"in progress")
            assert atomic.remove_stale_temporaries(tmp_path) == []
            assert busy.exists()
        finally:
            sleeper.kill()


def test_result_gets_the_mode_open_would_give(tmp_path: Path) -> None:
    target = tmp_path / "a.cube"
    with atomic.atomic_output(target) as tmp, open(tmp, "w") as handle:
        handle.write("LUT_1D_SIZE 2\n0 0 0\n1 1 1\n")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    target.chmod(0o640)
    with atomic.atomic_output(target) as tmp, open(tmp, "w") as handle:
        handle.write("again")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "again"


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="unnamed temporaries are Linux-only")
def test_writer_that_resolves_the_path_is_caught(tmp_path: Path) -> None:
    """A library calling realpath on /proc/self/fd/N would write a stray file and leave the output empty."""
    target = tmp_path / "a.txt"
    with pytest.raises(vfx_rs.IoError, match="left the output empty"), atomic.atomic_output(target) as tmp:
        assert tmp.startswith("/proc/self/fd/")
    assert not target.exists()
