"""Viewer speed: first frame for a 3840x2160 image, redraw after an exposure change, export through the view.

Run under a display (``xvfb-run -a .venv/bin/python bench/viewer.py`` on a headless
machine). Goals (issue 7): first frame < 1.5 s, redraw < 16 ms CPU.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

import vfx_rs
from vfxview import commands

W, H = 3840, 2160


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

    times = []
    for i in range(30):
        c0 = time.process_time()
        commands.set_exposure(win.state, (i % 10) * 0.1)
        vp.makeCurrent()
        vp.paintGL()  # what a redraw runs on the CPU: pipeline -> uniforms -> draw call
        GL.glFlush()
        times.append(time.process_time() - c0)
    redraw = float(np.median(times))

    t0 = time.perf_counter()
    out = tmp / ("out.exr" if can_exr else "none")
    if can_exr:
        commands.export(win.state, out)
    else:
        from vfxview.display import apply_display

        apply_display(win.state.image, win.state.display_settings())
    export = time.perf_counter() - t0
    win.close()
    what = (
        "read EXR + upload + compile + draw"
        if can_exr
        else "upload + compile + draw (no EXR reader yet: in-memory image)"
    )
    print(f"first frame ({what}): {first:.3f} s")
    print(
        f"redraw after exposure change (CPU time of paintGL, median of 30): {redraw * 1000:.2f} ms (compiles {vp.compile_count})"
    )
    print(f"export through the view ({'to EXR' if can_exr else 'NumPy core only, no writer'}): {export:.3f} s")


if __name__ == "__main__":
    main()
