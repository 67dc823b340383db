"""Input space from EXR chromaticities, checked with PyOpenColorIO's own transform and colour-science's matrices."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from vfxview import color_commands, commands
from vfxview.state import ViewerState

PRIMARIES = {
    "ITU-R BT.709": (0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290),
    "P3-D65": (0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.3127, 0.3290),
    "ITU-R BT.2020": (0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.3127, 0.3290),
    "ACEScg": (0.713, 0.293, 0.165, 0.830, 0.128, 0.044, 0.32168, 0.33767),
}


def _open_with(tmp_path, chromaticities) -> ViewerState:
    path = tmp_path / "plate.exr"
    vfx_rs.write(path, vfx_rs.Image(np.zeros((2, 2, 3), np.float32), metadata={"chromaticities": chromaticities}))
    state = ViewerState()
    assert commands.open_image(state, path), state.error
    return state


@pytest.mark.parametrize("name", list(PRIMARIES))
def test_chromaticities_pick_the_config_space_with_those_primaries(tmp_path, name):
    ocio = pytest.importorskip("PyOpenColorIO")
    colour = pytest.importorskip("colour")
    state = _open_with(tmp_path, PRIMARIES[name])
    assert "chromaticities" in state.input_reason
    cfg = ocio.Config.CreateFromFile(state.config)  # the viewer's config
    cpu = cfg.getProcessor(state.input_space, "Linear Rec.709 (sRGB)").getDefaultCPUProcessor()
    got = np.array([cpu.applyRGB([float(v) for v in row]) for row in np.eye(3)]).T  # columns: images of R, G, B
    expected = colour.matrix_RGB_to_RGB(
        colour.RGB_COLOURSPACES[name], colour.RGB_COLOURSPACES["sRGB"], chromatic_adaptation_transform="Bradford"
    )
    np.testing.assert_allclose(got, expected, atol=2e-3)  # the config's own CAT and rounding may differ slightly


def test_unknown_primaries_leave_it_to_the_file_rules_and_a_choice_wins(tmp_path):
    state = _open_with(tmp_path, (0.7, 0.3, 0.2, 0.7, 0.1, 0.1, 0.3127, 0.3290))
    assert state.input_reason == "from the config's file rules" and state.input_space == "ACES2065-1"
    color_commands.set_input_space(state, "ACEScg")
    state2 = _open_with(tmp_path, PRIMARIES["ITU-R BT.709"])
    assert state2.input_space == "Linear Rec.709 (sRGB)"
    commands.open_image(state, tmp_path / "plate.exr")
    assert state.input_space == "ACEScg"  # the user's pick stays
