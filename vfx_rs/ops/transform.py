"""Geometry with resampling or remapping: rotate by any angle, resample, circular shift, EXIF reorient.

As OpenImageIO's ``rotate``, ``resample``, ``circular_shift``, ``reorient``
(``imagebufalgo.h``, "Geometric transformations"). Quarter turns, flips,
crops and transposes are exact and live in `vfx_rs.ops.geometry`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.ops import geometry
from vfx_rs.ops._common import ImageLike, check_finite, check_output_size, check_whole, pixels, result
from vfx_rs.ops._roi import restrict, with_roi
from vfx_rs.ops._sample import sample
from vfx_rs.ops.enums import ResizeFilter, enum_name
from vfx_rs.ops.resize import _nearest_index, _resized_metadata

__all__ = ["EXIF_ORIENTATIONS", "circular_shift", "reorient", "reorient_auto", "resample", "rotate"]


def rotate(
    image: ImageLike, angle: float | None = None, filter: Any = None, roi: Any = None, *, degrees: float | None = None
) -> Any:
    """Rotate about the image centre; the result keeps the image's size, uncovered pixels are 0.

    Parameters
    ----------
    angle
        In radians, positive clockwise on screen (y down), as OpenImageIO's ``rotate``.
    filter
        A `ResizeFilter` or its name: nearest, bilinear (default), bicubic;
        ``Lanczos3`` samples with the bicubic.
    degrees
        The angle in degrees instead. A multiple of 90 turns the image
        exactly by quarter turns (the size swaps for 90 and 270), as the seed
        API's ``rotate(img, 90)`` did.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> vfx_rs.ops.rotate(np.array([[1, 2]], np.float32), degrees=90)[..., 0].tolist()
    [[1.0], [2.0]]
    """
    if (angle is None) == (degrees is None):
        raise ArgumentError("rotate needs an angle in radians or degrees=, not both")
    if degrees is not None:
        turns = check_finite(degrees, "degrees")
        if turns % 90 == 0:
            return restrict(geometry.turn(image, int(turns)), roi)
        angle = math.radians(turns)
    assert angle is not None
    theta = check_finite(angle, "angle")
    if not math.isfinite(theta):
        raise ArgumentError(f"angle must be finite, not {angle!r}")
    method = enum_name(filter, ResizeFilter, "bilinear")
    data = pixels(image)

    def run() -> Any:
        h, w, _ = data.shape
        y, x = np.mgrid[0:h, 0:w].astype(np.float64) + 0.5
        dx, dy = x - w / 2, y - h / 2
        c, s = math.cos(theta), math.sin(theta)
        return result(image, sample(data, w / 2 + dx * c + dy * s, h / 2 - dx * s + dy * c, method))

    return with_roi(run, roi)


def resample(image: ImageLike, width: int, height: int, roi: Any = None) -> Any:
    """Resize by picking the source pixel under each output pixel centre (no filtering).

    OpenImageIO's ``resample`` with ``interpolate=False``.
    """
    data = pixels(image)
    for value, what in ((width, "width"), (height, "height")):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ArgumentError(f"{what} must be a positive integer, not {value!r}")
    check_output_size(int(width), int(height), data.shape[2])
    rows = np.take(data, _nearest_index(data.shape[0], int(height)), axis=0)
    out = np.take(rows, _nearest_index(data.shape[1], int(width)), axis=1)
    return restrict(result(image, out, metadata=_resized_metadata(image, int(width), int(height))), roi)


def _shift(value: Any) -> int:
    """A whole-pixel shift (negative allowed), within int64 for np.roll."""
    shift = check_whole(value, "shift", low=-(1 << 62))
    if shift > 1 << 62:
        raise ArgumentError(f"shift {value!r} is out of range")
    return shift


def circular_shift(image: ImageLike, xshift: int, yshift: int, zshift: int = 0, roi: Any = None) -> Any:
    """Shift pixels right by `xshift` and down by `yshift`, wrapping around the edges."""
    del zshift  # 2D images: no depth to shift
    data = pixels(image)
    return with_roi(lambda: result(image, np.roll(data, (_shift(yshift), _shift(xshift)), axis=(0, 1))), roi)


def _transverse(image: ImageLike) -> Any:
    return geometry.rotate180(geometry.transpose(image))


EXIF_ORIENTATIONS = {
    1: lambda img: result(img, pixels(img).copy()),
    2: geometry.flop,
    3: geometry.rotate180,
    4: geometry.flip,
    5: geometry.transpose,
    6: geometry.rotate90,
    7: _transverse,
    8: geometry.rotate270,
}
"""What makes an image upright for each EXIF ``Orientation`` value (EXIF 2.32, tag 0x0112)."""


def reorient(image: ImageLike, orientation: int) -> Any:
    """Make upright an image stored with EXIF `orientation` 1-8 (6 turns 90 degrees clockwise)."""
    if not isinstance(orientation, (int, np.integer)) or orientation not in EXIF_ORIENTATIONS:
        raise ArgumentError(f"orientation must be an EXIF value 1-8, not {orientation!r}")
    out = EXIF_ORIENTATIONS[int(orientation)](image)
    if hasattr(out, "metadata") and "Orientation" in out.metadata:
        out.metadata["Orientation"] = 1
    return out


def reorient_auto(image: ImageLike) -> Any:
    """`reorient` by the image's own ``Orientation`` metadata (1, unchanged, if it has none)."""
    meta = getattr(image, "metadata", {}) or {}
    try:
        orientation = int(meta.get("Orientation", 1))
    except (TypeError, ValueError):
        raise ArgumentError(f"the image's Orientation metadata {meta.get('Orientation')!r} is not 1-8") from None
    return reorient(image, orientation)
