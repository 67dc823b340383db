"""The `vfx` command as a new user meets it: alpha for formats without it, a summary of what was written,
--quiet/--json, one error format, help with defaults, a clear word for shell-expanded globs and for a
missing Dask. Each expected value is computed here from the input pixels, not by the code under test."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_16BIT
from tests.vfx_rs.cli.conftest import ENV

ATOL_JPEG_8BIT = 3.0 / 255.0
"""JPEG at quality 100 with 4:4:4 chroma keeps flat colours within a few 8-bit codes."""


@pytest.fixture
def rgba_exr(tmp_path: Path) -> Path:
    """A flat premultiplied RGBA EXR: colour (0.2, 0.4, 0.1) at alpha 0.5."""
    data = np.empty((16, 16, 4), np.float32)
    data[...] = (0.2, 0.4, 0.1, 0.5)
    path = tmp_path / "in.exr"
    vfx_rs.write(path, vfx_rs.Image(data))
    return path


@pytest.mark.parametrize(
    ("alpha", "expected"),
    [
        ([], (0.2, 0.4, 0.1)),  # default over-black: the premultiplied colour
        (["--alpha", "drop"], (0.4, 0.8, 0.2)),  # straight colour C / A
        (["--alpha", "over-color=1,1,1"], (0.7, 0.9, 0.6)),  # C + (1 - A) * 1
    ],
)
def test_rgba_to_jpeg_composites_or_drops_alpha(run_vfx, rgba_exr: Path, alpha: list[str], expected: tuple) -> None:
    out = rgba_exr.with_name("out.jpg")
    proc = run_vfx("convert", rgba_exr, out, "--quality", "100", *alpha)
    assert proc.returncode == 0, proc.stderr
    img = vfx_rs.read(out)
    assert img.channels == 3
    np.testing.assert_allclose(img.numpy().mean(axis=(0, 1)), expected, atol=ATOL_JPEG_8BIT)
    assert "JPEG has no alpha" in proc.stderr and "wrote out.jpg" in proc.stderr.replace(str(out), "out.jpg")


def test_bad_alpha_mode_is_refused_before_any_frame(run_vfx, rgba_exr: Path) -> None:
    proc = run_vfx("convert", rgba_exr, rgba_exr.with_name("o.jpg"), "--alpha", "over-colour")
    assert proc.returncode == 1 and "over-black, over-color=R,G,B, drop" in proc.stderr
    assert not rgba_exr.with_name("o.jpg").exists()


@pytest.mark.parametrize(("name", "encoding"), [("o.png", "16-bit"), ("o.tif", "32-bit float"), ("o.dpx", "10-bit")])
def test_single_file_commands_say_what_they_wrote(run_vfx, rgba_exr: Path, name: str, encoding: str) -> None:
    proc = run_vfx("convert", rgba_exr, name, cwd=rgba_exr.parent)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == f"vfx: wrote {name}: 16x16 R,G,B,A, {encoding}"


def test_png_bit_depth_8_is_written_when_asked(run_vfx, rgba_exr: Path) -> None:
    proc = run_vfx("convert", rgba_exr, "o.png", "--bit-depth", "8", cwd=rgba_exr.parent)
    assert proc.returncode == 0 and "8-bit" in proc.stderr
    assert vfx_rs.read(rgba_exr.parent / "o.png").format == "u8"


def test_quiet_prints_nothing_and_json_summarises(run_vfx, tmp_path: Path) -> None:
    for f in (1, 2, 3):
        vfx_rs.write(tmp_path / f"s.{f}.exr", vfx_rs.Image(np.full((4, 4, 3), f / 4, np.float32)))
    quiet = run_vfx("convert", tmp_path / "s.#.exr", tmp_path / "q" / "s.#.png", "-q", "-j", "1")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    proc = run_vfx("convert", "s.#.exr", "j/s.#.png", "--json", "-j", "1", "--frames", "1-4", cwd=tmp_path)
    summary = json.loads(proc.stdout)
    assert proc.returncode == 0, proc.stderr
    assert summary["missing"] == [4] and summary["failed"] == []
    assert [w.split(":")[0] for w in summary["written"]] == [str(tmp_path / f"j/s.{f}.png") for f in (1, 2, 3)]
    np.testing.assert_allclose(vfx_rs.read(tmp_path / "j/s.2.png").numpy(), 0.5, atol=ATOL_16BIT)


def test_failed_frames_are_listed_in_order_with_relative_paths(run_vfx, tmp_path: Path) -> None:
    for f in range(1, 7):
        path = tmp_path / f"s.{f}.exr"
        if f % 2:
            path.write_bytes(b"v/1\x01 damaged")
        else:
            vfx_rs.write(path, vfx_rs.Image(np.zeros((4, 4, 3), np.float32)))
    proc = run_vfx("convert", "s.#.exr", "out/s.#.exr", "-j", "2", cwd=tmp_path)
    assert proc.returncode == 1
    assert "vfx: failed: frame 1, frame 3, frame 5" in proc.stderr
    assert "vfx: created folder out" in proc.stderr
    assert str(tmp_path) not in proc.stderr, proc.stderr  # paths as the user typed them
    assert "s.1.exr" in proc.stderr


def test_shell_expanded_glob_is_explained(run_vfx, tmp_path: Path) -> None:
    names = []
    for f in range(3):
        names.append(f"p{f}.exr")
        vfx_rs.write(tmp_path / names[-1], vfx_rs.Image(np.zeros((2, 2, 3), np.float32)))
    proc = run_vfx("convert", *names, "out/*.png", cwd=tmp_path)
    assert proc.returncode == 2
    assert "quote it" in proc.stderr and "unrecognized" not in proc.stderr


def test_scheduler_without_dask_names_the_extra(tmp_path: Path) -> None:
    import subprocess
    import sys

    fake = tmp_path / "nodask" / "dask"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('dask is not installed here')\n")
    vfx_rs.write(tmp_path / "a.exr", vfx_rs.Image(np.zeros((2, 2, 3), np.float32)))
    env = {**ENV, "PYTHONPATH": os.pathsep.join([str(fake.parent), ENV["PYTHONPATH"]])}
    proc = subprocess.run(
        [sys.executable, "-m", "vfx_rs.cli", "convert", "a.exr", "b.exr", "--scheduler", "local"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr.strip() == 'vfx: error: --scheduler needs dask.distributed: pip install "vfx-rs[dist]"'


@pytest.mark.parametrize("command", ["convert", "blur", "bake", "diff", "resize", "ocio", "grade"])
def test_help_is_plain_text_with_defaults(run_vfx, command: str) -> None:
    text = " ".join(run_vfx(command, "--help").stdout.split())
    assert "``" not in text and "`vfx" not in text
    if command == "blur":
        assert "(default: gaussian)" in text and "(default: clamp)" in text
    if command == "bake":
        assert "(default: shaper3d)" in text and "resize" not in text.split("--kind")[0]


def test_eta_counts_from_the_first_finished_frame() -> None:
    import io

    from vfx_rs.cli.progress import Progress

    progress = Progress(10, io.StringIO())
    progress.start -= 30.0  # 30 s of start-up before the first frame finished
    progress.advance()
    assert "ETA ?" in progress.line()
    progress._first -= 2.0  # then one frame every 2 s
    progress.advance()
    eta = float(progress.line().split("ETA ")[1].rstrip("s"))
    assert eta == pytest.approx(8 * 2.0, rel=0.05)


def test_display_and_view_by_a_unique_part_are_reported(run_vfx, tmp_path: Path) -> None:
    vfx_rs.write(tmp_path / "a.exr", vfx_rs.Image(np.full((2, 2, 3), 0.18, np.float32)))
    proc = run_vfx(
        "ocio", tmp_path / "a.exr", tmp_path / "b.exr", "--input", "ACEScg", "--display", "sRGB", "--view", "ACES"
    )
    assert proc.returncode == 0, proc.stderr
    assert "vfx: --display 'sRGB' is 'sRGB - Display'" in proc.stderr
    assert "vfx: --view 'ACES' is 'ACES 2.0 - SDR 100 nits (Rec.709)'" in proc.stderr
    proc = run_vfx("ocio", tmp_path / "a.exr", tmp_path / "c.exr", "--input", "ACEScg", "--display", "Rec")
    assert proc.returncode == 1 and "ambiguous" in proc.stderr and "Rec.1886 Rec.709 - Display" in proc.stderr


def test_output_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    for f in range(40):
        vfx_rs.write(tmp_path / f"s.{f}.exr", vfx_rs.Image(np.zeros((2, 2, 3), np.float32)))
    vfx = subprocess.Popen(
        [sys.executable, "-m", "vfx_rs.cli", "info", "s.#.exr"], cwd=tmp_path, env=ENV,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert vfx.stdout is not None
    vfx.stdout.readline()
    vfx.stdout.close()  # as `| head -1` does
    _, err = vfx.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err
