"""Bad arguments to the public API raise `ArgumentError` (a `ValueError`), never a bare builtin (issue 16)."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from vfx_rs import color, lut
from vfx_rs.errors import ArgumentError, LutError, VfxError


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: vfx_rs.Image([[1, 2], [3]]), ArgumentError, r"regular \(not ragged\) array"),
        (lambda: vfx_rs.Image("abc"), ArgumentError, r"must be numbers, not str"),
        (lambda: vfx_rs.Image(np.zeros((2, 2, 3)), metadata=[1, 2]), ArgumentError, r"metadata must be a mapping"),
        (lambda: vfx_rs.Image(np.zeros((2, 2, 3)), channel_names=5), ArgumentError, r"channel_names must be a list"),
        (lambda: color.srgb_eotf("abc"), ArgumentError, r"values must be numbers, not str"),
        (lambda: color.srgb_eotf(None), ArgumentError, r"values must be numbers, not NoneType"),
        (lambda: color.srgb_eotf([[0.1, 0.2], [0.3]]), ArgumentError, r"ragged"),
        (lambda: lut.Lut1D("abc"), ArgumentError, r"1D LUT data must be numbers"),
        (lambda: lut.Lut3D([[1], [2, 3]]), ArgumentError, r"3D LUT data must be a regular"),
        (lambda: lut.Lut1D(np.zeros((4, 3)), domain_min=[0, 1]), LutError, r"domain_min must be one number or three"),
    ],
)
def test_bad_arguments(call, error: type[VfxError], message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=message) as info:
        call()
    assert isinstance(info.value, ValueError)


def test_good_arguments_still_work() -> None:
    assert vfx_rs.Image([[0.5, 0.25]]).shape == (1, 2, 1)
    assert vfx_rs.Image(np.zeros((2, 2, 3)), channel_names="XYZ").channel_names == ["X", "Y", "Z"]
    assert color.srgb_eotf(True) == pytest.approx(1.0)
    assert lut.Lut1D([0.0, 0.5, 1.0]).size == 3
