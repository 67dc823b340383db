"""TIFF writing: 8/16-bit integer or 32-bit float, contiguous or planar, strips or tiles, through tifffile.

Alpha is written as associated (premultiplied, TIFF 6.0 ExtraSamples = 1), as
`vfx_rs` images are. Metadata that round-trips (read back by
`vfx_rs.io.tiff.read`):

- ``timecode`` (``"HH:MM:SS:FF"``) and ``frame_rate``: the CinemaDNG tags
  TimeCodes (51043, SMPTE 12M binary-coded decimal, 8 bytes) and FrameRate
  (51044, SRATIONAL), DNG specification 1.4, chapter 6;
- ``tiff:white_point`` (x, y) and ``tiff:primaries`` (xr, yr, xg, yg, xb,
  yb): TIFF 6.0 section 20, WhitePoint (318) and PrimaryChromaticities (319);
- ``tiff:transfer_function``: TIFF 6.0 section 20, TransferFunction (301),
  ``2**bits`` 16-bit entries for one channel or three; a table that does not
  fit the depth written (an 8-bit file's table in a 16-bit or float file) is
  left out, since the tag is defined per code value.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError, FormatError
from vfx_rs.image import Image
from vfx_rs.io.integer import check_bit_depth, encode_integers
from vfx_rs.io.timecode import timecode_from_bytes, timecode_to_bytes

__all__ = ["WRITE_OPTIONS", "default_bit_depth", "tag_metadata", "write"]

WRITE_OPTIONS = {"tiff": frozenset({"bit_depth", "compression", "planar", "tile"})}

_TIMECODES, _FRAME_RATE = 51043, 51044
_WHITE_POINT, _PRIMARIES, _TRANSFER = 318, 319, 301


def tag_metadata(tags: Any) -> dict[str, Any]:
    """The round-tripped metadata found in a tifffile page's tags (a short TimeCodes tag is skipped)."""
    meta: dict[str, Any] = {}
    if (tag := tags.get(_TIMECODES)) is not None:
        raw = tag.value if isinstance(tag.value, bytes) else np.asarray(tag.value, np.uint8).tobytes()
        if len(raw) >= 8:
            meta["timecode"] = timecode_from_bytes(raw[:8])
    if (tag := tags.get(_FRAME_RATE)) is not None:
        numerator, denominator = tag.value[:2]
        meta["frame_rate"] = float(numerator) / float(denominator or 1)
    if (tag := tags.get(_WHITE_POINT)) is not None:
        meta["tiff:white_point"] = tuple(float(v) for v in _rationals(tag.value))
    if (tag := tags.get(_PRIMARIES)) is not None:
        meta["tiff:primaries"] = tuple(float(v) for v in _rationals(tag.value))
    if (tag := tags.get(_TRANSFER)) is not None:
        meta["tiff:transfer_function"] = np.asarray(tag.value, np.uint16).reshape(-1).tolist()
    return meta


def _rationals(value: Any) -> list[float]:
    """tifffile gives RATIONAL tags as flat (numerator, denominator) pairs."""
    flat = np.asarray(value, np.float64).reshape(-1)
    return list(flat[0::2] / np.where(flat[1::2] == 0, 1, flat[1::2]))


def _rational_pairs(values: Any, what: str, count: int) -> tuple[int, ...]:
    floats = [float(v) for v in np.asarray(values, np.float64).reshape(-1)]
    if len(floats) != count:
        raise ArgumentError(f"{what} needs {count} numbers, not {len(floats)}")
    pairs: list[int] = []
    for v in floats:
        f = Fraction(v).limit_denominator(1_000_000)
        pairs += [f.numerator, f.denominator]
    return tuple(pairs)


def _extra_tags(image: Image, bits: int) -> list[tuple[int, int, int, Any, bool]]:
    """tifffile ``extratags`` for the metadata this module round-trips."""
    meta = image.metadata
    tags: list[tuple[int, int, int, Any, bool]] = []
    if meta.get("timecode"):
        tags.append((_TIMECODES, 1, 8, timecode_to_bytes(str(meta["timecode"])), False))
    if meta.get("frame_rate"):
        f = Fraction(float(meta["frame_rate"])).limit_denominator(100_000)
        tags.append((_FRAME_RATE, 10, 1, (f.numerator, f.denominator), False))
    if meta.get("tiff:white_point") is not None:
        tags.append((_WHITE_POINT, 5, 2, _rational_pairs(meta["tiff:white_point"], "tiff:white_point", 2), False))
    if meta.get("tiff:primaries") is not None:
        tags.append((_PRIMARIES, 5, 6, _rational_pairs(meta["tiff:primaries"], "tiff:primaries", 6), False))
    table = np.asarray(meta.get("tiff:transfer_function", ()), np.uint16).reshape(-1)
    if bits in (8, 16) and table.size in (2**bits, 3 * 2**bits):
        tags.append((_TRANSFER, 3, table.size, tuple(int(v) for v in table), False))
    return tags


def _tile(tile: int | tuple[int, int] | None) -> tuple[int, int] | None:
    if tile is None:
        return None
    size = (tile, tile) if isinstance(tile, int) else tuple(tile)
    if len(size) != 2 or any(not isinstance(s, int) or s < 16 or s % 16 for s in size):
        raise ArgumentError(f"TIFF tile must be a multiple of 16 (or a (height, width) pair of them), not {tile!r}")
    return (int(size[0]), int(size[1]))


def default_bit_depth(image: Image) -> int:
    """The bit depth `write` uses when none is given: the source's 8 or 16, else 32-bit float."""
    return {"u8": 8, "u16": 16}.get(image.format, 32)


def write(
    path: str,
    image: Image,
    fmt: str = "tiff",
    bit_depth: int | None = None,
    compression: str = "zlib",
    planar: bool = False,
    tile: int | tuple[int, int] | None = None,
) -> None:
    """Write as 8/16-bit integer or 32-bit float TIFF (float by default for float images).

    Parameters
    ----------
    bit_depth
        8, 16 or 32 (float).
    compression
        Any compression tifffile writes ("zlib", "lzw", "packbits", "none", ...).
    planar
        Write PlanarConfiguration 2 (one plane per channel) instead of contiguous pixels.
    tile
        Tile size (a multiple of 16, or a ``(height, width)`` pair) instead of strips.
    """
    import tifffile

    bits = check_bit_depth(bit_depth, (8, 16, 32), default_bit_depth(image), "TIFF")
    data = image.numpy() if bits == 32 else encode_integers(image.numpy(), bits)
    photometric = "rgb" if image.channels >= 3 else "minisblack"
    extra = max(0, image.channels - 3) if photometric == "rgb" else image.channels - 1
    planar_config = "separate" if planar and image.channels > 1 else "contig"
    if planar_config == "separate":
        data = np.ascontiguousarray(np.moveaxis(data, -1, 0))
    tiles, tags = _tile(tile), _extra_tags(image, bits)
    # tifffile resolves a path with realpath, which would turn atomic_output's /proc/self/fd/N into a
    # new file named after the unnamed one: give it the open file instead.
    try:
        with open(path, "wb") as handle:
            tifffile.imwrite(
                handle,
                data if image.channels > 1 else data[:, :, 0],
                photometric=photometric,
                planarconfig=planar_config,
                tile=tiles,
                extrasamples=["assocalpha"] + ["unspecified"] * (extra - 1) if extra else None,
                compression=None if compression == "none" else compression,
                extratags=tags,
            )
    except (ValueError, KeyError) as exc:
        raise FormatError(f"cannot write this TIFF: {exc}", path=path) from exc
