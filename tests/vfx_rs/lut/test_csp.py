"""Cinespace ``.csp`` checked against OpenColorIO's FileTransform on the same files.

Files come from OCIO's Baker (``cinespace``: no pre-LUT, a pre-LUT from a
shaper space, a pre-LUT from an lg2 allocation) and from hand-written cases
(1D with and without a pre-LUT, a different pre-LUT per channel with 0, 2, 3
and 6 points, an identity pre-LUT outside 0..1, metadata). Applied to a dense
grid reaching outside the domain; malformed files name the file and line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
import vfx_rs.lut as lut
from tests.tolerances import ATOL_LUT_OCIO
from tests.vfx_rs.lut.ocio_ref import bake, grid, ocio_apply

BAKED = {
    "plain": ({"cube_size": 17}, False),
    "shaper_space": ({"cube_size": 17, "shaper": True, "shaper_size": 64}, True),
    "lg2_allocation": ({"cube_size": 17, "lg2_input": True}, True),
}


@pytest.mark.parametrize("interpolation", ["linear", "tetrahedral"])
@pytest.mark.parametrize("name", sorted(BAKED))
def test_baked_csp_matches_ocio(tmp_path: Path, name: str, interpolation: str) -> None:
    kwargs, has_prelut = BAKED[name]
    path = bake(tmp_path / f"{name}.csp", "cinespace", **kwargs)  # type: ignore[arg-type]
    loaded = lut.read(path)
    assert isinstance(loaded, lut.Lut3D)
    assert (loaded.shaper is not None) == has_prelut
    rgb = grid(-0.3, 40.0) if name == "lg2_allocation" else grid()
    assert np.abs(loaded.apply(rgb, interpolation) - ocio_apply(path, rgb, interpolation)).max() <= ATOL_LUT_OCIO


PRELUTS = """
6
-0.1 0.0 0.1 0.3 0.9 2.5
0.0 0.05 0.2 0.45 0.8 1.0
0

3
0.0 0.5 1.5
0.0 0.7 1.0
"""

IDENTITY_PRELUTS = "2\n-0.5 2.0\n-0.5 2.0\n2\n-0.5 2.0\n-0.5 2.0\n2\n-0.5 2.0\n-0.5 2.0\n"

HAND_WRITTEN = {
    "1d_prelut": "CSPLUTV100\n1D\n\nBEGIN METADATA\nmade by hand\nsecond line\nEND METADATA\n"
    + PRELUTS
    + "\n4\n0 0 0\n0.2 0.3 0.1\n0.6 0.5 0.55\n1 0.9 1.1\n",
    "1d_plain": "CSPLUTV100\n1D\n" + IDENTITY_PRELUTS + "3\n0 0.1 0.2\n0.4 0.5 0.6\n1 1 0.9\n",
    "3d_prelut": "CSPLUTV100\n3D\n" + PRELUTS + "\n3 3 3\n",
    "3d_two_point_prelut": "CSPLUTV100\n3D\n2\n-0.5 1.5\n0 1\n0\n2\n0 1\n0 1\n3 3 3\n",
    "3d_identity_prelut": "CSPLUTV100\n3D\n" + IDENTITY_PRELUTS + "3 3 3\n",
}


def _lattice(n: int) -> str:
    """Red-fastest lattice rows of a hue-mixing map."""
    b, g, r = np.meshgrid(*[np.linspace(0, 1, n)] * 3, indexing="ij")
    out = np.stack([r**1.5 * 0.9 + 0.1 * g, 0.2 * r + 0.7 * g**0.8 + 0.1 * b, b**2 * 0.8 + 0.15 * r * g], axis=-1)
    return "\n".join(" ".join(f"{v:.6f}" for v in row) for row in out.reshape(-1, 3)) + "\n"


def hand_written(tmp_path: Path, name: str) -> Path:
    text = HAND_WRITTEN[name] + (_lattice(3) if name.startswith("3d") else "")
    path = tmp_path / f"{name}.csp"
    path.write_text(text)
    return path


CASES = [(n, i) for n in sorted(HAND_WRITTEN) for i in ("linear", "tetrahedral") if n.startswith("3d") or i == "linear"]


@pytest.mark.parametrize(("name", "interpolation"), CASES)
def test_hand_written_csp_matches_ocio(tmp_path: Path, name: str, interpolation: str) -> None:
    path = hand_written(tmp_path, name)
    loaded = lut.read(path)
    rgb = grid(-0.8, 3.0)
    got = loaded.apply(rgb) if isinstance(loaded, lut.Lut1D) else loaded.apply(rgb, interpolation)
    assert np.abs(got - ocio_apply(path, rgb, interpolation)).max() <= ATOL_LUT_OCIO


def test_what_each_file_holds(tmp_path: Path) -> None:
    chain = lut.read(hand_written(tmp_path, "1d_prelut"))
    assert isinstance(chain, lut.LutChain)
    assert chain.title == "made by hand\nsecond line"
    prelut, table = chain.steps
    assert isinstance(prelut, lut.Lut1D) and isinstance(table, lut.Lut1D)
    assert prelut.size == lut.csp.PRELUT_SAMPLES
    np.testing.assert_array_equal(prelut.domain_min, [-0.1, 0.0, 0.0])
    np.testing.assert_array_equal(prelut.domain_max, [2.5, 1.0, 1.5])
    # The curve passes through its points.
    np.testing.assert_allclose(
        lut.csp.cinespace_spline(
            np.array([0.1, 0.3, 0.9]),
            np.array([-0.1, 0.0, 0.1, 0.3, 0.9, 2.5]),
            np.array([0.0, 0.05, 0.2, 0.45, 0.8, 1.0]),
        ),
        [0.2, 0.45, 0.8],
    )
    assert isinstance(lut.read(hand_written(tmp_path, "1d_plain")), lut.Lut1D)
    assert lut.read(hand_written(tmp_path, "3d_identity_prelut")).shaper is None


HEAD3 = "CSPLUTV100\n3D\n0\n0\n0\n"
MALFORMED = [
    ("CSPLUTV200\n3D\n", 1, "CSPLUTV100"),
    ("CSPLUTV100\n2D\n", 2, "'1D' or '3D'"),
    ("CSPLUTV100\n3D\nBEGIN METADATA\nx\n", 4, "END METADATA"),
    ("CSPLUTV100\n3D\n3\n0 0.5 1\n0 1\n", 5, "expected 3 values, found 2"),
    ("CSPLUTV100\n3D\n3\n0 1 0.5\n0 0.5 1\n", 4, "increase strictly"),
    ("CSPLUTV100\n3D\n3\n0 0.5 1\n0 inf 1\n", 5, "infinity"),
    ("CSPLUTV100\n3D\nthree\n", 3, "whole number"),
    ("CSPLUTV100\n3D\n2000000\n", 3, "outside 0..1048576"),
    (HEAD3 + "2 2 3\n", 6, "three equal"),
    (HEAD3 + "300 300 300\n", 6, "outside 2..256"),
    (HEAD3 + "2 2 2\n" + "0 0 0\n" * 7, 13, "needs 8 entries, the file has 7"),
    (HEAD3 + "2 2 2\n" + "0 0 0\n" * 9, 15, "more entries"),
    (HEAD3 + "2 2 2\n" + "0 0 0\n" * 6 + "0 0\n0 0 0\n", 13, "needs 3 numbers"),
    ("CSPLUTV100\n1D\n0\n0\n0\n3\n0 0 0\n1 1 1\n", 8, "file ends"),
    ("CSPLUTV100\n1D\n0\n0\n0\n3\n0 0 0\n1 1e39 1\n1 1 1\n", 8, "float32 range"),
]


@pytest.mark.parametrize(("text", "line", "words"), MALFORMED, ids=[str(i) for i in range(len(MALFORMED))])
def test_malformed_file_names_file_and_line(tmp_path: Path, text: str, line: int | None, words: str) -> None:
    path = tmp_path / "bad.csp"
    path.write_text(text)
    with pytest.raises(vfx_rs.LutError) as info:
        lut.read(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert words in str(info.value)


def test_new_formats_in_an_ocio_config_match_ocio(tmp_path: Path) -> None:
    """A config whose FileTransforms read .csp, .spimtx, .3dl, .spi1d and .clf: vfx_rs.ocio against OCIO."""
    from tests.vfx_rs.lut.ocio_ref import OCIO
    from vfx_rs.ocio import Config

    bake(tmp_path / "a.csp", "cinespace", cube_size=9, lg2_input=True)
    bake(tmp_path / "b.3dl", "lustre", cube_size=9)
    bake(tmp_path / "c.spi1d", "spi1d", target="curve", cube_size=256)
    lut.write_lut(tmp_path / "e.clf", lut.read(tmp_path / "b.3dl"))
    (tmp_path / "d.spimtx").write_text("0.9 0.05 0.05 655.35\n0.1 0.8 0.1 0\n0.02 0.1 0.88 -327.675\n")
    text = """ocio_profile_version: 2
search_path: "."
roles: {default: lin}
displays: {d: [!<View> {name: v, colorspace: lin}]}
colorspaces:
  - !<ColorSpace> {name: lin}
  - !<ColorSpace>
    name: out
    from_scene_reference: !<GroupTransform>
      children:
        - !<FileTransform> {src: a.csp}
        - !<FileTransform> {src: d.spimtx}
        - !<FileTransform> {src: b.3dl, interpolation: tetrahedral}
        - !<FileTransform> {src: c.spi1d}
        - !<FileTransform> {src: e.clf, interpolation: tetrahedral}
"""
    ours = Config.from_string(text, working_dir=tmp_path).processor("lin", "out")
    theirs = OCIO.Config.CreateFromStream(text)
    theirs.setWorkingDir(str(tmp_path))
    cpu = theirs.getProcessor("lin", "out").getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    rgb = grid(-0.3, 20.0)[:-3]
    expected = rgb.copy()
    cpu.applyRGB(expected)
    assert np.abs(ours.applied(rgb) - expected).max() <= ATOL_LUT_OCIO
