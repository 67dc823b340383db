"""Transfer functions against colour-science, round trips, NaN, float32 in place and the registry."""

from __future__ import annotations

import warnings

import colour
import numpy as np
import pytest

import vfx_rs.color as color
from tests.tolerances import ATOL_FLOAT32_ULP, ATOL_TRANSFER_NEAR_ZERO, RTOL_HLG_RGB_F32, RTOL_TRANSFER
from vfx_rs.errors import ArgumentError, NotFoundError

M = colour.models
LINEAR = np.concatenate([np.linspace(-0.5, 4.0, 4501), np.geomspace(1e-6, 100.0, 300)])
CODES = np.linspace(-0.2, 1.2, 1401)

# (our encode, our decode, colour-science encode, colour-science decode, compare negatives)
CASES = {
    "srgb": (color.srgb_oetf, color.srgb_eotf, M.eotf_inverse_sRGB, M.eotf_sRGB, True),
    "rec709": (color.rec709_oetf, color.rec709_inverse_oetf, M.oetf_BT709, M.oetf_inverse_BT709, True),
    # colour-science's BT.1886 inverse yields NaN for negatives; ours clamps (BT.1886 defines no negative light).
    "bt1886": (color.bt1886_inverse_eotf, color.bt1886_eotf, M.eotf_inverse_BT1886, M.eotf_BT1886, False),
    "gamma22": (
        color.gamma22_encode,
        color.gamma22_decode,
        lambda x: colour.gamma_function(x, 1 / 2.2, "Mirror"),
        lambda x: colour.gamma_function(x, 2.2, "Mirror"),
        True,
    ),
    # PQ and HLG: colour-science mirrors/NaNs negative light; ours clamps (PQ) or mirrors (HLG); compared >= 0.
    "st2084": (
        color.st2084_oetf,
        color.st2084_eotf,
        lambda y: M.eotf_inverse_ST2084(y * 10000.0),
        lambda n: M.eotf_ST2084(np.minimum(n, 1.0)) / 10000.0,
        False,
    ),
    "st2084_nits": (
        color.st2084_oetf_nits,
        color.st2084_eotf_nits,
        M.eotf_inverse_ST2084,
        lambda n: M.eotf_ST2084(np.minimum(n, 1.0)),
        False,
    ),
    "hlg": (color.hlg_oetf, color.hlg_inverse_oetf, M.oetf_BT2100_HLG, M.oetf_inverse_BT2100_HLG, False),
    # HLG EOTF (1000 cd/m2 reference display, display light in cd/m2); BT.2100-2 clamps negative signals to 0.
    "hlg_eotf": (color.hlg_inverse_eotf, color.hlg_eotf, M.eotf_inverse_BT2100_HLG, M.eotf_BT2100_HLG, False),
    "canon_log2": (
        color.canon_log2_encode,
        color.canon_log2_decode,
        M.log_encoding_CanonLog2,
        M.log_decoding_CanonLog2,
        True,
    ),
    "canon_log3": (
        color.canon_log3_encode,
        color.canon_log3_decode,
        M.log_encoding_CanonLog3,
        M.log_decoding_CanonLog3,
        True,
    ),
    "acescc": (color.acescc_encode, color.acescc_decode, M.log_encoding_ACEScc, M.log_decoding_ACEScc, True),
    "apple_log": (
        color.apple_log_encode,
        color.apple_log_decode,
        M.log_encoding_AppleLogProfile,
        M.log_decoding_AppleLogProfile,
        True,
    ),
    "acescct": (color.acescct_encode, color.acescct_decode, M.log_encoding_ACEScct, M.log_decoding_ACEScct, True),
    "arri_logc3": (
        color.arri_logc3_encode,
        color.arri_logc3_decode,
        M.log_encoding_ARRILogC3,
        M.log_decoding_ARRILogC3,
        True,
    ),
    "arri_logc4": (
        color.arri_logc4_encode,
        color.arri_logc4_decode,
        M.log_encoding_ARRILogC4,
        M.log_decoding_ARRILogC4,
        True,
    ),
    "sony_slog3": (color.sony_slog3_encode, color.sony_slog3_decode, M.log_encoding_SLog3, M.log_decoding_SLog3, True),
    "panasonic_vlog": (
        color.panasonic_vlog_encode,
        color.panasonic_vlog_decode,
        M.log_encoding_VLog,
        M.log_decoding_VLog,
        True,
    ),
    "davinci_intermediate": (
        color.davinci_intermediate_encode,
        color.davinci_intermediate_decode,
        M.oetf_DaVinciIntermediate,
        M.oetf_inverse_DaVinciIntermediate,
        True,
    ),
    "red_log3g10": (
        color.red_log3g10_encode,
        color.red_log3g10_decode,
        M.log_encoding_Log3G10,
        M.log_decoding_Log3G10,
        True,
    ),
    "blackmagic_film_gen5": (
        color.blackmagic_film_gen5_encode,
        color.blackmagic_film_gen5_decode,
        M.oetf_BlackmagicFilmGeneration5,
        M.oetf_inverse_BlackmagicFilmGeneration5,
        True,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_colour_science(name: str) -> None:
    encode, decode, ref_encode, ref_decode, negatives = CASES[name]
    lin = LINEAR if negatives else LINEAR[LINEAR >= 0]
    codes = CODES if negatives else CODES[CODES >= 0]
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", colour.utilities.ColourUsageWarning)  # HLG OOTF on grey values
        expected_enc, expected_dec = ref_encode(lin), ref_decode(codes)
    np.testing.assert_allclose(encode(lin), expected_enc, rtol=RTOL_TRANSFER, atol=ATOL_TRANSFER_NEAR_ZERO)
    np.testing.assert_allclose(decode(codes), expected_dec, rtol=RTOL_TRANSFER, atol=ATOL_TRANSFER_NEAR_ZERO)


@pytest.mark.parametrize("name", sorted(color.TRANSFER_FUNCTIONS))
def test_round_trip_and_nan(name: str) -> None:
    tf = color.TRANSFER_FUNCTIONS[name]
    lin = LINEAR if name not in ("bt1886", "st2084", "st2084_nits", "hlg_eotf") else LINEAR[LINEAR >= 0]
    if name == "acescc":
        lin = lin[lin > 0]  # ACEScc maps every x <= 0 to one floor value, so only x > 0 round-trips
    if name == "apple_log":
        lin = lin[lin >= -0.05641088]  # values below R0 all encode to 0
    if name == "st2084":
        lin = lin[lin <= 1.0]  # PQ covers 0-10000 cd/m2 only (code values clamp at 1)
    if name == "st2084_nits":
        lin = lin * 100.0
    if name == "panasonic_vlog":
        # V-Log's published constants leave a 1e-7 gap at the cut: log(0.01) = 0.18099999 < cut2 = 0.181,
        # so exactly x = 0.01 decodes on the toe (0.00999994). The document's curve is not invertible there.
        lin = lin[np.abs(lin - 0.01) > 1e-9]
    back = tf.decode.apply_elementwise(tf.encode.apply_elementwise(lin))
    np.testing.assert_allclose(back, lin, rtol=RTOL_TRANSFER, atol=ATOL_TRANSFER_NEAR_ZERO)
    assert np.isnan(tf.encode.apply_elementwise(np.array([np.nan]))[0])
    assert np.isnan(tf.decode.apply_elementwise(np.array([np.nan]))[0])


def test_scalar_array_and_in_place_forms_agree() -> None:
    assert isinstance(color.srgb_eotf(0.5), float)
    assert color.srgb_eotf(0.5) == pytest.approx(((0.5 + 0.055) / 1.055) ** 2.4, rel=1e-12)
    data = np.random.default_rng(0).uniform(-0.1, 1.2, (4, 5, 4)).astype(np.float32)
    alpha = data[..., 3].copy()
    expected = color.srgb_eotf(data[..., :3].astype(np.float64))
    assert color.apply_srgb_eotf(data) is data
    np.testing.assert_allclose(data[..., :3], expected, rtol=1e-6, atol=1e-7)
    np.testing.assert_array_equal(data[..., 3], alpha)
    with pytest.raises(ArgumentError):
        color.apply_srgb_eotf(np.zeros((2, 2, 3)))


def test_registry_is_case_insensitive_and_lists_names() -> None:
    assert color.transfer_function("ARRI_LogC3") is color.TRANSFER_FUNCTIONS["arri_logc3"]
    with pytest.raises(NotFoundError, match="srgb"):
        color.transfer_function("nope")


def hlg_reference(function, rgb: np.ndarray, **kwargs: float) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", colour.utilities.ColourUsageWarning)
        return function(rgb.astype(np.float64), **kwargs)


@pytest.mark.parametrize(("peak", "black"), [(1000.0, 0.0), (1000.0, 0.005), (2000.0, 0.01), (400.0, 0.0)])
def test_hlg_eotf_and_ootf_on_rgb_match_colour_science(peak: float, black: float) -> None:
    """The luminance-coupled HLG forms on RGB pixels (float32 in place) against colour-science's BT.2100-2 ones."""
    rgb = np.random.default_rng(5).uniform(0.0, 1.0, (4096, 3)).astype(np.float32)
    expected = hlg_reference(M.eotf_BT2100_HLG, rgb, L_B=black, L_W=peak)
    got = color.apply_hlg_eotf(rgb.copy(), peak=peak, black=black)
    np.testing.assert_allclose(got, expected, rtol=RTOL_HLG_RGB_F32, atol=ATOL_TRANSFER_NEAR_ZERO)
    back = color.apply_hlg_inverse_eotf(got.copy(), peak=peak, black=black)
    np.testing.assert_allclose(back, rgb, rtol=RTOL_HLG_RGB_F32, atol=RTOL_HLG_RGB_F32)
    expected = hlg_reference(M.ootf_BT2100_HLG, rgb, L_W=peak)
    got = color.apply_hlg_ootf(rgb.copy(), peak=peak)
    np.testing.assert_allclose(got, expected, rtol=RTOL_HLG_RGB_F32, atol=ATOL_TRANSFER_NEAR_ZERO)
    expected = hlg_reference(M.ootf_inverse_BT2100_HLG, got, L_W=peak)
    np.testing.assert_allclose(color.apply_hlg_inverse_ootf(got.copy(), peak=peak), expected, rtol=RTOL_HLG_RGB_F32)


def test_hlg_scalar_forms_standard_values_and_edges() -> None:
    assert color.hlg_system_gamma(1000.0) == 1.2
    assert color.hlg_system_gamma(2000.0) == pytest.approx(1.2 + 0.42 * np.log10(2.0), rel=1e-15)
    # BT.2408-7, table 1: HLG reference white (75 % signal) is 203 cd/m2 on the 1000 cd/m2 display.
    assert color.hlg_eotf(0.75) == pytest.approx(203.0, abs=0.5)
    assert color.hlg_eotf(1.0) == pytest.approx(1000.0, rel=RTOL_TRANSFER)  # a = 0.17883277 is rounded: 1 + 3e-8
    assert color.hlg_ootf(1.0, peak=2000.0) == pytest.approx(2000.0, rel=1e-12)
    assert color.hlg_inverse_ootf(color.hlg_ootf(0.3)) == pytest.approx(0.3, rel=1e-12)
    assert color.hlg_eotf(-0.2) == 0.0  # max(0, (1 - beta) E' + beta), BT.2100-2 table 5
    assert color.hlg_eotf(0.0) == 0.0 and color.hlg_inverse_ootf(0.0) == 0.0
    for function in (color.hlg_eotf, color.hlg_inverse_eotf, color.hlg_ootf, color.hlg_inverse_ootf):
        out = function(np.array([np.nan, 0.5], dtype=np.float32))
        assert out.dtype == np.float32 and np.isnan(out[0]) and np.isfinite(out[1])
    pixel = np.array([[0.5, np.nan, 0.25, 0.7]], dtype=np.float32)
    color.apply_hlg_eotf(pixel)
    assert np.all(np.isnan(pixel[0, :3])) and pixel[0, 3] == np.float32(0.7)  # NaN luminance: the pixel is NaN
    with pytest.raises(ArgumentError):
        color.hlg_eotf(0.5, peak=-1.0)
    with pytest.raises(ArgumentError):
        color.hlg_eotf(0.5, black=2000.0)
    with pytest.raises(ArgumentError):
        color.apply_hlg_ootf(np.zeros((2, 3), np.float64))


@pytest.mark.parametrize("name", ["canon_log2", "canon_log3"])
def test_canon_in_place_matches_colour_science(name: str) -> None:
    encode, decode = getattr(color, f"apply_{name}_encode"), getattr(color, f"apply_{name}_decode")
    reference = M.log_encoding_CanonLog2 if name == "canon_log2" else M.log_encoding_CanonLog3
    data = np.random.default_rng(6).uniform(-0.2, 8.0, (16, 16, 4)).astype(np.float32)
    source = data.copy()
    with np.errstate(invalid="ignore"):  # colour-science evaluates both log branches
        expected = reference(source[..., :3].astype(np.float64))
    assert encode(data) is data
    np.testing.assert_allclose(data[..., :3], expected, rtol=RTOL_HLG_RGB_F32, atol=ATOL_FLOAT32_ULP)
    np.testing.assert_array_equal(data[..., 3], source[..., 3])
    decode(data)
    np.testing.assert_allclose(data, source, rtol=RTOL_HLG_RGB_F32, atol=ATOL_FLOAT32_ULP)
