"""Read and write speed: vfx_rs against the bare codec calls and OpenImageIO, in one run.

3840x2160 RGBA half EXR (ZIP and PIZ) and 16-bit RGBA PNG. Prints best-of-N
milliseconds and the ratios vfx_rs/bare (the overhead of our layer) and
vfx_rs/OpenImageIO. Run: ``.venv/bin/python bench/io.py``.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

import vfx_rs

W, H, REPEAT = 3840, 2160, 3


def best(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000.0


def frame() -> np.ndarray:
    y, x = np.mgrid[0:H, 0:W].astype(np.float32)
    rgb = np.stack([x / W, y / H, 0.5 + 0.5 * np.sin(x / 37.0) * np.cos(y / 23.0)], -1) * 4.0
    noise = np.random.default_rng(0).normal(0, 0.01, (H, W, 3)).astype(np.float32)
    return np.concatenate([rgb + noise, np.ones((H, W, 1), np.float32)], -1)


def bench_exr(path: str, half: np.ndarray, compression: str) -> list[tuple[str, float, float, float]]:
    """Rows for reading and writing one EXR compression."""
    import OpenEXR
    import OpenImageIO as oiio

    img = vfx_rs.Image(half)
    header = {"compression": getattr(OpenEXR, f"{compression.upper()}_COMPRESSION"), "type": OpenEXR.scanlineimage}
    channels = {c: np.ascontiguousarray(half[..., i]) for i, c in enumerate("RGBA")}
    spec = oiio.ImageSpec(W, H, 4, oiio.HALF)
    spec.attribute("compression", compression)

    def oiio_write() -> None:
        out = oiio.ImageOutput.create(path)
        out.open(path, spec)
        out.write_image(half)
        out.close()

    bare_w = best(lambda: OpenEXR.File(header, channels).write(path))
    ours_w = best(lambda: vfx_rs.write(path, img, compression=compression))
    oiio_w = best(oiio_write)
    bare_r = best(lambda: OpenEXR.File(path, separate_channels=True).parts[0].channels["R"].pixels)
    ours_r = best(lambda: vfx_rs.read(path))
    oiio_r = best(lambda: oiio.ImageBuf(path).get_pixels(oiio.FLOAT))
    return [
        (f"EXR half RGBA {compression} read", ours_r, bare_r, oiio_r),
        (f"EXR half RGBA {compression} write", ours_w, bare_w, oiio_w),
    ]


def main() -> None:
    import imagecodecs
    import OpenImageIO as oiio

    data = frame()
    half = data.astype(np.float16)
    folder = tempfile.mkdtemp()
    rows = []
    for compression in ("zip", "piz"):
        rows += bench_exr(os.path.join(folder, f"bench_{compression}.exr"), half, compression)
    png = Path(folder) / "bench.png"
    codes = np.rint(np.clip(data / 4.0, 0, 1) * 65535).astype(np.uint16)
    codes[..., 3] = 65535  # opaque, so the bare encoder sees exactly the codes vfx_rs writes
    img16 = vfx_rs.Image(codes)
    bare_w = best(lambda: png.write_bytes(imagecodecs.png_encode(codes)))
    ours_w = best(lambda: vfx_rs.write(png, img16))
    spec16 = oiio.ImageSpec(W, H, 4, oiio.UINT16)

    def oiio_png() -> None:
        out = oiio.ImageOutput.create(str(png))
        out.open(str(png), spec16)
        out.write_image(codes)
        out.close()

    oiio_w = best(oiio_png)
    bare_r = best(lambda: imagecodecs.png_decode(png.read_bytes()))
    ours_r = best(lambda: vfx_rs.read(png))
    oiio_r = best(lambda: oiio.ImageBuf(str(png)).get_pixels(oiio.FLOAT))
    rows.append(("PNG 16-bit RGBA read", ours_r, bare_r, oiio_r))
    rows.append(("PNG 16-bit RGBA write", ours_w, bare_w, oiio_w))

    print(f"3840x2160, best of {REPEAT}, ms")
    print("| operation | vfx_rs | bare codec | OpenImageIO | vfx_rs / bare | vfx_rs / OIIO |")
    print("|---|---|---|---|---|---|")
    for name, ours, bare, ref in rows:
        print(f"| {name} | {ours:.0f} | {bare:.0f} | {ref:.0f} | {ours / bare:.2f} | {ours / ref:.2f} |")


if __name__ == "__main__":
    main()
