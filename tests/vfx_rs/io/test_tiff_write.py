"""TIFF writing options (planar, tiles) read back by OpenImageIO, and metadata tags that round-trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import tifffile

import vfx_rs
from tests.tolerances import ATOL_FLOAT32_ULP

oiio = pytest.importorskip("OpenImageIO")


def pixels() -> np.ndarray:
    y, x = np.mgrid[0:40, 0:56].astype(np.float32)
    return np.stack([x / 55.0, y / 39.0, (x + y) / 94.0, np.full_like(x, 1.0)], -1)


@pytest.mark.parametrize("bits", [8, 16, 32])
@pytest.mark.parametrize(("planar", "tile"), [(True, None), (False, 16), (True, (16, 32))])
def test_planar_and_tiled_writes_read_back_by_openimageio(
    tmp_path: Path, bits: int, planar: bool, tile: object
) -> None:
    path = tmp_path / "w.tif"
    vfx_rs.write(path, vfx_rs.Image(pixels()), bit_depth=bits, planar=planar, tile=tile)
    with tifffile.TiffFile(path) as tif:
        page = tif.pages.first
        assert int(page.planarconfig) == (2 if planar else 1) and page.is_tiled == (tile is not None)
    buf = oiio.ImageBuf(str(path))
    reference = buf.get_pixels(oiio.FLOAT)
    assert not buf.has_error, buf.geterror()
    np.testing.assert_allclose(vfx_rs.read(path).numpy(), reference, rtol=0, atol=ATOL_FLOAT32_ULP)
    with pytest.raises(vfx_rs.ArgumentError, match="multiple of 16"):
        vfx_rs.write(path, vfx_rs.Image(pixels()), tile=20)


def test_timecode_frame_rate_and_colorimetry_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "m.tif"
    table = (np.linspace(0, 1, 256) ** 2.2 * 65535).astype(np.uint16).tolist()
    meta = {
        "timecode": "01:02:03:04",
        "frame_rate": 23.976,
        "tiff:white_point": (0.3127, 0.329),
        "tiff:primaries": (0.64, 0.33, 0.3, 0.6, 0.15, 0.06),
        "tiff:transfer_function": table,
    }
    vfx_rs.write(path, vfx_rs.Image(pixels()[..., :3], format="u8", metadata=meta), bit_depth=8)
    with tifffile.TiffFile(path) as tif:  # closed: an open handle surfaced as a ResourceWarning in a later test
        timecode = bytes(tif.pages.first.tags[51043].value)
    # SMPTE 12M time address, frames first in binary-coded decimal (CinemaDNG TimeCodes, DNG 1.4 chapter 6)
    assert timecode[:4] == bytes([0x04, 0x03, 0x02, 0x01])
    back = vfx_rs.read(path).metadata
    assert back["timecode"] == "01:02:03:04" and back["tiff:transfer_function"] == table
    assert back["frame_rate"] == pytest.approx(23.976, abs=1e-6)
    np.testing.assert_allclose(back["tiff:white_point"], meta["tiff:white_point"], atol=1e-6)
    np.testing.assert_allclose(back["tiff:primaries"], meta["tiff:primaries"], atol=1e-6)
    vfx_rs.write(path, vfx_rs.read(path), bit_depth=16)  # the 8-bit table does not fit 16 bits: left out
    assert "tiff:transfer_function" not in vfx_rs.read(path).metadata
    assert vfx_rs.read(path).metadata["timecode"] == "01:02:03:04"
    with pytest.raises(vfx_rs.ArgumentError, match="timecode"):
        vfx_rs.write(path, vfx_rs.Image(pixels(), metadata={"timecode": "1:2"}))
