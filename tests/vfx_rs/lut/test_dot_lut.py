"""``.lut`` files, Discreet 1D and Houdini, against OpenColorIO's FileTransform.

OCIO reads a ``.lut`` with its Discreet 1D reader, then its Houdini reader; so does
`vfx_rs.lut.read`. Each file written here is applied by both through a FileTransform
(`file_format_ref.agree`), forward and inverse; malformed variants are refused by both, with
our message naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.vfx_rs.lut.file_format_ref import agree, both_refuse

pytest.importorskip("PyOpenColorIO")


def _codes(n: int, top: int, gamma: float = 0.6) -> np.ndarray:
    """Three rising integer curves of `n` entries up to `top`."""
    x = np.linspace(0.0, 1.0, n)
    return np.round(np.stack([x**gamma, x ** (gamma * 1.3), 0.9 * x**gamma], axis=0) * top).astype(int)


def _discreet(path: Path, header: str | None, tables: np.ndarray, tail: str = "\n", sep: str = "\n") -> Path:
    lines = [] if header is None else ["# a comment", "", header, ""]
    for table in tables:
        lines += [f"\t{v} " for v in table] + [""]
    path.write_text(sep.join(lines).rstrip() + tail)
    return path


def _half_codes(values: np.ndarray) -> np.ndarray:
    return values.astype(np.float16).view(np.uint16).astype(int)


DISCREET = {
    "ten.lut": ("LUT: 3 1024", lambda: _codes(1024, 1023)),
    "one_table.lut": ("LUT: 1 4096", lambda: _codes(4096, 4095)[:1]),
    "sixteen_out.lut": ("LUT: 3 4096 65536", lambda: _codes(4096, 65535)),
    "alpha.lut": ("LUT: 4 256", lambda: np.concatenate([_codes(256, 255), _codes(256, 255)[:1] // 2])),
    "legacy.lut": (None, lambda: _codes(256, 255)[:1]),
    "shot_12to16.lut": ("LUT: 3 4096", lambda: _codes(4096, 65535)),  # output depth from the name
    "half_out.lut": ("LUT: 3 1024 65536f", lambda: _half_codes(np.linspace(-0.5, 4.0, 1024)[None].repeat(3, 0))),
    "tento8.lut": ("LUT: 3 1024", lambda: _codes(1024, 255)),
}


@pytest.mark.parametrize("name", sorted(DISCREET))
@pytest.mark.parametrize("inverse", [False, True])
def test_discreet_matches_ocio(tmp_path: Path, name: str, inverse: bool) -> None:
    header, tables = DISCREET[name]
    agree(_discreet(tmp_path / name, header, tables()), inverse)


def test_discreet_crlf_matches_ocio(tmp_path: Path) -> None:
    agree(_discreet(tmp_path / "crlf.lut", "LUT: 3 1024", _codes(1024, 1023), tail="\r\n", sep="\r\n"))


@pytest.mark.parametrize("inverse", [False, True])
def test_discreet_half_domain_matches_ocio(tmp_path: Path, inverse: bool) -> None:
    """65536 entries: a table indexed by the input's half-float code (here float outputs as half codes)."""
    x = np.arange(65536, dtype=np.uint16).view(np.float16).astype(np.float64)
    finite = np.where(np.isfinite(x), x, 0.0)
    y = np.sign(finite) * np.abs(finite) ** 0.8
    codes = _half_codes(np.clip(y, -60000, 60000))[None].repeat(3, 0)
    rgb = np.concatenate([np.linspace(-2.0, 8.0, 3001)[:, None].repeat(3, 1), [[1e-6, 3e-5, 65504.0]]])
    agree(_discreet(tmp_path / "half.lut", "LUT: 3 65536 65536f", codes), inverse, rgb.astype(np.float32))


def _houdini(path: Path, kind: str, length: str, blocks: str, lo_hi: str = "0 1") -> Path:
    head = f"Version\t\t3\nFormat\t\tany\nType\t\t{kind}\nFrom\t\t{lo_hi}\nTo\t\t0 1\nBlack\t\t0\nWhite\t\t1\n"
    path.write_text(f"{head}Length\t\t{length}\nLUT:\n{blocks}")
    return path


def _block(name: str, rows: list[str]) -> str:
    return f"{name} {{\n" + "\n".join(f"\t{r}" for r in rows) + "\n}\n"


def _lattice(n: int) -> list[str]:
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    t = np.stack([1.1 * r**0.8 + 0.1 * g, g**1.3, 0.7 * b + 0.3 * r * g], axis=-1)
    return [f"{c[0]:.6f} {c[1]:.6f} {c[2]:.6f}" for c in t.reshape(-1, 3)]


def _curve(n: int) -> list[str]:
    return [f"{v:.7f}" for v in np.linspace(0.0, 1.0, n) ** 0.45 * 1.2]


HOUDINI = {
    "c.lut": ("C", "1024", _block("RGB", _curve(1024)), "0 1"),
    "c_from.lut": ("C", "256", _block("RGB", _curve(256)), "-0.5 2"),
    "cube.lut": ("3D", "9", _block("3D", _lattice(9)), "0 1"),
    "unnamed.lut": ("3D", "5", "{\n" + "\n".join(_lattice(5)) + "\n}\n", "0 1"),
    "pre.lut": ("3D+1D", "9 512", _block("Pre", _curve(512)) + _block("3D", _lattice(9)), "-0.1 1.5"),
}


@pytest.mark.parametrize("name", sorted(HOUDINI))
@pytest.mark.parametrize("inverse", [False, True])
def test_houdini_matches_ocio(tmp_path: Path, name: str, inverse: bool) -> None:
    kind, length, blocks, lo_hi = HOUDINI[name]
    agree(_houdini(tmp_path / name, kind, length, blocks, lo_hi), inverse)


_TEN = "\n".join(str(v) for v in range(0, 1024, 1)) + "\n"
_HOUDINI_HEAD = "Version 3\nFormat any\nType C\nFrom 0 1\nTo 0 1\nBlack 0\nWhite 1\nLength 2\nLUT:\n"


@pytest.mark.parametrize(
    ("name", "text", "match", "line"),
    [
        ("two.lut", "LUT: 2 256\n" + "0\n" * 512, "1, 3 or 4", 1),
        ("short.lut", "LUT: 1 1024\n" + "0\n" * 1000, "premature end", 1002),
        ("nonl.lut", "LUT: 1 1024\n" + _TEN.rstrip("\n"), "premature end", 1025),
        ("after.lut", "LUT: 1 1024\n" + _TEN + "# fine\n\n7\n", "text after the tables", 1028),
        ("neg.lut", "LUT: 1 1024\n" + "-1\n" + _TEN, "whole number", 2),
        ("hash.lut", "LUT: 1 1024\n0\n# no comments inside\n" + _TEN, "whole number", 3),
        ("depth.lut", "LUT: 1 100\n" + "0\n" * 100, "unknown output depth", None),
        ("depth2.lut", "LUT: 1 1024 300\n" + _TEN, "unknown output depth", 1),
        ("nowhite.lut", _HOUDINI_HEAD.replace("White 1\n", "") + "RGB { 0 1 }\n", "'White'", None),
        ("type.lut", _HOUDINI_HEAD.replace("Type C", "Type RGB") + "RGB { 0 1 }\n", "unsupported", 3),
        ("count.lut", _HOUDINI_HEAD + "RGB {\n 0\n 0.5\n 1\n}\n", "3 values", 10),
        ("word.lut", _HOUDINI_HEAD + "RGB {\n 0\n x\n}\n", "not a number", 12),
        ("from.lut", _HOUDINI_HEAD.replace("From 0 1", "From 0.5 0.5") + "RGB { 0 1 }\n", "must differ", 4),
    ],
)
def test_malformed_refused_by_both(tmp_path: Path, name: str, text: str, match: str, line: int | None) -> None:
    path = tmp_path / name
    path.write_text(text)
    both_refuse(path, match, line)
