"""Every OCIO failure raises `OcioError` naming what is wrong and where (file and line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vfx_rs.errors import IoError, OcioError, VfxError
from vfx_rs.ocio import Config

BASE = """\
ocio_profile_version: 2
roles: {default: lin}
displays:
  sRGB:
    - !<View> {name: Raw, colorspace: lin}
looks:
  - !<Look> {name: grade, process_space: lin, transform: !<MatrixTransform> {}}
colorspaces:
  - !<ColorSpace> {name: lin}
"""
"""A valid minimal config; each case appends or substitutes one broken element."""


def _load(tmp_path: Path, text: str) -> tuple[Config, str]:
    path = tmp_path / "broken.ocio"
    path.write_text(text, encoding="utf-8")
    return Config.from_file(path), str(path)


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("extra", "needle", "action", "message"),
    [
        (
            "  - !<ColorSpace> {name: a, to_scene_reference: !<ColorSpaceTransform> {src: a, dst: lin}}\n",
            "name: a",
            lambda c: c.processor("a", "lin"),
            "circular reference",
        ),
        (
            "  - !<ColorSpace>\n    name: a\n    to_scene_reference: !<ColorSpaceTransform> {src: b, dst: lin}\n"
            "  - !<ColorSpace>\n    name: b\n    to_scene_reference: !<ColorSpaceTransform> {src: a, dst: lin}\n",
            "{src: b",
            lambda c: c.processor("a", "lin"),
            "circular reference",
        ),
        (
            "  - !<ColorSpace> {name: a, to_scene_reference: !<ColorSpaceTransform> {src: nowhere, dst: lin}}\n",
            "name: a",
            lambda c: c.processor("a", "lin"),
            "'nowhere'",
        ),
        (
            "  - !<ColorSpace> {name: a, to_scene_reference: !<FileTransform> {src: missing.cube}}\n",
            "missing.cube",
            lambda c: c.processor("a", "lin"),
            "'missing.cube'",
        ),
        (
            "  - !<ColorSpace> {name: a, to_scene_reference: !<CDLTransform> {slope: [1, 1]}}\n",
            "CDLTransform",
            lambda c: c.processor("a", "lin"),
            "'slope' needs 3 numbers",
        ),
        (
            "  - !<ColorSpace> {name: a, to_scene_reference: !<FixedFunctionTransform> {style: ACES_GamutMap02}}\n",
            "FixedFunction",
            lambda c: c.processor("a", "lin"),
            "FixedFunctionTransform style 'ACES_GamutMap02' is not supported",
        ),
        (
            "  - !<ColorSpace> {name: a, to_scene_reference: !<BuiltinTransform> {style: NOT-A-STYLE}}\n",
            "BuiltinTransform",
            lambda c: c.processor("a", "lin"),
            "unknown BuiltinTransform style 'NOT-A-STYLE'; known: UTILITY",
        ),
        (
            "  - !<ColorSpace> {name: a, to_scene_reference: !<ExposureContrastTransform> {pivot: x}}\n",
            "ExposureContrast",
            lambda c: c.processor("a", "lin"),
            "'pivot' must be a number",
        ),
        (
            "  - !<ColorSpace> {name: a, to_scene_reference: !<ExponentTransform> {value: [1, 2]}}\n",
            "Exponent",
            lambda c: c.processor("a", "lin"),
            "'value' needs 3 values",
        ),
    ],
)
def test_processor_errors_name_file_and_line(tmp_path: Path, extra: str, needle: str, action, message: str) -> None:  # type: ignore[no-untyped-def]
    text = BASE + extra
    cfg, path = _load(tmp_path, text)
    with pytest.raises(OcioError, match=message) as info:
        action(cfg)
    assert info.value.path == path
    assert info.value.line == _line_of(text, needle)
    assert str(info.value).startswith(f"{path}:{info.value.line}: ")


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("!<MatrixTransform> {}", "!<WarpTransform> {}", "WarpTransform", "unknown transform tag"),
        ("{name: lin}", "{name: lin", "- !<ColorSpace> {name: lin", "malformed YAML"),
        ("colorspace: lin}", "colorspace: lin}}", "colorspace: lin}}", "malformed YAML"),
        ("{name: Raw, colorspace: lin}", "{name: Raw}", "name: Raw", "neither a colorspace"),
        ("!<ColorSpace> {name: lin}", "!<ColourSpace> {name: lin}", "ColourSpace", "expected !<ColorSpace>"),
        ("ocio_profile_version: 2", "ocio_profile_version: 3", "ocio_profile_version", "unsupported"),
    ],
)
def test_load_errors_name_file_and_line(tmp_path: Path, old: str, new: str, needle: str, message: str) -> None:
    text = BASE.replace(old, new)
    path = tmp_path / "broken.ocio"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OcioError, match=message) as info:
        Config.from_file(path)
    assert info.value.path == str(path)
    assert info.value.line is not None and abs(info.value.line - _line_of(text, needle)) <= 1


def test_missing_names_raise(tmp_path: Path) -> None:
    text = BASE + "  - !<ColorSpace> {name: b}\n"
    cfg, path = _load(tmp_path, text)
    cases = [
        (lambda: cfg.processor("nope", "lin"), "color space 'nope'"),
        (lambda: cfg.processor("lin", "b", looks="+nolook"), "look 'nolook'"),
        (lambda: cfg.display_processor("lin", "Nodisplay", "Raw"), "display 'Nodisplay'"),
        (lambda: cfg.display_processor("lin", "sRGB", "Noview"), "view 'Noview' is not in the views of display 'sRGB'"),
        (lambda: cfg.colorspace("nope"), "color space 'nope'"),
        (lambda: cfg.look("nope"), "look 'nope'"),
    ]
    for action, message in cases:
        with pytest.raises(OcioError, match=message) as info:
            action()
        assert info.value.path == path
        assert isinstance(info.value, VfxError)


def test_view_and_look_references_name_their_line(tmp_path: Path) -> None:
    text = BASE.replace("process_space: lin", "process_space: gone").replace("colorspace: lin}", "colorspace: lost}")
    cfg, path = _load(tmp_path, text)
    with pytest.raises(OcioError, match="'lost'") as info:
        cfg.display_processor("lin", "sRGB", "Raw")
    assert (info.value.path, info.value.line) == (path, _line_of(text, "colorspace: lost"))
    with pytest.raises(OcioError, match="'gone'") as info:
        cfg.processor("lin", "lin", looks="grade")
    assert info.value.line == _line_of(text, "process_space: gone")


def test_file_and_env_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(IoError):
        Config.from_file(tmp_path / "absent.ocio")
    monkeypatch.delenv("OCIO", raising=False)
    with pytest.raises(OcioError, match="OCIO"):
        Config.from_env()
    (tmp_path / "bin.ocio").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(OcioError):
        Config.from_file(tmp_path / "bin.ocio")
    with pytest.raises(OcioError, match="YAML mapping"):
        Config.from_string("- just a list\n")
    with pytest.raises(OcioError, match=r"\$UNSET_VAR_XYZ"):
        Config.from_string(BASE.replace("roles:", "search_path: $UNSET_VAR_XYZ\nroles:")).context().resolve_file(
            "a.cube"
        )


def test_unknown_names_suggest_the_closest_or_list_the_few() -> None:
    import vfx_rs.ocio as ocio

    cfg = ocio.builtin("cg-config-v2.2.0_aces-v1.3_ocio-v2.4")
    with pytest.raises(OcioError, match=r"color space 'ACEScgg' is not in the config \(did you mean: ACEScg"):
        cfg.colorspace("ACEScgg")
    with pytest.raises(OcioError, match=r"known: Raw, ACES 1.0 - SDR Video, Un-tone-mapped\)$"):
        cfg.view("sRGB - Display", "Nonsense")
    with pytest.raises(OcioError, match=r"display 'Rec' is ambiguous in the config: it matches Rec\.1886"):
        cfg.display("Rec")
