"""`Op`, the base of every primitive color operation, and its GLSL snippet type.

Each op kind lives in one module under `vfx_rs.pipeline.ops` with its
parameters, its NumPy kernel and its GLSL snippet side by side. Kernels work
in place on *planar* pixels: an array of shape ``(3, n)`` (one row per
channel), float32 or float64, so per-channel curves touch contiguous memory
and matrices are one BLAS call.
"""

from __future__ import annotations

import abc
import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from vfx_rs.errors import ArgumentError

__all__ = ["GlslNames", "GlslSnippet", "Op", "TextureSpec", "Uniform", "frozen_array"]


@dataclass(frozen=True)
class Uniform:
    """A uniform a snippet reads: GLSL type (``float``, ``vec3``, ``mat3``...) and value.

    Matrices are given in NumPy's row-major, math convention (``M @ v``);
    whoever uploads them transposes for GLSL's column-major storage.
    """

    glsl_type: str
    value: Any


@dataclass(frozen=True)
class TextureSpec:
    """A texture a snippet samples with ``texelFetch``.

    Attributes
    ----------
    dimensions
        1, 2 or 3 (sampler1D, sampler2D, sampler3D).
    data
        float32 array: ``(w, 3)`` for 1D, ``(h, w, 3)`` for 2D, ``(d, h, w, 3)``
        for 3D, in texture memory order (x fastest).
    """

    dimensions: int
    data: np.ndarray = field(compare=False)


class GlslNames:
    """Unique names for one op instance's uniforms, textures and helper functions.

    The emitter hands each op in a pipeline its own prefix, so two ops of the
    same kind never share a uniform.
    """

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __call__(self, name: str) -> str:
        """The unique GLSL identifier for this op's `name`."""
        return f"{self.prefix}_{name}"


@dataclass
class GlslSnippet:
    """One op's GLSL: statements that transform ``vec3 c`` in place.

    Attributes
    ----------
    body
        Statements reading and writing ``vec3 c``.
    uniforms
        Uniforms by unique name.
    textures
        Textures by unique sampler name.
    helpers
        Global-scope GLSL (functions), keyed so that helpers shared by several
        ops are emitted once.
    """

    body: str
    uniforms: dict[str, Uniform] = field(default_factory=dict)
    textures: dict[str, TextureSpec] = field(default_factory=dict)
    helpers: dict[str, str] = field(default_factory=dict)


def frozen_array(value: Any, shape: tuple[int, ...] | None, what: str) -> np.ndarray:
    """A read-only float64 copy of `value` (broadcast to `shape` if given) for an op's parameter.

    Raises `vfx_rs.errors.ArgumentError` ("`what` must be finite") on NaN or infinity.
    """
    a = np.array(value, dtype=np.float64)
    if shape is not None:
        a = np.array(np.broadcast_to(a, shape))
    if not np.all(np.isfinite(a)):
        raise ArgumentError(f"{what} must be finite")
    a.flags.writeable = False
    return a


def _param_key(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return (value.shape, value.dtype.str, value.tobytes())
    if isinstance(value, (list, tuple)):
        return tuple(_param_key(v) for v in value)
    if isinstance(value, float):
        return float(value)
    return value


def _inverse_key(op: Op) -> tuple[Any, ...] | None:
    """``op.inverse().params_key()``, or None where `op` has no inverse; kept on the (immutable) op."""
    if "_inverse_key" not in op.__dict__:
        try:
            key: tuple[Any, ...] | None = op.inverse().params_key()
        except ArgumentError:
            key = None
        object.__setattr__(op, "_inverse_key", key)
    cached: tuple[Any, ...] | None = op.__dict__["_inverse_key"]
    return cached


@dataclass(frozen=True, kw_only=True)
class Op(abc.ABC):
    """A primitive color operation with a NumPy kernel and a GLSL twin.

    Subclasses are frozen dataclasses that set `kind` and implement
    `apply_planar`, `glsl` and, where the op is invertible, `inverse`.

    Attributes
    ----------
    dynamic
        The op's values are driven live (exposure, gamma, grade sliders): the
        simplifier neither drops nor fuses it, so the GLSL program keeps its
        structure and a new value is only a uniform update.
    """

    kind: ClassVar[str] = ""
    dynamic: bool = False

    @abc.abstractmethod
    def apply_planar(self, p: np.ndarray) -> None:
        """Apply in place to planar pixels ``p`` of shape ``(3, n)``, float32 or float64."""

    @abc.abstractmethod
    def glsl(self, names: GlslNames) -> GlslSnippet:
        """The GLSL snippet computing the same as `apply_planar` on ``vec3 c``."""

    def inverse(self) -> Op:
        """The op that undoes this one; raises `ArgumentError` where none exists."""
        raise ArgumentError(f"{self.kind} op {self!r} has no inverse")

    def is_identity(self) -> bool:
        """True if the op leaves every value unchanged (the simplifier drops it)."""
        return False

    def params_key(self) -> tuple[Any, ...]:
        """A hashable summary of the parameters, for equality and caching (computed once: ops are immutable)."""
        key: tuple[Any, ...] | None = self.__dict__.get("_params_key")
        if key is None:
            fields = (f for f in dataclasses.fields(self) if f.compare)  # compare=False marks derived caches
            key = (self.kind, *((f.name, _param_key(getattr(self, f.name))) for f in fields))
            object.__setattr__(self, "_params_key", key)
        return key

    def structure_key(self) -> tuple[Any, ...]:
        """What decides the GLSL source: equal keys mean only uniform values differ.

        By default the kind and the shapes of array parameters; ops whose
        source depends on other parameters (a style, a flag) override it.
        """
        shapes = tuple(
            np.shape(getattr(self, f.name))
            for f in dataclasses.fields(self)
            if isinstance(getattr(self, f.name), np.ndarray)
        )
        return (self.kind, shapes)

    def pair_replacement(self) -> list[Op]:
        """What this op followed by its inverse becomes when the simplifier cancels the pair.

        The identity (nothing) unless the op clamps or is undefined somewhere, as
        OpenColorIO's ``getIdentityReplacement`` (e.g. a clamping CDL leaves a [0, 1] range).
        """
        return []

    def mixes_alpha(self) -> bool:
        """True if OpenColorIO's CPU renderer applies this op as a full 4x4 RGBA product (a non-diagonal matrix).

        Such a product makes the hidden alpha NaN where a channel is infinite or NaN (``0 * inf``), and a NaN
        alpha then turns every channel of the next such product NaN; the executor replays that
        (`vfx_rs.pipeline.execute.apply_ops_planar`).
        """
        return False

    def clears_alpha(self) -> bool:
        """True if OpenColorIO's CPU renderer of this op turns a NaN hidden alpha finite again (a clamping
        exponent: ``pow(max(0, a), 1)`` is 0), so later `mixes_alpha` products no longer spoil the pixel."""
        return False

    def is_inverse_of(self, other: Op) -> bool:
        """True if this op exactly undoes `other` (the simplifier cancels the pair)."""
        return _inverse_key(other) == self.params_key()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Op):
            return NotImplemented
        return self.params_key() == other.params_key()

    def __hash__(self) -> int:
        return hash(self.params_key())
