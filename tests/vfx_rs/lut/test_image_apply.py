"""vfx-rs-py LUT helpers (issue 21): apply_lut1d/apply_lut3d/load_cube against OpenColorIO's FileTransform."""

from __future__ import annotations

import numpy as np
import PyOpenColorIO as OCIO
import pytest

import vfx_rs
import vfx_rs.lut as lut
from tests.tolerances import ATOL_LUT_OCIO


def ocio_apply(path, rgb: np.ndarray, interpolation) -> np.ndarray:
    t = OCIO.FileTransform(src=str(path), interpolation=interpolation)
    cpu = (
        OCIO.Config.CreateRaw()
        .getProcessor(t)
        .getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    )
    out = np.ascontiguousarray(rgb, dtype=np.float32).copy()
    cpu.applyRGB(out)
    return out


def test_apply_luts_to_images_match_opencolorio(tmp_path) -> None:
    rng = np.random.default_rng(4)
    rgba = rng.random((5, 6, 4)).astype(np.float32)
    cube3 = lut.Lut3D(rng.random((5, 5, 5, 3)))
    lut.write_cube(tmp_path / "a.cube", cube3)
    loaded = lut.load_cube(tmp_path / "a.cube")
    assert isinstance(loaded, lut.Lut3D)
    out = lut.apply_lut3d(vfx_rs.Image(rgba), loaded)
    want = ocio_apply(tmp_path / "a.cube", rgba[..., :3], OCIO.INTERP_TETRAHEDRAL)
    np.testing.assert_allclose(out.numpy()[..., :3], want, atol=ATOL_LUT_OCIO)
    np.testing.assert_array_equal(out.numpy()[..., 3], rgba[..., 3])
    gamma = lut.Lut1D.gamma(1024, 2.2)
    lut.write_cube(tmp_path / "g.cube", gamma)
    out1 = lut.apply_lut1d(rgba, lut.load_cube(tmp_path / "g.cube"))
    np.testing.assert_allclose(out1[..., :3], ocio_apply(tmp_path / "g.cube", rgba[..., :3], OCIO.INTERP_LINEAR),
                               atol=ATOL_LUT_OCIO)  # fmt: skip
    assert abs(gamma.apply(0.5) - 0.5**2.2) < 1e-5 and lut.Lut1D.identity().size == 1024
    assert lut.Lut3D.identity().size == 33


def test_wrong_lut_kind_raises() -> None:
    with pytest.raises(vfx_rs.LutError, match="Lut3D"):
        lut.apply_lut3d(np.zeros((2, 2, 3), np.float32), lut.Lut1D.identity(4))
