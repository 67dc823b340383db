"""Config-version gating (vfx_rs.ocio.versions) against PyOpenColorIO: the same configs refused and read.

Each case is a small config written here at every version OCIO 2.6 reads (and
a few it does not); PyOpenColorIO's ``Config.CreateFromStream`` must refuse
exactly where `vfx_rs.ocio.Config.from_string` does, and our message names
the file, the line, what is too new and the version it needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vfx_rs.errors import OcioError
from vfx_rs.ocio import Config

OCIO = pytest.importorskip("PyOpenColorIO")

VERSIONS = ("1", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6")

BASE = """ocio_profile_version: {v}
roles: {{default: raw}}
displays: {{d: [!<View> {{name: v, colorspace: raw}}{shared}]}}
{extra}
colorspaces:
  - !<ColorSpace> {{name: raw}}
{cs}
"""


def _config(version: str, transform: str = "", extra: str = "", cs: str = "", shared: str = "") -> str:
    if transform:
        key = "to_reference" if version == "1" else "to_scene_reference"
        cs = f"  - !<ColorSpace> {{name: x, {key}: {transform}}}\n" + cs
    return BASE.format(v=version, extra=extra, cs=cs, shared=shared)


def _ocio_reads(text: str) -> bool:
    OCIO.SetLoggingLevel(OCIO.LOGGING_LEVEL_NONE)
    try:
        OCIO.Config.CreateFromStream(text)
    except Exception:  # OCIO raises a plain Exception
        return False
    finally:
        OCIO.SetLoggingLevel(OCIO.LOGGING_LEVEL_WARNING)
    return True


def _ours_reads(text: str) -> bool:
    try:
        Config.from_string(text)
    except OcioError:
        return False
    return True


def _agree(texts: dict[str, str]) -> None:
    differ = {k: _ocio_reads(t) for k, t in texts.items() if _ocio_reads(t) != _ours_reads(t)}
    assert not differ, f"read by OCIO (True) or by vfx_rs only (False): {differ}"


def test_every_builtin_style_at_every_version() -> None:
    """All 99 BuiltinTransform styles OCIO 2.6 knows: refused below their version (2.1 gamut compression,
    2.2 LogC4 and Canon Log 2/3 curves, 2.3 Display P3, 2.4 ACES 2.0, 2.5 MIRROR NEGS, 2.6 Apple Wide
    Gamut), and Builtin altogether in v1."""
    styles = [name for name, _ in OCIO.BuiltinTransformRegistry().getBuiltins()]
    assert len(styles) >= 99
    _agree(
        {
            f"{style} @ {v}": _config(v, f'!<BuiltinTransform> {{style: "{style}"}}')
            for style in styles
            for v in VERSIONS
        }
    )


FIXED_FUNCTIONS = {
    "ACES_RedMod03": "",
    "ACES_Glow10": "",
    "ACES_DarkToDim10": "",
    "ACES_GamutComp13": "[1.147, 1.264, 1.312, 0.815, 0.803, 0.88, 1.2]",
    "REC2100_Surround": "[0.78]",
    "RGB_TO_HSV": "",
    "XYZ_TO_LUV": "",
    "Lin_TO_PQ": "",
    "Lin_TO_GammaLog": "[0.18, 10, 0.1, 0.9, 0.1, 1, 10, 0.1, 1, 0.5]",
    "Lin_TO_DoubleLog": "[10, 0.25, 0.5, -1, 0, -1, 1.25, 1, 1, 0.5, 0, 1, 1]",
    "ACES2_OutputTransform": "[100, 0.7347, 0.2653, 0.1152, 0.9640, 0.1566, 0.0001, 0.32168, 0.33767]",
    "ACES2_RGB_TO_JMh": "[0.7347, 0.2653, 0, 1, 0.0001, -0.077, 0.32168, 0.33767]",
    "ACES2_TonescaleCompress": "[100]",
    "ACES2_GamutCompress": "[100, 0.7347, 0.2653, 0.1152, 0.9640, 0.1566, 0.0001, 0.32168, 0.33767]",
    "RGB_TO_HSY_LIN": "",
    "RGB_TO_HSY_LOG": "",
    "RGB_TO_HSY_VID": "",
}
"""One FixedFunction style of each version (2.0, 2.1 gamut compression, 2.4 PQ, gamma-log, double-log and
the ACES 2.0 parts, 2.5 HSY), with the parameters they need."""

TRANSFORMS = [
    "!<ExponentWithLinearTransform> {gamma: [2.4, 2.4, 2.4, 1], offset: [0.055, 0.055, 0.055, 0]}",
    "!<ExposureContrastTransform> {}",
    "!<LogAffineTransform> {}",
    "!<LogCameraTransform> {lin_side_break: [0.1, 0.1, 0.1]}",
    "!<RangeTransform> {min_in_value: 0, min_out_value: 0}",
    "!<GradingPrimaryTransform> {style: log}",
    "!<GradingRGBCurveTransform> {style: log}",
    "!<GradingToneTransform> {style: log}",
    "!<GradingHueCurveTransform> {style: log}",
    "!<CDLTransform> {style: asc}",
    "!<CDLTransform> {style: noclamp}",
    "!<ExponentTransform> {value: 2, style: mirror}",
    "!<ExponentTransform> {value: 2, style: pass_thru}",
    "!<ExponentTransform> {value: 2}",
    "!<DisplayViewTransform> {src: raw, display: d, view: v}",
    "!<GroupTransform> {children: [!<MatrixTransform> {}, [!<RangeTransform> {min_in_value: 0}]]}",
    "[!<MatrixTransform> {}]",
    "!<AllocationTransform> {}",
    "!<LogTransform> {}",
    "!<LookTransform> {src: raw, dst: raw}",
]
"""Transforms gated on the version (v2 only; GradingHueCurve 2.5 in a v2 config, and OCIO does not check it
in a v1 one), on a style (CDL and Exponent styles other than the v1 defaults), inside groups, and some never
gated."""


@pytest.mark.parametrize("transform", TRANSFORMS)
def test_transform_kinds_at_every_version(transform: str) -> None:
    _agree({v: _config(v, transform) for v in VERSIONS})


def test_fixed_function_styles_at_every_version() -> None:
    _agree(
        {
            f"{style} @ {v}": _config(
                v, f"!<FixedFunctionTransform> {{style: {style}{', params: ' + params if params else ''}}}"
            )
            for style, params in FIXED_FUNCTIONS.items()
            for v in VERSIONS
        }
    )


def test_file_transform_options_in_v1(tmp_path: Path) -> None:
    """A v1 FileTransform may not ask for cubic interpolation or a CDL style other than noclamp."""
    _agree(
        {
            f"{options} @ {v}": _config(v, f"!<FileTransform> {{src: a.cube{options}}}")
            for options in (", interpolation: cubic", ", cdl_style: asc", ", cdl_style: noclamp", "")
            for v in ("1", "2")
        }
    )


HUE = "!<GradingHueCurveTransform> {style: log}"
VT = "!<ViewTransform> {{name: vt, from_scene_reference: {t}{more}}}"
INTERCHANGE = "interchange: {amf_transform_ids: x}"

ELEMENTS = {
    "family_separator": {"extra": "family_separator: '#'"},
    "file_rules": {"extra": "file_rules: [!<Rule> {name: Default, colorspace: raw}]"},
    "inactive_colorspaces": {"extra": "inactive_colorspaces: [raw2]", "cs": "  - !<ColorSpace> {name: raw2}"},
    "viewing_rules": {"extra": "viewing_rules: [!<Rule> {name: r, colorspaces: raw}]"},
    "shared_views": {"extra": "shared_views: [!<View> {name: s, colorspace: raw}]"},
    "display uses shared views": {
        "extra": "shared_views: [!<View> {name: s, colorspace: raw}]",
        "shared": ", !<Views> [s]",
    },
    "virtual_display": {"extra": "virtual_display:\n  - !<View> {name: s, colorspace: raw}"},
    "virtual_display not a list": {"extra": "virtual_display: {v: [!<View> {name: s, colorspace: raw}]}"},
    "display_colorspaces": {"extra": "display_colorspaces: [!<ColorSpace> {name: dd}]"},
    "interop_id": {"cs": "  - !<ColorSpace> {name: raw2, interop_id: srgb_tx}"},
    "color space interchange": {"cs": f"  - !<ColorSpace> {{name: raw2, {INTERCHANGE}}}"},
    "empty interchange": {"cs": "  - !<ColorSpace> {name: raw2, interchange: {}}"},
    "look interchange": {"extra": f"looks: [!<Look> {{name: l, process_space: raw, {INTERCHANGE}}}]"},
    "view transform interchange": {
        "extra": "view_transforms: [" + VT.format(t="!<MatrixTransform> {}", more=", " + INTERCHANGE) + "]"
    },
    "view_transforms": {"extra": "view_transforms: [" + VT.format(t="!<MatrixTransform> {}", more="") + "]"},
    "view transform without a transform": {"extra": "view_transforms: [!<ViewTransform> {name: vt}]"},
    "default_view_transform": {"extra": "default_view_transform: vt"},
    "named_transforms": {"extra": "named_transforms: [!<NamedTransform> {name: nt, transform: !<MatrixTransform> {}}]"},
    "hue curve in a look's group": {
        "extra": f"looks: [!<Look> {{name: l, process_space: raw, transform: !<GroupTransform> {{children: [{HUE}]}}}}]"
    },
    "hue curve as a look's inverse": {
        "extra": f"looks: [!<Look> {{name: l, process_space: raw, inverse_transform: {HUE}}}]"
    },
    "hue curve in a named transform": {
        "extra": f"named_transforms: [!<NamedTransform> {{name: nt, transform: {HUE}}}]"
    },
    "hue curve in a view transform": {"extra": "view_transforms: [" + VT.format(t=HUE, more="") + "]"},
    "hue curve in a display space": {
        "extra": f"display_colorspaces: [!<ColorSpace> {{name: dd, from_display_reference: {HUE}}}]"
    },
    "v2 key in a v1 space is not read": {"cs": f"  - !<ColorSpace> {{name: raw2, to_scene_reference: {HUE}}}"},
}
"""Config elements OCIO gates on the version, and where it looks for transforms."""


@pytest.mark.parametrize("name", sorted(ELEMENTS))
def test_config_elements_at_every_version(name: str) -> None:
    _agree({v: _config(v, **ELEMENTS[name]) for v in ("1", "2", "2.4", "2.5")})


@pytest.mark.parametrize(
    "version",
    ["1.0", "1.1", "2.0", "2.6", "2.7", "3", "0", "2.6.1", "2.06", "02", '"2.5"', "+2", "2.-1", "2.a", '""', "1" * 12],
)
def test_version_numbers(version: str) -> None:
    """``ocio_profile_version`` read as OCIO reads it: ``major[.minor]``, each part as C's stoi; 1.0 and 2.0 to 2.6."""
    _agree({version: _config("1").replace("ocio_profile_version: 1", f"ocio_profile_version: {version}")})


def test_missing_version() -> None:
    text = _config("2").replace("ocio_profile_version: 2\n", "")
    assert not _ocio_reads(text)
    with pytest.raises(OcioError, match="no ocio_profile_version"):
        Config.from_string(text)


@pytest.mark.parametrize(
    ("version", "transform", "message"),
    [
        ("2.4", HUE, "GradingHueCurveTransform needs ocio_profile_version 2.5 or higher"),
        ("2.3", "!<FixedFunctionTransform> {style: Lin_TO_PQ}", "style 'Lin_TO_PQ' needs ocio_profile_version 2.4"),
        ("2.5", '!<BuiltinTransform> {style: "APPLE_LOG-APPLEWG_to_ACES2065-1"}', "needs ocio_profile_version 2.6"),
        ("1", "!<RangeTransform> {min_in_value: 0}", "RangeTransform needs ocio_profile_version 2.0"),
    ],
)
def test_message_names_file_line_transform_and_version(
    tmp_path: Path, version: str, transform: str, message: str
) -> None:
    path = tmp_path / "config.ocio"
    text = _config(version, "!<GroupTransform> {children: [!<MatrixTransform> {}, " + transform + "]}")
    path.write_text(text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "name: x" in row)
    with pytest.raises(OcioError, match=message) as info:
        Config.from_file(path)
    assert str(info.value).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize(
    "spaces", [["lin", "srgb"], ["lin", "Raw"], ["lin", "dat"], ["lin", "raw_not_data"]], ids=lambda s: s[-1]
)
@pytest.mark.parametrize("version", ["1", "2"])
def test_default_file_rule_without_default_role(version: str, spaces: list[str]) -> None:
    """A v2 config needs file rules or a ``default`` role (OCIO refuses it at load); a v1 one reads, and its
    Default rule takes a data space named raw, else the first data space, else the first space (OCIO
    UpdateFileRulesFromV1ToV2)."""
    data = ("Raw", "dat")
    body = "\n".join(f"  - !<ColorSpace> {{name: {n}, isdata: {str(n in data).lower()}}}" for n in spaces)
    text = _config(version).replace("roles: {default: raw}", "roles: {reference: lin}")
    text = text.replace("  - !<ColorSpace> {name: raw}\n", body + "\n")
    assert _ocio_reads(text) == _ours_reads(text) == (version == "1")
    if version == "1":
        ref = OCIO.Config.CreateFromStream(text).getColorSpaceFromFilepath("shot.exr")
        assert Config.from_string(text).colorspace_from_filepath("shot.exr") == ref[0]
