"""Fixtures for the CLI tests: a runner for the real `vfx` executable."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

VFX = (
    [str(Path(sys.executable).parent / "vfx")]
    if (Path(sys.executable).parent / "vfx").exists()
    else [sys.executable, "-m", "vfx_rs.cli"]
)
"""The installed console script beside the interpreter running the tests (else ``python -m vfx_rs.cli``)."""

ROOT = Path(__file__).resolve().parents[3]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
"""The subprocess imports this checkout's `vfx_rs`, whichever checkout the installed script points at."""


@pytest.fixture
def run_vfx() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `vfx` with string arguments in a subprocess (`env`: extra variables); returns the completed process."""

    def run(
        *args: object, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*VFX, *map(str, args)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=cwd,
            env={**ENV, **(env or {})},
        )

    return run
