"""ASC CDL files: ours read by OpenColorIO give OCIO's result; hand-written and malformed files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import PyOpenColorIO as OCIO
import pytest

from tests.tolerances import ATOL_CDL_OCIO
from vfx_rs.color import Cdl, apply_cdl, cdl_file_text, read_cdl_collection, read_cdl_file, write_cdl_file
from vfx_rs.errors import ArgumentError, FormatError, IoError, NotFoundError

SHOTS = [
    Cdl(slope=(1.2, 0.9, 1.05), offset=(0.02, -0.01, 0.05), power=(1.3, 0.8, 1.1), saturation=0.7, id="sh010"),
    Cdl(
        slope=(0.8, 1.1, 1.4),
        offset=(-0.05, 0.1, 0.0),
        power=(0.6, 2.2, 1.0),
        saturation=1.6,
        id="sh020",
        description='night & <day> "grade"',
    ),
    Cdl(slope=(1.0 / 3.0, 0.02, 7.0), offset=(0.1, 0.0, -0.1), saturation=1.25),
]


def pixels() -> np.ndarray:
    axis = np.concatenate([[-0.1, 0.0], np.geomspace(1e-3, 64.0, 9)])
    return np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3).astype(np.float32)


def ocio_apply(transform: OCIO.Transform, rgb: np.ndarray) -> np.ndarray:
    proc = OCIO.Config.CreateRaw().getProcessor(transform)
    cpu = proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    out = rgb.copy()
    cpu.applyRGB(out)
    return out


def assert_same(ours: np.ndarray, ref: np.ndarray) -> None:
    assert float((np.abs(ours - ref) / np.maximum(1.0, np.abs(ref))).max()) <= ATOL_CDL_OCIO


@pytest.mark.parametrize("kind", ["cc", "ccc", "cdl"])
def test_written_files_read_by_ocio(tmp_path: Path, kind: str) -> None:
    shots = SHOTS[:1] if kind == "cc" else SHOTS
    path = tmp_path / f"grade.{kind}"
    write_cdl_file(path, shots)
    rgb = pixels()
    for index, shot in enumerate(shots):
        key = shot.id or ("" if kind == "cc" else str(index))
        ocio = OCIO.CDLTransform.CreateFromFile(str(path), key)
        assert ocio.getStyle() == OCIO.CDL_NO_CLAMP  # OCIO reads CDL files as noclamp
        assert_same(apply_cdl(rgb.copy(), shot, "noclamp"), ocio_apply(ocio, rgb))
        # The FileTransform route with ccc id, as configs use it.
        file_transform = OCIO.FileTransform(src=str(path), cccId=key, interpolation=OCIO.INTERP_LINEAR)
        assert_same(apply_cdl(rgb.copy(), shot, "noclamp"), ocio_apply(file_transform, rgb))
        inverse = OCIO.FileTransform(src=str(path), cccId=key, direction=OCIO.TRANSFORM_DIR_INVERSE)
        assert_same(apply_cdl(rgb.copy(), shot, "noclamp", inverse=True), ocio_apply(inverse, rgb))
    assert read_cdl_collection(path) == shots


def test_values_round_trip_exactly(tmp_path: Path) -> None:
    for kind in ("ccc", "cdl"):
        path = tmp_path / f"all.{kind}"
        write_cdl_file(path, SHOTS)
        assert read_cdl_collection(path) == SHOTS
        assert read_cdl_file(path, id="sh020") == SHOTS[1]
        assert read_cdl_file(path, index=2) == SHOTS[2]
        assert read_cdl_file(path, index=-1) == SHOTS[2]


def test_write_is_atomic_on_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "one.cc"
    path.write_text("old")
    with pytest.raises(ArgumentError, match="exactly one"):
        write_cdl_file(path, SHOTS)
    assert path.read_text() == "old"
    with pytest.raises(ArgumentError, match="extension"):
        write_cdl_file(tmp_path / "g.xml", SHOTS[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.cc"]


HAND_WRITTEN_CCC = """<?xml version="1.0" encoding="UTF-8"?>
<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.2">
  <ColorCorrection id="a">
    <SOPNode>
      <Description>sop</Description>
      <Slope>1.1 1.0 0.9</Slope>
      <Offset>0.01 0 -0.02</Offset>
      <Power>1.0 1.2 0.8</Power>
    </SOPNode>
    <SATNode><Saturation>0.5</Saturation></SATNode>
  </ColorCorrection>
  <ColorCorrection id="b">
    <SatNode><Saturation> 1.5 </Saturation></SatNode>
  </ColorCorrection>
  <ColorCorrection id="c">
    <Description>first</Description>
    <Description>second</Description>
    <SOPNode><Slope>2 2 2</Slope><Offset>0 0 0</Offset><Power>1 1 1</Power></SOPNode>
  </ColorCorrection>
</ColorCorrectionCollection>
"""


def test_hand_written_ccc_matches_ocio(tmp_path: Path) -> None:
    path = tmp_path / "hand.ccc"
    path.write_text(HAND_WRITTEN_CCC)
    rgb = pixels()
    for key in ("a", "b", "c"):
        ours = apply_cdl(rgb.copy(), read_cdl_file(path, id=key), "noclamp")
        assert_same(ours, ocio_apply(OCIO.CDLTransform.CreateFromFile(str(path), key), rgb))
    assert read_cdl_file(path, id="b") == Cdl(saturation=1.5, id="b")
    assert read_cdl_file(path, id="c").description == "first\nsecond"


def test_selection_errors(tmp_path: Path) -> None:
    path = tmp_path / "hand.ccc"
    path.write_text(HAND_WRITTEN_CCC)
    with pytest.raises(NotFoundError, match=r"'zz'.*'a', 'b', 'c'"):
        read_cdl_file(path, id="zz")
    with pytest.raises(NotFoundError, match="index 3"):
        read_cdl_file(path, index=3)
    with pytest.raises(ArgumentError, match="3 corrections"):
        read_cdl_file(path)
    with pytest.raises(ArgumentError, match="not both"):
        read_cdl_file(path, id="a", index=0)
    with pytest.raises(IoError, match=r"missing\.cc"):
        read_cdl_file(tmp_path / "missing.cc")


CC_HEAD = '<?xml version="1.0"?>\n<ColorCorrection id="x">\n'
SOP_OK = "<SOPNode>\n<Slope>1 1 1</Slope>\n<Offset>0 0 0</Offset>\n<Power>1 1 1</Power>\n</SOPNode>\n"

MALFORMED = [
    # (file text, message fragment, line)
    (CC_HEAD + "<SOPNode>\n<Slope>1 1 1</Slope>\n</ColorCorrection>\n", "mismatched tag", 5),
    (
        CC_HEAD + "<SOPNode>\n<Slope>1 1 1</Slope>\n<Power>1 1 1</Power>\n</SOPNode>\n</ColorCorrection>\n",
        "no <Offset>",
        3,
    ),
    (
        CC_HEAD + "<SOPNode>\n<Slope>1 1</Slope>\n<Offset>0 0 0</Offset>\n<Power>1 1 1</Power>\n</SOPNode>\n"
        "</ColorCorrection>\n",
        "needs 3 values, found 2",
        4,
    ),
    (
        CC_HEAD + SOP_OK + "<SatNode>\n<Saturation>\n0.5 0.5</Saturation></SatNode>\n</ColorCorrection>\n",
        "needs 1 values, found 2",
        10,
    ),
    (
        CC_HEAD + "<SOPNode>\n<Slope>1 1 1</Slope>\n<Offset>0 abc 0</Offset>\n<Power>1 1 1</Power>\n</SOPNode>\n"
        "</ColorCorrection>\n",
        "'abc' is not a number",
        5,
    ),
    (
        CC_HEAD + "<SOPNode>\n<Slope>1 1 1</Slope>\n<Offset>0 0 0</Offset>\n<Power>1 nan 1</Power>\n</SOPNode>\n"
        "</ColorCorrection>\n",
        "'nan' is not a number",
        6,
    ),
    (
        CC_HEAD + "<SOPNode>\n<Slope>1 1e999 1</Slope>\n<Offset>0 0 0</Offset>\n<Power>1 1 1</Power>\n</SOPNode>\n"
        "</ColorCorrection>\n",
        "not finite",
        4,
    ),
    (
        CC_HEAD + "<SOPNode>\n<Slope>1 1_0 1</Slope>\n<Offset>0 0 0</Offset>\n<Power>1 1 1</Power>\n</SOPNode>\n"
        "</ColorCorrection>\n",
        "'1_0' is not a number",
        4,
    ),
    (
        CC_HEAD + "<SOPNode>\n<Slope>1 -1 1</Slope>\n<Offset>0 0 0</Offset>\n<Power>1 1 1</Power>\n</SOPNode>\n"
        "</ColorCorrection>\n",
        "slope must be >= 0",
        3,
    ),
    (CC_HEAD + "<Description>nothing</Description>\n</ColorCorrection>\n", "neither a SOPNode nor a SatNode", 2),
    (CC_HEAD + "<SatNode>\n</SatNode>\n</ColorCorrection>\n", "no <Saturation>", 3),
    (CC_HEAD + SOP_OK + SOP_OK + "</ColorCorrection>\n", "more than one <SOPNode>", 8),
    ('<?xml version="1.0"?>\n<ColorDecisionList>\n</ColorDecisionList>\n', "root must be <colorcorrection>", 2),
    ("", "no element found", 1),
    ("<ColorCorrection>\n<SOPNode>\x00", "not well-formed", 2),
]


@pytest.mark.parametrize(("text", "message", "line"), MALFORMED, ids=[m[1][:24] for m in MALFORMED])
def test_malformed_cc_names_file_and_line(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = tmp_path / "bad.cc"
    path.write_text(text)
    with pytest.raises(FormatError) as info:
        read_cdl_file(path)
    assert message in str(info.value)
    assert info.value.path == str(path) and info.value.line == line
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_malformed_cdl_and_ccc(tmp_path: Path) -> None:
    path = tmp_path / "bad.cdl"
    path.write_text(
        '<ColorDecisionList>\n<ColorDecision>\n<MediaRef ref="a.dpx"/>\n</ColorDecision>\n</ColorDecisionList>\n'
    )
    with pytest.raises(FormatError, match=r"bad.cdl:2: <ColorDecision> has no <ColorCorrection>"):
        read_cdl_collection(path)
    path.write_text(
        '<ColorDecisionList>\n<ColorDecision>\n<ColorCorrectionRef ref="a"/>\n</ColorDecision>\n</ColorDecisionList>\n'
    )
    with pytest.raises(FormatError, match=r"bad.cdl:3: <ColorCorrectionRef>.*not supported"):
        read_cdl_collection(path)
    ccc = tmp_path / "bad.ccc"
    ccc.write_text(HAND_WRITTEN_CCC.replace("<Power>1 1 1</Power>", "<Power>1 0 1</Power>"))
    with pytest.raises(FormatError, match=r"bad.ccc:18: CDL power must be > 0"):
        read_cdl_collection(ccc)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<ColorCorrection><Description>&lol3;</Description><SatNode><Saturation>1</Saturation></SatNode></ColorCorrection>
"""


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lol.cc"
    path.write_text(BILLION_LAUGHS)
    with pytest.raises(FormatError, match=r"lol.cc:2: DOCTYPE declarations are not allowed"):
        read_cdl_file(path)
    external = tmp_path / "ext.cc"
    external.write_text('<?xml version="1.0"?>\n<!DOCTYPE c SYSTEM "http://example.com/x.dtd">\n<ColorCorrection/>\n')
    with pytest.raises(FormatError, match="DOCTYPE"):
        read_cdl_file(external)


def test_text_is_escaped_and_has_namespace() -> None:
    text = cdl_file_text(SHOTS[1], "cc")
    assert 'xmlns="urn:ASC:CDL:v1.2"' in text
    assert "night &amp; &lt;day&gt;" in text
    with pytest.raises(ArgumentError, match="kind"):
        cdl_file_text(SHOTS, "xml")
    with pytest.raises(ArgumentError, match="at least one"):
        cdl_file_text([], "ccc")


def test_every_truncation_raises_format_error_or_reads(tmp_path: Path) -> None:
    """A file cut before its closing tag raises FormatError naming the file and line (never another error)."""
    data = cdl_file_text(SHOTS, "cdl").encode()
    path = tmp_path / "cut.cdl"
    refused = 0
    cuts = range(0, data.rindex(b"</ColorDecisionList>"), 7)
    for end in cuts:
        path.write_bytes(data[:end] + b"\xff\xfe" * (end % 2))
        try:
            read_cdl_collection(path)
        except FormatError as exc:
            assert exc.path == str(path) and exc.line is not None
            refused += 1
    assert refused == len(cuts)
