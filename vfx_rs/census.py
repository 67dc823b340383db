"""The NaN / Inf / negative / out-of-gamut census of an image: counts per channel and kind, and where.

Kinds, per channel: ``nan``, ``+inf``, ``-inf`` and ``negative`` (finite values below 0) of the stored
values; and, when view settings are given, ``out_of_gamut``: pixels whose displayed value (after the
view transform, `vfx_rs.view.ViewSettings.apply`) lies outside the display's 0..1 code range in any of
R, G, B, i.e. colours the display cannot show. Positions are image coordinates (the data window's),
row by row, the first `max_positions` of each kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from vfx_rs.image import Image

__all__ = ["KINDS", "Census", "census"]

KINDS = ("nan", "+inf", "-inf", "negative")
"""Per-channel kinds of stored value the census counts."""


@dataclass(frozen=True)
class Census:
    """What `census` found.

    Attributes
    ----------
    counts
        Channel name -> kind (`KINDS`) -> number of pixels.
    positions
        Kind -> up to `max_positions` ``(x, y)`` pixels with that kind in any channel.
    out_of_gamut
        Pixels outside the display's range after the view (None without view settings).
    pixels
        Pixels in the image.
    """

    counts: dict[str, dict[str, int]]
    positions: dict[str, list[tuple[int, int]]]
    out_of_gamut: int | None
    pixels: int
    out_of_gamut_positions: list[tuple[int, int]] = field(default_factory=list)

    def total(self, kind: str) -> int:
        """Pixels with `kind` in any channel (for ``out_of_gamut``: the view count)."""
        if kind == "out_of_gamut":
            return self.out_of_gamut or 0
        return sum(per_kind[kind] for per_kind in self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for JSON)."""
        return {
            "pixels": self.pixels,
            "counts": self.counts,
            "positions": {k: [list(p) for p in v] for k, v in self.positions.items()},
            "out_of_gamut": self.out_of_gamut,
            "out_of_gamut_positions": [list(p) for p in self.out_of_gamut_positions],
        }

    def text(self) -> str:
        """A table: one row per channel, one column per kind, then the out-of-gamut count."""
        lines = [f"{'channel':<10}" + "".join(f"{k:>10}" for k in KINDS)]
        for name, per_kind in self.counts.items():
            lines.append(f"{name:<10}" + "".join(f"{per_kind[k]:>10}" for k in KINDS))
        if self.out_of_gamut is not None:
            share = 100.0 * self.out_of_gamut / max(self.pixels, 1)
            lines.append(f"out of the display's gamut after the view: {self.out_of_gamut} pixels ({share:.3g}%)")
        return "\n".join(lines)


def _where(mask: np.ndarray, origin: tuple[int, int], limit: int) -> list[tuple[int, int]]:
    ys, xs = np.nonzero(mask)
    return [(int(x) + origin[0], int(y) + origin[1]) for y, x in zip(ys[:limit], xs[:limit], strict=True)]


def census(image: Image, view: Any = None, max_positions: int = 100) -> Census:
    """Count NaN, +Inf, -Inf and negative values per channel, and out-of-gamut pixels after `view`.

    Parameters
    ----------
    image
        The image as stored (scene-referred values).
    view
        A `vfx_rs.view.ViewSettings`, or None to skip the gamut count.
    max_positions
        Positions kept per kind.

    Examples
    --------
    >>> import numpy as np
    >>> c = census(Image(np.array([[[np.nan, -1.0, np.inf]]], np.float32)))
    >>> c.counts["R"]["nan"], c.counts["G"]["negative"], c.counts["B"]["+inf"]
    (1, 1, 1)
    """
    data = image.pixels
    origin = (image.data_window[0], image.data_window[1])
    counts: dict[str, dict[str, int]] = {}
    masks: dict[str, np.ndarray] = {k: np.zeros(data.shape[:2], bool) for k in KINDS}
    for c, name in enumerate(image.channel_names):
        plane = data[..., c]
        kinds = {
            "nan": np.isnan(plane),
            "+inf": np.isposinf(plane),
            "-inf": np.isneginf(plane),
            "negative": np.isfinite(plane) & (plane < 0),
        }
        counts[name] = {k: int(m.sum()) for k, m in kinds.items()}
        for k, m in kinds.items():
            masks[k] |= m
    positions = {k: _where(m, origin, max_positions) for k, m in masks.items()}
    gamut, gamut_positions = None, []
    if view is not None:
        shown = view.apply(image).pixels[..., :3]
        with np.errstate(invalid="ignore"):
            outside = np.any((shown < 0.0) | (shown > 1.0) | ~np.isfinite(shown), axis=-1)
        gamut, gamut_positions = int(outside.sum()), _where(outside, origin, max_positions)
    return Census(counts, positions, gamut, int(data.shape[0] * data.shape[1]), gamut_positions)
