"""Text LUT tables holding ``nan``, ``inf`` and ``-inf`` entries, against OpenColorIO's FileTransform.

OpenColorIO 2.6 reads such entries in every text format whose table holds
decimal numbers (NumberUtils::from_chars accepts them), and in an Iridas
``.look`` whose hexadecimal floats are NaN or infinity bit patterns; it applies
NaN as 0 and an infinity as the largest float32 of its sign (a 1D table whose
entries are NaN or within 1e-5 of the identity as a [0, 1] clamp), and inverts
1D tables from the raw entries; a ``.csp`` pre-LUT holding NaN spreads it
through its spline. Each file here is applied by PyOpenColorIO and by
vfx_rs (`file_format_ref.agree`: within `ATOL_LUT_OCIO`, the same NaN and
infinity pattern), forward and, for 1D tables, inverse. Discreet ``.lut`` and
Pandora ``.mga`` tables hold whole numbers: ``nan`` there is refused by both.
A number beyond float32 (overflow or underflow) is refused by both.

Not replicated, refused by vfx_rs naming file and line where OCIO gives values:
the inverse of a 3D table holding NaN or infinities (OCIO searches the raw
entries), a ``.spimtx`` matrix holding them, a ``.csp`` pre-LUT holding an infinity.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

import vfx_rs.lut as lut
from tests.vfx_rs.lut.file_format_ref import agree, both_refuse, ours_apply
from tests.vfx_rs.lut.ocio_ref import grid, ocio_apply
from vfx_rs.errors import LutError, VfxError

pytest.importorskip("PyOpenColorIO")


def _lattice(n: int = 3, bad: bool = True, blue_fastest: bool = False) -> list[str]:
    """Rows of a channel-mixing lattice (red fastest unless `blue_fastest`), with NaN and +-inf entries if `bad`."""
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    table = np.stack([0.9 * r + 0.1 * g, g**1.2, 0.8 * b + 0.2 * r], axis=-1)
    if blue_fastest:
        table = table.transpose(2, 1, 0, 3)
    rows = [f"{c[0]:.6f} {c[1]:.6f} {c[2]:.6f}" for c in table.reshape(-1, 3)]
    if bad:
        rows[1], rows[5], rows[13] = "nan 0.5 inf", "-inf 0.2 NaN", "0.4 INF -Infinity"
    return rows


_CURVE = ["0 0 0", "nan 0.5 inf", "0.3 -inf 0.35", "0.7 0.6 nan", "1 1 1"]
"""Five 1D entries per channel holding NaN and both infinities."""

_HOUDINI_HEAD = (
    "Version\t\t3\nFormat\t\tany\nType\t\t{}\nFrom\t\t0 1\nTo\t\t0 1\nBlack\t\t0\nWhite\t\t1\nLength\t\t{}\nLUT:\n"
)
_CSP_IDENTITY = "2\n0 1\n0 1\n" * 3


def _look() -> str:
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, 3)] * 3, indexing="ij")
    table = np.stack([0.9 * r + 0.1 * g, g**1.2, 0.8 * b + 0.2 * r], axis=-1).astype(np.float32).reshape(-1)
    table[[1, 5, 16, 40]] = [np.nan, np.inf, -np.inf, np.nan]
    data = struct.pack(f"<{table.size}f", *table).hex().upper()
    return (
        f'<?xml version="1.0" ?>\n<look>\n  <LUT>\n    <size>"3"</size>\n    <data>"{data}"</data>\n  </LUT>\n</look>\n'
    )


def _spi3d() -> str:
    rows = _lattice()
    return "SPILUT 1.0\n3 3\n3 3 3\n" + "\n".join(f"{i % 3} {i // 3 % 3} {i // 9} {r}" for i, r in enumerate(rows))


FILES = {
    "1d.cube": "LUT_1D_SIZE 5\n" + "\n".join(_CURVE) + "\n",
    "3d.cube": "LUT_3D_SIZE 3\n" + "\n".join(_lattice()) + "\n",
    "shaper.cube": "LUT_1D_SIZE 5\nLUT_3D_SIZE 3\n" + "\n".join(_CURVE + _lattice()) + "\n",
    "one.spi1d": "Version 1\nFrom 0 1\nLength 5\nComponents 1\n{\n0\nnan\ninf\n-inf\n1\n}\n",
    "three.spi1d": "Version 1\nFrom 0 1\nLength 5\nComponents 3\n{\n" + "\n".join(_CURVE) + "\n}\n",
    "a.spi3d": _spi3d() + "\n",
    "1d.csp": "CSPLUTV100\n1D\n" + _CSP_IDENTITY + "5\n" + "\n".join(_CURVE) + "\n",
    "3d.csp": "CSPLUTV100\n3D\n" + _CSP_IDENTITY + "3 3 3\n" + "\n".join(_lattice()) + "\n",
    "a.cub": "# Truelight Cube v2.1\n# iDims 3\n# oDims 3\n# width 3 3 3\n\n# Cube\n"
    + "\n".join(_lattice())
    + "\n# end\n",
    "shaper.cub": "# Truelight Cube v2.1\n# lutLength 5\n# iDims 3\n# oDims 3\n# width 2 2 2\n\n# InputLUT\n"
    + "\n".join(_CURVE)
    + "\n\n# Cube\n"
    + "\n".join(_lattice(2, bad=False))
    + "\n# end\n",
    "a.itx": "LUT_3D_SIZE 3\n" + "\n".join(_lattice()) + "\n",
    "a.look": _look(),
    "a.vf": "#Inventor V2.1 ascii\n\ngrid_size 3 3 3\ndata\n" + "\n".join(_lattice(blue_fastest=True)) + "\n",
    "c.lut": _HOUDINI_HEAD.format("C", 5) + "RGB {\n\t0\n\tnan\n\tinf\n\t-inf\n\t1\n}\n",
    "3d.lut": _HOUDINI_HEAD.format("3D", 3) + "3D {\n" + "\n".join(_lattice()) + "\n}\n",
}

_PRELUT = "CSPLUTV100\n3D\n{}\n{}\n{}\n3\n0 0.5 1\n0 0.3 1\n2\n0 1\n0 1\n3 3 3\n"
FILES |= {
    # 1D tables that pass OCIO's identity test (NaN passes it): replaced by a [0, 1] clamp after the domain.
    "identity.cube": "DOMAIN_MIN -1 -1 -1\nDOMAIN_MAX 2 2 2\nLUT_1D_SIZE 3\n0 0 0\nnan 0.5 NaN\n1 1 1\n",
    "identity.spi1d": "Version 1\nFrom -0.5 1.5\nLength 3\nComponents 1\n{\n0\nnan\n1\n}\n",
    "identity.clf": '<?xml version="1.0"?>\n<ProcessList compCLFversion="3" id="a">\n'
    '<LUT1D inBitDepth="32f" outBitDepth="32f"><Array dim="3 3">\n0 0 0\nnan 0.5 nan\n1 1 1\n</Array></LUT1D>\n'
    "</ProcessList>\n",
    # .csp pre-LUTs holding NaN (resampled through the spline, NaN spreading as in OCIO's).
    "prelut_out.csp": _PRELUT.format(3, "0 0.5 1", "0 nan 1") + "\n".join(_lattice(bad=False)) + "\n",
    "prelut_long.csp": _PRELUT.format(5, "0 0.25 0.5 0.75 1", "0 0.1 nan 0.6 1")
    + "\n".join(_lattice(bad=False))
    + "\n",
    "prelut_in.csp": _PRELUT.format(3, "0 nan 1", "0 0.5 1") + "\n".join(_lattice(bad=False)) + "\n",
}

INVERTIBLE = ["1d.cube", "one.spi1d", "three.spi1d", "1d.csp", "c.lut"] + [
    n for n in FILES if "identity" in n or "prelut" in n
]
"""The 1D files (OCIO inverts them from the raw entries, `Lut1DOp.inverse_table`) and finite lattices after a
pre-LUT holding NaN."""


@pytest.mark.parametrize("name", sorted(FILES))
def test_forward_matches_ocio(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(FILES[name])
    agree(path)


@pytest.mark.parametrize("name", sorted(INVERTIBLE))
def test_inverse_matches_ocio(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(FILES[name])
    agree(path, inverse=True)


REFUSED = [
    ("a.lut", "LUT: 1 4\n0\nnan\n500\n1023\n", "whole number", 3),
    (
        "a.mga",
        "channel 3d\nin 8\nout 4096\nformat lut\nvalues red green blue\n"
        + "\n".join(f"{i} 0 {'nan' if i == 3 else 0} 4095" for i in range(8))
        + "\n",
        "whole numbers",
        9,
    ),
]


@pytest.mark.parametrize(("name", "text", "match", "line"), REFUSED, ids=[r[0] for r in REFUSED])
def test_whole_number_tables_refused_by_both(tmp_path: Path, name: str, text: str, match: str, line: int) -> None:
    path = tmp_path / name
    path.write_text(text)
    both_refuse(path, match, line)


def _out_of_range(name: str, token: str) -> str:
    """`FILES[name]` with its first ``nan`` spelled `token` instead."""
    return FILES[name].replace("nan", token, 1)


OUT_OF_RANGE = [
    (name, token)
    for name in ("1d.cube", "3d.cube", "three.spi1d", "a.spi3d", "1d.csp", "a.cub", "a.itx", "a.vf", "c.lut", "3d.lut")
    for token in ("1e39", "-4e38", "1e-40")
]


@pytest.mark.parametrize(("name", "token"), OUT_OF_RANGE, ids=[f"{n}-{t}" for n, t in OUT_OF_RANGE])
def test_numbers_beyond_float32_refused_by_both(tmp_path: Path, name: str, token: str) -> None:
    """OCIO's parser (strtof) refuses a number that overflows float32 or underflows it (ERANGE);
    a ``.vf`` data line that does not parse is skipped, by both, leaving too few entries."""
    path = tmp_path / name
    path.write_text(_out_of_range(name, token))
    if name.endswith(".vf"):
        both_refuse(path, "LUT entries, expected 27", None)
    else:
        both_refuse(
            path,
            "float32 range",
            path.read_text().splitlines().index(next(t for t in path.read_text().splitlines() if token in t)) + 1,
        )


NOT_REPLICATED = [
    ("a.spimtx", "1 0 0 0\n0 nan 0 0\n0 0 1 0\n", "NaN or infinity", 2),
    ("prelut.csp", _PRELUT.format(3, "0 0.5 1", "0 inf 1") + "\n".join(_lattice(bad=False)) + "\n", "infinity", 5),
]


@pytest.mark.parametrize(("name", "text", "match", "line"), NOT_REPLICATED, ids=[r[0] for r in NOT_REPLICATED])
def test_unreplicated_non_finite_refused_naming_line(
    tmp_path: Path, name: str, text: str, match: str, line: int
) -> None:
    """OCIO applies these (a non-finite matrix; a pre-LUT spline through an infinity, whose inverse differs),
    vfx_rs refuses them by name and line rather than give other values."""
    path = tmp_path / name
    path.write_text(text)
    ocio_apply(path, grid()[:4])  # OCIO reads it
    with pytest.raises(LutError, match=match) as info:
        lut.read(path)
    assert path.name in str(info.value) and info.value.line == line


@pytest.mark.parametrize("name", ["3d.cube", "a.spi3d", "a.cub", "a.itx", "a.look", "a.vf", "3d.lut"])
def test_3d_inverse_refused(tmp_path: Path, name: str) -> None:
    """OCIO inverts the raw NaN and infinities of a 3D table; vfx_rs refuses the inverse rather than differ."""
    path = tmp_path / name
    path.write_text(FILES[name])
    ocio_apply(path, grid()[:4], inverse=True)  # OCIO inverts it
    with pytest.raises(VfxError, match="NaN or infinite"):
        ours_apply(path, grid()[:4], inverse=True)
