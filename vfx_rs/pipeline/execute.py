"""The NumPy executor: apply an op list in place, tile by tile, on both cores.

Pixels are processed in tiles of `TILE_PIXELS`: each tile's RGB is copied to
a planar ``(3, n)`` buffer that stays in cache while every op runs over it,
then written back (alpha untouched). NumPy releases the GIL inside its
kernels, so tiles run in parallel on the core's one thread pool (`vfx_rs._parallel`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vfx_rs._parallel import for_chunks
from vfx_rs._validate import check_inplace_float32
from vfx_rs.pipeline.op import Op

__all__ = ["TILE_PIXELS", "apply_ops", "apply_ops_grey", "apply_ops_planar"]

TILE_PIXELS = 1 << 15
"""Pixels per tile: 32768 x 3 float32 = 384 KiB, so a tile and its temporaries fit in L2."""


def apply_ops_planar(ops: Sequence[Op], planar: np.ndarray) -> None:
    """Run every op over one planar ``(3, n)`` buffer, in order.

    As OpenColorIO's CPU processor, which carries a hidden alpha through RGBA matrix products
    (`Op.mixes_alpha`): a pixel with an infinite or NaN channel going into one such product has a NaN
    alpha after it, and every later such product turns that pixel's channels NaN (``0 * NaN``), until an
    op that clears alpha (`Op.clears_alpha`) makes it finite again.
    """
    mixing = [i for i, op in enumerate(ops) if op.mixes_alpha()]
    if len(mixing) < 2:
        for op in ops:
            op.apply_planar(planar)
        return
    poisoned: np.ndarray | None = None
    for i, op in enumerate(ops):
        if i not in mixing:
            op.apply_planar(planar)
            if op.clears_alpha():
                poisoned = None
            continue
        bad = ~np.isfinite(planar).all(axis=0) if i != mixing[-1] else None
        op.apply_planar(planar)
        if poisoned is not None:
            planar[:, poisoned] = np.nan
        if bad is not None and bad.any():
            poisoned = bad if poisoned is None else poisoned | bad


def _run_tile(ops: Sequence[Op], flat: np.ndarray, start: int, stop: int) -> None:
    rgb = flat[start:stop, :3]
    planar = np.ascontiguousarray(rgb.T)
    apply_ops_planar(ops, planar)
    rgb[...] = planar.T


def apply_ops(ops: Sequence[Op], data: np.ndarray) -> np.ndarray:
    """Apply `ops` in place to float32 pixels of shape ``(..., 3)`` or ``(..., 4)``.

    The fourth channel (alpha) is left untouched. Returns `data`.
    """
    check_inplace_float32(data, "data", channels=(3, 4))
    if not ops or data.size == 0:
        return data
    channels = data.shape[-1]
    try:
        flat = data.reshape(-1, channels, copy=False)
    except (ValueError, TypeError):
        # Not viewable as rows (a strided slice): work on a copy, write it back.
        flat = np.ascontiguousarray(data).reshape(-1, channels)
        apply_ops(ops, flat)
        data[...] = flat.reshape(data.shape)
        return data
    for_chunks(_run_tile, flat.shape[0], TILE_PIXELS, ops, flat)
    return data


def _run_grey_tile(ops: Sequence[Op], values: np.ndarray, out: np.ndarray, start: int, stop: int) -> None:
    planar = np.empty((3, stop - start), dtype=out.dtype)
    planar[:] = values[start:stop]
    apply_ops_planar(ops, planar)
    out[start:stop] = planar[0]


def apply_ops_grey(ops: Sequence[Op], values: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Apply `ops` to every element of 1-D `values` as a grey pixel (R = G = B), the red channel into `out`.

    `out` is a 1-D float32 or float64 array of the same length, computed in its
    dtype; it may be `values` itself (each tile is read before it is written).
    Only tile-sized temporaries are allocated. Returns `out`.
    """
    for_chunks(_run_grey_tile, out.shape[0], TILE_PIXELS, ops, values, out)
    return out
