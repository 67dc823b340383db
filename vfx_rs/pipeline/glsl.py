"""The GLSL emitter: one function plus a manifest of uniforms and textures.

`emit_glsl` turns an op list into GLSL source defining
``vec3 <name>(vec3 c)`` and lists every uniform and texture it reads, each
with a name unique to its op instance (``op3_m``). Only `vfxview` inserts the
text into a shader; `vfx_rs` never touches OpenGL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from vfx_rs.pipeline.op import GlslNames, Op, TextureSpec, Uniform

__all__ = ["GlslProgram", "emit_glsl"]

_SAMPLERS = {1: "sampler1D", 2: "sampler2D", 3: "sampler3D"}


@dataclass
class GlslProgram:
    """GLSL source for one op list and what it needs bound.

    Attributes
    ----------
    function_name
        The function the source defines: ``vec3 function_name(vec3 c)``.
    source
        Uniform and sampler declarations, helpers (which may read them), and the function.
    uniforms
        Every uniform the source declares, with its current value.
    textures
        Every sampler the source declares, with its data.
    structure
        Equal between two programs whose sources are equal: a viewer only
        needs to recompile when this changes.
    """

    function_name: str
    source: str
    uniforms: dict[str, Uniform] = field(default_factory=dict)
    textures: dict[str, TextureSpec] = field(default_factory=dict)
    structure: tuple[object, ...] = ()


def emit_glsl(ops: Sequence[Op], function_name: str = "vfx_apply", stop_uniform: str | None = None) -> GlslProgram:
    """Emit GLSL computing `ops` in order.

    With `stop_uniform` the function also declares ``uniform int <stop_uniform>`` and returns right after
    the op of that index (-1: after all): one program that reads back the value after any op, for the
    viewer's transform debugger, with each op's code as the full program has it.

    Examples
    --------
    >>> import numpy as np
    >>> from vfx_rs.pipeline.ops.matrix import MatrixOp
    >>> program = emit_glsl([MatrixOp(matrix=[[1.0, 0.5, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])])
    >>> print(program.source.splitlines()[-4].strip())
    c = op0_m * c + op0_o;
    >>> sorted(program.uniforms)
    ['op0_m', 'op0_o']
    """
    helpers: dict[str, str] = {}
    uniforms: dict[str, Uniform] = {}
    textures: dict[str, TextureSpec] = {}
    bodies: list[str] = []
    for index, op in enumerate(ops):
        snippet = op.glsl(GlslNames(f"op{index}"))
        for key, text in snippet.helpers.items():
            helpers.setdefault(key, text)
        uniforms.update(snippet.uniforms)
        textures.update(snippet.textures)
        body = "\n".join(f"        {line}" for line in snippet.body.splitlines())
        bodies.append(f"    {{   // {index}: {op.kind}\n{body}\n    }}")
        if stop_uniform is not None:
            bodies.append(f"    if ({stop_uniform} == {index}) return c;")
    declarations = [f"uniform {u.glsl_type} {name};" for name, u in uniforms.items()]
    if stop_uniform is not None:
        declarations.append(f"uniform int {stop_uniform};")
    declarations += [f"uniform {_SAMPLERS[t.dimensions]} {name};" for name, t in textures.items()]
    source = "\n".join(
        [*declarations, *helpers.values(), f"vec3 {function_name}(vec3 c) {{", *bodies, "    return c;", "}", ""]
    )
    structure = (function_name, stop_uniform, tuple(op.structure_key() for op in ops))
    return GlslProgram(function_name, source, uniforms, textures, structure)
