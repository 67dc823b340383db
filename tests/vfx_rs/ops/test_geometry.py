"""vfx_rs.ops geometry against OpenImageIO's flip/flop/rotate/transpose/crop (pixels and windows, exactly)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vfx_rs
from tests.vfx_rs.ops import oiio_ref
from vfx_rs import ops

ORIENT = ["flip", "flop", "rotate90", "rotate180", "rotate270", "transpose"]


def _image(data: np.ndarray, origin: tuple[int, int], full: tuple[int, int, int, int]) -> vfx_rs.Image:
    h, w, _ = data.shape
    x, y = origin
    fx, fy, fw, fh = full
    return vfx_rs.Image(
        data, metadata={"dataWindow": (x, y, x + w - 1, y + h - 1), "displayWindow": (fx, fy, fx + fw - 1, fy + fh - 1)}
    )


@pytest.mark.parametrize("name", ORIENT)
@pytest.mark.parametrize(
    ("origin", "full"), [((0, 0), (0, 0, 5, 7)), ((5, 7), (0, 0, 20, 12)), ((-2, 3), (0, 0, 9, 9))]
)
def test_orientation_matches_oiio(
    name: str, origin: tuple[int, int], full: tuple[int, int, int, int], rng: np.random.Generator
) -> None:
    data = rng.random((7, 5, 2), dtype=np.float32) if full[2:] == (5, 7) else rng.random((3, 4, 2), dtype=np.float32)
    expected = getattr(oiio_ref.IBA, name)(oiio_ref.buf(data, origin, full))
    ours = getattr(ops, name)(_image(data, origin, full))
    np.testing.assert_array_equal(ours.numpy(), oiio_ref.pixels(expected))
    assert (ours.data_window, ours.display_window) == oiio_ref.windows(expected)


def test_orientation_of_plain_arrays() -> None:
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    assert ops.flip(a)[..., 0].tolist() == [[3, 4, 5], [0, 1, 2]]
    assert ops.flop(a)[..., 0].tolist() == [[2, 1, 0], [5, 4, 3]]
    assert ops.rotate90(a)[..., 0].tolist() == [[3, 0], [4, 1], [5, 2]]
    np.testing.assert_array_equal(ops.rotate(a, degrees=-90), ops.rotate270(a))
    np.testing.assert_array_equal(ops.rotate(a, degrees=540), ops.rotate180(a))
    with pytest.raises(vfx_rs.ArgumentError, match="not both"):
        ops.rotate(a, 0.5, degrees=45)


@pytest.mark.parametrize("roi", [(4, 6, 4, 3), (6, 8, 2, 2), (0, 0, 3, 2), (30, 30, 2, 2)])
def test_crop_matches_oiio(roi: tuple[int, int, int, int], rng: np.random.Generator) -> None:
    data = rng.random((3, 4, 2), dtype=np.float32)
    x, y, w, h = roi
    expected = oiio_ref.IBA.crop(oiio_ref.buf(data, (5, 7), (0, 0, 20, 12)), oiio_ref.oiio.ROI(x, x + w, y, y + h))
    ours = ops.crop(_image(data, (5, 7), (0, 0, 20, 12)), x, y, w, h)
    np.testing.assert_array_equal(ours.numpy(), oiio_ref.pixels(expected))
    assert (ours.data_window, ours.display_window) == oiio_ref.windows(expected)


def test_cut_moves_the_crop_to_the_origin() -> None:
    img = _image(np.arange(12, dtype=np.float32).reshape(3, 4, 1), (5, 7), (0, 0, 20, 12))
    cut = ops.cut(img, 6, 8, 2, 2)
    assert cut.numpy()[..., 0].tolist() == [[5.0, 6.0], [9.0, 10.0]]
    assert cut.data_window == cut.display_window == (0, 0, 1, 1)
    assert img.crop(6, 8, 2, 2).data_window == (6, 8, 7, 9)


def test_pad() -> None:
    plain = vfx_rs.Image(np.ones((2, 3, 1), np.float32))
    padded = ops.pad(plain, left=1, top=2, right=3, bottom=4, value=0.5)
    assert padded.shape == (8, 7, 1) and padded.data_window == padded.display_window == (0, 0, 6, 7)
    assert padded.numpy()[2:4, 1:4].min() == 1.0 and padded.numpy()[0, 0, 0] == 0.5
    overscan = ops.pad(_image(np.ones((3, 4, 1), np.float32), (5, 7), (0, 0, 20, 12)), left=2, bottom=1)
    assert overscan.data_window == (3, 7, 8, 10) and overscan.display_window == (0, 0, 19, 11)
    with pytest.raises(vfx_rs.ArgumentError):
        ops.pad(plain, left=-1)
    with pytest.raises(vfx_rs.ArgumentError, match="too large"):
        ops.pad(plain, right=10**6)


@pytest.mark.parametrize("args", [(0, 0, 0, 2), (0, 0, 2.5, 2), ("a", 0, 1, 1)])
def test_bad_crop_raises(args: tuple) -> None:
    with pytest.raises(vfx_rs.ArgumentError):
        ops.crop(np.zeros((4, 4), np.float32), *args)


@settings(max_examples=40, deadline=None)
@given(
    shape=st.tuples(st.integers(1, 12), st.integers(1, 12), st.integers(1, 4)),
    origin=st.tuples(st.integers(-20, 20), st.integers(-20, 20)),
)
def test_four_quarter_turns_and_double_flips_are_identities(
    shape: tuple[int, int, int], origin: tuple[int, int]
) -> None:
    data = np.arange(np.prod(shape), dtype=np.float32).reshape(shape)
    img = _image(data, origin, (0, 0, 16, 9))
    for op, times in [(ops.rotate90, 4), (ops.rotate270, 4), (ops.flip, 2), (ops.flop, 2), (ops.transpose, 2)]:
        out = img
        for _ in range(times):
            out = op(out)
        assert out == img and (out.data_window, out.display_window) == (img.data_window, img.display_window)
