"""A LUT stacks with the OCIO view (after it: a display LUT), chosen in the Color panel; checked with PyOpenColorIO."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from vfxview import color_commands, commands


@pytest.fixture
def halve_cube(tmp_path):
    """A 1D .cube that halves each channel on [0, 1] (two entries, linear interpolation)."""
    path = tmp_path / "halve.cube"
    path.write_text("LUT_1D_SIZE 2\n0 0 0\n0.5 0.5 0.5\n")
    return path


def test_lut_after_the_view_from_the_panel(window, qtbot, halve_cube):
    ocio = pytest.importorskip("PyOpenColorIO")
    pixels = np.array([[[0.18, 0.05, 0.6], [1.0, 0.5, 0.02]]], np.float32)
    commands.show_loaded(window.state, "grey.exr", vfx_rs.Image(pixels))
    panel = window.panels["Color"]
    assert not panel.lut_position.isEnabled()  # nothing to place yet
    assert color_commands.set_lut(window.state, halve_cube)
    assert window.state.source == "lut"  # a LUT alone replaces the view until placed
    panel.lut_position.setCurrentIndex(panel.lut_position.findData("after"))
    panel.lut_position.activated.emit(panel.lut_position.currentIndex())
    s = window.state
    assert (s.source, s.lut_position) == ("ocio", "after")
    cfg = ocio.Config.CreateFromFile(s.config)
    cpu = cfg.getProcessor(
        ocio.DisplayViewTransform(src=s.input_space, display=s.display, view=s.view)
    ).getOptimizedCPUProcessor(ocio.BIT_DEPTH_F32, ocio.BIT_DEPTH_F32, ocio.OPTIMIZATION_LOSSLESS)
    shown = pixels.copy()
    cpu.applyRGB(shown)
    expected = np.clip(shown, 0, 1) * 0.5  # the .cube's domain clamps, then halves
    got = s.settings.apply(s.image).pixels[..., :3]
    np.testing.assert_allclose(got, expected, atol=2e-5)
    assert color_commands.set_lut(window.state, halve_cube)  # a new LUT keeps its place
    assert window.state.lut_position == "after"
    assert not color_commands.set_lut_position(window.state, "sideways")
    assert "sideways" in window.state.error
