"""Frame patterns and ranges (vfx_rs.cli.sequences): pure functions, against hand-written expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from vfx_rs.cli.sequences import glob_output, parse_frames, parse_pattern
from vfx_rs.errors import ArgumentError


@pytest.mark.parametrize(
    ("pattern", "frame", "expected"),
    [
        ("shot.####.exr", 1001, "shot.1001.exr"),
        ("shot.####.exr", 7, "shot.0007.exr"),
        ("shot.####.exr", 12345, "shot.12345.exr"),
        ("shot.%04d.exr", 42, "shot.0042.exr"),
        ("shot.%d.exr", 42, "shot.42.exr"),
        ("a/b_@@@@@.dpx", 3, "a/b_00003.dpx"),
        ("shot.####.exr", -5, "shot.-0005.exr"),
    ],
)
def test_pattern_paths(pattern: str, frame: int, expected: str) -> None:
    parsed = parse_pattern(pattern)
    assert parsed is not None and parsed.path(frame) == expected


def test_single_file_and_two_fields() -> None:
    assert parse_pattern("plate_v2.exr") is None
    with pytest.raises(ArgumentError, match="more than one"):
        parse_pattern("shot.####.%04d.exr")


def test_on_disk_finds_padded_frames_only(tmp_path: Path) -> None:
    for name in ("s.0999.exr", "s.1000.exr", "s.12.exr", "s.1001.png", "t.1002.exr", ".s.1003.exr.x.tmp.exr"):
        (tmp_path / name).touch()
    pattern = parse_pattern(str(tmp_path / "s.####.exr"))
    assert pattern is not None and pattern.on_disk() == [999, 1000]


@pytest.mark.parametrize(
    ("text", "frames"),
    [
        ("1001-1005", [1001, 1002, 1003, 1004, 1005]),
        ("1001-1010x3", [1001, 1004, 1007, 1010]),
        ("1001-1011x3", [1001, 1004, 1007, 1010]),
        ("5", [5]),
        ("1-3,2-4,10", [1, 2, 3, 4, 10]),
        ("-2-1", [-2, -1, 0, 1]),
    ],
)
def test_frame_ranges(text: str, frames: list[int]) -> None:
    assert parse_frames(text) == frames


@pytest.mark.parametrize("text", ["", "a-b", "10-1", "1-10x0", "1-10x", "1..10", "0-99999999999"])
def test_bad_frame_ranges(text: str) -> None:
    with pytest.raises(ArgumentError):
        parse_frames(text)


def test_glob_outputs(tmp_path: Path) -> None:
    inputs = ["a/x.exr", "a/y.exr"]
    assert glob_output(inputs, "out/*.png") == ["out/x.png", "out/y.png"]
    assert glob_output(inputs, str(tmp_path)) == [str(tmp_path / "x.exr"), str(tmp_path / "y.exr")]
    with pytest.raises(ArgumentError, match="folder"):
        glob_output(inputs, str(tmp_path / "nope.exr"))
