"""vfx-rs-py layer access (issue 21): layered[0], ImageLayer, ImageChannel, layer_names both ways."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs


def test_layers_by_number_and_name_with_channels(tmp_path) -> None:
    beauty = np.random.default_rng(2).random((3, 4, 4)).astype(np.float32)
    depth = np.full((3, 4, 1), 5.0, np.float32)
    vfx_rs.write_layers(tmp_path / "l.exr", {"beauty": vfx_rs.Image(beauty), "depth": vfx_rs.Image(depth, ["Z"])})
    layered = vfx_rs.read_layered(tmp_path / "l.exr")
    assert layered.layer_names == layered.layer_names() and len(layered.layer_names) == layered.num_layers == 2
    first = layered[0]
    assert isinstance(first, vfx_rs.ImageLayer) and isinstance(first, vfx_rs.Image)
    assert first.name == layered.layer_names[0] and first.num_channels == len(first) == first.channels
    z = layered["depth"]["Z"]
    assert z.kind is vfx_rs.ChannelKind.Depth and z.len == 12 and not z.is_empty()
    np.testing.assert_array_equal(z.numpy(), depth.ravel())
    assert layered["depth"][0].name == "Z" and layered[-1].name == "depth"
    assert type(first.to_image()) is vfx_rs.Image and first.to_image() == first
    with pytest.raises(vfx_rs.NotFoundError, match="no layer 2"):
        layered[2]
    with pytest.raises(vfx_rs.NotFoundError, match="no channel"):
        first["nope"]


def test_new_layered_image_add_layer_and_to_image() -> None:
    img = vfx_rs.Image(np.zeros((2, 2, 3), np.float32))
    layered = vfx_rs.LayeredImage()
    layered.add_layer("beauty", img)
    assert layered.to_image() == img and layered.layer("beauty").name == "beauty" and layered.layer_at(0) == img
    single = vfx_rs.LayeredImage.from_image(img, "rgb")
    assert single.layer_names == ["rgb"]
    layered.add_layer("other", img)
    with pytest.raises(vfx_rs.ArgumentError, match="exactly one layer"):
        layered.to_image()
    assert layered[0]["R"].sample_type is vfx_rs.SampleType.F32


def test_vfx_rs_py_image_methods_delegate_to_the_ops() -> None:
    data = np.random.default_rng(5).random((6, 8, 4)).astype(np.float32)
    img = vfx_rs.Image(data)
    assert vfx_rs.Image.empty(3, 2).shape == (2, 3, 4) and not vfx_rs.Image.empty(3, 2, 1).numpy(copy=False).any()
    np.testing.assert_array_equal(img.flip().numpy(), vfx_rs.ops.flip(img).numpy())
    np.testing.assert_array_equal(img.box_blur(3).numpy(), vfx_rs.ops.box_blur(img, 3).numpy())
    np.testing.assert_array_equal(img.contrast(0.1, 0.9).numpy(), vfx_rs.ops.contrast_remap(img, 0.1, 0.9).numpy())
    np.testing.assert_array_equal(img.fillholes().numpy(), vfx_rs.ops.fillholes_pushpull(img).numpy())
    resized = img.resize(4, 3, vfx_rs.ops.ResizeFilter.Bilinear)
    np.testing.assert_array_equal(resized.numpy(), vfx_rs.ops.resize(img, 4, 3, "bilinear").numpy())
    assert img.crop(vfx_rs.Roi3D(1, 3, 0, 2)).shape == (2, 2, 4)
    with pytest.raises(vfx_rs.ArgumentError, match="integers"):
        vfx_rs.Image.empty(0, 2)


def test_image_copy_argument_of_vfx_rs_py() -> None:
    data = np.ones((2, 2, 3), np.float32)
    for img in (vfx_rs.Image(data, True), vfx_rs.Image(data, copy=False)):
        data[0, 0, 0] = 5.0
        assert img.numpy()[0, 0, 0] == 1.0 and img.channel_names == ["R", "G", "B"]
        data[0, 0, 0] = 1.0
