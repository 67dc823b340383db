"""Bake any processor (a pipeline, an op list, an OCIO processor, a LUT) into a LUT.

Three shapes, as OpenColorIO's Baker offers (Baker.cpp, FileFormatResolveCube.cpp):

- `bake_1d`: one curve per channel, for transforms that do not mix channels
  (checked: a transform that mixes them is refused);
- `bake_3d`: a lattice over a stated input domain (display-referred or log input);
- `bake_shaper_3d`: for scene-linear input, a 1D shaper that maps linear
  values onto a log2 scale over a stated range of stops around middle grey,
  then a 3D lattice over the shaper's 0..1 output, so that values far above 1
  (HDR highlights) keep their detail.

The processor is evaluated in float64 on the lattice. The shaper is a
piecewise-linear table (what ``.cube`` files store), and the lattice is
sampled at the exact inverse of that table, so a baked LUT reproduces the
processor exactly at its lattice points and the remaining error is the
3D interpolation between them.

`bake` writes the result through `vfx_rs.lut.write_lut`, choosing the file
format by extension (``.cube`` holds all three shapes, ``.spi1d`` 1D,
``.spi3d`` 3D over 0..1).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs._validate import check_finite, numeric_array
from vfx_rs.errors import ArgumentError, LutError
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE, check_size
from vfx_rs.lut.lut import Lut1D, Lut3D
from vfx_rs.pipeline.execute import apply_ops_planar
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.pipeline import Pipeline

__all__ = ["BAKE_KINDS", "bake", "bake_1d", "bake_3d", "bake_shaper_3d", "log2_shaper"]

BAKE_KINDS = ("1d", "3d", "shaper3d")
"""The LUT shapes `bake` produces."""

MIDDLE_GREY = 0.18
"""Scene-linear middle grey, the centre of the shaper's stop range (ACES and common VFX practice)."""

CROSSTALK_ATOL = 1e-9
"""Largest difference (float64) between a channel's output for a colour and for a grey of that
channel's value, below which a transform counts as not mixing channels (bake_1d)."""


def _ops(processor: Any) -> list[Op]:
    """The op list of a pipeline, an op sequence, an object with a ``pipeline``, or a LUT."""
    if isinstance(processor, Pipeline):
        return list(processor.ops)
    if isinstance(processor, Op):
        return [processor]
    if isinstance(getattr(processor, "pipeline", None), Pipeline):
        return list(processor.pipeline.ops)
    if callable(getattr(processor, "to_ops", None)):
        return list(processor.to_ops())
    if isinstance(processor, Sequence) and all(isinstance(op, Op) for op in processor):
        return list(processor)
    raise ArgumentError(
        f"cannot bake a {type(processor).__name__}: pass a Pipeline, a list of ops, or an object with .pipeline"
    )


def _evaluate(ops: list[Op], rgb: np.ndarray) -> np.ndarray:
    """The processor applied in float64 to ``(n, 3)`` values."""
    planar = np.ascontiguousarray(np.asarray(rgb, dtype=np.float64).T)
    apply_ops_planar(ops, planar)
    out = planar.T
    if not np.all(np.isfinite(out)):
        raise LutError("the processor gives NaN or infinity inside the baked domain; narrow the domain")
    return out


def _domain(lo: npt.ArrayLike, hi: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    a = np.array(np.broadcast_to(np.asarray(lo, dtype=np.float64), (3,)))
    b = np.array(np.broadcast_to(np.asarray(hi, dtype=np.float64), (3,)))
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b)) and np.all(b > a)):
        raise ArgumentError(f"bake domain must be finite with max above min, got {a.tolist()} .. {b.tolist()}")
    return a, b


def bake_1d(
    processor: Any, size: int = 4096, domain_min: npt.ArrayLike = 0.0, domain_max: npt.ArrayLike = 1.0
) -> Lut1D:
    """Sample a channel-independent processor into a `Lut1D` of `size` entries over the domain.

    Raises
    ------
    LutError
        The processor mixes channels (a 1D LUT cannot hold it; bake a 3D LUT).
    """
    check_size(size, MAX_1D_SIZE, "1D LUT size", None, None)
    ops = _ops(processor)
    lo, hi = _domain(domain_min, domain_max)
    grid = np.linspace(lo, hi, size)
    # A colour whose channels differ must give, per channel, what a grey of that value gives.
    probe = np.stack(np.meshgrid(*[np.linspace(lo[c], hi[c], 5) for c in range(3)], indexing="ij"), -1).reshape(-1, 3)
    mixed = _evaluate(ops, probe)
    for c in range(3):
        grey = _evaluate(ops, np.repeat(probe[:, c : c + 1], 3, axis=1))[:, c]
        if np.max(np.abs(mixed[:, c] - grey)) > CROSSTALK_ATOL * max(1.0, float(np.max(np.abs(grey)))):
            raise LutError("the processor mixes channels, which a 1D LUT cannot hold; bake a 3D LUT")
    table = np.empty((size, 3))
    for c in range(3):
        table[:, c] = _evaluate(ops, np.repeat(grid[:, c : c + 1], 3, axis=1))[:, c]
    return Lut1D(table, lo, hi)


def _lattice(axes: Sequence[np.ndarray]) -> np.ndarray:
    """Points of the lattice spanned by per-channel `axes`, as ``(n**3, 3)``, red fastest."""
    b, g, r = np.meshgrid(axes[2], axes[1], axes[0], indexing="ij")
    return np.stack([r, g, b], axis=-1).reshape(-1, 3)


def bake_3d(processor: Any, size: int = 33, domain_min: npt.ArrayLike = 0.0, domain_max: npt.ArrayLike = 1.0) -> Lut3D:
    """Sample a processor on a ``size**3`` lattice over the domain into a `Lut3D`."""
    check_size(size, MAX_3D_SIZE, "3D LUT size", None, None)
    lo, hi = _domain(domain_min, domain_max)
    points = _lattice([np.linspace(lo[c], hi[c], size) for c in range(3)])
    return Lut3D(_evaluate(_ops(processor), points).reshape(size, size, size, 3), lo, hi)


def log2_shaper(
    stops: tuple[float, float] = (-10.0, 8.0), middle_grey: float = MIDDLE_GREY, size: int = 65536
) -> Lut1D:
    """A 1D shaper mapping scene-linear ``x`` to ``(log2(x / middle_grey) - stops[0]) / (stops[1] - stops[0])``.

    The table spans inputs ``0 .. middle_grey * 2**stops[1]`` with `size`
    uniform entries (as a ``.cube`` shaper must), clamped to 0..1: values below
    ``middle_grey * 2**stops[0]`` map to 0, the first interval is linear from 0.

    Examples
    --------
    >>> s = log2_shaper((-2.0, 2.0), 0.25, size=5)
    >>> s.domain_max.tolist(), s.data[:, 0].tolist()
    ([1.0, 1.0, 1.0], [0.0, 0.5, 0.75, 0.896240625180289, 1.0])
    """
    check_size(size, MAX_1D_SIZE, "shaper size", None, None)
    bounds = numeric_array(stops, "shaper stops", np.float64).ravel()
    if bounds.size != 2:
        raise ArgumentError(f"shaper stops must be (low, high), not {stops!r}")
    low, high = float(bounds[0]), float(bounds[1])
    middle_grey = check_finite(middle_grey, "middle grey")
    if not (np.isfinite(low) and np.isfinite(high) and high > low and middle_grey > 0):
        raise ArgumentError(
            f"shaper stops must be finite and increasing and middle grey positive, got {stops}, {middle_grey}"
        )
    top = middle_grey * 2.0**high
    x = np.linspace(0.0, top, size)
    with np.errstate(divide="ignore"):
        y = (np.log2(x / middle_grey) - low) / (high - low)
    return Lut1D(np.clip(y, 0.0, 1.0), np.zeros(3), np.full(3, top))


def _shaper_inverse(shaper: Lut1D, u: np.ndarray) -> np.ndarray:
    """Inputs at which the piecewise-linear `shaper` (same on all channels) reaches `u`."""
    y = shaper.data[:, 0]
    x = np.linspace(shaper.domain_min[0], shaper.domain_max[0], shaper.size)
    keep = np.concatenate([[True], np.diff(y) > 0])
    return np.interp(u, y[keep], x[keep])


def bake_shaper_3d(
    processor: Any,
    size: int = 65,
    stops: tuple[float, float] = (-10.0, 8.0),
    middle_grey: float = MIDDLE_GREY,
    shaper_size: int = 65536,
) -> Lut3D:
    """Bake a scene-linear processor into a log2 shaper (see `log2_shaper`) plus a ``size**3`` `Lut3D`.

    Inputs from 0 to ``middle_grey * 2**stops[1]`` are covered; above that
    (and below 0) they clamp.
    """
    check_size(size, MAX_3D_SIZE, "3D LUT size", None, None)
    shaper = log2_shaper(stops, middle_grey, shaper_size)
    axis = _shaper_inverse(shaper, np.linspace(0.0, 1.0, size))
    data = _evaluate(_ops(processor), _lattice([axis] * 3)).reshape(size, size, size, 3)
    return Lut3D(data, shaper=shaper)


def bake(
    processor: Any, path: str | os.PathLike[str], kind: str = "shaper3d", size: int | None = None, **options: Any
) -> Lut1D | Lut3D:
    """Bake `processor` and write it to `path` (format by extension); returns the LUT.

    Parameters
    ----------
    processor
        A `Pipeline`, a list of ops, anything with a ``pipeline`` attribute
        (an OCIO processor, the viewer's grade) or a LUT.
    kind
        ``"1d"``, ``"3d"`` or ``"shaper3d"`` (see `bake_1d`, `bake_3d`, `bake_shaper_3d`).
    size
        Entries (1D) or lattice points per axis (3D); each function's default if None.
    options
        Passed on: ``domain_min``/``domain_max`` (1D, 3D), ``stops``,
        ``middle_grey``, ``shaper_size`` (shaper3d).
    """
    from vfx_rs.lut import write_lut

    makers: dict[str, Callable[..., Lut1D | Lut3D]] = {"1d": bake_1d, "3d": bake_3d, "shaper3d": bake_shaper_3d}
    if kind not in makers:
        raise ArgumentError(f"bake kind {kind!r} unknown; use one of {', '.join(BAKE_KINDS)}")
    if size is not None:
        options["size"] = size
    lut: Lut1D | Lut3D = makers[kind](processor, **options)
    write_lut(path, lut)
    return lut
