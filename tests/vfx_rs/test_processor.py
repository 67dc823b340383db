"""vfx_rs.Processor (issue 21): the vfx-rs-py in-place grading methods against published definitions."""

from __future__ import annotations

import colorsys

import numpy as np
import PyOpenColorIO as OCIO
import pytest

import vfx_rs
from tests.tolerances import ATOL_CDL_OCIO, ATOL_IBA_F32

rng = np.random.default_rng(11)
RGBA = rng.random((6, 5, 4)).astype(np.float32)


def test_cdl_matches_opencolorio() -> None:
    img = vfx_rs.Image(RGBA)
    vfx_rs.Processor().cdl(img, slope=[1.2, 0.9, 1.0], offset=[0.01, -0.02, 0.0], power=[1.1, 0.9, 1.0],
                           saturation=0.8)  # fmt: skip
    t = OCIO.CDLTransform()
    t.setStyle(OCIO.CDL_ASC)  # ASC CDL v1.2 with its clamps, as the original documents
    t.setSlope([1.2, 0.9, 1.0])
    t.setOffset([0.01, -0.02, 0.0])
    t.setPower([1.1, 0.9, 1.0])
    t.setSat(0.8)
    cpu = (
        OCIO.Config.CreateRaw()
        .getProcessor(t)
        .getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    )
    want = np.ascontiguousarray(RGBA[..., :3]).copy()
    cpu.applyRGB(want)
    np.testing.assert_allclose(img.numpy()[..., :3], want, atol=ATOL_CDL_OCIO)
    np.testing.assert_array_equal(img.numpy()[..., 3], RGBA[..., 3])


def test_flat_luts_follow_the_original_layout() -> None:
    img = vfx_rs.Image(RGBA)
    size = 5
    table = np.linspace(0, 1, size)
    flat = np.stack([table**2, table, 1 - table], axis=1).ravel()
    vfx_rs.Processor().lut1d(img, flat.tolist(), 3)
    want = np.stack([np.interp(RGBA[..., c], table, flat.reshape(size, 3)[:, c]) for c in range(3)], axis=-1)
    np.testing.assert_allclose(img.numpy()[..., :3], want, atol=ATOL_IBA_F32)
    # 3D: blue fastest, idx = b + n*g + n^2*r; an affine table is reproduced exactly by interpolation.
    n = 3
    r, g, b = np.meshgrid(*[np.linspace(0, 1, n)] * 3, indexing="ij")
    cube = np.stack([0.5 * r + 0.1, g, 0.2 + 0.3 * b + 0.1 * r], axis=-1).ravel()
    img = vfx_rs.Image(RGBA)
    vfx_rs.Processor().lut3d(img, cube.tolist(), n)
    x = RGBA.astype(np.float64)
    want = np.stack([0.5 * x[..., 0] + 0.1, x[..., 1], 0.2 + 0.3 * x[..., 2] + 0.1 * x[..., 0]], axis=-1)
    np.testing.assert_allclose(img.numpy()[..., :3], want, atol=ATOL_IBA_F32)


def test_hue_curves_against_colorsys() -> None:
    img = vfx_rs.Image(RGBA)
    hue_shift = np.full(8, 0.1)
    sat = np.linspace(0.5, 1.5, 8)
    lum = np.full(8, 0.05)
    vfx_rs.Processor().hue_curves(img, hue_shift.tolist(), sat.tolist(), lum.tolist())
    grid = np.linspace(0, 1, 8)
    for (y, x), got in zip(np.ndindex(6, 5), img.numpy()[..., :3].reshape(-1, 3), strict=True):
        h, lightness, s = colorsys.rgb_to_hls(*RGBA[y, x, :3].astype(float))
        s2 = min(max(s * np.interp(h, grid, sat), 0), 1)
        l2 = min(max(lightness + np.interp(h, grid, lum), 0), 1)
        want = colorsys.hls_to_rgb((h + 0.1) % 1.0, l2, s2)
        np.testing.assert_allclose(got, want, atol=1e-5)


def test_backends_and_errors() -> None:
    assert vfx_rs.Processor("cpu").backend == "cpu" and repr(vfx_rs.Processor()) == "Processor(backend='cpu')"
    with pytest.raises(vfx_rs.ArgumentError, match="wgpu"):
        vfx_rs.Processor("wgpu")
    with pytest.raises(vfx_rs.ArgumentError, match="3 or more channels"):
        vfx_rs.Processor().exposure(vfx_rs.Image(np.zeros((2, 2, 1), np.float32)), 1.0)
    with pytest.raises(vfx_rs.ArgumentError, match="same length"):
        vfx_rs.Processor().hue_curves(vfx_rs.Image(RGBA), [0, 0], [1, 1, 1], [0, 0])
