"""An identity grade keeps every value: Inf, -Inf, NaN, negatives and values above 1 reach the preview,
the probe and the export unchanged, and export writes the channels the image has (read back with OpenImageIO)."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from vfxview import color_commands, commands
from vfxview.panels.probe import probe

SPECIAL = (np.inf, -np.inf, np.nan, -0.5, 2.5, 1e30, 0.18, -3.0, 65504.0)


@pytest.fixture
def special_rgb() -> np.ndarray:
    """A 6x9 RGB image: every special value in every channel, each channel shifted so no pixel is uniform."""
    values = np.array(SPECIAL, np.float32)
    pixels = np.empty((6, 9, 3), np.float32)
    for c in range(3):
        pixels[..., c] = np.roll(values, c)[None, :]
    pixels[3:] *= np.float32(-1.0)
    return pixels


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Bit-for-bit equal as float32 values, NaN equal to NaN."""
    return bool(np.array_equal(np.asarray(a, np.float32), np.asarray(b, np.float32), equal_nan=True))


def _read_oiio(path) -> np.ndarray:
    import OpenImageIO as oiio

    buf = oiio.ImageBuf(str(path))
    assert not buf.has_error, buf.geterror()
    return buf.get_pixels(oiio.FLOAT)


def test_identity_grade_keeps_special_values_in_export_and_probe(window, qtbot, special_rgb, tmp_path):
    commands.show_loaded(window.state, "special.exr", vfx_rs.Image(special_rgb))
    color_commands.set_source(window.state, "raw")
    for grade_only, name in ((True, "graded.exr"), (False, "shown.exr")):
        out = tmp_path / name
        assert commands.export(window.state, out, grade_only=grade_only)
        written = _read_oiio(out)
        assert written.shape == special_rgb.shape  # RGB stays RGB: no alpha added
        assert _same(written, special_rgb), name
    for y, x in ((0, 0), (0, 2), (4, 5), (5, 8)):
        p = probe(window.state, x + 0.5, y + 0.5)
        assert _same(np.array(p["graded"][:3]), special_rgb[y, x]), (x, y)
        assert _same(np.array(p["display"][:3]), special_rgb[y, x]), (x, y)


def test_identity_preview_keeps_special_values(window, qtbot, special_rgb):
    commands.show_loaded(window.state, "special.exr", vfx_rs.Image(special_rgb))
    color_commands.set_source(window.state, "raw")
    qtbot.waitUntil(lambda: window.viewport.compile_count >= 1, timeout=5000)
    commands.set_false_color(window.state, False)  # the false colour marks NaN/Inf on screen; the values are asked for
    shown = window.viewport.render_float()[..., :3]
    assert _same(shown, special_rgb)


def test_export_keeps_alpha_and_single_channels(window, qtbot, special_rgb, tmp_path):
    rgba = np.concatenate([special_rgb, np.full((6, 9, 1), 0.5, np.float32)], axis=2)
    commands.show_loaded(window.state, "rgba.exr", vfx_rs.Image(rgba))
    color_commands.set_source(window.state, "raw")
    assert commands.export(window.state, tmp_path / "rgba.exr", grade_only=True)
    assert _same(_read_oiio(tmp_path / "rgba.exr"), rgba)
    grey = special_rgb[..., :1].copy()
    commands.show_loaded(window.state, "grey.exr", vfx_rs.Image(grey, ["Y"]))
    assert commands.export(window.state, tmp_path / "grey.exr", grade_only=True)
    assert _same(_read_oiio(tmp_path / "grey.exr"), grey)
