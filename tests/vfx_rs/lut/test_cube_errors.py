"""Malformed ``.cube`` files raise `LutError` naming the file and the line; fuzzing raises only vfx_rs errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vfx_rs
import vfx_rs.lut as lut

ROWS_8 = "0 0 0\n" * 8

# (name, file text, line the error must name, words the message must hold)
MALFORMED = [
    ("no_size", 'TITLE "x"\n0 0 0\n', None, "LUT_1D_SIZE"),
    ("unknown_keyword", "LUT_3D_SIZE 2\nLUT_FOO 3\n" + ROWS_8, 2, "LUT_FOO"),
    ("size_not_integer", "LUT_3D_SIZE 2.5\n" + ROWS_8, 1, "whole number"),
    ("size_3d_too_big", "LUT_3D_SIZE 257\n0 0 0\n", 1, "2..256"),
    ("size_3d_absurd", "LUT_3D_SIZE 99999999999\n0 0 0\n", 1, "2..256"),
    ("size_1d_too_big", f"LUT_1D_SIZE {2**20 + 1}\n0 0 0\n", 1, "2..1048576"),
    ("size_1d_one", "LUT_1D_SIZE 1\n0 0 0\n", 1, "2.."),
    ("duplicate_size", "LUT_3D_SIZE 2\nLUT_3D_SIZE 2\n" + ROWS_8, 2, "twice"),
    ("too_few_entries", "LUT_3D_SIZE 2\n" + "0 0 0\n" * 7, 8, "needs 8 entries"),
    ("too_many_entries", "LUT_1D_SIZE 2\n0 0 0\n1 1 1\n1 1 1\n", 4, "more table entries"),
    ("two_numbers", "LUT_1D_SIZE 3\n0 0 0\n0.5 0.5\n1 1 1\n", 3, "3 numbers"),
    ("not_a_number", "LUT_1D_SIZE 3\n0 0 0\n0.5 x 0.5\n1 1 1\n", 3, "not numeric"),
    ("overflow_entry", "LUT_1D_SIZE 3\n0 0 0\n0.5 1e39 0.5\n1 1 1\n", 3, "float32 range"),
    ("underflow_entry", "LUT_3D_SIZE 2\n" + "0 0 0\n" * 5 + "1e-40 0 0\n0 0 0\n0 0 0\n", 7, "float32 range"),
    ("domain_two_values", "LUT_3D_SIZE 2\nDOMAIN_MIN 0 0\n" + ROWS_8, 2, "DOMAIN_MIN"),
    ("domain_text", "LUT_3D_SIZE 2\nDOMAIN_MAX 1 one 1\n" + ROWS_8, 2, "DOMAIN_MAX"),
    ("domain_inverted", "LUT_3D_SIZE 2\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 0 1\n" + ROWS_8, 3, "not above"),
    ("input_range_one_value", "LUT_1D_SIZE 2\nLUT_1D_INPUT_RANGE 0\n0 0 0\n1 1 1\n", 2, "INPUT_RANGE"),
    ("keyword_after_data", 'LUT_1D_SIZE 2\n0 0 0\nTITLE "late"\n1 1 1\n', 3, "after the table data"),
]


@pytest.mark.parametrize(("text", "line", "words"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_malformed_file_names_file_and_line(tmp_path: Path, text: str, line: int | None, words: str) -> None:
    path = tmp_path / "bad.cube"
    path.write_text(text)
    with pytest.raises(vfx_rs.LutError) as info:
        lut.read_lut(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert words in str(info.value)
    assert str(path) in str(info.value)


def test_binary_file_is_a_lut_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.cube"
    path.write_bytes(b"LUT_3D_SIZE 2\n\xff\xfe\x00\n")
    with pytest.raises(vfx_rs.LutError, match="UTF-8") as info:
        lut.read_lut(path)
    assert info.value.line == 2


def test_missing_file_is_an_io_error(tmp_path: Path) -> None:
    with pytest.raises(vfx_rs.IoError):
        lut.read_lut(tmp_path / "absent.cube")


def test_wrong_kind_and_extension(tmp_path: Path) -> None:
    one = tmp_path / "one.cube"
    one.write_text("LUT_1D_SIZE 2\n0 0 0\n1 1 1\n")
    with pytest.raises(vfx_rs.LutError, match="1D LUT"):
        lut.read_cube_3d(one)
    with pytest.raises(vfx_rs.LutError, match="unknown LUT extension"):
        lut.read_lut(tmp_path / "x.png")


def test_apply_checks_its_arguments() -> None:
    cube = lut.Lut3D.identity(2)
    with pytest.raises(vfx_rs.ArgumentError, match="float32"):
        lut.apply_3d(np.zeros((2, 2, 3)), cube)
    with pytest.raises(vfx_rs.ArgumentError, match="channels"):
        lut.apply_3d(np.zeros((2, 2, 2), np.float32), cube)
    with pytest.raises(vfx_rs.LutError, match="Lut1D"):
        lut.apply_1d(np.zeros((2, 2, 3), np.float32), cube)  # type: ignore[arg-type]
    with pytest.raises(vfx_rs.LutError, match="interpolation"):
        cube.to_ops("cubic")


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "t.cube"
    with pytest.raises(vfx_rs.LutError, match="TITLE"):
        lut.write_cube(target, lut.Lut1D(np.zeros((2, 3)), title='a "q"'))
    assert not target.exists()


_LINES = st.sampled_from(
    [
        "LUT_3D_SIZE 2",
        "LUT_1D_SIZE 3",
        "LUT_3D_SIZE 300",
        "DOMAIN_MIN 0 0 0",
        "DOMAIN_MAX 1 1 1",
        "LUT_1D_INPUT_RANGE 0 1",
        'TITLE "t"',
        "# c",
        "",
        "0 0 0",
        "1 0.5 0.25",
        "nan 0 0",
        "1 2",
        "x y z",
        "1e400 0 0",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(_LINES, st.text(max_size=12)), max_size=14))
def test_fuzzed_cube_raises_only_vfx_errors(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "fuzz.cube"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        result = lut.read_lut(path)
    except vfx_rs.VfxError:
        return
    assert isinstance(result, (lut.Lut1D, lut.Lut3D))
    assert np.all(np.isfinite(result.data))
