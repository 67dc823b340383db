"""`vfx trace` and `vfx info --census` on a file: the trace's last value is PyOpenColorIO's view of that
pixel, and the census counts are those made here from the file's pixels."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import PyOpenColorIO as OCIO

import vfx_rs
from tests.vfx_rs.cli.aces13 import ACES13_CONFIG, ACES13_VIEW

VIEW = ACES13_VIEW


def _picture(path: Path) -> np.ndarray:
    data = np.linspace(0.0, 4.0, 8 * 6 * 3, dtype=np.float32).reshape(6, 8, 3)
    data[2, 3] = (0.7, 0.2, 0.05)
    data[4, 1, 0], data[4, 2, 1] = np.nan, -np.inf
    vfx_rs.write(path, vfx_rs.Image(data))
    return data


def test_trace_ends_on_the_ocio_view_of_the_pixel(run_vfx, tmp_path: Path) -> None:
    data = _picture(tmp_path / "t.exr")
    proc = run_vfx("trace", tmp_path / "t.exr", "3", "2", *VIEW, "--json")
    assert proc.returncode == 0, proc.stderr
    trace = json.loads(proc.stdout)
    cfg = OCIO.Config.CreateFromBuiltinConfig(ACES13_CONFIG)
    t = OCIO.DisplayViewTransform(src="ACEScg", display="sRGB - Display", view="ACES 1.0 - SDR Video")
    cpu = cfg.getProcessor(t).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    pixel = data[2:3, 3:4].copy()
    cpu.applyRGB(pixel)
    np.testing.assert_allclose(trace["steps"][-1]["value"], pixel[0, 0], atol=1e-4)
    np.testing.assert_allclose(trace["input"], data[2, 3], rtol=1e-6)
    assert [s["index"] for s in trace["steps"]] == list(range(len(trace["steps"]))) and len(trace["steps"]) > 5
    text = run_vfx("trace", tmp_path / "t.exr", "3", "2", *VIEW).stdout
    assert "aces_glow" in text and "pixel (3, 2)" in text


def test_trace_outside_the_image_is_an_error(run_vfx, tmp_path: Path) -> None:
    _picture(tmp_path / "t.exr")
    proc = run_vfx("trace", tmp_path / "t.exr", "30", "2", *VIEW)
    assert proc.returncode == 1 and "outside the data window" in proc.stderr


def test_info_census_counts(run_vfx, tmp_path: Path) -> None:
    data = _picture(tmp_path / "t.exr")
    proc = run_vfx("info", "--census", "--json", tmp_path / "t.exr", *VIEW)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)[0]["layers"][0]["census"]
    assert found["counts"]["R"]["nan"] == int(np.isnan(data[..., 0]).sum()) == 1
    assert found["counts"]["G"]["-inf"] == 1 and found["positions"]["-inf"] == [[2, 4]]
    assert found["out_of_gamut"] >= 1


def test_trace_glsl_prints_the_debuggers_table(run_vfx, tmp_path: Path) -> None:
    """`--glsl`: each op's GLSL read-back beside NumPy; the last one is OCIO's view of the pixel too."""
    data = _picture(tmp_path / "t.exr")
    proc = run_vfx("trace", tmp_path / "t.exr", "3", "2", *VIEW, "--glsl", "--json")
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert found["first_difference"] is None and len(found["gl"]) == len(found["steps"])
    cfg = OCIO.Config.CreateFromBuiltinConfig(ACES13_CONFIG)
    t = OCIO.DisplayViewTransform(src="ACEScg", display="sRGB - Display", view="ACES 1.0 - SDR Video")
    cpu = cfg.getProcessor(t).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    pixel = data[2:3, 3:4].copy()
    cpu.applyRGB(pixel)
    np.testing.assert_allclose(found["gl"][-1], pixel[0, 0], atol=1e-3)
    text = run_vfx("trace", tmp_path / "t.exr", "3", "2", *VIEW, "--glsl").stdout
    assert "NumPy | GLSL" in text and "GLSL equals NumPy at every op" in text
