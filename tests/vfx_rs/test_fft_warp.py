"""vfx_rs.fft and vfx_rs.warp (issue 21) against OpenImageIO's fft/ifft/polar conversions and warps."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_IBA_F32
from tests.vfx_rs.ops import oiio_ref
from vfx_rs import fft, warp

IBA = oiio_ref.IBA
SMOOTH = oiio_ref.smooth_image(24, 32, 3)


def test_fft_matches_imagebufalgo() -> None:
    ours = fft.fft(vfx_rs.Image(SMOOTH))
    theirs = oiio_ref.pixels(IBA.fft(oiio_ref.buf(SMOOTH[..., :1].copy())))
    assert ours.channel_names == ["real", "imag"]
    np.testing.assert_allclose(ours.numpy(), theirs, atol=1e-5)  # both unitary: 1 / sqrt(w h)
    back = fft.ifft(ours)
    np.testing.assert_allclose(back.numpy()[..., 0], SMOOTH[..., 0], atol=ATOL_IBA_F32)
    polar = fft.complex_to_polar(ours)
    want = oiio_ref.pixels(IBA.complex_to_polar(oiio_ref.buf(ours.numpy())))
    np.testing.assert_allclose(polar.numpy(), want, atol=1e-5)
    np.testing.assert_allclose(fft.polar_to_complex(polar).numpy(), ours.numpy(), atol=1e-5)
    with pytest.raises(vfx_rs.ArgumentError, match="2 channels"):
        fft.ifft(SMOOTH[..., :1])


def test_matrix_warp_and_helpers() -> None:
    np.testing.assert_array_equal(warp.warp(SMOOTH, warp.matrix_identity()), SMOOTH)
    shifted = warp.warp(SMOOTH, warp.matrix_translate(3, -2))  # destination (x, y) reads source (x + 3, y - 2)
    np.testing.assert_array_equal(shifted[2:, :-3], SMOOTH[:-2, 3:])
    assert np.all(shifted[:2] == 0) and np.all(shifted[:, -3:] == 0)
    clamped = warp.warp(SMOOTH, warp.matrix_translate(3, 0), warp.WarpWrap.Clamp)
    np.testing.assert_array_equal(clamped[:, -1], SMOOTH[:, -1])
    periodic = warp.warp(SMOOTH, warp.matrix_translate(3, 0), "periodic")
    np.testing.assert_array_equal(periodic, np.roll(SMOOTH, -3, axis=1))
    m = warp.matrix_multiply(warp.matrix_rotate(0.3), warp.matrix_scale(2, 3))
    inv = warp.matrix_invert(m)
    assert inv is not None and np.allclose(np.reshape(warp.matrix_multiply(m, inv), (3, 3)), np.eye(3))
    assert warp.matrix_invert(warp.matrix_scale(0, 1)) is None
    assert warp.matrix_shear(0.5, 0)[1] == 0.5
    # Against OpenImageIO, whose matrix maps source to destination: give it the inverse.
    m = warp.matrix_multiply(warp.matrix_translate(16, 12), warp.matrix_multiply(warp.matrix_rotate(0.2),
                                                                                  warp.matrix_translate(-16, -12)))  # fmt: skip
    inverse = np.reshape(warp.matrix_invert(m), (3, 3)).T.ravel().tolist()  # Imath M33f is row-vector
    theirs = oiio_ref.pixels(IBA.warp(oiio_ref.buf(SMOOTH), inverse, filtername="triangle", filterwidth=2))
    np.testing.assert_allclose(warp.warp(SMOOTH, m)[8:16, 10:22], theirs[8:16, 10:22], atol=5e-3)


def test_st_warp_matches_imagebufalgo_inside() -> None:
    h, w = SMOOTH.shape[:2]
    y, x = np.mgrid[0:h, 0:w] + 0.5
    st = np.stack([(x + 0.3 * np.sin(y / 4)) / w, y / h], axis=-1).astype(np.float32)
    ours = warp.st_warp(SMOOTH, st)
    theirs = oiio_ref.pixels(IBA.st_warp(oiio_ref.buf(SMOOTH), oiio_ref.buf(st), filtername="triangle", filterwidth=2))
    np.testing.assert_allclose(ours[4:-4, 4:-4], theirs[4:-4, 4:-4], atol=5e-3)
    identity = np.stack([x / w, y / h], axis=-1).astype(np.float32)
    np.testing.assert_allclose(warp.st_warp(SMOOTH, identity), SMOOTH, atol=1e-6)
    flipped = warp.st_warp(SMOOTH, identity, flip_t=True)
    np.testing.assert_allclose(flipped, SMOOTH[::-1], atol=1e-6)
