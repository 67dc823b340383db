"""Resampling: `resize` with a choice of filters, `fit` (letterbox) and `fill` (crop to cover).

Conventions (the same as OpenImageIO's ``ImageBufAlgo::resize``, file
``src/libOpenImageIO/imagebufalgo_xform.cpp``, so results agree):

- Pixel centres sit at half-integers. Output pixel ``o`` of ``n_out`` samples
  the source at ``(o + 0.5) * n_in / n_out - 0.5`` in source pixel indices.
- When magnifying, the filter is used at unit scale in source pixels; when
  minifying by ``s < 1`` it is stretched by ``1 / s`` (its support grows with
  it), so it acts as a low-pass at the output's Nyquist rate and nothing
  aliases (Heckbert 1989, "Fundamentals of Texture Mapping and Image
  Warping", section 5.2).
- Weights are normalised to sum to one; source pixels beyond an edge
  repeat the edge pixel (clamp).
- The two axes are filtered one after the other (the filters are
  separable), the one that shrinks most first.

Colour channels are filtered as they are, which is right for premultiplied
(associated) alpha, the VFX convention and OpenEXR's. Pass
``premultiplied=False`` for straight alpha: the colour is multiplied by alpha
before filtering and divided after, so transparent pixels do not bleed
their colour into the result.
"""

from __future__ import annotations

import copy
import enum
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.ops._banded import AxisWeights, all_finite, apply_columns, apply_rows
from vfx_rs.ops._common import ImageLike, check_output_size, check_positive, check_whole, pixels_and_names, result
from vfx_rs.ops._roi import restrict
from vfx_rs.ops.composite import associate
from vfx_rs.ops.filters import Filter, get_filter

__all__ = ["fill", "fit", "resize", "resize_weights"]


def resize_weights(n_in: int, n_out: int, filt: Filter) -> AxisWeights:
    """The banded weight matrix that resamples `n_in` samples to `n_out` with `filt`.

    Output ``o`` is centred at ``c = (o + 0.5) n_in / n_out`` (in a space where
    source pixel ``j`` covers ``[j, j + 1)``); source pixel ``j`` gets weight
    ``filt((j + 0.5 - c) * min(1, n_out / n_in))``. The taps are the
    ``2 ceil(radius / min(1, ratio)) + 1`` pixels around ``floor(c)``, as in
    OpenImageIO; indices beyond the edges are clamped.
    """
    ratio = n_out / n_in
    reach = int(np.ceil(filt.radius / min(ratio, 1.0) - 1e-9))
    out_index = np.arange(n_out, dtype=np.int64)
    first = (2 * out_index + 1) * n_in // (2 * n_out) - reach  # floor(c) - reach
    index = first[:, np.newaxis] + np.arange(2 * reach + 1)[np.newaxis, :]
    # (j + 0.5 - c) * min(1, ratio) as one exact integer ratio: filter edges (box, gaussian) are not
    # moved by rounding, so a tap exactly on the edge is kept or dropped as the filter defines.
    numerator = (2 * index + 1) * n_out - (2 * out_index[:, np.newaxis] + 1) * n_in
    weights = filt.kernel(numerator / (2.0 * max(n_in, n_out)))
    total = weights.sum(axis=1, keepdims=True)
    weights = np.divide(weights, total, out=np.zeros_like(weights), where=total != 0)
    return AxisWeights(n_in, np.clip(index, 0, n_in - 1), weights)


def _nearest_index(n_in: int, n_out: int) -> npt.NDArray[np.int64]:
    centre = (np.arange(n_out, dtype=np.float64) + 0.5) * (n_in / n_out)
    return np.minimum(np.floor(centre).astype(np.int64), n_in - 1)


def _target_size(width: int, height: int, new_width: Any, new_height: Any, scale: Any) -> tuple[int, int]:
    if scale is not None:
        if new_width is not None or new_height is not None:
            raise ArgumentError("give either scale or width/height, not both")
        pair = isinstance(scale, (tuple, list)) or (isinstance(scale, np.ndarray) and scale.ndim == 1)
        values = tuple(scale) if pair else (scale, scale)
        if len(values) != 2:
            raise ArgumentError(f"scale must be one number or an (x, y) pair, not {scale!r}")
        sx, sy = (check_positive(v, "scale") for v in values)
        # Sizes past the output limit are refused by check_output_size; cap them so round() stays finite.
        return max(1, round(min(width * sx, 2.0**40))), max(1, round(min(height * sy, 2.0**40)))
    if new_width is None and new_height is None:
        raise ArgumentError("resize needs width, height or scale")
    w = None if new_width is None else _size(new_width, "width")
    h = None if new_height is None else _size(new_height, "height")
    if w is None:
        assert h is not None
        w = max(1, round(width * h / height))
    if h is None:
        h = max(1, round(height * w / width))
    return w, h


def _size(value: Any, what: str) -> int:
    return check_whole(value, what)


def filter_name(filter: Any) -> str:
    """The filter name for a string or a `ResizeFilter`/`FilterType` member (``Lanczos3`` -> ``"lanczos3"``)."""
    if isinstance(filter, enum.IntEnum):
        return filter.name.lower()
    return str(filter)


def _resample(data: npt.NDArray[np.float32], width: int, height: int, filter: Any) -> npt.NDArray[np.float32]:
    h, w, _ = data.shape
    if isinstance(filter, Filter):
        filt = filter
    elif filter_name(filter).lower() in ("nearest", "point", "impulse"):
        rows = data if height == h else np.take(data, _nearest_index(h, height), axis=0)
        return rows if width == w else np.take(rows, _nearest_index(w, width), axis=1)
    else:
        filt = get_filter(filter_name(filter))
    finite = all_finite(data)
    passes = [("y", height / h), ("x", width / w)]
    passes.sort(key=lambda p: p[1])  # shrink first: later passes see fewer pixels
    out = data
    for axis, _ in passes:
        if axis == "y":
            out = apply_rows(out, resize_weights(h, height, filt), finite)
        else:
            out = apply_columns(out, resize_weights(w, width, filt), finite)
    return out


def resize(
    image: ImageLike,
    width: int | None = None,
    height: int | None = None,
    filter: Any = "lanczos3",
    roi: Any = None,
    *,
    scale: float | tuple[float, float] | None = None,
    premultiplied: bool = True,
) -> Any:
    """Resample an image to a new size.

    Parameters
    ----------
    image
        An `Image` or an ``(H, W[, C])`` array; the result is of the same kind.
    width, height
        The new size in pixels. Give one to keep the aspect ratio (rounded).
    scale
        Instead of a size: one factor for both axes or ``(sx, sy)``.
    filter
        ``"nearest"``, ``"box"``, ``"triangle"`` (``"bilinear"``), ``"catmull-rom"``
        (``"bicubic"``), ``"mitchell"``, ``"bspline"``, ``"lanczos3"`` (``"lanczos"``)
        or ``"gaussian"``; see `vfx_rs.ops.filters.FILTERS` for definitions and sources.
        A `vfx_rs.ops.ResizeFilter` works too (``ResizeFilter.Lanczos3``), and so does a
        `vfx_rs.ops.filters.Filter` (``filters.KAISER``).
    roi
        Keep only this region of the result (a `vfx_rs.Roi3D`).
    premultiplied
        True (default) if colour is already multiplied by alpha; False to
        premultiply before and divide after filtering.

    Returns
    -------
    Image or ndarray
        The resized pixels; an `Image` keeps channel names, format and
        metadata, with ``dataWindow``/``displayWindow`` set to the new size.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> img = vfx_rs.Image(np.ones((4, 8, 3), np.float32))
    >>> vfx_rs.ops.resize(img, width=4)
    <vfx_rs.Image 4x2 RGB f32>
    >>> float(vfx_rs.ops.resize(img, scale=0.5, filter="mitchell").numpy().max())
    1.0
    """
    data, names = pixels_and_names(image, "image")
    h, w, c = data.shape
    new_w, new_h = _target_size(w, h, width, height, scale)
    check_output_size(new_w, new_h, c)
    work, finish = associate(data, names, premultiplied)
    out = finish(_resample(work, new_w, new_h, filter))
    if out is data:
        out = data.copy()
    return restrict(result(image, out, metadata=_resized_metadata(image, new_w, new_h)), roi)


def _resized_metadata(image: ImageLike, width: int, height: int) -> dict[str, Any] | None:
    meta = getattr(image, "metadata", None)
    if meta is None:
        return None
    meta = copy.deepcopy(meta)
    for key in ("dataWindow", "displayWindow"):
        if key in meta:
            meta[key] = (0, 0, width - 1, height - 1)
    return meta


def fit(
    image: ImageLike, width: int, height: int, filter: Any = "lanczos3", roi: Any = None, *, premultiplied: bool = True
) -> Any:
    """Resize to fit inside ``width x height`` keeping the aspect ratio, centred on zeros (letterbox).

    The image is resized to fill one dimension exactly (the other rounded to
    the nearest pixel) and pasted at offset ``((width - w) // 2, (height - h) // 2)``,
    as OpenImageIO's ``ImageBufAlgo::fit`` with ``fillmode="letterbox"``.
    Uncovered pixels, alpha included, are 0.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> out = vfx_rs.ops.fit(np.ones((10, 20, 1), np.float32), 20, 20)
    >>> out.shape, float(out[:5].max()), float(out[5:15].min())
    ((20, 20, 1), 0.0, 1.0)
    """
    data, _ = pixels_and_names(image, "image")
    w_out, h_out = _size(width, "width"), _size(height, "height")
    h, w, c = data.shape
    check_output_size(w_out, h_out, c)
    if w_out / h_out >= w / h:
        inner_h, inner_w = h_out, max(1, int(h_out * (w / h) + 0.5))
    else:
        inner_w, inner_h = w_out, max(1, int(w_out / (w / h) + 0.5))
    inner = np.asarray(resize(data, inner_w, inner_h, filter=filter, premultiplied=premultiplied))
    out = np.zeros((h_out, w_out, c), dtype=np.float32)
    x0, y0 = (w_out - inner_w) // 2, (h_out - inner_h) // 2
    out[y0 : y0 + inner_h, x0 : x0 + inner_w] = inner
    return restrict(result(image, out, metadata=_resized_metadata(image, w_out, h_out)), roi)


def fill(image: ImageLike, width: int, height: int, *, filter: Any = "lanczos3", premultiplied: bool = True) -> Any:
    """Resize to cover ``width x height`` keeping the aspect ratio, then crop the centre.

    The image is resized so that both dimensions reach the target (the
    larger one rounded to the nearest pixel) and the middle ``width x height``
    is kept, starting at ``((w - width) // 2, (h - height) // 2)``.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> vfx_rs.ops.fill(np.ones((10, 20, 3), np.float32), 20, 20).shape
    (20, 20, 3)
    """
    data, _ = pixels_and_names(image, "image")
    w_out, h_out = _size(width, "width"), _size(height, "height")
    h, w, c = data.shape
    check_output_size(w_out, h_out, c)
    if w_out / h_out >= w / h:
        inner_w, inner_h = w_out, max(h_out, int(w_out / (w / h) + 0.5))
    else:
        inner_h, inner_w = h_out, max(w_out, int(h_out * (w / h) + 0.5))
    inner = np.asarray(resize(data, inner_w, inner_h, filter=filter, premultiplied=premultiplied))
    x0, y0 = (inner_w - w_out) // 2, (inner_h - h_out) // 2
    out = np.ascontiguousarray(inner[y0 : y0 + h_out, x0 : x0 + w_out])
    return result(image, out, metadata=_resized_metadata(image, w_out, h_out))
