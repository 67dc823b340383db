"""vfx-rs-py's ``DynamicProcessor``: a conversion plus exposure, contrast, gamma and saturation set at run time.

The conversion is built once (`Config.processor`, cached); the four values are
plain attributes read when pixels are processed, so changing them never
rebuilds anything (the role of OCIO's dynamic properties). The adjustments are
the original's (vfx-ocio ``DynamicProcessor::apply_dynamic``), in this order,
each skipped while within 1e-6 of neutral:

- exposure ``e`` (stops): ``c * 2**e``, as OCIO's linear ExposureContrastTransform;
- contrast ``k`` around `pivot` (0.18): ``pivot + (c - pivot) * k``, OCIO's logarithmic
  ExposureContrastTransform formula with its mid grey at the pivot;
- gamma ``g`` (at least 0.01): ``max(c, 0) ** (1 / g)``, OCIO's ExponentTransform (negatives clamped);
- saturation ``s`` (at least 0): ``Y + (c - Y) * s`` with Rec. 709 luma ``Y`` (ITU-R BT.709-6 item 3.2),
  OCIO's ``MatrixTransform.Sat``.

With ``apply_before=True`` (the binding's default) they run on the source values,
before the conversion; otherwise on its result.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.ocio.processor import Processor, flat_view

__all__ = ["DynamicProcessor"]

LUMA_REC709 = np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)
"""Rec. 709 luma weights (ITU-R BT.709-6, item 3.2) of the saturation adjustment."""

_NEUTRAL = 1e-6


class DynamicProcessor:
    """``DynamicProcessor(config, src, dst, apply_before=True)``; set ``.exposure``, ``.contrast``... then apply."""

    def __init__(self, config: Any, src: str, dst: str, apply_before: bool = True) -> None:
        cfg = getattr(config, "config", config)
        self.base: Processor = cfg.processor(src, dst)
        self.apply_before = bool(apply_before)
        self.pivot = 0.18
        self.reset()

    def reset(self) -> None:
        """Exposure 0, contrast 1, gamma 1, saturation 1 (the pivot stays)."""
        self.exposure = 0.0
        self.contrast = 1.0
        self._gamma = 1.0
        self._saturation = 1.0

    @property
    def gamma(self) -> float:
        """Gamma (1 = no change); values below 0.01 are taken as 0.01."""
        return self._gamma

    @gamma.setter
    def gamma(self, value: float) -> None:
        self._gamma = max(float(value), 0.01)

    @property
    def saturation(self) -> float:
        """Saturation (1 = no change, 0 = grey); negative values are taken as 0."""
        return self._saturation

    @saturation.setter
    def saturation(self, value: float) -> None:
        self._saturation = max(float(value), 0.0)

    def has_adjustments(self) -> bool:
        """True if any value is away from neutral."""
        return (
            abs(self.exposure) > _NEUTRAL
            or abs(self.contrast - 1.0) > _NEUTRAL
            or abs(self._gamma - 1.0) > _NEUTRAL
            or abs(self._saturation - 1.0) > _NEUTRAL
        )

    def _adjust(self, rgb: np.ndarray) -> None:
        """The adjustments, in place on the ``(..., 3)`` float32 view `rgb`."""
        if abs(self.exposure) > _NEUTRAL:
            rgb *= np.float32(2.0 ** float(self.exposure))
        if abs(self.contrast - 1.0) > _NEUTRAL:
            pivot = np.float32(self.pivot)
            rgb -= pivot
            rgb *= np.float32(self.contrast)
            rgb += pivot
        if abs(self._gamma - 1.0) > _NEUTRAL:
            np.maximum(rgb, 0.0, out=rgb)
            np.power(rgb, np.float32(1.0 / self._gamma), out=rgb)
        if abs(self._saturation - 1.0) > _NEUTRAL:
            luma = (rgb @ LUMA_REC709)[..., None]
            rgb -= luma
            rgb *= np.float32(self._saturation)
            rgb += luma

    def apply(self, pixels: np.ndarray, num_channels: int | None = None) -> np.ndarray:
        """Apply in place to float32 ``(..., 3|4)`` pixels, or a flat array of `num_channels` (3) per pixel."""
        data = flat_view(pixels, num_channels)
        if self.apply_before and self.has_adjustments():
            self._adjust(data[..., :3])
        self.base.apply(data)
        if not self.apply_before and self.has_adjustments():
            self._adjust(data[..., :3])
        return pixels

    def apply_rgb(self, pixels: np.ndarray) -> None:
        """Apply in place to a flat float32 array ``[r, g, b, r, g, b, ...]``."""
        self._flat(pixels, 3)

    def apply_rgba(self, pixels: np.ndarray) -> None:
        """Apply in place to a flat float32 array ``[r, g, b, a, ...]`` (alpha untouched)."""
        self._flat(pixels, 4)

    def _flat(self, pixels: np.ndarray, channels: int) -> None:
        if getattr(pixels, "ndim", None) != 1:
            raise ArgumentError(f"pixels must be a flat float32 array of {channels} values per pixel")
        self.apply(pixels, channels)

    def __repr__(self) -> str:
        return (
            f"DynamicProcessor(exposure={self.exposure}, contrast={self.contrast}, "
            f"gamma={self.gamma}, saturation={self.saturation})"
        )
