"""COLOR_SPACES: primaries and whitepoints against colour-science, names, aliases and errors."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs.color as color
from tests.tolerances import ATOL_MATRIX
from tests.vfx_rs.color.test_matrices import COLOUR_NAMES, reference
from vfx_rs.color.spaces import COLOR_SPACES
from vfx_rs.errors import ArgumentError, NotFoundError


@pytest.mark.parametrize("name", sorted(COLOUR_NAMES))
def test_primaries_and_rgb_to_xyz_match_colour(name: str) -> None:
    ref = reference(name)
    np.testing.assert_allclose(np.array(COLOR_SPACES[name].primaries), ref.primaries, rtol=0, atol=1e-12)
    np.testing.assert_allclose(COLOR_SPACES[name].whitepoint, ref.whitepoint, rtol=0, atol=1e-12)
    np.testing.assert_allclose(color.rgb_to_xyz_matrix(name), ref.matrix_RGB_to_XYZ, rtol=0, atol=ATOL_MATRIX)
    np.testing.assert_allclose(color.xyz_to_rgb_matrix(name), ref.matrix_XYZ_to_RGB, rtol=0, atol=ATOL_MATRIX)


def test_names_aliases_and_errors() -> None:
    assert color.color_space("acescg") is color.color_space("ACEScg") is color.color_space("AP1")
    assert color.color_space("rec2020").name == "Rec.2020"
    assert color.color_space("Rec.709").name == "Rec.709"
    assert color.color_space("aces2065-1").name == "ACES2065-1"
    np.testing.assert_array_equal(color.rgb_to_xyz_matrix("XYZ"), np.eye(3))
    with pytest.raises(NotFoundError, match="ACEScg"):
        color.rgb_to_rgb_matrix("sRGB", "Rec.9999")
    with pytest.raises(ArgumentError, match="bradford"):
        color.rgb_to_rgb_matrix("sRGB", "ACEScg", adaptation="fairchild")
    with pytest.raises(ArgumentError):
        color.convert(np.zeros((2, 2, 3)), "sRGB", "ACEScg")
