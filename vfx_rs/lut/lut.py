"""`Lut1D` and `Lut3D`: LUT tables with their domain, applied through the pipeline ops.

A 1D LUT holds one curve per channel, ``data[i, c]``; a 3D LUT holds an RGB
output per lattice point, ``data[b, g, r, c]`` (red fastest in memory, the
order of ``.cube`` files, Adobe Cube LUT Specification 1.0, section "Table
data"). Inputs are scaled from ``[domain_min, domain_max]`` onto the table
and clamped to it, as OpenColorIO applies them. Table entries may be NaN or
infinite, as OCIO's text LUT readers accept them: applied as OCIO's renderers
apply them (NaN as 0, an infinity as the largest float32 of its sign,
`sanitized_table`; a 1D table OCIO's identity test passes as a [0, 1] clamp,
`forward_table`), and a 1D table inverted from its raw entries
(`Lut1DOp.inverse_table`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from vfx_rs._validate import numeric_array
from vfx_rs.errors import LutError

if TYPE_CHECKING:
    from vfx_rs.pipeline.op import Op

__all__ = ["Lut1D", "Lut3D"]

_INTERPOLATION_ALIASES = {
    "linear": "trilinear",
    "trilinear": "trilinear",
    "tetrahedral": "tetrahedral",
    "best": "tetrahedral",
}
"""Interpolation names accepted for 3D LUTs: OCIO's INTERP_LINEAR and INTERP_BEST/TETRAHEDRAL."""


def _domain(value: npt.ArrayLike, what: str) -> np.ndarray:
    try:
        d = np.array(np.broadcast_to(numeric_array(value, f"LUT {what}", np.float64), (3,)))
    except ValueError:  # broadcast_to: neither one value nor three
        raise LutError(f"LUT {what} must be one number or three, got shape {np.shape(value)}") from None
    if not np.all(np.isfinite(d)):
        raise LutError(f"LUT {what} must be finite, got {d.tolist()}")
    return d


def _domains(lo: npt.ArrayLike, hi: npt.ArrayLike, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """Checked per-channel ``(domain_min, domain_max)``: finite, max above min (raises `LutError` naming `kind`)."""
    lo, hi = _domain(lo, "domain_min"), _domain(hi, "domain_max")
    if np.any(hi <= lo):
        raise LutError(f"{kind} LUT domain max {hi.tolist()} not above min {lo.tolist()}")
    return lo, hi


def _checked_table(data: np.ndarray) -> np.ndarray:
    """`data` if it is a ``(size, size, size, 3)`` table with size >= 2, else `LutError`."""
    n = data.shape[0] if data.ndim == 4 else 0
    if data.shape != (n, n, n, 3) or n < 2:
        raise LutError(f"3D LUT data must be (size, size, size, 3) with size >= 2, got {data.shape}")
    return data


def _apply_ops(ops: list[Op], array: npt.ArrayLike) -> np.ndarray:
    from vfx_rs.pipeline.execute import apply_ops

    out = np.array(array, dtype=np.float32, copy=True, order="C")
    if out.ndim == 0 or out.shape[-1] not in (3, 4):
        raise LutError(f"LUT input must have 3 or 4 channels on its last axis, got shape {out.shape}")
    return apply_ops(ops, out)


@dataclass(eq=False)
class Lut1D:
    """A per-channel 1D LUT.

    Attributes
    ----------
    data
        ``(size, 3)`` float64 outputs.
    domain_min, domain_max
        Per-channel input range mapped onto the table.
    title
        Free text (``TITLE`` in a ``.cube`` file).

    Examples
    --------
    >>> import numpy as np
    >>> lut = Lut1D(np.linspace(0.0, 1.0, 5)[:, None].repeat(3, 1) ** 2)
    >>> lut.apply(np.array([[0.5, 0.125, 2.0]])).astype(float).round(4).tolist()
    [[0.25, 0.0312, 1.0]]
    """

    data: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3))
    title: str = ""

    def __post_init__(self) -> None:
        data = np.array(numeric_array(self.data, "1D LUT data", np.float64))
        if data.ndim == 1:
            data = np.repeat(data[:, None], 3, axis=1)
        if data.ndim != 2 or data.shape[1] != 3 or data.shape[0] < 2:
            raise LutError(f"1D LUT data must be (size >= 2, 3), got {data.shape}")
        self.data = data
        self.domain_min, self.domain_max = _domains(self.domain_min, self.domain_max, "1D")

    @property
    def size(self) -> int:
        """Number of entries per channel."""
        return int(self.data.shape[0])

    @classmethod
    def adopt(
        cls,
        data: np.ndarray,
        domain_min: np.ndarray | None = None,
        domain_max: np.ndarray | None = None,
        title: str = "",
    ) -> Lut1D:
        """A `Lut1D` that keeps `data`, a float64 ``(size, 3)`` table its caller gives up, without the
        constructor's copy (as `Lut3D.adopt`, for readers of large tables)."""
        if data.dtype != np.float64 or data.ndim != 2 or data.shape[1] != 3 or data.shape[0] < 2:
            raise LutError(f"1D LUT data to adopt must be float64 (size >= 2, 3), got {data.dtype} {data.shape}")
        lo = np.zeros(3) if domain_min is None else domain_min
        hi = np.ones(3) if domain_max is None else domain_max
        lut = cls(np.zeros((2, 3)), lo, hi, title)
        lut.data = data
        return lut

    @classmethod
    def identity(cls, size: int = 1024, domain_min: npt.ArrayLike = 0.0, domain_max: npt.ArrayLike = 1.0) -> Lut1D:
        """The LUT whose outputs equal its inputs over the domain."""
        if size < 2:
            raise LutError(f"1D LUT size must be at least 2, got {size}")
        lo, hi = _domains(domain_min, domain_max, "1D")
        return cls(np.linspace(lo, hi, size), lo, hi)

    @classmethod
    def gamma(cls, size: int, gamma: float) -> Lut1D:
        """The curve ``x ** gamma`` over [0, 1] sampled at `size` points (the vfx-rs-py constructor)."""
        if size < 2:
            raise LutError(f"1D LUT size must be at least 2, got {size}")
        return cls(np.linspace(0.0, 1.0, size) ** float(gamma))

    def to_ops(self, interpolation: str = "linear") -> list[Op]:
        """The pipeline ops applying this LUT (1D LUTs interpolate linearly)."""
        from vfx_rs.pipeline.ops.lut1d import Lut1DOp, forward_table

        if interpolation.lower() not in ("linear", "best", "default"):
            raise LutError(f"1D LUT interpolation {interpolation!r} not supported; use 'linear'")
        raw = None if np.all(np.isfinite(self.data)) else self.data  # inverted raw, as OCIO (module docstring)
        return [
            Lut1DOp(
                table=self.data if raw is None else forward_table(self.data),
                domain_min=self.domain_min,
                domain_max=self.domain_max,
                inverse_table=raw,
            )
        ]

    def apply(self, array: npt.ArrayLike) -> Any:
        """A float32 copy of ``(..., 3|4)`` `array` with the LUT applied (alpha kept).

        A single number goes through the first channel's curve and comes back as a float.
        """
        if np.ndim(array) == 0:
            value = np.full(3, float(array), dtype=np.float32)  # type: ignore[arg-type]
            return float(_apply_ops(self.to_ops(), value)[0])
        return _apply_ops(self.to_ops(), array)

    def inverse(self, size: int = 65536) -> Lut1D:
        """The inverse as a `Lut1D` of `size` entries over the table's output range.

        Sampled from OCIO's exact inverse (`vfx_rs.pipeline.ops.Lut1DInverseOp`:
        reversals flattened, flat ends inverting to the entry nearest the
        centre); `to_ops` of the inverse is exact only at its entries. Use
        ``[op.inverse() for op in lut.to_ops()]`` for the exact inverse op.
        """
        from vfx_rs.pipeline.ops.lut1d_inverse import Lut1DInverseOp

        if not np.all(np.isfinite(self.data)):
            raise LutError("a 1D LUT holding NaN or infinity has no sampled inverse; invert its ops instead")
        lo, hi = self.data.min(axis=0), self.data.max(axis=0)
        if np.any(hi <= lo):
            raise LutError("a 1D LUT with a constant channel has no inverse")
        grid = np.linspace(lo, hi, size)
        op = Lut1DInverseOp(table=self.data, domain_min=self.domain_min, domain_max=self.domain_max)
        planar = np.ascontiguousarray(grid.T)
        op.apply_planar(planar)
        return Lut1D(planar.T, lo, hi, self.title)


@dataclass(eq=False)
class Lut3D:
    """A 3D LUT.

    Attributes
    ----------
    data
        ``(size, size, size, 3)`` float64, indexed ``[b, g, r]`` (red fastest).
    domain_min, domain_max
        Per-channel input range mapped onto the lattice.
    title
        Free text (``TITLE`` in a ``.cube`` file).
    shaper
        Optional 1D LUT applied first (Resolve ``.cube`` files hold both).

    Examples
    --------
    >>> import numpy as np
    >>> lut = Lut3D.identity(5)
    >>> lut.apply(np.array([[0.3, 0.6, 1.5]])).astype(float).round(4).tolist()
    [[0.3, 0.6, 1.0]]
    """

    data: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3))
    title: str = ""
    shaper: Lut1D | None = None

    def __post_init__(self) -> None:
        self.data = _checked_table(np.array(numeric_array(self.data, "3D LUT data", np.float64)))
        self.domain_min, self.domain_max = _domains(self.domain_min, self.domain_max, "3D")

    @classmethod
    def adopt(
        cls,
        data: np.ndarray,
        domain_min: np.ndarray | None = None,
        domain_max: np.ndarray | None = None,
        title: str = "",
        shaper: Lut1D | None = None,
    ) -> Lut3D:
        """A `Lut3D` that keeps `data`, a float64 table its caller gives up, without the constructor's copy.

        Readers of large tables use it so that a ``256^3`` table is not held twice; `data` may be a view
        of a larger buffer (it is copied if that buffer is over a quarter larger than the table).
        """
        if data.dtype != np.float64:
            raise LutError(f"3D LUT data to adopt must be float64, got {data.dtype}")
        lo = np.zeros(3) if domain_min is None else domain_min
        hi = np.ones(3) if domain_max is None else domain_max
        lut = cls(np.zeros((2, 2, 2, 3)), lo, hi, title, shaper)
        base = data.base if isinstance(data.base, np.ndarray) else data
        lut.data = _checked_table(data if base.nbytes <= 1.25 * data.nbytes else data.copy())
        return lut

    @property
    def size(self) -> int:
        """Lattice points per axis."""
        return int(self.data.shape[0])

    @classmethod
    def identity(cls, size: int = 33, domain_min: npt.ArrayLike = 0.0, domain_max: npt.ArrayLike = 1.0) -> Lut3D:
        """The LUT whose outputs equal its inputs over the domain."""
        if size < 2:
            raise LutError(f"3D LUT size must be at least 2, got {size}")
        lo, hi = _domains(domain_min, domain_max, "3D")
        axes = [np.linspace(lo[c], hi[c], size) for c in range(3)]
        b, g, r = np.meshgrid(axes[2], axes[1], axes[0], indexing="ij")
        return cls(np.stack([r, g, b], axis=-1), lo, hi)

    def to_ops(self, interpolation: str = "tetrahedral") -> list[Op]:
        """The pipeline ops applying this LUT (the shaper first, if any).

        `interpolation` is ``"tetrahedral"`` (also ``"best"``) or
        ``"trilinear"`` (also ``"linear"``, OCIO's default for files).
        """
        from vfx_rs.pipeline.ops.lut1d import sanitized_table
        from vfx_rs.pipeline.ops.lut3d import Lut3DOp

        method = _INTERPOLATION_ALIASES.get(interpolation.lower())
        if method is None:
            raise LutError(
                f"3D LUT interpolation {interpolation!r} not supported; use one of {sorted(_INTERPOLATION_ALIASES)}"
            )
        ops = self.shaper.to_ops() if self.shaper is not None else []
        finite = bool(np.all(np.isfinite(self.data)))
        ops.append(
            Lut3DOp(
                table=self.data if finite else sanitized_table(self.data),
                domain_min=self.domain_min,
                domain_max=self.domain_max,
                interpolation=method,
                sanitized=not finite,
            )
        )
        return ops

    def apply(self, array: npt.ArrayLike, interpolation: str = "tetrahedral") -> np.ndarray:
        """A float32 copy of ``(..., 3|4)`` `array` with the LUT applied (alpha kept)."""
        return _apply_ops(self.to_ops(interpolation), array)
