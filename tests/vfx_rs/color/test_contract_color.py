"""The contract's "Color Transforms" (less the ACES lines) and "Color Spaces" snippets, run as written."""

from __future__ import annotations

import colour
import numpy as np
import pytest

import vfx_rs
import vfx_rs.color as color
from tests.vfx_rs.color.test_matrices import reference

M = colour.models


def test_contract_color_transforms_snippet() -> None:
    img_data = np.random.default_rng(1).random((8, 8, 3), dtype=np.float32)
    img = vfx_rs.Image(img_data)

    linear = color.srgb_eotf(0.5)
    encoded = color.srgb_oetf(linear)

    data = img.numpy()
    color.apply_srgb_eotf(data)  # In-place

    assert encoded == pytest.approx(0.5, rel=1e-12)
    np.testing.assert_allclose(data, M.eotf_sRGB(img_data.astype(np.float64)), rtol=1e-6, atol=1e-7)


def test_contract_color_spaces_snippet() -> None:
    img_data = np.random.default_rng(2).random((6, 7, 3), dtype=np.float32)
    img = vfx_rs.Image(img_data)

    matrix = color.rgb_to_rgb_matrix("sRGB", "ACEScg")
    pixels = img.numpy().reshape(-1, 3)
    result = pixels @ matrix.T

    expected = colour.RGB_to_RGB(pixels.astype(np.float64), reference("sRGB"), reference("ACEScg"), "Bradford")
    np.testing.assert_allclose(result, expected, rtol=1e-6, atol=1e-6)
