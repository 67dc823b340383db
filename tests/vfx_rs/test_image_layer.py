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
