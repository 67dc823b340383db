"""The console's ``viewer`` (Qt-free): image, layer, frame, compare image and mode, through the same commands."""

from __future__ import annotations

import pydoc

import numpy as np
import pytest

import vfx_rs
from vfxview import commands, playback
from vfxview.script_viewer import ScriptViewer
from vfxview.state import ViewerState


def test_help_lists_the_api():
    text = pydoc.render_doc(ScriptViewer, renderer=pydoc.plaintext)
    for name in ("image", "layer", "frame", "fps", "compare", "compare_mode", "settings", "open", "play", "export"):
        assert f"\n |  {name}" in text, name


def test_image_set_from_numpy_or_image_and_refused_values():
    v = ScriptViewer(ViewerState())
    v.image = np.full((4, 6, 3), 0.25, np.float32)
    assert v.state.image.shape == (4, 6, 3) and v.state.path == "<script>"
    v.image = vfx_rs.Image(np.zeros((2, 2, 4), np.float32))
    assert v.image.channels == 4
    v.image = "not pixels"
    assert v.error and v.image.channels == 4  # refused: the previous image stays


def test_layer_frame_and_compare(tmp_path):
    v = ScriptViewer(ViewerState())
    layers = vfx_rs.LayeredImage(
        {
            "beauty": vfx_rs.Image(np.ones((2, 2, 3), np.float32)),
            "diffuse": vfx_rs.Image(np.zeros((2, 2, 3), np.float32)),
        }
    )
    commands.show_loaded(v.state, "layers.exr", layers["beauty"], layers)
    assert v.layers == ("beauty", "diffuse")
    v.layer = "diffuse"
    assert v.layer == "diffuse" and float(v.image.pixels.max()) == 0.0
    v.layer = "nope"
    assert "nope" in v.error and v.layer == "diffuse"
    for frame in (11, 12, 13):
        vfx_rs.write(tmp_path / f"s.{frame:04d}.exr", vfx_rs.Image(np.full((2, 2, 3), frame, np.float32)))
    assert v.open(tmp_path / "s.0011.exr")
    assert v.frames == (11, 13)
    v.frame = 13
    assert v.frame == 13 and float(v.image.pixels[0, 0, 0]) == 13.0
    v.fps = 25
    assert v.fps == 25.0
    v.compare = np.zeros((2, 2, 3), np.float32)
    v.compare_mode = "diff"
    assert v.compare_mode == "diff" and v.compare.shape == (2, 2, 3)
    v.compare_mode = "sideways"
    assert "sideways" in v.error and v.compare_mode == "diff"
    v.compare = None
    assert v.compare is None
    playback.close_clip(v.state)


def test_image_setter_closes_a_clip(tmp_path):
    v = ScriptViewer(ViewerState())
    for frame in (1, 2):
        vfx_rs.write(tmp_path / f"c.{frame:03d}.exr", vfx_rs.Image(np.zeros((2, 2, 3), np.float32)))
    v.open(tmp_path / "c.001.exr")
    assert v.state.clip is not None
    v.image = np.ones((2, 2, 3), np.float32)
    assert v.state.clip is None and v.frames is None


@pytest.mark.parametrize("mode", ["off", "wipe", "side", "diff"])
def test_compare_modes(mode):
    v = ScriptViewer(ViewerState())
    v.compare_mode = mode
    assert v.compare_mode == mode and v.error == ""
