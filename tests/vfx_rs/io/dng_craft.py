"""Small DNG files written with tifffile for the DNG reader and the VNG demosaic tests.

The tags are those of the DNG specification 1.4 (chapter 4 and 6): a one-page file whose image is the raw
CFA (``PhotometricInterpretation`` 32803), or a preview in IFD 0 with the raw CFA in a SubIFD, as cameras
and CinemaDNG writers do.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import tifffile

__all__ = ["CFA_CODES", "RAWPY_LINEAR", "dng_tags", "ljpeg_encode", "write_dng"]

CFA_CODES = {"R": 0, "G": 1, "B": 2}
"""CFAPattern colour codes (DNG 1.4, CFAPlaneColor 0, 1, 2 = red, green, blue)."""

RAWPY_LINEAR = {
    "output_bps": 16,
    "gamma": (1, 1),
    "no_auto_bright": True,
    "use_camera_wb": False,
    "use_auto_wb": False,
    "user_wb": [1, 1, 1, 1],
    "user_flip": 0,
    "adjust_maximum_thr": 0.0,
}
"""rawpy postprocess options that keep LibRaw's values linear and unscaled (its raw colour output added
by the caller): no white balance, gamma 1, no brightening, no maximum guessed from the data."""


def dng_tags(layout: str, black: int | list[int], white: int) -> list[tuple[int, str, int, object]]:
    """tifffile ``extratags`` of a Bayer DNG: version, camera, CFA layout, levels, identity colour matrix."""
    blacks = [black] if isinstance(black, int) else list(black)
    return [
        (50706, "B", 4, (1, 4, 0, 0)),  # DNGVersion
        (50707, "B", 4, (1, 1, 0, 0)),  # DNGBackwardVersion
        (50708, "s", 0, "vfx-rs test camera"),  # UniqueCameraModel
        (33421, "H", 2, (2, 2)),  # CFARepeatPatternDim
        (33422, "B", 4, tuple(CFA_CODES[c] for c in layout)),  # CFAPattern
        (50710, "B", 3, (0, 1, 2)),  # CFAPlaneColor
        (50711, "H", 1, 1),  # CFALayout: rectangular
        (50713, "H", 2, (2, 2) if len(blacks) == 4 else (1, 1)),  # BlackLevelRepeatDim
        (50714, "H", len(blacks), tuple(blacks)),  # BlackLevel
        (50717, "H", 1, white),  # WhiteLevel
        (50721, "2i", 9, (1, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 1)),  # ColorMatrix1
        (50728, "2I", 3, (1, 1, 1, 1, 1, 1)),  # AsShotNeutral
    ]


def write_dng(
    path: Path,
    cfa: npt.NDArray[np.uint16],
    layout: str = "RGGB",
    black: int | list[int] = 0,
    white: int = 65535,
    preview: bool = False,
    **options: object,
) -> Path:
    """Write `cfa` as a DNG; with `preview`, IFD 0 is an 8-bit RGB thumbnail and the raw is in a SubIFD."""
    tags = dng_tags(layout, black, white)
    with tifffile.TiffWriter(path) as tif:
        if preview:
            thumb = np.zeros((cfa.shape[0] // 4 or 1, cfa.shape[1] // 4 or 1, 3), np.uint8)
            tif.write(thumb, photometric="rgb", subfiletype=1, subifds=1, extratags=tags)
            tif.write(cfa, photometric=32803, subfiletype=0, extratags=tags[3:], **options)  # type: ignore[arg-type]
        else:
            tif.write(cfa, photometric=32803, subfiletype=0, extratags=tags, **options)  # type: ignore[arg-type]
    return path


def ljpeg_encode(samples: npt.NDArray[np.uint16], components: int, precision: int = 16) -> bytes:
    """Lossless JPEG (ITU-T T.81, process 14, predictor 1) of ``(h, w)`` samples as `components` interleaved.

    CinemaDNG cameras store a tile of width ``w`` as a JPEG ``w / components`` wide with that many
    components (DNG 1.4, chapter 6, "Lossless JPEG"); imagecodecs only writes one component. The
    Huffman table gives each of the 17 difference categories a 5-bit code.
    """
    h, total = samples.shape
    w = total // components
    out = bytearray(b"\xff\xd8")
    counts = [0] * 16
    counts[4] = 17
    dht = bytes([0x00, *counts, *range(17)])
    out += b"\xff\xc4" + (2 + len(dht)).to_bytes(2, "big") + dht
    sof = bytes([precision]) + h.to_bytes(2, "big") + w.to_bytes(2, "big") + bytes([components])
    sof += b"".join(bytes([i + 1, 0x11, 0]) for i in range(components))
    out += b"\xff\xc3" + (2 + len(sof)).to_bytes(2, "big") + sof
    sos = bytes([components]) + b"".join(bytes([i + 1, 0x00]) for i in range(components)) + bytes([1, 0, 0])
    out += b"\xff\xda" + (2 + len(sos)).to_bytes(2, "big") + sos
    s = samples.astype(np.int64).reshape(h, w, components)
    pred = np.empty_like(s)
    pred[0, 0] = 1 << (precision - 1)  # the first sample; then the left one, and the one above at row starts
    pred[0, 1:] = s[0, :-1]
    pred[1:, 0] = s[:-1, 0]
    pred[1:, 1:] = s[1:, :-1]
    bits = []
    for raw in ((s - pred) % 65536).ravel().tolist():
        diff = raw - 65536 if raw > 32768 else raw
        category = 16 if diff == 32768 else abs(diff).bit_length()
        bits.append(format(category, "05b"))
        if 0 < category < 16:
            bits.append(format(diff if diff > 0 else diff + (1 << category) - 1, f"0{category}b"))
    stream = "".join(bits)
    stream += "1" * (-len(stream) % 8)
    for i in range(0, len(stream), 8):
        byte = int(stream[i : i + 8], 2)
        out += bytes([byte, 0]) if byte == 0xFF else bytes([byte])
    return bytes(out + b"\xff\xd9")
