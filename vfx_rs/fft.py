"""Fourier transforms of images, the vfx-rs-py ``fft`` module (OpenImageIO's ``fft``, ``ifft``, polar conversions).

`fft` takes the first channel, `ifft` a two-channel (real, imaginary) image;
both are the unitary 2D DFT, scaled by ``1 / sqrt(width x height)`` (NumPy's
``norm="ortho"``), as the original documents, so ``ifft(fft(x))`` is ``x``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.ops._common import ImageLike, pixels, result
from vfx_rs.ops._roi import restrict

__all__ = ["complex_to_polar", "fft", "ifft", "polar_to_complex"]


def _two(image: ImageLike, what: str) -> Any:
    data = pixels(image)
    if data.shape[2] < 2:
        raise ArgumentError(f"{what} needs 2 channels (real, imaginary); the image has {data.shape[2]}")
    return data[..., 0].astype(np.float64), data[..., 1].astype(np.float64)


def fft(image: ImageLike, roi: Any = None) -> Any:
    """The 2D DFT of the first channel: channels ``real`` and ``imag``."""
    spectrum = np.fft.fft2(pixels(restrict(image, roi))[..., 0].astype(np.float64), norm="ortho")
    out = np.stack([spectrum.real, spectrum.imag], axis=-1)
    return result(restrict(image, roi), out, channel_names=["real", "imag"])


def ifft(image: ImageLike, roi: Any = None) -> Any:
    """The inverse 2D DFT of a (real, imaginary) image: its real part, one channel ``Y``."""
    re, im = _two(restrict(image, roi), "ifft")
    return result(restrict(image, roi), np.fft.ifft2(re + 1j * im, norm="ortho").real[..., None], channel_names=["Y"])


def complex_to_polar(image: ImageLike, roi: Any = None) -> Any:
    """(real, imaginary) to (amplitude, phase), phase in ``[0, 2 pi)``."""
    re, im = _two(restrict(image, roi), "complex_to_polar")
    out = np.stack([np.hypot(re, im), np.mod(np.arctan2(im, re), 2 * np.pi)], axis=-1)
    return result(restrict(image, roi), out, channel_names=["amplitude", "phase"])


def polar_to_complex(image: ImageLike, roi: Any = None) -> Any:
    """(amplitude, phase) to (real, imaginary)."""
    amp, phase = _two(restrict(image, roi), "polar_to_complex")
    out = np.stack([amp * np.cos(phase), amp * np.sin(phase)], axis=-1)
    return result(restrict(image, roi), out, channel_names=["real", "imag"])
