"""vfx_rs.core (issue 21): TypeDesc, Roi3D, ImageSpec against OpenImageIO's own TypeDesc, ROI and ImageSpec."""

from __future__ import annotations

import numpy as np
import OpenImageIO as oiio

import vfx_rs
from vfx_rs.core import Aggregate, BaseType, BitDepth, DataFormat, ImageSpec, Roi3D, TypeDesc, VecSemantics


def test_typedesc_sizes_and_names_match_openimageio() -> None:
    cases = [
        (TypeDesc.FLOAT, oiio.TypeDesc("float")),
        (TypeDesc.HALF, oiio.TypeDesc("half")),
        (TypeDesc.UINT16, oiio.TypeDesc("uint16")),
        (TypeDesc.color(), oiio.TypeDesc("color")),
        (TypeDesc.matrix44(), oiio.TypeDesc("matrix")),
        (TypeDesc.float_array(5), oiio.TypeDesc("float[5]")),
        (TypeDesc.int_array(3), oiio.TypeDesc("int[3]")),
    ]
    for ours, theirs in cases:
        assert ours.size() == theirs.size(), ours
        assert ours.basevalues() == theirs.basevalues() and ours.numelements() == theirs.numelements()
        assert str(ours) == str(theirs).replace("matrix", "matrix44").replace("int[", "int32[")
    assert TypeDesc.FLOAT.equivalent(TypeDesc(BaseType.Float, vecsemantics=VecSemantics.Color))
    assert TypeDesc.color().elementsize() == 12 and TypeDesc.point().vecsemantics.requires_transform()
    assert Aggregate.Matrix33.count == 9 and BaseType.Half.name == "half" and BaseType.UInt8.is_integer()
    assert DataFormat.F16.bits == 16 and DataFormat.from_name("u8") is DataFormat.U8
    assert int(BitDepth.Bit10) == 10 and vfx_rs.BitDepth is BitDepth


def test_roi_matches_openimageio() -> None:
    a, b = Roi3D.new_2d(0, 10, 0, 5), Roi3D.new_2d_with_channels(4, 20, 2, 9, 1, 3)
    oa, ob = oiio.ROI(0, 10, 0, 5), oiio.ROI(4, 20, 2, 9, 0, 1, 1, 3)
    u, i = a.union(b), a.intersection(b)
    ou, oi = oiio.union(oa, ob), oiio.intersection(oa, ob)
    assert (u.xbegin, u.xend, u.ybegin, u.yend) == (ou.xbegin, ou.xend, ou.ybegin, ou.yend)
    assert i is not None and (i.xbegin, i.xend, i.ybegin, i.yend) == (oi.xbegin, oi.xend, oi.ybegin, oi.yend)
    assert a.npixels() == oa.npixels and b.nchannels == ob.nchannels and a.nchannels == -1
    assert a.intersection(Roi3D.new_2d(50, 60, 0, 1)) is None and Roi3D.all().is_all()


def test_imagespec_of_an_image_and_byte_counts() -> None:
    spec = ImageSpec(64, 32, 4, DataFormat.F16)
    theirs = oiio.ImageSpec(64, 32, 4, "half")
    assert spec.bytes_per_pixel() == theirs.pixel_bytes() and spec.image_bytes() == theirs.image_bytes()
    assert spec.scanline_bytes() == theirs.scanline_bytes() and spec.roi().width == theirs.roi.width
    img = vfx_rs.Image(np.zeros((3, 5, 4), np.float32), metadata={"dataWindow": (10, 20, 14, 22),
                                                                  "displayWindow": (0, 0, 99, 49)})  # fmt: skip
    of = ImageSpec.of(img)
    assert (of.x, of.y, of.width, of.height, of.full_width, of.full_height) == (10, 20, 5, 3, 100, 50)
    assert of.has_overscan() and of.get_alpha_channel() == 3 and of.format is DataFormat.F32
    of.set_attr("compression", "zip")
    assert of.get_string_attribute("compression") == "zip" and of.erase_attribute("compression")
    assert ImageSpec.from_roi(Roi3D.new_2d_with_channels(0, 4, 0, 2, 0, 3)).channel_names == ["R", "G", "B"]
