"""`vfx` subcommands run as subprocesses on generated images, checked against independent oracles:
colour-science (color), PyOpenColorIO (ocio, lut, grade, bake), OpenImageIO (resize, composite) and NumPy
formulas (diff); the chain against the library's own calls in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import colour
import numpy as np
import OpenImageIO as oiio
import PyOpenColorIO as OCIO
import pytest

import vfx_rs
from tests.tolerances import (
    ATOL_CLI_COLOR_ROUNDTRIP,
    ATOL_CLI_GRADE_OCIO,
    ATOL_FLOAT32_SUMS,
    ATOL_LUT_OCIO,
    ATOL_RESIZE_OIIO,
    RTOL_CLI_DIFF_METRICS,
    RTOL_OCIO_BUILTIN,
    RTOL_TRANSFER,
)

ACES2_SDR = "ACES 2.0 - SDR 100 nits (Rec.709)"
"""The built-in config `vfx ocio` uses by default (vfx_rs.ocio.builtin_aces_1_3)."""


def ocio_apply(processor: OCIO.Processor, rgba: np.ndarray) -> np.ndarray:
    """Apply an OCIO processor (F32, lossless) to the RGB of an (H, W, 4) array."""
    cpu = processor.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    rgb = np.ascontiguousarray(rgba[..., :3], dtype=np.float32)
    cpu.applyRGB(rgb)
    return rgb


@pytest.fixture
def image(tmp_path: Path) -> tuple[Path, np.ndarray]:
    """A 12x16 RGBA float EXR: smooth ramps in 0..1, alpha varying."""
    y, x = np.mgrid[0:12, 0:16].astype(np.float32)
    data = np.stack([x / 15, y / 11, 0.5 + 0.4 * np.sin(x + y), 0.25 + 0.5 * x / 15], axis=-1).astype(np.float32)
    path = tmp_path / "in.exr"
    vfx_rs.write(path, vfx_rs.Image(data))
    return path, data


def test_every_command_has_help_with_examples(run_vfx) -> None:
    top = run_vfx("--help")
    assert top.returncode == 0 and "examples:" in top.stdout
    commands = ("color", "ocio", "lut", "grade", "bake", "resize", "blur", "composite", "diff", "chain")
    for name in commands:
        assert name in top.stdout
        sub = run_vfx(name, "--help")
        assert sub.returncode == 0, sub.stderr
        assert "examples:" in sub.stdout and f"vfx {name} " in sub.stdout


def test_color_decode_convert_encode_against_colour(run_vfx, image, tmp_path: Path) -> None:
    src, data = image
    out = tmp_path / "out.exr"
    r = run_vfx("color", src, out, "--decode", "srgb", "--from", "sRGB", "--to", "ACEScg")
    assert r.returncode == 0, r.stderr
    linear = colour.cctf_decoding(data[..., :3].astype(np.float64), function="sRGB")
    spaces = [colour.RGB_COLOURSPACES[name].copy() for name in ("sRGB", "ACEScg")]
    for space in spaces:  # vfx_rs derives matrices from the primaries, as OCIO; colour's defaults are rounded
        space.use_derived_transformation_matrices(True)
    expected = colour.RGB_to_RGB(linear, *spaces, chromatic_adaptation_transform="Bradford")
    got = vfx_rs.read(out).numpy()
    np.testing.assert_allclose(got[..., :3], expected, rtol=RTOL_TRANSFER, atol=RTOL_TRANSFER)
    np.testing.assert_array_equal(got[..., 3], data[..., 3])

    encoded = tmp_path / "enc.exr"
    r = run_vfx("color", out, encoded, "--from", "ACEScg", "--to", "sRGB", "--transfer", "srgb")
    assert r.returncode == 0, r.stderr
    np.testing.assert_allclose(vfx_rs.read(encoded).numpy()[..., :3], data[..., :3], atol=ATOL_CLI_COLOR_ROUNDTRIP)


def test_color_rejects_unknown_space(run_vfx, image, tmp_path: Path) -> None:
    r = run_vfx("color", image[0], tmp_path / "o.exr", "--from", "ACEScg", "--to", "Nonesuch")
    assert r.returncode == 1 and "Nonesuch" in r.stderr and not (tmp_path / "o.exr").exists()


@pytest.mark.parametrize(
    ("args", "display_view"),
    [
        (("--to", "ACEScct"), None),
        (("--display", "sRGB - Display", "--view", "Un-tone-mapped"), ("sRGB - Display", "Un-tone-mapped")),
        (("--display", "sRGB - Display", "--view", ACES2_SDR), ("sRGB - Display", ACES2_SDR)),
    ],
)
def test_ocio_against_pyopencolorio(run_vfx, image, tmp_path: Path, args, display_view) -> None:
    """Without --config, `vfx ocio` uses OCIO's default config (ocio://default), as OCIO and vfxview do."""
    src, data = image
    out = tmp_path / "out.exr"
    r = run_vfx("ocio", src, out, "--from", "ACEScg", *args)
    assert r.returncode == 0, r.stderr
    cfg = OCIO.Config.CreateFromFile("ocio://default")
    if display_view:
        t = OCIO.DisplayViewTransform(src="ACEScg", display=display_view[0], view=display_view[1])
        proc = cfg.getProcessor(t)
    else:
        proc = cfg.getProcessor("ACEScg", "ACEScct")
    expected = ocio_apply(proc, data)
    got = vfx_rs.read(out).numpy()
    np.testing.assert_allclose(got[..., :3], expected, rtol=RTOL_OCIO_BUILTIN, atol=RTOL_OCIO_BUILTIN)
    np.testing.assert_array_equal(got[..., 3], data[..., 3])


CONFIG = """ocio_profile_version: 2
roles:
  default: lin
  scene_linear: lin
file_rules:
  - !<Rule> {name: Default, colorspace: default}
displays:
  sRGB:
    - !<View> {name: Gamma, colorspace: disp}
looks:
  - !<Look> {name: warm, process_space: lin, transform: !<CDLTransform> {slope: [1.2, 1.0, 0.8], power: [1.1, 1, 0.9]}}
colorspaces:
  - !<ColorSpace> {name: lin}
  - !<ColorSpace>
    name: disp
    from_scene_reference: !<ExponentTransform> {value: [2.2, 2.2, 2.2, 1], direction: inverse}
"""
"""A hand-written v2 config with a display view and a look."""


def test_ocio_config_file_with_looks_against_pyopencolorio(run_vfx, image, tmp_path: Path) -> None:
    src, data = image
    cfg_path = tmp_path / "show.ocio"
    cfg_path.write_text(CONFIG)
    cfg = OCIO.Config.CreateFromFile(str(cfg_path))
    looked, view = tmp_path / "looked.exr", tmp_path / "view.exr"
    r = run_vfx("ocio", src, looked, "--config", cfg_path, "--from", "lin", "--to", "disp", "--looks", "+warm")
    assert r.returncode == 0, r.stderr
    expected = ocio_apply(cfg.getProcessor(OCIO.LookTransform(src="lin", dst="disp", looks="+warm")), data)
    np.testing.assert_allclose(
        vfx_rs.read(looked).numpy()[..., :3], expected, rtol=RTOL_OCIO_BUILTIN, atol=RTOL_OCIO_BUILTIN
    )
    r = run_vfx("ocio", src, view, "--config", cfg_path, "--from", "lin", "--display", "sRGB", "--view", "Gamma")
    assert r.returncode == 0, r.stderr
    expected = ocio_apply(cfg.getProcessor(OCIO.DisplayViewTransform(src="lin", display="sRGB", view="Gamma")), data)
    np.testing.assert_allclose(
        vfx_rs.read(view).numpy()[..., :3], expected, rtol=RTOL_OCIO_BUILTIN, atol=RTOL_OCIO_BUILTIN
    )
    bad = run_vfx("ocio", src, tmp_path / "x.exr", "--config", cfg_path, "--from", "lin", "--to", "nope")
    assert bad.returncode == 1 and "nope" in bad.stderr


def _write_cube(path: Path, size: int, rng: np.random.Generator) -> None:
    """A random-ish 3D .cube (red fastest, Adobe/Iridas spec): identity plus a smooth warp plus noise."""
    b, g, r = np.meshgrid(*[np.linspace(0, 1, size)] * 3, indexing="ij")
    table = np.stack([r**1.3, 0.8 * g + 0.1 * r, np.sqrt(b)], axis=-1) + rng.normal(0, 0.01, (size, size, size, 3))
    lines = [f"LUT_3D_SIZE {size}"] + [" ".join(f"{v:.6f}" for v in row) for row in table.reshape(-1, 3)]
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("interp", "ocio_interp"), [("tetrahedral", OCIO.INTERP_TETRAHEDRAL), ("trilinear", OCIO.INTERP_LINEAR)]
)
def test_lut_against_ocio_file_transform(run_vfx, image, tmp_path: Path, interp, ocio_interp) -> None:
    src, data = image
    cube = tmp_path / "look.cube"
    _write_cube(cube, 9, np.random.default_rng(3))
    out = tmp_path / "out.exr"
    r = run_vfx("lut", src, cube, out, "--interp", interp)
    assert r.returncode == 0, r.stderr
    t = OCIO.FileTransform(src=str(cube), interpolation=ocio_interp)
    expected = ocio_apply(OCIO.Config.CreateRaw().getProcessor(t), data)
    np.testing.assert_allclose(vfx_rs.read(out).numpy()[..., :3], expected, atol=ATOL_LUT_OCIO, rtol=0)


def test_lut_malformed_names_file_and_line(run_vfx, image, tmp_path: Path) -> None:
    bad = tmp_path / "bad.cube"
    bad.write_text("LUT_3D_SIZE 2\n0 0 0\n1 x 0\n")
    r = run_vfx("lut", image[0], bad, tmp_path / "o.exr")
    assert r.returncode == 1 and "bad.cube" in r.stderr and "bad.cube:3:" in r.stderr


def _cdl(offset: tuple[float, float, float] = (0.01, 0.0, -0.02), style: str = "noclamp") -> OCIO.CDLTransform:
    """The CDL of `GRADE` in OCIO."""
    cdl = OCIO.CDLTransform(slope=[1.1, 1.0, 0.9], offset=list(offset), power=[1.0, 1.2, 0.8], sat=0.7)
    cdl.setStyle(OCIO.CDL_NO_CLAMP if style == "noclamp" else OCIO.CDL_ASC)
    return cdl


def _grade_reference(data: np.ndarray, style: str) -> np.ndarray:
    """Exposure +1 (x 2) then a no-clamp CDL, through OCIO."""
    group = OCIO.GroupTransform(
        [
            OCIO.MatrixTransform(matrix=[2.0, 0, 0, 0, 0, 2.0, 0, 0, 0, 0, 2.0, 0, 0, 0, 0, 1.0]),
            _cdl(style=style),
        ]
    )
    return ocio_apply(OCIO.Config.CreateRaw().getProcessor(group), data)


GRADE = (
    "--exposure",
    "1",
    "--slope",
    "1.1",
    "1",
    "0.9",
    "--offset",
    "0.01",
    "0",
    "-0.02",
    "--power",
    "1",
    "1.2",
    "0.8",
    "--sat",
    "0.7",
)


@pytest.mark.parametrize("style", ["noclamp", "asc"])
def test_grade_exposure_and_cdl_against_ocio(run_vfx, image, tmp_path: Path, style: str) -> None:
    src, data = image
    out = tmp_path / "out.exr"
    r = run_vfx("grade", src, out, *GRADE, "--style", style)
    assert r.returncode == 0, r.stderr
    np.testing.assert_allclose(
        vfx_rs.read(out).numpy()[..., :3], _grade_reference(data, style), rtol=0, atol=ATOL_CLI_GRADE_OCIO
    )


CCC = """<?xml version="1.0" encoding="UTF-8"?>
<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.01">
  <ColorCorrection id="sh010">
    <SOPNode><Slope>1 1 1</Slope><Offset>0 0 0</Offset><Power>1 1 1</Power></SOPNode>
  </ColorCorrection>
  <ColorCorrection id="sh020">
    <SOPNode><Slope>1.2 0.9 1.05</Slope><Offset>-0.01 0.02 0</Offset><Power>0.9 1.1 1.3</Power></SOPNode>
    <SatNode><Saturation>0.8</Saturation></SatNode>
  </ColorCorrection>
</ColorCorrectionCollection>
"""
"""An ASC CDL collection (ASC CDL v1.2 XML) of two corrections."""


def test_grade_from_ccc_file_and_inverse_against_ocio(run_vfx, image, tmp_path: Path) -> None:
    src, data = image
    ccc = tmp_path / "reel.ccc"
    ccc.write_text(CCC)
    out, back = tmp_path / "out.exr", tmp_path / "back.exr"
    r = run_vfx("grade", src, out, "--cdl", ccc, "--cc-id", "sh020", "--exposure", "-0.5")
    assert r.returncode == 0, r.stderr
    scale = 2.0**-0.5
    exposure = OCIO.MatrixTransform(matrix=[scale, 0, 0, 0, 0, scale, 0, 0, 0, 0, scale, 0, 0, 0, 0, 1.0])
    cdl = OCIO.FileTransform(src=str(ccc), cccId="sh020")
    cfg = OCIO.Config.CreateRaw()
    graded = ocio_apply(cfg.getProcessor(OCIO.GroupTransform([exposure, cdl])), data)
    np.testing.assert_allclose(vfx_rs.read(out).numpy()[..., :3], graded, rtol=0, atol=ATOL_CLI_GRADE_OCIO)

    r = run_vfx("grade", out, back, "--cdl", ccc, "--cc-id", "sh020", "--exposure", "-0.5", "--inverse")
    assert r.returncode == 0, r.stderr
    group = OCIO.GroupTransform([exposure, cdl], direction=OCIO.TRANSFORM_DIR_INVERSE)
    undone = ocio_apply(cfg.getProcessor(group), np.ascontiguousarray(np.concatenate([graded, data[..., 3:]], -1)))
    np.testing.assert_allclose(vfx_rs.read(back).numpy()[..., :3], undone, rtol=0, atol=ATOL_CLI_GRADE_OCIO)

    missing = run_vfx("grade", src, out, "--cdl", ccc, "--cc-id", "sh999")
    assert missing.returncode == 1 and "sh999" in missing.stderr


def test_lut_applies_cc_file_as_ocio_file_transform(run_vfx, image, tmp_path: Path) -> None:
    src, data = image
    cc = tmp_path / "shot.cc"
    body = CCC.split('<ColorCorrection id="sh020">')[1].split("</ColorCorrection>")[0]
    cc.write_text(f'<ColorCorrection id="sh020" xmlns="urn:ASC:CDL:v1.01">{body}</ColorCorrection>')
    out = tmp_path / "out.exr"
    r = run_vfx("lut", src, cc, out)
    assert r.returncode == 0, r.stderr
    expected = ocio_apply(OCIO.Config.CreateRaw().getProcessor(OCIO.FileTransform(src=str(cc))), data)
    np.testing.assert_allclose(vfx_rs.read(out).numpy()[..., :3], expected, rtol=0, atol=ATOL_CLI_GRADE_OCIO)
    several = run_vfx("lut", src, tmp_path / "reel.ccc", out)
    assert several.returncode == 1


def test_bake_chain_to_cube_matches_direct_chain_at_lattice_points(run_vfx, tmp_path: Path) -> None:
    lut = tmp_path / "look.cube"
    # CDL only, offsets >= 0 and saturation < 1: 0..1 maps into 0..1.2, no negatives for the sRGB curve
    step = "grade --slope 1.1 1 0.9 --offset 0.01 0 0.02 --power 1 1.2 0.8 --sat 0.7"
    r = run_vfx("bake", lut, "-s", step, "-s", "color --transfer srgb", "--kind", "3d", "--size", "17")
    assert r.returncode == 0, r.stderr
    nodes = np.stack(np.meshgrid(*[np.linspace(0, 1, 17)] * 3, indexing="ij"), axis=-1).reshape(17, 289, 3)
    nodes = np.concatenate([nodes, np.ones((17, 289, 1))], axis=-1).astype(np.float32)
    baked = ocio_apply(OCIO.Config.CreateRaw().getProcessor(OCIO.FileTransform(src=str(lut))), nodes)
    cdl = _cdl(offset=(0.01, 0.0, 0.02))
    srgb = OCIO.ExponentWithLinearTransform(
        gamma=[2.4] * 3 + [1.0], offset=[0.055] * 3 + [0.0], direction=OCIO.TRANSFORM_DIR_INVERSE
    )
    direct = ocio_apply(OCIO.Config.CreateRaw().getProcessor(OCIO.GroupTransform([cdl, srgb])), nodes)
    np.testing.assert_allclose(baked, direct, atol=ATOL_LUT_OCIO, rtol=0)


def test_bake_refuses_spatial_step(run_vfx, tmp_path: Path) -> None:
    r = run_vfx("bake", tmp_path / "x.cube", "-s", "blur --radius 2", "--kind", "3d")
    assert r.returncode == 1 and "blur" in r.stderr and not (tmp_path / "x.cube").exists()


def test_resize_against_openimageio(run_vfx, image, tmp_path: Path) -> None:
    src, _data = image
    out = tmp_path / "out.exr"
    r = run_vfx("resize", src, out, "--width", "7", "--height", "5", "--filter", "lanczos3")
    assert r.returncode == 0, r.stderr
    buf = oiio.ImageBuf(str(src))
    expected = oiio.ImageBufAlgo.resize(buf, filtername="lanczos3", roi=oiio.ROI(0, 7, 0, 5, 0, 1, 0, 4))
    np.testing.assert_allclose(vfx_rs.read(out).numpy(), expected.get_pixels(oiio.FLOAT), atol=ATOL_RESIZE_OIIO)


def test_composite_over_against_openimageio(run_vfx, image, tmp_path: Path) -> None:
    _src, data = image
    bg = tmp_path / "bg.exr"
    vfx_rs.write(bg, vfx_rs.Image(np.full((12, 16, 4), [0.1, 0.3, 0.6, 1.0], np.float32)))
    fg = tmp_path / "fg.exr"
    premult = data.copy()
    premult[..., :3] *= premult[..., 3:]
    vfx_rs.write(fg, vfx_rs.Image(premult))
    out = tmp_path / "out.exr"
    r = run_vfx("composite", fg, bg, out)
    assert r.returncode == 0, r.stderr
    expected = oiio.ImageBufAlgo.over(oiio.ImageBuf(str(fg)), oiio.ImageBuf(str(bg))).get_pixels(oiio.FLOAT)
    np.testing.assert_allclose(vfx_rs.read(out).numpy(), expected, atol=ATOL_FLOAT32_SUMS)


def test_blur_matches_library(run_vfx, image, tmp_path: Path) -> None:
    src, data = image
    out = tmp_path / "out.exr"
    assert run_vfx("blur", src, out, "--sigma", "1.5", "--edge", "mirror").returncode == 0
    expected = vfx_rs.ops.blur(data, sigma=1.5, edge="mirror")
    np.testing.assert_array_equal(vfx_rs.read(out).numpy(), expected)


def test_diff_metrics_and_threshold_exit_code(run_vfx, image, tmp_path: Path) -> None:
    src, data = image
    other = data.copy()
    other[3, 5, 1] += 0.25
    other[..., 0] += 0.01
    b = tmp_path / "b.exr"
    vfx_rs.write(b, vfx_rs.Image(other))
    r = run_vfx("diff", src, b, "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    err = other.astype(np.float64) - data.astype(np.float64)
    mse = np.mean(err**2)
    assert report["max"] == pytest.approx(np.abs(err).max(), rel=RTOL_CLI_DIFF_METRICS)
    assert report["max_location"] == [5, 3] and report["max_channel"] == "G"
    assert report["rms"] == pytest.approx(np.sqrt(mse), rel=RTOL_CLI_DIFF_METRICS)
    assert report["psnr"] == pytest.approx(10 * np.log10(1.0 / mse), rel=RTOL_CLI_DIFF_METRICS)
    assert run_vfx("diff", src, b, "--threshold", "0.3").returncode == 0
    failing = run_vfx("diff", src, b, "--threshold", "0.2")
    assert failing.returncode == 1 and "FAIL" in failing.stdout
    assert run_vfx("diff", src, b, "--metric", "psnr", "--threshold", "60").returncode == 1
    assert run_vfx("diff", src, src, "--threshold", "0").returncode == 0


def test_chain_applies_steps_in_order(run_vfx, image, tmp_path: Path) -> None:
    src, data = image
    steps = ["resize --scale 0.5 --filter triangle", "color --transfer srgb", "grade --exposure 1"]
    forward, backward = tmp_path / "f.exr", tmp_path / "b.exr"
    assert run_vfx("chain", src, forward, *[a for s in steps for a in ("-s", s)]).returncode == 0
    assert run_vfx("chain", src, backward, *[a for s in steps[::-1] for a in ("-s", s)]).returncode == 0

    small = vfx_rs.ops.resize(data, scale=0.5, filter="triangle")
    expected = vfx_rs.color.transfer_function("srgb").encode.apply(small.copy())
    expected[..., :3] *= 2.0
    np.testing.assert_array_equal(vfx_rs.read(forward).numpy(), expected)

    graded = data.copy()
    graded[..., :3] *= 2.0
    vfx_rs.color.transfer_function("srgb").encode.apply(graded)
    expected_b = vfx_rs.ops.resize(graded, scale=0.5, filter="triangle")
    np.testing.assert_array_equal(vfx_rs.read(backward).numpy(), expected_b)
    assert np.abs(expected - expected_b).max() > 0.01  # the order matters for these steps


def test_chain_bad_step_is_usage_error(run_vfx, image, tmp_path: Path) -> None:
    r = run_vfx("chain", image[0], tmp_path / "o.exr", "-s", "sharpen 3")
    assert r.returncode == 1 and "unknown step 'sharpen'" in r.stderr


def test_every_help_example_parses() -> None:
    import argparse
    import shlex

    from vfx_rs.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    texts = [parser.epilog or ""] + [p.epilog or "" for p in sub.choices.values()]
    examples = [
        line.split("  #")[0].strip()  # "  # ..." comments; "####" is a frame pattern
        for text in texts
        for line in text.replace("\\\n", " ").splitlines()
        if line.strip().startswith("vfx ")
    ]
    assert len(examples) > 40
    for example in examples:
        args = parser.parse_args(shlex.split(example)[1:])
        assert callable(args.run), example
