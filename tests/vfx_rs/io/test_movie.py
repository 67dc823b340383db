"""Movies: a known synthetic sequence encoded by `write_movie` and decoded by PyAV directly (not our reader):
frame count, order, timecode, color tags and pixel values within each codec's loss; our reader against
FFmpeg's own Y'CbCr conversion with the stream's matrix; errors leave nothing behind."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.vfx_rs.io.movie_ref import ffmpeg_rgb
from vfx_rs.image import Image
from vfx_rs.io.movie import read_movie, write_movie

av = pytest.importorskip("av", reason="movies need PyAV (the [movie] extra)")

FRAMES = 7
SIZE = (48, 80)

ATOL_CODEC = {"prores_4444": 0.004, "prores_422hq": 0.004, "h264": 0.02}
"""Largest error in flat areas after encode + decode (measured: ProRes 4444 0.0014, 422 HQ 0.0015, H.264 0.012)."""

ATOL_VS_FFMPEG = 0.01
"""Our Y'CbCr conversion against FFmpeg's with the same matrix and range, away from chroma edges (where the
two chroma upsampling filters differ by up to 0.2 on a saturated 4:2:2 edge)."""

SMOOTH = (np.s_[12:36, 12:36], np.s_[42:48, 0:54], np.s_[:, 66:80])
"""Regions of `_frame` at least 4 pixels from a chroma edge: the patch, the ramp below it, the saturated strip."""


def _frame(i: int) -> np.ndarray:
    """Display code values: a ramp, a flat patch whose red encodes the frame index, a saturated corner."""
    h, w = SIZE
    x = np.zeros((h, w, 3), np.float32)
    x[..., 1] = np.linspace(0.05, 0.95, w, dtype=np.float32)
    x[..., 2] = 0.4
    x[8:40, 8:40] = (0.1 + 0.1 * i, 0.5, 0.3)
    x[:, 60:] = (0.8, 0.15, 0.1)
    return x


@pytest.fixture(scope="module", params=["prores_422hq", "prores_4444", "h264"])
def movie(request, tmp_path_factory) -> tuple[str, Path]:
    codec = request.param
    path = tmp_path_factory.mktemp("mov") / ("daily.mp4" if codec == "h264" else "daily.mov")
    count = write_movie(path, (Image(_frame(i)) for i in range(FRAMES)), 24, codec, timecode="01:00:10:05")
    assert count == FRAMES
    return codec, path


def test_pyav_reads_what_was_written(movie) -> None:
    codec, path = movie
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        ctx = stream.codec_context
        assert (ctx.color_primaries, ctx.color_trc, ctx.colorspace, ctx.color_range) == (1, 1, 1, 1)  # BT.709, narrow
        assert stream.average_rate == 24 and stream.metadata.get("timecode") == "01:00:10:05"
        decoded = [ffmpeg_rgb(f) for f in container.decode(stream)]
    assert len(decoded) == FRAMES
    for i, rgb in enumerate(decoded):
        flat = np.s_[16:32, 16:32]  # inside the patch, away from chroma edges and their codec ringing
        np.testing.assert_allclose(rgb[flat], _frame(i)[flat], atol=ATOL_CODEC[codec])
        assert np.abs(rgb[12:36, 12:36, 0].mean() - (0.1 + 0.1 * i)) < ATOL_CODEC[codec]  # frame order


def test_our_reader_matches_ffmpeg_with_the_streams_matrix(movie) -> None:
    _, path = movie
    with read_movie(path) as ours, av.open(str(path)) as container:
        assert len(ours) == FRAMES and ours.timecode == "01:00:10:05" and ours.fps == 24
        assert ours.tags == {"color_primaries": "bt709", "transfer": "bt709", "matrix": "bt709", "range": "tv"}
        reference = [ffmpeg_rgb(f) for f in container.decode(video=0)]
        for i in (4, 0, 6, 2):  # random access, backwards too
            frame = ours[i]
            assert frame.metadata["frame"] == i and frame.metadata["timecode"] == "01:00:10:05"
            ours_clipped = np.clip(frame.pixels[..., :3], 0.0, 1.0)  # FFmpeg's float output is clamped; ours is not
            for region in SMOOTH:
                np.testing.assert_allclose(ours_clipped[region], reference[i][region], atol=ATOL_VS_FFMPEG)
        assert [f.metadata["frame"] for f in ours] == list(range(FRAMES))


def test_swscale_default_conversion_would_be_wrong(movie) -> None:
    """Why the reader converts itself: FFmpeg's default RGB conversion ignores the BT.709 tag."""
    _, path = movie
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
        default = frame.to_ndarray(format="rgb24").astype(np.float32) / 255
    assert np.abs(default - ffmpeg_rgb(frame)).max() > 0.05


def test_read_gives_one_frame_and_refuses_write(movie, tmp_path: Path) -> None:
    _, path = movie
    img = vfx_rs.read(path, frame=3)
    assert img.metadata["frame"] == 3 and img.width == SIZE[1]
    with pytest.raises(vfx_rs.ArgumentError, match="out of range; the movie has 7 frames"):
        vfx_rs.read(path, frame=7)
    with pytest.raises(vfx_rs.ArgumentError, match="write_movie"):
        vfx_rs.write(tmp_path / "one.mov", img)


def test_bad_arguments_and_frames_leave_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "bad.mov"
    with pytest.raises(vfx_rs.ArgumentError, match="unknown codec"):
        write_movie(target, [Image(_frame(0))], codec="dnxhr")
    with pytest.raises(vfx_rs.ArgumentError, match="timecode must read HH:MM:SS:FF"):
        write_movie(target, [Image(_frame(0))], timecode="1h")
    with pytest.raises(vfx_rs.ArgumentError, match="frame 1 is 8x8"):
        write_movie(target, [Image(_frame(0)), Image(np.zeros((8, 8, 3), np.float32))])
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_damaged_and_missing_movies_raise(tmp_path: Path, movie) -> None:
    _, good = movie
    cut = tmp_path / ("cut" + good.suffix)
    cut.write_bytes(good.read_bytes()[:400])
    with pytest.raises(vfx_rs.FormatError, match="cut"), read_movie(cut) as m:
        m[len(m) - 1]
    with pytest.raises(vfx_rs.IoError):
        read_movie(tmp_path / "none.mov")
