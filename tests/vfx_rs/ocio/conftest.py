"""Fixtures for the OCIO tests: the hand-written configs written to a temp folder, and the oracle helper."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.vfx_rs.ocio.configs import V1_CONFIG, V2_CONFIG


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """A folder holding v2.ocio and v1.ocio."""
    (tmp_path / "v2.ocio").write_text(V2_CONFIG, encoding="utf-8")
    (tmp_path / "v1.ocio").write_text(V1_CONFIG, encoding="utf-8")
    return tmp_path


def grid() -> np.ndarray:
    """(N, 3) float32: a log-spaced grid from -0.1 to 64 and a [0, 1] ramp, channels shuffled apart."""
    v = np.concatenate([-np.geomspace(1e-4, 0.1, 6), [0.0], np.geomspace(1e-4, 64.0, 30), np.linspace(0.0, 1.0, 17)])
    return np.stack([v, np.roll(v, 7), np.roll(v, 19)], axis=-1).astype(np.float32)
