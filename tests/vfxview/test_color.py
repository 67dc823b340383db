"""Viewer color management: OCIO views and LUTs against PyOpenColorIO, GLSL preview against the NumPy core."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import numpy as np
import pytest

from tests.tolerances import (
    ATOL_BAKE_ACES_GREYS_65,
    ATOL_GLSL_VS_NUMPY,
    ATOL_LUT_OCIO,
    RTOL_OCIO_BUILTIN,
    RTOL_OCIO_PROCESSOR,
)
from tests.vfxview.color_fixtures import (
    ocio_apply,
    ocio_builtin_display,
    ocio_cpu,
    ocio_display,
    write_config,
    write_cube_1d,
    write_cube_3d,
)
from tests.vfxview.test_display import grade_reference
from vfx_rs.image import Image
from vfx_rs.view import BUILTIN_CONFIG, ViewSettings, load_config
from vfxview import color_commands, commands
from vfxview.script_viewer import ScriptViewer
from vfxview.state import ViewerState

OCIO = pytest.importorskip("PyOpenColorIO")

GRADE = ViewSettings(
    config=BUILTIN_CONFIG,
    view="ACES 1.0 - SDR Video",
    exposure=0.5,
    gamma=1.2,
    slope=(1.1, 0.95, 1.05),
    offset=(0.005, 0.0, -0.003),
    power=(0.9, 1.0, 1.15),
    saturation=0.85,
)
"""A grade touching every live control, on the built-in ACES 1.3 CG config (the ACES 2.x views have tests of their own)."""

HAND_VIEWS = [("sRGB", "Standard", ""), ("sRGB", "Film", ""), ("sRGB", "Standard", "warm"), ("Gamma22", "Standard", "")]
"""(display, view, look override) of the hand-written config."""

ACES_LOOK = "ACES 1.3 Reference Gamut Compression"


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("color")
    return {
        "config": str(write_config(folder)),
        "cube3d": str(write_cube_3d(folder)),
        "cube1d": str(write_cube_1d(folder)),
    }


@pytest.fixture
def scene(rng: np.random.Generator) -> np.ndarray:
    """Scene-linear values from deep shadow to highlights (with zeros and small negatives)."""
    v = np.exp(rng.uniform(-7.0, 2.5, size=(500, 3))).astype(np.float32)
    v[:8] = 0.0
    v[8:16] *= -0.01
    return v


def _relative_error(got: np.ndarray, ref: np.ndarray) -> float:
    return float(np.max(np.abs(got - ref) / np.maximum(1.0, np.abs(ref))))


def _mirror_gamma(x: np.ndarray, gamma: float) -> np.ndarray:
    return np.sign(x) * np.abs(x) ** (1.0 / gamma)


@pytest.mark.parametrize("space", ["lin_rec709", "lin_p3"])
@pytest.mark.parametrize(("display", "view", "look"), HAND_VIEWS)
def test_hand_config_view_with_grade_matches_ocio(files, scene, space, display, view, look):
    s = replace(GRADE, config=files["config"], input_space=space, display=display, view=view, look=look)
    got = s.pipeline().applied(scene)
    graded = grade_reference(scene, s).astype(np.float32)
    config = OCIO.Config.CreateFromFile(files["config"])
    ref = _mirror_gamma(ocio_display(config, graded, space, display, view, look), s.gamma)
    assert _relative_error(got, ref) <= RTOL_OCIO_PROCESSOR


@pytest.mark.parametrize("lut", ["cube3d", "cube1d"])
def test_lut_with_grade_matches_ocio_file_transform(files, rng, lut):
    values = rng.uniform(-0.1, 1.3, size=(500, 3)).astype(np.float32)
    s = replace(GRADE, gamma=1.0, source="lut", lut=files[lut])
    got = s.pipeline().applied(values)
    transform = OCIO.FileTransform(
        src=files[lut], interpolation=OCIO.INTERP_TETRAHEDRAL if lut == "cube3d" else OCIO.INTERP_LINEAR
    )
    cpu = ocio_cpu(OCIO.Config.CreateRaw().getProcessor(transform))
    ref = ocio_apply(cpu, grade_reference(values, s).astype(np.float32))
    np.testing.assert_allclose(got, ref, rtol=0, atol=ATOL_LUT_OCIO)


def test_builtin_aces_view_with_look_and_grade_matches_ocio(scene):
    s = replace(GRADE, input_space="ACEScg", look=ACES_LOOK)
    assert s.config == BUILTIN_CONFIG and (s.display, s.view) == ("sRGB - Display", "ACES 1.0 - SDR Video")
    got = s.pipeline().applied(scene)
    graded = grade_reference(scene, s).astype(np.float32)
    ref = _mirror_gamma(ocio_builtin_display(graded, "ACEScg", s.display, s.view, ACES_LOOK), s.gamma)
    assert _relative_error(got, ref) <= RTOL_OCIO_BUILTIN


@pytest.fixture(scope="module")
def context(qapp) -> Iterator[object]:
    from tests.gl_harness import make_context

    yield from make_context()


def _gpu_error(settings: ViewSettings, values: np.ndarray) -> float:
    from tests.gl_harness import render_pipeline

    pipeline = settings.pipeline()
    return float(np.max(np.abs(render_pipeline(pipeline.glsl(), values) - pipeline.applied(values))))


@pytest.mark.gl
def test_glsl_matches_numpy_for_hand_config_views_and_luts(context, files, scene):
    worst = 0.0
    for display, view, look in HAND_VIEWS:
        s = replace(GRADE, config=files["config"], input_space="lin_p3", display=display, view=view, look=look)
        worst = max(worst, _gpu_error(s, scene))
    for lut in ("cube3d", "cube1d"):
        worst = max(worst, _gpu_error(replace(GRADE, source="lut", lut=files[lut]), scene))
    assert worst <= ATOL_GLSL_VS_NUMPY


@pytest.mark.gl
def test_glsl_matches_numpy_for_every_builtin_display_view_with_look(context, scene):
    config = load_config(BUILTIN_CONFIG)
    worst, count = 0.0, 0
    for display in config.displays():
        for view in config.views(display):
            s = replace(GRADE, input_space="ACEScg", display=display, view=view, look=ACES_LOOK)
            worst = max(worst, _gpu_error(s, scene))
            count += 1
    assert count >= 18
    assert worst <= ATOL_GLSL_VS_NUMPY


@pytest.mark.gl
@pytest.mark.parametrize("transform", ["aces", "lut"])
def test_viewport_readback_matches_numpy(window, hdr_rgba, files, transform):
    """The real display.frag in the viewport (ACES view with a look, or a 3D LUT) read back as floats."""
    rgba = hdr_rgba.copy()
    rgba[..., 3] = 1.0
    state = window.state
    commands.show_loaded(state, "hdr", Image(rgba))
    state.update(**{k: getattr(GRADE, k) for k in ("exposure", "gamma", "slope", "offset", "power", "saturation")})
    if transform == "aces":
        assert color_commands.configure(state, input_space="ACEScg", display="Rec.2100-PQ - Display", look=ACES_LOOK)
    else:
        assert color_commands.set_lut(state, files["cube3d"]), state.error
    gpu = window.viewport.render_float()[..., :3]
    cpu = state.settings.apply(state.image).numpy()[..., :3]
    assert float(np.max(np.abs(gpu - cpu))) <= ATOL_GLSL_VS_NUMPY


def test_set_config_keeps_names_the_new_config_has(files):
    state = ViewerState()
    assert color_commands.set_config(state, files["config"]), state.error
    assert (state.input_space, state.display, state.view, state.look) == ("scene_linear", "sRGB", "Standard", "")
    assert color_commands.configure(state, input_space="lin_p3", display="sRGB", view="Film")
    assert color_commands.set_config(state, BUILTIN_CONFIG), state.error
    assert (state.input_space, state.display, state.view) == ("scene_linear", "sRGB - Display", "ACES 1.0 - SDR Video")


def test_broken_config_lut_or_names_leave_a_message_and_the_previous_state(files, tmp_path):
    state = ViewerState()
    before = state.settings
    bad_config = tmp_path / "bad.ocio"
    bad_config.write_text("ocio_profile_version: 2\ncolorspaces: [\n", encoding="utf-8")
    bad_lut = tmp_path / "bad.cube"
    bad_lut.write_text("LUT_3D_SIZE 2\n0 0 0\n1 1\n", encoding="utf-8")
    bomb = tmp_path / "bomb.ocio"  # nested aliases: a billion values once expanded (issue 16)
    levels = [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    bomb.write_text(
        "\n".join(["ocio_profile_version: 2", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]", *levels, "name: *a8"])
    )
    folder_lut = tmp_path / "folder.cube"
    folder_lut.mkdir()
    attempts = [
        (lambda: color_commands.set_config(state, bad_config), "bad.ocio"),
        (lambda: color_commands.set_config(state, bomb), "bomb.ocio"),
        (lambda: color_commands.set_lut(state, folder_lut), "folder.cube"),
        (lambda: color_commands.set_config(state, tmp_path / "missing.ocio"), "missing.ocio"),
        (lambda: color_commands.set_lut(state, bad_lut), "bad.cube"),
        (lambda: color_commands.set_input_space(state, "NoSpace"), "NoSpace"),
        (lambda: color_commands.set_display(state, "sRGB - Display", "NoView"), "NoView"),
        (lambda: color_commands.set_look(state, "NoLook"), "NoLook"),
        (lambda: color_commands.set_source(state, "lut"), "LUT"),
    ]
    for attempt, name in attempts:
        assert not attempt()
        assert name in state.error
        assert state.settings == before


def test_ocio_env_config(files, monkeypatch):
    monkeypatch.setenv("OCIO", files["config"])
    state = ViewerState()
    assert "$OCIO" in color_commands.config_choices()
    assert color_commands.set_config(state, "$OCIO"), state.error
    assert state.display == "sRGB"


def test_grade_is_ocio_cdl_noclamp(rng):
    """Exposure folded into slope, then OCIO's CDLTransform (ASC CDL v1.2, no-clamp style) on HDR and negative values."""
    values = np.concatenate([np.exp(rng.uniform(-7.0, 3.0, size=(300, 3))), -rng.uniform(0, 0.05, size=(20, 3))])
    values = values.astype(np.float32)
    gain = 2.0**GRADE.exposure
    cdl = OCIO.CDLTransform(
        slope=[v * gain for v in GRADE.slope], offset=list(GRADE.offset), power=list(GRADE.power), sat=GRADE.saturation
    )
    cdl.setStyle(OCIO.CDL_NO_CLAMP)
    ref = ocio_apply(ocio_cpu(OCIO.Config.CreateRaw().getProcessor(cdl)), values)

    assert _relative_error(GRADE.grade_pipeline().applied(values), ref) <= RTOL_OCIO_PROCESSOR


@pytest.mark.parametrize("suffix", [".cc", ".cdl"])
def test_saved_grade_read_by_ocio_transforms_like_the_viewer(tmp_path, suffix):
    state = ViewerState()
    state.update(**{k: getattr(GRADE, k) for k in ("exposure", "slope", "offset", "power", "saturation")})
    path = tmp_path / f"grade{suffix}"
    assert commands.save_grade(state, path), state.error
    values = np.exp(np.linspace(-7.0, 3.0, 300)).reshape(100, 3).astype(np.float32)
    ref = ocio_apply(
        ocio_cpu(OCIO.Config.CreateRaw().getProcessor(OCIO.CDLTransform.CreateFromFile(str(path), ""))), values
    )

    assert _relative_error(state.settings.grade_pipeline().applied(values), ref) <= RTOL_OCIO_PROCESSOR


@pytest.mark.gl
def test_export_runs_off_the_ui_thread_with_progress(window, qtbot, hdr_rgba, tmp_path):
    import vfx_rs

    commands.show_loaded(window.state, "hdr", Image(hdr_rgba))
    window.state.update(exposure=0.5, power=(1.1, 1.0, 0.9))
    seen: list[float] = []
    out = tmp_path / "shown.exr"
    job = window.export(str(out))
    job.bridge.progressed.connect(seen.append)
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=10000)
    assert window.state.error == ""
    expected = window.state.settings.apply(window.state.image).numpy()
    np.testing.assert_array_equal(vfx_rs.read(out).numpy(), expected)
    assert len(seen) >= 2 and seen == sorted(seen) and seen[-1] == 1.0


def test_baked_view_applied_by_ocio_matches_ocio_view(tmp_path):
    """Grade + ACES sRGB view baked to a log2-shaper .cube, applied by OCIO, against OCIO's own view on greys."""

    s = ViewSettings(exposure=0.5, input_space="ACEScg")
    path = tmp_path / "view.cube"
    s.bake(path)
    greys = np.repeat((0.18 * 2.0 ** np.linspace(-9.0, 6.5, 400))[:, None], 3, axis=1).astype(np.float32)
    cube = ocio_apply(
        ocio_cpu(
            OCIO.Config.CreateRaw().getProcessor(
                OCIO.FileTransform(src=str(path), interpolation=OCIO.INTERP_TETRAHEDRAL)
            )
        ),
        greys,
    )
    ref = ocio_builtin_display(greys * np.float32(2.0**0.5), "ACEScg", s.display, s.view, config=s.config)
    assert float(np.max(np.abs(cube - ref))) <= ATOL_BAKE_ACES_GREYS_65


@pytest.mark.gl
def test_color_settings_are_remembered_between_runs(qtbot, files, tmp_path):
    from PySide6.QtCore import QSettings

    from vfxview.window import MainWindow

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path))
    first = MainWindow(remember_layout=True)
    qtbot.addWidget(first)
    assert color_commands.set_config(first.state, files["config"])
    assert color_commands.configure(first.state, input_space="lin_p3", display="sRGB", view="Film")
    first.close()
    second = MainWindow(remember_layout=True)
    qtbot.addWidget(second)
    s = second.state
    assert (s.config, s.input_space, s.display, s.view, s.source) == (files["config"], "lin_p3", "sRGB", "Film", "ocio")
    assert s.error == ""
    second.close()


@pytest.mark.parametrize("how", ["look", "lut", "grade-only"])
def test_headless_export_of_a_look_or_lut_matches_ocio(files, tmp_path, hdr_rgba, how):
    import vfx_rs
    from vfxview.app import main

    src, out = tmp_path / "in.exr", tmp_path / "out.exr"
    vfx_rs.write(src, Image(hdr_rgba))
    rgb = vfx_rs.read(src).numpy()[..., :3]
    if how == "look":
        args = ["--config", files["config"], "--input", "lin_p3", "--view", "Standard", "--look", "warm"]
        ref = ocio_display(OCIO.Config.CreateFromFile(files["config"]), rgb, "lin_p3", "sRGB", "Standard", "warm")
    elif how == "lut":
        args = ["--lut", files["cube3d"], "--exposure", "-3"]
        transform = OCIO.FileTransform(src=files["cube3d"], interpolation=OCIO.INTERP_TETRAHEDRAL)
        ref = ocio_apply(ocio_cpu(OCIO.Config.CreateRaw().getProcessor(transform)), rgb * np.float32(0.125))
    else:
        args = ["--exposure", "1", "--grade-only"]
        ref = rgb.astype(np.float64) * 2.0
    assert main([str(src), *args, "--export", str(out)]) == 0
    got = vfx_rs.read(out).numpy()
    assert _relative_error(got[..., :3], ref) <= RTOL_OCIO_PROCESSOR
    np.testing.assert_array_equal(got[..., 3], hdr_rgba[..., 3])


def test_console_viewer_drives_color_and_bake(files, tmp_path):
    viewer = ScriptViewer(ViewerState())
    assert viewer.set_config(files["config"]) and viewer.set_input_space("lin_p3")
    assert viewer.set_view("sRGB", "Film")
    assert (viewer.state.display, viewer.state.view, viewer.state.input_space) == ("sRGB", "Film", "lin_p3")
    assert viewer.set_lut(files["cube1d"]) and viewer.state.source == "lut"
    assert viewer.bake(tmp_path / "v.cube") and (tmp_path / "v.cube").stat().st_size > 0
    assert not viewer.set_view("NoDisplay") and "NoDisplay" in viewer.state.error


@pytest.mark.gl
def test_color_panel_pickers(window, qtbot, chart):
    commands.show_loaded(window.state, "chart", Image(np.nan_to_num(chart)))
    panel = window.panels["Color"]
    panel.look.setCurrentText(ACES_LOOK)
    panel.look.activated.emit(panel.look.currentIndex())
    assert window.state.look == ACES_LOOK and window.state.error == ""
    panel.input_space.setCurrentText("ACES2065-1")
    panel.input_space.activated.emit(panel.input_space.currentIndex())
    assert window.state.input_space == "ACES2065-1"
    panel.source.setCurrentIndex(2)
    panel.source.activated.emit(2)
    assert window.state.source == "raw" and not panel.display.isEnabled()
    before = window.viewport.compile_count
    qtbot.waitUntil(lambda: window.viewport.compile_count > before, timeout=5000)
