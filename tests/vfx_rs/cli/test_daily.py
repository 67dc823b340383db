"""`vfx daily`: a synthetic ACEScg sequence through the ACES sRGB view into ProRes and H.264, decoded with
PyAV directly and compared with PyOpenColorIO applying the same view to the same frames."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import PyOpenColorIO as OCIO
import pytest

import vfx_rs
from tests.vfx_rs.cli.aces13 import ACES13_CONFIG, ACES13_VIEW
from tests.vfx_rs.io.movie_ref import ffmpeg_rgb

av = pytest.importorskip("av", reason="movies need PyAV (the [movie] extra)")

FRAMES = range(1001, 1007)
VIEW = ACES13_VIEW
ATOL_PRORES_VIEW = 0.006
"""ProRes 422 HQ (10-bit 4:2:2) on flat patches after the view: measured 0.0016."""


def _scene(frame: int) -> np.ndarray:
    """Flat ACEScg patches; the first patch's level encodes the frame."""
    x = np.empty((48, 64, 4), np.float32)
    x[...] = (0.18, 0.18, 0.18, 1.0)
    x[:, 32:] = (0.6, 0.3, 0.05, 1.0)
    x[8:24, 8:24, :3] = 0.02 * (frame - 1000)
    return x


def _ocio_view(rgb: np.ndarray) -> np.ndarray:
    cfg = OCIO.Config.CreateFromBuiltinConfig(ACES13_CONFIG)
    t = OCIO.DisplayViewTransform(src="ACEScg", display="sRGB - Display", view="ACES 1.0 - SDR Video")
    cpu = cfg.getProcessor(t).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    out = np.ascontiguousarray(rgb[..., :3])
    cpu.applyRGB(out)
    return out


def _decoded(path: Path) -> tuple[list[np.ndarray], object]:
    """Frames as FFmpeg converts them with BT.709 narrow-range input (float R'G'B'), and the stream."""
    frames = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        info = (stream.codec_context.color_primaries, stream.codec_context.color_trc, stream.metadata.get("timecode"))
        for f in container.decode(stream):
            frames.append(ffmpeg_rgb(f))
    return frames, info


@pytest.fixture(scope="module")
def sequence(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("daily")
    for f in FRAMES:
        vfx_rs.write(folder / f"sh010.{f}.exr", vfx_rs.Image(_scene(f)), pixel_type="half")
    return folder


def test_prores_daily_equals_the_ocio_view(run_vfx, sequence: Path) -> None:
    out = sequence / "sh010.mov"
    proc = run_vfx("daily", sequence / "sh010.####.exr", "-o", out, *VIEW, "-j", "2", "--timecode", "01:00:00:00")
    assert proc.returncode == 0, proc.stderr
    assert "wrote" in proc.stderr and "6 frames" in proc.stderr
    frames, (primaries, transfer, timecode) = _decoded(out)
    assert (primaries, transfer, timecode) == (1, 13, "01:00:00:00")  # BT.709 primaries, sRGB transfer
    assert len(frames) == len(FRAMES)
    for frame, rgb in zip(FRAMES, frames, strict=True):
        expected = _ocio_view(vfx_rs.read(sequence / f"sh010.{frame}.exr").numpy())
        for region in (np.s_[12:20, 12:20], np.s_[30:44, 4:28], np.s_[4:44, 40:60]):
            np.testing.assert_allclose(rgb[region], expected[region], atol=ATOL_PRORES_VIEW)


def test_burn_in_draws_the_frame_number_and_default_timecode(run_vfx, sequence: Path) -> None:
    plain, burnt = sequence / "plain.mp4", sequence / "burnt.mp4"
    common = ("daily", sequence / "sh010.####.exr", *VIEW, "--codec", "h264", "--frames", "1001-1003")
    assert run_vfx(*common, "-o", plain).returncode == 0
    proc = run_vfx(*common, "-o", burnt, "--burnin", "frame,timecode")
    assert proc.returncode == 0, proc.stderr
    a, (_, _, timecode) = _decoded(plain)
    b, _ = _decoded(burnt)
    assert timecode == "00:00:41:17"  # frame 1001 at 24 fps
    assert len(b) == 3 and np.abs(a[0] - b[0])[30:, :].max() > 0.3  # text in the bottom rows
    np.testing.assert_allclose(a[0][:16], b[0][:16], atol=0.02)  # nothing drawn at the top


def test_missing_frames_and_bad_options_write_nothing(run_vfx, sequence: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.mov"
    proc = run_vfx("daily", sequence / "sh010.####.exr", "-o", out, *VIEW, "--frames", "1001-1010")
    assert proc.returncode == 1 and "4 frames of" in proc.stderr and "missing (1007, 1008, 1009, 1010)" in proc.stderr
    proc = run_vfx("daily", sequence / "sh010.####.exr", "-o", out, *VIEW, "--burnin", "date")
    assert proc.returncode == 1 and "unknown field(s) date" in proc.stderr
    (tmp_path / "bad.1001.exr").write_bytes(b"v/1\x01 not an exr")
    proc = run_vfx("daily", tmp_path / "bad.####.exr", "-o", out, *VIEW)
    assert proc.returncode == 1 and "bad.1001.exr" in proc.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["bad.1001.exr"]
