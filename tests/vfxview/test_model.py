"""The viewer's Qt-free model: state, commands, view settings and their round trip (runs without PySide6)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from vfx_rs.image import Image
from vfx_rs.view import OCIO_DEFAULT_CONFIG, OCIO_DEFAULT_VIEW
from vfxview import color_commands, commands
from vfxview.script_viewer import ScriptViewer
from vfxview.state import ViewerState

ROOT = Path(__file__).resolve().parents[2]


def test_state_emits_only_on_change():
    state = ViewerState()
    seen = []
    state.changed.connect(lambda name, value: seen.append((name, value)))
    state.exposure = 0.0
    state.exposure = 1.0
    state.exposure = 1.0
    state.slope = (1.0, 1.0, 1.0)
    state.slope = (2.0, 1.0, 1.0)
    assert [(n, v) for n, v in seen if n != "settings"] == [("exposure", 1.0), ("slope", (2.0, 1.0, 1.0))]
    # each real change also emits the whole ViewSettings once, after the field
    start = ViewerState().settings  # the viewer's defaults: OCIO's default config and its sRGB view
    assert (start.config, start.view) == (OCIO_DEFAULT_CONFIG, OCIO_DEFAULT_VIEW)
    assert [v for n, v in seen if n == "settings"] == [
        dataclasses.replace(start, exposure=1.0),
        dataclasses.replace(start, exposure=1.0, slope=(2.0, 1.0, 1.0)),
    ]
    with pytest.raises(AttributeError):
        state.no_such_field = 1


def test_commands_refuse_bad_values_with_a_message():
    state = ViewerState()
    color_commands.set_display(state, "NoSuchDisplay")
    assert "NoSuchDisplay" in state.error and state.display == "sRGB - Display"
    commands.set_channel(state, "Q")
    assert "Q" in state.error and state.channel == "RGB"
    assert not commands.open_image(state, "/nonexistent/x.exr")
    assert "/nonexistent/x.exr" in state.error and state.image is None


def test_view_fields_change_the_settings_all_or_nothing():
    state = ViewerState()
    expected = dataclasses.replace(state.settings, source="raw", exposure=1.0, gamma=2.0)
    state.update(source="raw", exposure=1.0, gamma=2.0)
    assert state.settings == expected
    with pytest.raises(vfx_rs.errors.ArgumentError):
        state.update(exposure=3.0, gamma=-1.0)
    assert state.settings == expected  # nothing of a refused change


def test_export_writes_what_the_settings_apply(tmp_path, hdr_rgba):
    state = ViewerState()
    assert not commands.export(state, tmp_path / "none.exr") and "no image" in state.error
    commands.show_loaded(state, "hdr", Image(hdr_rgba))
    commands.set_exposure(state, -1.0)
    commands.set_grade(state, slope=(1.2, 1.0, 0.8), saturation=0.7)
    fractions: list[float] = []
    assert commands.export(state, tmp_path / "out.exr", progress=fractions.append), state.error
    written = vfx_rs.read(tmp_path / "out.exr").numpy()
    # the exact core, independently of the command: the pipeline applied to the RGBA pixels
    np.testing.assert_array_equal(written, state.settings.pipeline().applied(hdr_rgba))
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_view_settings_saved_and_loaded_through_commands(tmp_path):
    state = ViewerState()
    commands.set_exposure(state, 1.25)
    assert color_commands.set_input_space(state, "ACEScg")
    assert commands.save_settings(state, tmp_path / "view.json"), state.error
    other = ViewerState()
    assert commands.load_settings(other, tmp_path / "view.json"), other.error
    assert other.settings == state.settings and not other.input_from_rules
    (tmp_path / "bad.json").write_text('{"view": "No such view"}')
    assert not commands.load_settings(other, tmp_path / "bad.json")
    assert "No such view" in other.error and other.settings == state.settings


def test_small_commands_check_their_values():
    state = ViewerState()
    commands.set_wipe(state, 1.7)
    assert state.wipe == 1.0
    commands.set_background(state, "pink")
    assert "pink" in state.error and state.background == "checker"
    commands.set_false_color(state)
    assert state.nan_false_color is False
    commands.set_false_color(state, True)
    assert state.nan_false_color is True


def test_script_viewer_goes_through_the_commands():
    viewer = ScriptViewer(ViewerState())
    expected = dataclasses.replace(viewer.state.settings, exposure=2.0)
    viewer.exposure = 2.0
    viewer.gamma = -1.0  # refused with a message, as the panel would be
    assert viewer.state.settings == expected and "gamma" in viewer.state.error


def test_the_model_imports_without_qt_or_opengl():
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['OpenGL'] = None; "
        "import vfxview.state, vfxview.commands, vfxview.color_commands, vfxview.script_viewer, vfx_rs.view"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert out.returncode == 0, out.stderr


def test_a_grade_is_one_change_all_or_nothing():
    state = ViewerState()
    seen: list[str] = []
    state.changed.connect(lambda name, value: seen.append(name))
    assert commands.set_grade(state, slope=(1.2, 1.0, 0.8), offset=0.01, power=1.1, saturation=0.5)
    assert seen.count("settings") == 1 and {"slope", "offset", "power", "saturation"} <= set(seen)
    before = state.settings
    assert not commands.set_grade(state, slope=2.0, power=(1.0, 0.0, 1.0))
    assert state.settings == before and "power" in state.error
    assert commands.set_grade(state, exposure=1.5, gamma=2.2, saturation=0.8)
    assert (state.exposure, state.gamma, state.saturation, state.slope) == (1.5, 2.2, 0.8, (1.2, 1.0, 0.8))
    assert not commands.set_grade(state, exposure=float("nan"))
    assert state.exposure == 1.5 and "exposure" in state.error
