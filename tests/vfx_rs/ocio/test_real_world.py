"""What real-world configs use (issue 20), each config checked whole against PyOpenColorIO.

Every color space pair, display view and look of each hand-written config is
compared by `tests.vfx_rs.ocio.config_check.check_config` (1e-4, relative
above 1, less OCIO's own float32 sensitivity): AllocationTransform (uniform
and lg2, with and without vars, both directions), GradingPrimaryTransform
GradingToneTransform and GradingRGBCurveTransform (three styles, both directions), display spaces defined by a LUT in one
direction only, a 3D LUT used inverted, 1D LUT inputs beyond the domain, and
an empty or null ``children`` group, and a space whose ``from_reference`` is
not the inverse of its ``to_reference`` (each direction takes its own, also
through an inverted ColorSpaceTransform); a
clamping range met by its inverse still clamps, and a NaN meeting a
RangeTransform's clamp takes the bound, as in OCIO.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.vfx_rs.ocio.config_check import check_config
from tests.vfx_rs.ocio.oracle import check_queries

pytest.importorskip("PyOpenColorIO")


def _write_luts(folder: Path) -> None:
    x = np.linspace(0.0, 1.0, 1024)
    rows = "\n".join(f"{v:.8f}" for v in x ** (1 / 2.4))
    (folder / "gamma.spi1d").write_text(f"Version 1\nFrom 0.0 1.0\nLength 1024\nComponents 1\n{{\n{rows}\n}}\n")
    flat = np.clip(1.2 * x - 0.1, 0.0, 1.0)  # flat ends: the inverse takes the entries nearest the centre
    rows = "\n".join(f"{v:.8f}" for v in flat)
    (folder / "flat.spi1d").write_text(f"Version 1\nFrom -0.125 1.125\nLength 1024\nComponents 1\n{{\n{rows}\n}}\n")
    n = 9
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    mix = np.array([[0.8, 0.15, 0.05], [0.1, 0.8, 0.1], [0.05, 0.15, 0.8]])
    cube = np.stack([r**1.2, g**0.9, b**1.1], axis=-1) @ mix.T
    lines = "".join(f"{c[0]:.8f} {c[1]:.8f} {c[2]:.8f}\n" for c in cube.reshape(-1, 3))
    (folder / "look.cube").write_text(f"LUT_3D_SIZE {n}\n{lines}")


CONFIG = """\
ocio_profile_version: 2
search_path: luts
roles: {default: lin, scene_linear: lin, color_picking: srgb}
displays:
  sRGB:
    - !<View> {name: Standard, colorspace: srgb}
    - !<View> {name: Graded, colorspace: srgb, looks: "+prim_log, +lut"}
    - !<View> {name: Gamma, colorspace: gamma_display}
colorspaces:
  - !<ColorSpace> {name: lin}
  - !<ColorSpace>
    name: srgb
    from_reference: !<GroupTransform>
      children:
        - !<AllocationTransform> {allocation: lg2, vars: [-8.5, 5, 0.00390625]}
        - !<FileTransform> {src: gamma.spi1d, interpolation: linear}
  - !<ColorSpace>
    name: gamma_display
    from_reference: !<FileTransform> {src: gamma.spi1d}
  - !<ColorSpace>
    name: flat_display
    to_reference: !<FileTransform> {src: flat.spi1d}
  - !<ColorSpace>
    name: lg2_default
    to_reference: !<AllocationTransform> {allocation: lg2, direction: inverse}
  - !<ColorSpace>
    name: lg2_two_vars
    from_reference: !<AllocationTransform> {allocation: lg2, vars: [-6, 6.5]}
  - !<ColorSpace>
    name: uniform
    from_reference: !<AllocationTransform> {allocation: uniform, vars: [-0.125, 1.125]}
  - !<ColorSpace>
    name: uniform_default
    to_reference: !<AllocationTransform> {}
  - !<ColorSpace>
    name: both_directions
    from_reference: !<GroupTransform>
      children:
        - !<AllocationTransform> {allocation: lg2, vars: [-10, 6]}
        - !<FileTransform> {src: look.cube, interpolation: tetrahedral}
    to_reference: !<AllocationTransform> {allocation: lg2, vars: [-10, 6], direction: inverse}
  - !<ColorSpace>
    name: via_both
    encoding: sdr-video
    from_reference: !<GroupTransform>
      children:
        - !<ColorSpaceTransform> {src: lin, dst: both_directions}
        - !<FileTransform> {src: gamma.spi1d}
  - !<ColorSpace>
    name: kraken
    encoding: log
    from_reference: !<GroupTransform>
      children:
        - !<RangeTransform> {min_in_value: 0, min_out_value: 0}
        - !<MatrixTransform> {matrix: [0.84, 0.08, 0.08, 0, 0.04, 0.88, 0.08, 0, 0.04, 0.08, 0.88, 0, 0, 0, 0, 1]}
        - !<AllocationTransform> {allocation: lg2, vars: [-12.47393, 4.026069]}
  - !<ColorSpace>
    name: kraken_base
    encoding: sdr-video
    from_reference: !<GroupTransform>
      children:
        - !<ColorSpaceTransform> {src: lin, dst: kraken}
        - !<FileTransform> {src: gamma.spi1d}
  - !<ColorSpace>
    name: empty_group
    to_reference: !<GroupTransform> {children: }
looks:
  - !<Look>
    name: prim_log
    process_space: lg2_default
    transform: !<GradingPrimaryTransform>
      style: log
      brightness: {rgb: [10, -5, 3], master: 2}
      contrast: {rgb: [1.2, 0.9, 1], master: 1.1}
      gamma: {rgb: [1.1, 0.8, 1], master: 1.2}
      saturation: 1.3
      pivot: {contrast: -0.1, black: 0.05, white: 0.9}
      clamp: {black: -0.05, white: 1.1}
  - !<Look>
    name: prim_lin
    process_space: lin
    transform: !<GradingPrimaryTransform>
      style: linear
      offset: {rgb: [0.01, -0.02, 0], master: 0.005}
      exposure: {rgb: [0.5, -0.3, 0], master: 0.2}
      contrast: {rgb: [1.2, 0.9, 1], master: 1.1}
      saturation: 0.8
      pivot: {contrast: 0.5}
  - !<Look>
    name: prim_video
    process_space: srgb
    transform: !<GradingPrimaryTransform>
      style: video
      offset: {rgb: [0.01, -0.02, 0], master: 0.005}
      lift: {rgb: [0.02, 0.0, -0.01], master: 0.01}
      gain: {rgb: [1.2, 0.9, 1], master: 1.1}
      gamma: {rgb: [1.1, 0.9, 1.3], master: 1}
      saturation: 1.2
      pivot: {black: 0.02, white: 0.95}
      unknown_key: ignored as OCIO does
  - !<Look>
    name: tone_log
    process_space: srgb
    transform: !<GradingToneTransform>
      style: log
      blacks: {rgb: [1.1, 0.9, 1], master: 1.2, start: 0.4, width: 0.4}
      shadows: {rgb: [1.2, 0.9, 1], master: 1.1, start: 0.5, pivot: 0}
      midtones: {rgb: [0.9, 1.1, 1], master: 1.05, center: 0.4, width: 0.6}
      highlights: {rgb: [0.8, 1.2, 1], master: 0.9, start: 0.3, pivot: 1}
      whites: {rgb: [0.9, 1.2, 1], master: 0.8, start: 0.4, width: 0.5}
      s_contrast: 1.2
  - !<Look>
    name: tone_linear
    process_space: lin
    transform: !<GradingToneTransform>
      style: linear
      midtones: {rgb: [1.2, 0.9, 1], master: 1.1, center: 0, width: 8}
      whites: {rgb: [1.1, 1, 0.9], master: 1.2, start: 0, width: 8}
      s_contrast: 1.3
  - !<Look>
    name: tone_video
    process_space: srgb
    transform: !<GradingToneTransform> {style: video, blacks: {rgb: [1.3, 0.7, 1], master: 0.9, start: 0.4, width: 0.4}, s_contrast: 0.6}
  - !<Look>
    name: curves_log
    process_space: srgb
    transform: !<GradingRGBCurveTransform>
      style: log
      red: {control_points: [0, 0, 0.3, 0.35, 0.7, 0.8, 1, 1]}
      green: {control_points: [0, 0, 0.5, 0.6, 1, 1], slopes: [1.2, 0.8, 1.1]}
      master: {control_points: [0, 0.05, 0.5, 0.45, 1, 0.95]}
  - !<Look>
    name: curves_linear
    process_space: lin
    transform: !<GradingRGBCurveTransform>
      style: linear
      master: {control_points: [-7, -7, -2, -2.5, 0, 0.3, 7, 7]}
  - !<Look>
    name: curves_bypass
    process_space: lin
    transform: !<GradingRGBCurveTransform>
      style: linear
      lintolog_bypass: true
      master: {control_points: [0, 0, 0.18, 0.2, 1, 1.1, 10, 9]}
  - !<Look>
    name: lut
    process_space: srgb
    transform: !<FileTransform> {src: look.cube, interpolation: tetrahedral}
  - !<Look>
    name: null_children
    process_space: lin
    transform: !<GroupTransform> {children: }
"""


def test_real_world_features_match_ocio(tmp_path: Path) -> None:
    (tmp_path / "luts").mkdir()
    _write_luts(tmp_path / "luts")
    path = tmp_path / "config.ocio"
    path.write_text(CONFIG, encoding="utf-8")
    report = check_config(str(path), values=9)
    assert not report.failures(), "\n".join(report.failures()[:20])
    assert len(report.matched) == report.total > 100


LENIENT_V1 = """\
ocio_profile_version: 1
resource_path: luts
strictparsing: true
luma: [0.2126, 0.7152, 0.0722]
unknown_top_level: 42
roles: {default: raw, scene_linear: linear, reference: linear}
displays:
  sRGB:
    - !<View> {name: Film, colorspace: film}
    - !<View> {name: Raw, colorspace: raw}
active_displays: []
active_views: []
colorspaces:
  - !<ColorSpace>
    name: linear
    family: ""
    bitdepth: 32f
    allocation: lg2
    allocationvars: [-15, 6]
    unknown_cs_key: whatever
  - !<ColorSpace> {name: raw, isdata: true, allocation: uniform}
  - !<ColorSpace>
    name: film
    from_reference: !<GroupTransform>
      children:
        - !<ExponentTransform> {value: [2.2, 2.2, 2.2, 1], direction: inverse}
        - !<FileTransform> {src: gamma.spi1d, interpolation: linear, direction: inverse}
  - !<ColorSpace> {name: log, to_reference: !<LogTransform> {base: 10, direction: inverse}}
"""

LENIENT_V2 = """\
ocio_profile_version: 2.1
environment: {CURVE: gamma}
search_path: [luts]
strictparsing: false
roles: {default: lin, scene_linear: lin, compositing_log: logc}
inactive_colorspaces: [hidden]
displays:
  sRGB:
    - !<View> {name: Shot, colorspace: shot_display}
    - !<View> {name: Raw, colorspace: raw}
colorspaces:
  - !<ColorSpace> {name: lin, aliases: [linear, scene_lin]}
  - !<ColorSpace> {name: raw, isdata: true}
  - !<ColorSpace> {name: hidden, to_scene_reference: !<MatrixTransform> {matrix: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1]}}
  - !<ColorSpace>
    name: logc
    to_reference: !<LogAffineTransform> {base: 10, log_side_slope: 0.25, log_side_offset: 0.4, lin_side_slope: 5.5, lin_side_offset: 0.05, direction: inverse}
  - !<ColorSpace>
    name: shot_display
    from_scene_reference: !<FileTransform> {src: "${CURVE}.spi1d"}
    future_key: {nested: true}
looks:
  - !<Look> {name: empty, process_space: lin}
  - !<Look> {name: grp, process_space: logc, transform: !<GroupTransform> {}}
"""


@pytest.mark.parametrize("text", [LENIENT_V1, LENIENT_V2], ids=["v1", "v2"])
def test_what_ocio_tolerates_matches_ocio(tmp_path: Path, text: str) -> None:
    """resource_path, strictparsing, luma, unknown keys, allocation keys, aliases, inactive spaces, environment
    defaults in file names, v1-style to_reference in a v2 config, empty looks and groups."""
    (tmp_path / "luts").mkdir()
    _write_luts(tmp_path / "luts")
    path = tmp_path / "config.ocio"
    path.write_text(text, encoding="utf-8")
    report = check_config(str(path), values=7)
    assert not report.failures(), "\n".join(report.failures()[:20])
    assert len(report.matched) == report.total >= 20
    import PyOpenColorIO as OCIO

    from vfx_rs.ocio import Config

    check_queries(OCIO.Config.CreateFromFile(str(path)), Config.from_file(path))  # names, roles, inactive spaces


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "ocio_profile_version: 2\nroles: {default: a}\nroles: {default: a}\ncolorspaces: [!<ColorSpace> {name: a}]\n",
            3,
        ),
        (
            "ocio_profile_version: 2\nroles: {default: a}\ncolorspaces:\n"
            "  - !<ColorSpace> {name: a, to_scene_reference: !<MatrixTransform> {offset: [0, 0, 0, 0], offset: [0, 0, 0, 0]}}\n",
            4,
        ),
        (
            "ocio_profile_version: 2\nroles: {default: a}\ncolorspaces:\n  - !<ColorSpace> {name: a}\nlooks:\n"
            "  - !<Look> {name: l, process_space: a, transform: !<GradingHueCurveTransform> {style: log, hsy_transform: rgb}}\n",
            6,
        ),
    ],
    ids=["duplicate_top_level_key", "duplicate_transform_key", "bad_transform_value"],
)
def test_what_cannot_be_built_is_refused_with_the_line(tmp_path: Path, text: str, line: int) -> None:
    from vfx_rs.errors import OcioError
    from vfx_rs.ocio import Config

    path = tmp_path / "config.ocio"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OcioError) as info:
        cfg = Config.from_file(path)
        cfg.processor("a", "a", looks="l")
    assert info.value.line == line and info.value.path == str(path)


@pytest.mark.parametrize("bounds", [(0.0, None), (None, 1.0), (0.0, 1.0)])
def test_range_transform_sends_nan_to_its_bound_as_ocio(bounds: tuple[float | None, float | None]) -> None:
    """OCIO's RangeOpCPU takes ``std::max(lower, x)``: a NaN (inf - inf after an overflow) becomes the bound."""
    import PyOpenColorIO as OCIO

    from vfx_rs.pipeline import Pipeline
    from vfx_rs.pipeline.ops import RangeOp

    lo, hi = bounds
    ref = OCIO.RangeTransform()
    if lo is not None:
        ref.setMinInValue(lo)
        ref.setMinOutValue(lo)
    if hi is not None:
        ref.setMaxInValue(hi)
        ref.setMaxOutValue(hi)
    px = np.array([[np.nan, 0.5, np.inf], [-np.inf, 2.0, -1.0]], dtype=np.float32)
    expected = px.copy()
    cpu = (
        OCIO.Config.CreateRaw()
        .getProcessor(ref)
        .getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    )
    cpu.applyRGB(expected)
    got = Pipeline([RangeOp.from_bounds(lo, hi, lo, hi)], optimize=False).applied(px)
    np.testing.assert_array_equal(got, expected)
