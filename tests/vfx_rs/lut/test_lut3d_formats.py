"""Iridas ``.itx``, Pandora ``.mga``/``.m3d`` and Nuke ``.vf`` files against OpenColorIO's FileTransform.

Each file written here is applied by PyOpenColorIO and by vfx_rs through a FileTransform
(`file_format_ref.agree`), forward and inverse; malformed variants are refused by both, with
our message naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs.lut as lut
from tests.vfx_rs.lut.file_format_ref import agree, both_refuse

pytest.importorskip("PyOpenColorIO")


def _table(n: int) -> np.ndarray:
    """A channel-mixing lattice, [b, g, r] indexed, outputs beyond [0, 1]."""
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    return np.stack([1.2 * r**0.8 + 0.1 * g, g**1.3 - 0.05 * b, 0.7 * b + 0.3 * r * g], axis=-1)


def _rows(table: np.ndarray) -> list[str]:
    return [f"{c[0]:.7f} {c[1]:.7f} {c[2]:.7f}" for c in table.reshape(-1, 3)]


def _itx(path: Path, n: int = 7) -> Path:
    path.write_text("# Iridas itx\n\nlut_3d_size " + str(n) + "\n" + "\n".join(_rows(_table(n))) + "\n")
    return path


def _pandora(path: Path, n: int = 5, out: int = 4096) -> Path:
    t = np.clip(np.round(_table(n).transpose(2, 1, 0, 3) * (out - 1) / 1.3), 0, out - 1).astype(int)  # blue fastest
    body = "\n".join(f"{i} {c[0]} {c[1]} {c[2]}" for i, c in enumerate(t.reshape(-1, 3)))
    path.write_text(f"# pandora\nchannel 3d\nin {n**3}\nout {out}\nformat lut\nvalues red green blue\n{body}\n")
    return path


def _vf(path: Path, n: int = 5, transform: str | None = None) -> Path:
    head = f"#Inventor V2.1 ascii\n\ngrid_size {n} {n} {n}\n"
    if transform is not None:
        head += f"global_transform {transform}\n"
    rows = _rows(_table(n).transpose(2, 1, 0, 3))  # blue fastest
    path.write_text(head + "data\n" + "\n".join(rows) + "\n")
    return path


@pytest.mark.parametrize("inverse", [False, True])
def test_itx_matches_ocio(tmp_path: Path, inverse: bool) -> None:
    agree(_itx(tmp_path / "a.itx"), inverse)


@pytest.mark.parametrize(("name", "out"), [("a.m3d", 4096), ("b.mga", 256), ("c.m3d", 1024)])
def test_pandora_matches_ocio(tmp_path: Path, name: str, out: int) -> None:
    path = _pandora(tmp_path / name, out=out)
    agree(path)
    agree(path, inverse=True)


@pytest.mark.parametrize(
    "transform",
    [
        None,
        "0.2 0 0 0  0 0.2 0 0  0 0 0.2 0  0 0 0 1",  # the usual 1 / grid size diagonal: identity after OCIO's scaling
        "0.18 0.01 0 0  0 0.2 0.02 0  0.01 0 0.19 0  0 0 0 1",
        "0.2 0 0 0.05  0 0.2 0 0  0 0 0.2 -0.02  0 0 0 1",  # alpha feeds RGB
    ],
)
@pytest.mark.parametrize("inverse", [False, True])
def test_vf_matches_ocio(tmp_path: Path, transform: str | None, inverse: bool) -> None:
    agree(_vf(tmp_path / "a.vf", transform=transform), inverse)


@pytest.mark.parametrize(
    ("name", "text", "match", "line"),
    [
        ("s.itx", "LUT_3D_SIZE 2 2\n", "malformed LUT_3D_SIZE", 1),
        ("t.itx", "LUT_3D_SIZE 1\n0 0 0\n", "outside 2", 1),
        ("u.itx", "LUT_3D_SIZE 2\n" + "0 0 0\n" * 7, "7 entries", None),
        ("v.itx", "LUT_3D_SIZE 2\n" + "0 0 0\n" * 3 + "0 x 0\n" + "0 0 0\n" * 4, "not numeric", 5),
        ("w.itx", "0 0 0\n", "no LUT_3D_SIZE", None),
        ("p.m3d", "channel 1d\n", "only 3D", 1),
        ("q.m3d", "channel 3d\nin 9\n", "not the number of points of a cube", 2),
        ("r.m3d", "channel 3d\nin 8\nformat lut\nvalues red green blue\n" + "0 1 1 1\n" * 8, "'out'", None),
        ("s.mga", "in 8\nout 256\nvalues red green blue\n" + "0 1 1 1\n" * 7 + "0 1 1\n", "4 whole numbers", 11),
        ("t.mga", "in 8\nout 256\nvalues red blue green\n", "only RGB", 3),
        ("a.vf", "#Inventor V2.1 ascii\ngrid_size 2 2 3\n", "equal grid sizes", 2),
        ("b.vf", "#Inventor V2.1 ascii\ngrid_size 2 2 2\nglobal_transform 1 0 0\n", "16 numbers", 3),
        ("c.vf", "#Inventor V2.1 ascii\ngrid_size 2 2 2\ndata\n" + "0 0 0\n" * 7, "7 LUT entries", None),
        ("d.vf", "grid_size 2 2 2\ndata\n" + "0 0 0\n" * 8, "#Inventor", 1),
    ],
)
def test_malformed_refused_by_both(tmp_path: Path, name: str, text: str, match: str, line: int | None) -> None:
    path = tmp_path / name
    path.write_text(text)
    both_refuse(path, match, line)


def test_unknown_extension_is_read_by_content(tmp_path: Path) -> None:
    """A ``.vf``, Pandora, ``.look`` or ICC file under another extension is recognised by its first bytes."""
    from tests.vfx_rs.lut.test_icc import PROFILES
    from tests.vfx_rs.lut.test_iridas_look import FILES

    (tmp_path / "a.look").write_text(FILES["plain.look"])
    (tmp_path / "a.icc").write_bytes(PROFILES["para3.icc"]())
    rgb = np.random.default_rng(3).uniform(-0.2, 1.2, (50, 3)).astype(np.float32)
    for path in (_vf(tmp_path / "a.vf"), _pandora(tmp_path / "a.mga"), tmp_path / "a.look", tmp_path / "a.icc"):
        renamed = tmp_path / (path.stem + path.suffix.replace(".", "_") + ".dat")
        renamed.write_bytes(path.read_bytes())
        expected = lut.read_pipeline(path).applied(rgb)
        assert np.array_equal(lut.read_pipeline(renamed).applied(rgb), expected, equal_nan=True)
