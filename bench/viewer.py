"""Viewer speed: first frame for a 3840x2160 EXR, redraw after an exposure change, export through the view.

Run under a display (``xvfb-run -a .venv/bin/python bench/viewer.py`` on a headless
machine). Goals: first frame < 1.0 s from process start (issue 13: `vfxview IMAGE` as run); UI-thread CPU per paint under 1 ms
for pan and zoom and under 2 ms for an exposure change (issue 12: no pipeline rebuild, uniforms only);
export within 2x of PyOpenColorIO plus OpenEXR doing the same (bench-only imports).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

import viewer_sequence  # bench/viewer_sequence.py: sequence playback and the read-ahead cache

import vfx_rs
from tests.vfxview import first_paint
from vfx_rs.view import OCIO_DEFAULT_CONFIG, OCIO_DEFAULT_VIEW
from vfxview import commands

W, H = 3840, 2160

_FIRST_FRAME = first_paint.script(
    """
    from OpenGL import GL
    GL.glFinish()
    print(time.time() - float(sys.argv[2]), flush=True)
    """
)
"""A fresh process that runs ``vfxview IMAGE START`` as a user would; prints seconds from START to the first paint."""


def first_frame_from_process_start(path: Path, runs: int = 5) -> tuple[float, float]:
    """Seconds from starting a Python process to the first frame of `path` drawn: best and median of `runs`."""
    root = str(Path(__file__).resolve().parents[1])
    best = []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", _FIRST_FRAME, str(path), repr(start)], cwd=root, capture_output=True, text=True
        )
        if out.returncode != 0:
            raise RuntimeError(out.stderr)
        best.append(float(out.stdout.strip().splitlines()[-1]))
    return min(best), float(np.median(best))


def ocio_openexr_export(pixels: np.ndarray, out: Path, space: str) -> float:
    """Seconds for PyOpenColorIO (the viewer's default: OCIO's default config and view, LOSSLESS CPU) plus OpenEXR
    to do the viewer's export."""
    import OpenEXR
    import PyOpenColorIO as OCIO

    t0 = time.perf_counter()
    cfg = OCIO.Config.CreateFromFile(OCIO_DEFAULT_CONFIG)
    transform = OCIO.DisplayViewTransform(src=space, display="sRGB - Display", view=OCIO_DEFAULT_VIEW)
    cpu = cfg.getProcessor(transform).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    rgba = pixels.copy()
    cpu.applyRGBA(rgba)
    header = {"compression": OpenEXR.ZIP_COMPRESSION, "type": OpenEXR.scanlineimage}
    channels = {"RGBA": rgba}
    with OpenEXR.File(header, channels) as f:
        f.write(str(out))
    return time.perf_counter() - t0


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from vfxview.window import MainWindow

    app = QApplication.instance() or QApplication([])
    rng = np.random.default_rng(7)
    pixels = np.exp(rng.uniform(-6, 3, size=(H, W, 4))).astype(np.float32)
    pixels[..., 3] = 1.0
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "uhd.exr"
    can_exr = True
    try:
        vfx_rs.write(src, vfx_rs.Image(pixels, format="f16"))
    except Exception:  # the EXR writer may not be installed in this checkout
        can_exr = False
    win = MainWindow(remember_layout=False)
    win.resize(1600, 1000)
    win.show()
    app.processEvents()
    vp = win.viewport

    t0 = time.perf_counter()
    if can_exr:
        commands.open_image(win.state, src)
    else:
        commands.show_loaded(win.state, "memory", vfx_rs.Image(pixels))
    vp.repaint()
    app.processEvents()
    vp.makeCurrent()
    from OpenGL import GL

    GL.glFinish()
    first = time.perf_counter() - t0

    def paint_cpu(change) -> float:
        """Median UI-thread CPU seconds of `change(i)` plus the paintGL it causes (scope workers run beside it)."""
        times = []
        for i in range(30):
            c0 = time.thread_time()
            change(i)
            vp.makeCurrent()
            vp.paintGL()  # what a redraw runs on the CPU: (uniforms) -> draw call
            GL.glFlush()
            times.append(time.thread_time() - c0)
        return float(np.median(times))

    compiles = vp.compile_count
    pan = paint_cpu(lambda i: setattr(vp, "pan", vp.pan + np.array([3.0, -2.0])))
    zoom = paint_cpu(lambda i: setattr(vp, "zoom", vp.zoom * (1.05 if i % 2 else 1 / 1.05)))
    redraw = paint_cpu(lambda i: commands.set_exposure(win.state, (i % 10) * 0.1))
    grade = paint_cpu(lambda i: commands.set_grade(win.state, slope=1.0 + i * 0.01, saturation=1.0 - i * 0.01))
    recompiles = vp.compile_count - compiles

    from vfxview.workers import wait_all

    GL.glFinish()  # llvmpipe draws on its own threads: let the queued redraws finish before timing the export
    wait_all()  # and any scopes job: the export is timed alone
    t0 = time.perf_counter()
    out = tmp / ("out.exr" if can_exr else "none")
    if can_exr:
        commands.export(win.state, out)
    else:
        win.state.settings.apply(win.state.image)
    export = time.perf_counter() - t0
    space = win.state.input_space
    win.close()
    reference = ocio_openexr_export(vfx_rs.read(src).numpy(), tmp / "ocio.exr", space) if can_exr else float("nan")
    start_to_frame, start_median = first_frame_from_process_start(src) if can_exr else (float("nan"),) * 2
    what = (
        "read EXR + upload + compile + draw"
        if can_exr
        else "upload + compile + draw (no EXR reader yet: in-memory image)"
    )
    print(f"first frame ({what}), in a running app: {first:.3f} s")
    print(
        "first frame from process start (`vfxview uhd.exr`: read in a forked child beside imports and window, draw): "
        f"best of 5 {start_to_frame:.3f} s, median {start_median:.3f} s"
    )
    print(f"UI-thread CPU per paint, median of 30 (4K image; recompiles during these: {recompiles}):")
    print(f"  pan: {pan * 1000:.3f} ms   zoom: {zoom * 1000:.3f} ms   (goal < 1 ms)")
    print(
        f"  exposure change + paint: {redraw * 1000:.3f} ms   grade change + paint: {grade * 1000:.3f} ms   (goal < 2 ms)"
    )
    print(f"export through the view ({'to EXR' if can_exr else 'NumPy core only, no writer'}): {export:.3f} s")
    print(
        f"PyOpenColorIO + OpenEXR doing the same ({space} -> sRGB - Display / {OCIO_DEFAULT_VIEW}): {reference:.3f} s"
    )
    print(f"export / reference: {export / reference:.2f}")
    viewer_sequence.main()


if __name__ == "__main__":
    main()
