"""Fuzz tests run in-process with tighter read limits, so a mutated header cannot ask for gigabytes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import vfx_rs.io


@pytest.fixture(autouse=True)
def small_limits() -> Iterator[None]:
    """At most 4096 pixels a side and 64 MiB per image while fuzzing (the defaults allow 8 GiB)."""
    saved = (vfx_rs.io.LIMITS.max_dimension, vfx_rs.io.LIMITS.max_bytes)
    vfx_rs.io.LIMITS.max_dimension, vfx_rs.io.LIMITS.max_bytes = 4096, 64 * 1024**2
    yield
    vfx_rs.io.LIMITS.max_dimension, vfx_rs.io.LIMITS.max_bytes = saved
