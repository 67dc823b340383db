"""Deep OpenEXR parts (deep scanline and deep tiled) as `vfx_rs.deep.DeepImage`.

The OpenEXR package returns a deep channel as an object array holding each pixel's samples (or None
for a pixel without samples); this module turns that into the sample counts and one flat float32 array
per channel that `DeepImage` holds, checking that every channel agrees on the counts.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vfx_rs.deep import DeepImage
from vfx_rs.errors import ArgumentError, FormatError

__all__ = ["deep_image_of_part", "is_deep", "read_deep"]


def is_deep(part: Any) -> bool:
    """True if an OpenEXR part holds deep data."""
    return "deep" in str(dict(part.header).get("type", "")).lower()


def _counts(pixels: np.ndarray) -> np.ndarray:
    lengths = np.fromiter((0 if p is None else len(p) for p in pixels.ravel()), np.int64, pixels.size)
    return lengths.reshape(pixels.shape)


def _flat(pixels: np.ndarray, total: int) -> np.ndarray:
    pieces = [p for p in pixels.ravel() if p is not None and len(p)]
    if not pieces:
        return np.zeros(0, np.float32)
    values = np.concatenate(pieces).astype(np.float32, copy=False)
    if values.size != total:
        raise ValueError(values.size)
    return values


def deep_image_of_part(part: Any, metadata: dict[str, Any], path: str) -> DeepImage:
    """The `DeepImage` of one deep part of an open OpenEXR file."""
    names = list(part.channels)
    counts = None
    samples: dict[str, np.ndarray] = {}
    for name in names:
        pixels = np.asarray(part.channels[name].pixels, dtype=object)
        these = _counts(pixels)
        if counts is None:
            counts = these
        elif not np.array_equal(counts, these):
            raise FormatError(f"deep EXR channel {name!r} has other sample counts than {names[0]!r}", path=path)
        try:
            samples[name] = _flat(pixels, int(counts.sum()))
        except ValueError:
            raise FormatError(f"deep EXR channel {name!r} holds the wrong number of samples", path=path) from None
    if counts is None:
        raise FormatError("deep EXR part has no channels", path=path)
    return DeepImage(
        counts.astype(np.uint32),
        samples,
        metadata["dataWindow"],
        metadata["displayWindow"],
        metadata,
    )


def read_deep(path: str, part: int = 0) -> DeepImage:
    """Read the samples of a deep OpenEXR file's part (the first by default).

    Parameters
    ----------
    path
        A deep scanline or deep tiled OpenEXR file.
    part
        Part index in a multi-part file.

    Raises
    ------
    FormatError
        The part holds flat (not deep) data, or the file is damaged.
    """
    from vfx_rs.io.exr import _metadata, _open

    path = str(path)
    handle = _open(path)
    if isinstance(part, bool) or not isinstance(part, int) or not 0 <= part < len(handle.parts):
        raise ArgumentError(f"part {part!r} out of range; the file has {len(handle.parts)} parts", path=path)
    chosen = handle.parts[part]
    if not is_deep(chosen):
        raise FormatError(f"EXR part {part} holds flat pixels, not deep samples: read it with vfx_rs.read", path=path)
    return deep_image_of_part(chosen, _metadata(dict(chosen.header)), path)
