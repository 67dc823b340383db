"""vfx_rs.Image and LayeredImage: construction, dtypes, copies, errors."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs


def test_float32_is_copied_in_and_out() -> None:
    data = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    img = vfx_rs.Image(data)
    data[0, 0, 0] = -1.0
    assert img.numpy()[0, 0, 0] == 0.0
    out = img.numpy()
    out *= 2.0
    assert img.numpy()[0, 0, 1] == 1.0
    assert out.flags["C_CONTIGUOUS"] and out.dtype == np.float32
    assert (img.width, img.height, img.channels, img.format) == (3, 2, 4, "f32")


@pytest.mark.parametrize(
    ("dtype", "value", "expected", "fmt"),
    [
        (np.uint8, 255, 1.0, "u8"),
        (np.uint8, 51, 0.2, "u8"),
        (np.uint16, 65535, 1.0, "u16"),
        (np.uint16, 13107, 0.2, "u16"),
        (np.float16, 0.5, 0.5, "f16"),
        (np.float64, 1e-3, 1e-3, "f32"),
    ],
)
def test_accepted_dtypes_are_normalised(dtype: type, value: float, expected: float, fmt: str) -> None:
    img = vfx_rs.Image(np.full((2, 2, 3), value, dtype=dtype))
    assert img.format == fmt
    np.testing.assert_allclose(img.numpy(), expected, rtol=1e-6)


def test_two_dimensional_array_is_one_channel() -> None:
    img = vfx_rs.Image(np.zeros((5, 7), dtype=np.float32))
    assert img.shape == (5, 7, 1)
    assert img.channel_names == ["Y"]


@pytest.mark.parametrize(
    "bad",
    [
        np.zeros((2, 2, 3), dtype=np.int32),
        np.zeros((2, 2, 3), dtype=np.complex64),
        np.zeros((2, 2, 3), dtype=bool),
        np.zeros((4,), dtype=np.float32),
        np.zeros((2, 2, 2, 2), dtype=np.float32),
        np.zeros((0, 4, 3), dtype=np.float32),
        np.zeros((2, 2, 0), dtype=np.float32),
    ],
)
def test_bad_arrays_raise_argument_error(bad: np.ndarray) -> None:
    with pytest.raises(vfx_rs.ArgumentError):
        vfx_rs.Image(bad)


def test_channel_names_must_match_count_and_be_unique() -> None:
    with pytest.raises(vfx_rs.ArgumentError, match="2 channel names given for 3"):
        vfx_rs.Image(np.zeros((1, 1, 3), np.float32), channel_names=["R", "G"])
    with pytest.raises(vfx_rs.ArgumentError, match="unique"):
        vfx_rs.Image(np.zeros((1, 1, 2), np.float32), channel_names=["R", "R"])


def test_copy_is_independent_and_repr_is_helpful() -> None:
    img = vfx_rs.Image(
        np.ones((2, 3, 4), np.float32), metadata={"dataWindow": (10, 20, 12, 21), "displayWindow": (0, 0, 99, 99)}
    )
    dup = img.copy()
    dup.metadata["dataWindow"] = (0, 0, 2, 1)
    assert img.data_window == (10, 20, 12, 21)
    assert img == dup
    assert repr(img) == "<vfx_rs.Image 3x2 RGBA f32, data_window=(10, 20, 12, 21), display_window=(0, 0, 99, 99)>"


def test_channel_lookup_lists_names() -> None:
    img = vfx_rs.Image(np.zeros((1, 1, 3), np.float32))
    assert img.channel_index("G") == 1
    with pytest.raises(KeyError, match="channels are: R, G, B"):
        img.channel_index("Z")


def test_layered_image_mapping() -> None:
    beauty = vfx_rs.Image(np.zeros((2, 2, 4), np.float32))
    depth = vfx_rs.Image(np.zeros((2, 2, 1), np.float32), channel_names=["Z"])
    layered = vfx_rs.LayeredImage({"beauty": beauty, "depth": depth})
    assert layered.layer_names() == ["beauty", "depth"]
    assert list(layered) == ["beauty", "depth"] and len(layered) == 2
    assert "depth" in layered and "spec" not in layered
    assert layered["depth"] == depth and isinstance(layered["depth"], vfx_rs.Image)  # a named view (ImageLayer)
    assert layered[1] == depth and layered[-1].name == "depth" and layered.num_layers == 2
    with pytest.raises(vfx_rs.VfxError, match="layers are: beauty, depth"):
        layered["spec"]
    with pytest.raises(vfx_rs.ArgumentError):
        layered["x"] = np.zeros((1, 1, 1))  # type: ignore[assignment]
