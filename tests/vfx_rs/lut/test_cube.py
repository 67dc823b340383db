"""`.cube` reading checked against OpenColorIO's FileTransform on the same files.

Files come from OCIO's own Baker (``resolve_cube`` and ``iridas_cube``) and
from hand-written edge cases (DOMAIN_MIN/MAX, input ranges, Resolve shaper +
3D, comments, TITLE). Each is applied by vfx_rs and by OCIO's CPU processor
(F32, lossless) to a dense grid reaching outside the domain.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs.lut as lut
from tests.tolerances import ATOL_LUT_OCIO

OCIO = pytest.importorskip("PyOpenColorIO")


def grid() -> np.ndarray:
    """A 21^3 RGB grid from -0.3 to 1.4 plus extremes and a fine grey ramp, float32 (n, 3)."""
    axis = np.linspace(-0.3, 1.4, 21)
    cube = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3)
    ramp = np.repeat(np.linspace(-0.5, 2.5, 2001)[:, None], 3, axis=1)
    extremes = np.array([[-1e6, 0.5, 1e6], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]])
    return np.concatenate([cube, ramp, extremes]).astype(np.float32)


def ocio_apply(path: Path, rgb: np.ndarray, interpolation: object) -> np.ndarray:
    cfg = OCIO.Config.CreateRaw()
    proc = cfg.getProcessor(OCIO.FileTransform(src=str(path), interpolation=interpolation))
    cpu = proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    out = np.ascontiguousarray(rgb.copy())
    cpu.applyRGB(out)
    return out


def baked(tmp_path: Path, fmt: str, shaper: bool) -> Path:
    """A log curve then a matrix, baked by OCIO into a .cube file."""
    cfg = OCIO.Config.CreateRaw()
    curve = OCIO.GroupTransform(
        [
            OCIO.LogAffineTransform(logSideSlope=[0.08] * 3, logSideOffset=[0.55] * 3, linSideOffset=[0.01] * 3),
            OCIO.MatrixTransform(matrix=[0.9, 0.05, 0.05, 0, 0.1, 0.8, 0.1, 0, 0.0, 0.1, 0.9, 0, 0, 0, 0, 1]),
        ]
    )
    src = OCIO.ColorSpace(name="lin")
    dst = OCIO.ColorSpace(name="graded")
    dst.setTransform(curve, OCIO.COLORSPACE_DIR_FROM_REFERENCE)
    log = OCIO.ColorSpace(name="shaper")
    log.setTransform(
        OCIO.LogAffineTransform(logSideSlope=[0.1] * 3, logSideOffset=[0.6] * 3, linSideOffset=[0.02] * 3),
        OCIO.COLORSPACE_DIR_FROM_REFERENCE,
    )
    for cs in (src, dst, log):
        cfg.addColorSpace(cs)
    baker = OCIO.Baker()
    baker.setConfig(cfg)
    baker.setFormat(fmt)
    baker.setInputSpace("lin")
    baker.setTargetSpace("graded")
    baker.setCubeSize(17)
    if shaper:
        baker.setShaperSpace("shaper")
        baker.setShaperSize(256)
    path = tmp_path / f"{fmt}{'_shaper' if shaper else ''}.cube"
    path.write_text(baker.bake())
    return path


HAND_WRITTEN = {
    "1d_domain": """# a comment
TITLE "per-channel domain"
LUT_1D_SIZE 5
DOMAIN_MIN -0.25 0 0.1
DOMAIN_MAX 1.5 2 0.9
# comment between header and data
0 0.1 0.2
0.2 0.3 0.25
0.45 0.5 0.5

0.7 0.6 0.8
1.2 0.9 1
""",
    "1d_input_range": """LUT_1D_SIZE 4
LUT_1D_INPUT_RANGE -0.5 2.0
0.0 0.0 0.0
0.1 0.2 0.3
0.5 0.6 0.7
1.0 1.0 1.0
""",
    "3d_domain": 'TITLE "domain 3d"\nLUT_3D_SIZE 3\nDOMAIN_MIN -0.1 0 0.2\nDOMAIN_MAX 1.2 1 1.5\n',
    "3d_input_range": "LUT_3D_SIZE 3\nLUT_3D_INPUT_RANGE -0.2 1.3\n",
    "resolve_shaper": "LUT_1D_SIZE 6\nLUT_1D_INPUT_RANGE -0.1 1.8\nLUT_3D_SIZE 3\nLUT_3D_INPUT_RANGE 0.05 0.95\n"
    "0 0 0\n0.3 0.35 0.4\n0.5 0.55 0.6\n0.7 0.7 0.72\n0.85 0.88 0.9\n1 1 1\n",
}


def _lattice(n: int) -> str:
    """A non-trivial 3D table, red fastest: a hue-mixing map of the lattice point."""
    b, g, r = np.meshgrid(*[np.linspace(0, 1, n)] * 3, indexing="ij")
    out = np.stack([r**1.5 * 0.9 + 0.1 * g, 0.2 * r + 0.7 * g**0.8 + 0.1 * b, b**2 * 0.8 + 0.15 * r * g], axis=-1)
    return "\n".join(" ".join(f"{v:.6f}" for v in row) for row in out.reshape(-1, 3)) + "\n"


def hand_written(tmp_path: Path, name: str) -> Path:
    text = HAND_WRITTEN[name]
    if "3D_SIZE" in text:
        text += _lattice(3)
    path = tmp_path / f"{name}.cube"
    path.write_text(text)
    return path


@pytest.mark.parametrize("interpolation", ["linear", "tetrahedral"])
@pytest.mark.parametrize(("fmt", "shaper"), [("resolve_cube", False), ("resolve_cube", True), ("iridas_cube", False)])
def test_baked_files_match_ocio(tmp_path: Path, fmt: str, shaper: bool, interpolation: str) -> None:
    path = baked(tmp_path, fmt, shaper)
    loaded = lut.read_lut(path)
    assert isinstance(loaded, lut.Lut3D)
    assert (loaded.shaper is not None) == shaper
    rgb = grid()
    expected = ocio_apply(path, rgb, OCIO.INTERP_LINEAR if interpolation == "linear" else OCIO.INTERP_TETRAHEDRAL)
    got = loaded.apply(rgb, interpolation)
    assert np.abs(got - expected).max() <= ATOL_LUT_OCIO


HAND_CASES = [
    (name, i)
    for name in sorted(HAND_WRITTEN)
    for i in ("linear", "tetrahedral")
    if i == "linear" or "3D" in HAND_WRITTEN[name]
]


@pytest.mark.parametrize(("name", "interpolation"), HAND_CASES)
def test_hand_written_files_match_ocio(tmp_path: Path, name: str, interpolation: str) -> None:
    path = hand_written(tmp_path, name)
    loaded = lut.read_lut(path)
    rgb = grid()
    expected = ocio_apply(path, rgb, OCIO.INTERP_LINEAR if interpolation == "linear" else OCIO.INTERP_TETRAHEDRAL)
    got = loaded.apply(rgb, interpolation) if isinstance(loaded, lut.Lut3D) else loaded.apply(rgb)
    assert np.abs(got - expected).max() <= ATOL_LUT_OCIO


def test_title_domain_and_comments_are_read(tmp_path: Path) -> None:
    one = lut.read_cube_1d(hand_written(tmp_path, "1d_domain"))
    assert one.title == "per-channel domain"
    assert one.size == 5
    np.testing.assert_array_equal(one.domain_min, [-0.25, 0, 0.1])
    np.testing.assert_array_equal(one.domain_max, [1.5, 2, 0.9])
    np.testing.assert_array_equal(one.data[3], [0.7, 0.6, 0.8])
    three = lut.read_cube_3d(hand_written(tmp_path, "3d_domain"))
    assert (three.title, three.size) == ("domain 3d", 3)
    # Red runs fastest in the file: the second line is r=1/2, g=0, b=0.
    np.testing.assert_allclose(three.data[0, 0, 1], [0.5**1.5 * 0.9, 0.1, 0.0], atol=1e-6)


@pytest.mark.parametrize("name", sorted(HAND_WRITTEN))
@pytest.mark.parametrize("precision", [10, 17])
def test_round_trip_through_writer(tmp_path: Path, name: str, precision: int) -> None:
    first = lut.read_lut(hand_written(tmp_path, name))
    out = tmp_path / "again.cube"
    lut.write_cube(out, first, precision=precision)
    again = lut.read_lut(out)
    assert type(again) is type(first)
    assert again.title == first.title
    rtol = 0.0 if precision == 17 else 1e-9
    for a, b in ((again, first), (getattr(again, "shaper", None), getattr(first, "shaper", None))):
        if b is None:
            assert a is None
            continue
        np.testing.assert_allclose(a.data, b.data, rtol=rtol, atol=0)
        np.testing.assert_allclose(a.domain_min, b.domain_min, rtol=rtol, atol=0)
        np.testing.assert_allclose(a.domain_max, b.domain_max, rtol=rtol, atol=0)


def test_written_file_is_read_by_ocio(tmp_path: Path) -> None:
    rng = np.random.default_rng(4)
    table = np.sort(rng.uniform(0, 1, (9, 9, 9, 3)), axis=0)
    ours = lut.Lut3D(table, [-0.1, 0.0, 0.05], [1.1, 1.2, 0.95], title="written")
    path = tmp_path / "written.cube"
    lut.write_lut(path, ours)
    rgb = grid()
    expected = ocio_apply(path, rgb, OCIO.INTERP_TETRAHEDRAL)
    assert np.abs(ours.apply(rgb) - expected).max() <= ATOL_LUT_OCIO
