"""Processors of hand-written v1/v2 configs against PyOpenColorIO's CPU processor (F32, LOSSLESS)."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from tests.tolerances import ATOL_OCIO_POWER_NOISE, RTOL_OCIO_PROCESSOR
from tests.vfx_rs.ocio.conftest import grid
from vfx_rs.errors import ArgumentError, OcioError
from vfx_rs.ocio import Config
from vfx_rs.ocio.processor import fuse_scales
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops import ExponentOp, MatrixOp, RangeOp

OCIO = pytest.importorskip("PyOpenColorIO")


def _run(cpu, x: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    out = np.ascontiguousarray(x, dtype=np.float32).copy()
    cpu.applyRGB(out)
    return out.astype(np.float64)


def _worst(ref_proc, ours, px: np.ndarray, label: str) -> float:  # type: ignore[no-untyped-def]
    """Largest error beyond OCIO's own sensitivity to a 1e-6 relative input change."""
    cpu = ref_proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    ref = _run(cpu, px)
    slack = np.zeros_like(ref)
    for sign in (1.0, -1.0):
        with np.errstate(invalid="ignore"):
            slack = np.fmax(slack, np.abs(_run(cpu, px + sign * 1e-6 * np.maximum(np.abs(px), 1e-2)) - ref))
    got = ours.apply(px.copy()).astype(np.float64)
    both_inf = np.isinf(ref) & (ref == got)
    assert np.array_equal(np.isfinite(ref) | both_inf, np.isfinite(got) | both_inf), label
    fin = np.isfinite(ref)
    err = np.maximum(np.abs(ref[fin] - got[fin]) - slack[fin], 0.0)
    err = np.where(np.abs(ref[fin]) < 1e-3, np.maximum(err - ATOL_OCIO_POWER_NOISE, 0.0), err)
    return float(np.max(err / np.maximum(1.0, np.abs(ref[fin])), initial=0.0))


def _inputs(ref, src: str | object) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The grid, less pixels whose scene-linear value overflows float32 in OCIO (log codes near 64).

    `src` is a color space name, or a transform to scene-linear (an inverse display/view).
    """
    px = grid()
    proc = ref.getProcessor(src, "scene_linear") if isinstance(src, str) else ref.getProcessor(src)
    to_lin = proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    return px[np.all(np.abs(_run(to_lin, px)) < 1e30, axis=-1)]


@pytest.mark.parametrize("name", ["v2", "v1"])
def test_every_colorspace_pair_and_view_matches_ocio(config_dir: Path, name: str) -> None:
    path = str(config_dir / f"{name}.ocio")
    ref, ours = OCIO.Config.CreateFromFile(path), Config.from_file(path)
    names = list(ref.getColorSpaceNames())
    worst: dict[str, float] = {}
    for src, dst in itertools.product(names, names):
        px = _inputs(ref, src)
        worst[f"{src} -> {dst}"] = _worst(ref.getProcessor(src, dst), ours.processor(src, dst), px, f"{src}->{dst}")
    for display in ref.getDisplays():
        for view in ref.getViews(display):
            for src, inverse in itertools.product(names, (False, True)):
                direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
                tr = OCIO.DisplayViewTransform(src, display, view, direction=direction)
                lin = OCIO.DisplayViewTransform("scene_linear", display, view, direction=OCIO.TRANSFORM_DIR_INVERSE)
                px = _inputs(ref, lin if inverse else src)
                label = f"{src} -> {display}/{view} inverse={inverse}"
                worst[label] = _worst(
                    ref.getProcessor(tr), ours.display_processor(src, display, view, inverse=inverse), px, label
                )
    bad = {k: v for k, v in worst.items() if v > RTOL_OCIO_PROCESSOR}
    assert not bad, bad
    assert len(worst) > 50


def test_looks_and_named_transforms_match_ocio(config_dir: Path) -> None:
    path = str(config_dir / "v2.ocio")
    ref, ours = OCIO.Config.CreateFromFile(path), Config.from_file(path)
    for looks in ("grade", "+grade,-film", "-grade", "film, grade", "film|grade"):
        for src, dst in (("lin_ap1", "srgb_tex"), ("log_affine", "lin_ap0"), ("srgb_tex", "srgb_tex")):
            tr = OCIO.LookTransform(src, dst, looks)
            px = _inputs(ref, src)
            assert _worst(ref.getProcessor(tr), ours.processor(src, dst, looks=looks), px, looks) <= RTOL_OCIO_PROCESSOR
    for src, dst in (("lognt", "lin_ap1"), ("lin_ap1", "to_log_nt"), ("log_affine", "to_log_nt")):
        px = grid()
        assert _worst(ref.getProcessor(src, dst), ours.processor(src, dst), px, src) <= RTOL_OCIO_PROCESSOR


def test_processor_shapes_alpha_cache_and_inverse(config_dir: Path) -> None:
    cfg = Config.from_file(config_dir / "v2.ocio")
    proc = cfg.processor("lin_ap1", "srgb_tex")
    assert cfg.processor("lin_ap1", "srgb_tex") is proc
    rgba = np.random.default_rng(1).random((5, 7, 4), dtype=np.float32)
    alpha = rgba[..., 3].copy()
    flat = rgba[..., :3].reshape(-1, 3).copy()
    assert proc.apply(rgba) is rgba
    np.testing.assert_array_equal(rgba[..., 3], alpha)
    proc.apply(flat)
    np.testing.assert_array_equal(flat.reshape(5, 7, 3), rgba[..., :3])
    back = proc.inverse().apply(rgba.copy())
    inv = cfg.processor("srgb_tex", "lin_ap1").apply(rgba.copy())
    np.testing.assert_allclose(back, inv, rtol=1e-5, atol=1e-6)
    with pytest.raises(ArgumentError, match="float32"):
        cfg.display_processor("lin_ap1", "sRGB - Display", "Film").apply(np.zeros((2, 2), np.float64))  # type: ignore[arg-type]


def test_display_and_view_aliases(config_dir: Path) -> None:
    cfg = Config.from_file(config_dir / "v2.ocio")
    full = cfg.display_processor("lin_ap1", "sRGB - Display", "Film")
    assert cfg.display_processor("ACEScg-ish", "sRGB", "film").pipeline == full.pipeline
    default_view = OCIO.Config.CreateFromFile(str(config_dir / "v2.ocio")).getDefaultView("Gamma 2.2 Display")
    default = cfg.display_processor("lin_ap1", "Gamma 2.2 Display")
    assert default.pipeline == cfg.display_processor("lin_ap1", "Gamma 2.2 Display", default_view).pipeline


FILE_CONFIG = """\
ocio_profile_version: 2
environment: {SHOT: sh010, SEQ: sq01}
search_path: [luts, "luts/${SEQ}/$SHOT"]
roles: {default: lin, scene_linear: lin}
displays:
  sRGB:
    - !<View> {name: Graded, colorspace: graded3d}
colorspaces:
  - !<ColorSpace> {name: lin}
  - !<ColorSpace>
    name: shaped1d
    to_scene_reference: !<FileTransform> {src: shaper.cube}
  - !<ColorSpace>
    name: graded3d
    from_scene_reference: !<GroupTransform>
      children:
        - !<RangeTransform> {min_in_value: 0, max_in_value: 2, min_out_value: 0, max_out_value: 1}
        - !<FileTransform> {src: "grade_$SHOT.cube", interpolation: tetrahedral}
  - !<ColorSpace>
    name: graded3d_linear
    from_scene_reference: !<FileTransform> {src: grade_sh010.cube}
"""
"""A v2 config whose FileTransforms find .cube files through context variables in the search path."""


def _write_cubes(folder: Path) -> None:
    lut_dir = folder / "luts" / "sq01" / "sh010"
    lut_dir.mkdir(parents=True)
    ramp = np.linspace(0.0, 1.0, 9)
    rows = "\n".join(f"{v**2.2:.6f} {v**2.0:.6f} {v**1.8:.6f}" for v in ramp)
    (folder / "luts" / "shaper.cube").write_text(f"LUT_1D_SIZE 9\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 1 1\n{rows}\n")
    axis = np.linspace(0.0, 1.0, 5)
    lines = []
    for b in axis:
        for g in axis:
            for r in axis:
                lines.append(f"{0.9 * r + 0.1 * g * b:.6f} {g**1.3:.6f} {0.5 * b + 0.4 * r * r:.6f}")
    (lut_dir / "grade_sh010.cube").write_text("LUT_3D_SIZE 5\n" + "\n".join(lines) + "\n")


def test_file_transforms_through_search_path_match_ocio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOT", raising=False)
    monkeypatch.delenv("SEQ", raising=False)
    _write_cubes(tmp_path)
    path = tmp_path / "files.ocio"
    path.write_text(FILE_CONFIG, encoding="utf-8")
    ref, ours = OCIO.Config.CreateFromFile(str(path)), Config.from_file(path)
    names = list(ref.getColorSpaceNames())
    for src, dst in itertools.product(names, names):
        try:
            ours_proc = ours.processor(src, dst)
        except OcioError as exc:
            assert "no inverse" in str(exc)  # a 3D LUT has no exact inverse
            continue
        assert _worst(ref.getProcessor(src, dst), ours_proc, grid(), f"{src}->{dst}") <= RTOL_OCIO_PROCESSOR
    proc = ours.display_processor("lin", "sRGB", "Graded")
    assert (
        _worst(ref.getProcessor("lin", "sRGB", "Graded", OCIO.TRANSFORM_DIR_FORWARD), proc, grid(), "view")
        <= RTOL_OCIO_PROCESSOR
    )


V1_FILE_CONFIG = """\
ocio_profile_version: 1
search_path: luts:luts/$SHOT
roles: {default: linear, scene_linear: linear, compositing_log: logc}
displays:
  sRGB:
    - !<View> {name: Graded, colorspace: display, looks: grade}
    - !<View> {name: Plain, colorspace: display}
looks:
  - !<Look>
    name: grade
    process_space: logc
    transform: !<GroupTransform>
      children:
        - !<FileTransform> {src: "$SHOT.cc"}
        - !<FileTransform> {src: "grade_$SHOT.cube", interpolation: tetrahedral}
colorspaces:
  - !<ColorSpace> {name: linear}
  - !<ColorSpace>
    name: logc
    to_reference: !<GroupTransform>
      children:
        - !<FileTransform> {src: shaper.cube}
        - !<MatrixTransform> {matrix: [4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 1]}
  - !<ColorSpace>
    name: display
    from_reference: !<ExponentTransform> {value: [2.2, 2.2, 2.2, 1], direction: inverse}
"""
"""A v1 config whose looks and color spaces read .cube and .cc files through a context variable ($SHOT)."""


def test_v1_config_with_files_looks_and_context_matches_ocio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOT", "sh010")
    _write_cubes(tmp_path)  # luts/shaper.cube and luts/sq01/sh010/grade_sh010.cube
    shot = tmp_path / "luts" / "sh010"
    shot.mkdir()
    (tmp_path / "luts" / "sq01" / "sh010" / "grade_sh010.cube").rename(shot / "grade_sh010.cube")
    (shot / "sh010.cc").write_text(
        '<ColorCorrection id="sh010"><SOPNode><Slope>1.1 1 0.9</Slope><Offset>0.01 0 -0.01</Offset>'
        "<Power>1 1.1 1</Power></SOPNode><SatNode><Saturation>0.9</Saturation></SatNode></ColorCorrection>\n",
        encoding="utf-8",
    )
    path = tmp_path / "v1_files.ocio"
    path.write_text(V1_FILE_CONFIG, encoding="utf-8")
    ref, ours = OCIO.Config.CreateFromFile(str(path)), Config.from_file(path)
    px = np.clip(grid(), 0.0, 1.0)
    for view in ("Graded", "Plain"):
        ref_proc = ref.getProcessor("logc", "sRGB", view, OCIO.TRANSFORM_DIR_FORWARD)
        assert _worst(ref_proc, ours.display_processor("logc", "sRGB", view), px, view) <= RTOL_OCIO_PROCESSOR
    ref_proc = ref.getProcessor(OCIO.LookTransform("linear", "display", "grade"))
    assert _worst(ref_proc, ours.processor("linear", "display", looks="grade"), px, "look") <= RTOL_OCIO_PROCESSOR
    # The inverse look inverts its 3D LUT as OCIO does (InvLut3DRenderer).
    ref_proc = ref.getProcessor(OCIO.LookTransform("linear", "display", "-grade"))
    assert _worst(ref_proc, ours.processor("linear", "display", looks="-grade"), px, "-look") <= RTOL_OCIO_PROCESSOR


def test_unclamped_scales_fuse_with_matrices() -> None:
    """A scale/offset beside a matrix becomes part of one fused matrix (as OCIO's optimizer); a clamping range or
    a scale between non-matrix ops stays a range."""
    m = MatrixOp(matrix=[[0.6, 0.3, 0.1], [0.2, 0.7, 0.1], [0.0, 0.1, 0.9]])
    ops = [m, RangeOp(scale=2.0, offset=0.25), m.inverse(), ExponentOp(exponent=(2.0,) * 3), RangeOp(scale=3.0)]
    fused = Pipeline(fuse_scales(ops))
    assert [type(op).__name__ for op in fused.ops] == ["MatrixOp", "ExponentOp", "RangeOp"]
    px = np.array([[0.1, 0.5, 2.0], [1.0, 0.0, 0.3]], dtype=np.float32)
    np.testing.assert_allclose(fused.applied(px), Pipeline(ops).applied(px), rtol=1e-6)
    assert isinstance(fuse_scales([m, RangeOp(lo=0.0)])[1], RangeOp)


EQUALITY_GROUPS = """\
ocio_profile_version: 2
roles: {default: linear, scene_linear: linear}
file_rules:
  - !<Rule> {name: Default, colorspace: default}
displays:
  sRGB:
    - !<View> {name: Raw, colorspace: linear}
colorspaces:
  - !<ColorSpace> {name: linear}
  - !<ColorSpace>
    name: shaper
    equalitygroup: shaper
    to_reference: !<RangeTransform> {min_in_value: 0, max_in_value: 1, min_out_value: 0, max_out_value: 1}
  - !<ColorSpace>
    name: shaper_alias
    equalitygroup: shaper
    to_reference: !<ColorSpaceTransform> {src: shaper, dst: linear}
  - !<ColorSpace>
    name: shaper_copy
    to_reference: !<ColorSpaceTransform> {src: shaper, dst: linear}
"""
"""Spaces sharing an equality group convert to each other as the identity in OCIO (ColorSpaceTransform.cpp,
AreColorSpacesInSameEqualityGroup), not through their (here clamping) transforms; without a shared group they
do go through them."""


def test_spaces_of_one_equality_group_convert_as_identity(tmp_path: Path) -> None:
    (tmp_path / "config.ocio").write_text(EQUALITY_GROUPS, encoding="utf-8")
    ref, ours = OCIO.Config.CreateFromFile(str(tmp_path / "config.ocio")), Config.from_file(tmp_path / "config.ocio")
    px = np.array([[-0.5, 0.25, 4.0]], np.float32)
    for src, dst in (("shaper", "shaper_alias"), ("shaper_alias", "shaper"), ("shaper", "shaper_copy")):
        expected = px.copy()
        ref.getProcessor(src, dst).getDefaultCPUProcessor().applyRGB(expected)
        np.testing.assert_array_equal(ours.processor(src, dst).apply(px.copy()), expected, err_msg=f"{src} -> {dst}")
    assert ours.processor("shaper", "shaper_alias").is_identity()
    assert not np.array_equal(ours.processor("shaper", "shaper_copy").apply(px.copy()), px)  # clamped both ways
