"""LUTs applied to whole images, returning new ones: the vfx-rs-py ``lut`` helpers.

`apply_lut1d` and `apply_lut3d` take an `Image` (or ``(H, W, 3|4)`` array)
and return a new one, alpha and any channel past the fourth untouched;
`load_cube` reads a ``.cube`` file (1D or 3D). The in-place forms on float32
arrays are `vfx_rs.lut.apply_1d` and `apply_3d`.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from vfx_rs._validate import as_float32_pixels
from vfx_rs.errors import LutError
from vfx_rs.image import Image
from vfx_rs.lut.cube import read_cube
from vfx_rs.lut.lut import Lut1D, Lut3D

__all__ = ["apply_lut1d", "apply_lut3d", "load_cube"]


def _apply(image: Any, lut: Any, kind: type[Lut1D] | type[Lut3D], interpolation: str | None) -> Any:
    if not isinstance(lut, kind):
        raise LutError(f"expected a {kind.__name__}, got {type(lut).__name__}")
    source = image._data if isinstance(image, Image) else as_float32_pixels(image, "image")
    if source.shape[2] < 3:
        raise LutError(f"a LUT needs 3 or more channels; the image has {source.shape[2]}")
    out = source.copy()
    rgb = np.ascontiguousarray(source[..., :3])
    out[..., :3] = lut.apply(rgb, interpolation) if isinstance(lut, Lut3D) and interpolation else lut.apply(rgb)
    return image.with_pixels(out) if isinstance(image, Image) else out


def apply_lut1d(image: Any, lut: Lut1D) -> Any:
    """A copy of `image` with the 1D LUT applied to its first three channels.

    Examples
    --------
    >>> import numpy as np, vfx_rs, vfx_rs.lut as lut
    >>> img = vfx_rs.Image(np.full((1, 1, 4), 0.25, np.float32))
    >>> apply_lut1d(img, lut.Lut1D.gamma(1024, 2.0)).numpy().round(4).tolist()
    [[[0.0625, 0.0625, 0.0625, 0.25]]]
    """
    return _apply(image, lut, Lut1D, None)


def apply_lut3d(image: Any, lut: Lut3D, interpolation: str = "tetrahedral") -> Any:
    """A copy of `image` with the 3D LUT applied to its first three channels (tetrahedral by default)."""
    return _apply(image, lut, Lut3D, interpolation)


def load_cube(path: str | os.PathLike[str]) -> Lut1D | Lut3D:
    """Read a ``.cube`` file: a `Lut1D` or a `Lut3D` (with its shaper), as `read_cube`."""
    return read_cube(path)  # type: ignore[arg-type]
