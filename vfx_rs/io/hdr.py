"""Radiance HDR (RGBE, Greg Ward's format: 8-bit mantissas sharing an 8-bit exponent) through imagecodecs."""

from __future__ import annotations

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image
from vfx_rs.io.headers import radiance_size
from vfx_rs.io.integer import decode_file
from vfx_rs.io.limits import check_size

__all__ = ["WRITE_OPTIONS", "read", "write"]

WRITE_OPTIONS: dict[str, frozenset[str]] = {"hdr": frozenset()}


def read(path: str) -> Image:
    """Read an RGB Radiance HDR file as float32."""
    import imagecodecs

    with open(path, "rb") as handle:
        check_size(*radiance_size(handle, path), 3, path)
    rgb = decode_file(path, imagecodecs.rgbe_decode, "Radiance HDR")
    return Image._adopt(np.ascontiguousarray(rgb, dtype=np.float32), ["R", "G", "B"], "f32", {})


def write(path: str, image: Image, fmt: str = "hdr") -> None:
    """Write RGB as Radiance HDR; each value keeps about 2-3 significant digits (RGBE).

    RGBE has no alpha: an RGBA image is written as its RGB channels and the
    alpha is dropped, as vfx-rs and OpenImageIO do; other channel counts raise.
    """
    import imagecodecs

    if image.channels not in (3, 4):
        raise ArgumentError(f"Radiance HDR holds RGB; the image has {image.channels} channels {image.channel_names}")
    rgb = np.nan_to_num(image.numpy()[..., :3], nan=0.0, posinf=0.0, neginf=0.0)
    with open(path, "wb") as handle:
        handle.write(imagecodecs.rgbe_encode(np.clip(rgb, 0.0, None)))
