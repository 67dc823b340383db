"""Threshold-based variable number of gradients (VNG) demosaicing of a Bayer mosaic.

E. Chang, S. Cheung and D. Y. Pan, "Color filter array recovery using a threshold-based variable number
of gradients", Proc. SPIE 3650, 1999, in the form of dcraw's and LibRaw's ``vng_interpolate``:

1. Start from the bilinear result (each missing colour the mean of its nearest samples).
2. At every pixel two or more away from the border, eight gradients (N, NE, E, SE, S, SW, W, NW) are
   sums of absolute differences of same-colour samples in the 5x5 neighbourhood along that direction
   (`_TERMS`: dcraw's table; a difference counts twice where it weighs 1).
3. The threshold is ``T = min + max / 2`` (the paper's ``k1 = 1.5, k2 = 0.5`` on ``min + (max - min)``);
   the directions with a gradient ``<= T`` are averaged: for each, the bilinear colours of the neighbour
   in that direction, except that the pixel's own colour is taken as the mean of its own sample and the
   sample two steps away when the neighbour has another colour.
4. Each missing colour is the pixel's sample plus the mean colour difference of those directions
   ``(sum[c] - sum[own]) / n``; the own colour keeps the sample. Where every gradient is 0 the pixel keeps
   its bilinear colours (dcraw's rule).

The two outer rows and columns keep the bilinear result, as in dcraw. Gradients and the choice of
directions use only the samples, so they are exact; dcraw rounds its integer means down.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["vng"]

F64 = npt.NDArray[np.float64]

_TERMS = (
    (-2, -2, 0, -1, 0, 0x01), (-2, -2, 0, 0, 1, 0x01), (-2, -1, -1, 0, 0, 0x01),
    (-2, -1, 0, -1, 0, 0x02), (-2, -1, 0, 0, 0, 0x03), (-2, -1, 0, 1, 1, 0x01),
    (-2, 0, 0, -1, 0, 0x06), (-2, 0, 0, 0, 1, 0x02), (-2, 0, 0, 1, 0, 0x03),
    (-2, 1, -1, 0, 0, 0x04), (-2, 1, 0, -1, 1, 0x04), (-2, 1, 0, 0, 0, 0x06),
    (-2, 1, 0, 1, 0, 0x02), (-2, 2, 0, 0, 1, 0x04), (-2, 2, 0, 1, 0, 0x04),
    (-1, -2, -1, 0, 0, 0x80), (-1, -2, 0, -1, 0, 0x01), (-1, -2, 1, -1, 0, 0x01),
    (-1, -2, 1, 0, 1, 0x01), (-1, -1, -1, 1, 0, 0x88), (-1, -1, 1, -2, 0, 0x40),
    (-1, -1, 1, -1, 0, 0x22), (-1, -1, 1, 0, 0, 0x33), (-1, -1, 1, 1, 1, 0x11),
    (-1, 0, -1, 2, 0, 0x08), (-1, 0, 0, -1, 0, 0x44), (-1, 0, 0, 1, 0, 0x11),
    (-1, 0, 1, -2, 1, 0x40), (-1, 0, 1, -1, 0, 0x66), (-1, 0, 1, 0, 1, 0x22),
    (-1, 0, 1, 1, 0, 0x33), (-1, 0, 1, 2, 1, 0x10), (-1, 1, 1, -1, 1, 0x44),
    (-1, 1, 1, 0, 0, 0x66), (-1, 1, 1, 1, 0, 0x22), (-1, 1, 1, 2, 0, 0x10),
    (-1, 2, 0, 1, 0, 0x04), (-1, 2, 1, 0, 1, 0x04), (-1, 2, 1, 1, 0, 0x04),
    (0, -2, 0, 0, 1, 0x80), (0, -1, 0, 1, 1, 0x88), (0, -1, 1, -2, 0, 0x40),
    (0, -1, 1, 0, 0, 0x11), (0, -1, 2, -2, 0, 0x40), (0, -1, 2, -1, 0, 0x20),
    (0, -1, 2, 0, 0, 0x30), (0, -1, 2, 1, 1, 0x10), (0, 0, 0, 2, 1, 0x08),
    (0, 0, 2, -2, 1, 0x40), (0, 0, 2, -1, 0, 0x60), (0, 0, 2, 0, 1, 0x20),
    (0, 0, 2, 1, 0, 0x30), (0, 0, 2, 2, 1, 0x10), (0, 1, 1, 0, 0, 0x44),
    (0, 1, 1, 2, 0, 0x10), (0, 1, 2, -1, 1, 0x40), (0, 1, 2, 0, 0, 0x60),
    (0, 1, 2, 1, 0, 0x20), (0, 1, 2, 2, 0, 0x10), (1, -2, 1, 0, 0, 0x80),
    (1, -1, 1, 1, 0, 0x88), (1, 0, 1, 2, 0, 0x08), (1, 0, 2, -1, 0, 0x40),
    (1, 0, 2, 1, 0, 0x10),
)  # fmt: skip
"""dcraw's VNG gradient terms: ``(y1, x1, y2, x2, weight, directions)``; the difference of the samples at
the two offsets, doubled when `weight` is 1, adds to every direction whose bit is set (bit 0 = NW, then
clockwise: N, NE, E, SE, S, SW, W)."""

_DIRECTIONS = ((-1, -1), (-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1))
"""The eight neighbours, NW then clockwise, in the bit order of `_TERMS`."""


def _gradient_terms(colour: list[list[int]], py: int, px: int) -> list[tuple[int, int, int, int, float, list[int]]]:
    """The `_TERMS` that apply at a pixel of Bayer phase ``(py, px)`` (dcraw's precalculation)."""
    fc = lambda y, x: colour[(py + y) % 2][(px + x) % 2]  # noqa: E731
    terms = []
    for y1, x1, y2, x2, weight, bits in _TERMS:
        c = fc(y1, x1)
        if fc(y2, x2) != c:
            continue
        diag = 2 if fc(0, 1) == c and fc(1, 0) == c else 1
        if abs(y1 - y2) == diag and abs(x1 - x2) == diag:
            continue
        terms.append((y1, x1, y2, x2, 2.0 if weight else 1.0, [g for g in range(8) if bits >> g & 1]))
    return terms


def vng(raw: F64, layout: str, bilinear: F64) -> F64:
    """The ``(h, w, 3)`` RGB of the mosaic `raw` (colours `layout`, e.g. ``"RGGB"``) from its `bilinear` result."""
    h, w = raw.shape
    out = bilinear.copy()
    if h < 5 or w < 5:
        return out
    colour = [["RGB".index(layout[2 * r + c]) for c in range(2)] for r in range(2)]
    for py in range(2):
        for px in range(2):
            y0, x0 = 2 + (py - 2) % 2, 2 + (px - 2) % 2
            ny, nx = len(range(y0, h - 2, 2)), len(range(x0, w - 2, 2))
            if ny == 0 or nx == 0:
                continue

            def at(plane: F64, dy: int, dx: int, y0: int = y0, x0: int = x0, ny: int = ny, nx: int = nx) -> F64:
                return plane[y0 + dy : y0 + dy + 2 * ny : 2, x0 + dx : x0 + dx + 2 * nx : 2]

            own = colour[y0 % 2][x0 % 2]
            grad = np.zeros((8, ny, nx))
            for y1, x1, y2, x2, weight, directions in _gradient_terms(colour, y0 % 2, x0 % 2):
                diff = np.abs(at(raw, y1, x1) - at(raw, y2, x2)) * weight
                for g in directions:
                    grad[g] += diff
            low, high = grad.min(axis=0), grad.max(axis=0)
            chosen = grad <= low + high / 2
            total = np.zeros((ny, nx, 3))
            for g, (dy, dx) in enumerate(_DIRECTIONS):
                colours = at(bilinear, dy, dx).copy()
                if colour[(y0 + dy) % 2][(x0 + dx) % 2] != own and colour[(y0 + 2 * dy) % 2][(x0 + 2 * dx) % 2] == own:
                    colours[..., own] = (at(raw, 0, 0) + at(raw, 2 * dy, 2 * dx)) / 2
                total += np.where(chosen[g][..., None], colours, 0.0)
            count = chosen.sum(axis=0)[..., None]
            sample = at(raw, 0, 0)[..., None]
            result = sample + (total - total[..., own : own + 1]) / count
            result[..., own] = sample[..., 0]
            region = out[y0 : y0 + 2 * ny : 2, x0 : x0 + 2 * nx : 2]
            region[...] = np.where((high > 0)[..., None], result, region)
    return out
