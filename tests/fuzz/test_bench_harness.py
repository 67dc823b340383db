"""`bench/fuzz.py`'s batch mode: a crash or hang inside a batch is pinned to its one case, and the peak RSS
of each case is its own (the kernel's high-water mark is reset between cases)."""

from __future__ import annotations

import os
import signal
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import pytest

from tests.fuzz.cases import Format

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="bench/fuzz.py needs /proc and fork")


def _fate(data: bytes) -> str:
    """What the toy reader does with an input, decided by its CRC: mostly valid, some crash, hang or escape."""
    return {0: "crash", 1: "hang", 2: "escaped"}.get(zlib.crc32(data) % 16, "valid")


def _toy_read(path: str) -> None:
    fate = _fate(Path(path).read_bytes())
    if fate == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    if fate == "hang":
        time.sleep(60)
    if fate == "escaped":
        raise RuntimeError("toy escape")


def _alloc_read(path: str) -> None:
    """Holds ``N`` MB while it runs, N being the file's text."""
    block = np.ones(int(Path(path).read_text()) * 1024**2 // 8)
    block.sum()


@pytest.mark.timeout(120)
def test_batches_pin_crashes_and_hangs_to_their_cases(monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import fuzz

    fmt = Format("toy", ".toy", lambda: [b"seed data 0123456789"], _toy_read)
    monkeypatch.setattr(fuzz, "FORMATS", {"toy": fmt})
    # Forked from pytest, every child starts with the whole test session's RSS (over 200 MB late in a full run):
    # this test is about attribution, the RSS goal's listing is not; test_peak_rss_... measures RSS per case.
    monkeypatch.setattr(fuzz, "RSS_GOAL_KB", 1 << 40)
    row = fuzz.fuzz_format(fmt, cases=40, seed=1, timeout=0.5, memory=2**30, batch=15)
    import random

    rng = random.Random("toy:1")
    fates = [_fate(fuzz.case_data(fmt, fmt.seeds(), rng.randrange(2**32))) for _ in range(40)]
    assert all(fates.count(f) for f in ("crash", "hang", "escaped")), "the toy seeds must exercise every failure"
    assert [row[f] for f in ("crash", "hang", "escaped", "valid")] == [
        fates.count(f) for f in ("crash", "hang", "escaped", "valid")
    ]
    assert row["reruns"] == len(fates) - fates.count("valid")
    listed = row["problems"]
    assert len(listed) == len(fates) - fates.count("valid"), listed  # each failure once, with its seed
    assert all(" in a batch" not in p for p in listed), listed


def test_peak_rss_is_measured_per_case_in_a_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import fuzz

    fmt = Format("alloc", ".txt", lambda: [b"0"], _alloc_read)
    sizes = [0, 150, 0, 60, 0]
    monkeypatch.setattr(fuzz, "case_data", lambda fmt, seeds, case_seed: str(sizes[case_seed]).encode())
    results = list(fuzz.run_children(fmt, [b"0"], list(range(len(sizes))), str(tmp_path), 30, 2**30))
    peaks = [peak / 1024 for _, _, peak in results]
    assert [verdict for verdict, _, _ in results] == ["valid"] * len(sizes)
    base = peaks[0]
    assert peaks[1] > base + 140 and peaks[3] > base + 50
    assert peaks[2] < base + 10 and peaks[4] < base + 10, f"the high-water mark was not reset: {peaks}"
    assert peaks[3] < base + 70
