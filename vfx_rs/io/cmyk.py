"""CMYK to RGB as OpenImageIO converts it, for TIFF (TIFF 6.0 section 16) and JPEG (Adobe inverted CMYK).

OpenImageIO converts per pixel in float32 and stores the result in the file's
8- or 16-bit container, rounding to nearest (``cmyk_to_rgb`` in
``src/tiff.imageio/tiffinput.cpp`` and ``src/jpeg.imageio/jpeginput.cpp``);
`quantise` is that container's maximum code (255, 65535), or None to keep
float.
"""

from __future__ import annotations

import numpy as np

__all__ = ["cmyk_to_rgb"]


def cmyk_to_rgb(ink: np.ndarray, quantise: int | None, inverted: bool = False) -> np.ndarray:
    """``(H, W, 4)`` inks in 0..1 to ``(H, W, 3)`` RGB.

    TIFF stores ink amounts: ``R = (1 - C)(1 - K)``, G from M, B from Y.
    JPEG files (Adobe APP14) store inverted inks: ``R = C K`` (`inverted`).
    """
    one = np.float32(1.0)
    rgb = ink[..., :3] * ink[..., 3:4] if inverted else (one - ink[..., :3]) * (one - ink[..., 3:4])
    if quantise is not None:
        scale = np.float32(quantise)
        rgb = np.floor(rgb * scale + np.float32(0.5)) / scale
    return np.ascontiguousarray(rgb, np.float32)
