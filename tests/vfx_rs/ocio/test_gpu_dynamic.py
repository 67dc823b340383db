"""vfx-rs-py's GpuProcessor, DynamicProcessor, ProcessorCache and flat-array processors (issue 21).

Values against PyOpenColorIO's CPU processor on the built-in ACES 1.3 CG config
(``cg-config-v2.2.0_aces-v1.3_ocio-v2.4``); the dynamic adjustments against the OCIO
transforms with the same formulas; the GLSL rendered offscreen against the NumPy core.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.tolerances import ATOL_DISPLAY_OCIO, ATOL_GLSL_VS_NUMPY
from tests.vfx_rs.ocio import oracle
from vfx_rs import ArgumentError
from vfx_rs.ocio import (
    ColorConfig,
    Config,
    Context,
    DynamicProcessor,
    GpuLanguage,
    GpuProcessor,
    OcioProcessor,
    OptimizationLevel,
    ProcessorCache,
)
from vfx_rs.pipeline import GlslProgram

CG_CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
CONVERSIONS = [("ACEScg", "sRGB Encoded Rec.709 (sRGB)"), ("ACES2065-1", "ACEScct"), ("ACEScct", "ACEScg")]


@pytest.fixture(scope="module")
def ocio_config() -> Any:
    import PyOpenColorIO as OCIO

    return OCIO.Config.CreateFromBuiltinConfig(CG_CONFIG)


def _pixels() -> np.ndarray:
    return np.random.default_rng(7).uniform(-0.05, 4.0, (300, 3)).astype(np.float32)


def _ocio(config: Any, transforms: list[Any], px: np.ndarray) -> np.ndarray:
    import PyOpenColorIO as OCIO

    group = OCIO.GroupTransform()
    for t in transforms:
        group.appendTransform(t)
    return oracle.run_cpu(oracle.ocio_cpu(config.getProcessor(group)), px)


@pytest.mark.parametrize(("src", "dst"), CONVERSIONS)
def test_flat_array_processor_matches_opencolorio(ocio_config: Any, src: str, dst: str) -> None:
    proc = ColorConfig.aces_1_3().processor(src, dst)
    assert isinstance(proc, OcioProcessor)
    px = _pixels()
    want = oracle.run_cpu(oracle.ocio_cpu(ocio_config.getProcessor(src, dst)), px)
    flat = px.ravel().copy()
    proc.apply_rgb(flat)  # in place, [r, g, b, r, g, b, ...]
    np.testing.assert_allclose(flat.reshape(-1, 3), want, atol=ATOL_DISPLAY_OCIO, rtol=ATOL_DISPLAY_OCIO)
    rgba = np.concatenate([px, np.full((len(px), 1), 0.25, np.float32)], axis=1).ravel()
    proc.apply(rgba, 4)
    np.testing.assert_allclose(rgba.reshape(-1, 4)[:, :3], want, atol=ATOL_DISPLAY_OCIO, rtol=ATOL_DISPLAY_OCIO)
    assert np.all(rgba.reshape(-1, 4)[:, 3] == np.float32(0.25))  # alpha untouched
    with pytest.raises(ArgumentError, match="multiple of 3"):
        proc.apply_rgb(np.zeros(7, np.float32))
    with pytest.raises(ArgumentError, match="num_channels"):
        proc.apply(np.zeros(6, np.float32), 5)


def _dynamic_reference(config: Any, src: str, dst: str, before: bool, adjust: dict[str, float]) -> list[Any]:
    """OCIO transforms with the DynamicProcessor's formulas, in its order, before or after the conversion."""
    import PyOpenColorIO as OCIO

    steps = []
    ec = OCIO.ExposureContrastTransform(style=OCIO.EXPOSURE_CONTRAST_LINEAR, exposure=adjust["exposure"])
    steps.append(ec)  # c * 2**e
    contrast = OCIO.ExposureContrastTransform(style=OCIO.EXPOSURE_CONTRAST_LOGARITHMIC, contrast=adjust["contrast"])
    contrast.setLogMidGray(0.18)  # (c - 0.18) * k + 0.18
    steps.append(contrast)
    g = 1.0 / adjust["gamma"]
    steps.append(OCIO.ExponentTransform(value=[g, g, g, 1.0]))  # max(c, 0) ** (1 / gamma)
    steps.append(OCIO.MatrixTransform.Sat(adjust["saturation"], [0.2126, 0.7152, 0.0722]))
    conversion = OCIO.ColorSpaceTransform(src=src, dst=dst)
    return [*steps, conversion] if before else [conversion, *steps]


@pytest.mark.parametrize("before", [True, False])
def test_dynamic_processor_matches_opencolorio(ocio_config: Any, before: bool) -> None:
    src, dst = "ACES2065-1", "ACEScct"
    proc = DynamicProcessor(ColorConfig.aces_1_3(), src, dst, apply_before=before)
    base = proc.base
    px = np.abs(_pixels())
    settings = [
        {"exposure": 1.5, "contrast": 1.2, "gamma": 2.2, "saturation": 0.6},
        {"exposure": -0.7, "contrast": 0.8, "gamma": 0.9, "saturation": 1.4},
    ]
    for adjust in settings:
        for name, value in adjust.items():
            setattr(proc, name, value)
        want = _ocio(ocio_config, _dynamic_reference(ocio_config, src, dst, before, adjust), px)
        got = proc.apply(px.copy())
        assert proc.base is base  # the conversion is not rebuilt when a value changes
        assert oracle.error(want, np.zeros_like(want), got.astype(np.float64)) < ATOL_DISPLAY_OCIO
    flat = px.ravel().copy()
    proc.apply_rgb(flat)
    np.testing.assert_array_equal(flat.reshape(-1, 3), proc.apply(px.copy()))
    proc.reset()
    assert not proc.has_adjustments() and (proc.exposure, proc.contrast, proc.gamma, proc.saturation) == (0, 1, 1, 1)
    np.testing.assert_array_equal(proc.apply(px.copy()), base.apply(px.copy()))
    proc.gamma, proc.saturation = 0.0, -1.0  # clamped as the original: 0.01 and 0
    assert (proc.gamma, proc.saturation) == (0.01, 0.0)
    assert repr(proc).startswith("DynamicProcessor(exposure=0.0")


def test_processor_cache(ocio_config: Any) -> None:
    cache = ProcessorCache()
    config = ColorConfig.aces_1_3()
    assert cache.is_empty() and cache.len() == 0
    first = cache.get(config, "ACEScg", "ACEScct")
    assert cache.get(config.config, "ACEScg", "ACEScct") is first and len(cache) == 1
    looked = cache.get_with_looks(config, "ACEScg", "ACEScct", "")
    assert looked is first and cache.len() == 1  # no looks is the same request
    other = cache.get(ColorConfig.aces_1_3(), "ACEScg", "ACEScct")
    assert other is not first and cache.len() == 2  # per config
    results: list[object] = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get(config, "ACES2065-1", "ACEScg"))) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(r) for r in results}) == 1 and cache.len() == 3
    px = _pixels()
    want = oracle.run_cpu(oracle.ocio_cpu(ocio_config.getProcessor("ACEScg", "ACEScct")), px)
    np.testing.assert_allclose(first.apply(px.copy()), want, atol=ATOL_DISPLAY_OCIO, rtol=ATOL_DISPLAY_OCIO)
    cache.clear()
    assert cache.is_empty() and repr(cache) == "ProcessorCache(len=0)"
    assert OptimizationLevel["None"] == 0 and OptimizationLevel.Best == 3


def test_processor_with_context_and_viewing_rules(tmp_path: Path) -> None:
    import PyOpenColorIO as OCIO

    for shot, scale in (("sh010", 2.0), ("sh020", 0.5)):
        (tmp_path / f"{shot}.spi1d").write_text(
            f"Version 1\nFrom 0.0 1.0\nLength 2\nComponents 1\n{{\n0.0\n{scale}\n}}\n", encoding="utf-8"
        )
    text = (
        "ocio_profile_version: 2\nsearch_path: .\nroles: {default: lin}\n"
        "environment: {SHOT: sh010}\n"
        "file_rules:\n  - !<Rule> {name: Default, colorspace: lin}\n"
        "viewing_rules:\n  - !<Rule> {name: linear, encodings: [scene-linear]}\n"
        "displays: {d: [!<View> {name: v, colorspace: graded}]}\n"
        "colorspaces:\n  - !<ColorSpace> {name: lin, encoding: scene-linear}\n"
        "  - !<ColorSpace> {name: graded, from_scene_reference: !<FileTransform> {src: $SHOT.spi1d}}\n"
    )
    (tmp_path / "config.ocio").write_text(text, encoding="utf-8")
    ours = ColorConfig(Config.from_file(tmp_path / "config.ocio"))
    ref = OCIO.Config.CreateFromFile(str(tmp_path / "config.ocio"))
    px = np.linspace(0, 1, 30, dtype=np.float32).reshape(10, 3)
    for shot in ("sh010", "sh020"):
        context = Context.without_env()
        context.set("SHOT", shot)
        ref_context = ref.getCurrentContext()
        ref_context.setStringVar("SHOT", shot)
        cpu = oracle.ocio_cpu(ref.getProcessor(ref_context, "lin", "graded"))
        got = ours.processor_with_context("lin", "graded", context).apply(px.copy())
        np.testing.assert_allclose(got, oracle.run_cpu(cpu, px), atol=ATOL_DISPLAY_OCIO)
    assert ours.viewing_rules() == [("linear", [], ["scene-linear"])]
    with pytest.raises(Exception, match=r"vfx_rs\.ocio\.Context"):
        ours.processor_with_context("lin", "graded", {"SHOT": "sh010"})  # type: ignore[arg-type]


@pytest.mark.parametrize(("src", "dst"), CONVERSIONS)
def test_gpu_shader_is_the_viewer_glsl(src: str, dst: str) -> None:
    config = ColorConfig.aces_1_3()
    gpu = GpuProcessor.from_config(config, src, dst)
    shader = gpu.generate_shader(GpuLanguage.Glsl330)
    ops = config.processor(src, dst).pipeline.ops
    assert shader.fragment_code == config.processor(src, dst).pipeline.glsl().source  # what vfxview compiles
    assert gpu.num_ops() == len(ops) and gpu.is_complete()
    assert "vec3 vfx_apply(vec3 c)" in shader.fragment_code and shader.function_name == "vfx_apply"
    for name, uniform in shader.uniforms.items():
        assert f"uniform {uniform.glsl_type} {name};" in shader.fragment_code
    assert shader.version_directive == "#version 330 core"
    assert gpu.generate_shader(GpuLanguage.Glsl400).version_directive == "#version 400 core"
    for language in (GpuLanguage.Glsl120, GpuLanguage.GlslEs300, GpuLanguage.Hlsl50, GpuLanguage.Metal):
        with pytest.raises(ArgumentError, match=f"GpuLanguage.{language.name} is not generated"):
            gpu.generate_shader(language)
    assert repr(gpu) == f"GpuProcessor(ops={len(ops)}, complete=True)"


@pytest.mark.gl
@pytest.mark.parametrize(("src", "dst"), [*CONVERSIONS, ("ACEScct", "ACEScc")])
def test_gpu_shader_renders_the_numpy_result(gl_context: object, src: str, dst: str) -> None:
    from tests.gl_harness import render_pipeline

    config = ColorConfig.aces_1_3()
    shader = GpuProcessor.from_config(config, src, dst).generate_shader(GpuLanguage.Glsl330)
    # A host's view: the text, the function name, the uniforms and the textures, nothing else.
    assert shader.has_textures() == (dst == "ACEScc")  # ACEScc's curve is a 1D table in this config
    program = GlslProgram(shader.function_name, shader.fragment_code, shader.uniforms, shader.textures)
    # Light up to 4 for linear sources, code values in [0, 1] for ACEScct (above ~1.2 its light passes 1e14,
    # where float32 matrices on the GPU cancel differently: no image holds such values).
    px = np.abs(_pixels()) / (4.0 if src == "ACEScct" else 1.0)
    got = render_pipeline(program, px)
    want = config.processor(src, dst).apply(px.copy())
    np.testing.assert_allclose(got, want, atol=ATOL_GLSL_VS_NUMPY, rtol=ATOL_GLSL_VS_NUMPY)
