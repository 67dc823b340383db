"""vfx_rs.ops channel shuffle/extract/append against OpenImageIO's channels and channel_append."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.vfx_rs.ops import oiio_ref
from vfx_rs.ops import append_channels, extract, shuffle


@pytest.fixture
def rgba(rng: np.random.Generator) -> vfx_rs.Image:
    return vfx_rs.Image(rng.random((5, 6, 4), dtype=np.float32), ["R", "G", "B", "A"], metadata={"k": 1})


def test_shuffle_matches_oiio_channels(rgba: vfx_rs.Image) -> None:
    expected = oiio_ref.IBA.channels(oiio_ref.buf(rgba.numpy()), ("B", "G", "R", 1.0), ("B", "G", "R", "A"))
    ours = shuffle(rgba, ["B", "G", 0, 1.0], names=["B", "G", "R", "A"])
    np.testing.assert_array_equal(ours.numpy(), oiio_ref.pixels(expected))
    assert ours.channel_names == ["B", "G", "R", "A"] and ours.metadata == {"k": 1}


def test_extract_and_append_match_oiio(rgba: vfx_rs.Image) -> None:
    alpha = extract(rgba, "A")
    assert alpha.channel_names == ["A"]
    depth = vfx_rs.Image(np.full((5, 6, 1), 3.0, np.float32), ["Z"])
    joined = append_channels(rgba, depth)
    assert joined.channel_names == ["R", "G", "B", "A", "Z"]
    expected = oiio_ref.IBA.channel_append(oiio_ref.buf(rgba.numpy()), oiio_ref.buf(depth.numpy()))
    np.testing.assert_array_equal(joined.numpy(), oiio_ref.pixels(expected))
    np.testing.assert_array_equal(alpha.numpy()[..., 0], rgba.numpy()[..., 3])


def test_errors_name_the_problem(rgba: vfx_rs.Image) -> None:
    with pytest.raises(vfx_rs.NotFoundError, match="R, G, B, A"):
        extract(rgba, "Z")
    with pytest.raises(vfx_rs.NotFoundError):
        shuffle(rgba, [7])
    with pytest.raises(vfx_rs.ArgumentError, match="unique"):
        shuffle(rgba, ["R", "R"])
    with pytest.raises(vfx_rs.ArgumentError, match="names given"):
        shuffle(rgba, ["R"], names=["X", "Y"])
    with pytest.raises(vfx_rs.ArgumentError, match="repeat"):
        append_channels(rgba, rgba)
    with pytest.raises(vfx_rs.ArgumentError, match="sizes must match"):
        append_channels(rgba, np.zeros((2, 2), np.float32))
    with pytest.raises(vfx_rs.ArgumentError):
        shuffle(rgba, "RGB")
