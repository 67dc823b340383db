"""Hostile image files and arguments fail fast with `VfxError` naming the file (issue 16 regressions)."""

from __future__ import annotations

import os
import struct
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import vfx_rs


def _jpeg(size: int = 64) -> bytes:
    import imagecodecs

    pixels = (np.random.default_rng(0).random((size, size, 3)) * 255).astype(np.uint8)
    return bytes(imagecodecs.jpeg8_encode(pixels, level=90))


def _with_frame_size(jpeg: bytes, width: int, height: int) -> bytes:
    sof = jpeg.index(b"\xff\xc0")
    data = bytearray(jpeg)
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def test_jpeg_header_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jpg"
    path.write_bytes(_with_frame_size(_jpeg(8), 30000, 30000))
    start = time.perf_counter()
    with pytest.raises(vfx_rs.FormatError, match=r"bomb\.jpg: .*30000x30000"):
        vfx_rs.read(path)
    assert time.perf_counter() - start < 1.0


def test_jpeg_claiming_more_blocks_than_its_bits_is_refused(tmp_path: Path) -> None:
    """Within LIMITS (4000x4000), but a few hundred bytes cannot code 250,000 8x8 blocks."""
    path = tmp_path / "small.jpg"
    path.write_bytes(_with_frame_size(_jpeg(8), 4000, 4000))
    with pytest.raises(vfx_rs.FormatError, match=r"8x8 blocks need \(truncated or damaged\)"):
        vfx_rs.read(path)


def test_jpeg_size_is_checked_against_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ok.jpg"
    path.write_bytes(_jpeg(64))
    monkeypatch.setattr(vfx_rs.io.LIMITS, "max_dimension", 32)
    with pytest.raises(vfx_rs.FormatError, match="max_dimension"):
        vfx_rs.read(path)


@pytest.mark.parametrize("keep", [0.5, 0.9, -2])
def test_truncated_jpeg_is_refused(tmp_path: Path, keep: float) -> None:
    data = _jpeg(64)
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: int(len(data) * keep)] if keep > 0 else data[: int(keep)])
    with pytest.raises(vfx_rs.FormatError, match=r"cut\.jpg: .*truncated"):
        vfx_rs.read(path)


def test_jpeg_with_bytes_after_the_end_marker_reads(tmp_path: Path) -> None:
    path = tmp_path / "tail.jpg"
    path.write_bytes(_jpeg(64) + b"\0" * 100)
    assert vfx_rs.read(path).width == 64


@pytest.mark.parametrize(
    ("resolution", "message"),
    [(b"-Y 100000 +X 100000", "100000x100000"), (b"-Y 20000 +X 20000", "only 60 bytes of pixel data")],
)
def test_hdr_header_bomb_is_refused(tmp_path: Path, resolution: bytes, message: str) -> None:
    path = tmp_path / "bomb.hdr"
    path.write_bytes(b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n" + resolution + b"\n" + b"\x02" * 60)
    with pytest.raises(vfx_rs.FormatError, match=message):
        vfx_rs.read(path)


def test_hdr_round_trip_still_reads(tmp_path: Path) -> None:
    image = np.random.default_rng(1).random((5, 7, 3)).astype(np.float32)
    vfx_rs.write(tmp_path / "a.hdr", image)
    assert vfx_rs.read(tmp_path / "a.hdr").numpy().shape == (5, 7, 3)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.exr"
    os.mkfifo(fifo)
    with pytest.raises(vfx_rs.IoError, match=r"pipe\.exr: is a named pipe"):
        vfx_rs.read(fifo)


@pytest.mark.timeout(30)
def test_deep_exr_fifo_is_refused_at_once(tmp_path: Path) -> None:
    """`read_deep` opened the header with a plain open(), which blocks on a FIFO."""
    from vfx_rs.io.exr_deep import read_deep

    fifo = tmp_path / "pipe.exr"
    os.mkfifo(fifo)
    with pytest.raises(vfx_rs.IoError, match=r"pipe\.exr: is a named pipe \(FIFO\)"):
        read_deep(fifo)


@pytest.mark.timeout(30)
def test_movie_fifo_and_device_are_refused_at_once(tmp_path: Path) -> None:
    """`read_movie` handed the path straight to FFmpeg, whose open blocked forever on a FIFO."""
    from vfx_rs.io.movie import read_movie

    fifo = tmp_path / "pipe.mov"
    os.mkfifo(fifo)
    with pytest.raises(vfx_rs.IoError, match=r"pipe\.mov: is a named pipe \(FIFO\), not a movie"):
        read_movie(fifo)
    with pytest.raises(vfx_rs.IoError, match=r"is a directory, not a movie"):
        read_movie(tmp_path)
    if os.path.exists("/dev/zero"):
        with pytest.raises(vfx_rs.IoError, match=r"/dev/zero: is a character device, not a movie"):
            read_movie("/dev/zero")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_is_refused() -> None:
    with pytest.raises(vfx_rs.IoError, match="character device"):
        vfx_rs.read("/dev/zero")


@pytest.mark.parametrize("bad", [None, 3, b"x.exr"])
def test_read_and_write_check_the_path(bad: object) -> None:
    with pytest.raises(vfx_rs.ArgumentError, match="path must be"):
        vfx_rs.read(bad)  # type: ignore[arg-type]
    with pytest.raises(vfx_rs.ArgumentError, match="path must be"):
        vfx_rs.write(bad, np.zeros((2, 2, 3), np.float32))  # type: ignore[arg-type]


def _exr_with_channels(count: int) -> bytes:
    """A 1x1 scanline EXR header declaring `count` half channels (OpenEXR file layout)."""

    def attr(name: str, kind: str, value: bytes) -> bytes:
        return name.encode() + b"\0" + kind.encode() + b"\0" + struct.pack("<i", len(value)) + value

    chlist = b"".join(f"c{i}".encode() + b"\0" + struct.pack("<iBBBBii", 1, 0, 0, 0, 0, 1, 1) for i in range(count))
    box = struct.pack("<iiii", 0, 0, 0, 0)
    header = attr("channels", "chlist", chlist + b"\0") + attr("compression", "compression", b"\0")
    header += attr("dataWindow", "box2i", box) + attr("displayWindow", "box2i", box)
    header += attr("lineOrder", "lineOrder", b"\0") + attr("pixelAspectRatio", "float", struct.pack("<f", 1))
    header += attr("screenWindowCenter", "v2f", struct.pack("<ff", 0, 0))
    header += attr("screenWindowWidth", "float", struct.pack("<f", 1))
    return b"\x76\x2f\x31\x01" + struct.pack("<I", 2) + header + b"\0" + b"\0" * 16


def test_exr_with_70000_channels_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "wide.exr"
    path.write_bytes(_exr_with_channels(70_000))
    start = time.perf_counter()
    with pytest.raises(vfx_rs.FormatError, match=r"wide\.exr: EXR part declares more than 1024 channels"):
        vfx_rs.read(path)
    assert time.perf_counter() - start < 2.0


def test_exr_reading_leaves_other_threads_output_alone(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """The reader once redirected fds 1 and 2: other threads' output vanished, and a valid file was
    refused when that output said "Exception"."""
    path = tmp_path / "ok.exr"
    vfx_rs.write(path, np.random.default_rng(2).random((256, 256, 4)).astype(np.float32))
    stop = threading.Event()

    def chatter() -> None:
        while not stop.is_set():
            os.write(1, b"Exception from another thread\n")
            time.sleep(0.001)

    thread = threading.Thread(target=chatter)
    thread.start()
    try:
        for _ in range(20):
            assert vfx_rs.read(path).width == 256
    finally:
        stop.set()
        thread.join()
    assert "Exception from another thread" in capfd.readouterr().out


def test_truncated_exr_names_what_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "cut.exr"
    vfx_rs.write(path, np.random.default_rng(3).random((32, 32, 3)).astype(np.float32))
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(vfx_rs.FormatError, match=r"cut\.exr: damaged EXR data: .*1 part") as info:
        vfx_rs.read(path)
    assert "Unable to open" not in str(info.value)


def test_unnamed_parts_message(tmp_path: Path) -> None:
    path = tmp_path / "one.exr"
    vfx_rs.write(path, np.zeros((2, 2, 3), np.float32))
    with pytest.raises(vfx_rs.NotFoundError, match=r"no part named 'x' \(part names: none") as info:
        vfx_rs.read(path, part="x")
    assert "None" not in str(info.value)


def test_decoder_internal_errors_become_plain_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tifffile failing inside its parsing once surfaced as "'<' not supported between instances..."."""
    import tifffile

    path = tmp_path / "odd.tif"
    vfx_rs.write(path, np.zeros((4, 4, 3), np.float32))

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("'<' not supported between instances of 'NoneType' and 'int'")

    monkeypatch.setattr(tifffile, "TiffFile", broken)
    with pytest.raises(vfx_rs.FormatError, match=r"odd\.tif: .*header field, length or offset is invalid") as info:
        vfx_rs.read(path)
    assert "NoneType" not in str(info.value)


def test_exr_attribute_of_unknown_type_with_a_non_utf8_type_name(tmp_path: Path) -> None:
    """Fuzzing found a damaged attribute type name that OpenEXR keeps as an opaque attribute whose text
    cannot be decoded: `str` of it raised UnicodeDecodeError; its raw bytes are kept instead."""
    import OpenEXR

    path = tmp_path / "opaque.exr"
    header = {"type": OpenEXR.scanlineimage, "compression": OpenEXR.NO_COMPRESSION, "note": "xyz"}
    OpenEXR.File(header, {"R": OpenEXR.Channel(np.ones((2, 2), np.float32))}).write(str(path))
    data = path.read_bytes()
    assert data.count(b"note\x00string\x00") == 1
    path.write_bytes(data.replace(b"note\x00string\x00", b"note\x00str\xffng\x00"))
    image = vfx_rs.read(path)
    assert image.metadata["note"] == b"xyz"
    np.testing.assert_array_equal(image.pixels, np.ones((2, 2, 1), np.float32))


def test_dng_black_level_repeat_larger_than_the_image_is_refused(tmp_path: Path) -> None:
    """bench/fuzz.py dng:1026405118: a 2 kB DNG whose BlackLevelRepeatDim says 11654x7677 over a 32x16 raw
    had its one BlackLevel repeated into 683 MB (2 GB peak RSS) before any check."""
    import tracemalloc

    import tifffile

    from tests.vfx_rs.io.dng_craft import dng_tags

    tags = [(50713, "H", 2, (11654, 7677)) if tag[0] == 50713 else tag for tag in dng_tags("RGGB", 64, 4095)]
    path = tmp_path / "repeat.dng"
    with tifffile.TiffWriter(path) as tif:
        tif.write(np.zeros((16, 32), np.uint16), photometric=32803, subfiletype=0, extratags=tags)
    tracemalloc.start()
    try:
        with pytest.raises(vfx_rs.FormatError, match=r"repeat\.dng: DNG BlackLevelRepeatDim 11654x7677 does not fit"):
            vfx_rs.read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024**2
