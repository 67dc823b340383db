"""`Lut1D` / `Lut3D`: the contract's LUT snippet, inverse 1D LUTs and in-place application, against OpenColorIO."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
import vfx_rs.lut as lut
from tests.tolerances import ATOL_LUT_OCIO
from tests.vfx_rs.lut.test_cube import baked, grid, ocio_apply

OCIO = pytest.importorskip("PyOpenColorIO")


def _curves(n: int) -> np.ndarray:
    x = np.linspace(0.0, 1.0, n)
    return np.stack([x ** (1 / 2.2), 0.1 + 0.8 * x**0.8, 1 - (1 - x) ** 1.5], axis=1)


def test_contract_lut_processing_snippet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    baked(tmp_path, "iridas_cube", shaper=False).rename("grade.cube")
    Path("gamma.cube").write_text(
        "LUT_1D_SIZE 1024\n" + "".join(f"{v:.8f} {v:.8f} {v:.8f}\n" for v in _curves(1024)[:, 0])
    )
    rgba = np.concatenate(
        [grid()[:4096].reshape(64, 64, 3), np.linspace(0, 1, 4096, dtype=np.float32).reshape(64, 64, 1)], axis=2
    )
    img = vfx_rs.Image(rgba)
    # As written in the README.
    lut_3d = lut.read_cube_3d("grade.cube")
    lut_1d = lut.read_cube_1d("gamma.cube")
    data = img.numpy()
    lut.apply_3d(data, lut_3d)
    lut.apply_1d(data, lut_1d)
    # OCIO: the same two files, tetrahedral (apply_3d's default) then linear.
    cfg = OCIO.Config.CreateRaw()
    group = OCIO.GroupTransform(
        [
            OCIO.FileTransform(src="grade.cube", interpolation=OCIO.INTERP_TETRAHEDRAL),
            OCIO.FileTransform(src="gamma.cube"),
        ]
    )
    cpu = cfg.getProcessor(group).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    expected = np.ascontiguousarray(rgba[..., :3].reshape(-1, 3))
    cpu.applyRGB(expected)
    assert np.abs(data[..., :3].reshape(-1, 3) - expected).max() <= ATOL_LUT_OCIO
    np.testing.assert_array_equal(data[..., 3], rgba[..., 3])


def test_inverse_1d_matches_ocio_inverse_file_transform(tmp_path: Path) -> None:
    path = tmp_path / "curves.cube"
    lut.write_lut(path, lut.Lut1D(_curves(1024)))
    cfg = OCIO.Config.CreateRaw()
    ft = OCIO.FileTransform(src=str(path), interpolation=OCIO.INTERP_LINEAR, direction=OCIO.TRANSFORM_DIR_INVERSE)
    cpu = cfg.getProcessor(ft).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    rgb = np.repeat(np.linspace(-0.2, 1.2, 5001, dtype=np.float32)[:, None], 3, axis=1)
    expected = rgb.copy()
    cpu.applyRGB(expected)
    got = lut.read_lut(path).inverse().apply(rgb)
    assert np.abs(got - expected).max() <= ATOL_LUT_OCIO


def test_inverse_of_decreasing_curve_round_trips() -> None:
    down = lut.Lut1D(1.0 - np.linspace(0, 1, 64) ** 2)
    x = np.repeat(np.linspace(0.0, 1.0, 101, dtype=np.float32)[:, None], 3, axis=1)
    back = down.inverse().apply(down.apply(x))
    assert np.abs(back - x).max() < 1e-3  # the forward table's own linear-interpolation error dominates


def test_non_monotonic_curve_inverts_as_ocio(tmp_path: Path) -> None:
    # OCIO flattens a reversal (Lut1DOpData::initializeFromForward) instead of refusing the LUT.
    table = np.array([0.0, 0.6, 0.4, 1.0])
    path = tmp_path / "bump.cube"
    lut.write_lut(path, lut.Lut1D(table))
    cfg = OCIO.Config.CreateRaw()
    ft = OCIO.FileTransform(src=str(path), interpolation=OCIO.INTERP_LINEAR, direction=OCIO.TRANSFORM_DIR_INVERSE)
    cpu = cfg.getProcessor(ft).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    rgb = np.repeat(np.linspace(-0.2, 1.2, 1401, dtype=np.float32)[:, None], 3, axis=1)
    expected = rgb.copy()
    cpu.applyRGB(expected)
    got = lut.read_lut(path).inverse().apply(rgb)
    assert np.abs(got - expected).max() <= ATOL_LUT_OCIO


@pytest.mark.parametrize("interpolation", ["linear", "tetrahedral"])
def test_identity_luts_pass_values_in_domain(interpolation: str) -> None:
    rgb = grid()
    inside = np.clip(rgb, -0.5, 2.0)
    cube = lut.Lut3D.identity(9, -0.5, 2.0)
    ramp = lut.Lut1D.identity(17, -0.5, 2.0)
    np.testing.assert_allclose(cube.apply(rgb, interpolation), inside, atol=1e-6)
    np.testing.assert_allclose(ramp.apply(rgb), inside, atol=1e-6)


def test_apply_returns_new_array_and_apply_3d_keeps_alpha() -> None:
    cube = lut.Lut3D(lut.Lut3D.identity(5).data * 0.5 + 0.25)  # affine: interpolation is exact
    rgba = np.random.default_rng(1).uniform(0, 1, (8, 8, 4)).astype(np.float32)
    before = rgba.copy()
    out = cube.apply(rgba)
    np.testing.assert_array_equal(rgba, before)
    lut.apply_3d(rgba, cube)
    np.testing.assert_array_equal(rgba, out)
    np.testing.assert_array_equal(rgba[..., 3], before[..., 3])
    np.testing.assert_allclose(out[..., :3], before[..., :3] * 0.5 + 0.25, atol=1e-6)


def test_nan_and_infinity_inputs_follow_ocio(tmp_path: Path) -> None:
    path = baked(tmp_path, "iridas_cube", shaper=False)
    rgb = np.array([[np.nan, 0.5, 0.5], [np.inf, -np.inf, 0.2]], dtype=np.float32)
    for interpolation, ocio_interp in (("linear", OCIO.INTERP_LINEAR), ("tetrahedral", OCIO.INTERP_TETRAHEDRAL)):
        expected = ocio_apply(path, rgb, ocio_interp)
        np.testing.assert_allclose(lut.read_lut(path).apply(rgb, interpolation), expected, atol=ATOL_LUT_OCIO)
