"""Whole-image kernels on deep samples held as per-pixel counts and one ``(samples, channels)`` float32 table.

Samples are premultiplied and each pixel's rows are contiguous, in pixel order. The rules are those of
OpenImageIO's ``DeepData`` (``sort``, ``merge_overlaps``, ``occlusion_cull``, ``opaque_z``), which follow
OpenEXR's "Interpreting OpenEXR Deep Pixels" (merging two samples of the same depth range, section
"Merging Overlapping Samples"); each kernel returns new arrays and never edits its input.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["Roles", "keep", "merge_overlaps", "occlusion_cull", "opaque_z", "owners", "ranks", "sort"]

Counts = npt.NDArray[np.int64]
Table = npt.NDArray[np.float32]

_COLOUR_ALPHA = {"r": "ar", "red": "ar", "g": "ag", "green": "ag", "b": "ab", "blue": "ab"}


@dataclass(frozen=True)
class Roles:
    """Which channel is depth and which alpha covers each channel (-1: none), from the channel names.

    Names match case-insensitively: ``Z``, ``ZBack``, ``A``/``alpha``, ``AR``/``AG``/``AB`` (the per-channel
    alphas of ``R``/``G``/``B``), as OpenImageIO's ``DeepData``. Without ``ZBack``, ``zback`` is ``z``.
    """

    z: int
    zback: int
    alpha: int
    alpha_of: tuple[int, ...]

    @classmethod
    def of(cls, names: list[str]) -> Roles:
        """The roles of channels `names`."""
        lower = [n.lower() for n in names]

        def find(*candidates: str) -> int:
            return next((i for i, n in enumerate(lower) if n in candidates), -1)

        z, zback, alpha = find("z"), find("zback"), find("a", "alpha")
        alpha_of = []
        for i, n in enumerate(lower):
            if i in (z, zback):
                alpha_of.append(-1)
            elif n in ("ar", "ag", "ab") or i == alpha:
                alpha_of.append(i)
            else:
                own = find(_COLOUR_ALPHA[n]) if n in _COLOUR_ALPHA else -1
                alpha_of.append(own if own >= 0 else alpha)
        return cls(z, zback if zback >= 0 else z, alpha, tuple(alpha_of))


def owners(counts: Counts) -> npt.NDArray[np.int64]:
    """The pixel of each sample."""
    return np.repeat(np.arange(counts.size, dtype=np.int64), counts)


def ranks(counts: Counts) -> npt.NDArray[np.int64]:
    """Each sample's index within its pixel."""
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    return np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(starts, counts)


def keep(counts: Counts, data: Table, mask: npt.NDArray[np.bool_]) -> tuple[Counts, Table]:
    """The samples where `mask` is true, with the counts that remain."""
    kept = np.bincount(owners(counts)[mask], minlength=counts.size).astype(np.int64)
    return kept, data[mask]


def sort(counts: Counts, data: Table, roles: Roles) -> Table:
    """Each pixel's samples ordered front to back by ``Z`` then ``ZBack`` (stable); unchanged without ``Z``."""
    if roles.z < 0:
        return data.copy()
    order = np.lexsort((data[:, roles.zback], data[:, roles.z], owners(counts)))
    return data[order]


def _overlaps(counts: Counts, data: Table, roles: Roles) -> npt.NDArray[np.bool_]:
    """True for each sample whose depth range equals the previous sample's in the same pixel."""
    same = np.zeros(len(data), bool)
    if len(data) > 1:
        z, zb = data[:, roles.z], data[:, roles.zback]
        same[1:] = (z[1:] == z[:-1]) & (zb[1:] == zb[:-1]) & (ranks(counts)[1:] > 0)
    return same


def merge_overlaps(counts: Counts, data: Table, roles: Roles) -> tuple[Counts, Table]:
    """Adjacent samples with the same ``Z`` and ``ZBack`` merged into one, left to right.

    For alphas ``a1``, ``a2`` (clamped to [0, 1]) and colours ``c1``, ``c2`` covered by them, the merged
    alpha is ``a1 + a2 - a1 a2`` and the colour ``(c1 u1 / a1 + c2 u2 / a2) am / (u1 + u2)`` with
    ``u = -log(1 - a)`` (the optical depths add); an opaque sample's colour wins, two opaque samples average
    (OpenEXR, "Interpreting OpenEXR Deep Pixels"; OpenImageIO ``DeepData::merge_overlaps``). Channels
    covered by no alpha keep the first sample's value. Without ``Z``, nothing merges.
    """
    if roles.z < 0:
        return counts.copy(), data.copy()
    same = _overlaps(counts, data, roles)
    if not same.any():
        return counts.copy(), data.copy()
    group = np.cumsum(~same) - 1  # the surviving sample each one merges into
    step = np.arange(len(data)) - np.flatnonzero(~same)[group]
    out = data[~same].copy()
    colours = [c for c, a in enumerate(roles.alpha_of) if a >= 0 and a != c]
    alphas = sorted({a for a in roles.alpha_of if a >= 0})
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for k in range(1, int(step.max()) + 1):
            index = np.flatnonzero(step == k)
            target = group[index]
            for c in colours:
                a1 = np.clip(out[target, roles.alpha_of[c]], 0.0, 1.0)
                a2 = np.clip(data[index, roles.alpha_of[c]], 0.0, 1.0)
                out[target, c] = _merged_colour(out[target, c], data[index, c], a1, a2)
            for a in alphas:
                a1, a2 = np.clip(out[target, a], 0.0, 1.0), np.clip(data[index, a], 0.0, 1.0)
                out[target, a] = a1 + a2 - a1 * a2
    merged = np.bincount(owners(counts)[~same], minlength=counts.size).astype(np.int64)
    return merged, out


def _merged_colour(c1: Table, c2: Table, a1: Table, a2: Table) -> Table:
    """The colour of two merged samples of the same depth range (`merge_overlaps`), float32 as OpenImageIO."""
    big = np.float32(np.finfo(np.float32).max)
    am = a1 + a2 - a1 * a2
    u1, u2 = -np.log1p(-a1), -np.log1p(-a2)
    v1 = np.where(u1 < a1 * big, u1 / a1, 1.0).astype(np.float32)
    v2 = np.where(u2 < a2 * big, u2 / a2, 1.0).astype(np.float32)
    u = u1 + u2
    w = np.where((u > 1.0) | (am < u * big), am / u, 1.0).astype(np.float32)
    mixed = (c1 * v1 + c2 * v2) * w
    both = (a1 == 1.0) & (a2 == 1.0)
    return np.where(both, (c1 + c2) / 2, np.where(a1 == 1.0, c1, np.where(a2 == 1.0, c2, mixed))).astype(np.float32)


def opaque_z(counts: Counts, data: Table, roles: Roles) -> npt.NDArray[np.float32]:
    """Per pixel the ``Z`` of its first sample with alpha >= 1 (in stored order), else float32's max.

    OpenImageIO ``DeepData::opaque_z``; on sorted samples, the depth at which the pixel becomes opaque.
    """
    out = np.full(counts.size, np.finfo(np.float32).max, np.float32)
    if roles.z < 0 or roles.alpha < 0:
        return out
    opaque = np.flatnonzero(data[:, roles.alpha] >= 1.0)
    pixel = owners(counts)[opaque]
    first, at = np.unique(pixel, return_index=True)
    out[first] = data[opaque[at], roles.z]
    return out


def occlusion_cull(counts: Counts, data: Table, roles: Roles) -> tuple[Counts, Table]:
    """Each pixel's samples up to and including its first opaque one (alpha >= 1), as OpenImageIO."""
    if roles.alpha < 0:
        return counts.copy(), data.copy()
    pixel = owners(counts)
    opaque = data[:, roles.alpha] >= 1.0
    first = np.full(counts.size, np.iinfo(np.int64).max, np.int64)
    np.minimum.at(first, pixel[opaque], ranks(counts)[opaque])
    return keep(counts, data, ranks(counts) <= first[pixel])
