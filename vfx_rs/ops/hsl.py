"""RGB to and from HLS (hue, lightness, saturation), vectorised.

The double-hexcone model of Joblove and Greenberg (1978), *Color spaces for
computer graphics*, SIGGRAPH '78, the same one as Python's `colorsys`
(``rgb_to_hls``/``hls_to_rgb``): hue in [0, 1), lightness ``(max + min) / 2``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["hls_to_rgb", "rgb_to_hls"]

F64 = npt.NDArray[np.float64]


def rgb_to_hls(rgb: F64) -> tuple[F64, F64, F64]:
    """Hue, lightness and saturation of ``(..., 3)`` RGB (grey pixels get hue 0 and saturation 0)."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    hi = np.maximum(np.maximum(r, g), b)
    lo = np.minimum(np.minimum(r, g), b)
    lum = (hi + lo) / 2.0
    span = hi - lo
    grey = span == 0
    safe = np.where(grey, 1.0, span)
    denom = np.where(lum <= 0.5, hi + lo, 2.0 - hi - lo)
    sat = np.where(grey, 0.0, span / np.where(denom == 0, 1.0, denom))
    rc, gc, bc = (hi - r) / safe, (hi - g) / safe, (hi - b) / safe
    hue = np.where(r == hi, bc - gc, np.where(g == hi, 2.0 + rc - bc, 4.0 + gc - rc))
    hue = np.where(grey, 0.0, np.mod(hue / 6.0, 1.0))
    return hue, lum, sat


def _channel(m1: F64, m2: F64, hue: F64) -> F64:
    hue = np.mod(hue, 1.0)
    return np.where(
        hue < 1 / 6,
        m1 + (m2 - m1) * hue * 6.0,
        np.where(hue < 0.5, m2, np.where(hue < 2 / 3, m1 + (m2 - m1) * (2 / 3 - hue) * 6.0, m1)),
    )


def hls_to_rgb(hue: F64, lum: F64, sat: F64) -> F64:
    """``(..., 3)`` RGB from hue, lightness and saturation arrays."""
    m2 = np.where(lum <= 0.5, lum * (1.0 + sat), lum + sat - lum * sat)
    m1 = 2.0 * lum - m2
    rgb = np.stack([_channel(m1, m2, hue + 1 / 3), _channel(m1, m2, hue), _channel(m1, m2, hue - 1 / 3)], axis=-1)
    grey = (sat == 0)[..., None]
    return np.where(grey, lum[..., None], rgb)
