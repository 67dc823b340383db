"""Hostile LUT and CDL files fail with `LutError`/`FormatError` naming file and line (issue 16 regressions)."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from vfx_rs import lut
from vfx_rs.color.cdl_files import read_cdl_collection
from vfx_rs.errors import FormatError, IoError, LutError
from vfx_rs.pipeline import Pipeline

HUGE = "9" * 5000
"""Longer than the 4,300 digits Python's int() accepts: used to escape as a bare ValueError."""

CLF = """<?xml version="1.0" encoding="UTF-8"?>
<ProcessList id="x" compCLFversion="{version}">
  <LUT1D inBitDepth="32f" outBitDepth="32f">
    <Array dim="{dim}">0 0 0 1 1 1</Array>
  </LUT1D>
</ProcessList>
"""


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        ("a.cube", f"LUT_3D_SIZE {HUGE}\n", 1, "LUT_3D_SIZE needs one whole number"),
        ("a.cube", f"LUT_1D_SIZE -{HUGE}\n", 1, "LUT_1D_SIZE needs one whole number"),
        ("a.spi1d", f"Version 1\nFrom 0 1\nLength {HUGE}\nComponents 1\n{{\n0\n}}\n", 3, "Length needs one whole"),
        ("a.spi3d", f"SPILUT 1.0\n3 3\n{HUGE} {HUGE} {HUGE}\n", 3, "three whole numbers"),
        ("a.csp", f"CSPLUTV100\n3D\n{HUGE}\n", 3, "whole number"),
        ("a.csp", f"CSPLUTV100\n3D\n0\n0\n0\n{HUGE} {HUGE} {HUGE}\n", 6, "three equal whole numbers"),
        ("a.clf", CLF.format(version="3", dim=f"{HUGE} 3"), 4, "not a list of integers"),
        ("a.clf", CLF.format(version=HUGE, dim="2 3"), 2, "not a version number"),
        ("a.3dl", f"0 512 1023\n0 0 {HUGE}\n", 2, "not a whole number"),
    ],
)
def test_over_long_integers(tmp_path: Path, name: str, text: str, line: int, message: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(LutError, match=message) as info:
        lut.read_lut(path)
    assert info.value.path == str(path) and info.value.line == line
    assert len(str(info.value)) < 300, "the message quotes at most a short part of the line"


def test_unknown_xml_encoding_in_a_cdl(tmp_path: Path) -> None:
    path = tmp_path / "grade.cc"
    path.write_text('<?xml version="1.0" encoding="no-such-codec"?><ColorCorrection id="a"/>')
    with pytest.raises(FormatError, match="unknown text encoding") as info:
        read_cdl_collection(path)
    assert info.value.path == str(path) and info.value.line == 1


def test_deeply_nested_xml(tmp_path: Path) -> None:
    path = tmp_path / "deep.clf"
    path.write_text("<ProcessList>" + "<a>" * 5000 + "</a>" * 5000 + "</ProcessList>")
    with pytest.raises(LutError, match="nest deeper than 64") as info:
        lut.read_lut(path)
    assert info.value.line == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("name", ["a.cube", "a.cc", "a.unknown"])
def test_fifo_is_refused_at_once(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    reader = read_cdl_collection if name.endswith(".cc") else lut.read_lut
    with pytest.raises(IoError, match="named pipe"):
        reader(fifo)


def test_directory_and_none(tmp_path: Path) -> None:
    folder = tmp_path / "x.cube"
    folder.mkdir()
    with pytest.raises(IoError, match="directory"):
        lut.read_lut(folder)
    with pytest.raises(Exception, match="not NoneType") as info:
        lut.read_lut(None)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)


PEAK_PER_FLOAT32_TABLE = {
    ".cube": 3.3,
    ".csp": 3.3,
    ".3dl": 3.3,
    ".spi3d": 3.3,
    ".clf": 3.5,
    ".cub": 3.3,
    ".itx": 3.3,
    ".m3d": 3.3,
    ".lut": 3.3,
    ".vf": 3.3,
    ".look": 3.3,
}
"""Most tracemalloc peak of a 40^3 read, in float32 tables (n^3 x 3 x 4 bytes). The result itself is a float64
table (2x). Before: .cube 35x, .spi3d 50x, .csp 33x, .3dl 7x (33x before that), .clf 21x, then 14.8x holding
its XML text (17 digits a value, 5.7x), then 5.0x. .clf now parses its Array as expat delivers it and its
`Lut3DOp` holds the parsed float64 values (2x) as given, adding only its float32 planar table (1x): 3.3x.
The Truelight .cub (40x), Iridas .itx (35x), Pandora .m3d, Nuke .vf, Iridas .look (its hex text joined, then a
Python float a value) and Houdini .lut (18x, after the Discreet reader, tried first for .lut, had read the text
whole too) now parse as they read."""


def _traced_read(path: Path) -> tuple[object, int]:
    """`lut.read_lut(path)` and the peak of what it allocated (tracemalloc: NumPy reports its buffers there)."""
    tracemalloc.start()
    try:
        return lut.read_lut(path), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _lut_file(path: Path, n: int) -> None:
    grid = np.linspace(0.0, 1.0, n)
    table = np.stack(np.meshgrid(grid, grid, grid, indexing="ij"), -1)[..., ::-1] ** 1.1
    if path.suffix in (".cube", ".spi3d", ".clf"):
        lut.write_lut(path, lut.Lut3D(table))
    elif path.suffix == ".csp":
        with open(path, "w") as handle:
            handle.write(f"CSPLUTV100\n3D\n\n2\n0 1\n0 1\n2\n0 1\n0 1\n2\n0 1\n0 1\n\n{n} {n} {n}\n")
            np.savetxt(handle, table.reshape(-1, 3), fmt="%.6f")
    elif path.suffix == ".m3d":  # Pandora: index and 12-bit codes, blue fastest
        codes = np.round(table.transpose(2, 1, 0, 3).reshape(-1, 3) * 4095).astype(int)
        with open(path, "w") as handle:
            handle.write(f"channel 3d\nin {n**3}\nout 4096\nformat lut\nvalues red green blue\n")
            np.savetxt(handle, np.column_stack([np.arange(n**3), codes]), fmt="%d")
    elif path.suffix == ".look":  # Iridas look: hex little-endian float32, red fastest
        hexdata = table.astype("<f4").tobytes().hex()
        lines = "\n".join(hexdata[i : i + 96] for i in range(0, len(hexdata), 96))
        path.write_text(f'<look>\n<LUT>\n<size>"{n}"</size>\n<data>"\n{lines}\n"</data>\n</LUT>\n</look>\n')
    elif path.suffix == ".vf":  # Nuke vector field: blue fastest
        with open(path, "w") as handle:
            handle.write(f"#Inventor V2.1 ascii\ngrid_size {n} {n} {n}\ndata [\n")
            np.savetxt(handle, table.transpose(2, 1, 0, 3).reshape(-1, 3), fmt="%.6f")
            handle.write("]\n")
    elif path.suffix == ".lut":  # Houdini 3D: red fastest
        with open(path, "w") as handle:
            handle.write("Version 3\nFormat any\nType 3D\nFrom 0 1\nTo 0 1\nBlack 0\nWhite 1\n")
            handle.write(f"Length {n}\nLUT:\n3D {{\n")
            np.savetxt(handle, table.reshape(-1, 3), fmt="%.6f")
            handle.write("}\n")
    elif path.suffix == ".itx":  # Iridas: red fastest
        with open(path, "w") as handle:
            handle.write(f"LUT_3D_SIZE {n}\n")
            np.savetxt(handle, table.reshape(-1, 3), fmt="%.6f")
    elif path.suffix == ".cub":  # Truelight: red fastest, as OCIO reads it
        with open(path, "w") as handle:
            handle.write(f"# Truelight Cube v2.0\n# iDims 3\n# oDims 3\n# width {n} {n} {n}\n\n# Cube\n")
            np.savetxt(handle, table.reshape(-1, 3), fmt="%.6f")
            handle.write("# end\n")
    else:  # .3dl: 12-bit codes, blue fastest, with a 10-bit shaper line
        with open(path, "w") as handle:
            handle.write(" ".join(str(round(x)) for x in np.linspace(0, 1023, n)) + "\n")
            np.savetxt(handle, np.round(table.transpose(2, 1, 0, 3).reshape(-1, 3) * 4095).astype(int), fmt="%d")


@pytest.mark.parametrize("ext", list(PEAK_PER_FLOAT32_TABLE))
def test_large_text_luts_are_read_in_memory_near_their_table(tmp_path: Path, ext: str) -> None:
    """Issue 16: parse large tables in O(file size), about 3x the float32 table (a .3dl once took 33x its file)."""
    n = 40
    path = tmp_path / f"big{ext}"
    _lut_file(path, n)
    table, peak = _traced_read(path)
    if ext in (".lut", ".vf"):
        (table,) = table.steps
    if ext != ".clf":
        assert table.size == n
    ratio = peak / (n**3 * 3 * 4)
    assert ratio < PEAK_PER_FLOAT32_TABLE[ext], f"peak allocation {ratio:.1f}x the float32 table"


def test_large_spi1d_is_read_in_memory_near_its_table(tmp_path: Path) -> None:
    """Issue 16: a 65536-entry one-component .spi1d (its text held whole: 22x the (size, 3) float32 table) is
    parsed as it is read into the table the `Lut1D` keeps: about 2.7x."""
    values = np.linspace(0.0, 1.0, 65536) ** 0.7
    path = tmp_path / "big.spi1d"
    path.write_text(
        "Version 1\nFrom 0 1\nLength 65536\nComponents 1\n{\n" + "\n".join(map(repr, values.tolist())) + "\n}\n"
    )
    table, peak = _traced_read(path)
    np.testing.assert_array_equal(table.data, np.repeat(values[:, None], 3, axis=1))
    ratio = peak / (65536 * 3 * 4)
    assert ratio < 3.2, f"peak allocation {ratio:.1f}x the float32 table"


def test_large_discreet_lut_is_read_in_memory_near_its_table(tmp_path: Path) -> None:
    """Issue 16: a three-table 65536-entry (half-float) Discreet .lut held its text split into line tuples (59x the
    (65536, 3) float32 table); its entries are now read into 2 bytes each as the lines arrive: under 4x (the
    float64 table the op keeps is 2x of it)."""
    codes = np.tile(np.arange(65536, dtype=np.uint16), 3)
    path = tmp_path / "big.lut"
    path.write_text("LUT: 3 65536 65536f\n" + "\n".join(map(str, codes.tolist())) + "\n")
    chain, peak = _traced_read(path)
    assert len(chain.steps) == 1
    ratio = peak / (65536 * 3 * 4)
    assert ratio < 4.0, f"peak allocation {ratio:.1f}x the float32 table"


def test_large_clf_lut1d_is_read_in_memory_near_its_table(tmp_path: Path) -> None:
    """Issue 16: a 65536-entry CLF LUT1D (5x its float32 table in XML text) peaks at 2.5x that table (9.2x, then
    4.3x before): its parsed float64 values (2x), which the `Lut1DOp` holds without a copy."""
    x = np.linspace(0.0, 1.0, 65536)
    rows = "\n".join(f"{a!r} {b!r} {c!r}" for a, b, c in np.stack([x**0.6, x, x * 0.5], axis=1).tolist())
    path = tmp_path / "big1d.clf"
    path.write_text(
        '<?xml version="1.0"?>\n<ProcessList compCLFversion="3" id="a">\n<LUT1D inBitDepth="32f" outBitDepth="32f">'
        f'\n<Array dim="65536 3">\n{rows}\n</Array>\n</LUT1D>\n</ProcessList>\n'
    )
    pipeline, peak = _traced_read(path)
    assert isinstance(pipeline, Pipeline) and len(pipeline.ops) == 1
    ratio = peak / (65536 * 3 * 4)
    assert ratio < 3.0, f"peak allocation {ratio:.1f}x the float32 table"


def test_streamed_text_luts_read_the_same_table(tmp_path: Path) -> None:
    """The block parser gives the values float() gives, for CRLF and CR line ends too, and names bad lines."""
    rng = np.random.default_rng(5)
    values = rng.normal(size=(5**3, 3)) * 10.0 ** rng.integers(-8, 8, (5**3, 3))
    rows = [" ".join(repr(float(v)) for v in row) for row in values]
    path = tmp_path / "t.cube"
    for newline in ("\n", "\r\n", "\r"):
        path.write_bytes(newline.join(["LUT_3D_SIZE 5", *rows, ""]).encode())
        table = lut.read_lut(path)
        np.testing.assert_array_equal(table.data.reshape(-1, 3), [[float(t) for t in r.split()] for r in rows])
    for line, text, words in [(40, "0.5 0x1p3 1", "is not numeric"), (7, "1-2 3", "needs 3 numbers, got 2")]:
        bad = rows.copy()
        bad[line - 2] = text
        path.write_text("\n".join(["LUT_3D_SIZE 5", *bad]) + "\n")
        with pytest.raises(LutError, match=f"3D table entry {words}") as info:
            lut.read_lut(path)
        assert info.value.line == line


def test_spimtx_value_beyond_float32_is_refused(tmp_path: Path) -> None:
    """Found by the LUT fuzz test: a 41-digit entry read fine and turned every pixel into infinity."""
    path = tmp_path / "huge.spimtx"
    path.write_text("1 0 0 0\n0 1 0 0\n0 0 " + "9" * 41 + " 0\n")
    with pytest.raises(LutError, match=r"huge\.spimtx:3: \.spimtx entry 9+ is beyond the float32 range"):
        lut.read_lut(path)


@pytest.mark.parametrize(
    ("element", "name"),
    [
        (
            "<Range inBitDepth='32f' outBitDepth='32f'><minInValue> </minInValue><maxInValue>1</maxInValue>"
            "<minOutValue>0</minOutValue><maxOutValue>1</maxOutValue></Range>",
            "Range minInValue",
        ),
        (
            "<ASC_CDL inBitDepth='32f' outBitDepth='32f' style='Fwd'><SOPNode><Slope>1 1 1</Slope><Offset>0 0 0"
            "</Offset><Power>1 1 1</Power></SOPNode><SatNode><Saturation>\n</Saturation></SatNode></ASC_CDL>",
            "ASC_CDL Saturation",
        ),
    ],
)
def test_clf_value_of_white_space_only_is_refused(tmp_path: Path, element: str, name: str) -> None:
    """NumPy's fromstring reads white space alone as [-1.0]: an empty minInValue was read as -1 (0.2 -> 0.6)."""
    path = tmp_path / "blank.clf"
    path.write_text(f'<?xml version="1.0"?>\n<ProcessList id="x" compCLFversion="3">\n{element}\n</ProcessList>\n')
    with pytest.raises(LutError, match=rf"blank\.clf:3: {name} needs 1 values, found 0"):
        lut.read_lut(path)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("count.lut", f"LUT: 3 {'9' * 5000}\n0\n"),
        ("depth.lut", f"LUT: 1 2 {'9' * 5000}\n0\n1\n"),
        ("entry.lut", f"LUT: 1 2 1024\n{'9' * 5000}\n1\n"),
        ("size.look", f'<look><LUT><size>"{"9" * 5000}"</size><data>""</data></LUT></look>\n'),
        ("width.cub", f"# Truelight Cube v2.0\n# width {'9' * 5000} 3 3\n# Cube\n"),
    ],
)
def test_numbers_past_pythons_digit_limit_are_refused_cleanly(tmp_path: Path, name: str, text: str) -> None:
    """bench/fuzz.py found `int()` raising ValueError (Python's 4300-digit limit) in the Discreet .lut and Iridas
    .look readers: such numbers are out of every range, refused as `LutError` naming the file."""
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(LutError, match=name):
        lut.read_lut(path)
