"""Shared fixtures: generated images, the shared test data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

# Qt's xcb platform (with the DISPLAY pytest-xvfb provides) has OpenGL; "offscreen" has none.
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

ROOT = Path(__file__).resolve().parents[1]
TESTDATA = ROOT.parent / "shared" / "testdata"
"""The shared corpus, reached as ../shared/testdata from the project root (CI has it)."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if TESTDATA.is_dir():
        return
    skip = pytest.mark.skip(reason=f"shared test data not found at {TESTDATA} (only CI and developer machines have it)")
    for item in items:
        if "testdata" in item.keywords:
            item.add_marker(skip)


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
