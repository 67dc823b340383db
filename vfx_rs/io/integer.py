"""Integer pixel encoding and file decoding shared by the PNG, JPEG, HDR, TIFF and DPX modules.

Floats map to integers by clipping to [0, 1], scaling by ``2**bits - 1`` and
rounding to nearest (NaN becomes 0); integers map back by dividing by the
same scale.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from vfx_rs.errors import ArgumentError, FormatError
from vfx_rs.image import Image
from vfx_rs.io.decoder_errors import decoder_reason

__all__ = [
    "associate_alpha",
    "check_bit_depth",
    "decode_file",
    "decode_integers",
    "encode_integers",
    "image_from_codes",
    "unassociate_alpha",
]

_DTYPES = {8: np.uint8, 16: np.uint16, 32: np.uint32}


def check_bit_depth(bit_depth: int | None, allowed: tuple[int, ...], default: int, what: str) -> int:
    """The bit depth to write: `bit_depth` if allowed, else `default` when None; raises otherwise."""
    if bit_depth is None:
        return default
    if bit_depth not in allowed:
        raise ArgumentError(f"{what} bit_depth must be one of {', '.join(map(str, allowed))}, not {bit_depth!r}")
    return int(bit_depth)


def encode_integers(data: np.ndarray, bits: int, container: type | None = None) -> np.ndarray:
    """Clip to [0, 1], scale to ``2**bits - 1`` and round; NaN becomes 0."""
    scale = float(2**bits - 1)
    out = np.nan_to_num(data, nan=0.0, posinf=1.0, neginf=0.0)
    out = np.rint(np.clip(out, 0.0, 1.0) * scale)
    return out.astype(container or _DTYPES[8 if bits <= 8 else 16])


def decode_integers(codes: np.ndarray, bits: int) -> np.ndarray:
    """Integer codes to float32 in [0, 1]."""
    return (codes.astype(np.float32) / np.float32(2**bits - 1)).astype(np.float32, copy=False)


def image_from_codes(codes: np.ndarray, path: str, metadata: dict[str, object] | None = None) -> Image:
    """An `Image` from a decoded uint8/uint16 (H, W[, C]) array; its format records the depth."""
    if codes.dtype == np.uint8:
        bits, fmt = 8, "u8"
    elif codes.dtype == np.uint16:
        bits, fmt = 16, "u16"
    else:
        raise FormatError(f"unexpected sample type {codes.dtype}", path=path)
    data = decode_integers(codes, bits)
    if data.ndim == 2:
        data = data[:, :, np.newaxis]
    return Image._adopt(np.ascontiguousarray(data), None, fmt, {"bit_depth": bits, **(metadata or {})})


def associate_alpha(data: np.ndarray) -> np.ndarray:
    """Premultiply colour by the last channel in place (files that store unassociated alpha)."""
    data[..., :-1] *= data[..., -1:]
    return data


def unassociate_alpha(data: np.ndarray) -> np.ndarray:
    """Divide colour by the last channel in place; where alpha is 0 the colour becomes 0."""
    alpha = data[..., -1:]
    np.divide(data[..., :-1], alpha, out=data[..., :-1], where=alpha > 0)
    data[..., :-1][np.broadcast_to(alpha <= 0, data[..., :-1].shape)] = 0.0
    return data


def decode_file(path: str, decode: Callable[[bytes], np.ndarray], what: str) -> np.ndarray:
    """Read `path` whole and decode it; any decoder failure becomes `FormatError` naming `what`."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        return decode(data)
    except Exception as exc:
        raise FormatError(f"damaged {what} data: {decoder_reason(exc)}", path=path) from exc
