"""DNG raw reading and CinemaDNG clips (issue 21) against LibRaw (rawpy) on DNGs written with tifffile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import imagecodecs
import numpy as np
import pytest
import tifffile

import vfx_rs
from tests.vfx_rs.io.dng_craft import dng_tags, ljpeg_encode, write_dng
from vfx_rs import io

LAYOUTS = ["RGGB", "BGGR", "GRBG", "GBRG"]


def _codes(seed: int, h: int = 24, w: int = 30, top: int = 4000) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, top, (h, w)).astype(np.uint16)


def _libraw(path: Path) -> dict[str, Any]:
    """What LibRaw reads: the samples, and the black level of each place of the 2x2 pattern, white, colours."""
    import rawpy

    with rawpy.imread(str(path)) as raw:
        colours = raw.raw_colors[:2, :2]
        letters = raw.color_desc.decode()
        return {
            "codes": raw.raw_image.copy(),
            "black": [float(raw.black_level_per_channel[c]) for c in colours.ravel()],
            "white": float(raw.white_level),
            "pattern": "".join(letters[c] for c in colours.ravel()),
        }


def _ljpeg_dng(
    path: Path, cfa: np.ndarray, layout: str, tile: tuple[int, int] | None, white: int, components: int = 1
) -> Path:
    """A DNG whose raw is lossless JPEG (compression 7): one JPEG per tile, or one strip."""
    h, w = cfa.shape
    th, tw = tile or (h, w)
    bits = int(white).bit_length()

    def segments() -> Any:
        for y in range(0, h, th):
            for x in range(0, w, tw):
                block = np.zeros((th, tw), np.uint16)
                part = cfa[y : y + th, x : x + tw]
                block[: part.shape[0], : part.shape[1]] = part
                if components == 1:
                    yield imagecodecs.ljpeg_encode(block, bitspersample=bits)
                else:
                    yield ljpeg_encode(block, components, bits)

    layout_args: dict[str, Any] = {"tile": tile} if tile else {"rowsperstrip": h}
    with tifffile.TiffWriter(path) as tif:
        tif.write(
            segments(),
            shape=(h, w),
            dtype=np.uint16,
            compression=7,
            photometric=32803,
            subfiletype=0,
            extratags=dng_tags(layout, 0, white),
            **layout_args,
        )
    return path


@pytest.mark.parametrize("layout", LAYOUTS)
def test_uncompressed_dng_reads_as_libraw(tmp_path: Path, layout: str) -> None:
    blacks = [60, 64, 70, 66]
    for i, options in enumerate([{}, {"preview": True}, {"tile": (16, 16)}]):
        cfa = _codes(i, top=4096)
        path = write_dng(tmp_path / f"f{i}.dng", cfa, layout, black=blacks, white=4095, **options)
        ref = _libraw(path)
        codes = vfx_rs.read(path, normalize=False)
        np.testing.assert_array_equal(codes.numpy()[..., 0], ref["codes"])
        img = vfx_rs.read(path)
        assert img.channel_names == ["Y"] and img.numpy().dtype == np.float32
        assert img.metadata["dng:cfa_pattern"] == ref["pattern"] == layout
        assert img.metadata["dng:black_level"] == ref["black"] and img.metadata["dng:white_level"] == ref["white"]
        black = np.tile(np.reshape(ref["black"], (2, 2)), (12, 15))
        want = (ref["codes"] - black) / (ref["white"] - black)
        np.testing.assert_allclose(img.numpy()[..., 0], want, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("tile", [None, (16, 16)])
def test_lossless_jpeg_dng_reads_as_libraw(tmp_path: Path, tile: tuple[int, int] | None) -> None:
    for white in (4095, 16383):
        cfa = _codes(white, h=40, w=48, top=white + 1)
        path = _ljpeg_dng(tmp_path / f"lj{white}.dng", cfa, "GRBG", tile, white)
        with tifffile.TiffFile(path) as tif:
            assert tif.pages[0].compression == 7
        ref = _libraw(path)
        np.testing.assert_array_equal(ref["codes"], cfa)  # LibRaw decodes what was written
        got = vfx_rs.read(path, normalize=False).numpy()[..., 0]
        np.testing.assert_array_equal(got, ref["codes"])
        np.testing.assert_allclose(vfx_rs.read(path).numpy()[..., 0], cfa / white, rtol=1e-6)


def test_two_component_lossless_jpeg_tiles(tmp_path: Path) -> None:
    # The CinemaDNG layout: a tile w wide is a JPEG w / 2 wide with two interleaved components.
    cfa = _codes(21, h=32, w=64, top=4096)
    single = _ljpeg_dng(tmp_path / "one.dng", cfa, "RGGB", None, 4095, components=2)
    np.testing.assert_array_equal(_libraw(single)["codes"], cfa)
    np.testing.assert_array_equal(vfx_rs.read(single, normalize=False).numpy()[..., 0], cfa)
    # Tiles side by side (LibRaw 0.22 reads rows after the first as 0 here; libjpeg-turbo decodes each tile).
    tiled = _ljpeg_dng(tmp_path / "tiles.dng", cfa, "RGGB", (16, 32), 4095, components=2)
    first = imagecodecs.jpeg8_decode(ljpeg_encode(cfa[:16, :32], 2, 12))
    np.testing.assert_array_equal(first.reshape(16, 32), cfa[:16, :32])
    np.testing.assert_array_equal(vfx_rs.read(tiled, normalize=False).numpy()[..., 0], cfa)


def test_dng_demosaics_like_libraw(tmp_path: Path) -> None:
    # read + ops.demosaic (VNG, the default) against LibRaw's raw pipeline with no colour or white balance.
    import rawpy

    from tests.tolerances import ATOL_VNG_LIBRAW_CODES
    from tests.vfx_rs.io.dng_craft import RAWPY_LINEAR

    yy, xx = np.mgrid[0:32, 0:40]
    cfa = ((xx > yy) * 30000 + 1000 + 500 * (xx % 7) + 300 * yy).astype(np.uint16)
    path = write_dng(tmp_path / "scene.dng", cfa, "BGGR")
    img = vfx_rs.read(path)
    rgb = vfx_rs.ops.demosaic(img, vfx_rs.ops.BayerPattern[img.metadata["dng:cfa_pattern"]])
    with rawpy.imread(str(path)) as raw:
        vng = raw.postprocess(
            demosaic_algorithm=rawpy.DemosaicAlgorithm.VNG, output_color=rawpy.ColorSpace.raw, **RAWPY_LINEAR
        )
    got = np.clip(rgb.numpy().astype(np.float64) * 65535.0, 0, 65535)
    # LibRaw's rounding (ATOL_VNG_LIBRAW_CODES) plus our float32 normalised values (1e-7 * 65535 codes).
    np.testing.assert_allclose(got, vng, atol=ATOL_VNG_LIBRAW_CODES + 0.01, rtol=0)


def test_linearization_table(tmp_path: Path) -> None:
    cfa = _codes(3, top=1024)
    table = (np.arange(1024) ** 2 // 16).astype(np.uint16)  # a curve to 65025
    path = tmp_path / "lin.dng"
    with tifffile.TiffWriter(path) as tif:
        tags = [*dng_tags("RGGB", 0, 65025), (50712, "H", 1024, tuple(table.tolist()))]
        tif.write(cfa, photometric=32803, subfiletype=0, extratags=tags)
    ref = _libraw(path)
    np.testing.assert_array_equal(ref["codes"], table[cfa])  # LibRaw applies the table
    np.testing.assert_array_equal(vfx_rs.read(path, normalize=False).numpy()[..., 0], ref["codes"])


def test_unsupported_and_damaged_dng_raise_naming_the_file(tmp_path: Path) -> None:
    cfa = _codes(4)
    deflate = tmp_path / "deflate.dng"
    with tifffile.TiffWriter(deflate) as tif:
        tif.write(cfa, photometric=32803, subfiletype=0, extratags=dng_tags("RGGB", 0, 4095), compression="zlib")
    with pytest.raises(vfx_rs.FormatError, match=r"deflate\.dng.*compression 8 is not supported"):
        vfx_rs.read(deflate)
    plain = tmp_path / "plain.dng"
    tifffile.imwrite(plain, cfa)
    with pytest.raises(vfx_rs.FormatError, match=r"plain\.dng.*not a DNG"):
        vfx_rs.read(plain)
    good = write_dng(tmp_path / "good.dng", cfa)
    cut = tmp_path / "cut.dng"
    cut.write_bytes(good.read_bytes()[:600])
    with pytest.raises(vfx_rs.FormatError, match=r"cut\.dng"):
        vfx_rs.read(cut)
    with pytest.raises(vfx_rs.FormatError, match=r"out\.dng.*read here, not written"):
        vfx_rs.write(tmp_path / "out.dng", vfx_rs.read(good))


def test_cinema_dng_clip(tmp_path: Path) -> None:
    clip = tmp_path / "A001_C002"
    clip.mkdir()
    frames = {1: _codes(11), 2: _codes(12), 4: _codes(14)}
    for frame, cfa in frames.items():
        write_dng(clip / f"A001_C002_{frame:06d}.dng", cfa, "GBRG", black=64, white=4095, preview=True)
    (clip / "audio.wav").write_bytes(b"RIFF")
    assert io.is_cinema_dng(clip) and not io.is_cinema_dng(tmp_path) and not io.is_cinema_dng(clip / "audio.wav")
    seq = io.open_cinema_dng(clip)
    assert isinstance(seq, io.CinemaDng) and seq.dir == str(clip)
    assert (seq.first_frame, seq.last_frame, seq.frame_count) == (1, 4, 3)
    assert seq.frames() == [1, 2, 4] and seq.missing_frames() == [3]
    assert seq.has_frame(2) and not seq.has_frame(3)
    assert (seq.width, seq.height, seq.channels) == (30, 24, 1)
    assert seq.frame_path(4) == str(clip / "A001_C002_000004.dng")
    assert repr(seq) == f"CinemaDng(dir='{clip}', frames=1-4, resolution=30x24)"
    for frame in frames:
        ref = _libraw(Path(seq.frame_path(frame)))
        got = seq.read_frame(frame).numpy()[..., 0]
        np.testing.assert_allclose(got, (ref["codes"] - 64.0) / (4095.0 - 64.0), rtol=1e-6, atol=1e-7)
    np.testing.assert_array_equal(io.read_cinema_dng_frame(clip, 2).numpy(), seq.read_frame(2).numpy())
    with pytest.raises(vfx_rs.IoError, match=r"frame 3 is not in the clip \(1-4\)"):
        seq.read_frame(3)
    with pytest.raises(vfx_rs.IoError, match="not a directory"):
        io.open_cinema_dng(clip / "A001_C002_000001.dng")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(vfx_rs.IoError, match=r"empty.*no numbered DNG frames"):
        io.open_cinema_dng(empty)


def test_linear_raw_dng(tmp_path: Path) -> None:
    import rawpy

    rgb = np.random.default_rng(8).integers(100, 4000, (24, 30, 3)).astype(np.uint16)
    bayer_only = {33421, 33422, 50710, 50711, 50713}
    tags = [t for t in dng_tags("RGGB", [50, 60, 70], 4095) if t[0] not in bayer_only]
    path = tmp_path / "linear.dng"
    tifffile.imwrite(path, rgb, photometric=34892, planarconfig="contig", subfiletype=0, extratags=tags)
    with rawpy.imread(str(path)) as raw:
        codes, blacks = raw.raw_image[..., :3].copy(), [float(b) for b in raw.black_level_per_channel[:3]]
        white = float(raw.white_level)
    img = vfx_rs.read(path)
    assert img.channel_names == ["R", "G", "B"] and "dng:cfa_pattern" not in img.metadata
    np.testing.assert_array_equal(vfx_rs.read(path, normalize=False).numpy(), codes)
    assert img.metadata["dng:black_level"] == blacks and img.metadata["dng:white_level"] == white
    want = (codes - np.array(blacks)) / (white - np.array(blacks))
    np.testing.assert_allclose(img.numpy(), want, rtol=1e-6)
