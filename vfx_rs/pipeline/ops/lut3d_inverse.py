"""Inverse 3D LUT op: OpenColorIO's exact inversion of a tetrahedrally interpolated cube.

OpenColorIO 2.6 inverts a 3D LUT on the CPU with InvLut3DRenderer
(Lut3DOpCPU.cpp) at every optimisation level, whatever the forward
interpolation (Lut3DOp::getCPUOp; only its GPU path bakes a 48^3 forward
LUT, MakeFastLut3DFromInverse in Lut3DOpData.cpp). The NumPy kernel replays
it decision for decision (`_lut3d_inverse_search`): the lattice grown by an
extrapolated border, the range tree's cell order, the updated LU solve of
each cell's six tetrahedra with its singular cases, the float32 result.
Next to its forward LUT on the unit domain the op cancels to a [0, 1] clamp,
as OCIO's lossless optimizer does.

The GLSL twin (`_lut3d_inverse_glsl`) runs the same search on the GPU from
textures of the kernel's structures (bins, cells, slabs, the grown lattice)
and OCIO's solve in float32, with float32-sized tolerances: it agrees with
the kernel to float32 rounding, non-injective tables included, except that a
value within about 1e-5 of a cell earlier in OCIO's order may take that cell
(the same answer to about 1e-5 where the table is one-to-one). OCIO's own GPU
path bakes the inverse into a 48^3 forward LUT instead.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform, frozen_array
from vfx_rs.pipeline.ops._lut3d_inverse_search import Lut3DInverseSearch

__all__ = ["Lut3DInverseOp"]

_SEARCHES: dict[bytes, Lut3DInverseSearch] = {}
"""Prepared searches by table digest: a config's processors rebuild their ops, the lattice stays the same."""

_MAX_SEARCHES = 8

_SEARCHES_LOCK = threading.Lock()
"""Held while a search is prepared: the executor's tiles meet an op's first use together, and one builds it."""


def _shared_search(table: np.ndarray) -> Lut3DInverseSearch:
    """The `Lut3DInverseSearch` of a forward table ``[b, g, r]``, prepared once per table content."""
    import hashlib

    key = hashlib.sha1(table.tobytes()).digest() + bytes(str(table.shape), "ascii")
    with _SEARCHES_LOCK:
        if key not in _SEARCHES:
            if len(_SEARCHES) >= _MAX_SEARCHES:
                _SEARCHES.pop(next(iter(_SEARCHES)))
            _SEARCHES[key] = Lut3DInverseSearch(np.ascontiguousarray(table.transpose(2, 1, 0, 3)))
        return _SEARCHES[key]


@dataclass(frozen=True, kw_only=True, eq=False)
class Lut3DInverseOp(Op):
    """The exact inverse of `Lut3DOp` with the same table and domain (module docstring).

    Parameters
    ----------
    table
        The *forward* table, ``(size, size, size, 3)`` indexed ``[b, g, r]``.
    domain_min, domain_max
        The forward LUT's input range: the inverse's outputs lie in it.
    """

    kind = "lut3d_inverse"
    table: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3))
    interpolation: str = "tetrahedral"
    _cache: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        table = frozen_array(self.table, None, "lut3d_inverse op table")
        n = table.shape[0] if table.ndim == 4 else 0
        if table.shape != (n, n, n, 3) or n < 2:
            raise ArgumentError(f"lut3d_inverse op table must be (size, size, size, 3), size >= 2, got {table.shape}")
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "domain_min", frozen_array(self.domain_min, (3,), "lut3d_inverse op domain_min"))
        object.__setattr__(self, "domain_max", frozen_array(self.domain_max, (3,), "lut3d_inverse op domain_max"))
        if np.any(self.domain_max <= self.domain_min):
            raise ArgumentError("lut3d_inverse op domain_max must be above domain_min on every channel")
        object.__setattr__(self, "_cache", {})

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.table.shape)

    def _search(self) -> Lut3DInverseSearch:
        if "search" not in self._cache:
            self._cache["search"] = _shared_search(self.table)
        return self._cache["search"]  # type: ignore[no-any-return]

    def apply_planar(self, p: np.ndarray) -> None:
        t = self._search().invert(p)
        p[...] = self.domain_min[:, None] + t * (self.domain_max - self.domain_min)[:, None]

    def glsl(self, names: GlslNames) -> GlslSnippet:
        from vfx_rs.pipeline.ops._lut3d_inverse_glsl import search_glsl

        fn, helpers, textures = search_glsl(self._search(), names)
        dmin, dscale = names("dmin"), names("dscale")
        return GlslSnippet(
            body=f"c = {dmin} + {fn}(c) * {dscale};",
            uniforms={
                dmin: Uniform("vec3", self.domain_min),
                dscale: Uniform("vec3", self.domain_max - self.domain_min),
            },
            textures=textures,
            helpers=helpers,
        )

    def inverse(self) -> Op:
        """The forward `Lut3DOp` (with the interpolation it was inverted from)."""
        from vfx_rs.pipeline.ops.lut3d import Lut3DOp

        return Lut3DOp(
            table=self.table,
            domain_min=self.domain_min,
            domain_max=self.domain_max,
            interpolation=self.interpolation,
            dynamic=self.dynamic,
        )

    def is_inverse_of(self, other: Op) -> bool:
        """True for the forward LUT of the same table, both on the unit domain (`lut3d.pair_cancels`)."""
        from vfx_rs.pipeline.ops.lut3d import Lut3DOp, pair_cancels

        return isinstance(other, Lut3DOp) and pair_cancels(self, other)

    def pair_replacement(self) -> list[Op]:
        """An inverse 3D LUT and its forward LUT leave a [0, 1] clamp (OCIO Lut3DOpData::getIdentityReplacement)."""
        from vfx_rs.pipeline.ops.range import RangeOp

        return [RangeOp.from_bounds(0.0, 1.0, 0.0, 1.0)]
