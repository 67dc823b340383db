"""vfx-rs-py OCIO image functions (issue 21) against PyOpenColorIO's built-in ACES 1.3 CG config."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import PyOpenColorIO as OCIO
import pytest

import vfx_rs
from tests.tolerances import ATOL_DISPLAY_OCIO, ATOL_LUT_OCIO
from tests.vfx_rs.ocio.oracle import ocio_cpu, run_cpu
from vfx_rs import ocio, ops

CG = "ocio://cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
rng = np.random.default_rng(12)
RGBA = np.concatenate([rng.random((4, 6, 3)) * 2, rng.random((4, 6, 1))], axis=-1).astype(np.float32)


def oracle(processor) -> np.ndarray:
    return run_cpu(ocio_cpu(processor), RGBA[..., :3].reshape(-1, 3)).reshape(4, 6, 3)


def test_colorconvert_display_and_shortcuts_match_opencolorio() -> None:
    cfg = OCIO.Config.CreateFromFile(CG)
    img = vfx_rs.Image(RGBA)
    cases = [
        (ocio.colorconvert(img, "ACEScg", "ACEScct"), cfg.getProcessor("ACEScg", "ACEScct")),
        (ocio.acescg_to_srgb(img), cfg.getProcessor("ACEScg", "sRGB - Texture")),
        (ocio.srgb_to_acescg(img), cfg.getProcessor("sRGB - Texture", "ACEScg")),
        (ocio.acescg_to_aces(img), cfg.getProcessor("ACEScg", "ACES2065-1")),
        (ocio.aces_to_acescg(img), cfg.getProcessor("ACES2065-1", "ACEScg")),
        (
            ocio.ociodisplay(img, "sRGB - Display", "ACES 1.0 - SDR Video", "ACEScg"),
            cfg.getProcessor("ACEScg", "sRGB - Display", "ACES 1.0 - SDR Video", OCIO.TRANSFORM_DIR_FORWARD),
        ),
    ]
    for got, processor in cases:
        np.testing.assert_allclose(got.numpy()[..., :3], oracle(processor), atol=ATOL_DISPLAY_OCIO, rtol=1e-5)
        np.testing.assert_array_equal(got.numpy()[..., 3], RGBA[..., 3])
    assert ocio.list_displays() == list(cfg.getDisplays())
    assert sorted(ocio.list_colorspaces()) == sorted(cfg.getColorSpaceNames())
    assert ocio.equivalent_colorspace("scene_linear", "ACEScg") and not ocio.equivalent_colorspace("ACEScg", "ACEScct")


def test_named_and_file_transforms_match_opencolorio(tmp_path: Path) -> None:
    cfg = OCIO.Config.CreateFromFile(CG)
    got = ops.ocionamedtransform(vfx_rs.Image(RGBA), "sRGB - Curve")
    want = oracle(cfg.getProcessor(cfg.getNamedTransform("sRGB - Curve"), OCIO.TRANSFORM_DIR_FORWARD))
    np.testing.assert_allclose(got.numpy()[..., :3], want, atol=ATOL_DISPLAY_OCIO)
    back = ops.ocionamedtransform(got, "sRGB - Curve", inverse=True)
    np.testing.assert_allclose(back.numpy(), RGBA, atol=1e-5)
    lut = vfx_rs.lut.Lut3D(rng.random((5, 5, 5, 3)))
    vfx_rs.lut.write_cube(tmp_path / "a.cube", lut)
    got = ocio.ociofiletransform(vfx_rs.Image(RGBA), tmp_path / "a.cube")
    t = OCIO.FileTransform(src=str(tmp_path / "a.cube"), interpolation=OCIO.INTERP_LINEAR)
    np.testing.assert_allclose(got.numpy()[..., :3], oracle(OCIO.Config.CreateRaw().getProcessor(t)),
                               atol=ATOL_LUT_OCIO)  # fmt: skip


def test_looks_and_bad_names() -> None:
    cfg = ocio.Config.from_string(
        "ocio_profile_version: 2\nroles: {default: lin}\n"
        "displays: {d: [!<View> {name: v, colorspace: lin}]}\n"
        "looks:\n  - !<Look> {name: twice, process_space: lin, transform: !<MatrixTransform> {matrix: [2,0,0,0, 0,2,0,0, 0,0,2,0, 0,0,0,1]}}\n"
        "colorspaces:\n  - !<ColorSpace> {name: lin}\n"
    )
    img = vfx_rs.Image(RGBA)
    np.testing.assert_allclose(ocio.ociolook(img, "+twice", "lin", "lin", cfg).numpy()[..., :3], RGBA[..., :3] * 2)
    np.testing.assert_allclose(ocio.ociolook(img, "-twice", "lin", "lin", cfg).numpy()[..., :3], RGBA[..., :3] / 2)
    with pytest.raises(vfx_rs.OcioError):
        ocio.colorconvert(img, "ACEScg", "nonsense")
    with pytest.raises(vfx_rs.ArgumentError, match="3 or more"):
        ocio.acescg_to_srgb(np.zeros((2, 2, 1), np.float32))
