"""Offscreen OpenGL for tests: render a pipeline's GLSL and read the floats back.

Uses a QOffscreenSurface with an OpenGL 3.3 core context (Xvfb + Mesa's
llvmpipe here, started by pytest-xvfb), the project's own `vfxview.glprogram`
and the ``pipeline_probe.frag`` skeleton, so the tests run the same GLSL the
viewer runs.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest


def make_context() -> Iterator[object]:
    """Yield a current offscreen GL 3.3 core context; fail loudly when none can be made."""
    pytest.importorskip("PySide6", reason="the [app] extra (PySide6) is not installed")
    pytest.importorskip("OpenGL", reason="the [app] extra (PyOpenGL) is not installed")
    from PySide6.QtGui import QOffscreenSurface, QOpenGLContext, QSurfaceFormat
    from PySide6.QtWidgets import QApplication

    # A QApplication (not a bare QGuiApplication), so widget tests (pytest-qt) can run in the same session.
    app = QApplication.instance() or QApplication([])
    fmt = QSurfaceFormat()
    fmt.setVersion(3, 3)
    fmt.setProfile(QSurfaceFormat.OpenGLContextProfile.CoreProfile)
    context = QOpenGLContext()
    context.setFormat(fmt)
    if not context.create():
        pytest.fail(f"no OpenGL 3.3 context on Qt platform {app.platformName()!r}: run under Xvfb (make test does)")
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    if not context.makeCurrent(surface):
        pytest.fail("could not make the OpenGL context current")
    yield context
    context.doneCurrent()


def render_pipeline(program: object, rgb: np.ndarray, width: int = 256) -> np.ndarray:
    """Run a `GlslProgram` over ``(n, 3)`` float32 values on the GPU; return ``(n, 3)``."""
    from OpenGL import GL

    from vfxview.glprogram import ShaderProgram, load_shader, read_float

    n = rgb.shape[0]
    height = -(-n // width)
    texels = np.zeros((height * width, 4), np.float32)
    texels[:n, :3] = rgb
    texels = texels.reshape(height, width, 4)

    source = int(GL.glGenTextures(1))
    GL.glActiveTexture(GL.GL_TEXTURE0)
    GL.glBindTexture(GL.GL_TEXTURE_2D, source)
    GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST)
    GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST)
    GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA32F, width, height, 0, GL.GL_RGBA, GL.GL_FLOAT, texels)

    vao = int(GL.glGenVertexArrays(1))
    shader = ShaderProgram(load_shader("fullscreen.vert"), load_shader("pipeline_probe.frag"), program)

    def draw() -> None:
        GL.glUseProgram(shader.handle)
        shader.declare("u_source", "int")
        shader.set_uniform("u_source", 0)
        GL.glActiveTexture(GL.GL_TEXTURE0)
        GL.glBindTexture(GL.GL_TEXTURE_2D, source)
        shader.bind_textures()
        GL.glBindVertexArray(vao)
        GL.glDrawArrays(GL.GL_TRIANGLES, 0, 3)

    try:
        out = read_float(width, height, draw)
    finally:
        shader.delete()
        GL.glDeleteTextures([source])
        GL.glDeleteVertexArrays(1, [vao])
    return out.reshape(height * width, 4)[:n, :3].copy()
