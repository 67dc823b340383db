"""Ops speed at 4K: Lanczos3 and triangle resize, gaussian blur (sigma 5), over, against OpenImageIO and SciPy.

``.venv/bin/python bench/ops.py`` prints a Markdown table (best of `--repeat` runs) and, for each
vfx_rs result, the largest difference from the peer computing the same thing, then where vfx_rs
spends its time. Goals (issue 6): resize and blur at most half OpenImageIO's time, over within 2x.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import OpenImageIO as oiio
from scipy import ndimage

from vfx_rs import ops
from vfx_rs.ops import _banded
from vfx_rs.ops.blur import _axis_weights, blur_kernel
from vfx_rs.ops.filters import get_filter
from vfx_rs.ops.resize import resize_weights

W, H = 3840, 2160
IBA = oiio.ImageBufAlgo


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time in ms over `repeat` runs, and the last result."""
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1e3, out


def oiio_pixels(buf: Any) -> np.ndarray:
    assert not buf.has_error, buf.geterror()
    return np.asarray(buf.get_pixels(oiio.FLOAT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(6)
    y, x = np.mgrid[0:H, 0:W] / W
    smooth = np.stack([0.5 + 0.4 * np.sin(40 * x + k) * np.cos(30 * y - k) for k in range(4)], axis=-1)
    img = (smooth + 0.05 * rng.random((H, W, 4))).astype(np.float32)
    fg = rng.random((H, W, 4), dtype=np.float32)
    fg[..., :3] *= fg[..., 3:]
    bg = img.copy()
    buf, fg_buf, bg_buf = oiio.ImageBuf(img), oiio.ImageBuf(fg), oiio.ImageBuf(bg)
    half = oiio.ROI(0, W // 2, 0, H // 2, 0, 1, 0, 4)
    rows: list[tuple[str, float, str, float, float]] = []

    for name in ("lanczos3", "triangle"):
        ours_ms, ours = best(lambda name=name: ops.resize(img, W // 2, H // 2, filter=name), args.repeat)
        peer_ms, peer = best(lambda name=name: IBA.resize(buf, filtername=name, roi=half), args.repeat)
        diff = float(np.abs(ours - oiio_pixels(peer)).max())
        rows.append((f"resize 3840x2160 -> 1920x1080 {name}", ours_ms, "OpenImageIO resize", peer_ms, diff))

    sigma = 5.0
    kernel = blur_kernel(sigma=sigma).astype(np.float32)
    reach = len(kernel) // 2
    kx = oiio.ImageBuf(kernel.reshape(1, -1, 1).copy())
    kx.set_origin(-reach, 0)
    ky = oiio.ImageBuf(kernel.reshape(-1, 1, 1).copy())
    ky.set_origin(0, -reach)
    ours_ms, ours = best(lambda: ops.blur(img, sigma=sigma), args.repeat)
    peer_ms, peer = best(lambda: ndimage.gaussian_filter(img, (sigma, sigma, 0), mode="nearest"), args.repeat)
    rows.append(
        ("gaussian blur sigma 5 (41 taps)", ours_ms, "SciPy gaussian_filter", peer_ms, float(np.abs(ours - peer).max()))
    )
    peer_ms, peer = best(lambda: IBA.convolve(IBA.convolve(buf, kx), ky), 1)
    diff = float(np.abs(ours - oiio_pixels(peer)).max())
    rows.append(("gaussian blur sigma 5 (41 taps)", ours_ms, "OpenImageIO convolve 41x1 then 1x41", peer_ms, diff))

    target = np.empty_like(img)
    dst = oiio.ImageBuf(fg_buf.spec())
    peer_ms, _ = best(lambda: IBA.over(dst, fg_buf, bg_buf), 5 * args.repeat)
    ours_ms, _ = best(lambda: ops.over(fg, bg, out=target), 5 * args.repeat)
    diff = float(np.abs(target - oiio_pixels(dst)).max())
    rows.append(("over RGBA into an existing image", ours_ms, "OpenImageIO over(dst, A, B)", peer_ms, diff))
    ours_ms, _ = best(lambda: ops.over(fg, bg), 5 * args.repeat)
    peer_ms, _ = best(lambda: IBA.over(fg_buf, bg_buf), 5 * args.repeat)
    rows.append(("over RGBA into a new image", ours_ms, "OpenImageIO over(A, B)", peer_ms, diff))

    print(f"3840x2160 RGBA float32, best of {args.repeat} (over: {5 * args.repeat}), OpenImageIO {oiio.__version__}")
    print("| operation | vfx_rs ms | peer | peer ms | vfx_rs / peer | max abs diff |")
    print("|---|---|---|---|---|---|")
    for op, ours_ms, peer, peer_ms, diff in rows:
        print(f"| {op} | {ours_ms:.0f} | {peer} | {peer_ms:.0f} | {ours_ms / peer_ms:.2f}x | {diff:.1e} |")
    breakdown(img, args.repeat)


def breakdown(img: np.ndarray, repeat: int) -> None:
    """Time of each separable pass (matrix products) and of the finite check, for the resize and the blur."""
    lanczos = get_filter("lanczos3")
    finite_ms, _ = best(lambda: _banded.all_finite(img), repeat)
    wy = resize_weights(H, H // 2, lanczos)
    wx = resize_weights(W, W // 2, lanczos)
    rows_ms, tall = best(lambda: _banded.apply_rows(img, wy, True), repeat)
    cols_ms, _ = best(lambda: _banded.apply_columns(tall, wx, True), repeat)
    kernel = blur_kernel(sigma=5.0)
    by, bx = _axis_weights(H, kernel, "clamp"), _axis_weights(W, kernel, "clamp")
    blur_rows_ms, blurred = best(lambda: _banded.apply_rows(img, by, True), repeat)
    blur_cols_ms, _ = best(lambda: _banded.apply_columns(blurred, bx, True), repeat)
    print()
    print(f"- finite check (one BLAS row sum): {finite_ms:.0f} ms")
    print(
        f"- Lanczos3 resize: vertical pass 2160 -> 1080 rows {rows_ms:.0f} ms, horizontal 3840 -> 1920 {cols_ms:.0f} ms"
    )
    print(f"- blur sigma 5: vertical pass {blur_rows_ms:.0f} ms, horizontal pass {blur_cols_ms:.0f} ms")


if __name__ == "__main__":
    main()
