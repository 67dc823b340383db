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


def test_3dl_is_parsed_in_memory_proportional_to_the_file(tmp_path: Path) -> None:
    """A .3dl took 33x its file size (41x its float32 table at 40^3) in Python strings; now 7x, with the text."""
    n = 40
    codes = np.random.default_rng(0).integers(0, 4096, (n**3, 3))
    path = tmp_path / "big.3dl"
    with open(path, "w") as handle:
        handle.write("3DMESH\nMesh 6 12\n0 64 128 192 256 320 384 448 512 576 640 704 768 832 896 960 1023\n")
        np.savetxt(handle, codes, fmt="%d")
    tracemalloc.start()
    try:
        table = lut.read_lut(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert table.size == n
    ratio = peak / (n**3 * 3 * 4)
    assert ratio < 9, f"peak allocation {ratio:.1f}x the float32 table"
