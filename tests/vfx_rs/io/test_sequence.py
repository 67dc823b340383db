"""`vfx_rs.io.sequence`: the sequence a single frame file belongs to."""

from __future__ import annotations

from pathlib import Path

from vfx_rs.io.sequence import sequence_of


def _touch(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_bytes(b"")


def test_a_frame_names_its_sequence_with_gaps_and_padding(tmp_path):
    _touch(tmp_path, "shot.1001.exr", "shot.1002.exr", "shot.1004.exr", "shot.1004.exr.bak", "other.1003.exr")
    pattern, frames = sequence_of(tmp_path / "shot.1002.exr")
    assert str(pattern) == str(tmp_path / "shot.####.exr")
    assert frames == [1001, 1002, 1004]  # the gap at 1003 is the caller's to show; nothing else matches
    assert pattern.path(1003) == str(tmp_path / "shot.1003.exr")


def test_versions_before_the_frame_number_and_patterns_given_as_such(tmp_path):
    _touch(tmp_path, "comp_v002.0007.png", "comp_v002.0008.png", "comp_v003.0007.png")
    pattern, frames = sequence_of(tmp_path / "comp_v002.0008.png")
    assert frames == [7, 8] and pattern.padding == 4  # the last digit run is the frame: v002 stays
    pattern, frames = sequence_of(str(tmp_path / "comp_v003.%04d.png"))
    assert frames == [7]


def test_lone_files_are_not_sequences(tmp_path):
    _touch(tmp_path, "plate.exr", "render_v002.exr", "a.0001.exr")
    assert sequence_of(tmp_path / "plate.exr") is None
    assert sequence_of(tmp_path / "render_v002.exr") is None  # no other file shares its pattern
    assert sequence_of(tmp_path / "a.0001.exr") is None
