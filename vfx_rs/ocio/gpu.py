"""vfx-rs-py's ``GpuProcessor``: a conversion's GLSL and everything a host app binds to run it.

The shader comes from the GLSL emitter (`vfx_rs.pipeline.emit_glsl`), from the
same op list the NumPy executor runs, so it is the text `vfxview` draws with:
uniform and sampler declarations, helpers and ``vec3 <function_name>(vec3 c)``.
A host inserts `GpuShaderCode.fragment_code` into its fragment shader, sets
each of `uniforms` (matrices are row-major, math convention: transpose when
uploading) and uploads each of `textures` (float32 RGB tables read with
``texelFetch``, x fastest) before calling the function. The emitter writes
GLSL 3.30, which GLSL 4.00 also compiles; other languages raise `ArgumentError`.
"""

from __future__ import annotations

import enum
from typing import Any

from vfx_rs.errors import ArgumentError
from vfx_rs.ocio.processor import Processor
from vfx_rs.pipeline import GlslProgram, TextureSpec, Uniform, emit_glsl

__all__ = ["GpuLanguage", "GpuProcessor", "GpuShaderCode"]


class GpuLanguage(enum.IntEnum):
    """Shader languages named by vfx-rs-py; GLSL 3.30 and 4.00 are generated here."""

    Glsl120 = 0
    Glsl330 = 1
    Glsl400 = 2
    GlslEs300 = 3
    Hlsl50 = 4
    Metal = 5


_VERSIONS = {GpuLanguage.Glsl330: "#version 330 core", GpuLanguage.Glsl400: "#version 400 core"}


class GpuShaderCode:
    """Generated GLSL: `fragment_code` (declarations + function), its `uniforms` and `textures`."""

    def __init__(self, program: GlslProgram, language: GpuLanguage) -> None:
        self.program = program
        self.language = language

    @property
    def fragment_code(self) -> str:
        """Uniform and sampler declarations, helpers and ``vec3 function_name(vec3 c)``."""
        return self.program.source

    @property
    def version_directive(self) -> str:
        """The ``#version`` line the host's fragment shader starts with."""
        return _VERSIONS[self.language]

    @property
    def function_name(self) -> str:
        """The function to call on a colour: ``vec3 function_name(vec3 c)``."""
        return self.program.function_name

    @property
    def uniforms(self) -> dict[str, Uniform]:
        """Every uniform declared, with its GLSL type and value."""
        return dict(self.program.uniforms)

    @property
    def textures(self) -> dict[str, TextureSpec]:
        """Every sampler declared, with its dimensions and float32 table."""
        return dict(self.program.textures)

    def has_textures(self) -> bool:
        """True if the shader samples LUT textures."""
        return bool(self.program.textures)

    def __repr__(self) -> str:
        return f"GpuShaderCode(len={len(self.fragment_code)}, textures={self.has_textures()})"


class GpuProcessor:
    """The GPU side of a `Processor`: ``GpuProcessor.from_config(config, src, dst).generate_shader(lang)``."""

    def __init__(self, processor: Processor) -> None:
        if not isinstance(processor, Processor):
            raise ArgumentError(f"GpuProcessor needs a vfx_rs.ocio.Processor, not {type(processor).__name__}")
        self.processor = processor

    @staticmethod
    def from_config(config: Any, src: str, dst: str) -> GpuProcessor:
        """The processor from color space `src` to `dst` of `config` (a `ColorConfig` or `Config`)."""
        cfg = getattr(config, "config", config)
        return GpuProcessor(cfg.processor(src, dst))

    @staticmethod
    def from_processor(processor: Processor) -> GpuProcessor:
        """The GPU side of an existing processor (color space, display/view, look or file)."""
        return GpuProcessor(processor)

    def generate_shader(self, language: Any = GpuLanguage.Glsl330, function_name: str = "vfx_apply") -> GpuShaderCode:
        """GLSL for `language` (`GpuLanguage.Glsl330` or `Glsl400`) defining ``vec3 function_name(vec3 c)``."""
        try:
            lang = GpuLanguage(language)
        except ValueError:
            raise ArgumentError(f"unknown GpuLanguage {language!r}") from None
        if lang not in _VERSIONS:
            raise ArgumentError(
                f"GpuLanguage.{lang.name} is not generated here (the GLSL uses texelFetch and 3D integer "
                "textures of GLSL 3.30); use GpuLanguage.Glsl330 or Glsl400"
            )
        if not function_name.isidentifier():
            raise ArgumentError(f"function_name must be a GLSL identifier, not {function_name!r}")
        return GpuShaderCode(emit_glsl(self.processor.pipeline.ops, function_name), lang)

    def is_complete(self) -> bool:
        """True: every pipeline op has a GLSL twin, so the shader computes the whole conversion."""
        return True

    def num_ops(self) -> int:
        """Number of ops the shader runs (after simplification)."""
        return len(self.processor.pipeline.ops)

    def __repr__(self) -> str:
        return f"GpuProcessor(ops={self.num_ops()}, complete={self.is_complete()})"
