"""ACES 1.3 output transforms (`vfx_rs.color.aces`) against OCIO's built-in ACES 1.3 config, both ways."""

from __future__ import annotations

import numpy as np
import PyOpenColorIO as OCIO
import pytest

import vfx_rs
import vfx_rs.color as color
from tests.tolerances import ATOL_ACES_OP_INVERSE, ATOL_DISPLAY_OCIO, RTOL_ACES_INVERSE_OCIO
from tests.vfx_rs.color.test_aces_builtin import aces_grid, rel_error
from vfx_rs.color import aces
from vfx_rs.errors import ArgumentError, NotFoundError

CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
NAMES = sorted(aces.OUTPUT_TRANSFORMS)
SDR = [n for n in NAMES if aces.OUTPUT_TRANSFORMS[n].video is not None]


def _cpu(processor: object) -> object:
    return processor.getOptimizedCPUProcessor(  # type: ignore[attr-defined]
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )


def ocio_processor(name: str, src: str = "ACES2065-1", inverse: bool = False) -> object:
    """OCIO's CPU processor for output transform `name`: the config's display/view, or the two builtins."""
    transform = aces.OUTPUT_TRANSFORMS[name]
    direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
    config = OCIO.Config.CreateFromBuiltinConfig(CONFIG)
    if transform.ocio_view is not None:
        return _cpu(config.getProcessor(src, *transform.ocio_view, direction))
    assert name == "Rec.2020"  # the config has no Rec.2020 SDR display: the OCIO builtins chained
    group = OCIO.GroupTransform(
        [
            OCIO.BuiltinTransform(transform.style),
            OCIO.BuiltinTransform("DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.2020"),
        ]
    )
    group.setDirection(direction)
    assert src == "ACES2065-1"
    return _cpu(config.getProcessor(group))


def ocio_apply(processor: object, rgb: np.ndarray) -> np.ndarray:
    out = np.array(rgb, dtype=np.float32, copy=True)
    processor.applyRGB(out)  # type: ignore[attr-defined]
    return out


@pytest.mark.parametrize("name", NAMES)
def test_forward_matches_ocio(name: str) -> None:
    rgb = aces_grid()
    ref = ocio_apply(ocio_processor(name), rgb)
    got = aces.output_transform(name).applied(rgb)
    assert np.abs(got - ref).max() <= ATOL_DISPLAY_OCIO


@pytest.mark.parametrize("name", ["sRGB", "Rec.709", "Rec.2100-PQ 1000 nits"])
def test_acescg_input_matches_ocio(name: str) -> None:
    rgb = aces_grid()
    ref = ocio_apply(ocio_processor(name, "ACEScg"), rgb)
    got = aces.output_transform(name, "ACEScg").applied(rgb)
    assert np.abs(got - ref).max() <= ATOL_DISPLAY_OCIO


@pytest.mark.parametrize("name", NAMES)
def test_inverse_matches_ocio_and_round_trips(name: str) -> None:
    """Display values of the grid back to ACES2065-1, against OCIO's inverse display/view where OCIO's
    own round trip recovers the grid. Forward after inverse matches OCIO's forward after inverse: ACES 1.0's
    red modifier inverse is approximate (OCIO's own round trip is off by up to 3.8e-4, 4.9e-3 near PQ black)."""
    rgb = aces_grid()
    display = ocio_apply(ocio_processor(name), rgb)
    ref = ocio_apply(ocio_processor(name, inverse=True), display)
    got = aces.inverse_output_transform(name).applied(display)
    recovered = (np.abs(ref - rgb) / np.maximum(1.0, np.abs(rgb))).max(axis=1) <= 1e-4
    assert recovered.sum() >= 100
    assert rel_error(got[recovered], ref[recovered]) <= RTOL_ACES_INVERSE_OCIO
    back = aces.output_transform(name).applied(got[recovered])
    ocio_back = ocio_apply(ocio_processor(name), ref[recovered])
    assert np.abs(back - ocio_back).max() <= ATOL_DISPLAY_OCIO
    assert np.median(np.abs(back - display[recovered])) <= ATOL_DISPLAY_OCIO


@pytest.mark.parametrize("name", SDR)
def test_rrt_then_odt_is_the_output_transform(name: str) -> None:
    rgb = aces_grid()
    ref = ocio_apply(ocio_processor(name), rgb)
    oces = aces.rrt().applied(rgb)
    assert np.abs(aces.odt(name).applied(oces) - ref).max() <= ATOL_DISPLAY_OCIO


@pytest.mark.parametrize("name", SDR)
def test_inverse_odt_gives_back_oces(name: str) -> None:
    """OCIO's display values, ODT undone, equal the RRT output (OCES) where the ODT neither clipped (code
    values in (1e-3, 0.95)) nor flattened the value (every AP1 channel of OCES above 0.05, clear of the ODT
    spline's flat toe, where no inverse can recover the input); the ODT maps them back."""
    rgb = aces_grid()
    oces = aces.rrt().applied(rgb)
    display = ocio_apply(ocio_processor(name), rgb)
    got = aces.inverse_odt(name).applied(display)
    oces_ap1 = oces @ color.rgb_to_rgb_matrix("ACES2065-1", "ACEScg", None).T
    usable = (oces_ap1.min(axis=1) > 0.05) & ((display > 1e-3) & (display < 0.95)).all(axis=1)
    assert usable.sum() >= 100
    assert rel_error(got[usable], oces[usable]) <= RTOL_ACES_INVERSE_OCIO
    assert np.abs(aces.odt(name).applied(got[usable]) - display[usable]).max() <= ATOL_DISPLAY_OCIO


def test_srgb_functions_in_place_keep_alpha() -> None:
    rgba = np.concatenate([aces_grid()[:1000], np.full((1000, 1), 0.25, np.float32)], axis=1).reshape(10, 100, 4)
    ref = ocio_apply(ocio_processor("sRGB"), rgba[..., :3].reshape(-1, 3)).reshape(10, 100, 3)
    data = rgba.copy()
    assert color.apply_rrt_odt_srgb(data) is data
    assert np.abs(data[..., :3] - ref).max() <= ATOL_DISPLAY_OCIO
    assert (data[..., 3] == 0.25).all()
    cg = rgba[..., :3] @ color.rgb_to_rgb_matrix("ACES2065-1", "ACEScg", None).T.astype(np.float32)
    cg = np.ascontiguousarray(cg, dtype=np.float32)
    np.testing.assert_allclose(color.apply_rrt_odt_srgb(cg, input="ACEScg"), ref, atol=ATOL_DISPLAY_OCIO)
    full = ref.copy()
    color.apply_inverse_rrt_odt_srgb(full)
    np.testing.assert_allclose(color.apply_rrt_odt_srgb(full), ref, atol=ATOL_DISPLAY_OCIO)


def test_contract_aces_snippet() -> None:
    """The contract's "Color Transforms" ACES lines, run as written."""
    img_data = np.random.default_rng(3).random((8, 8, 3), dtype=np.float32) * 4.0
    img = vfx_rs.Image(img_data)
    data = img.numpy()

    color.apply_rrt_odt_srgb(data)
    display = data.copy()
    color.apply_inverse_odt_srgb(data)

    ref = ocio_apply(ocio_processor("sRGB"), img_data.reshape(-1, 3)).reshape(8, 8, 3)
    np.testing.assert_allclose(display, ref, atol=ATOL_DISPLAY_OCIO)
    np.testing.assert_allclose(
        data, aces.rrt().applied(img_data), rtol=RTOL_ACES_INVERSE_OCIO, atol=ATOL_ACES_OP_INVERSE
    )


def test_errors_name_the_known_choices() -> None:
    data = np.zeros((2, 2, 3), np.float32)
    with pytest.raises(NotFoundError, match=r"Rec\.2020"):
        color.apply_output_transform(data, "sRGB 2.0")
    with pytest.raises(NotFoundError, match="ACEScg"):
        color.apply_output_transform(data, "sRGB", input="ACEScct")
    with pytest.raises(ArgumentError, match="no separate ODT"):
        aces.apply_inverse_odt(data, "Rec.2100-PQ 1000 nits")
    with pytest.raises(vfx_rs.errors.VfxError):
        color.apply_rrt_odt_srgb(np.zeros((2, 2, 3), np.float64))
