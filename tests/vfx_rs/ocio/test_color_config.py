"""ocio.ColorConfig (issue 21): the vfx-rs-py query methods against PyOpenColorIO on the ACES 1.3 CG config."""

from __future__ import annotations

import numpy as np
import PyOpenColorIO as OCIO
import pytest

import vfx_rs
from vfx_rs import ocio
from vfx_rs.ocio.serialize import to_yaml

CG = "ocio://cg-config-v2.2.0_aces-v1.3_ocio-v2.4"


def test_queries_match_opencolorio() -> None:
    ours, theirs = ocio.ColorConfig(), OCIO.Config.CreateFromFile(CG)
    assert sorted(ours.colorspace_names()) == sorted(theirs.getColorSpaceNames())
    assert ours.num_colorspaces() == len(list(theirs.getColorSpaceNames()))
    assert ours.display_names() == list(theirs.getDisplays()) and ours.default_display() == theirs.getDefaultDisplay()
    for display in ours.display_names():
        assert [ours.view_name_by_index(display, i) for i in range(ours.num_views(display))] == list(
            theirs.getViews(display)
        )
        assert ours.default_view(display) == theirs.getDefaultView(display)
        for view in theirs.getViews(display):
            want = theirs.getDisplayViewColorSpaceName(display, view)
            assert ours.view_colorspace(display, view) == (display if want == "<USE_DISPLAY_NAME>" else want)
    for name in ("ACEScg", "ACEScct", "sRGB - Texture", "Raw"):
        cs = theirs.getColorSpace(name)
        assert ours.colorspace_family(name) == cs.getFamily() and ours.is_colorspace_data(name) == cs.isData()
        assert ours.colorspace_encoding(name) == cs.getEncoding()
        assert ours.colorspace_aliases(name) == list(cs.getAliases())
        assert ours.colorspace_categories(name) == list(cs.getCategories())
    assert ours.scene_linear() == theirs.getRoleColorSpace("scene_linear") and ours.num_roles() == len(
        list(theirs.getRoles())
    )
    assert ours.has_role("color_timing") and not ours.has_role("nope") and ours.reference() is None
    assert ours.named_transform_names() == list(theirs.getNamedTransformNames())
    assert ours.look_names() == list(theirs.getLookNames())
    assert set(ours.colorspaces_by_category("file-io")) <= set(ours.colorspace_names())


def test_processor_and_image_functions_take_a_color_config(tmp_path) -> None:
    cfg = ocio.ColorConfig.from_string(
        "ocio_profile_version: 2\nroles: {default: lin}\ndisplays: {d: [!<View> {name: v, colorspace: lin}]}\n"
        "colorspaces:\n  - !<ColorSpace> {name: lin}\n"
        "  - !<ColorSpace> {name: double, to_scene_reference: !<MatrixTransform> {matrix: [0.5,0,0,0, 0,0.5,0,0, 0,0,0.5,0, 0,0,0,1]}}\n",
        tmp_path,
    )
    img = vfx_rs.Image(np.full((2, 2, 3), 0.25, np.float32))
    np.testing.assert_allclose(ocio.colorconvert(img, "lin", "double", cfg).numpy(), 0.5)
    np.testing.assert_allclose(cfg.processor("lin", "double").applied(np.full((1, 3), 0.25, np.float32)), 0.5)
    assert (
        cfg.valid() and cfg.error_message() == "" and cfg.parse_colorspace_from_string("shot_double_v2.exr") == "double"
    )
    with pytest.raises(vfx_rs.OcioError):
        ocio.ColorConfig.from_string("ocio_profile_version: 2\ncolorspaces: [", tmp_path)


def test_context_variables(monkeypatch) -> None:
    monkeypatch.setenv("VFX_RS_TEST_SEQ", "sq01")
    ctx = ocio.Context()
    ctx.set("SHOT", "sh010")
    assert ctx.resolve("/s/$VFX_RS_TEST_SEQ/${SHOT}/$MISSING_VAR.csp") == "/s/sq01/sh010/$MISSING_VAR.csp"
    assert ctx.unresolved_vars("$SHOT $MISSING_VAR") == ["MISSING_VAR"] and ctx.has_unresolved("${MISSING_VAR}")
    assert ctx.vars() == {"SHOT": "sh010"} and len(ctx) == 1 and ctx.contains("VFX_RS_TEST_SEQ")
    bare = ocio.Context.without_env()
    assert not bare.contains("VFX_RS_TEST_SEQ") and bare.is_empty()
    ctx.clear()
    assert ctx.is_empty()


STRICT = """ocio_profile_version: 2
{key}
roles: {{default: lin}}
displays: {{d: [!<View> {{name: v, colorspace: lin}}]}}
colorspaces:
  - !<ColorSpace> {{name: lin}}
  - !<ColorSpace> {{name: srgb}}
"""


@pytest.mark.parametrize(
    "key", ["", "strictparsing: true", "strictparsing: false", "strictparsing: no", "strictparsing:"]
)
def test_strictparsing_as_opencolorio(key: str) -> None:
    """With ``strictparsing`` off, a string naming no color space parses to the default role's space (OCIO
    Config::parseColorSpaceFromString); on (the default), to nothing. The config round-trips the flag."""
    text = STRICT.format(key=key)
    theirs, ours = OCIO.Config.CreateFromStream(text), ocio.ColorConfig.from_string(text)
    for name in ("shot_srgb.exr", "shot.exr"):
        assert (ours.parse_colorspace_from_string(name) or "") == theirs.parseColorSpaceFromString(name)
    assert ocio.Config.from_string(to_yaml(ours.config)).strict_parsing == theirs.isStrictParsingEnabled()


@pytest.mark.parametrize("value", ["1", "maybe"])
def test_strictparsing_refuses_non_booleans(value: str) -> None:
    text = STRICT.format(key=f"strictparsing: {value}")
    with pytest.raises(Exception):  # noqa: B017  (OCIO raises a plain Exception)
        OCIO.Config.CreateFromStream(text)
    with pytest.raises(vfx_rs.OcioError, match=r"<string>:2: 'strictparsing' must be true or false"):
        ocio.Config.from_string(text)
