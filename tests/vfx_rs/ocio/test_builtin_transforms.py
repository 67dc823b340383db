"""Every BuiltinTransform style built here against OCIO's BuiltinTransform of the same style, both directions."""

from __future__ import annotations

import numpy as np
import pytest

from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.oracle import CODE_VALUES, compare, grid17, ocio_cpu, run_cpu
from vfx_rs.errors import OcioError
from vfx_rs.ocio.builtin_displays import HLG_SURROUND_FLOOR
from vfx_rs.ocio.builtin_transforms import BUILTIN_TRANSFORMS, builtin_ops, builtin_styles
from vfx_rs.ocio.model import Transform
from vfx_rs.ocio.transforms_fixed import fixed_function_ops
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops.luminance_power import LuminancePowerOp

OCIO = pytest.importorskip("PyOpenColorIO")


def _code_input(style: str, inverse: bool) -> bool:
    """True where the input is code values: decoding (camera logs, ACEScc/ACEScct, curves to linear), or the
    inverse of an encoding (displays, curves from linear); light values otherwise."""
    decodes = style.endswith(("_to_LINEAR", "-INVERSE"))
    decodes = decodes or (style.endswith("_to_ACES2065-1") and not style.startswith("ACEScg"))
    encodes = style.startswith(("DISPLAY - ", "CURVE - LINEAR_to_")) or style.endswith("HLG-OETF")
    return decodes if not inverse else encodes


@pytest.fixture(scope="module")
def raw_config():  # type: ignore[no-untyped-def]
    return OCIO.Config.CreateRaw()


@pytest.mark.parametrize("style", builtin_styles())
def test_style_matches_ocio_both_ways(raw_config, style: str) -> None:  # type: ignore[no-untyped-def]
    for inverse in (False, True):
        # Code values lie in [0, 1]; above 1 OCIO's inverted PQ table runs on, ours clamps.
        px = grid17(CODE_VALUES) if _code_input(style, inverse) else grid17()
        direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
        ref = raw_config.getProcessor(OCIO.BuiltinTransform(style, direction))
        err = compare(ref, Pipeline(builtin_ops(style, inverse)), px)
        assert err <= RTOL_OCIO_BUILTIN, (style, inverse, err)


def test_styles_are_ocio_styles() -> None:
    known = {style for style, _ in OCIO.BuiltinTransformRegistry().getBuiltins()}
    assert set(BUILTIN_TRANSFORMS) <= known


PQ_CODES = np.array([1.0, 1.2, 1.54, 1.5469, 1.547, 1.6, 1.99, 1.995, 3.0, 1e30, np.inf, np.nan], dtype=np.float32)
"""PQ code values at and above 1: up to the top of OCIO's linear-to-PQ table (code of 65504, about 1.547), past
the formula's pole (about 1.993), and beyond."""

PQ_CODES_FIXED_FUNCTION = np.array([1.0, 1.05, 1.1, 1.995, 3.0, 1e30, np.inf, np.nan], dtype=np.float32)
"""As `PQ_CODES` for OCIO's LIN_TO_PQ fixed function, which evaluates the decoding in float32: its ``c2 - c3 x``
cancels as codes rise (measured against float64: 3.4e-5 at 1.2, 1.5e-4 at 1.54, 3.5e-2 at 1.99), so the
check stops at 1.1 below the pole, and checks NaN beyond it."""


@pytest.mark.parametrize(
    ("style", "inverse"),
    [("CURVE - ST-2084_to_LINEAR", False), ("CURVE - LINEAR_to_ST-2084", True), ("LIN_TO_PQ", True)],
)
def test_pq_above_code_1_matches_ocio(raw_config, style: str, inverse: bool) -> None:  # type: ignore[no-untyped-def]
    """OCIO's three PQ decodings part above code 1: the half table of the decoding reads 0 past the pole, the
    inverted linear-to-PQ table stops at 65504, the LIN_TO_PQ fixed function follows the formula to NaN."""
    direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
    codes = PQ_CODES
    if style == "LIN_TO_PQ":
        ref = OCIO.FixedFunctionTransform(OCIO.FIXED_FUNCTION_LIN_TO_PQ, direction=direction)
        ours = Pipeline(fixed_function_ops(Transform("FixedFunction", {"style": "LIN_TO_PQ"}), None)).inverse()
        codes = PQ_CODES_FIXED_FUNCTION
    else:
        ref = OCIO.BuiltinTransform(style, direction)
        ours = Pipeline(builtin_ops(style, inverse))
    px = np.stack([codes, -codes, np.zeros_like(codes)], axis=-1)
    assert compare(raw_config.getProcessor(ref), ours, px) <= RTOL_OCIO_BUILTIN


def test_pq_tables() -> None:
    decode = Pipeline(builtin_ops("CURVE - ST-2084_to_LINEAR"))
    out = decode.applied([[1.0, 2.0, -1.0]])
    assert out[0, 0] == -out[0, 2] == pytest.approx(100.0, rel=1e-6)  # code 1 is 10000 cd/m2
    encode = Pipeline(builtin_ops("CURVE - LINEAR_to_ST-2084"))
    assert encode.applied([[np.inf, np.nan, 1e9]])[0, 0] == encode.applied([[65504.0, 0, 0]])[0, 0]


def test_unknown_style_lists_known_ones() -> None:
    with pytest.raises(OcioError, match=r"unknown BuiltinTransform style 'nope'.*ACEScg_to_ACES2065-1"):
        builtin_ops("nope")
    assert builtin_ops("acescg_to_aces2065-1") == builtin_ops("ACEScg_to_ACES2065-1")


@pytest.mark.parametrize("inverse", [False, True])
def test_rec2100_surround_floor_matches_ocio(raw_config, inverse: bool) -> None:  # type: ignore[no-untyped-def]
    """The floored luminance power of the HLG display against OCIO's REC2100_SURROUND fixed function, with
    luminances far below the 1e-4 floor (where an unfloored gain would reach 1e-9 ** -0.17 = 34)."""
    gamma = 1.2
    values = np.concatenate([-np.geomspace(0.1, 1e-9, 5), [0.0], np.geomspace(1e-9, 64.0, 11)])
    direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
    ref = raw_config.getProcessor(
        OCIO.FixedFunctionTransform(OCIO.FIXED_FUNCTION_REC2100_SURROUND, [1.0 / gamma], direction)
    )
    op = LuminancePowerOp(gain=1.0, exponent=1.0 / gamma, floor=HLG_SURROUND_FLOOR)
    err = compare(ref, Pipeline([op.inverse() if inverse else op]), grid17(values), noise=False)
    assert err <= RTOL_OCIO_BUILTIN, err
    round_trip = Pipeline([op, op.inverse()]).applied(grid17(values))
    np.testing.assert_allclose(round_trip, grid17(values), rtol=1e-5, atol=1e-9)


@pytest.mark.parametrize("inverse", [False, True])
def test_rec2100_surround_rounds_as_ocio(raw_config, inverse: bool) -> None:  # type: ignore[no-untyped-def]
    """OCIO's REC2100_SURROUND renderer takes its parameter as a float and forms ``gamma - 1.f`` (and ``1.f /
    gamma`` inverse) in float32, then calls ``powf``: the same roundings here give its bits on all but a few
    values in 10^4 (before: 17-77 %), never more than 2 ulps off. An ulp here is what a PQ encoding after an
    ACES 2.0 view magnifies 10^4 times on saturated colours."""
    rng = np.random.default_rng(3)
    px = (rng.uniform(-0.2, 1.0, (100_000, 3)) * np.exp(rng.uniform(-8.0, 4.0, (100_000, 1)))).astype(np.float32)
    for gamma in (1.2, 1.0 / 0.78, 1.5):
        direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
        transform = OCIO.FixedFunctionTransform(OCIO.FIXED_FUNCTION_REC2100_SURROUND, [1.0 / gamma], direction)
        ref = run_cpu(ocio_cpu(raw_config.getProcessor(transform)), px).astype(np.float32)
        op = LuminancePowerOp(gain=1.0, exponent=float(np.float32(1.0 / gamma)), floor=HLG_SURROUND_FLOOR)
        got = Pipeline([op.inverse() if inverse else op]).applied(px)
        ulps = np.abs(got.view(np.int32).astype(np.int64) - ref.view(np.int32).astype(np.int64))
        assert (ulps == 0).mean() >= 0.999 and ulps.max() <= 2, (gamma, (ulps == 0).mean(), ulps.max())


def test_hlg_display_matches_ocio_without_noise_allowance(raw_config) -> None:  # type: ignore[no-untyped-def]
    """The Rec.2100-HLG display style on the 17^3 grid with no allowance for OCIO's float32 noise."""
    style = "DISPLAY - CIE-XYZ-D65_to_REC.2100-HLG-1000nit"
    for inverse, px in ((False, grid17()), (True, grid17(CODE_VALUES))):
        direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
        ref = raw_config.getProcessor(OCIO.BuiltinTransform(style, direction))
        err = compare(ref, Pipeline(builtin_ops(style, inverse)), px, noise=False)
        assert err <= RTOL_OCIO_BUILTIN, (inverse, err)


def test_every_ocio_style_builds() -> None:
    """Every style of OCIO's registry is built here (the ACES 2.0 ones are checked in test_builtin_aces2.py)."""
    missing = []
    for style, _ in OCIO.BuiltinTransformRegistry().getBuiltins():
        try:
            builtin_ops(style)
        except OcioError:
            missing.append(style)
    assert not missing, missing


LOG_CAMERA_STYLES = [
    "ACEScct_to_ACES2065-1",
    "ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1",
    "SONY_SLOG3-SGAMUT3_to_ACES2065-1",
    "PANASONIC_VLOG-VGAMUT_to_ACES2065-1",
    "RED_LOG3G10-RWG_to_ACES2065-1",
]
"""Styles whose log curve OCIO applies as a LogCameraTransform."""


@pytest.mark.parametrize("style", LOG_CAMERA_STYLES)
def test_log_camera_encodings_take_nan_as_ocio(raw_config, style: str) -> None:  # type: ignore[no-untyped-def]
    """Towards the log encoding a NaN channel comes out as the log of FLT_MIN, as OCIO's LogCamera renderer
    (``log(max(FLT_MIN, x))``), not NaN: the AgX configs reach it through an antilog that overflowed."""
    px = np.array([[np.nan, 0.18, 1.0], [0.5, np.nan, np.nan], [np.nan, np.nan, np.nan]], dtype=np.float32)
    ref = raw_config.getProcessor(OCIO.BuiltinTransform(style, OCIO.TRANSFORM_DIR_INVERSE))
    assert compare(ref, Pipeline(builtin_ops(style, True)), px, noise=False) <= RTOL_OCIO_BUILTIN
