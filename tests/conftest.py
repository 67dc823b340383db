"""Shared fixtures: generated images, the shared test data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

# Qt's xcb platform (with the DISPLAY pytest-xvfb provides) has OpenGL; "offscreen" has none.
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
# A developer's $OCIO would change every default config (vfx_rs.view.startup_config): tests that want it set it.
os.environ.pop("OCIO", None)

ROOT = Path(__file__).resolve().parents[1]
TESTDATA = ROOT.parent / "shared" / "testdata"
"""The shared corpus, reached as ../shared/testdata from the project root (CI has it)."""


TESTDATA_MISSING = f"shared test data not found at {TESTDATA} (only CI and developer machines have it)"

_testdata_skipped: list[str] = []


def corpus_files(files: list[Path]) -> list[Any]:
    """Parameters for a test over corpus files: the files, or one skipped entry saying why there are none.

    An empty list would make pytest skip with "got empty parameter set", which hides the reason.
    """
    if files:
        return list(files)
    return [pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=TESTDATA_MISSING))]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if TESTDATA.is_dir():
        return
    skip = pytest.mark.skip(reason=TESTDATA_MISSING)
    for item in items:
        if "testdata" in item.keywords:
            item.add_marker(skip)
            _testdata_skipped.append(item.nodeid)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say in one line how many tests did not run for want of the shared data, and why."""
    if _testdata_skipped:
        files = {nodeid.split("::")[0] for nodeid in _testdata_skipped}
        per_file = sum(nodeid.endswith("[no-corpus]") for nodeid in _testdata_skipped)
        each = f" ({per_file} of them once per corpus file)" if per_file else ""
        terminalreporter.write_line(
            f"{len(_testdata_skipped)} tests{each} in {len(files)} files did not run: {TESTDATA_MISSING}", yellow=True
        )


@pytest.fixture
def testdata() -> Path:
    """Path of ../shared/testdata; tests using it must carry @pytest.mark.testdata."""
    return TESTDATA


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20261124)


@pytest.fixture
def hdr_rgba(rng: np.random.Generator) -> np.ndarray:
    """A 37x53 RGBA float32 image: scene-linear values from 0 to about 60, alpha in 0..1."""
    rgb = np.exp(rng.uniform(-6.0, 4.1, size=(37, 53, 3))).astype(np.float32)
    alpha = rng.uniform(0.0, 1.0, size=(37, 53, 1)).astype(np.float32)
    return np.concatenate([rgb, alpha], axis=2)


@pytest.fixture
def ramp_rgb() -> np.ndarray:
    """A 16x64 RGB float32 ramp from 0 to 1 along x, with different slopes per channel."""
    x = np.linspace(0.0, 1.0, 64, dtype=np.float32)
    img = np.stack([x, x**2, np.sqrt(x)], axis=-1)
    return np.ascontiguousarray(np.broadcast_to(img, (16, 64, 3)), dtype=np.float32)


@pytest.fixture(scope="session")
def gl_context() -> Iterator[object]:
    """A current offscreen OpenGL 3.3 core context (see tests/gl_harness.py)."""
    from tests.gl_harness import make_context

    yield from make_context()
