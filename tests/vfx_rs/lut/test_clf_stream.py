"""Long CLF ``Array`` texts are parsed as expat delivers them (issue 16): same tables as OCIO, same errors.

An ``Array`` whose text passes `vfx_rs.lut.clf_xml._STREAM_FROM` characters is parsed chunk by chunk into
an array of its declared size; these files are far longer than that. Values are checked against
OpenColorIO's FileTransform of the same file; errors name the line written into the file, and read the
same as the short-text path's (the token walk) with streaming switched off.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import vfx_rs.lut.clf_xml as clf_xml
from tests.vfx_rs.lut.test_clf import assert_matches_ocio
from vfx_rs.errors import LutError
from vfx_rs.lut.clf import read_clf

N3 = 24
"""LUT3D size: 41,472 values, about 700 KB of text (ten times `_STREAM_FROM`)."""

_HEAD = '<?xml version="1.0"?>\n<ProcessList compCLFversion="3" id="s">\n'


def _lut3d_text(values: np.ndarray, depth: str = "32f") -> str:
    rows = "\n".join(" ".join(repr(float(v)) for v in row) for row in values.reshape(-1, 3))
    return (
        f'{_HEAD}<LUT3D inBitDepth="32f" outBitDepth="{depth}">\n<Array dim="{N3} {N3} {N3} 3">\n{rows}\n'
        "</Array>\n</LUT3D>\n</ProcessList>\n"
    )


def _table(depth_max: float = 1.0) -> np.ndarray:
    grid = np.linspace(0.0, 1.0, N3)
    rgb = np.stack(np.meshgrid(grid, grid, grid, indexing="ij"), -1)
    return np.sin(rgb * 2.0 + np.array([0.0, 0.7, 1.3])) ** 2 * depth_max


@pytest.mark.parametrize("depth", ["32f", "10i"])
def test_long_lut3d_array_matches_ocio(tmp_path: Path, depth: str) -> None:
    """Values split across expat's chunks, NaN and infinities included, scaled by the bit depth as OCIO."""
    values = _table(1023.0 if depth == "10i" else 1.0).reshape(-1, 3)
    values[[5, 4000, 13000], [0, 1, 2]] = [np.nan, np.inf, -np.inf]
    path = tmp_path / f"long_{depth}.clf"
    path.write_text(_lut3d_text(values, depth))
    assert path.stat().st_size > 10 * clf_xml._STREAM_FROM
    assert_matches_ocio(path)


def test_long_lut1d_array_matches_ocio(tmp_path: Path) -> None:
    """A 65536-entry LUT1D, parsed as it arrives."""
    x = np.linspace(0.0, 1.0, 65536)
    table = np.stack([x**0.6, x * 0.8 + 0.1, np.log2(x + 1.0) * 0.7], axis=1).tolist()
    rows = "\n".join(f"{a!r} {b!r} {c!r}" for a, b, c in table)
    path = tmp_path / "long1d.clf"
    path.write_text(
        f'{_HEAD}<LUT1D inBitDepth="32f" outBitDepth="32f">\n<Array dim="65536 3">\n{rows}\n'
        "</Array>\n</LUT1D>\n</ProcessList>\n"
    )
    assert_matches_ocio(path)


def _mutated(lines: list[str], index: int, text: str) -> list[str]:
    out = lines.copy()
    out[index] = text
    return out


@pytest.mark.parametrize(
    ("mutate", "message", "line"),
    [
        # table row k is on file line k + 5 (the Array starts on line 4)
        (lambda r: _mutated(r, 9000, "0.5 0x1p3 1"), "value '0x1p3' is not a number", 9005),
        (lambda r: _mutated(r, 13000, "0.5 0.5"), "needs 41472 values, found 41471", 5),
        (lambda r: _mutated(r, 13000, "0.5 0.5 0.5 0.5"), "needs 41472 values, found 41473", 5),
        (lambda r: [*r, "0.5 0.5 bad"], "needs 41472 values, found more", 13829),
        (lambda r: _mutated(r, 700, "0.5 1-2 0.5"), "value '1-2' is not a number", 705),
        (lambda r: [*r[:-1], r[-1] + "5e"], "value '[0-9.e-]+5e' is not a number", 13828),
    ],
)
def test_long_array_errors_name_their_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mutate: object, message: str, line: int
) -> None:
    """A malformed number, too few or too many values: the message and line of the short-text path."""
    rows = _lut3d_text(_table()).split("\n")
    head, body, tail = rows[:4], rows[4 : 4 + N3**3], rows[4 + N3**3 :]
    path = tmp_path / "bad.clf"
    path.write_text("\n".join([*head, *mutate(body), *tail]))  # type: ignore[operator]
    errors = []
    for stream_from in (clf_xml._STREAM_FROM, 1 << 62):
        monkeypatch.setattr(clf_xml, "_STREAM_FROM", stream_from)
        with pytest.raises(LutError) as info:
            read_clf(path)
        errors.append((str(info.value), info.value.line))
    assert errors[0] == errors[1]
    assert re.search(f"LUT3D Array {message}", errors[0][0]) and errors[0][1] == line, errors[0]
