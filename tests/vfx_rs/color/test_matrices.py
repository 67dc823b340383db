"""Color space matrices against colour-science (derived matrices, Bradford/CAT02/von Kries), and `convert`."""

from __future__ import annotations

import colour
import numpy as np
import pytest

import vfx_rs.color as color
from tests.tolerances import ATOL_MATRIX

# Our canonical name -> colour-science's RGB_COLOURSPACES name.
COLOUR_NAMES = {
    "sRGB": "sRGB",
    "Rec.709": "ITU-R BT.709",
    "Rec.2020": "ITU-R BT.2020",
    "DCI-P3": "DCI-P3",
    "Display P3": "Display P3",
    "ACES2065-1": "ACES2065-1",
    "ACEScg": "ACEScg",
    "Adobe RGB": "Adobe RGB (1998)",
    "ProPhoto RGB": "ProPhoto RGB",
    "ARRI Wide Gamut 3": "ARRI Wide Gamut 3",
    "ARRI Wide Gamut 4": "ARRI Wide Gamut 4",
    "S-Gamut3": "S-Gamut3",
    "S-Gamut3.Cine": "S-Gamut3.Cine",
    "V-Gamut": "V-Gamut",
    "Canon Cinema Gamut": "Cinema Gamut",
    "RED Wide Gamut RGB": "REDWideGamutRGB",
    "DaVinci Wide Gamut": "DaVinci Wide Gamut",
}


def reference(name: str) -> colour.RGB_Colourspace:
    # Some standards (IEC 61966-2-1, ST 2065-1) also publish rounded matrices, which colour-science uses by
    # default; we derive every matrix from the primaries (as OCIO's builtins do), so compare with colour's
    # derived matrices.
    cs = colour.RGB_COLOURSPACES[COLOUR_NAMES[name]].copy()
    cs.use_derived_transformation_matrices(True)
    return cs


@pytest.mark.parametrize("name", sorted(COLOUR_NAMES))
@pytest.mark.parametrize(("ours", "theirs"), [("bradford", "Bradford"), ("cat02", "CAT02"), ("von_kries", "Von Kries")])
def test_rgb_to_rgb_matches_colour(name: str, ours: str, theirs: str) -> None:
    for other in ("ACEScg", "ProPhoto RGB", "DCI-P3"):
        expected = colour.matrix_RGB_to_RGB(reference(name), reference(other), chromatic_adaptation_transform=theirs)
        got = color.rgb_to_rgb_matrix(name, other, adaptation=ours)
        assert got.dtype == np.float64 and got.shape == (3, 3)
        np.testing.assert_allclose(got, expected, rtol=0, atol=ATOL_MATRIX)


def test_no_adaptation_matches_colour() -> None:
    expected = colour.matrix_RGB_to_RGB(reference("sRGB"), reference("ACEScg"), chromatic_adaptation_transform=None)
    np.testing.assert_allclose(color.rgb_to_rgb_matrix("sRGB", "ACEScg", None), expected, atol=ATOL_MATRIX)
    np.testing.assert_allclose(color.rgb_to_rgb_matrix("sRGB", "ACEScg", "none"), expected, atol=ATOL_MATRIX)


def test_convert_in_place_keeps_alpha() -> None:
    data = np.random.default_rng(3).random((5, 4, 4), dtype=np.float32)
    before = data.copy()
    assert color.convert(data, "ACES2065-1", "Rec.2020") is data
    expected = before[..., :3].astype(np.float64) @ color.rgb_to_rgb_matrix("ACES2065-1", "Rec.2020").T
    np.testing.assert_allclose(data[..., :3], expected, rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(data[..., 3], before[..., 3])
    back = color.rgb_to_rgb_pipeline("Rec.2020", "ACES2065-1")
    back.apply(data)
    np.testing.assert_allclose(data, before, rtol=1e-5, atol=1e-6)
