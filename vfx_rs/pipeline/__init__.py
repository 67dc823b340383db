"""The transform pipeline: one op-list description, two executors.

Every color operation in `vfx_rs` (color spaces, transfer functions, CDL,
LUTs, ACES, OCIO processors, the viewer's grade) compiles to a `Pipeline`
of primitive ops. The NumPy executor (`Pipeline.apply`) is the exact path;
the GLSL emitter (`Pipeline.glsl`) feeds the viewer's preview.
"""

from __future__ import annotations

from vfx_rs.pipeline.execute import TILE_PIXELS, apply_ops
from vfx_rs.pipeline.glsl import GlslProgram, emit_glsl
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, TextureSpec, Uniform
from vfx_rs.pipeline.ops import OPS, MatrixOp, RangeOp
from vfx_rs.pipeline.pipeline import Pipeline
from vfx_rs.pipeline.simplify import simplify

__all__ = [
    "OPS",
    "TILE_PIXELS",
    "GlslNames",
    "GlslProgram",
    "GlslSnippet",
    "MatrixOp",
    "Op",
    "Pipeline",
    "RangeOp",
    "TextureSpec",
    "Uniform",
    "apply_ops",
    "emit_glsl",
    "simplify",
]
