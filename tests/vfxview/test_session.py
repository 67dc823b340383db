"""Sessions as code: the saved script replays three ways (vfx_rs alone, vfxview, vfx view) to identical files,
whose values are OpenColorIO's view of the grade (read back with OpenImageIO)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.test_view import _ocio_view
from vfx_rs.errors import FormatError
from vfx_rs.session import Session, load_session
from vfx_rs.view import ViewSettings
from vfxview import commands, session_commands
from vfxview.state import ViewerState

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
VIEW = ViewSettings(
    input_space="ACEScg", exposure=0.5, slope=(1.1, 1.0, 0.9), offset=(0.01, 0.0, 0.0), saturation=0.9, gamma=1.2
)


def _read_oiio(path: Path) -> np.ndarray:
    import OpenImageIO as oiio

    buf = oiio.ImageBuf(str(path))
    assert not buf.has_error, buf.geterror()
    return buf.get_pixels(oiio.FLOAT)


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *map(str, args)], capture_output=True, text=True, timeout=120, env=ENV, check=False
    )


def test_three_replays_write_identical_files(tmp_path: Path) -> None:
    rng = np.random.default_rng(15)
    pixels = np.exp(rng.uniform(-4.0, 2.0, size=(12, 16, 3))).astype(np.float32)
    vfx_rs.write(tmp_path / "a.exr", vfx_rs.Image(pixels))
    vfx_rs.write(tmp_path / "b.exr", vfx_rs.Image(pixels * 0.5))
    state = ViewerState()
    assert commands.open_image(state, tmp_path / "a.exr")
    commands.set_compare(state, "wipe", tmp_path / "b.exr")
    assert commands.set_settings(state, VIEW)
    script = tmp_path / "session.py"
    assert session_commands.save_session(state, script)
    text = script.read_text()
    assert "ViewSettings(input_space='ACEScg', exposure=0.5" in text and "compare_mode='wipe'" in text
    assert len(text.splitlines()) < 30

    runs = {
        "script": ("session.py", "--export"),
        "vfxview": ("-m", "vfxview", "--session", "session.py", "--export"),
        "vfx view": ("-m", "vfx_rs.cli", "view", "--session", "session.py", "--export"),
    }
    written = {}
    for name, args in runs.items():
        out = tmp_path / f"{name.replace(' ', '_')}.exr"
        proc = subprocess.run(
            [sys.executable, *args, str(out)], cwd=tmp_path, capture_output=True, text=True, env=ENV, timeout=120
        )
        assert proc.returncode == 0, (name, proc.stderr)
        written[name] = _read_oiio(out)
    first = written["script"]
    for name, data in written.items():
        assert np.array_equal(data, first), name
    ocio = _ocio_view(pixels.reshape(-1, 3), VIEW).reshape(pixels.shape)
    assert first.shape == pixels.shape  # RGB stays RGB
    assert float(np.max(np.abs(first - ocio) / np.maximum(1.0, np.abs(ocio)))) <= RTOL_OCIO_BUILTIN

    replayed = ViewerState()
    assert session_commands.open_session(replayed, script)
    assert replayed.settings == VIEW and replayed.compare_mode == "wipe" and replayed.compare is not None


def test_a_broken_session_script_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from vfx_rs.session import Session\nsession = Session(image='x.exr', compare_mode='sideways')\n")
    with pytest.raises(FormatError, match=r"bad\.py") as info:
        load_session(bad)
    assert "sideways" in str(info.value)
    state = ViewerState()
    assert not session_commands.open_session(state, tmp_path / "none.py") and "none.py" in state.error
    assert Session(image="a.exr").script().count("\n") < 25


def test_file_menu_saves_and_opens_a_session(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    vfx_rs.write(tmp_path / "a.exr", vfx_rs.Image(np.full((4, 5, 3), 0.3, np.float32)))
    assert commands.open_image(window.state, tmp_path / "a.exr")
    assert commands.set_settings(window.state, VIEW)
    script = str(tmp_path / "menu.py")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (script, ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (script, ""))
    file_menu = window.menuBar().actions()[0].menu()
    actions = {a.text(): a for a in file_menu.actions()}
    actions["Save Session..."].trigger()
    assert load_session(script).view == VIEW
    commands.set_settings(window.state, ViewSettings())
    actions["Open Session..."].trigger()
    assert window.state.settings == VIEW and window.state.error == ""
