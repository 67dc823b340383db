"""Deep images: a variable number of samples per pixel, each with colour, alpha and depth.

`DeepImage` holds the samples as OpenEXR stores them (OpenEXR, "Interpreting OpenEXR Deep Pixels"):
per pixel a sample count, per channel one flat float32 array of every sample in pixel order (rows top
to bottom, pixels left to right, samples in file order). Colour is premultiplied by alpha; ``Z`` (and
``ZBack`` for volumetric samples) is the sample's depth, not premultiplied.

`DeepImage.flatten` composites each pixel's samples front to back with "over" after sorting them by
depth (``Z``, then ``ZBack``), giving the flat image a viewer shows:
``C += (1 - A_acc) * c_i`` and ``A_acc += (1 - A_acc) * a_i`` over the sorted samples, stopping once the
accumulated alpha reaches 1, with per-channel alphas (``AR``/``AG``/``AB``, or the older ``RA``/``GA``/``BA``)
for ``R``/``G``/``B`` where the file has them; this is OpenImageIO's ``ImageBufAlgo::flatten`` on sorted
samples. Volumetric samples that overlap are not split (neither does OpenImageIO). The flat ``Z`` and
``ZBack`` are those of the nearest sample (the surface a depth pass shows), and ``inf`` where a pixel has no
samples; OpenImageIO instead blends the depths with the accumulated alpha and writes ``1e30`` for no sample.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image

__all__ = ["DEPTH_CHANNELS", "DeepImage"]

DEPTH_CHANNELS = ("Z", "ZBack")
"""Channels holding depth (OpenEXR's reserved deep channel names), never composited."""

_CHANNEL_ALPHAS = {"R": ("AR", "RA"), "G": ("AG", "GA"), "B": ("AB", "BA")}
"""Per-channel alpha names (OpenEXR's current recommendation first, then the older one)."""


@dataclass(frozen=True, eq=False)
class DeepImage:
    """The samples of a deep image.

    Attributes
    ----------
    counts
        ``(height, width)`` uint32 sample count per pixel.
    samples
        Channel name -> ``(total samples,)`` float32 values, in pixel order.
    data_window, display_window
        ``(x0, y0, x1, y1)`` inclusive, as in `Image`.
    metadata
        The file's header attributes.
    """

    counts: npt.NDArray[np.uint32]
    samples: Mapping[str, npt.NDArray[np.float32]]
    data_window: tuple[int, int, int, int] = (0, 0, -1, -1)
    display_window: tuple[int, int, int, int] = (0, 0, -1, -1)
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        counts = np.asarray(self.counts)
        if counts.ndim != 2:
            raise ArgumentError(f"deep sample counts must be (height, width), got shape {counts.shape}")
        total = int(counts.sum(dtype=np.int64))
        for name, values in self.samples.items():
            if np.shape(values) != (total,):
                raise ArgumentError(f"deep channel {name!r} holds {np.shape(values)} values; the counts sum to {total}")
        height, width = counts.shape
        if self.data_window[2] < self.data_window[0]:
            object.__setattr__(self, "data_window", (0, 0, width - 1, height - 1))
        if self.display_window[2] < self.display_window[0]:
            object.__setattr__(self, "display_window", self.data_window)

    @property
    def width(self) -> int:
        """Pixels per row of the data window."""
        return int(self.counts.shape[1])

    @property
    def height(self) -> int:
        """Rows of the data window."""
        return int(self.counts.shape[0])

    @property
    def channel_names(self) -> list[str]:
        """The sample channels, in file order."""
        return list(self.samples)

    @property
    def total_samples(self) -> int:
        """Samples in the whole image."""
        return int(self.counts.sum(dtype=np.int64))

    def offsets(self) -> npt.NDArray[np.int64]:
        """``(height * width + 1,)`` index of each pixel's first sample in the flat arrays (and the total)."""
        out = np.zeros(self.counts.size + 1, np.int64)
        np.cumsum(self.counts.ravel(), out=out[1:])
        return out

    def pixel(self, x: int, y: int) -> dict[str, npt.NDArray[np.float32]]:
        """The samples of pixel (x, y), counted from the data window's top-left corner, per channel."""
        if not (0 <= x < self.width and 0 <= y < self.height):
            raise ArgumentError(f"pixel ({x}, {y}) is outside the {self.width}x{self.height} deep image")
        start = int(self.counts.ravel()[: y * self.width + x].sum(dtype=np.int64))
        stop = start + int(self.counts[y, x])
        return {name: values[start:stop].copy() for name, values in self.samples.items()}

    def sorted(self) -> DeepImage:
        """The same samples, each pixel's sorted front to back by ``Z`` then ``ZBack`` (stable)."""
        if "Z" not in self.samples:
            return self
        owner = np.repeat(np.arange(self.counts.size), self.counts.ravel())
        # np.lexsort sorts by the last key first: pixel, then Z, then ZBack.
        keys: list[np.ndarray] = [self.samples["ZBack"]] if "ZBack" in self.samples else []
        order = np.lexsort([*keys, self.samples["Z"], owner])
        samples = {name: values[order] for name, values in self.samples.items()}
        return DeepImage(self.counts, samples, self.data_window, self.display_window, dict(self.metadata))

    def flatten(self) -> Image:
        """The flat image: each pixel's samples sorted by depth and composited front to back (module docstring)."""
        deep = self.sorted()
        names = deep.channel_names
        alpha_name = "A" if "A" in names else None
        if alpha_name is None and not all(any(a in names for a in _CHANNEL_ALPHAS[c]) for c in "RGB"):
            raise ArgumentError(f"a deep image needs an A channel (or AR, AG, AB) to flatten; it has {names}")
        n_pixels = deep.counts.size
        offsets = deep.offsets()
        owner = np.repeat(np.arange(n_pixels), deep.counts.ravel())
        rank = np.arange(owner.size) - offsets[owner]
        out = {name: np.zeros(n_pixels, np.float32) for name in names}
        for name in DEPTH_CHANNELS:
            if name in out:
                out[name][:] = np.inf
                first = offsets[:-1][deep.counts.ravel() > 0]
                out[name][owner[first]] = deep.samples[name][first]
        alphas = {name: _alpha_of(name, names, alpha_name) for name in names if name not in DEPTH_CHANNELS}
        coverage = sorted({a for a in alphas.values()})
        by_rank = np.argsort(rank, kind="stable")
        bounds = np.searchsorted(rank[by_rank], np.arange(int(rank.max(initial=-1)) + 2))
        for k in range(len(bounds) - 1):
            index = by_rank[bounds[k] : bounds[k + 1]]
            pix = owner[index]
            accumulated = np.mean([out[a][pix] for a in coverage], axis=0)
            live = accumulated < 1.0
            index, pix = index[live], pix[live]
            weights = {a: 1.0 - out[a][pix] for a in coverage}
            for name, alpha in alphas.items():
                out[name][pix] += weights[alpha] * deep.samples[name][index]
        data = np.stack([out[n].reshape(deep.counts.shape) for n in names], axis=-1)
        meta = {**deep.metadata, "dataWindow": deep.data_window, "displayWindow": deep.display_window}
        meta["deep"] = f"flattened from {deep.total_samples} samples"
        return Image(data, names, "f32", meta)

    def merge(self, *others: DeepImage) -> DeepImage:
        """All samples of this and `others` in one deep image over the union of their data windows.

        The samples of each pixel are this image's, then each other's, in order (`flatten` sorts them by depth);
        channels missing from an image are 0 in its samples. OpenImageIO's ``deep_merge`` without occlusion
        culling and without splitting overlapping volumes.
        """
        images = (self, *others)
        x0 = min(d.data_window[0] for d in images)
        y0 = min(d.data_window[1] for d in images)
        x1 = max(d.data_window[2] for d in images)
        y1 = max(d.data_window[3] for d in images)
        width, height = x1 - x0 + 1, y1 - y0 + 1
        names = list(dict.fromkeys(n for d in images for n in d.channel_names))
        counts = np.zeros((height, width), np.uint32)
        owners, parts = [], []
        for d in images:
            dx, dy = d.data_window[0] - x0, d.data_window[1] - y0
            counts[dy : dy + d.height, dx : dx + d.width] += d.counts
            rows, cols = np.divmod(np.repeat(np.arange(d.counts.size), d.counts.ravel()), d.width)
            owners.append((rows + dy) * width + cols + dx)
            total = d.total_samples
            parts.append({n: d.samples.get(n, np.zeros(total, np.float32)) for n in names})
        order = np.argsort(np.concatenate(owners), kind="stable")
        samples = {n: np.concatenate([p[n] for p in parts])[order] for n in names}
        display = self.display_window
        return DeepImage(counts, samples, (x0, y0, x1, y1), display, dict(self.metadata))

    def __repr__(self) -> str:
        return (
            f"<vfx_rs.DeepImage {self.width}x{self.height} {','.join(self.channel_names)} {self.total_samples} samples>"
        )


def _alpha_of(name: str, names: list[str], alpha: str | None) -> str:
    """The alpha channel that covers channel `name` when compositing."""
    for candidate in _CHANNEL_ALPHAS.get(name, ()):
        if candidate in names:
            return candidate
    if name in ("AR", "RA", "AG", "GA", "AB", "BA"):
        return name
    if alpha is None:
        raise ArgumentError(f"deep channel {name!r} has no alpha to composite with (no A channel)")
    return alpha
