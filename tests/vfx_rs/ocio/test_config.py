"""Config loading and queries against PyOpenColorIO's answers for the same files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.oracle import check_queries, compare, source_grid
from vfx_rs.ocio import Config

OCIO = pytest.importorskip("PyOpenColorIO")


@pytest.mark.parametrize("name", ["v2", "v1"])
def test_queries_match_ocio(config_dir: Path, name: str) -> None:
    path = config_dir / f"{name}.ocio"
    check_queries(OCIO.Config.CreateFromFile(str(path)), Config.from_file(path))


def test_file_rules_match_ocio(config_dir: Path) -> None:
    path = config_dir / "v2.ocio"
    ref, ours = OCIO.Config.CreateFromFile(str(path)), Config.from_file(path)
    for p in (
        "/shots/a_log_v1.dpx",
        "/shots/a_LOG_v1.DPX",
        "/shots/a_log_v1.exr",
        "/job/plates/x.tif",
        "/job/plates/x.tiff",
        "/job/other/x.tif",
        "/renders/srgb_tex/beauty.exr",
        "/renders/log_camera_and_lin_ap0.exr",
        "/renders/ACEScg-ish/b.exr",
        "/nothing/here.exr",
    ):
        assert ours.colorspace_from_filepath(p) == ref.getColorSpaceFromFilepath(p)[0], p
    v1 = config_dir / "v1.ocio"
    ref1, ours1 = OCIO.Config.CreateFromFile(str(v1)), Config.from_file(v1)
    for p in ("/a/lg10/b.dpx", "/a/b_srgb8.png", "/x/y.exr"):
        assert ours1.colorspace_from_filepath(p) == ref1.getColorSpaceFromFilepath(p)[0], p


def test_context_variables_and_environment(config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = Config.from_file(config_dir / "v2.ocio")
    monkeypatch.delenv("SHOT", raising=False)
    assert cfg.context().variables["SHOT"] == "sh010"
    monkeypatch.setenv("SHOT", "sh020")
    assert cfg.context().variables["SHOT"] == "sh020"
    lut = config_dir / "luts" / "sq01" / "sh020" / "grade.cube"
    lut.parent.mkdir(parents=True)
    lut.write_text("LUT_1D_SIZE 2\n0 0 0\n1 1 1\n", encoding="utf-8")
    assert cfg.context().resolve_file("grade.cube") == str(lut)
    monkeypatch.setenv("OCIO", str(config_dir / "v1.ocio"))
    assert Config.from_env().colorspace_names()[0] == "linear"


CONTEXT_NAMES = """\
ocio_profile_version: 2
environment: {CAMERA: arri, CCCID: look-02}
roles: {default: raw, scene_linear: reference}
displays:
  sRGB:
    - !<View> {name: Raw, colorspace: raw}
looks:
  - !<Look> {name: shot_look, process_space: reference, transform: !<FileTransform> {src: looks.ccc, cccid: $CCCID}}
colorspaces:
  - !<ColorSpace> {name: reference}
  - !<ColorSpace> {name: raw, isdata: true}
  - !<ColorSpace> {name: arri, to_reference: !<ExponentTransform> {value: 2.0}}
  - !<ColorSpace> {name: sony, to_reference: !<MatrixTransform> {matrix: [2, 0, 0, 0, 0, 3, 0, 0, 0, 0, 4, 0, 0, 0, 0, 1]}}
  - !<ColorSpace>
    name: context_camera
    to_reference: !<ColorSpaceTransform> {src: $CAMERA, dst: reference}
"""
"""Context variables where OCIO resolves them beyond file names: a ColorSpaceTransform's src and dst
(ColorSpaceTransform.cpp) and a FileTransform's cccid (FileTransform.cpp), as in OCIO's context_test1 config."""

CCC = """<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.2">
<ColorCorrection id="look-01"><SOPNode><Slope>2 2 2</Slope><Offset>0 0 0</Offset><Power>1 1 1</Power></SOPNode>
</ColorCorrection>
<ColorCorrection id="look-02"><SOPNode><Slope>1 1 1</Slope><Offset>0.1 0 0</Offset><Power>1 1 1</Power></SOPNode>
</ColorCorrection>
</ColorCorrectionCollection>
"""


@pytest.mark.parametrize("camera", ["arri", "sony"])
def test_context_variables_name_spaces_and_cdl_ids_as_ocio(tmp_path: Path, camera: str) -> None:
    (tmp_path / "config.ocio").write_text(CONTEXT_NAMES, encoding="utf-8")
    (tmp_path / "looks.ccc").write_text(CCC, encoding="utf-8")
    ref = OCIO.Config.CreateFromFile(str(tmp_path / "config.ocio"))
    ours = Config.from_file(tmp_path / "config.ocio")
    ctx = ref.getCurrentContext()
    ctx.setStringVar("CAMERA", camera)
    px = source_grid("scene-linear")
    expected = px.copy()
    ref.getProcessor(ctx, "context_camera", "reference").getDefaultCPUProcessor().applyRGB(expected)
    got = ours.processor("context_camera", "reference", variables={"CAMERA": camera}).apply(px.copy())
    np.testing.assert_allclose(got, expected, rtol=RTOL_OCIO_BUILTIN, atol=RTOL_OCIO_BUILTIN)
    look = OCIO.LookTransform(src="reference", dst="reference", looks="shot_look")
    expected = px.copy()
    ref.getProcessor(look).getDefaultCPUProcessor().applyRGB(expected)
    got = ours.processor("reference", "reference", looks="shot_look").apply(px.copy())
    np.testing.assert_allclose(got, expected, rtol=RTOL_OCIO_BUILTIN, atol=RTOL_OCIO_BUILTIN)
    assert float(np.max(np.abs(got - px))) > 0.05  # look-02's offset, not the first correction's slope


def test_from_string_and_model(config_dir: Path) -> None:
    text = (config_dir / "v2.ocio").read_text(encoding="utf-8")
    cfg = Config.from_string(text, config_dir)
    assert cfg.working_dir == str(config_dir)
    cs = cfg.colorspace("log_camera")
    assert cs.line == text.splitlines().index("    name: log_camera")
    assert cs.from_reference is not None and cs.from_reference.kind == "Group"
    assert [c.kind for c in cs.from_reference.children] == ["Matrix", "LogCamera"]
    assert cfg.colorspace("color_timing") is cs
    assert cfg.colorspace("gamma22_display").reference == "display"
    assert cfg.look("GRADE").process_space == "log_camera"
    assert cfg.view("sRGB - Display", "Film").view_transform == "filmic"
    assert cfg.all_displays() == ["sRGB - Display", "Gamma 2.2 Display", "Hidden Display"]


@pytest.mark.parametrize("name", [c[0] for c in OCIO.BuiltinConfigRegistry().getBuiltinConfigs()])
def test_every_ocio_builtin_config_file_parses_and_converts(tmp_path: Path, name: str) -> None:
    """OCIO's serialization of each of its built-in configs: the queries, and every color space to and from
    ACES2065-1 against OCIO (the ACES output transforms are exercised in test_builtin.py)."""
    ref = OCIO.Config.CreateFromBuiltinConfig(name)
    path = tmp_path / f"{name}.ocio"
    path.write_text(ref.serialize(), encoding="utf-8")
    ours = Config.from_file(path)
    check_queries(ref, ours)
    checked = 0
    for cs in ours.colorspace_names(include_inactive=True):
        for src, dst in ((cs, "ACES2065-1"), ("ACES2065-1", cs)):
            proc = ours.processor(src, dst)
            px = source_grid(ours.colorspace(src).encoding)
            assert compare(ref.getProcessor(src, dst), proc, px) <= RTOL_OCIO_BUILTIN, (src, dst)
            checked += 1
    assert checked >= 40
