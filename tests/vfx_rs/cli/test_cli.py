"""The `vfx` executable, run in a subprocess on generated images."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_16BIT, ATOL_FLOAT32_ULP


def vfx(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed `vfx` entry point (through the interpreter running the tests)."""
    return subprocess.run(
        [sys.executable, "-m", "vfx_rs.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def exr_file(tmp_path: Path) -> Path:
    data = np.zeros((6, 8, 4), np.float32)
    data[..., 0] = np.linspace(0.0, 2.0, 8)
    data[0, 0, 1] = np.nan
    data[1, 1, 2] = np.inf
    data[..., 3] = 1.0
    path = tmp_path / "ramp.exr"
    vfx_rs.write(path, vfx_rs.Image(data))
    return path


def test_help_lists_commands_with_examples() -> None:
    out = vfx("--help")
    assert out.returncode == 0
    assert "info" in out.stdout and "convert" in out.stdout and "examples:" in out.stdout
    sub = vfx("convert", "--help")
    assert sub.returncode == 0 and "--pixel-type" in sub.stdout and "examples:" in sub.stdout


def test_info_json_with_stats(exr_file: Path) -> None:
    out = vfx("info", "--stats", "--json", str(exr_file))
    assert out.returncode == 0, out.stderr
    (report,) = json.loads(out.stdout)
    layer = report["layers"][0]
    assert report["format"] == "exr"
    assert (layer["width"], layer["height"], layer["channels"]) == (8, 6, ["R", "G", "B", "A"])
    by_channel = {s["channel"]: s for s in layer["stats"]}
    assert by_channel["R"]["min"] == 0.0 and by_channel["R"]["max"] == pytest.approx(2.0)
    assert by_channel["G"]["nan"] == 1 and by_channel["B"]["inf"] == 1


def test_info_text_and_error_for_missing_file(exr_file: Path, tmp_path: Path) -> None:
    out = vfx("info", str(exr_file), str(tmp_path / "missing.exr"))
    assert out.returncode == 1
    assert "8x6 R,G,B,A" in out.stdout
    assert "missing.exr: no such file" in out.stderr


def test_info_over_a_sequence_and_a_glob(tmp_path: Path) -> None:
    for frame, width in ((1001, 4), (1002, 5), (1004, 6)):
        vfx_rs.write(tmp_path / f"shot.{frame}.exr", vfx_rs.Image(np.full((2, width, 3), 0.5, np.float32)))
    out = vfx("info", "--json", str(tmp_path / "shot.####.exr"))
    assert out.returncode == 0, out.stderr
    assert [(Path(r["file"]).name, r["layers"][0]["width"]) for r in json.loads(out.stdout)] == [
        ("shot.1001.exr", 4),
        ("shot.1002.exr", 5),
        ("shot.1004.exr", 6),
    ]
    ranged = vfx("info", str(tmp_path / "shot.%04d.exr"), "--frames", "1002-1003")
    assert ranged.returncode == 1  # frame 1003 is missing: reported, the others still described
    assert "shot.1002.exr: exr" in ranged.stdout and "shot.1003.exr" in ranged.stderr
    globbed = vfx("info", "--json", str(tmp_path / "shot.100[14].exr"))
    assert [Path(r["file"]).name for r in json.loads(globbed.stdout)] == ["shot.1001.exr", "shot.1004.exr"]


def test_convert_to_png_and_half_exr(exr_file: Path, tmp_path: Path) -> None:
    png = tmp_path / "out.png"
    out = vfx("convert", str(exr_file), str(png), "--bit-depth", "16")
    assert out.returncode == 0, out.stderr
    back = vfx_rs.read(png)
    assert back.format == "u16"
    source = vfx_rs.read(exr_file).numpy()
    expected = np.clip(np.nan_to_num(source, nan=0.0), 0.0, 1.0)
    np.testing.assert_allclose(back.numpy(), expected, atol=ATOL_16BIT + ATOL_FLOAT32_ULP)

    half = tmp_path / "half.exr"
    assert vfx("convert", str(exr_file), str(half), "--pixel-type", "half", "--compression", "piz").returncode == 0
    assert vfx_rs.read(half).format == "f16"


def test_convert_rejects_bad_option_without_touching_output(exr_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.exr"
    out = vfx("convert", str(exr_file), str(target), "--compression", "bogus")
    assert out.returncode == 1 and "bogus" in out.stderr
    assert not target.exists()
