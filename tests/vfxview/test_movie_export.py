"""File > Export Movie: the clip's in..out frames through the view, a missing frame held, read back with PyAV
through `vfx_rs.read_movie` and against OpenColorIO's view of each frame."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.vfx_rs.test_view import _ocio_view
from vfx_rs.errors import ArgumentError
from vfx_rs.view import ViewSettings
from vfxview import commands, playback
from vfxview.movie_export import movie_job
from vfxview.state import ViewerState

pytest.importorskip("av", reason="the [movie] extra (PyAV) is not installed")

COLOURS = {1001: (0.05, 0.1, 0.2), 1003: (0.4, 0.3, 0.1), 1004: (0.9, 0.9, 0.9)}
VIEW = ViewSettings(input_space="ACEScg", exposure=0.5)
ATOL_PRORES = 4.0 / 1023
"""ProRes 422 HQ is 10-bit Y'CbCr: a flat colour comes back within a few code values."""


def _sequence(folder: Path) -> None:
    for frame, colour in COLOURS.items():
        vfx_rs.write(folder / f"s.{frame}.exr", vfx_rs.Image(np.full((16, 24, 3), colour, np.float32)))


def _expected(frame: int) -> np.ndarray:
    return np.clip(_ocio_view(np.array([COLOURS[frame]], np.float32), VIEW)[0], 0.0, 1.0)


def test_export_movie_holds_missing_frames_and_matches_ocio(tmp_path: Path) -> None:
    _sequence(tmp_path)
    state = ViewerState()
    with pytest.raises(ArgumentError, match="sequence or movie"):
        movie_job(state, tmp_path / "none.mov")
    assert playback.open_path(state, tmp_path / "s.1001.exr")
    assert commands.set_settings(state, VIEW)
    steps: list[float] = []
    held = movie_job(state, tmp_path / "out.mov")(steps.append)
    assert held == [1002] and steps[-1] == 1.0 and len(steps) == 4
    with vfx_rs.read_movie(tmp_path / "out.mov") as movie:
        frames = [movie[i].pixels[..., :3].mean(axis=(0, 1)) for i in range(len(movie))]
        assert len(movie) == 4 and float(movie.fps) == 24.0
    for got, frame in zip(frames, (1001, 1001, 1003, 1004), strict=True):
        np.testing.assert_allclose(got, _expected(frame), atol=ATOL_PRORES, err_msg=str(frame))


def test_file_menu_exports_on_a_worker(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    _sequence(tmp_path)
    assert playback.open_path(window.state, tmp_path / "s.1001.exr")
    assert commands.set_settings(window.state, VIEW)
    playback.set_in_out(window.state, 1003, 1004)
    out = tmp_path / "menu.mp4"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    actions = {a.text(): a for a in window.menuBar().actions()[0].menu().actions()}
    actions["Export Movie..."].trigger()
    qtbot.waitUntil(lambda: "exported" in window.statusBar().currentMessage(), timeout=20000)
    with vfx_rs.read_movie(out) as movie:
        assert len(movie) == 2
        np.testing.assert_allclose(movie[1].pixels[..., :3].mean(axis=(0, 1)), _expected(1004), atol=8.0 / 255)
