"""GradingHueCurveOp against PyOpenColorIO's GradingHueCurveTransform, and the transform read from a config.

Each style, forward and inverse, with every curve non-identity (user slopes on some), and with
``hsy_transform: none``; pixels reach outside [0, 1] (negative and above-white values).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.tolerances import ATOL_HUE_CURVE_OCIO
from tests.vfx_rs.ocio.config_check import check_config
from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.ops import GradingHueCurveOp

OCIO = pytest.importorskip("PyOpenColorIO")

_CURVES: dict[str, tuple[list[float], list[float] | None]] = {
    "hue_hue": ([0.0, 0.05, 0.2, 0.2, 0.4, 0.45, 0.6, 0.6, 0.8, 0.8], None),
    "hue_sat": ([0.0, 1.2, 0.25, 0.8, 0.5, 1.0, 0.75, 1.3], None),
    "hue_lum": ([0.1, 1.1, 0.4, 0.9, 0.7, 1.0], [0.5, -0.2, 0.1]),
    "lum_sat": ([0.0, 0.9, 0.5, 1.1, 1.0, 1.0], None),
    "sat_sat": ([0.0, 0.0, 0.3, 0.4, 1.0, 0.95], [1.2, 1.0, 0.8]),
    "lum_lum": ([0.0, 0.02, 0.5, 0.45, 1.0, 1.0], None),
    "sat_lum": ([0.0, 1.0, 0.5, 0.95, 1.0, 1.05], None),
    "hue_fx": ([0.0, 0.0, 0.3, 0.05, 0.6, -0.03, 1.2, 0.02], None),
}
_LINEAR = {"lum_sat": ([-7.0, 0.9, 0.0, 1.1, 7.0, 1.0], None), "lum_lum": ([-7.0, -7.0, -2.0, -2.3, 7.0, 7.0], None)}
_TYPES = ("HUE_HUE", "HUE_SAT", "HUE_LUM", "LUM_SAT", "SAT_SAT", "LUM_LUM", "SAT_LUM", "HUE_FX")
_STYLES = {"log": "GRADING_LOG", "linear": "GRADING_LIN", "video": "GRADING_VIDEO"}


def _pixels() -> np.ndarray:
    rng = np.random.default_rng(7)
    return rng.uniform(-0.2, 1.6, (3000, 3)).astype(np.float32)


def _ocio(style: str, curves: dict[str, Any], inverse: bool, hsy: bool) -> Any:
    values = OCIO.GradingHueCurve(getattr(OCIO, _STYLES[style]))
    for name, kind in zip(_CURVES, _TYPES, strict=True):
        setattr(values, name, OCIO.GradingBSplineCurve(curves[name][0], getattr(OCIO, kind)))
    t = OCIO.GradingHueCurveTransform(getattr(OCIO, _STYLES[style]))
    t.setValue(values)
    for name, kind in zip(_CURVES, _TYPES, strict=True):
        for i, s in enumerate(curves[name][1] or []):
            t.setSlope(getattr(OCIO, kind), i, s)
    if not hsy:
        t.setRGBToHSY(OCIO.HSY_TRANSFORM_NONE)
    t.setDirection(OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD)
    proc = OCIO.Config.CreateRaw().getProcessor(t)
    return proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)


@pytest.mark.parametrize("inverse", [False, True], ids=["forward", "inverse"])
@pytest.mark.parametrize("style", ["log", "linear", "video", "log-no-hsy"])
def test_grading_hue_curve_matches_ocio(style: str, inverse: bool) -> None:
    style, hsy = style.split("-")[0], not style.endswith("no-hsy")
    curves = {**_CURVES, **(_LINEAR if style == "linear" else {})}
    px = _pixels()
    ref = px.copy()
    _ocio(style, curves, inverse, hsy).applyRGB(ref)
    pairs = {k: (tuple(zip(p[::2], p[1::2], strict=True)), s and tuple(s)) for k, (p, s) in curves.items()}
    op = GradingHueCurveOp(style=style, inverse_direction=inverse, hsy=hsy, **pairs)  # type: ignore[arg-type]
    got = np.ascontiguousarray(px.T)
    op.apply_planar(got)
    err = np.abs(got.T - ref) / np.maximum(1.0, np.abs(ref))
    assert np.all(np.isfinite(ref)) and np.all(np.isfinite(got))
    assert float(err.max()) <= ATOL_HUE_CURVE_OCIO


def test_identity_curves_are_an_identity_op() -> None:
    assert GradingHueCurveOp(style="linear").is_identity()
    assert not GradingHueCurveOp(sat_sat=(((0.0, 0.0), (1.0, 0.9)), None)).is_identity()


def test_bad_curves_are_refused() -> None:
    with pytest.raises(ArgumentError, match="hue_hue"):
        GradingHueCurveOp(hue_hue=(((0.0, 0.0), (1.5, 1.0)), None))
    with pytest.raises(ArgumentError, match="non-decreasing"):
        GradingHueCurveOp(sat_sat=(((0.0, 0.5), (1.0, 0.2)), None))


_CONFIG = """\
ocio_profile_version: 2.5
roles: {default: lin, scene_linear: lin}
displays:
  srgb_display:
    - !<View> {name: raw, colorspace: lin}
colorspaces:
  - !<ColorSpace> {name: lin}
  - !<ColorSpace>
    name: log
    from_scene_reference: !<LogAffineTransform> {base: 2, log_side_slope: 0.08, log_side_offset: 0.6}
looks:
  - !<Look>
    name: hue_log
    process_space: log
    transform: !<GradingHueCurveTransform>
      style: log
      hue_sat: {control_points: [0, 1.2, 0.25, 0.8, 0.5, 1, 0.75, 1.3]}
      hue_fx: {control_points: [0, 0, 0.3, 0.05, 0.6, -0.03]}
      lum_lum: {control_points: [0, 0.02, 0.5, 0.45, 1, 1]}
  - !<Look>
    name: hue_linear_inverse
    process_space: lin
    transform: !<GradingHueCurveTransform>
      style: linear
      direction: inverse
      hue_hue: {control_points: [0, 0.05, 0.2, 0.2, 0.4, 0.45, 0.6, 0.6, 0.8, 0.8]}
      sat_sat: {control_points: [0, 0, 0.3, 0.4, 1, 0.95], slopes: [1.2, 1, 0.8]}
      lum_lum: {control_points: [-7, -7, -2, -2.3, 7, 7]}
  - !<Look>
    name: hue_video_none
    process_space: lin
    transform: !<GradingHueCurveTransform>
      style: video
      hsy_transform: none
      sat_lum: {control_points: [0, 1, 0.5, 0.95, 1, 1.05]}
      hue_lum: {control_points: [0.1, 1.1, 0.4, 0.9, 0.7, 1]}
"""


def test_grading_hue_curve_transform_in_a_config_matches_ocio(tmp_path: Path) -> None:
    path = tmp_path / "config.ocio"
    path.write_text(_CONFIG, encoding="utf-8")
    report = check_config(str(path), values=9)
    assert not report.failures(), "\n".join(report.failures()[:20])
    assert any("hue_linear_inverse" in m for m in report.matched), report.matched
    assert len(report.matched) == report.total >= 3
