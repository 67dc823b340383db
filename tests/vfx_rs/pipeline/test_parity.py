"""Contract over the whole `OPS` registry: every kind's GLSL matches its NumPy kernel.

Each example op is applied to the same inputs by the NumPy executor and by
its GLSL rendered offscreen into a float framebuffer and read back.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.tolerances import ATOL_GLSL_VS_NUMPY
from tests.vfx_rs.pipeline.op_examples import collect, compare_maps
from vfx_rs.pipeline import OPS, Op, Pipeline

EXAMPLES = collect()
COMPARE_AS = compare_maps()
CASES = [(kind, i, op) for kind, ops in sorted(EXAMPLES.items()) for i, op in enumerate(ops)]


def parity_inputs() -> np.ndarray:
    """Log-spaced values from -0.1 to 64, a [0, 1] ramp and a coarse RGB grid, as (n, 3)."""
    ramp = np.linspace(0.0, 1.0, 1024)
    logs = np.concatenate([-np.geomspace(0.1, 1e-4, 64), [0.0], np.geomspace(1e-4, 64.0, 512)])
    grid = np.stack(np.meshgrid(*[np.linspace(-0.05, 1.2, 9)] * 3, indexing="ij"), axis=-1).reshape(-1, 3)
    grey = np.concatenate([ramp, logs])
    return np.concatenate([np.stack([grey, grey, grey], axis=1), grid]).astype(np.float32)


def test_every_registered_kind_has_examples() -> None:
    assert set(OPS) == set(EXAMPLES), "every op kind needs examples in tests/vfx_rs/pipeline/op_examples"


@pytest.mark.gl
@pytest.mark.parametrize(("kind", "index", "op"), CASES, ids=[f"{k}-{i}" for k, i, _ in CASES])
def test_glsl_matches_numpy(gl_context: object, kind: str, index: int, op: Op) -> None:
    from tests.gl_harness import render_pipeline

    pipeline = Pipeline([op], optimize=False)
    rgb = parity_inputs()
    expected = pipeline.applied(rgb)
    got = render_pipeline(pipeline.glsl(), rgb)
    if kind in COMPARE_AS:
        expected, got = COMPARE_AS[kind](op, expected), COMPARE_AS[kind](op, got)
    finite = np.isfinite(expected)
    assert np.array_equal(finite, np.isfinite(got)), "NaN/Inf pattern differs between GLSL and NumPy"
    err = np.abs(got[finite] - expected[finite]) / np.maximum(1.0, np.abs(expected[finite]))
    assert err.max(initial=0.0) <= ATOL_GLSL_VS_NUMPY, f"{kind}[{index}] max error {err.max():.3g}"
