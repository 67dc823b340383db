"""DNG raw files: the camera's CFA (or linear raw) samples with their black and white levels.

Adobe's Digital Negative specification 1.4 (2012): a TIFF whose main image
(``NewSubFileType`` 0, in IFD 0 or a SubIFD, chapter 3) is the raw data,
``PhotometricInterpretation`` 32803 (CFA) or 34892 (LinearRaw). `read` gives
that image as float32, one channel ``Y`` for a CFA (demosaic it with
`vfx_rs.ops.demosaic`) or the file's channels for LinearRaw, each sample taken
through the ``LinearizationTable`` if any and scaled by the levels of its
place in the ``BlackLevel`` repeat pattern (chapter 5, "Mapping Raw Values to
Linear Reference Values"): ``(v - black) / (white - black)``, not clipped.
``normalize=False`` keeps the linearized codes. Strips or tiles, uncompressed
or lossless JPEG (compression 7, ITU-T T.81 process 14, which CinemaDNG uses; a tile may be
one component or two interleaved ones, half the tile wide)
are decoded by tifffile and imagecodecs; any other compression (lossy JPEG 34892,
deflate, JPEG XL) raises `FormatError` naming the file.

Metadata: ``dng:cfa_pattern`` (``"RGGB"``: the ``CFAPattern`` colours row by
row for the ``CFARepeatPatternDim``), ``dng:black_level`` (one value per place
of the repeat pattern, row by row), ``dng:white_level``, ``dng:version``,
``dng:active_area`` when present, ``Make``/``Model``/``dng:unique_camera_model``,
``dng:as_shot_neutral`` and ``dng:color_matrix1`` when present.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import FormatError
from vfx_rs.image import Image
from vfx_rs.io.limits import check_size

__all__ = ["RAW_COMPRESSIONS", "read", "read_header"]

RAW_COMPRESSIONS = {1: "none", 7: "lossless JPEG"}
"""DNG compressions read here (DNG 1.4, ``Compression`` tag)."""

_CFA, _LINEAR_RAW = 32803, 34892
_PLANE_LETTERS = "RGBCMYW"
"""CFA colour codes 0..6 (TIFF/EP ``CFAPattern``: red, green, blue, cyan, magenta, yellow, white)."""


def _value(page: Any, code: int, default: Any = None) -> Any:
    """A tag's value; (S)RATIONAL values as floats (tifffile gives numerator, denominator pairs)."""
    tag = page.tags.get(code)
    if tag is None:
        return default
    if int(tag.dtype) not in (5, 10):  # RATIONAL, SRATIONAL
        return tag.value
    pairs = np.asarray(tag.value, dtype=np.float64).reshape(-1, 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = pairs[:, 0] / pairs[:, 1]
    return tuple(ratios.tolist()) if ratios.size > 1 else float(ratios[0])


def _raw_page(tif: Any, path: str) -> Any:
    """The main raw image: the full-resolution IFD (NewSubFileType 0) of a DNG photometric."""
    first = tif.pages[0]
    if _value(first, 50706) is None:
        raise FormatError("not a DNG file (no DNGVersion tag)", path=path)
    candidates = [first, *(first.pages or [])]
    for page in candidates:
        if _value(page, 254, 0) == 0 and page.photometric in (_CFA, _LINEAR_RAW):
            return page
    raise FormatError("DNG file holds no raw image (no CFA or LinearRaw IFD of NewSubFileType 0)", path=path)


def _pattern(page: Any, path: str) -> tuple[tuple[int, int], str]:
    dims = tuple(int(v) for v in np.atleast_1d(_value(page, 33421, (2, 2))))
    codes = bytes(_value(page, 33422, b""))
    planes = bytes(_value(page, 50710, b"\x00\x01\x02"))
    if len(dims) != 2 or len(codes) != dims[0] * dims[1] or any(c >= len(planes) for c in codes):
        raise FormatError("DNG CFAPattern does not match CFARepeatPatternDim and CFAPlaneColor", path=path)
    if any(planes[c] >= len(_PLANE_LETTERS) for c in codes):
        raise FormatError(f"DNG CFAPlaneColor {list(planes)} names an unknown colour", path=path)
    return (dims[0], dims[1]), "".join(_PLANE_LETTERS[planes[c]] for c in codes)


def _levels(page: Any, shape: tuple[int, ...], path: str) -> tuple[npt.NDArray[np.float64], float, list[float]]:
    """Black level per pixel (repeat pattern tiled), the white level, and the black levels as stored."""
    rows, cols = (int(v) for v in np.atleast_1d(_value(page, 50713, (1, 1))))
    h, w = shape[:2]
    if not (1 <= rows <= h and 1 <= cols <= w):  # one BlackLevel value would be repeated rows x cols times
        raise FormatError(f"DNG BlackLevelRepeatDim {rows}x{cols} does not fit the {w}x{h} raw image", path=path)
    samples = shape[2] if len(shape) == 3 else 1
    black = np.asarray(_value(page, 50714, 0), dtype=np.float64).ravel()
    if black.size == 1:
        black = np.repeat(black, rows * cols * samples)
    if rows < 1 or cols < 1 or black.size != rows * cols * samples:
        raise FormatError(f"DNG BlackLevel has {black.size} values for a {rows}x{cols} repeat", path=path)
    whites = np.asarray(_value(page, 50717, (1 << int(np.max(page.bitspersample))) - 1), dtype=np.float64).ravel()
    if np.ptp(whites) > 0:
        raise FormatError("DNG WhiteLevel differs per sample; only one white level is read", path=path)
    grid = black.reshape(rows, cols, samples)
    full = np.tile(grid, (-(-h // rows), -(-w // cols), 1))[:h, :w]
    for code in (50715, 50716):  # BlackLevelDeltaH (per column), BlackLevelDeltaV (per row)
        delta = _value(page, code)
        if delta is not None:
            d = np.asarray(delta, dtype=np.float64).ravel()
            full = full + (d[None, :, None] if code == 50715 else d[:, None, None])
    return full, float(whites[0]), [float(v) for v in black]


def read_header(path: str) -> dict[str, Any]:
    """Size, channels and metadata of a DNG's raw image, without decoding its samples."""
    import tifffile

    with tifffile.TiffFile(path) as tif:
        return _header(tif, _raw_page(tif, path), path)


def _header(tif: Any, page: Any, path: str) -> dict[str, Any]:
    first = tif.pages[0]
    meta: dict[str, Any] = {"dng:version": ".".join(str(v) for v in bytes(_value(first, 50706)))}
    if page.photometric == _CFA:
        dims, letters = _pattern(page, path)
        meta["dng:cfa_pattern"] = letters
        meta["dng:cfa_repeat"] = list(dims)
    for key, code, where in (
        ("Make", 271, first),
        ("Model", 272, first),
        ("dng:unique_camera_model", 50708, first),
        ("dng:as_shot_neutral", 50728, first),
        ("dng:color_matrix1", 50721, first),
        ("dng:active_area", 50829, page),
    ):
        value = _value(where, code)
        if value is not None:
            meta[key] = value if isinstance(value, str) else np.asarray(value).ravel().tolist()
    shape = page.shape
    return {
        "width": int(shape[1]),
        "height": int(shape[0]),
        "channels": 1 if len(shape) == 2 else int(shape[2]),
        **meta,
    }


def read(path: str, *, normalize: bool = True, **_: Any) -> Image:
    """The raw image of the DNG `path` (module docstring); ``normalize=False`` keeps the codes."""
    import tifffile

    with tifffile.TiffFile(path) as tif:
        page = _raw_page(tif, path)
        if page.compression not in RAW_COMPRESSIONS:
            raise FormatError(
                f"DNG raw compression {int(page.compression)} is not supported (only "
                f"{', '.join(RAW_COMPRESSIONS.values())})",
                path=path,
            )
        meta = _header(tif, page, path)
        check_size(meta["width"], meta["height"], meta["channels"], path)
        codes = page.asarray()
        if codes.dtype.kind not in "ui":
            raise FormatError(f"DNG raw samples are {codes.dtype}, not integers", path=path)
        table = _value(page, 50712)
        black, white, stored_black = _levels(page, codes.shape, path)
    values = codes.astype(np.float64)
    if table is not None:
        lut = np.asarray(table, dtype=np.float64).ravel()
        values = lut[np.minimum(codes, lut.size - 1)]
    data = values.reshape(codes.shape[0], codes.shape[1], -1)
    if normalize:
        span = white - black
        data = (data - black) / np.where(span > 0, span, 1.0)
    for key in ("width", "height", "channels"):
        meta.pop(key)
    meta.update({"dng:black_level": stored_black, "dng:white_level": white})
    names = ["Y"] if data.shape[2] == 1 else ["R", "G", "B", "A"][: data.shape[2]]
    if len(names) != data.shape[2]:
        names = [f"channel{i}" for i in range(data.shape[2])]
    return Image(data.astype(np.float32), names, "u16" if codes.itemsize > 1 else "u8", meta, copy=False)
