"""Batch runs of the real `vfx` over generated sequences: local processes, a Dask LocalCluster, failed and
missing frames, and a run killed midway then resumed with --skip-existing."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import PyOpenColorIO as OCIO
import pytest

import vfx_rs
from tests.tolerances import ATOL_16BIT, ATOL_FLOAT32_ULP, RTOL_OCIO_BUILTIN
from tests.vfx_rs.cli.aces13 import ACES13_CONFIG, ACES13_VIEW
from tests.vfx_rs.cli.conftest import ENV, VFX

FRAMES = range(1001, 1025)
"""24 frames."""

VIEW = ACES13_VIEW
"""The ACES 1.0 SDR sRGB view of the built-in ACES 1.3 CG config (``--input`` is ``--from``'s other name)."""


def frame_pixels(frame: int, shape: tuple[int, int] = (18, 24)) -> np.ndarray:
    """Distinct RGBA content per frame, values in 0..1."""
    rng = np.random.default_rng(frame)
    data = rng.random((*shape, 4), dtype=np.float32)
    data[..., 3] = 1.0
    return data


@pytest.fixture(scope="module")
def sequence(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """in/shot.1001.exr .. in/shot.1024.exr."""
    folder = tmp_path_factory.mktemp("seq") / "in"
    folder.mkdir()
    for f in FRAMES:
        vfx_rs.write(folder / f"shot.{f}.exr", vfx_rs.Image(frame_pixels(f)))
    return folder


def ocio_view(data: np.ndarray) -> np.ndarray:
    """The OCIO view of `VIEW` applied by PyOpenColorIO (F32, lossless)."""
    cfg = OCIO.Config.CreateFromBuiltinConfig(ACES13_CONFIG)
    t = OCIO.DisplayViewTransform(src="ACEScg", display="sRGB - Display", view="ACES 1.0 - SDR Video")
    cpu = cfg.getProcessor(t).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    rgb = np.ascontiguousarray(data[..., :3])
    cpu.applyRGB(rgb)
    return rgb


def test_ocio_view_over_24_frames_local_and_dask_identical(run_vfx, sequence: Path, tmp_path: Path) -> None:
    local = run_vfx("ocio", sequence / "shot.####.exr", tmp_path / "local" / "out.####.exr", *VIEW, "-j", "2")
    assert local.returncode == 0, local.stderr
    assert "[24/24] 100%" in local.stderr and "24 done, 0 failed" in local.stderr
    dask = run_vfx(
        "ocio", sequence / "shot.%04d.exr", tmp_path / "dask" / "out.%04d.exr", *VIEW, "--scheduler", "local", "-j", "2"
    )
    assert dask.returncode == 0, dask.stderr
    assert "24 done, 0 failed" in dask.stderr
    assert "dask scheduler tcp://127.0.0.1:" in dask.stderr and ", 2 workers" in dask.stderr
    for f in FRAMES:
        a = vfx_rs.read(tmp_path / "local" / f"out.{f}.exr").numpy()
        b = vfx_rs.read(tmp_path / "dask" / f"out.{f}.exr").numpy()
        np.testing.assert_array_equal(a, b)
        expected = ocio_view(frame_pixels(f))
        np.testing.assert_allclose(a[..., :3], expected, rtol=RTOL_OCIO_BUILTIN, atol=RTOL_OCIO_BUILTIN)


def test_unreadable_frame_is_reported_and_others_complete(run_vfx, sequence: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "in"
    shutil.copytree(sequence, damaged)
    (damaged / "shot.1007.exr").write_bytes(b"\x76\x2f\x31\x01" + b"garbage" * 10)
    out = tmp_path / "out"
    r = run_vfx("convert", damaged / "shot.@@@@.exr", out / "o.@@@@.exr", "-j", "2")
    assert r.returncode == 1
    assert "frame 1007 failed" in r.stderr and "shot.1007.exr" in r.stderr
    assert "23 done, 1 failed" in r.stderr
    assert not (out / "o.1007.exr").exists()
    for f in FRAMES:
        if f != 1007:
            np.testing.assert_array_equal(vfx_rs.read(out / f"o.{f}.exr").numpy(), frame_pixels(f))


def test_missing_frames_reported_and_fatal_with_strict(run_vfx, sequence: Path, tmp_path: Path) -> None:
    holes = tmp_path / "in"
    shutil.copytree(sequence, holes)
    (holes / "shot.1010.exr").unlink()
    (holes / "shot.1011.exr").unlink()
    out = tmp_path / "out"
    r = run_vfx("convert", holes / "shot.####.exr", out / "o.####.exr", "--frames", "1001-1013x3")
    assert r.returncode == 0, r.stderr
    assert "missing input frames (1): 1010" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["o.1001.exr", "o.1004.exr", "o.1007.exr", "o.1013.exr"]

    strict = run_vfx("convert", holes / "shot.####.exr", tmp_path / "s" / "o.####.exr", "--strict")
    assert strict.returncode == 1 and "1010-1011" in strict.stderr
    assert not (tmp_path / "s").exists()


def test_glob_input_to_folder_pattern(run_vfx, sequence: Path, tmp_path: Path) -> None:
    r = run_vfx("convert", f"{sequence}/shot.100[1-3].exr", tmp_path / "*.png", "--bit-depth", "16", "-j", "1")
    assert r.returncode == 0, r.stderr
    for f in (1001, 1002, 1003):
        png = vfx_rs.read(tmp_path / f"shot.{f}.png")
        np.testing.assert_allclose(png.numpy(), frame_pixels(f), atol=ATOL_16BIT + ATOL_FLOAT32_ULP)


def test_killed_run_resumes_with_skip_existing(sequence: Path, tmp_path: Path, run_vfx) -> None:
    big = tmp_path / "in"
    big.mkdir()
    for f in FRAMES:
        vfx_rs.write(big / f"shot.{f}.exr", vfx_rs.Image(frame_pixels(f, (96, 128))))
    out = tmp_path / "out"
    args = [str(big / "shot.####.exr"), str(out / "o.####.exr"), "-s", "blur --radius 40", "-j", "2"]
    proc = subprocess.Popen([*VFX, "chain", *args], start_new_session=True, stderr=subprocess.PIPE, env=ENV)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and any(p.name.startswith("o.") for p in out.iterdir())):
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = sorted(p.name for p in out.iterdir() if p.name.startswith("o."))
    assert 1 <= len(done_before) < 24, "the run must be killed midway"
    expected = {f: vfx_rs.ops.blur(frame_pixels(f, (96, 128)), 40) for f in FRAMES}
    for name in done_before:  # whatever was there when killed is complete
        np.testing.assert_array_equal(vfx_rs.read(out / name).numpy(), expected[int(name.split(".")[1])])

    # resuming with --skip-existing removes what a killed writer left beside the outputs:
    # where unnamed files are not available, a killed writer leaves a named temporary (io.atomic.temporary_name)
    # holding its process id; plant one of a process that no longer runs
    (out / f".o.1024.exr.{_dead_pid()}-0badc0de.tmp.exr").write_bytes(b"partial")
    resumed = run_vfx("chain", *args, "--skip-existing")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{24 - len(done_before)} done, 0 failed, {len(done_before)} skipped" in resumed.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"o.{f}.exr" for f in FRAMES]  # no temporary files left
    for f in FRAMES:
        np.testing.assert_array_equal(vfx_rs.read(out / f"o.{f}.exr").numpy(), expected[f])


def test_composite_over_a_background_sequence(run_vfx, sequence: Path, tmp_path: Path) -> None:
    bg = tmp_path / "bg"
    bg.mkdir()
    for f in (1001, 1002, 1003):
        vfx_rs.write(bg / f"bg.{f}.exr", vfx_rs.Image(np.full((18, 24, 4), [f - 1000, 0.0, 0.5, 1.0], np.float32)))
    fg = tmp_path / "fg"
    fg.mkdir()
    for f in (1001, 1002, 1003):
        data = frame_pixels(f)
        data[..., 3] = 0.5
        data[..., :3] *= 0.5
        vfx_rs.write(fg / f"fg.{f}.exr", vfx_rs.Image(data))
    r = run_vfx("composite", fg / "fg.####.exr", bg / "bg.####.exr", tmp_path / "c.####.exr", "-j", "2")
    assert r.returncode == 0, r.stderr
    for f in (1001, 1002, 1003):
        expected = vfx_rs.ops.over(vfx_rs.read(fg / f"fg.{f}.exr").numpy(), vfx_rs.read(bg / f"bg.{f}.exr").numpy())
        np.testing.assert_array_equal(vfx_rs.read(tmp_path / f"c.{f}.exr").numpy(), expected)


def test_scheduler_address_gathers_errors_from_workers(run_vfx, sequence: Path, tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    damaged = tmp_path / "in"
    shutil.copytree(sequence, damaged)
    (damaged / "shot.1003.exr").write_bytes(b"not an exr")
    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as c:
        r = run_vfx(
            "grade",
            damaged / "shot.####.exr",
            out / "g.####.exr",
            "--exposure",
            "1",
            "--scheduler",
            c.scheduler_address,
        )
    assert r.returncode == 1
    assert f"dask scheduler {c.scheduler_address}, 2 workers" in r.stderr
    assert "frame 1003 failed" in r.stderr and "23 done, 1 failed" in r.stderr
    for f in FRAMES:
        if f != 1003:
            expected = frame_pixels(f)
            expected[..., :3] *= 2.0
            np.testing.assert_array_equal(vfx_rs.read(out / f"g.{f}.exr").numpy(), expected)


def _dead_pid() -> int:
    """A process id that no process holds now."""
    pid = 4_000_000
    while os.path.exists(f"/proc/{pid}"):
        pid += 1
    return pid
