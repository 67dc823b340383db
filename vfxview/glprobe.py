"""Read the real GLSL back at one pixel, op by op: the GPU side of the transform debugger.

`GlPixelTracer` compiles one probe shader (``shaders/pipeline_probe.frag`` with
`vfx_rs.pipeline.glsl.emit_glsl` of the op list and a stop uniform: the very
per-op code, uniform names and textures the viewport compiles, with a return
after each op) and draws it once per op with the stop set to that op, reading
each value back from an RGBA32F framebuffer: the k-th value is what the
viewport's shader holds after op k.
Needs a current OpenGL 3.3 core context (the viewport's, or `offscreen_context`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

import numpy as np
from OpenGL import GL

from vfx_rs.pipeline import Op
from vfx_rs.pipeline.glsl import emit_glsl
from vfxview.glprogram import GlError, ShaderProgram, load_shader, read_float

__all__ = ["STOP_UNIFORM", "GlPixelTracer", "offscreen_context", "render_prefixes"]

STOP_UNIFORM = "u_probe_stop"
"""The probe program's uniform: the index of the op after which it returns (`vfx_rs.pipeline.glsl.emit_glsl`)."""


@contextlib.contextmanager
def offscreen_context() -> Iterator[object]:
    """A current offscreen OpenGL 3.3 core context (needs a QApplication); raises `GlError` when none can be made."""
    from PySide6.QtGui import QOffscreenSurface, QOpenGLContext, QSurfaceFormat

    fmt = QSurfaceFormat()
    fmt.setVersion(3, 3)
    fmt.setProfile(QSurfaceFormat.OpenGLContextProfile.CoreProfile)
    context = QOpenGLContext()
    context.setFormat(fmt)
    if not context.create():
        raise GlError("no OpenGL 3.3 context: run under a display or Xvfb (xvfb-run -a)")
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    if not context.makeCurrent(surface):
        raise GlError("could not make the OpenGL context current")
    try:
        yield context
    finally:
        context.doneCurrent()


class GlPixelTracer:
    """Reads the GLSL value of one pixel after each op; keeps the compiled program while the structure holds.

    Use (and `delete`) with the same current context. Compiling is the slow part (seconds for an ACES
    view on llvmpipe); a new grade or exposure only uploads uniforms.
    """

    def __init__(self) -> None:
        self._shader: ShaderProgram | None = None
        self._structure: tuple[object, ...] | None = None
        self.compile_count = 0

    def _program(self, ops: Sequence[Op]) -> ShaderProgram:
        glsl = emit_glsl(ops, stop_uniform=STOP_UNIFORM)
        if self._shader is None or glsl.structure != self._structure:
            self.delete()
            self._shader = ShaderProgram(load_shader("fullscreen.vert"), load_shader("pipeline_probe.frag"), glsl)
            self._shader.declare("u_source", "int")
            self._shader.declare(STOP_UNIFORM, "int")
            self._structure = glsl.structure
            self.compile_count += 1
        else:
            self._shader.set_uniforms(glsl.uniforms)
            for name, spec in glsl.textures.items():
                self._shader.set_texture(name, spec)
        return self._shader

    def values(self, ops: Sequence[Op], rgb: Sequence[float], restore_framebuffer: int = 0) -> np.ndarray:
        """The GLSL value of the RGB pixel `rgb` after each op of `ops`: float32 ``(len(ops), 3)``."""
        if not ops:
            return np.empty((0, 3), np.float32)
        shader = self._program(ops)
        texel = np.zeros((1, 1, 4), np.float32)
        texel[0, 0, :3] = np.asarray(rgb, np.float32)[:3]
        source = int(GL.glGenTextures(1))
        GL.glActiveTexture(GL.GL_TEXTURE0)
        GL.glBindTexture(GL.GL_TEXTURE_2D, source)
        for param in (GL.GL_TEXTURE_MIN_FILTER, GL.GL_TEXTURE_MAG_FILTER):
            GL.glTexParameteri(GL.GL_TEXTURE_2D, param, GL.GL_NEAREST)
        GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)
        GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA32F, 1, 1, 0, GL.GL_RGBA, GL.GL_FLOAT, texel)
        vao = int(GL.glGenVertexArrays(1))
        out = np.empty((len(ops), 3), np.float32)
        try:
            for k in range(len(ops)):

                def draw(k: int = k) -> None:
                    GL.glUseProgram(shader.handle)
                    shader.set_uniform("u_source", 0)
                    shader.set_uniform(STOP_UNIFORM, k)
                    GL.glActiveTexture(GL.GL_TEXTURE0)
                    GL.glBindTexture(GL.GL_TEXTURE_2D, source)
                    shader.bind_textures()
                    GL.glBindVertexArray(vao)
                    GL.glDrawArrays(GL.GL_TRIANGLES, 0, 3)

                out[k] = read_float(1, 1, draw, restore_framebuffer)[0, 0, :3]
        finally:
            GL.glDeleteTextures([source])
            GL.glBindVertexArray(0)
            GL.glDeleteVertexArrays(1, [vao])
        return out

    def delete(self) -> None:
        """Free the compiled program (with the context it was made in current)."""
        if self._shader is not None:
            self._shader.delete()
        self._shader, self._structure = None, None


def render_prefixes(ops: Sequence[Op], rgb: Sequence[float], restore_framebuffer: int = 0) -> np.ndarray:
    """The GLSL value of one RGB pixel after each op of `ops` (a one-off `GlPixelTracer`): ``(len(ops), 3)``."""
    tracer = GlPixelTracer()
    try:
        return tracer.values(ops, rgb, restore_framebuffer)
    finally:
        tracer.delete()
