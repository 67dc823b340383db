"""The saved grade, read back by OpenColorIO, transforms pixels like the viewer's grade."""

from __future__ import annotations

import numpy as np
import pytest

from tests.tolerances import RTOL_DISPLAY_CHAIN_F32
from vfxview import commands
from vfxview.display import grade_pipeline
from vfxview.state import ViewerState


@pytest.mark.parametrize("suffix", [".cc", ".cdl"])
def test_saved_grade_matches_ocio(tmp_path, suffix, rng):
    OCIO = pytest.importorskip("PyOpenColorIO")
    state = ViewerState()
    commands.set_exposure(state, 0.75)
    commands.set_grade(state, slope=(1.2, 0.9, 1.05), offset=(0.02, -0.01, 0.0), saturation=0.8)
    path = tmp_path / f"grade{suffix}"
    assert commands.save_grade(state, path)
    cdl = OCIO.CDLTransform.CreateFromFile(str(path), "")
    cfg = OCIO.Config.CreateRaw()
    cpu = cfg.getProcessor(cdl).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    values = rng.uniform(0.0, 0.8, size=(200, 3)).astype(np.float32)
    expected = values.copy()
    cpu.applyRGB(expected)
    got = grade_pipeline(state.display_settings()).applied(values)
    np.testing.assert_allclose(got, expected, rtol=RTOL_DISPLAY_CHAIN_F32, atol=RTOL_DISPLAY_CHAIN_F32)
