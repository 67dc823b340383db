"""``.spi1d``, ``.spi3d`` and ``.spimtx`` checked against OpenColorIO's FileTransform on the same files.

Files come from OCIO's Baker (``spi1d``, ``spi3d``) and from hand-written
edge cases; each is applied by vfx_rs and by OCIO (CPU, F32, lossless) to a
dense grid reaching outside the domain. Our writers round-trip exactly and
OCIO reads what they write. Malformed files name the file and line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
import vfx_rs.lut as lut
from tests.tolerances import ATOL_LUT_OCIO
from tests.vfx_rs.lut.ocio_ref import bake, grid, ocio_apply

SPI1D = {
    "one_component": "Version 1\nFrom -0.25 1.75\nLength 5\nComponents 1\n{\n 0\n 0.1\n 0.35\n 0.7\n 1.2\n}\n",
    "two_components": "Version 1\nFrom 0 1\nLength 3\nComponents 2\n{\n0 0.2\n0.6 0.5\n1 0.9\n}\n",
    "three_components_no_from": "Version 1\nLength 4\nComponents 3\n{\n0 0.1 0.2\n0.3 0.25 0.4\n0.5 0.6 0.7\n1.1 0.9 1\n}\n",
    "log_range": "Version 1\nFrom -7.5 3.7555555555555555\nLength 6\nComponents 1\n{\n0.03\n0.1\n0.2\n0.4\n0.7\n1.0\n}\n",
}


def _spi3d_text(n: int, order: np.ndarray | None = None) -> str:
    r, g, b = (a.ravel() for a in np.meshgrid(*[np.arange(n)] * 3, indexing="ij"))
    x = np.stack([r, g, b], axis=1) / (n - 1)
    out = np.stack(
        [
            x[:, 0] ** 1.5 * 0.9 + 0.1 * x[:, 1],
            0.2 * x[:, 0] + 0.7 * x[:, 1] ** 0.8 + 0.1 * x[:, 2],
            x[:, 2] ** 2 * 0.8 + 0.15,
        ],
        axis=1,
    )
    idx = np.arange(n**3) if order is None else order
    rows = "\n".join(f"{r[i]} {g[i]} {b[i]} {out[i, 0]:.6f} {out[i, 1]:.6f} {out[i, 2]:.6f}" for i in idx)
    return f"SPILUT 1.0\n3 3\n{n} {n} {n}\n{rows}\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("kwargs", "name"), [({"cube_size": 1024}, "plain"), ({"cube_size": 256, "shaper": True}, "from_range")]
)
def test_baked_spi1d_matches_ocio(tmp_path: Path, kwargs: dict[str, object], name: str) -> None:
    path = bake(tmp_path / f"{name}.spi1d", "spi1d", target="curve", **kwargs)  # type: ignore[arg-type]
    loaded = lut.read(path)
    assert isinstance(loaded, lut.Lut1D)
    rgb = grid()
    assert np.abs(loaded.apply(rgb) - ocio_apply(path, rgb)).max() <= ATOL_LUT_OCIO


@pytest.mark.parametrize("interpolation", ["linear", "tetrahedral"])
def test_baked_spi3d_matches_ocio(tmp_path: Path, interpolation: str) -> None:
    path = bake(tmp_path / "baked.spi3d", "spi3d", cube_size=17)
    loaded = lut.read(path)
    assert isinstance(loaded, lut.Lut3D)
    rgb = grid()
    assert np.abs(loaded.apply(rgb, interpolation) - ocio_apply(path, rgb, interpolation)).max() <= ATOL_LUT_OCIO


@pytest.mark.parametrize("name", sorted(SPI1D))
def test_hand_written_spi1d_matches_ocio(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, f"{name}.spi1d", SPI1D[name])
    rgb = grid(-8.0, 4.0) if name == "log_range" else grid()
    assert np.abs(lut.read_spi1d(path).apply(rgb) - ocio_apply(path, rgb)).max() <= ATOL_LUT_OCIO


def test_spi1d_components_fill_channels(tmp_path: Path) -> None:
    one = lut.read_spi1d(_write(tmp_path, "a.spi1d", SPI1D["one_component"]))
    np.testing.assert_array_equal(one.data[2], [0.35, 0.35, 0.35])
    np.testing.assert_array_equal(one.domain_min, [-0.25] * 3)
    two = lut.read_spi1d(_write(tmp_path, "b.spi1d", SPI1D["two_components"]))
    np.testing.assert_array_equal(two.data[1], [0.6, 0.5, 0.0])


@pytest.mark.parametrize("interpolation", ["linear", "tetrahedral"])
def test_spi3d_in_any_order_matches_ocio(tmp_path: Path, interpolation: str) -> None:
    order = np.random.default_rng(3).permutation(5**3)
    path = _write(tmp_path, "shuffled.spi3d", _spi3d_text(5, order))
    rgb = grid()
    got = lut.read_spi3d(path).apply(rgb, interpolation)
    assert np.abs(got - ocio_apply(path, rgb, interpolation)).max() <= ATOL_LUT_OCIO
    in_order = lut.read_spi3d(_write(tmp_path, "ordered.spi3d", _spi3d_text(5)))
    np.testing.assert_array_equal(lut.read_spi3d(path).data, in_order.data)


def test_spimtx_matches_ocio(tmp_path: Path) -> None:
    path = _write(tmp_path, "m.spimtx", "0.9 0.05 0.05 655.35\n0.1 0.8 0.1 0\n0.02 0.1 0.88 -3276.75\n")
    chain = lut.read(path)
    assert isinstance(chain, lut.LutChain)
    np.testing.assert_allclose(chain.steps[0].offset, [0.01, 0.0, -0.05], rtol=1e-15)  # type: ignore[union-attr]
    rgb = grid()[:-3]  # not the +-1e6 extremes: a mixing matrix leaves float32 rounding of ~1e-3 there
    assert np.abs(chain.apply(rgb) - ocio_apply(path, rgb)).max() <= ATOL_LUT_OCIO


def _random_1d(rng: np.random.Generator, same: bool) -> lut.Lut1D:
    data = np.sort(rng.uniform(-0.1, 1.3, (33, 1 if same else 3)), axis=0)
    return lut.Lut1D(np.repeat(data, 3, axis=1) if same else data, -0.125, 2.5)


@pytest.mark.parametrize("same", [True, False])
def test_spi1d_writer_round_trips_and_ocio_reads_it(tmp_path: Path, same: bool) -> None:
    ours = _random_1d(np.random.default_rng(5), same)
    for precision, exact in ((17, True), (9, False)):
        path = tmp_path / f"w{precision}.spi1d"
        lut.write_spi1d(path, ours, precision=precision)
        again = lut.read(path)
        assert isinstance(again, lut.Lut1D)
        if exact:
            np.testing.assert_array_equal(again.data, ours.data)
            np.testing.assert_array_equal(again.domain_max, ours.domain_max)
        else:  # nine significant digits hold every float32 (what OCIO keeps) exactly
            as_f32 = lut.Lut1D(ours.data.astype(np.float32), ours.domain_min, ours.domain_max)
            lut.write_spi1d(path, as_f32, precision=precision)
            np.testing.assert_array_equal(lut.read_spi1d(path).data.astype(np.float32), as_f32.data.astype(np.float32))
    assert ("Components 1" in path.read_text()) == same
    lut.write_lut(path, ours)
    rgb = grid(-0.5, 3.0)
    assert np.abs(ours.apply(rgb) - ocio_apply(path, rgb)).max() <= ATOL_LUT_OCIO


def test_spi3d_writer_round_trips_and_ocio_reads_it(tmp_path: Path) -> None:
    table = np.sort(np.random.default_rng(6).uniform(-0.05, 1.2, (9, 9, 9, 3)), axis=0)
    ours = lut.Lut3D(table)
    path = tmp_path / "w.spi3d"
    lut.write_spi3d(path, ours, precision=17)
    np.testing.assert_array_equal(lut.read(path).data, table)
    lut.write_lut(path, ours)
    rgb = grid()
    for interpolation in ("linear", "tetrahedral"):
        assert np.abs(ours.apply(rgb, interpolation) - ocio_apply(path, rgb, interpolation)).max() <= ATOL_LUT_OCIO


def test_writers_refuse_what_the_format_cannot_hold(tmp_path: Path) -> None:
    with pytest.raises(vfx_rs.LutError, match="one input range"):
        lut.write_spi1d(tmp_path / "a.spi1d", lut.Lut1D(np.eye(3)[:2] + 0.0, [0, 0, 0.1], 1.0))
    with pytest.raises(vfx_rs.LutError, match=r"write a \.cube"):
        lut.write_spi3d(tmp_path / "a.spi3d", lut.Lut3D.identity(3, -0.5, 2.0))
    shaped = lut.Lut3D(lut.Lut3D.identity(3).data, shaper=lut.Lut1D(np.linspace(0, 1, 4)))
    with pytest.raises(vfx_rs.LutError, match="without a shaper"):
        lut.write_lut(tmp_path / "b.spi3d", shaped)
    with pytest.raises(vfx_rs.LutError, match="read-only"):
        lut.write_lut(tmp_path / "c.3dl", lut.Lut3D.identity(3))
    assert not list(tmp_path.iterdir())


HEAD_1D = "Version 1\nLength 2\nComponents 1\n{\n"
MALFORMED = [
    ("a.spi1d", "Version 2\nLength 2\nComponents 1\n{\n0\n1\n}\n", 1, "Version 1"),
    ("b.spi1d", "Version 1\nComponents 1\n{\n0\n1\n}\n", 3, "no Length"),
    ("c.spi1d", "Version 1\nLength 3\nComponents 1\n{\n0\n1\n}\n", 7, "Length is 3 but the table has 2"),
    ("d.spi1d", "Version 1\nLength 2\nComponents 1\n{\n0\n1\n1\n}\n", 7, "Length is 2 but the table has 3"),
    ("e.spi1d", "Version 1\nLength 2\nComponents 2\n{\n0 0\n1\n}\n", 6, "needs 2 numbers"),
    ("f.spi1d", HEAD_1D + "0\n1e39\n}\n", 6, "float32 range"),
    ("g.spi1d", HEAD_1D + "0\n1\n", 6, "no '}'"),
    ("h.spi1d", "Version 1\nLength 2000000\nComponents 1\n{\n0\n1\n}\n", 2, "outside 2..1048576"),
    ("i.spi1d", "Version 1\nFrom 1 0\nLength 2\nComponents 1\n{\n0\n1\n}\n", 2, "increasing"),
    ("j.spi1d", "Version 1\nLength 2\nComponents 4\n{\n0\n1\n}\n", 3, "outside 1..3"),
    ("k.spi1d", "Version 1\nGamma 2\nLength 2\nComponents 1\n{\n0\n1\n}\n", 2, "unknown header"),
    ("a.spi3d", "SPILUT 1.0\n3 3\n257 257 257\n", 3, "outside 2..256"),
    ("b.spi3d", "SPILUT 1.0\n3 3\n2 2 3\n", 3, "equal"),
    ("c.spi3d", "SPI 1.0\n3 3\n2 2 2\n", 1, "SPILUT"),
    ("d.spi3d", "SPILUT 1.0\n3 3\n2 2 2\n" + "0 0 0 0 0 0\n" * 7, 10, "needs 8 entries"),
    ("e.spi3d", "SPILUT 1.0\n3 3\n2 2 2\n" + "0 0 0 0 0 0\n" * 9, 5, "given twice"),
    ("f.spi3d", "SPILUT 1.0\n3 3\n2 2 2\n" + "0 0 0 0 0 0\n" * 8, 5, "given twice"),
    ("g.spi3d", "SPILUT 1.0\n3 3\n2 2 2\n" + "0 0 0 0 0 0\n" * 7 + "2 0 0 1 1 1\n", 11, "outside 0..1"),
    ("h.spi3d", "SPILUT 1.0\n3 3\n2 2 2\n" + "0 0 0 0 0 0\n" * 7 + "1 1 1 1e-40 1 1\n", 11, "float32 range"),
    ("i.spi3d", "SPILUT 1.0\n3 3\n2 2 2\n" + "0 0 0 0 0 0\n" * 7 + "1 1 1 1 1\n", 11, "needs 6 numbers"),
    ("a.spimtx", "1 0 0 0\n0 1 0 0\n0 0 1\n", None, "12 numbers, this one 11"),
    ("b.spimtx", "1 0 0 0\n0 1 0 0\n0 0 1 0 5\n", 3, "12 numbers, this one 13"),
    ("c.spimtx", "1 0 0 0\n0 x 0 0\n0 0 1 0\n", 2, "not numeric"),
]


@pytest.mark.parametrize(("name", "text", "line", "words"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_file_names_file_and_line(tmp_path: Path, name: str, text: str, line: int | None, words: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(vfx_rs.LutError) as info:
        lut.read(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert words in str(info.value)
