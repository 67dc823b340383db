"""vfx_rs.viewer.view (issue 21): launches the vfxview app on an image, in its own process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from vfx_rs import viewer


def test_view_runs_vfxview_on_the_image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.exr"
    vfx_rs.write(path, vfx_rs.Image(np.zeros((2, 2, 3), np.float32)))
    seen: list[list[str]] = []

    def fake_run(command: list[str], check: bool) -> subprocess.CompletedProcess[str]:
        seen.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(subprocess, "run", fake_run)
    assert viewer.view(path) == 0 and viewer.view() == 0
    assert seen == [[sys.executable, "-m", "vfxview", str(path)], [sys.executable, "-m", "vfxview"]]
    # The original's top-level call: vfx_rs.view(path), while vfx_rs.view stays the ViewSettings module.
    assert vfx_rs.view(path) == 0 and seen[-1] == [sys.executable, "-m", "vfxview", str(path)]
    from vfx_rs.view import ViewSettings

    assert vfx_rs.view.ViewSettings is ViewSettings
    with pytest.raises(vfx_rs.IoError, match="no such file"):
        viewer.view(tmp_path / "missing.exr")
