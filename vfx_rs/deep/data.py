"""`DeepData`: vfx-rs-py's (and OpenImageIO's) editable deep samples, pixel by pixel, and `DeepStats`.

Pixels are numbered row by row; every channel is float32 and samples are premultiplied. The samples are
held as per-pixel counts and one ``(samples, channels)`` table, so whole-image operations
(`DeepData.tidy`, `DeepData.stats`, the `vfx_rs.deep` functions) run on arrays. Per-pixel edits that
change sample counts (`set_samples`, `insert_samples`, `sort`...) switch to one array per pixel, so a
script that fills every pixel in turn stays linear; the next whole-image operation joins them again. `to_deep_image` and
`from_deep_image` convert to and from `vfx_rs.deep.DeepImage` (what `vfx_rs.read_deep` returns).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from vfx_rs.deep import samples as kernels
from vfx_rs.deep.image import DeepImage
from vfx_rs.errors import ArgumentError

__all__ = ["DeepData", "DeepStats"]

_Counts = npt.NDArray[np.int64]
_Table = npt.NDArray[np.float32]


@dataclass(frozen=True)
class DeepStats:
    """Sample counts and depth range of a deep image (`DeepData.stats`); ``min_z``/``max_z`` are 0 without samples."""

    total_samples: int
    max_samples_per_pixel: int
    avg_samples_per_pixel: float
    empty_pixels: int
    multi_sample_pixels: int
    min_z: float
    max_z: float

    def __repr__(self) -> str:
        return (
            f"DeepStats(total_samples={self.total_samples}, max_per_pixel={self.max_samples_per_pixel}, "
            f"avg={self.avg_samples_per_pixel:.2f}, empty={self.empty_pixels}, multi={self.multi_sample_pixels}, "
            f"z=[{self.min_z:.3f}, {self.max_z:.3f}])"
        )


class DeepData:
    """Deep samples of `pixels` pixels with float channels `channel_names` (vfx-rs-py ``deep.DeepData``).

    Channel roles follow the names (case-insensitive): ``Z``, ``ZBack``, ``A``/``alpha``, ``AR``/``AG``/``AB``.
    Indices out of range raise `ArgumentError` (the original returns 0 or does nothing).
    """

    def __init__(self, pixels: int, channel_names: Sequence[str]) -> None:
        if int(pixels) < 0:
            raise ArgumentError(f"DeepData needs a pixel count >= 0, got {pixels}")
        if isinstance(channel_names, str) or not all(isinstance(n, str) for n in channel_names):
            raise ArgumentError(f"DeepData channel_names must be a list of strings, got {channel_names!r}")
        self._names = list(channel_names)
        self._roles = kernels.Roles.of(self._names)
        self._set(np.zeros(int(pixels), np.int64), np.zeros((0, len(self._names)), np.float32))
        self._capacity = np.zeros(int(pixels), np.int64)

    @classmethod
    def empty(cls) -> DeepData:
        """No pixels and no channels."""
        return cls(0, [])

    @classmethod
    def from_deep_image(cls, image: DeepImage) -> DeepData:
        """The samples of `image` (pixels row by row over its data window), channels in its order."""
        out = cls(image.counts.size, image.channel_names)
        table = np.stack([image.samples[n] for n in image.channel_names], axis=1) if image.channel_names else None
        out._set(image.counts.ravel().astype(np.int64), table if table is not None else out._table_data())
        return out

    def to_deep_image(self, width: int, height: int) -> DeepImage:
        """The samples as a `width` x `height` `DeepImage` (width * height must be `pixels`)."""
        if width * height != self.pixels or width < 0 or height < 0:
            raise ArgumentError(f"a {width}x{height} deep image needs {width * height} pixels; this has {self.pixels}")
        data = self._table_data()
        samples = {n: np.ascontiguousarray(data[:, c]) for c, n in enumerate(self._names)}
        return DeepImage(self._counts.reshape(height, width).astype(np.uint32), samples)

    def copy(self) -> DeepData:
        """An independent copy."""
        out = DeepData(self.pixels, self._names)
        out._set(self._counts.copy(), self._table_data().copy())
        out._capacity = self._capacity.copy()
        return out

    def _set(self, counts: npt.NDArray[np.int64], data: npt.NDArray[np.float32]) -> None:
        """Replace the samples (the arrays are taken, not copied)."""
        self._counts, self._data = counts, np.asarray(data, np.float32)
        self._starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        self._rows: list[_Table] | None = None  # one array per pixel while per-pixel edits run
        if hasattr(self, "_capacity"):
            self._capacity = np.maximum(self._capacity, counts)

    def __repr__(self) -> str:
        return f"DeepData(pixels={self.pixels}, channels={self.channels})"

    # -- shape and channels ------------------------------------------------------------------------------

    @property
    def pixels(self) -> int:
        """Number of pixels."""
        return int(self._counts.size)

    @property
    def channels(self) -> int:
        """Number of channels."""
        return len(self._names)

    @property
    def z_channel(self) -> int:
        """Index of ``Z`` (-1 if absent)."""
        return self._roles.z

    @property
    def a_channel(self) -> int:
        """Index of the alpha channel ``A`` (-1 if absent)."""
        return self._roles.alpha

    def channel_name(self, channel: int) -> str:
        """Name of channel `channel`."""
        return self._names[self._channel(channel)]

    def channel_names(self) -> list[str]:
        """All channel names."""
        return list(self._names)

    def sample_size(self) -> int:
        """Bytes in one sample (4 per channel: every channel is float32)."""
        return 4 * self.channels

    # -- sample counts -----------------------------------------------------------------------------------

    def samples(self, pixel: int) -> int:
        """Samples in pixel `pixel`."""
        return int(self._counts[self._pixel(pixel)])

    def all_samples(self) -> npt.NDArray[np.int64]:
        """The sample count of every pixel (a copy)."""
        return self._counts.copy()

    def set_samples(self, pixel: int, count: int) -> None:
        """Resize pixel `pixel` to `count` samples: new samples are 0, extra ones are dropped."""
        p, n = self._pixel(pixel), self._count(count)
        have = int(self._counts[p])
        if n > have:
            self.insert_samples(p, have, n - have)
        elif n < have:
            self.erase_samples(p, n, have - n)

    def capacity(self, pixel: int) -> int:
        """Samples pixel `pixel` has room for (at least its sample count)."""
        return int(self._capacity[self._pixel(pixel)])

    def set_capacity(self, pixel: int, capacity: int) -> None:
        """Reserve room for `capacity` samples (never below the sample count); the samples are unchanged."""
        p = self._pixel(pixel)
        self._capacity[p] = max(self._count(capacity), int(self._counts[p]))

    def insert_samples(self, pixel: int, position: int, count: int) -> None:
        """Insert `count` zero samples before sample `position` (0 ... samples) of pixel `pixel`."""
        p, n = self._pixel(pixel), self._count(count)
        if not 0 <= position <= self._counts[p]:
            raise ArgumentError(f"sample position {position} is outside 0..{self._counts[p]} of pixel {p}")
        rows = self._edit_rows()
        rows[p] = np.insert(rows[p], [int(position)] * n, 0.0, axis=0)
        self._counts[p] += n
        self._capacity[p] = max(int(self._capacity[p]), int(self._counts[p]))

    def erase_samples(self, pixel: int, position: int, count: int) -> None:
        """Remove samples `position` ... `position + count - 1` of pixel `pixel`."""
        p, n = self._pixel(pixel), self._count(count)
        if position < 0 or position + n > self._counts[p]:
            raise ArgumentError(f"samples {position}..{position + n - 1} are not all in pixel {p} ({self._counts[p]})")
        rows = self._edit_rows()
        rows[p] = np.delete(rows[p], np.s_[int(position) : int(position) + n], axis=0)
        self._counts[p] -= n

    # -- values ------------------------------------------------------------------------------------------

    def value(self, pixel: int, channel: int, sample: int) -> float:
        """The value of channel `channel` of sample `sample` of pixel `pixel`."""
        p, s = self._sample(pixel, sample)
        return float(self._pixel_rows(p)[s, self._channel(channel)])

    def set_value(self, pixel: int, channel: int, sample: int, value: float) -> None:
        """Set channel `channel` of sample `sample` of pixel `pixel` (stored as float32)."""
        p, s = self._sample(pixel, sample)
        self._pixel_rows(p)[s, self._channel(channel)] = value

    def pixel_values(self, pixel: int) -> list[list[float]]:
        """The samples of pixel `pixel`: one list of channel values per sample."""
        return self._pixel_rows(self._pixel(pixel)).tolist()

    # -- operations --------------------------------------------------------------------------------------

    def sort(self, pixel: int) -> None:
        """Order pixel `pixel`'s samples front to back by ``Z`` (then ``ZBack``); stable."""
        self._per_pixel(pixel, lambda c, d: (c, kernels.sort(c, d, self._roles)))

    def merge_overlaps(self, pixel: int) -> None:
        """Merge pixel `pixel`'s adjacent samples with the same depth range (`samples.merge_overlaps`)."""
        self._per_pixel(pixel, lambda c, d: kernels.merge_overlaps(c, d, self._roles))

    def occlusion_cull(self, pixel: int) -> None:
        """Drop pixel `pixel`'s samples after its first opaque one (alpha >= 1, in stored order: sort first)."""
        self._per_pixel(pixel, lambda c, d: kernels.occlusion_cull(c, d, self._roles))

    def opaque_z(self, pixel: int) -> float:
        """``Z`` of pixel `pixel`'s first opaque sample, else float32's max (OpenImageIO ``opaque_z``)."""
        p = self._pixel(pixel)
        return float(kernels.opaque_z(self._counts[p : p + 1], self._pixel_rows(p), self._roles)[0])

    def tidy(self) -> None:
        """Every pixel sorted, with overlapping samples merged and occluded ones culled."""
        counts, data = self._counts, kernels.sort(self._counts, self._table_data(), self._roles)
        counts, data = kernels.merge_overlaps(counts, data, self._roles)
        self._set(*kernels.occlusion_cull(counts, data, self._roles))

    def stats(self) -> DeepStats:
        """Sample counts and the depth range."""
        counts, n = self._counts, self.pixels
        data = self._table_data()
        z = data[:, self._roles.z] if self._roles.z >= 0 and len(data) else np.zeros(0, np.float32)
        return DeepStats(
            total_samples=int(counts.sum()),
            max_samples_per_pixel=int(counts.max(initial=0)),
            avg_samples_per_pixel=float(counts.sum() / n) if n else 0.0,
            empty_pixels=int(np.count_nonzero(counts == 0)),
            multi_sample_pixels=int(np.count_nonzero(counts > 1)),
            min_z=float(z.min()) if z.size else 0.0,
            max_z=float(z.max()) if z.size else 0.0,
        )

    def clear(self) -> None:
        """Forget everything: no pixels, no channels."""
        self._names, self._roles = [], kernels.Roles.of([])
        self._capacity = np.zeros(0, np.int64)
        self._set(np.zeros(0, np.int64), np.zeros((0, 0), np.float32))

    # -- whole-table access for the vfx_rs.deep functions --------------------------------------------------

    @property
    def roles(self) -> kernels.Roles:
        """The channel roles (`samples.Roles`)."""
        return self._roles

    def table(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        """The per-pixel counts and the ``(samples, channels)`` table (the arrays themselves, not copies)."""
        return self._counts, self._table_data()

    def replace(self, counts: npt.NDArray[np.int64], data: npt.NDArray[np.float32]) -> None:
        """Replace every pixel's samples with `counts` and rows `data` (same pixels and channels)."""
        if counts.shape != self._counts.shape or data.shape != (int(counts.sum()), self.channels):
            raise ArgumentError(f"replacement samples {data.shape} for counts {counts.shape} do not fit {self!r}")
        self._set(counts.astype(np.int64), data)

    # -- helpers -----------------------------------------------------------------------------------------

    def _per_pixel(self, pixel: int, step: Callable[[_Counts, _Table], tuple[_Counts, _Table]]) -> None:
        """Apply a kernel ``(counts, rows) -> (counts, rows)`` to one pixel's samples."""
        p = self._pixel(pixel)
        rows = self._edit_rows()
        count, rows[p] = step(self._counts[p : p + 1], rows[p])
        self._counts[p] = int(count[0])

    def _edit_rows(self) -> list[_Table]:
        """The samples as one ``(samples, channels)`` array per pixel (switching to that form)."""
        if self._rows is None:
            self._rows = np.split(self._data, np.cumsum(self._counts)[:-1]) if self.pixels else []
        return self._rows

    def _table_data(self) -> _Table:
        """The samples as one table in pixel order (joining the per-pixel arrays if edits made them)."""
        if self._rows is not None:
            joined = np.concatenate(self._rows) if self._rows else np.zeros((0, self.channels), np.float32)
            self._set(self._counts, joined.astype(np.float32, copy=False))
        return self._data

    def _pixel_rows(self, p: int) -> _Table:
        """Pixel `p`'s samples (a view: writes go to the data)."""
        if self._rows is not None:
            return self._rows[p]
        start = int(self._starts[p])
        return self._data[start : start + int(self._counts[p])]

    def _pixel(self, pixel: int) -> int:
        if not 0 <= int(pixel) < self.pixels:
            raise ArgumentError(f"pixel {pixel} is outside this DeepData's {self.pixels} pixels")
        return int(pixel)

    def _channel(self, channel: int) -> int:
        if not 0 <= int(channel) < self.channels:
            raise ArgumentError(f"channel {channel} is outside this DeepData's {self.channels} channels")
        return int(channel)

    def _sample(self, pixel: int, sample: int) -> tuple[int, int]:
        p = self._pixel(pixel)
        if not 0 <= int(sample) < self._counts[p]:
            raise ArgumentError(f"sample {sample} is outside pixel {p}'s {self._counts[p]} samples")
        return p, int(sample)

    @staticmethod
    def _count(count: int) -> int:
        if int(count) < 0:
            raise ArgumentError(f"a sample count must be >= 0, got {count}")
        return int(count)
