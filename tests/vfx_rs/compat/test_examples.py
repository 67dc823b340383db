"""The ten example scripts of the Rust original's Python bindings run here unchanged (issue 21).

The scripts (``vfx_rs_py_examples/``, MIT, see NOTICE.md) read ``test/owl.exr`` next to their
folder and write to ``test/out/examples``; each test lays that tree out in a temporary folder
with a generated scene-linear RGBA image as ``owl.exr``, runs one script in a subprocess with
this checkout on ``PYTHONPATH``, then checks its outputs against definitions computed here.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

import vfx_rs
from tests.tolerances import ATOL_8BIT, ATOL_FLOAT32_ULP, ATOL_JPEG_Q95

ROOT = Path(__file__).resolve().parents[3]
SCRIPTS = Path(__file__).parent / "vfx_rs_py_examples"
LUMA = np.array([0.2126, 0.7152, 0.0722])


def owl() -> np.ndarray:
    """64x48 premultiplied RGBA: smooth colour up to about 3 (HDR), alpha from 0.25 to 1."""
    y, x = np.mgrid[0:48, 0:64] / 64.0
    rgb = np.stack([1.5 + 1.4 * np.sin(5 * x + k) * np.cos(4 * y - k) for k in range(3)], axis=-1)
    alpha = 0.25 + 0.75 * x[..., None] * 63 / 64 / (63 / 64)
    return np.concatenate([rgb * alpha, np.clip(alpha, 0, 1)], axis=-1).astype(np.float32)


def run(script: str, tmp_path: Path) -> tuple[Path, str]:
    """Run one example against ``tmp_path/test/owl.exr``; return its output folder and stdout."""
    folder = tmp_path / "test" / "py"
    folder.mkdir(parents=True)
    (folder / "_bootstrap.py").write_text("# the original re-executes in its own venv; nothing to do here\n")
    vfx_rs.write(tmp_path / "test" / "owl.exr", vfx_rs.Image(owl()))
    target = folder / script
    target.write_bytes((SCRIPTS / script).read_bytes())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(folder)])}
    done = subprocess.run([sys.executable, str(target)], cwd=folder, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return tmp_path / "test" / "out" / "examples", done.stdout


def px(path: Path) -> np.ndarray:
    return vfx_rs.read(path).numpy()


def test_01_basic_io(tmp_path: Path) -> None:
    out, stdout = run("01_basic_io.py", tmp_path)
    src = owl()
    assert "Size: 64x48" in stdout and "Channels: 4" in stdout
    np.testing.assert_array_equal(px(out / "output.exr"), src)
    # PNG stores straight colour: divided by alpha, clipped to 0..1, multiplied back on reading.
    straight = np.clip(src[..., :3] / src[..., 3:], 0, 1)
    png = px(out / "output.png")
    np.testing.assert_allclose(png[..., :3], straight * png[..., 3:], atol=2 * ATOL_8BIT + 1e-6)
    np.testing.assert_allclose(png[..., 3], src[..., 3], atol=ATOL_8BIT + 1e-6)
    jpg = px(out / "output.jpg")
    assert jpg.shape == (48, 64, 3)  # alpha dropped
    assert np.abs(jpg - np.clip(src[..., :3], 0, 1)).max() <= ATOL_JPEG_Q95
    tiff = vfx_rs.read(out / "output.tiff")
    assert tiff.format == "f32"  # a float image stays float in TIFF
    np.testing.assert_array_equal(tiff.numpy(), src)
    assert px(out / "output.dpx").shape[:2] == (48, 64)
    hdr = px(out / "output.hdr")
    # RGBE: 8-bit mantissas under the pixel's largest channel's exponent.
    assert np.all(np.abs(hdr - src[..., :3]) <= src[..., :3].max(axis=-1, keepdims=True) * 2**-7)


def cdl(rgb: np.ndarray, slope=(1, 1, 1), offset=(0, 0, 0), power=(1, 1, 1), sat=1.0) -> np.ndarray:
    """ASC CDL v1.2 (slope, offset, clamp, power, saturation with Rec. 709 luma, clamp), in float64."""
    v = np.clip(rgb * np.array(slope) + np.array(offset), 0, 1) ** np.array(power)
    luma = (v @ LUMA)[..., None]
    return np.clip(luma + sat * (v - luma), 0, 1)


def test_02_color_grading(tmp_path: Path) -> None:
    out, _ = run("02_color_grading.py", tmp_path)
    src = owl().astype(np.float64)
    rgb, alpha = src[..., :3], src[..., 3]
    for name, want in [
        ("grade_exposure_plus1", rgb * 2),
        ("grade_saturated", cdl(rgb, sat=1.5)),
        ("grade_bw", cdl(rgb, sat=0.0)),
        ("grade_contrast", 1.3 * rgb + 0.5 * (1 - 1.3)),
        ("grade_cdl_warm", cdl(rgb, (1.1, 1.0, 0.9), (0.02, 0.0, -0.02))),
    ]:
        got = px(out / f"{name}.exr")
        np.testing.assert_allclose(got[..., :3], want, rtol=1e-6, atol=1e-6, err_msg=name)
        np.testing.assert_array_equal(got[..., 3], alpha.astype(np.float32))
    bw = px(out / "grade_bw.exr")
    np.testing.assert_allclose(bw[..., 0], bw[..., 2], atol=1e-6)
    cinema = cdl(cdl(1.15 * (rgb * 2**0.3) + 0.5 * (1 - 1.15), sat=0.9), (1.05, 1.0, 0.95), (0.01, 0.0, -0.01))
    np.testing.assert_allclose(px(out / "grade_cinema.exr")[..., :3], cinema, atol=1e-5)


def test_03_numpy_interop(tmp_path: Path) -> None:
    out, stdout = run("03_numpy_interop.py", tmp_path)
    assert "(48, 64, 4), dtype: float32" in stdout
    swapped = px(out / "numpy_rgb_to_bgr.exr")
    np.testing.assert_array_equal(swapped[..., 0], owl()[..., 2])
    gradient = px(out / "numpy_gradient.exr")
    assert gradient.shape == (512, 512, 4) and gradient[0, -1, 0] == 1 and gradient[-1, 0, 1] == 1
    vignette = px(out / "numpy_vignette.exr")
    assert np.all(vignette[..., 3] <= owl()[..., 3]) and vignette[0, 0, 0] < owl()[0, 0, 0]


def test_04_image_ops(tmp_path: Path) -> None:
    from scipy import ndimage

    out, _ = run("04_image_ops.py", tmp_path)
    src = owl()
    np.testing.assert_array_equal(px(out / "ops_flip.exr"), src[::-1])
    np.testing.assert_array_equal(px(out / "ops_flop.exr"), src[:, ::-1])
    np.testing.assert_array_equal(px(out / "ops_rotate90.exr"), np.rot90(src, -1))
    assert px(out / "ops_resize_half.exr").shape == (24, 32, 4)
    turned = px(out / "ops_rotate_15deg.exr")
    assert turned.shape == src.shape and turned[0, 0, 3] == 0 and turned[24, 32, 3] > 0  # corners uncovered
    blurred = px(out / "ops_blur.exr")
    assert np.abs(np.diff(blurred, axis=1)).mean() < np.abs(np.diff(src, axis=1)).mean()
    sharp = px(out / "ops_sharpen.exr")
    assert np.abs(np.diff(sharp, axis=1)).mean() > np.abs(np.diff(src, axis=1)).mean()
    planes = [src[..., c].astype(np.float64) for c in range(4)]
    edges = np.stack([np.hypot(*(ndimage.sobel(p, axis=a, mode="nearest") for a in (0, 1))) for p in planes], -1)
    np.testing.assert_allclose(px(out / "ops_sobel.exr"), edges, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(px(out / "ops_dilate.exr"), ndimage.maximum_filter(src, (5, 5, 1), mode="nearest"))
    np.testing.assert_allclose(px(out / "ops_invert.exr"), 1 - src, atol=ATOL_FLOAT32_ULP)
    np.testing.assert_array_equal(px(out / "ops_clamp.exr"), np.clip(src, np.float32(0.1), np.float32(0.9)))


def test_05_layers(tmp_path: Path) -> None:
    _, stdout = run("05_layers.py", tmp_path)
    assert "Layer count: 1" in stdout
    assert "Channels: ['R', 'G', 'B', 'A']" in stdout
    assert f"Channel 'A': min={owl()[..., 3].min():.3f}, max={owl()[..., 3].max():.3f}" in stdout
    assert "Created layered image with 5 layers" in stdout
    assert "'beauty', 'desaturated', 'exposure_-1', 'exposure_+0', 'exposure_+1'" in stdout


def test_06_compositing(tmp_path: Path) -> None:
    out, _ = run("06_compositing.py", tmp_path)
    a = owl().astype(np.float64)
    b = np.broadcast_to(np.array([0.8, 0.4, 0.1, 0.3]), a.shape)
    over = b + a * (1 - 0.3)
    np.testing.assert_allclose(px(out / "comp_over.exr"), over, atol=1e-6)
    np.testing.assert_allclose(px(out / "comp_screen.exr"), a + b - a * b, atol=1e-5)
    np.testing.assert_allclose(px(out / "comp_multiply.exr"), a * b, atol=1e-6)
    # ops.overlay(img, overlay): img is the source (top), the orange layer the backdrop (W3C 10.1.3).
    want = np.where(b <= 0.5, 2 * a * b, 1 - 2 * (1 - a) * (1 - b))
    np.testing.assert_allclose(px(out / "comp_overlay.exr"), want, atol=1e-5)
    np.testing.assert_allclose(px(out / "comp_difference.exr")[..., :3], a[..., :3] * (2**0.5 - 1), rtol=1e-5)
    np.testing.assert_allclose(px(out / "comp_additive.exr")[..., :3], a[..., :3] * 1.25, rtol=1e-6)
    np.testing.assert_allclose(px(out / "comp_additive.exr")[..., 3], 2 * a[..., 3], rtol=1e-6)
    soft = px(out / "comp_softlight.exr")
    assert soft.shape == a.shape and np.all(np.isfinite(soft))


def test_07_luts(tmp_path: Path) -> None:
    out, stdout = run("07_luts.py", tmp_path)
    src = owl().astype(np.float64)
    grid = np.linspace(0, 1, 65)
    want = np.interp(np.clip(src[..., :3], 0, 1), grid, grid**1.1)
    got = px(out / "lut_1d_contrast.exr")
    np.testing.assert_allclose(got[..., :3], want, atol=1e-6)
    np.testing.assert_array_equal(got[..., 3], owl()[..., 3])
    warm = px(out / "lut_3d_warm.exr")
    c = np.clip(src[..., :3], 0, 1)
    # The table is linear in each axis except where r*1.05 clips at 1, so interpolation is exact elsewhere.
    away = c[..., 0] < 0.9
    np.testing.assert_allclose(warm[..., 0][away], c[..., 0][away] * 1.05, atol=1e-5)
    np.testing.assert_allclose(warm[..., 1:3], c[..., 1:3] * [1.0, 0.95], atol=1e-5)
    assert "load .cube files with lut.load_cube()" in stdout


def test_08_statistics(tmp_path: Path) -> None:
    _, stdout = run("08_statistics.py", tmp_path)
    src = owl()
    assert f"Max: {src[..., 0].max():.4f}" in stdout
    assert f"HDR pixels (>1.0): {int((src[..., :3] > 1).sum())}" in stdout
    assert "NaN pixels: 0" in stdout


def test_09_color_spaces(tmp_path: Path) -> None:
    import colour

    out, _ = run("09_color_spaces.py", tmp_path)
    src = owl().astype(np.float64)
    srgb = px(out / "color_srgb.exr")
    np.testing.assert_allclose(srgb[..., :3], colour.models.eotf_inverse_sRGB(src[..., :3]), rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(srgb[..., 3], owl()[..., 3])
    np.testing.assert_allclose(px(out / "color_linear.exr"), src, rtol=1e-5, atol=1e-6)
    m = np.array([[0.299, 0.587, 0.114, 0], [-0.14713, -0.28886, 0.436, 0], [0.615, -0.51499, -0.10001, 0],
                  [0, 0, 0, 1]])  # fmt: skip
    np.testing.assert_allclose(px(out / "color_yuv.exr"), src @ m, rtol=1e-5, atol=1e-6)  # row vector @ M
    compressed = px(out / "color_rangecompress.exr")
    assert compressed[..., :3].max() < src[..., :3].max() and compressed[..., :3].max() < 1.0
    np.testing.assert_allclose(px(out / "color_rangeexpand.exr"), src, rtol=1e-4)
    heat = px(out / "color_heatmap.exr")
    assert heat.shape == (48, 64, 3) and heat.min() >= 0 and heat.max() <= 1
    luma = np.clip(cdl(src[..., :3], sat=0.0) @ LUMA, 0, 1)  # the grey image's Rec. 709 luma
    darkest, brightest = np.unravel_index(luma.argmin(), luma.shape), np.unravel_index(luma.argmax(), luma.shape)
    assert heat[darkest].sum() < heat[brightest].sum()  # inferno runs from black to pale yellow


def test_10_patterns(tmp_path: Path) -> None:
    out, _ = run("10_patterns.py", tmp_path)
    checker = px(out / "pattern_checker.exr")
    np.testing.assert_array_equal(checker[0, 0], np.float32([0.2, 0.2, 0.2, 1.0]))
    np.testing.assert_array_equal(checker[0, 32], np.float32([0.8, 0.8, 0.8, 1.0]))
    np.testing.assert_array_equal(checker[32, 32], checker[0, 0])
    np.testing.assert_array_equal(px(out / "pattern_red.exr"), np.broadcast_to(np.float32([1, 0, 0, 1]), (512, 512, 4)))
    uniform = px(out / "pattern_noise_uniform.exr")
    assert uniform.min() >= 0 and uniform.max() < 1 and abs(uniform.mean() - 0.5) < 0.01
    gauss = px(out / "pattern_noise_gaussian.exr").astype(np.float64)
    assert abs(gauss.mean() - 0.5) < 0.01 and abs(gauss.std() - 0.15) < 0.01
    bars = px(out / "pattern_colorbars.exr")
    np.testing.assert_array_equal(bars[0, 64 + 3, :3], [1, 1, 0])
    ramp = px(out / "pattern_hdr_ramp.exr")
    assert math.isclose(float(ramp[0, -1, 0]), 4.0) and ramp[0, 0, 0] == 0


def test_each_example_has_a_test() -> None:
    scripts = sorted(p.name for p in SCRIPTS.glob("[0-9][0-9]_*.py"))
    assert len(scripts) == 10
    tested = {name[5:7] for name in globals() if name.startswith("test_") and name[5:7].isdigit()}
    assert tested == {s[:2] for s in scripts}
