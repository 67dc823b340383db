"""ocio.validate_config (issue 21): the issues found, and OpenColorIO's validate refusing the same configs."""

from __future__ import annotations

import PyOpenColorIO as OCIO
import pytest

from vfx_rs import ocio

GOOD = """ocio_profile_version: 2
roles: {default: lin, reference: lin, scene_linear: lin}
displays: {sRGB: [!<View> {name: Raw, colorspace: lin}]}
colorspaces:
  - !<ColorSpace> {name: lin}
  - !<ColorSpace> {name: log, to_scene_reference: !<LogTransform> {base: 2}}
"""

BROKEN = {
    "role": GOOD.replace("scene_linear: lin", "scene_linear: nowhere"),
    "view": GOOD.replace("{name: Raw, colorspace: lin}", "{name: Raw, colorspace: nowhere}"),
    "file": GOOD + "  - !<ColorSpace> {name: lut, to_scene_reference: !<FileTransform> {src: missing.cube}}\n",
}


def test_a_sound_config_has_no_issues(tmp_path) -> None:
    cfg = ocio.Config.from_string(GOOD, tmp_path)
    assert ocio.validate_config(cfg) == [] and not ocio.config_has_warnings(cfg)
    OCIO.Config.CreateFromStream(GOOD).validate()
    aces = ocio.validate_config(ocio.builtin_aces_1_3())
    assert {i.severity for i in aces} == {"Warning"} and not ocio.config_has_errors(ocio.builtin_aces_1_3())


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_configs_are_errors_as_opencolorio_says(kind: str, tmp_path) -> None:
    cfg = ocio.Config.from_string(BROKEN[kind], tmp_path)
    issues = ocio.validate_config(cfg)
    assert ocio.config_has_errors(cfg)
    assert ("missing.cube" if kind == "file" else "nowhere") in repr(issues)
    theirs = OCIO.Config.CreateFromStream(BROKEN[kind])
    theirs.setWorkingDir(str(tmp_path))
    with pytest.raises(OCIO.Exception):
        theirs.validate()


def test_warnings() -> None:
    cfg = ocio.Config.from_string(GOOD.replace("displays: {sRGB: [!<View> {name: Raw, colorspace: lin}]}", "displays: {}")
                                  .replace("reference: lin, ", "") + "search_path: [no_such_dir]\n")  # fmt: skip
    found = {(i.severity, i.category) for i in ocio.validate_config(cfg)}
    assert found == {("Warning", "MissingRole"), ("Warning", "MissingDisplay"), ("Warning", "MissingFile")}
    assert ocio.config_has_warnings(cfg) and not ocio.config_has_errors(cfg)
