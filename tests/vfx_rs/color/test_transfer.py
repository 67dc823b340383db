"""Transfer functions against colour-science, round trips, NaN, float32 in place and the registry."""

from __future__ import annotations

import colour
import numpy as np
import pytest

import vfx_rs.color as color
from tests.tolerances import ATOL_TRANSFER_NEAR_ZERO, RTOL_TRANSFER
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
    with np.errstate(all="ignore"):
        expected_enc, expected_dec = ref_encode(lin), ref_decode(codes)
    np.testing.assert_allclose(encode(lin), expected_enc, rtol=RTOL_TRANSFER, atol=ATOL_TRANSFER_NEAR_ZERO)
    np.testing.assert_allclose(decode(codes), expected_dec, rtol=RTOL_TRANSFER, atol=ATOL_TRANSFER_NEAR_ZERO)


@pytest.mark.parametrize("name", sorted(color.TRANSFER_FUNCTIONS))
def test_round_trip_and_nan(name: str) -> None:
    tf = color.TRANSFER_FUNCTIONS[name]
    lin = LINEAR if name not in ("bt1886", "st2084", "st2084_nits") else LINEAR[LINEAR >= 0]
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
