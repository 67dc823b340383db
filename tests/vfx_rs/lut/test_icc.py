"""ICC matrix/TRC profiles against OpenColorIO's FileTransform (FileFormatICC.cpp).

Profiles are assembled here byte by byte (ICC.1:2022 header, tag table, ``XYZ``, ``curv``,
``para``, ``desc`` and ``mluc`` tags), applied by PyOpenColorIO and by vfx_rs through a
FileTransform, forward (XYZ to device) and inverse; malformed profiles are refused by both,
with our message naming the file.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from tests.vfx_rs.lut.file_format_ref import agree, both_refuse

pytest.importorskip("PyOpenColorIO")

SRGB_XYZ = ((0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141))
"""sRGB colorants adapted to D50, as display profiles store them."""


def _fixed(values: tuple[float, ...]) -> bytes:
    return struct.pack(f">{len(values)}i", *(round(v * 65536) for v in values))


def _xyz(v: tuple[float, float, float]) -> bytes:
    return b"XYZ \0\0\0\0" + _fixed(v)


def _curv(values: list[int]) -> bytes:
    return b"curv\0\0\0\0" + struct.pack(f">I{len(values)}H", len(values), *values)


def _para(kind: int, params: tuple[float, ...]) -> bytes:
    return b"para\0\0\0\0" + struct.pack(">HH", kind, 0) + _fixed(params)


def _desc(text: str) -> bytes:
    raw = text.encode() + b"\0"
    return b"desc\0\0\0\0" + struct.pack(">I", len(raw)) + raw + b"\0" * 79


def _mluc(text: str) -> bytes:
    raw = text.encode("utf-16-be")
    return b"mluc\0\0\0\0" + struct.pack(">IIHHII", 1, 12, 0x656E, 0x7573, len(raw), 28) + raw


def profile(
    trcs: list[bytes],
    colorants: tuple[tuple[float, float, float], ...] = SRGB_XYZ,
    description: bytes | None = None,
    device_class: bytes = b"mntr",
    intent: int = 0,
    magic: bytes = b"acsp",
) -> bytes:
    """An RGB display profile with the given TRC tag bodies (one shared if a single body is given)."""
    tags = [(b"rXYZ", _xyz(colorants[0])), (b"gXYZ", _xyz(colorants[1])), (b"bXYZ", _xyz(colorants[2]))]
    tags += [(sig, trcs[i % len(trcs)]) for i, sig in enumerate((b"rTRC", b"gTRC", b"bTRC"))]
    if description is not None:
        tags.insert(0, (b"desc", description))
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:
        data += b"\0" * (-len(data) % 4)
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = struct.pack(">I4sI4s4s4s", size, b"none", 0x04300000, device_class, b"RGB ", b"XYZ ")
    header += b"\0" * 12 + magic + b"\0" * 24 + struct.pack(">I", intent) + _fixed((0.9642, 1.0, 0.8249))
    header += b"\0" * (128 - len(header))
    return header + struct.pack(">I", len(tags)) + table + body


def _srgb_table(n: int) -> list[int]:
    x = np.linspace(0.0, 1.0, n)
    y = np.where(x <= 0.04045, x / 12.92, ((x + 0.055) / 1.055) ** 2.4)
    return [round(v * 65535) for v in y]


PROFILES = {
    "gamma.icc": lambda: profile([_curv([563])], description=_desc("gamma 2.2")),  # u8Fixed8 2.2
    "gammas.icm": lambda: profile([_curv([563]), _curv([461]), _curv([666])], description=_mluc("three")),
    "table.icc": lambda: profile([_curv(_srgb_table(1024))]),
    "short_table.pf": lambda: profile([_curv(_srgb_table(26)), _curv(_srgb_table(26)), _curv(_srgb_table(26))]),
    "para0.icc": lambda: profile([_para(0, (2.4,)), _para(0, (2.2,)), _para(0, (1.8,))]),
    "para1.icc": lambda: profile([_para(1, (2.2, 1.05, -0.05))]),
    "para2.icc": lambda: profile([_para(2, (2.0, 1.1, -0.1, 0.02))]),
    "para3.icc": lambda: profile([_para(3, (2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045))]),
    "para4.icc": lambda: profile([_para(4, (2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045, 0.01, 0.01))]),
}


@pytest.mark.parametrize("name", sorted(PROFILES))
@pytest.mark.parametrize("inverse", [False, True])
def test_icc_matches_ocio(tmp_path: Path, name: str, inverse: bool) -> None:
    path = tmp_path / name
    path.write_bytes(PROFILES[name]())
    agree(path, inverse)


@pytest.mark.parametrize(
    ("name", "data", "match"),
    [
        ("magic.icc", lambda: profile([_curv([563])], magic=b"xxxx"), "magic"),
        ("short.icc", lambda: profile([_curv([563])])[:100], "128-byte header"),
        ("class.icc", lambda: profile([_curv([563])], device_class=b"abcd"), "profile class"),
        ("intent.icc", lambda: profile([_curv([563])], intent=7), "rendering intent"),
        ("mixed.icc", lambda: profile([_curv([563]), _para(0, (2.2,)), _curv([563])]), "same type"),
        (
            "paratypes.icc",
            lambda: profile([_para(0, (2.2,)), _para(1, (2.2, 1.0, 0.0)), _para(0, (2.2,))]),
            "same type",
        ),
        (
            "lengths.icc",
            lambda: profile([_curv([0, 65535]), _curv([0, 30000, 65535]), _curv([0, 65535])]),
            "same length",
        ),
        ("empty.icc", lambda: profile([_curv([])]), "no values"),
        ("params.icc", lambda: profile([_para(3, (2.4, 1.0, 0.0))]), "takes 5 parameters"),
        ("paratype.icc", lambda: profile([_para(7, (2.4,))]), "unknown ICC parametric"),
        ("step.icc", lambda: profile([_para(3, (2.4, 1.0, 0.0, 2.0, 0.5))]), "negative step"),
        ("step4.icc", lambda: profile([_para(4, (2.4, 0.9, 0.05, 0.08, 0.05, -0.02, 0.0))]), "negative step"),
        ("gamma0.icc", lambda: profile([_curv([1])]), "outside"),
        ("colorant.icc", lambda: profile([_curv([563])]).replace(b"XYZ \0", b"XYY \0"), "matrix tag"),
        ("desc.icc", lambda: profile([_curv([563])], description=_xyz((1.0, 1.0, 1.0))), "description"),
        ("truncated.icc", lambda: profile([_curv(_srgb_table(64))])[:-40], "curve tag"),
    ],
)
def test_malformed_refused_by_both(tmp_path: Path, name: str, data: object, match: str) -> None:
    path = tmp_path / name
    path.write_bytes(data())  # type: ignore[operator]
    both_refuse(path, match, None)
