"""Limits shared by every LUT reader, and fuzzing of every text parser.

For each format: a 3D size over 256 per axis, a 1D size over 2^20, a NaN in
the table, and an entry count not matching the header raise `LutError`
naming the file and line, and a header claiming a huge table is refused
without allocating it (measured with tracemalloc). Fuzzed files raise only
`vfx_rs` errors.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vfx_rs
import vfx_rs.lut as lut
import vfx_rs.lut.limits as limits
import vfx_rs.lut.threedl as threedl
from tests.tolerances import ATOL_LUT_OCIO
from vfx_rs.pipeline import Pipeline

BIG_1D = 2**20 + 1

# (file name, text, line the error must name, words the message must hold)
CASES = [
    ("size3d.cube", "LUT_3D_SIZE 257\n0 0 0\n", 1, "2..256"),
    ("size3d.spi3d", "SPILUT 1.0\n3 3\n257 257 257\n0 0 0 0 0 0\n", 3, "2..256"),
    ("size3d.csp", "CSPLUTV100\n3D\n0\n0\n0\n257 257 257\n0 0 0\n", 6, "2..256"),
    ("size1d.cube", f"LUT_1D_SIZE {BIG_1D}\n0 0 0\n", 1, "2..1048576"),
    ("size1d.spi1d", f"Version 1\nLength {BIG_1D}\nComponents 1\n{{\n0\n}}\n", 2, "2..1048576"),
    ("size1d.csp", f"CSPLUTV100\n1D\n0\n0\n0\n{BIG_1D}\n0 0 0\n", 6, "2..1048576"),
    ("prelut.csp", f"CSPLUTV100\n3D\n{BIG_1D}\n", 3, "0..1048576"),
    ("big.cube", "LUT_1D_SIZE 2\n0 0 0\n1e400 1 1\n", 3, "float32 range"),
    ("big.spi1d", "Version 1\nLength 2\nComponents 3\n{\n0 0 0\n1 -1e39 1\n}\n", 6, "float32 range"),
    ("big.spi3d", "SPILUT 1.0\n3 3\n2 2 2\n" + "0 0 0 0 0 0\n" * 7 + "1 1 1 1 1 4e38\n", 11, "float32 range"),
    ("tiny.csp", "CSPLUTV100\n3D\n0\n0\n0\n2 2 2\n" + "0 0 0\n" * 7 + "1e-45 1 1\n", 14, "float32 range"),
    ("nan.spimtx", "1 0 0 0 0 1 0 0 0 0 nan 0\n", 1, "NaN"),
    ("short.cube", "LUT_3D_SIZE 3\n" + "0 0 0\n" * 26, 27, "needs 27 entries"),
    ("short.spi1d", "Version 1\nLength 3\nComponents 1\n{\n0\n1\n}\n", 7, "Length is 3"),
    ("short.spi3d", "SPILUT 1.0\n3 3\n3 3 3\n" + "0 0 0 0 0 0\n" * 26, 29, "needs 27 entries"),
    ("short.csp", "CSPLUTV100\n1D\n0\n0\n0\n3\n0 0 0\n1 1 1\n", 8, "file ends"),
    ("superscript.cube", "LUT_3D_SIZE \u00b2\n0 0 0\n", 1, "whole number"),
    ("superscript.csp", "CSPLUTV100\n3D\n\u00b2\n", 3, "whole number"),
    ("superscript.spi1d", "Version 1\nLength \u00b2\nComponents 1\n{\n0\n}\n", 2, "whole number"),
    ("short.3dl", "0 0 0\n" * 25 + "1023 0 0\n", 26, "not the cube"),
]


@pytest.mark.parametrize(("name", "text", "line", "words"), CASES, ids=[c[0] for c in CASES])
def test_limits_raise_lut_error_naming_file_and_line(
    tmp_path: Path, name: str, text: str, line: int, words: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(vfx_rs.LutError) as info:
        lut.read(path)
    assert (info.value.path, info.value.line) == (str(path), line)
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("huge.cube", "LUT_3D_SIZE 256\n0 0 0\n"),
        ("huge.spi3d", "SPILUT 1.0\n3 3\n256 256 256\n0 0 0 0 0 0\n"),
        ("huge.csp", "CSPLUTV100\n3D\n0\n0\n0\n256 256 256\n0 0 0\n"),
        ("huge.spi1d", "Version 1\nLength 1048576\nComponents 3\n{\n0 0 0\n}\n"),
        ("huge1d.csp", "CSPLUTV100\n1D\n0\n0\n0\n1048576\n0 0 0\n"),
    ],
)
def test_a_huge_header_is_refused_without_allocating(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    tracemalloc.start()
    try:
        with pytest.raises(vfx_rs.LutError):
            lut.read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20  # a 256^3 float64 table would be 400 MB


def test_too_many_3dl_points_stop_the_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threedl, "MAX_3D_SIZE", 4)
    path = tmp_path / "big.3dl"
    path.write_text("0 0 0\n" * 64 + "1023 0 0\n" * 61)
    with pytest.raises(vfx_rs.LutError, match=r"more than 4\^3") as info:
        lut.read(path)
    assert info.value.line == 65


def test_a_file_longer_than_any_lut_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 100)
    path = tmp_path / "long.cube"
    path.write_text("LUT_1D_SIZE 2\n" + "# padding\n" * 20 + "0 0 0\n1 1 1\n")
    with pytest.raises(vfx_rs.LutError, match=r"larger than any \.cube file"):
        lut.read(path)


def test_unknown_extension_is_read_by_content(tmp_path: Path) -> None:
    samples = {
        "a.txt": ("CSPLUTV100\n1D\n0\n0\n0\n2\n0 0 0\n1 1 1\n", lut.Lut1D),
        "b.txt": (
            "SPILUT 1.0\n3 3\n2 2 2\n" + "".join(f"{i >> 2} {(i >> 1) & 1} {i & 1} 0 0 0\n" for i in range(8)),
            lut.Lut3D,
        ),
        "c.txt": ("Version 1\nLength 2\nComponents 1\n{\n0\n1\n}\n", lut.Lut1D),
        "d.txt": ("# x\nLUT_3D_SIZE 2\n" + "0 0 0\n" * 8, lut.Lut3D),
        "e.txt": ("3DMESH\nMesh 1 10\n" + "0 0 0\n" * 7 + "1023 1023 1023\n", lut.Lut3D),
        "f.txt": ("1 0 0 0\n0 1 0 0\n0 0 1 0\n", lut.LutChain),
        "h.txt": (
            '<?xml version="1.0"?>\n<ProcessList compCLFversion="3" id="x">\n'
            '<Matrix inBitDepth="32f" outBitDepth="32f"><Array dim="3 3">2 0 0 0 2 0 0 0 2</Array></Matrix>\n'
            "</ProcessList>\n",
            Pipeline,
        ),
    }
    for name, (text, kind) in samples.items():
        (tmp_path / name).write_text(text)
        assert isinstance(lut.read(tmp_path / name), kind), name
    (tmp_path / "g.txt").write_text("hello\n")
    with pytest.raises(vfx_rs.LutError, match="unrecognised content"):
        lut.read(tmp_path / "g.txt")


VALID = {
    ".cube": 'TITLE "t"\nLUT_1D_SIZE 2\nLUT_3D_SIZE 2\n0 0 0\n1 1 1\n' + "0.5 0.5 0.5\n" * 8,
    ".spi1d": "Version 1\nFrom -1 2\nLength 3\nComponents 2\n{\n0 0\n0.5 0.4\n1 1\n}\n",
    ".spi3d": "SPILUT 1.0\n3 3\n2 2 2\n" + "".join(f"{i >> 2} {(i >> 1) & 1} {i & 1} 0.1 0.2 0.3\n" for i in range(8)),
    ".spimtx": "1 0 0 0\n0 1 0 0\n0 0 1 0\n",
    ".csp": "CSPLUTV100\n3D\nBEGIN METADATA\nm\nEND METADATA\n3\n0 0.5 1\n0 0.7 1\n0\n0\n2 2 2\n" + "0.1 0.2 0.3\n" * 8,
    ".3dl": "3DMESH\nMesh 1 12\n0 300 1023\n" + "0 0 0\n" * 7 + "4095 4095 4095\nLUT8\ngamma 1.0\n",
}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    ext = draw(st.sampled_from(sorted(VALID)))
    text = VALID[ext]
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 8)))
        insert = draw(
            st.sampled_from(
                [
                    "",
                    "0",
                    "-1",
                    "1e400",
                    "nan",
                    " ",
                    "\n",
                    "{",
                    "}",
                    "9999999999",
                    "x",
                    "#",
                    "<",
                    "2 2 2",
                    "END METADATA",
                    "\u00b2",
                    "\u0663",
                    "--1",
                ]
            )
        )
        text = text[:i] + insert + text[j:]
    return ext, text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=mutated())
def test_fuzzed_files_raise_only_vfx_errors(tmp_path: Path, case: tuple[str, str]) -> None:
    ext, text = case
    path = tmp_path / f"fuzz{ext}"
    path.write_text(text)
    try:
        result = lut.read(path)
    except vfx_rs.VfxError:
        return
    assert isinstance(result, (lut.Lut1D, lut.Lut3D, lut.LutChain))
    out = result.apply(np.array([[-1.0, 0.5, 2.0], [0.0, 0.0, 0.0]]))
    assert np.all(np.isfinite(out))


CCC = """<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.2">
  <ColorCorrection id="one">
    <SOPNode><Slope>1.1 1.0 0.9</Slope><Offset>0.01 0 -0.02</Offset><Power>1.0 1.2 0.9</Power></SOPNode>
    <SatNode><Saturation>0.8</Saturation></SatNode>
  </ColorCorrection>
  <ColorCorrection id="two">
    <SOPNode><Slope>0.9 1.05 1.1</Slope><Offset>0 0.02 0</Offset><Power>1.1 1.0 1.0</Power></SOPNode>
  </ColorCorrection>
</ColorCorrectionCollection>
"""


def test_cdl_files_are_read_through_the_color_package(tmp_path: Path) -> None:
    from tests.vfx_rs.lut.ocio_ref import OCIO

    path = tmp_path / "grades.ccc"
    path.write_text(CCC)
    cdls = lut.read(path)
    assert [c.id for c in cdls] == ["one", "two"]
    single = tmp_path / "one.cc"
    single.write_text(CCC.split("\n", 1)[1].split('  <ColorCorrection id="two">')[0])
    assert lut.read(single).id == "one"
    rgb = np.random.default_rng(2).uniform(0.0, 1.5, (5000, 3)).astype(np.float32)
    for cdl in cdls:
        transform = OCIO.FileTransform(src=str(path), cccId=cdl.id)
        cpu = (
            OCIO.Config.CreateRaw()
            .getProcessor(transform)
            .getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
        )
        expected = rgb.copy()
        cpu.applyRGB(expected)
        # OCIO applies CDL files without the ASC clamp (its CDLTransform default style, CDL_NO_CLAMP).
        assert np.abs(cdl.pipeline(style="noclamp").applied(rgb) - expected).max() <= ATOL_LUT_OCIO
