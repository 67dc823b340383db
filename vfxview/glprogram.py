"""Shader programs built from a skeleton plus an emitted `GlslProgram`.

The skeletons are the files of the top-level ``shaders/`` folder (``vfxview/shaders`` once installed); each has one insertion point,
``// @VFX_PIPELINE@``, where the function emitted by `vfx_rs.pipeline`
goes. `ShaderProgram.set_uniform` refuses names the manifest does not
declare, so a renamed uniform fails loudly instead of drawing stale values.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from OpenGL import GL

from vfx_rs.data_files import data_file
from vfx_rs.pipeline import GlslProgram, TextureSpec, Uniform

__all__ = ["INSERTION_POINT", "GlError", "ShaderProgram", "build_source", "load_shader", "read_float"]

INSERTION_POINT = "// @VFX_PIPELINE@"


class GlError(RuntimeError):
    """A shader failed to compile or link, or a GL resource could not be made."""


def load_shader(name: str) -> str:
    """Text of a shader file of the top-level ``shaders/`` folder (``vfxview/shaders`` once installed)."""
    return data_file("vfxview", "shaders", name).read_text(encoding="utf-8")


def build_source(skeleton: str, program: GlslProgram) -> str:
    """The skeleton with the pipeline's GLSL at its insertion point."""
    if skeleton.count(INSERTION_POINT) != 1:
        raise GlError(f"shader skeleton must contain {INSERTION_POINT!r} exactly once")
    return skeleton.replace(INSERTION_POINT, program.source)


def _text(log: bytes | str) -> str:
    """A GL info log as text: PyOpenGL returns bytes or str depending on the platform and version."""
    return log.decode(errors="replace") if isinstance(log, bytes) else str(log)


def _compile(kind: int, source: str) -> int:
    shader = GL.glCreateShader(kind)
    GL.glShaderSource(shader, source)
    GL.glCompileShader(shader)
    if not GL.glGetShaderiv(shader, GL.GL_COMPILE_STATUS):
        log = _text(GL.glGetShaderInfoLog(shader))
        GL.glDeleteShader(shader)
        numbered = "\n".join(f"{i + 1:4d} {line}" for i, line in enumerate(source.splitlines()))
        raise GlError(f"shader compile failed:\n{log}\n{numbered}")
    return int(shader)


_SETTERS = {
    "float": lambda loc, v: GL.glUniform1f(loc, float(v)),
    "int": lambda loc, v: GL.glUniform1i(loc, int(v)),
    "vec2": lambda loc, v: GL.glUniform2f(loc, *np.asarray(v, np.float32).ravel()),
    "vec3": lambda loc, v: GL.glUniform3f(loc, *np.asarray(v, np.float32).ravel()),
    "vec4": lambda loc, v: GL.glUniform4f(loc, *np.asarray(v, np.float32).ravel()),
    # Matrices are row-major NumPy (M @ v); GL_TRUE transposes them for GLSL.
    "mat3": lambda loc, v: GL.glUniformMatrix3fv(loc, 1, GL.GL_TRUE, np.asarray(v, np.float32)),
    "mat4": lambda loc, v: GL.glUniformMatrix4fv(loc, 1, GL.GL_TRUE, np.asarray(v, np.float32)),
}

_TEXTURE_TARGETS = {1: GL.GL_TEXTURE_1D, 2: GL.GL_TEXTURE_2D, 3: GL.GL_TEXTURE_3D}


def upload_texture(spec: TextureSpec) -> int:
    """Create a float RGB texture from a `TextureSpec` (nearest, clamped: read with texelFetch)."""
    target = _TEXTURE_TARGETS[spec.dimensions]
    data = np.ascontiguousarray(spec.data, dtype=np.float32)
    tex = int(GL.glGenTextures(1))
    GL.glBindTexture(target, tex)
    GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 1)
    for param in (GL.GL_TEXTURE_MIN_FILTER, GL.GL_TEXTURE_MAG_FILTER):
        GL.glTexParameteri(target, param, GL.GL_NEAREST)
    for wrap in (GL.GL_TEXTURE_WRAP_S, GL.GL_TEXTURE_WRAP_T, GL.GL_TEXTURE_WRAP_R):
        GL.glTexParameteri(target, wrap, GL.GL_CLAMP_TO_EDGE)
    if spec.dimensions == 1:
        GL.glTexImage1D(target, 0, GL.GL_RGB32F, data.shape[0], 0, GL.GL_RGB, GL.GL_FLOAT, data)
    elif spec.dimensions == 2:
        GL.glTexImage2D(target, 0, GL.GL_RGB32F, data.shape[1], data.shape[0], 0, GL.GL_RGB, GL.GL_FLOAT, data)
    else:
        d, h, w = data.shape[:3]
        GL.glTexImage3D(target, 0, GL.GL_RGB32F, w, h, d, 0, GL.GL_RGB, GL.GL_FLOAT, data)
    return tex


def read_float(width: int, height: int, draw: Callable[[], None], restore_framebuffer: int = 0) -> np.ndarray:
    """Run `draw` into a ``width x height`` RGBA32F framebuffer and read it back as float32 ``(height, width, 4)``.

    Rows come in GL order (bottom row first); no 8-bit quantisation. Needs a
    current context; `restore_framebuffer` is bound again afterwards.
    """
    target = int(GL.glGenTextures(1))
    GL.glBindTexture(GL.GL_TEXTURE_2D, target)
    GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA32F, width, height, 0, GL.GL_RGBA, GL.GL_FLOAT, None)
    fbo = int(GL.glGenFramebuffers(1))
    GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, fbo)
    GL.glFramebufferTexture2D(GL.GL_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0, GL.GL_TEXTURE_2D, target, 0)
    try:
        if GL.glCheckFramebufferStatus(GL.GL_FRAMEBUFFER) != GL.GL_FRAMEBUFFER_COMPLETE:
            raise GlError("the float framebuffer is incomplete")
        GL.glViewport(0, 0, width, height)
        draw()
        GL.glFinish()
        raw = GL.glReadPixels(0, 0, width, height, GL.GL_RGBA, GL.GL_FLOAT)
    finally:
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, restore_framebuffer)
        GL.glDeleteFramebuffers(1, [fbo])
        GL.glDeleteTextures([target])
    return np.frombuffer(raw, np.float32).reshape(height, width, 4).copy()


class ShaderProgram:
    """A linked program from a vertex shader and a skeleton filled with a pipeline.

    Must be created, used and deleted with a current GL context. Texture
    units from `first_texture_unit` on are given to the pipeline's textures.
    """

    def __init__(self, vertex: str, fragment_skeleton: str, pipeline: GlslProgram, first_texture_unit: int = 1):
        self.pipeline = pipeline
        shaders = [
            _compile(GL.GL_VERTEX_SHADER, vertex),
            _compile(GL.GL_FRAGMENT_SHADER, build_source(fragment_skeleton, pipeline)),
        ]
        self.handle = int(GL.glCreateProgram())
        for s in shaders:
            GL.glAttachShader(self.handle, s)
        GL.glLinkProgram(self.handle)
        for s in shaders:
            GL.glDeleteShader(s)
        if not GL.glGetProgramiv(self.handle, GL.GL_LINK_STATUS):
            log = _text(GL.glGetProgramInfoLog(self.handle))
            raise GlError(f"shader link failed: {log}")
        self._types: dict[str, str] = {name: u.glsl_type for name, u in pipeline.uniforms.items()}
        self._locations: dict[str, int] = {}
        self._units: dict[str, int] = {name: first_texture_unit + i for i, name in enumerate(pipeline.textures)}
        self._textures: dict[str, int] = {}
        GL.glUseProgram(self.handle)
        self.set_uniforms(pipeline.uniforms)
        for name, spec in pipeline.textures.items():
            self.set_texture(name, spec)

    def declare(self, name: str, glsl_type: str) -> None:
        """Declare a uniform of the skeleton itself (not from the pipeline)."""
        self._types[name] = glsl_type

    def set_uniform(self, name: str, value: object, glsl_type: str | None = None) -> None:
        """Set one uniform; raises KeyError for a name neither declared nor in the manifest."""
        kind = glsl_type or self._types.get(name)
        if kind is None:
            raise KeyError(f"unknown uniform {name!r}; known: {', '.join(sorted(self._types))}")
        loc = self._locations.get(name)
        if loc is None:
            loc = self._locations[name] = int(GL.glGetUniformLocation(self.handle, name))
        if loc >= 0:  # -1: the compiler dropped an unused uniform
            _SETTERS[kind](loc, value)

    def set_uniforms(self, uniforms: dict[str, Uniform]) -> None:
        """Set uniforms from a manifest (a pipeline of the same structure with new values)."""
        GL.glUseProgram(self.handle)
        for name, uniform in uniforms.items():
            self.set_uniform(name, uniform.value, uniform.glsl_type)

    def set_texture(self, name: str, spec: TextureSpec) -> None:
        """Upload (or replace) the texture for sampler `name` and bind it to its unit."""
        if name not in self._units:
            raise KeyError(f"unknown texture {name!r}; known: {', '.join(sorted(self._units))}")
        if name in self._textures:
            GL.glDeleteTextures([self._textures[name]])
        self._textures[name] = upload_texture(spec)
        GL.glUseProgram(self.handle)
        GL.glUniform1i(GL.glGetUniformLocation(self.handle, name), self._units[name])

    def bind_textures(self) -> None:
        """Bind every pipeline texture to its unit before drawing."""
        for name, tex in self._textures.items():
            GL.glActiveTexture(GL.GL_TEXTURE0 + self._units[name])
            GL.glBindTexture(_TEXTURE_TARGETS[self.pipeline.textures[name].dimensions], tex)
        GL.glActiveTexture(GL.GL_TEXTURE0)

    def delete(self) -> None:
        """Free the program and its textures."""
        if self._textures:
            GL.glDeleteTextures(list(self._textures.values()))
        self._textures.clear()
        GL.glDeleteProgram(self.handle)
