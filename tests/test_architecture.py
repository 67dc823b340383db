"""The dependency rules of STYLE.md, as import-linter contracts (pyproject.toml), checked in the suite."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed (it comes with the [dev] extra)")
    out = subprocess.run([exe], capture_output=True, text=True, cwd=ROOT, check=False)
    assert out.returncode == 0, out.stdout[-3000:]
