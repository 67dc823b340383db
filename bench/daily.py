"""`vfx daily` against the same job done with OpenImageIO + PyOpenColorIO + PyAV, side by side in one run.

``.venv/bin/python bench/daily.py [--frames 48] [--width 1920 --height 1080] [--jobs 1]`` writes a half-float
ACEScg EXR sequence, then times

- ``vfx daily IN.####.exr -o ours.mov --input ACEScg --display "sRGB - Display" --view "ACES 1.0 - SDR Video"``
  (the real executable, process start included), and
- the peers' way in one process: each frame read by OpenImageIO, the same view applied by PyOpenColorIO's CPU
  processor (the same built-in config), converted to 16-bit RGB and encoded by PyAV (FFmpeg's prores_ks, ProRes
  422 HQ, letting swscale convert to Y'CbCr),

and prints a Markdown table of seconds per frame and the ratio. Goal (issue 15): faster per frame.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from batch import make_sequence  # the same synthetic ACEScg sequence as bench/batch.py

CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
DISPLAY, VIEW = "sRGB - Display", "ACES 1.0 - SDR Video"
VFX = Path(sys.executable).parent / "vfx"


def peers(folder: Path, frames: int, out: Path) -> None:
    """OpenImageIO reads, PyOpenColorIO applies the view, PyAV encodes ProRes 422 HQ."""
    import av
    import OpenImageIO as oiio
    import PyOpenColorIO as OCIO

    cfg = OCIO.Config.CreateFromBuiltinConfig(CONFIG)
    t = OCIO.DisplayViewTransform(src="ACEScg", display=DISPLAY, view=VIEW)
    cpu = cfg.getProcessor(t).getDefaultCPUProcessor()
    with av.open(str(out), "w") as container:
        stream = container.add_stream("prores_ks", rate=24, options={"profile": "3"})
        stream.pix_fmt = "yuv422p10le"
        for i in range(frames):
            rgb = np.ascontiguousarray(
                oiio.ImageBuf(str(folder / f"in.{1001 + i}.exr")).get_pixels(oiio.FLOAT)[..., :3]
            )
            cpu.applyRGB(rgb)
            if i == 0:
                stream.width, stream.height = rgb.shape[1], rgb.shape[0]
            codes = np.rint(np.clip(rgb, 0, 1) * 65535).astype(np.uint16)
            for packet in stream.encode(av.VideoFrame.from_ndarray(codes, format="rgb48le")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=48)
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--jobs", type=int, default=1, help="vfx daily -j")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_sequence(folder, args.frames, args.width, args.height)
        start = time.perf_counter()
        cmd = [
            str(VFX),
            "daily",
            str(folder / "in.####.exr"),
            "-o",
            str(folder / "ours.mov"),
            "-q",
            "-j",
            str(args.jobs),
        ]
        subprocess.run(
            [*cmd, "--config", f"ocio://{CONFIG}", "--input", "ACEScg", "--display", DISPLAY, "--view", VIEW],
            check=True,
        )
        ours = (time.perf_counter() - start) / args.frames
        start = time.perf_counter()
        peers(folder, args.frames, folder / "peers.mov")
        theirs = (time.perf_counter() - start) / args.frames
    print(f"| job ({args.frames} frames {args.width}x{args.height} half EXR -> ProRes 422 HQ) | s/frame | vs peers |")
    print("|---|---|---|")
    print(f"| vfx daily -j {args.jobs} (process start included) | {ours:.3f} | {ours / theirs:.2f}x |")
    print(f"| OpenImageIO + PyOpenColorIO + PyAV | {theirs:.3f} | 1.00x |")


if __name__ == "__main__":
    main()
