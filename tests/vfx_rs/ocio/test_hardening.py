"""Hostile and malformed OCIO configs fail fast with `OcioError` naming file and line (issue 16 regressions).

Every test runs with libyaml's loader and with PyYAML's pure-Python one (the fallback), which must keep the
same bounds and line numbers.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from vfx_rs.errors import ArgumentError, IoError, OcioError
from vfx_rs.ocio import Config
from vfx_rs.ocio.model import ColorSpace

BASE = """\
ocio_profile_version: 2
roles: {default: lin}
displays:
  sRGB:
    - !<View> {name: Raw, colorspace: lin}
colorspaces:
  - !<ColorSpace> {name: lin}
"""


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML was built without libyaml")
    else:
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    yield request.param


def test_the_loader_is_libyaml_where_available(yaml_loader: str) -> None:
    from vfx_rs.ocio.parse import _loader

    base = yaml.CSafeLoader if yaml_loader == "libyaml" else yaml.SafeLoader
    assert issubclass(_loader(None), base)


def test_both_loaders_read_the_same_config() -> None:
    text = BASE + "  - !<ColorSpace> {name: log, to_scene_reference: !<LogTransform> {base: 10}}\nenvironment: {A: 1}\n"
    config = Config.from_string(text)
    assert config.colorspace_names() == ["lin", "log"]
    assert config.colorspace("log").to_reference.kind == "Log"
    assert config.colorspace("log").to_reference.line == text.count("\n") - 1


@pytest.mark.parametrize("block", [False, True])
def test_nesting_past_the_limit_is_refused_before_construction(block: bool) -> None:
    """100 levels: under libyaml's own limit (1,000), over ours (64)."""
    if block:
        deep = "deep:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(100)) + " " * 101 + "v\n"
    else:
        deep = "deep: " + "[" * 100 + "]" * 100 + "\n"
    text = BASE + deep
    with pytest.raises(OcioError, match="nests deeper than 64 levels") as info:
        Config.from_string(text, path="cfg.ocio")
    # block: the first node 65 deep is the key k62 (the root mapping is 1 deep, deep's mapping 2)
    assert info.value.line == (BASE.count("\n") + 64 if block else BASE.count("\n") + 1)


def _billion_laughs(levels: int = 9) -> str:
    """A config whose ``name`` is 10**levels strings through nested aliases (561 bytes at 9 levels)."""
    lines = ["ocio_profile_version: 2", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append(f"name: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_at_once() -> None:
    start = time.perf_counter()
    with pytest.raises(OcioError, match=r"aliases expand to more than") as info:
        Config.from_string(_billion_laughs(), path="bomb.ocio")
    assert time.perf_counter() - start < 2.0
    assert info.value.path == "bomb.ocio" and info.value.line is not None


def test_small_aliases_still_work() -> None:
    text = BASE.replace("roles: {default: lin}", "roles: &r {default: lin}\nextra: *r")
    assert Config.from_string(text).colorspace("default").name == "lin"


def test_self_referring_alias_is_refused() -> None:
    with pytest.raises(OcioError, match="refers to itself"):
        Config.from_string(BASE + "loop: &x [*x]\n")


def test_deep_nesting_is_refused_with_a_line() -> None:
    with pytest.raises(OcioError, match="nests deeper") as info:
        Config.from_string(BASE + "deep: " + "[" * 2000 + "]" * 2000 + "\n")
    assert info.value.line == BASE.count("\n") + 1


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        ("{default: lin, a: b, b: a}", r"loop: a -> b -> a"),
        ("{default: lin, scene_linear: linear}", r"role 'scene_linear' names 'linear', which is not a color space"),
    ],
)
def test_role_loops_and_dangling_roles(roles: str, message: str) -> None:
    config = Config.from_string(BASE.replace("{default: lin}", roles))
    query = "a" if "a: b" in roles else "scene_linear"
    with pytest.raises(OcioError, match=message):
        config.colorspace(query)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("when: !!timestamp x\n", r"bad YAML value 'x'"),
        ("when: !!int 1.5\n", r"bad YAML value '1.5'"),
        ("environment: [a, b]\n", r"'environment' must be a mapping of names to values, not a list"),
        ("big: " + "9" * 5000 + "\n", None),
    ],
)
def test_wrong_yaml_types(extra: str, message: str | None) -> None:
    text = BASE + extra
    if message is None:  # a 5000-digit integer is read (PyYAML's int) or refused, never a bare ValueError
        try:
            Config.from_string(text)
        except OcioError as exc:
            assert exc.line == text.count("\n")
        return
    with pytest.raises(OcioError, match=message) as info:
        Config.from_string(text, path="cfg.ocio")
    assert info.value.line == text.count("\n")


def test_long_version_number() -> None:
    with pytest.raises(OcioError, match="ocio_profile_version") as info:
        Config.from_string(BASE.replace("ocio_profile_version: 2", f'ocio_profile_version: "{"2" * 5000}"'))
    assert len(str(info.value)) < 200


@pytest.mark.parametrize(
    "transform",
    [
        "!<LogTransform> {base: [1, 2]}",
        "!<RangeTransform> {min_in_value: [0], min_out_value: 0}",
        "!<MatrixTransform> {matrix: {a: 1}}",
        "!<ExponentTransform> {value: [a, b, c, d]}",
    ],
)
def test_list_where_a_number_belongs(transform: str) -> None:
    text = BASE + f"  - !<ColorSpace> {{name: bad, to_scene_reference: {transform}}}\n"
    config = Config.from_string(text, path="cfg.ocio")
    with pytest.raises(OcioError, match="Transform") as info:
        config.processor("bad", "lin")
    assert info.value.line == text.count("\n")


def test_displays_of_the_wrong_kind_says_what_it_found() -> None:
    text = BASE.replace("displays:\n  sRGB:\n    - !<View> {name: Raw, colorspace: lin}\n", "displays: [sRGB]\n")
    with pytest.raises(
        OcioError, match="'displays' must be a mapping of each display name to its list of views, not a list"
    ):
        Config.from_string(text)


def test_many_colorspaces_load_in_linear_time() -> None:
    """8,000 color spaces took 15 s with a quadratic duplicate check (the YAML parse itself is linear)."""
    spaces = [ColorSpace(f"cs{i}", aliases=(f"alias{i}",)) for i in range(8000)]
    start = time.perf_counter()
    config = Config(colorspaces=spaces)
    assert config.colorspace("ALIAS7999").name == "cs7999"
    assert time.perf_counter() - start < 1.0
    with pytest.raises(OcioError, match="defined twice"):
        Config(colorspaces=[*spaces, ColorSpace("Alias5")])


def test_from_string_and_from_file_check_their_argument(tmp_path: Path) -> None:
    with pytest.raises(ArgumentError, match="YAML text, not NoneType"):
        Config.from_string(None)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="not NoneType"):
        Config.from_file(None)  # type: ignore[arg-type]
    with pytest.raises(IoError, match="directory"):
        Config.from_file(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "config.ocio"
    os.mkfifo(fifo)
    with pytest.raises(IoError, match="named pipe"):
        Config.from_file(fifo)


def test_control_characters_are_refused_with_the_line() -> None:
    with pytest.raises(OcioError, match=r"control character U\+0000 is not allowed") as info:
        Config.from_string(BASE + "bad: a\x00b\n", path="cfg.ocio")
    assert info.value.line == BASE.count("\n") + 1
    text = BASE + "title: é" + "é" * 40 + "\n" * 3 + "bad: a\x01b\n"  # libyaml counts bytes, not characters
    with pytest.raises(OcioError, match=r"control character U\+0001") as info:
        Config.from_string(text, path="cfg.ocio")
    assert info.value.line == text.count("\n")


def test_huge_exposure_is_refused() -> None:
    """Found by bench/fuzz.py (ocio:4126021046): 2**exposure raised a bare OverflowError."""
    text = BASE + "  - !<ColorSpace> {name: ec, to_scene_reference: !<ExposureContrastTransform> {exposure: 5000}}\n"
    config = Config.from_string(text, path="cfg.ocio")
    with pytest.raises(OcioError, match=r"exposure 5000.* out of range") as info:
        config.processor("ec", "lin")
    assert info.value.line == text.count("\n")
