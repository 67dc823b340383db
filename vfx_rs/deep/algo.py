"""vfx-rs-py's deep functions (``vfx_rs.deep``), on `DeepData`: flatten, deepen, merge, holdout, tidy, stats.

They follow OpenImageIO's ImageBufAlgo deep functions (``flatten``, ``deepen``, ``deep_merge``,
``deep_holdout``) and ``DeepData`` rules (`vfx_rs.deep.samples`) on premultiplied samples; where the
Rust original differs, the module docstring of each function says which rule is kept.
"""

from __future__ import annotations

import numpy as np

from vfx_rs.deep import samples as kernels
from vfx_rs.deep.data import DeepData, DeepStats
from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image

__all__ = [
    "deep_holdout",
    "deep_holdout_matte",
    "deep_merge",
    "deep_stats",
    "deep_tidy",
    "deepen",
    "deepen_with_z",
    "flatten_deep",
]

_CANONICAL = {"r": "R", "red": "R", "g": "G", "green": "G", "b": "B", "blue": "B", "a": "A", "alpha": "A"}
_CANONICAL |= {"z": "Z", "zback": "ZBack", "ar": "AR", "ag": "AG", "ab": "AB"}


def flatten_deep(deep: DeepData, width: int, height: int) -> Image:
    """The flat RGBA image of `deep` seen as `width` x `height` pixels.

    Each pixel's samples are sorted by depth and composited front to back with "over"
    (`vfx_rs.deep.DeepImage.flatten`, OpenImageIO's ``ImageBufAlgo::flatten``); a missing ``R``, ``G`` or
    ``B`` is 0. The Rust original composites in stored order without sorting; the results agree on sorted
    samples. An ``A`` channel is required.
    """
    names = [_CANONICAL.get(n.lower(), n) for n in deep.channel_names()]
    if len(set(names)) != len(names) or "A" not in names:
        raise ArgumentError(
            f"flatten_deep needs one A channel and distinct R, G, B, Z channels; got {deep.channel_names()}"
        )
    counts, data = deep.table()
    shaped = DeepData(deep.pixels, names)
    shaped.replace(counts.copy(), data.copy())
    flat = shaped.to_deep_image(width, height).flatten()
    planes = [
        flat.pixels[..., flat.channel_index(c)] if c in names else np.zeros((height, width), np.float32) for c in "RGBA"
    ]
    return Image(np.stack(planes, axis=-1), ["R", "G", "B", "A"])


def deepen(image: Image, z_value: float = 1.0) -> DeepData:
    """One sample per pixel holding `image`'s channels, at depth `z_value` (appended as ``Z``).

    An image with a ``Z`` channel keeps its depths, as OpenImageIO's ``deepen``. Unlike OpenImageIO
    (which leaves empty the pixels whose channels are all 0), every pixel gets its sample, as the original.
    """
    height, width, _ = image.pixels.shape
    z = np.full((height, width), z_value, np.float32)
    return _deepen(image, z, keep_z=True)


def deepen_with_z(image: Image, z_image: Image) -> DeepData:
    """One sample per pixel holding `image`'s channels at the depth in `z_image`'s first channel."""
    if z_image.pixels.shape[:2] != image.pixels.shape[:2]:
        raise ArgumentError(
            f"deepen_with_z: the depth image is {z_image.width}x{z_image.height}, the image {image.width}x{image.height}"
        )
    return _deepen(image, z_image.pixels[..., 0], keep_z=False)


def _deepen(image: Image, z: np.ndarray, keep_z: bool) -> DeepData:
    """`image`'s pixels as single samples with depth `z` (or the image's own ``Z`` when `keep_z`)."""
    names = list(image.channel_names)
    table = image.pixels.reshape(-1, len(names))
    z_index = next((i for i, n in enumerate(names) if n.lower() == "z"), -1)
    if z_index < 0:
        names.append("Z")
        table = np.concatenate([table, z.reshape(-1, 1)], axis=1)
    elif not keep_z:
        table = table.copy()
        table[:, z_index] = z.ravel()
    deep = DeepData(image.width * image.height, names)
    deep.replace(np.ones(image.width * image.height, np.int64), np.array(table, np.float32))
    return deep


def deep_merge(a: DeepData, b: DeepData, occlusion_cull: bool = False) -> DeepData:
    """The samples of `a` and `b` in one deep image: per pixel `a`'s then `b`'s, sorted, overlaps merged.

    Channels follow `a` (by name; those `b` lacks are 0 in its samples). With `occlusion_cull` (OpenImageIO's
    default; not the original's), samples behind each pixel's first opaque one are dropped. Volumetric
    samples that overlap are not split (OpenImageIO splits them).
    """
    names = a.channel_names()
    extra = [n for n in b.channel_names() if n not in names]
    if extra:
        raise ArgumentError(f"deep_merge: channels {extra} of the second image are not in the first ({names})")
    pixels = max(a.pixels, b.pixels)
    counts = np.zeros(pixels, np.int64)
    rows, owners = [], []
    for deep in (a, b):
        c, d = deep.table()
        counts[: deep.pixels] += c
        table = np.zeros((len(d), len(names)), np.float32)
        for i, n in enumerate(deep.channel_names()):
            table[:, names.index(n)] = d[:, i]
        rows.append(table)
        owners.append(kernels.owners(c))
    order = np.argsort(np.concatenate(owners), kind="stable")
    out = DeepData(pixels, names)
    data = kernels.sort(counts, np.concatenate(rows)[order], out.roles)
    counts, data = kernels.merge_overlaps(counts, data, out.roles)
    if occlusion_cull:
        counts, data = kernels.occlusion_cull(counts, data, out.roles)
    out.replace(counts, data)
    return out


def deep_holdout(deep: DeepData, z: float) -> None:
    """Remove, in place, every sample of `deep` deeper than `z` (its ``Z`` greater than `z`)."""
    counts, data = deep.table()
    deep.replace(*kernels.keep(counts, data, data[:, _z_of(deep, "deep_holdout")] <= z))


def deep_holdout_matte(deep: DeepData, holdout: DeepData) -> None:
    """Remove, in place, the samples of `deep` behind where `holdout` becomes opaque (Z greater), pixel by pixel.

    The depth is that of each `holdout` pixel's first sample with alpha >= 1 (OpenImageIO's
    ``deep_holdout``, which uses ``opaque_z``); the original uses the nearest holdout sample whatever its
    alpha. Samples straddling that depth are not split.
    """
    if holdout.pixels != deep.pixels:
        raise ArgumentError(f"deep_holdout_matte: the holdout has {holdout.pixels} pixels, the image {deep.pixels}")
    _z_of(holdout, "deep_holdout_matte's holdout")
    if holdout.a_channel < 0:
        raise ArgumentError(f"deep_holdout_matte: the holdout has no A channel ({holdout.channel_names()})")
    frontier = kernels.opaque_z(*holdout.table(), holdout.roles)
    counts, data = deep.table()
    z = data[:, _z_of(deep, "deep_holdout_matte")]
    deep.replace(*kernels.keep(counts, data, z <= frontier[kernels.owners(counts)]))


def deep_tidy(deep: DeepData) -> None:
    """Sort every pixel, merge overlapping samples and cull occluded ones, in place (`DeepData.tidy`)."""
    deep.tidy()


def deep_stats(deep: DeepData) -> DeepStats:
    """Sample counts and depth range of `deep` (`DeepData.stats`)."""
    return deep.stats()


def _z_of(deep: DeepData, what: str) -> int:
    """The ``Z`` channel of `deep`, or `ArgumentError` naming `what` needs it."""
    if deep.z_channel < 0:
        raise ArgumentError(f"{what} needs a Z channel; the deep data has {deep.channel_names()}")
    return deep.z_channel
