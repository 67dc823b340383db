"""Iridas ``.look`` files against OpenColorIO's FileTransform (FileFormatIridasLook.cpp).

Each file written here is applied by PyOpenColorIO and by vfx_rs through a FileTransform,
forward and inverse; malformed files are refused by both, with our message naming the file
and, for XML and element errors, the line.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from tests.vfx_rs.lut.file_format_ref import agree, both_refuse

pytest.importorskip("PyOpenColorIO")


def _hex(n: int, lower: bool = False) -> str:
    """A channel-mixing lattice, red fastest, as hexadecimal little-endian float32 values."""
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    table = np.stack([1.1 * r**0.8 + 0.1 * g, g**1.3 - 0.05 * b, 0.7 * b + 0.3 * r * g], axis=-1)
    text = struct.pack(f"<{table.size}f", *table.ravel()).hex()
    return text if lower else text.upper()


def _look(size: str, data: str, extra: str = "", lut_extra: str = "") -> str:
    return (
        '<?xml version="1.0" ?>\n<look>\n  <shaders>\n    <base><visible>"1"</visible></base>\n  </shaders>\n'
        f"{extra}  <LUT>\n    <size>{size}</size>\n{lut_extra}    <data>{data}</data>\n  </LUT>\n</look>\n"
    )


def _lines(text: str, width: int = 64) -> str:
    return '"\n' + "\n".join("      " + text[i : i + width] for i in range(0, len(text), width)) + '"\n    '


FILES = {
    "plain.look": _look('"5"', _hex(5)),
    "wrapped.look": _look('"7"', _lines(_hex(7))),
    "lower.look": _look("'4'", "'" + _hex(4, lower=True) + "'", extra="  <mask/>\n"),
}


@pytest.mark.parametrize("name", sorted(FILES))
@pytest.mark.parametrize("inverse", [False, True])
def test_look_matches_ocio(tmp_path: Path, name: str, inverse: bool) -> None:
    path = tmp_path / name
    path.write_text(FILES[name])
    agree(path, inverse)


@pytest.mark.parametrize(
    ("name", "text", "match", "line"),
    [
        ("mask.look", _look('"2"', _hex(2), extra="  <mask><shape/></mask>\n"), "mask", 6),
        ("root.look", '<?xml version="1.0" ?>\n<lut><LUT/></lut>\n', "root node", 2),
        ("child.look", _look('"2"', _hex(2), lut_extra="    <title>x</title>\n"), "<LUT> end", 8),
        ("size.look", _look('"1"', _hex(2)), "between 2 and", 7),
        ("nosize.look", _look('"x"', _hex(2)), "quoted integer", 7),
        ("eight.look", _look('"2"', _hex(2) + "0"), "multiple of 8", None),
        ("nonhex.look", _look('"2"', "G" + _hex(2)[1:]), "non-hexadecimal", None),
        ("count.look", _look('"3"', _hex(2)), "expected 81", None),
        ("unbalanced.look", _look('"2"', _hex(2)).replace("</LUT>", "</LUTS>"), "unbalanced", 9),
        ("empty.look", "", "no element found", 1),
    ],
)
def test_malformed_refused_by_both(tmp_path: Path, name: str, text: str, match: str, line: int | None) -> None:
    path = tmp_path / name
    path.write_text(text)
    both_refuse(path, match, line)
