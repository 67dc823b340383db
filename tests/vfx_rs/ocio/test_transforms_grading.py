"""ExposureContrast, CDL and FixedFunction transforms in a config against PyOpenColorIO."""

from __future__ import annotations

import numpy as np
import pytest

from tests.tolerances import ATOL_LUT_OCIO, RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.oracle import CODE_VALUES, GRID_VALUES, compare, grid17
from vfx_rs.errors import OcioError
from vfx_rs.ocio import Config

OCIO = pytest.importorskip("PyOpenColorIO")


def _config(transform: str) -> str:
    return f"""ocio_profile_version: 2
roles: {{default: a}}
displays: {{d: [!<View> {{name: v, colorspace: a}}]}}
colorspaces:
  - !<ColorSpace> {{name: a}}
  - !<ColorSpace>
    name: b
    from_scene_reference: {transform}
"""


def _check(transform: str, px: np.ndarray | None = None) -> float:
    text = _config(transform)
    ref, ours = OCIO.Config.CreateFromStream(text), Config.from_string(text)
    px = grid17() if px is None else px
    return max(compare(ref.getProcessor(a, b), ours.processor(a, b), px) for a, b in (("a", "b"), ("b", "a")))


EC_PARAMS = [
    "exposure: 1.3, contrast: 1.2, gamma: 0.9, pivot: 0.2",
    "exposure: -0.5, contrast: 1, gamma: 1",
    "exposure: 0.7, contrast: 0.8, gamma: 1.1, pivot: 0.3, log_midway_gray: 0.41",
    "exposure: 0.7, contrast: 1.5, gamma: 1.0, pivot: 0.0",
]


@pytest.mark.parametrize("style", ["linear", "video", "log"])
@pytest.mark.parametrize("params", EC_PARAMS)
@pytest.mark.parametrize("direction", ["forward", "inverse"])
def test_exposure_contrast_matches_ocio(style: str, params: str, direction: str) -> None:
    transform = f"!<ExposureContrastTransform> {{style: {style}, {params}, direction: {direction}}}"
    assert _check(transform) <= RTOL_OCIO_BUILTIN


def test_exposure_contrast_log_inverse_is_exact() -> None:
    # OCIO's log-style reverse renderer keeps the default log_exposure_step (0.088) whatever the transform says
    # (ExposureContrastOpCPU.cpp, ECLogarithmicRevRenderer::updateData); ours inverts the forward exactly.
    fwd = "!<ExposureContrastTransform> {style: log, exposure: 0.7, contrast: 0.8, log_exposure_step: 0.07}"
    cfg = Config.from_string(_config(fwd))
    px = grid17()
    back = cfg.processor("b", "a").apply(cfg.processor("a", "b").apply(px.copy()))
    np.testing.assert_allclose(back, px, atol=1e-6)
    text = _config(fwd)
    assert (
        compare(OCIO.Config.CreateFromStream(text).getProcessor("a", "b"), cfg.processor("a", "b"), px)
        <= RTOL_OCIO_BUILTIN
    )


def test_exposure_contrast_missing_values_are_dynamic() -> None:
    cfg = Config.from_string(_config("!<ExposureContrastTransform> {style: linear, exposure: 1}"))
    ops = cfg.processor("a", "b").pipeline.ops
    assert ops and all(op.dynamic for op in ops)


def test_exposure_contrast_bad_style_names_line() -> None:
    text = _config("!<ExposureContrastTransform> {style: wild}")
    with pytest.raises(OcioError, match=r"^<string>:8: ExposureContrastTransform style 'wild'"):
        Config.from_string(text).processor("a", "b")


CDL_PARAMS = [
    "slope: [1.2, 0.9, 1.05], offset: [0.02, -0.01, 0.0], power: [1.1, 0.95, 1.2], sat: 0.8",
    "slope: [0.8, 1.1, 1.0], offset: [-0.05, 0.03, 0.01], power: [0.9, 1.3, 1.0], sat: 1.3",
    "slope: [1, 1, 1], offset: [0, 0, 0], power: [1, 1, 1], sat: 1",
]


@pytest.mark.parametrize("style", ["", "style: asc, ", "style: noclamp, "])
@pytest.mark.parametrize("params", CDL_PARAMS)
@pytest.mark.parametrize("direction", ["forward", "inverse"])
def test_cdl_matches_ocio(style: str, params: str, direction: str) -> None:
    transform = f"!<CDLTransform> {{{style}{params}, direction: {direction}}}"
    assert _check(transform) <= RTOL_OCIO_BUILTIN
    grouped = f"!<GroupTransform> {{children: [{transform}, !<MatrixTransform> {{offset: [0.01, 0, 0, 0]}}]}}"
    assert _check(grouped) <= RTOL_OCIO_BUILTIN


@pytest.mark.parametrize("direction", ["forward", "inverse"])
def test_cdl_in_v1_config_matches_ocio(direction: str) -> None:
    """OCIO applies a CDL in a v1 config its v1 way (power clamps negatives to 0, no clamp at 1), whatever the style."""
    text = _config(f"!<CDLTransform> {{{CDL_PARAMS[0]}, direction: {direction}}}")
    text = text.replace("version: 2", "version: 1").replace("from_scene_reference", "from_reference")
    ref, ours = OCIO.Config.CreateFromStream(text), Config.from_string(text)
    px = grid17()
    for a, b in (("a", "b"), ("b", "a")):
        assert compare(ref.getProcessor(a, b), ours.processor(a, b), px) <= RTOL_OCIO_BUILTIN, (a, b)


def test_cdl_bad_values_raise() -> None:
    for bad, message in (("power: [1, 0, 1]", "power must be > 0"), ("style: wild", "'wild'"), ("sat: x", "'sat'")):
        with pytest.raises(OcioError, match=message):
            Config.from_string(_config(f"!<CDLTransform> {{{bad}}}")).processor("a", "b")


FIXED = [
    "style: ACES_RedMod10",
    "style: ACES_Glow10",
    "style: ACES_Glow03",
    "style: ACES_DarkToDim10",
    "style: ACES_GamutComp13, params: [1.147, 1.264, 1.312, 0.815, 0.803, 0.880, 1.2]",
    "style: ACES_GamutComp13, params: [1.3, 1.2, 1.4, 0.7, 0.85, 0.9, 1.5]",
    "style: LIN_TO_PQ",
]


@pytest.mark.parametrize("params", FIXED)
@pytest.mark.parametrize("direction", ["forward", "inverse"])
def test_fixed_functions_match_ocio(params: str, direction: str) -> None:
    px = grid17(CODE_VALUES) if (params.endswith("PQ") and direction == "inverse") else grid17()
    if params.endswith("RedMod10") and direction == "inverse":
        # OCIO's inverse red modifier gives NaN (a negative discriminant) for pixels with a negative red and
        # negative green/blue; vfx_rs clamps the discriminant at 0 and returns a finite red.
        px = grid17(GRID_VALUES[GRID_VALUES >= 0.0])
    text = _config(f"!<FixedFunctionTransform> {{{params}, direction: {direction}}}").replace(
        "version: 2", "version: 2.4"
    )
    ref, ours = OCIO.Config.CreateFromStream(text), Config.from_string(text)
    assert compare(ref.getProcessor("a", "b"), ours.processor("a", "b"), px) <= RTOL_OCIO_BUILTIN


FIXED_CIE_HSY_LOG = [
    "style: XYZ_TO_xyY",
    "style: XYZ_TO_uvY",
    "style: XYZ_TO_LUV",
    "style: RGB_TO_HSY_LIN",
    "style: RGB_TO_HSY_LOG",
    "style: RGB_TO_HSY_VID",
    "style: Lin_TO_GammaLog, params: [0, 0.0833333333, 0.5, 1.7320508, 0, 2.718281828, 0.17883277, 0.55991073, 12, "
    "-0.28466892]",
    "style: LIN_TO_GAMMALOG, params: [-0.1, 0.05, 0.45, 1.1, 0.1, 10, 0.25, 0.6, 1.5, 0.2]",
    "style: Lin_TO_DoubleLog, params: [10, 0, 0.5, -0.2, 0.3, -1, 1, 0.2, 0.5148, 1, 1, 0.5, 0.3]",
    "style: Lin_TO_DoubleLog, params: [2, 0.1, 0.1, 0.1, 0.5, 2, 0.5, 0.12, 0.6, 3, 0.2, 1, 0]",
]
"""The CIE coordinate, HSY and gamma-/double-log styles (OCIO 2.6 FixedFunctionStyle), with valid params."""


@pytest.mark.parametrize("params", FIXED_CIE_HSY_LOG)
@pytest.mark.parametrize("direction", ["forward", "inverse"])
def test_cie_hsy_and_log_fixed_functions_match_ocio(params: str, direction: str) -> None:
    """Within 1e-5 (relative above 1) of OCIO on a grid over [-0.1, 64], with NaN where OCIO gives NaN."""
    px = np.concatenate([grid17(), [[np.nan, 0.2, 0.3], [np.inf, 0.5, 0.1], [0.2, -np.inf, 2.0]]]).astype(np.float32)
    text = _config(f"!<FixedFunctionTransform> {{{params}, direction: {direction}}}")
    text = text.replace("version: 2", "version: 2.5")  # OCIO: HSY styles need 2.5, the log curves 2.4
    ref, ours = OCIO.Config.CreateFromStream(text), Config.from_string(text)
    assert compare(ref.getProcessor("a", "b"), ours.processor("a", "b"), px, noise=False) <= ATOL_LUT_OCIO


def test_unsupported_fixed_function_names_it() -> None:
    cfg = Config.from_string(_config("!<FixedFunctionTransform> {style: ACES_GamutMap07}"))
    with pytest.raises(
        OcioError, match=r"^<string>:8: FixedFunctionTransform style 'ACES_GamutMap07' is not supported"
    ):
        cfg.processor("a", "b")
    text = _config("!<FixedFunctionTransform> {style: ACES_GamutComp13, params: [1, 2]}")
    cfg = Config.from_string(text.replace("version: 2", "version: 2.1"))  # the style needs 2.1
    with pytest.raises(OcioError, match="needs 7 params"):
        cfg.processor("a", "b")


CCC = """<?xml version="1.0" encoding="UTF-8"?>
<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.01">
  <ColorCorrection id="shot_a">
    <SOPNode><Slope>1.2 0.9 1.05</Slope><Offset>0.02 -0.01 0.0</Offset><Power>1.1 0.95 1.2</Power></SOPNode>
    <SatNode><Saturation>0.8</Saturation></SatNode>
  </ColorCorrection>
  <ColorCorrection id="shot_b">
    <SOPNode><Slope>0.8 1.1 1.0</Slope><Offset>-0.05 0.03 0.01</Offset><Power>0.9 1.3 1.0</Power></SOPNode>
    <SatNode><Saturation>1.3</Saturation></SatNode>
  </ColorCorrection>
</ColorCorrectionCollection>
"""
"""A two-correction .ccc file."""


@pytest.mark.parametrize(
    "extra", ["", "cccid: shot_b", "cccid: 1", "cccid: shot_a, cdl_style: asc", "direction: inverse"]
)
def test_cdl_file_transforms_match_ocio(tmp_path, extra: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "grades.ccc").write_text(CCC, encoding="utf-8")
    text = _config(f"!<FileTransform> {{src: grades.ccc{', ' + extra if extra else ''}}}")
    path = tmp_path / "config.ocio"
    path.write_text(text, encoding="utf-8")
    ref, ours = OCIO.Config.CreateFromFile(str(path)), Config.from_file(path)
    for a, b in (("a", "b"), ("b", "a")):
        assert compare(ref.getProcessor(a, b), ours.processor(a, b), grid17()) <= RTOL_OCIO_BUILTIN, (extra, a)


def test_cdl_file_bad_cccid_names_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "grades.ccc").write_text(CCC, encoding="utf-8")
    for cccid, message in (("shot_z", r"cccid 'shot_z' is not in .*'shot_a', 'shot_b'"), ("5", "outside \\[0, 1\\]")):
        path = tmp_path / "config.ocio"
        path.write_text(_config(f"!<FileTransform> {{src: grades.ccc, cccid: {cccid}}}"), encoding="utf-8")
        with pytest.raises(OcioError, match=message) as info:
            Config.from_file(path).processor("a", "b")
        assert info.value.line == 8
