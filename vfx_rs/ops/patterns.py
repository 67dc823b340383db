"""Generated images: black, constant colour, checkerboard and noise (OpenImageIO's "Image generators").

`fill` also keeps the seed API's other meaning: given an image first, it
resizes to cover a size (`vfx_rs.ops.resize.fill`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs._validate import numeric_array
from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfx_rs.ops._common import check_finite, check_output_size, check_whole
from vfx_rs.ops.resize import fill as _cover

__all__ = ["NOISE_TYPES", "checker", "fill", "noise", "zero"]

NOISE_TYPES = ("uniform", "white", "gaussian", "salt", "blue")
"""Kinds of `noise`: ``white`` is another name for ``uniform``."""


def _dims(width: Any, height: Any, channels: Any) -> tuple[int, int, int]:
    values = []
    for value, what in ((width, "width"), (height, "height"), (channels, "channels")):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ArgumentError(f"{what} must be a positive integer, not {value!r}")
        values.append(int(value))
    check_output_size(*values)
    return values[0], values[1], values[2]


def _color(values: Sequence[float], what: str) -> npt.NDArray[np.float32]:
    color = numeric_array(values, what, np.float32).ravel()
    if color.size == 0:
        raise ArgumentError(f"{what} must have one value per channel, not {values!r}")
    return color


def zero(width: int, height: int, channels: int = 4) -> Image:
    """A black ``width x height`` image with `channels` channels."""
    w, h, c = _dims(width, height, channels)
    return Image._adopt(np.zeros((h, w, c), dtype=np.float32))


def fill(*args: Any, **kwargs: Any) -> Any:
    """``fill(width, height, color)``: an image of one colour (one value per channel).

    ``fill(image, width, height, filter=..., premultiplied=...)`` (an image
    first) is the seed API's resize-to-cover, `vfx_rs.ops.resize.fill`.

    Examples
    --------
    >>> fill(2, 1, [1.0, 0.0, 0.0, 1.0]).numpy().tolist()
    [[[1.0, 0.0, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0]]]
    """
    first = args[0] if args else kwargs.get("width", kwargs.get("image"))
    if not isinstance(first, (int, np.integer)) or isinstance(first, bool):
        return _cover(*args, **kwargs)
    return _constant(*args, **kwargs)


def _constant(width: int, height: int, color: Sequence[float]) -> Image:
    values = _color(color, "color")
    w, h, c = _dims(width, height, values.size)
    return Image._adopt(np.broadcast_to(values, (h, w, c)).copy())


def checker(
    width: int,
    height: int,
    check_width: int = 32,
    check_height: int = 32,
    color1: Sequence[float] | None = None,
    color2: Sequence[float] | None = None,
) -> Image:
    """A checkerboard of ``check_width x check_height`` squares, `color1` at the top-left.

    Colours default to opaque black and white; the image has as many channels
    as the longer colour (the shorter is padded with 0), as OpenImageIO's ``checker``.
    """
    c1 = _color([0.0, 0.0, 0.0, 1.0] if color1 is None else color1, "color1")
    c2 = _color([1.0, 1.0, 1.0, 1.0] if color2 is None else color2, "color2")
    w, h, c = _dims(width, height, max(c1.size, c2.size))
    cw, ch, _ = _dims(check_width, check_height, 1)
    pad1, pad2 = np.zeros(c, np.float32), np.zeros(c, np.float32)
    pad1[: c1.size], pad2[: c2.size] = c1, c2
    parity = ((np.arange(h)[:, None] // ch) + (np.arange(w)[None, :] // cw)) % 2
    return Image._adopt(np.where(parity[..., None] == 0, pad1, pad2).astype(np.float32))


def _blue(rng: np.random.Generator, shape: tuple[int, int, int]) -> npt.NDArray[np.float64]:
    """Uniform values in [0, 1) with a high-pass (blue) spectrum: white noise minus its 3x3 mean, rank-equalised."""
    from scipy import ndimage

    white = rng.random(shape)
    high = white - ndimage.uniform_filter(white, size=(3, 3, 1), mode="wrap")
    flat = high.reshape(-1, shape[2])
    ranks = np.argsort(np.argsort(flat, axis=0), axis=0)
    return ((ranks + rng.random(ranks.shape)) / flat.shape[0]).reshape(shape)


def noise(
    width: int,
    height: int,
    channels: int = 4,
    noise_type: str = "gaussian",
    a: float = 0.5,
    b: float = 0.1,
    mono: bool = False,
    seed: int = 0,
) -> Image:
    """An image of random values on every channel (alpha too), reproducible from `seed`.

    - ``"uniform"``/``"white"``: uniform in ``[a, b)``.
    - ``"gaussian"``: normal with mean `a` and standard deviation `b`.
    - ``"salt"``: `a` at a fraction `b` of the values, 0 elsewhere.
    - ``"blue"``: uniform in ``[a, b)`` with the low frequencies removed.

    With `mono`, all channels of a pixel get the same value. Uses NumPy's
    PCG64 generator, so values differ from OpenImageIO's for the same seed;
    the distributions are the same.
    """
    kind = str(noise_type).lower().replace("salt_pepper", "salt")
    if kind not in NOISE_TYPES:
        raise ArgumentError(f"unknown noise type {noise_type!r}; expected one of: {', '.join(NOISE_TYPES)}")
    w, h, c = _dims(width, height, channels)
    rng = np.random.default_rng(check_whole(seed, "seed", low=0))
    shape = (h, w, 1 if mono else c)
    lo, hi = check_finite(a, "noise a"), check_finite(b, "noise b")
    if kind in ("uniform", "white"):
        values = lo + (hi - lo) * rng.random(shape)
    elif kind == "gaussian":
        if hi < 0:
            raise ArgumentError(f"gaussian noise needs a standard deviation b of at least 0, not {b!r}")
        values = rng.normal(lo, hi, shape)
    elif kind == "salt":
        values = np.where(rng.random(shape) < hi, lo, 0.0)
    else:
        values = lo + (hi - lo) * _blue(rng, shape)
    return Image._adopt(np.ascontiguousarray(np.broadcast_to(values, (h, w, c)), dtype=np.float32))
