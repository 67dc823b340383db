"""The input color space comes from the OCIO config's file rules until the user picks one (checked against OCIO)."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import RTOL_OCIO_BUILTIN, RTOL_OCIO_PROCESSOR
from tests.vfxview.color_fixtures import ocio_builtin_display, ocio_display, write_rules_config
from vfx_rs.image import Image
from vfx_rs.view import BUILTIN_CONFIG, OCIO_DEFAULT_CONFIG, OCIO_DEFAULT_VIEW
from vfxview import color_commands, commands
from vfxview.script_viewer import ScriptViewer
from vfxview.state import ViewerState

OCIO = pytest.importorskip("PyOpenColorIO")

PATHS = ["/shots/a_p3_plate.0001.exr", "/shots/depth_data.exr", "/shots/lin_p3/b.exr", "/shots/plain.exr", "c.png"]
"""One path per rule of `RULES`, and one more for the default rule."""


def _relative_error(got: np.ndarray, ref: np.ndarray) -> float:
    return float(np.max(np.abs(got - ref) / np.maximum(1.0, np.abs(ref))))


@pytest.fixture
def rules(tmp_path) -> str:
    return str(write_rules_config(tmp_path))


@pytest.fixture
def pixels(rng) -> np.ndarray:
    return np.exp(rng.uniform(-6.0, 2.0, size=(8, 8, 3))).astype(np.float32)


def test_file_rules_choose_the_input_space_as_ocio_does(rules, pixels):
    cfg = OCIO.Config.CreateFromFile(rules)
    state = ViewerState()
    assert color_commands.set_config(state, rules) and state.input_from_rules
    seen = set()
    for path in PATHS:
        commands.show_loaded(state, path, Image(pixels))
        expected = cfg.getColorSpaceFromFilepath(path)
        expected = expected[0] if isinstance(expected, tuple) else expected
        assert state.input_space == expected and state.error == ""
        seen.add(cfg.getColorSpace(expected).getName())
        got = state.settings.apply(state.image).numpy()[..., :3]
        ref = ocio_display(cfg, pixels, expected, state.display, state.view)
        assert _relative_error(got, ref) <= RTOL_OCIO_PROCESSOR
    assert seen == {"lin_p3", "raw", "lin_rec709"}  # every kind of rule was exercised


def test_an_explicit_pick_survives_new_files_until_file_rules_are_asked_for(rules, pixels):
    state = ViewerState()
    color_commands.set_config(state, rules)
    assert color_commands.set_input_space(state, "lin_rec709") and not state.input_from_rules
    commands.show_loaded(state, PATHS[0], Image(pixels))
    assert state.input_space == "lin_rec709"
    viewer = ScriptViewer(state)
    assert viewer.use_file_rules() and state.input_from_rules and state.input_space == "lin_p3"
    assert viewer.set_input_space("lin_rec709")
    commands.show_loaded(state, PATHS[1], Image(pixels))
    assert state.input_space == "lin_rec709"


def test_changing_config_reapplies_the_rules_to_the_open_file(rules, pixels):
    state = ViewerState()
    commands.show_loaded(state, PATHS[0], Image(pixels))
    assert state.input_space == "ACES2065-1"  # OCIO's default config's EXR rule
    assert color_commands.set_config(state, rules) and state.input_space == "lin_p3"
    assert color_commands.set_config(state, BUILTIN_CONFIG) and state.input_space == "ACES2065-1"


def test_command_line_input_overrides_the_rules(rules, pixels, tmp_path):
    from vfxview.app import main

    src = tmp_path / "shot_p3_plate.exr"
    vfx_rs.write(src, Image(pixels))
    rgb = vfx_rs.read(src).numpy()[..., :3]
    cfg = OCIO.Config.CreateFromFile(rules)
    for extra, space in (([], "lin_p3"), (["--input", "lin_rec709"], "lin_rec709")):
        out = tmp_path / f"out_{space}.exr"
        assert main([str(src), "--config", rules, *extra, "--export", str(out)]) == 0
        got = vfx_rs.read(out).numpy()[..., :3]
        assert _relative_error(got, ocio_display(cfg, rgb, space, "sRGB", "Standard")) <= RTOL_OCIO_PROCESSOR


def test_builtin_aces_config_for_the_sample(tmp_path):
    from vfx_rs.data_files import sample_image_path
    from vfxview.app import main

    sample = str(sample_image_path())
    cfg = OCIO.Config.CreateFromFile(OCIO_DEFAULT_CONFIG)  # the viewer's config: OCIO's default
    by_rules = cfg.getColorSpaceFromFilepath(sample)
    assert (by_rules[0] if isinstance(by_rules, tuple) else by_rules) == "ACES2065-1"
    # the sample's header carries Rec.709 chromaticities: they win over the rules (issue 13)
    assert vfx_rs.read(sample).metadata["chromaticities"][:2] == pytest.approx((0.64, 0.33))
    expected = "Linear Rec.709 (sRGB)"
    state = ViewerState()
    assert commands.open_image(state, sample) and state.input_space == expected
    assert "chromaticities" in state.input_reason
    out = tmp_path / "sample_view.exr"
    assert main([sample, "--export", str(out)]) == 0
    rgb = vfx_rs.read(sample).numpy()[::4, ::4, :3]
    ref = ocio_builtin_display(rgb, expected, "sRGB - Display", OCIO_DEFAULT_VIEW, config=OCIO_DEFAULT_CONFIG)
    got = vfx_rs.read(out).numpy()[::4, ::4, :3]
    assert _relative_error(got, ref) <= RTOL_OCIO_BUILTIN


@pytest.mark.gl
def test_color_panel_from_file_rules_checkbox(window, rules, pixels):
    panel = window.panels["Color"]
    assert color_commands.set_config(window.state, rules)
    commands.show_loaded(window.state, PATHS[0], Image(pixels))
    assert panel.from_rules.isChecked() and panel.input_space.currentText() == "lin_p3"
    panel.input_space.setCurrentText("lin_rec709")
    panel.input_space.activated.emit(panel.input_space.currentIndex())
    assert not panel.from_rules.isChecked() and not window.state.input_from_rules
    commands.show_loaded(window.state, PATHS[1], Image(pixels))
    assert window.state.input_space == "lin_rec709"
    panel.from_rules.click()
    assert window.state.input_from_rules and window.state.input_space == "raw"


def test_the_view_a_file_will_open_in_is_built_while_it_is_read(rules, tmp_path):
    """`prepare_view` builds (and caches) the view of the file-rule space before the pixels arrive; a config
    that cannot build it leaves no message yet (the image's arrival reports it, naming the file)."""
    from vfx_rs import view

    state = ViewerState()
    assert color_commands.set_config(state, rules)
    path = PATHS[0]
    space = OCIO.Config.CreateFromFile(rules).getColorSpaceFromFilepath(path)
    space = space[0] if isinstance(space, tuple) else space
    assert space != state.input_space  # a view nothing has built yet
    color_commands.prepare_view(state, path)
    before = view._static_glsl.cache_info()
    state.settings.replace(input_space=space).glsl()
    after = view._static_glsl.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)
    state.update(config=str(tmp_path / "gone.ocio"))
    color_commands.prepare_view(state, path)
    assert state.error == ""
