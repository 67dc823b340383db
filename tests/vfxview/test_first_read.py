"""The first image of ``vfxview IMAGE``: read in a forked child into shared memory, or on a thread once Qt runs."""

from __future__ import annotations

import mmap
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.vfxview import first_paint
from vfx_rs.errors import FormatError
from vfxview import first_read
from vfxview.cache import prepared_texture
from vfxview.sequence import ImageSequence

pytestmark = pytest.mark.skipif(not hasattr(os, "memfd_create"), reason="the forked read needs fork and memfd")

ROOT = Path(__file__).resolve().parents[2]


def _plate(path: Path, value: float = 0.5) -> np.ndarray:
    """Write a half-float RGBA EXR holding Inf, NaN, a negative and a value that is not a half; return what
    `vfx_rs.read` gives back (the reference every read below must equal bit for bit)."""
    pixels = np.full((6, 10, 4), value, np.float32)
    pixels[..., 3] = 1.0
    pixels[0, 0, 0], pixels[0, 1, 1], pixels[0, 2, 2], pixels[1, 2, 1] = np.inf, np.nan, -2.5, 0.1
    vfx_rs.write(path, vfx_rs.Image(pixels, format="f16"))
    return vfx_rs.read(path).pixels


def _cut_plate(tmp_path: Path) -> tuple[Path, FormatError]:
    """A plate with its pixel data cut short, and the error an in-process `vfx_rs.read` gives for it."""
    path = tmp_path / "cut.exr"
    _plate(path)
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(FormatError) as caught:
        vfx_rs.read(path)
    return path, caught.value


def _mapped(array: np.ndarray) -> bool:
    """True if `array`'s memory is a mapping (the child's shared memory), not an allocation of this process."""
    base = array
    while isinstance(base, np.ndarray) and base.base is not None:
        base = base.base
    return isinstance(base, memoryview) and isinstance(base.obj, mmap.mmap)


def test_a_forked_read_equals_the_core_and_keeps_its_texture(tmp_path):
    path = tmp_path / "plate.exr"
    expected = _plate(path)
    clip, frame, loaded = first_read.start(str(path), fork=True).result(timeout=30)
    assert clip is None and frame == 0 and loaded is not None and loaded[1] is None
    image = loaded[0]
    assert _mapped(image.pixels)  # the child's pixels, mapped here without a copy
    np.testing.assert_array_equal(image.pixels, expected)  # NaN where NaN, Inf where Inf, every bit
    assert image.format == "f16" and image.channel_names == ["R", "G", "B", "A"]
    texture = prepared_texture(image)
    assert texture is not None and texture.dtype == np.float16
    np.testing.assert_array_equal(texture.astype(np.float32), expected)


def test_a_forked_read_of_one_frame_gives_its_sequence(tmp_path):
    for frame in (1001, 1002, 1004):
        _plate(tmp_path / f"shot.{frame}.exr", frame / 1000.0)
    clip, frame, loaded = first_read.start(str(tmp_path / "shot.1002.exr"), fork=True).result(timeout=30)
    assert isinstance(clip, ImageSequence) and (clip.first, clip.last, frame) == (1001, 1004, 1002)
    assert clip.missing() == [1003]
    assert float(loaded[0].pixels[3, 3, 0]) == pytest.approx(1.002, abs=1e-3)


def test_a_forked_read_of_a_layered_exr_keeps_the_first_layer_in_its_layers(tmp_path):
    layers = vfx_rs.LayeredImage()
    layers["beauty"] = vfx_rs.Image(np.full((4, 4, 3), 0.25, np.float32))
    layers["diffuse"] = vfx_rs.Image(np.full((4, 4, 3), 0.75, np.float32))
    path = tmp_path / "aovs.exr"
    vfx_rs.write_layers(path, layers)
    _, _, (image, layered) = first_read.start(str(path), fork=True).result(timeout=30)
    assert layered is not None and layered.layer_names() == ["beauty", "diffuse"]
    assert np.shares_memory(layered["beauty"].pixels, image.pixels)  # one layer, as an in-process read gives
    assert float(layered["diffuse"].pixels[0, 0, 0]) == 0.75


def test_a_forked_read_raises_what_the_core_raises(tmp_path):
    path, in_process = _cut_plate(tmp_path)
    with pytest.raises(FormatError) as forked:
        first_read.start(str(path), fork=True).result(timeout=30)
    assert str(forked.value) == str(in_process) and str(path) in str(forked.value)


def test_a_reader_that_dies_becomes_an_error_naming_the_file(tmp_path, monkeypatch):
    """A decoder that crashes (here: is killed) on a damaged file takes the child down, not the application."""
    path = tmp_path / "plate.exr"
    _plate(path)
    monkeypatch.setattr(first_read, "read_path", lambda p: os.kill(os.getpid(), signal.SIGKILL))
    with pytest.raises(FormatError, match="killed by SIGKILL") as caught:
        first_read.start(str(path), fork=True).result(timeout=30)
    assert str(path) in str(caught.value)


def test_with_qt_loaded_or_for_a_movie_the_read_runs_on_a_thread(tmp_path, monkeypatch):
    path = tmp_path / "plate.exr"
    _plate(path)
    monkeypatch.setitem(sys.modules, "PySide6", sys.modules.get("PySide6") or object())
    assert not first_read._can_fork(str(path))
    monkeypatch.delitem(sys.modules, "PySide6")
    assert not first_read._can_fork(str(tmp_path / "daily.mov"))
    _, _, (image, _) = first_read.start(str(path)).result(timeout=30)
    assert not _mapped(image.pixels) and prepared_texture(image) is not None


def test_vfxview_reads_its_first_image_in_a_child_and_draws_it(tmp_path):
    """The entry point as run: the forked read's pixels reach the state and the first paint."""
    pytest.importorskip("PySide6", reason="the [app] extra (PySide6) is not installed")
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        pytest.skip("needs a display (the suite runs under Xvfb: make test)")
    path = tmp_path / "plate.exr"
    expected = _plate(path)
    script = first_paint.script(
        """
        import numpy as np
        base = vp.state.image.pixels
        while isinstance(base, np.ndarray) and base.base is not None:
            base = base.base
        np.save(sys.argv[2], vp.state.image.pixels)
        print(type(base).__name__, type(getattr(base, "obj", None)).__name__, flush=True)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(path), str(tmp_path / "shown.npy")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "xcb"),
            "XDG_CONFIG_HOME": str(tmp_path),
        },
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["memoryview", "mmap"]  # the child's shared memory, not a read in this process
    np.testing.assert_array_equal(np.load(tmp_path / "shown.npy"), expected)


def test_a_read_error_arrives_where_tblib_pickles_exceptions(tmp_path):
    """Dask's distributed installs tblib's exception pickling, which also pickles the traceback's frames: from
    a deep stack that overflowed the recursion limit and the error arrived as another one, its path doubled."""
    import copyreg

    pickling_support = pytest.importorskip("tblib.pickling_support", reason="tblib comes with the dev extra's Dask")
    path, in_process = _cut_plate(tmp_path)
    before = dict(copyreg.dispatch_table)
    pickling_support.install()
    try:

        def deep(n: int):
            return deep(n - 1) if n else first_read.start(str(path), fork=True).result(timeout=30)

        with pytest.raises(FormatError) as forked:
            deep(300)
    finally:
        copyreg.dispatch_table.clear()
        copyreg.dispatch_table.update(before)
    assert str(forked.value) == str(in_process)


def test_children_still_reading_are_stopped_at_exit(tmp_path, monkeypatch):
    """Closing the viewer before its first image arrived leaves no reader behind (atexit: `stop_children`)."""
    import time

    path = tmp_path / "plate.exr"
    _plate(path)
    monkeypatch.setattr(first_read, "read_path", lambda p: time.sleep(60))
    pending = first_read.start(str(path), fork=True)
    (pid,) = first_read._READING
    first_read.stop_children()
    with pytest.raises(FormatError, match="killed by SIGKILL"):
        pending.result(timeout=10)
    assert pid not in first_read._READING
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie either
