"""`vfx parity`: runs the viewer's check in a subprocess; exit status gates on the threshold; a clear message
without the [app] extra. The numbers are checked against an independent GL render of the same function."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_GLSL_VS_NUMPY
from tests.vfx_rs.cli.aces13 import ACES13_VIEW
from vfx_rs.view import ViewSettings

VIEW = (*ACES13_VIEW, "--exposure", "1")


def _picture(path: Path) -> np.ndarray:
    data = np.geomspace(1e-3, 30.0, 16 * 12 * 3, dtype=np.float32).reshape(12, 16, 3)
    data[3, 4, 0] = np.nan
    vfx_rs.write(path, vfx_rs.Image(data))
    return data


@pytest.mark.gl
def test_parity_json_and_exit_status(run_vfx, tmp_path: Path, gl_context) -> None:
    from tests.gl_harness import render_pipeline

    data = _picture(tmp_path / "p.exr")
    proc = run_vfx("parity", tmp_path / "p.exr", *VIEW, "--json", "--heatmap", tmp_path / "heat.png")
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert found["passed"] and found["skipped"] == 1 and found["pixels"] == 12 * 16 - 1
    settings = ViewSettings(input_space="ACEScg", exposure=1.0)
    gl = render_pipeline(settings.glsl(), data.reshape(-1, 3)).reshape(data.shape)
    exact = settings.apply(vfx_rs.Image(data)).pixels[..., :3]
    independent = np.abs(gl - exact)[np.isfinite(data).all(axis=-1)].max()
    assert found["max_error"] <= ATOL_GLSL_VS_NUMPY and abs(found["max_error"] - independent) <= 1e-6
    assert vfx_rs.read(tmp_path / "heat.png").pixels.shape[:2] == (12, 16)
    strict = run_vfx("parity", tmp_path / "p.exr", *VIEW, "--threshold", "1e-12")
    assert strict.returncode == (1 if found["max_error"] > 1e-12 else 0), strict.stderr
    assert "threshold 1e-12" in strict.stdout


def test_parity_bad_input_and_missing_app(run_vfx, tmp_path: Path, monkeypatch, capsys) -> None:
    proc = run_vfx("parity", tmp_path / "missing.exr")
    assert proc.returncode == 2 and "missing.exr" in proc.stderr
    from vfx_rs.cli import parity

    monkeypatch.setattr(parity.importlib.util, "find_spec", lambda name: None)
    assert parity.run(argparse.Namespace(image="x.exr")) == 2
    err = capsys.readouterr().err
    assert "[app]" in err and "PySide6" in err
