"""One set of view options for ``vfx ocio``, ``grade``, ``lut`` and ``vfxview``, and ``--settings FILE``, against OCIO."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_LUT_OCIO, RTOL_OCIO_BUILTIN, RTOL_OCIO_PROCESSOR
from tests.vfxview.color_fixtures import ocio_apply, ocio_cpu, write_cube_3d
from vfx_rs.view import OCIO_DEFAULT_CONFIG, OCIO_DEFAULT_VIEW, ViewSettings

OCIO = pytest.importorskip("PyOpenColorIO")

ROOT = Path(__file__).resolve().parents[3]

SETTINGS = ViewSettings(
    input_space="ACEScg",
    display="sRGB - Display",
    view=OCIO_DEFAULT_VIEW,
    exposure=0.5,
    slope=(1.1, 0.95, 1.0),
    offset=(0.01, 0.0, -0.004),
    power=(1.0, 1.05, 0.9),
    saturation=0.85,
    gamma=1.2,
)

FLAGS = (
    *("--input", "ACEScg", "--display", "sRGB - Display", "--view", OCIO_DEFAULT_VIEW, "--exposure", "0.5"),
    *("--slope", "1.1", "0.95", "1.0", "--offset", "0.01", "0", "-0.004", "--power", "1", "1.05", "0.9"),
    *("--sat", "0.85", "--gamma", "1.2"),
)
"""SETTINGS as command-line options (no --config: the default, OCIO's ``ocio://default``)."""


STUDIO_CONFIG = """\
ocio_profile_version: 2
roles: {scene_linear: lin, default: lin}
displays:
  Studio:
    - !<View> {name: Gamma, colorspace: gamma}
    - !<View> {name: Linear, colorspace: lin}
  Other:
    - !<View> {name: Linear, colorspace: lin}
colorspaces:
  - !<ColorSpace> {name: lin}
  - !<ColorSpace>
    name: gamma
    from_scene_reference: !<ExponentTransform> {value: 2.2, direction: inverse}
"""
"""A studio's config as $OCIO names it: its first display and that display's first view are the defaults."""


def _grade_steps(s: ViewSettings) -> list[object]:
    """OCIO's own grade: ExposureContrast (linear), then CDLTransform in its no-clamp style."""
    cdl = OCIO.CDLTransform(slope=list(s.slope), offset=list(s.offset), power=list(s.power), sat=s.saturation)
    cdl.setStyle(OCIO.CDL_NO_CLAMP)
    return [OCIO.ExposureContrastTransform(exposure=s.exposure, style=OCIO.EXPOSURE_CONTRAST_LINEAR), cdl]


def _relative(got: np.ndarray, ref: np.ndarray) -> float:
    return float(np.max(np.abs(got - ref) / np.maximum(1.0, np.abs(ref))))


@pytest.fixture(scope="module")
def plate(tmp_path_factory) -> tuple[Path, np.ndarray]:
    rng = np.random.default_rng(12)
    pixels = np.exp(rng.uniform(-5.0, 2.0, size=(12, 16, 3))).astype(np.float32)
    path = tmp_path_factory.mktemp("plate") / "plate.exr"
    vfx_rs.write(path, vfx_rs.Image(pixels))
    return path, pixels


def test_ocio_settings_file_and_the_same_options_give_ocios_chain(run_vfx, plate, tmp_path):
    src, pixels = plate
    SETTINGS.save(tmp_path / "view.json")
    from_file, from_flags = tmp_path / "file.exr", tmp_path / "flags.exr"
    assert run_vfx("ocio", src, from_file, "--settings", tmp_path / "view.json").returncode == 0
    r = run_vfx("ocio", src, from_flags, *FLAGS)
    assert r.returncode == 0, r.stderr
    got = vfx_rs.read(from_file).numpy()[..., :3]
    np.testing.assert_array_equal(got, vfx_rs.read(from_flags).numpy()[..., :3])
    config = OCIO.Config.CreateFromFile(OCIO_DEFAULT_CONFIG)
    view = OCIO.DisplayViewTransform(src="ACEScg", display=SETTINGS.display, view=SETTINGS.view)
    shown = ocio_apply(ocio_cpu(config.getProcessor(OCIO.GroupTransform([*_grade_steps(SETTINGS), view]))), pixels)
    assert _relative(got, np.sign(shown) * np.abs(shown) ** (1 / SETTINGS.gamma)) <= RTOL_OCIO_BUILTIN


def test_ocio_from_and_looks_are_other_names_of_input_and_look(run_vfx, plate, tmp_path):
    src, _ = plate
    names = {"new": ("--input", "--look"), "old": ("--from", "--looks")}
    for label, (inp, look) in names.items():
        out = tmp_path / f"{label}.exr"
        r = run_vfx("ocio", src, out, inp, "ACEScg", "--to", "ACEScct", look, "ACES 1.3 Reference Gamut Compression")
        assert r.returncode == 0, r.stderr
    np.testing.assert_array_equal(vfx_rs.read(tmp_path / "new.exr").numpy(), vfx_rs.read(tmp_path / "old.exr").numpy())


def test_ocio_refuses_a_grade_it_would_ignore(run_vfx, plate, tmp_path):
    src, _ = plate
    r = run_vfx("ocio", src, tmp_path / "x.exr", "--input", "ACEScg", "--to", "ACEScct", "--exposure", "1")
    assert r.returncode != 0 and "exposure" in r.stderr and not (tmp_path / "x.exr").exists()


def test_grade_takes_the_grade_of_a_settings_file(run_vfx, plate, tmp_path):
    src, pixels = plate
    SETTINGS.save(tmp_path / "view.json")
    out = tmp_path / "graded.exr"
    r = run_vfx("grade", src, out, "--settings", tmp_path / "view.json", "--sat", "1.2")
    assert r.returncode == 0, r.stderr
    expected_settings = SETTINGS.replace(saturation=1.2)
    grade = OCIO.GroupTransform(_grade_steps(expected_settings))
    ref = ocio_apply(ocio_cpu(OCIO.Config.CreateRaw().getProcessor(grade)), pixels)
    assert _relative(vfx_rs.read(out).numpy()[..., :3], ref) <= RTOL_OCIO_PROCESSOR


def test_lut_with_the_viewers_grade_options(run_vfx, tmp_path):
    cube = write_cube_3d(tmp_path)
    pixels = np.random.default_rng(3).uniform(0.0, 0.7, size=(8, 8, 3)).astype(np.float32)
    vfx_rs.write(tmp_path / "in.exr", vfx_rs.Image(pixels))
    r = run_vfx("lut", tmp_path / "in.exr", cube, tmp_path / "out.exr", "--exposure", "-0.5", "--interp", "trilinear")
    assert r.returncode == 0, r.stderr
    steps = [
        OCIO.ExposureContrastTransform(exposure=-0.5, style=OCIO.EXPOSURE_CONTRAST_LINEAR),
        OCIO.FileTransform(src=str(cube), interpolation=OCIO.INTERP_LINEAR),
    ]
    ref = ocio_apply(ocio_cpu(OCIO.Config.CreateRaw().getProcessor(OCIO.GroupTransform(steps))), pixels)
    np.testing.assert_allclose(vfx_rs.read(tmp_path / "out.exr").numpy()[..., :3], ref, rtol=0, atol=ATOL_LUT_OCIO)


def test_vfxview_export_with_the_settings_file_matches_vfx_ocio(run_vfx, plate, tmp_path):
    src, _ = plate
    SETTINGS.save(tmp_path / "view.json")
    assert run_vfx("ocio", src, tmp_path / "cli.exr", "--settings", tmp_path / "view.json").returncode == 0
    viewer = subprocess.run(
        [
            sys.executable,
            "-m",
            "vfxview",
            str(src),
            "--settings",
            str(tmp_path / "view.json"),
            "--export",
            str(tmp_path / "viewer.exr"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert viewer.returncode == 0, viewer.stderr
    cli, shown = (vfx_rs.read(tmp_path / f"{n}.exr").numpy()[..., :3] for n in ("cli", "viewer"))
    assert _relative(shown, cli) <= RTOL_OCIO_PROCESSOR  # live vs fused form of one chain: float rounding apart


def test_ocio_environment_config_is_the_default(run_vfx, plate, tmp_path):
    """With $OCIO set and no --config, `vfx ocio` uses that config (its display's default view), as OCIO's
    Config.CreateFromEnv does."""
    src, pixels = plate
    config = tmp_path / "studio.ocio"
    config.write_text(STUDIO_CONFIG)
    out = tmp_path / "env.exr"
    r = run_vfx("ocio", src, out, "--input", "lin", "--display", "Studio", env={"OCIO": str(config)})
    assert r.returncode == 0, r.stderr
    reference = OCIO.Config.CreateFromFile(str(config))
    view = OCIO.DisplayViewTransform(src="lin", display="Studio", view="Gamma")
    expected = ocio_apply(ocio_cpu(reference.getProcessor(view)), pixels)
    assert _relative(vfx_rs.read(out).numpy()[..., :3], expected) <= RTOL_OCIO_BUILTIN
