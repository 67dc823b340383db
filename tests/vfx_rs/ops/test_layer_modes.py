"""vfx-rs-py blend-mode functions and zover (issue 21): W3C Compositing and Blending Level 1, section 10.1,
written out here per channel, and OpenImageIO's zover."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_IBA_F32
from tests.vfx_rs.ops import oiio_ref
from vfx_rs import ops

rng = np.random.default_rng(5)
A = rng.random((4, 6, 4)).astype(np.float32)  # the source (top layer)
B = rng.random((4, 6, 4)).astype(np.float32)  # the backdrop
A[0, :3, 0] = [0.0, 1.0, 0.5]
B[1, :3, 0] = [0.0, 1.0, 0.25]


def soft(cb: np.ndarray, cs: np.ndarray) -> np.ndarray:
    d = np.where(cb <= 0.25, ((16 * cb - 12) * cb + 4) * cb, np.sqrt(cb))
    return np.where(cs <= 0.5, cb - (1 - 2 * cs) * cb * (1 - cb), cb + (2 * cs - 1) * (d - cb))


def hard(cb: np.ndarray, cs: np.ndarray) -> np.ndarray:
    return np.where(cs <= 0.5, cb * 2 * cs, 1 - (1 - cb) * (1 - (2 * cs - 1)))


def dodge(cb: np.ndarray, cs: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(cb == 0, 0, np.where(cs == 1, 1, np.minimum(1, cb / (1 - cs))))


def burn(cb: np.ndarray, cs: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(cb == 1, 1, np.where(cs == 0, 0, 1 - np.minimum(1, (1 - cb) / cs)))


@pytest.mark.parametrize(
    ("name", "formula"),
    [
        ("screen", lambda cb, cs: 1 - (1 - cb) * (1 - cs)),
        ("multiply", lambda cb, cs: cb * cs),
        ("overlay", lambda cb, cs: hard(cs, cb)),
        ("hardlight", hard),
        ("softlight", soft),
        ("difference", lambda cb, cs: np.abs(cb - cs)),
        ("exclusion", lambda cb, cs: cb + cs - 2 * cb * cs),
        ("colordodge", dodge),
        ("colorburn", burn),
        ("add_blend", lambda cb, cs: cb + cs),
    ],
)
def test_blend_modes_follow_w3c(name: str, formula) -> None:
    got = getattr(ops, name)(vfx_rs.Image(A), vfx_rs.Image(B))
    want = formula(B.astype(np.float64), A.astype(np.float64))  # every channel, alpha too
    np.testing.assert_allclose(got.numpy(), want, atol=ATOL_IBA_F32)
    roi = vfx_rs.Roi3D(1, 3, 0, 2)
    np.testing.assert_allclose(getattr(ops, name)(A, B, roi), want[0:2, 1:3], atol=ATOL_IBA_F32)


def test_blend_mode_sizes_must_match() -> None:
    with pytest.raises(vfx_rs.ArgumentError, match="same size"):
        ops.screen(A, B[:2])


@pytest.mark.parametrize("zeroisinf", [False, True])
def test_zover_matches_imagebufalgo(zeroisinf: bool) -> None:
    names = ["R", "G", "B", "A", "Z"]
    a = np.concatenate([A * A[..., 3:], rng.random((4, 6, 1)) * 3], axis=-1).astype(np.float32)
    b = np.concatenate([B * B[..., 3:], rng.random((4, 6, 1)) * 3], axis=-1).astype(np.float32)
    a[0, 0, 4] = 0.0
    bufs = []
    for arr in (a, b):
        buf = oiio_ref.buf(arr)
        spec = buf.specmod()
        spec.channelnames, spec.alpha_channel, spec.z_channel = tuple(names), 3, 4
        bufs.append(buf)
    want = oiio_ref.pixels(oiio_ref.IBA.zover(bufs[0], bufs[1], zeroisinf))
    got = ops.zover(vfx_rs.Image(a, names), vfx_rs.Image(b, names), zeroisinf)
    np.testing.assert_allclose(got.numpy(), want, atol=ATOL_IBA_F32)
    with pytest.raises(vfx_rs.NotFoundError, match="Z channel"):
        ops.zover(vfx_rs.Image(A), vfx_rs.Image(B))
