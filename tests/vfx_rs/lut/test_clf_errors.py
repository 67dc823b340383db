"""Malformed, hostile and oversized ``.clf``/``.ctf`` files raise `LutError` naming the file and line."""

from __future__ import annotations

import contextlib
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vfx_rs
from vfx_rs.errors import IoError, LutError, VfxError
from vfx_rs.lut.clf import read_clf, write_clf
from vfx_rs.pipeline.ops import FixedCurveOp, MatrixOp


def _clf(body: str, header: str = 'compCLFversion="3" id="t"') -> str:
    return f'<?xml version="1.0"?>\n<ProcessList {header}>\n{body}</ProcessList>\n'


_MATRIX = '<Matrix inBitDepth="32f" outBitDepth="32f">\n<Array dim="3 3">\n1 0 0\n0 1 0\n0 0 1\n</Array>\n</Matrix>\n'

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
    '<ProcessList compCLFversion="3" id="t"><Description>&lol2;</Description></ProcessList>\n'
)

CASES = {
    "unclosed_tag": (
        _clf('<Matrix inBitDepth="32f" outBitDepth="32f">\n<Array dim="3 3">1 0 0\n'),
        None,
        "malformed XML",
    ),
    "not_xml": ("LUT_3D_SIZE 2\n0 0 0\n", 1, "malformed XML"),
    "empty_file": ("", 1, "malformed XML"),
    "doctype_entities": (BILLION_LAUGHS, 2, "DOCTYPE"),
    "undefined_entity": (_clf("<Description>&xxe;</Description>\n"), 3, "malformed XML"),
    "wrong_root": ('<?xml version="1.0"?>\n<ColorDecisionList/>\n', 2, "not <ProcessList>"),
    "no_version": (_clf(_MATRIX, header='id="t"'), 2, "compCLFversion"),
    "no_id": (_clf(_MATRIX, header='compCLFversion="3"'), 2, "id attribute"),
    "future_version": (_clf(_MATRIX, header='compCLFversion="4.0" id="t"'), 2, "unsupported"),
    "unsupported_node": (
        _clf('<FixedFunction inBitDepth="32f" outBitDepth="32f" style="RedMod03Fwd"/>\n'),
        3,
        "FixedFunction",
    ),
    "bad_bit_depth": (_clf(_MATRIX.replace('outBitDepth="32f"', 'outBitDepth="11i"')), 3, "'11i'"),
    "missing_bit_depth": (_clf(_MATRIX.replace(' inBitDepth="32f"', "")), 3, "inBitDepth"),
    "bit_depth_mismatch": (_clf(_MATRIX.replace('outBitDepth="32f"', 'outBitDepth="10i"') + _MATRIX), 10, "mismatch"),
    "matrix_count": (_clf(_MATRIX.replace("0 0 1\n", "0 0\n")), 5, "needs 9 values, found 8"),
    "matrix_dim": (_clf(_MATRIX.replace('dim="3 3"', 'dim="2 2"')), 4, "dim"),
    "matrix_word": (_clf(_MATRIX.replace("0 1 0\n", "0 one 0\n")), 6, "'one'"),
    "lut1d_count": (
        _clf('<LUT1D inBitDepth="32f" outBitDepth="32f">\n<Array dim="4 3">\n0 0 0\n1 1 1\n</Array>\n</LUT1D>\n'),
        5,
        "needs 12 values, found 6",
    ),
    "lut1d_too_long": (
        _clf(f'<LUT1D inBitDepth="32f" outBitDepth="32f">\n<Array dim="{2**20 + 1} 1">\n0 1\n</Array>\n</LUT1D>\n'),
        4,
        "outside 2..1048576",
    ),
    "lut1d_padded": (
        _clf('<LUT1D inBitDepth="32f" outBitDepth="32f">\n<Array dim="2 1">\n' + "0 " * 5000 + "</Array></LUT1D>\n"),
        5,
        "far more text",
    ),
    "lut1d_half_domain_size": (
        _clf('<LUT1D inBitDepth="16f" outBitDepth="16f" halfDomain="true">\n<Array dim="2 1">0 1</Array>\n</LUT1D>\n'),
        4,
        "65536",
    ),
    "lut1d_raw_halfs_not_codes": (
        _clf('<LUT1D inBitDepth="16f" outBitDepth="16f" rawHalfs="true">\n<Array dim="2 1">0 1.5</Array>\n</LUT1D>\n'),
        4,
        "half codes",
    ),
    "lut1d_interpolation": (
        _clf(
            '<LUT1D inBitDepth="32f" outBitDepth="32f" interpolation="cubic">\n<Array dim="2 1">0 1</Array>\n</LUT1D>\n'
        ),
        3,
        "'cubic'",
    ),
    "lut3d_too_big": (
        _clf('<LUT3D inBitDepth="32f" outBitDepth="32f">\n<Array dim="257 257 257 3">\n0 0 0\n</Array>\n</LUT3D>\n'),
        4,
        "outside 2..256",
    ),
    "lut3d_count": (
        _clf(
            '<LUT3D inBitDepth="32f" outBitDepth="32f">\n<Array dim="2 2 2 3">\n'
            + "0 0 0\n" * 7
            + "</Array>\n</LUT3D>\n"
        ),
        5,
        "needs 24 values, found 21",
    ),
    "lut3d_not_cube": (
        _clf('<LUT3D inBitDepth="32f" outBitDepth="32f">\n<Array dim="2 3 2 3">\n0\n</Array>\n</LUT3D>\n'),
        4,
        "N N N 3",
    ),
    "range_no_clamp_half": (
        _clf(
            '<Range inBitDepth="32f" outBitDepth="32f" style="noClamp">\n<minInValue>0</minInValue><minOutValue>0</minOutValue></Range>\n'
        ),
        3,
        "noClamp",
    ),
    "range_two_values": (
        _clf('<Range inBitDepth="32f" outBitDepth="32f">\n<minInValue>0 1</minInValue>\n</Range>\n'),
        4,
        "needs 1 values, found 2",
    ),
    "exponent_style": (_clf('<Exponent inBitDepth="32f" outBitDepth="32f" style="cubic"/>\n'), 3, "'cubic'"),
    "moncurve_no_offset": (
        _clf(
            '<Exponent inBitDepth="32f" outBitDepth="32f" style="monCurveFwd">\n<ExponentParams exponent="2.4"/>\n</Exponent>\n'
        ),
        4,
        "offset",
    ),
    "exponent_zero": (
        _clf(
            '<Exponent inBitDepth="32f" outBitDepth="32f" style="basicFwd">\n<ExponentParams exponent="0"/>\n</Exponent>\n'
        ),
        4,
        "out of range",
    ),
    "log_camera_no_break": (
        _clf('<Log inBitDepth="32f" outBitDepth="32f" style="cameraLinToLog">\n<LogParams base="2"/>\n</Log>\n'),
        3,
        "linSideBreak",
    ),
    "log_bad_number": (
        _clf('<Log inBitDepth="32f" outBitDepth="32f" style="linToLog">\n<LogParams base="two"/>\n</Log>\n'),
        4,
        "'two'",
    ),
    "cdl_style": (_clf('<ASC_CDL inBitDepth="32f" outBitDepth="32f" style="Sideways"/>\n'), 3, "'Sideways'"),
    "cdl_slope_count": (
        _clf('<ASC_CDL inBitDepth="32f" outBitDepth="32f">\n<SOPNode>\n<Slope>1 1</Slope>\n</SOPNode>\n</ASC_CDL>\n'),
        5,
        "needs 3 values, found 2",
    ),
    "cdl_zero_power": (
        _clf(
            '<ASC_CDL inBitDepth="32f" outBitDepth="32f">\n<SOPNode><Slope>1 1 1</Slope><Offset>0 0 0</Offset><Power>1 0 1</Power></SOPNode>\n</ASC_CDL>\n'
        ),
        3,
        "power must be > 0",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_files_name_file_and_line(tmp_path: Path, name: str) -> None:
    text, line, message = CASES[name]
    path = tmp_path / f"{name}.clf"
    path.write_text(text)
    with pytest.raises(LutError) as info:
        read_clf(path)
    assert info.value.path == str(path)
    assert message in info.value.message
    if line is not None:
        assert info.value.line == line, str(info.value)
    else:
        assert info.value.line is not None


@pytest.mark.parametrize("name", ["lut3d_too_big", "lut1d_too_long"])
def test_an_absurd_size_is_refused_before_allocating(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.clf"
    path.write_text(CASES[name][0])
    tracemalloc.start()
    try:
        with pytest.raises(LutError):
            read_clf(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20


def test_a_missing_file_is_an_io_error(tmp_path: Path) -> None:
    with pytest.raises(IoError):
        vfx_rs.lut.read(tmp_path / "missing.clf")


def test_writing_an_op_without_a_clf_node_names_it_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.clf"
    with pytest.raises(LutError, match="fixed_curve"):
        write_clf(path, [MatrixOp(matrix=np.eye(3) * 2), FixedCurveOp(curve="hlg")])
    assert list(tmp_path.iterdir()) == []


_VALID = _clf(
    _MATRIX + '<Range inBitDepth="32f" outBitDepth="10i"><minInValue>0</minInValue><maxInValue>1</maxInValue>'
    "<minOutValue>0</minOutValue><maxOutValue>1023</maxOutValue></Range>\n"
    '<LUT1D inBitDepth="10i" outBitDepth="32f"><Array dim="3 1">0 0.5 1</Array></LUT1D>\n'
    '<Log inBitDepth="32f" outBitDepth="32f" style="linToLog"><LogParams base="10" linSideOffset="0.1"/></Log>\n'
    '<Exponent inBitDepth="32f" outBitDepth="32f" style="monCurveFwd"><ExponentParams exponent="2.4" offset="0.055"/></Exponent>\n'
    '<ASC_CDL inBitDepth="32f" outBitDepth="32f"><SOPNode><Slope>1 1 1</Slope></SOPNode>'
    "<SatNode><Saturation>1</Saturation></SatNode></ASC_CDL>\n"
    '<LUT3D inBitDepth="32f" outBitDepth="32f"><Array dim="2 2 2 3">' + "0 0.5 1 " * 8 + "</Array></LUT3D>\n"
)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = _VALID
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        token = draw(
            st.sampled_from(["<", ">", '"', "&", "0", "-1", "nan", "1e999", " ", "\n", "/", "=", "x", "\x00", "Ä"])
        )
        if kind == "insert":
            text = text[:pos] + token + text[pos:]
        elif kind == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 8)) :]
        else:
            text = text[:pos] + token + text[pos + len(token) :]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_mutated())
def test_fuzzed_files_raise_only_vfx_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.clf"
    path.write_text(text, encoding="utf-8")
    with contextlib.suppress(VfxError):  # any other exception fails the test
        read_clf(path)


def test_an_unknown_file_interpolation_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.clf"
    path.write_text(_clf(_MATRIX))
    with pytest.raises(LutError, match="'cubic'"):
        read_clf(path, "cubic")
