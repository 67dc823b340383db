"""vfx-rs-py arithmetic (vfx_rs.ops.arith) against OpenImageIO's ImageBufAlgo (issue 21)."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_IBA_F32
from tests.vfx_rs.ops import oiio_ref
from vfx_rs import ops

IBA = oiio_ref.IBA


def sample() -> np.ndarray:
    rng = np.random.default_rng(21)
    return (rng.random((6, 7, 4)) * 5 - 1).astype(np.float32)


def other() -> np.ndarray:
    out = sample()[::-1].copy()
    out[0, 0] = 0.0  # a zero divisor
    return out


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (lambda a, b: ops.add(a, b), lambda a, b: IBA.add(a, b)),
        (lambda a, b: ops.sub(a, b), lambda a, b: IBA.sub(a, b)),
        (lambda a, b: ops.mul(a, b), lambda a, b: IBA.mul(a, b)),
        (lambda a, b: ops.div(a, b), lambda a, b: IBA.div(a, b)),
        (lambda a, b: ops.min(a, b), lambda a, b: IBA.min(a, b)),
        (lambda a, b: ops.max(a, b), lambda a, b: IBA.max(a, b)),
        (lambda a, b: ops.absdiff(a, b), lambda a, b: IBA.absdiff(a, b)),
        (lambda a, b: ops.mad(a, b, a), lambda a, b: IBA.mad(a, b, a)),
    ],
)
def test_binary_ops_match_imagebufalgo(ours, theirs) -> None:
    a, b = sample(), other()
    want = oiio_ref.pixels(theirs(oiio_ref.buf(a), oiio_ref.buf(b)))
    np.testing.assert_allclose(ours(vfx_rs.Image(a), vfx_rs.Image(b)).numpy(), want, atol=ATOL_IBA_F32)
    # constants: one number, and one per channel
    k = [0.5, -2.0, 3.0, 0.0]
    np.testing.assert_allclose(ours(a, 0.5), oiio_ref.pixels(theirs(oiio_ref.buf(a), 0.5)), atol=ATOL_IBA_F32)
    np.testing.assert_allclose(ours(a, k), oiio_ref.pixels(theirs(oiio_ref.buf(a), k)), atol=ATOL_IBA_F32)


def test_unary_ops_match_imagebufalgo() -> None:
    a = sample()
    b = oiio_ref.buf(a)
    pairs = [
        (ops.abs(a), IBA.abs(b)),
        (ops.invert(a), IBA.invert(b)),
        (ops.clamp(a, 0.1, 0.9), IBA.clamp(b, 0.1, 0.9)),
        (ops.clamp(a, [0, -1, 0, 0], [1, 2, 3, 0.5]), IBA.clamp(b, [0, -1, 0, 0], [1, 2, 3, 0.5])),
        (ops.pow(np.abs(a), 2.2), IBA.pow(IBA.abs(b), 2.2)),
        (ops.normalize(a, 0.5, 0.5, 0.5), IBA.normalize(b, 0.5, 0.5, 0.5)),
    ]
    for ours, theirs in pairs:
        np.testing.assert_allclose(ours, oiio_ref.pixels(theirs), atol=ATOL_IBA_F32)


def test_roi_keeps_the_region_and_channels() -> None:
    a = sample()
    roi = vfx_rs.Roi3D(2, 5, 1, 4, chbegin=1, chend=3)
    out = ops.add(vfx_rs.Image(a), 1.0, roi=roi)
    assert out.shape == (3, 3, 2) and out.channel_names == ["G", "B"]
    np.testing.assert_array_equal(out.numpy(), a[1:4, 2:5, 1:3] + np.float32(1))


def test_bad_operands_raise() -> None:
    with pytest.raises(vfx_rs.ArgumentError, match="channels"):
        ops.add(sample(), [1.0, 2.0])
    with pytest.raises(vfx_rs.ArgumentError, match="width x height"):
        ops.add(vfx_rs.Image(sample()), vfx_rs.Image(sample()[:2]))
    with pytest.raises(vfx_rs.ArgumentError, match="number"):
        ops.mul(sample(), "two")
