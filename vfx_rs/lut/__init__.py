"""LUTs: `Lut1D`, `Lut3D`, `LutChain`, file readers and writers, baking, and in-place application.

`read` returns what a LUT file holds, choosing the reader by extension or, for
an unknown extension, by the file's first bytes; `write_lut` writes ``.cube``,
``.spi1d``, ``.spi3d``, ``.clf`` and ``.ctf``; `bake` turns any processor into a 1D, 3D or log2
shaper + 3D LUT file. Every reader enforces the limits of `vfx_rs.lut.limits`.

Examples
--------
>>> import vfx_rs.lut as lut
>>> sorted(lut.LUT_FORMATS)
['.3dl', '.clf', '.csp', '.ctf', '.cub', '.cube', '.icc', '.icm', '.itx', '.look', '.lut', '.m3d', '.mga', '.pf', '.spi1d', '.spi3d', '.spimtx', '.vf']
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from vfx_rs._files import check_path, open_regular
from vfx_rs._validate import check_inplace_float32
from vfx_rs.errors import LutError
from vfx_rs.lut.bake import bake, bake_1d, bake_3d, bake_shaper_3d, log2_shaper
from vfx_rs.lut.chain import LutChain
from vfx_rs.lut.clf import read_clf, write_clf
from vfx_rs.lut.csp import read_csp
from vfx_rs.lut.cube import read_cube, read_cube_1d, read_cube_3d, write_cube
from vfx_rs.lut.discreet_1dl import NOT_DISCREET as _NOT_DISCREET
from vfx_rs.lut.discreet_1dl import read_discreet_1dl
from vfx_rs.lut.houdini import read_houdini
from vfx_rs.lut.icc import read_icc
from vfx_rs.lut.image_apply import apply_lut1d, apply_lut3d, load_cube
from vfx_rs.lut.iridas_itx import read_itx
from vfx_rs.lut.iridas_look import read_iridas_look
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE
from vfx_rs.lut.lut import Lut1D, Lut3D
from vfx_rs.lut.nuke_vf import read_vf
from vfx_rs.lut.pandora import read_pandora
from vfx_rs.lut.spi import read_spi1d, read_spi3d, read_spimtx, write_spi1d, write_spi3d
from vfx_rs.lut.threedl import read_3dl
from vfx_rs.lut.truelight import read_truelight
from vfx_rs.pipeline import Pipeline

__all__ = [
    "LUT_FORMATS",
    "MAX_1D_SIZE",
    "MAX_3D_SIZE",
    "Lut1D",
    "Lut3D",
    "LutChain",
    "LutFormat",
    "apply_1d",
    "apply_3d",
    "apply_lut1d",
    "apply_lut3d",
    "bake",
    "bake_1d",
    "bake_3d",
    "bake_shaper_3d",
    "load_cube",
    "log2_shaper",
    "read",
    "read_3dl",
    "read_clf",
    "read_csp",
    "read_cube",
    "read_cube_1d",
    "read_cube_3d",
    "read_discreet_1dl",
    "read_houdini",
    "read_icc",
    "read_iridas_look",
    "read_itx",
    "read_lut",
    "read_pandora",
    "read_pipeline",
    "read_spi1d",
    "read_spi3d",
    "read_spimtx",
    "read_truelight",
    "read_vf",
    "write_clf",
    "write_cube",
    "write_lut",
    "write_spi1d",
    "write_spi3d",
]


@dataclass(frozen=True)
class LutFormat:
    """A LUT file format: its reader, its writer (None if read-only) and a test of a file's first bytes."""

    name: str
    read: Callable[[str | os.PathLike[str]], Any]
    write: Callable[[str | os.PathLike[str], Any], None] | None = None
    sniff: Callable[[str], bool] | None = None


def _first_words(head: str) -> list[str]:
    return [line.split()[0] for line in head.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _looks_3dl(head: str) -> bool:
    lines = [line.split() for line in head.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return False
    first = lines[0]
    return first[0].upper() in ("3DMESH", "MESH") or (len(first) > 3 and all(w.isdigit() for w in first))


def _write_clf_lut(path: str | os.PathLike[str], lut: Any) -> None:
    """Write a LUT, `LutChain`, `Pipeline` or op list as CLF, or CTF for a ``.ctf`` path (LUTs through their ops)."""
    write_clf(path, lut.to_ops() if isinstance(lut, (Lut1D, Lut3D, LutChain)) else lut)


def _looks_spimtx(head: str) -> bool:
    words = head.split()
    try:
        [float(w) for w in words]
    except ValueError:
        return False
    return len(words) == 12


def _read_dot_lut(path: str | os.PathLike[str]) -> Any:
    """A ``.lut`` file, as OpenColorIO reads one: the first of its readers in registry order that parses it,
    Discreet 1D then Houdini (FileTransform.cpp, FormatRegistry). A file neither reads is reported by the
    Discreet reader if it starts as a Discreet file (a ``LUT: tables length`` header or a number), else by the
    Houdini reader."""
    try:
        return read_discreet_1dl(path)
    except LutError as discreet:
        try:
            return read_houdini(path)
        except LutError as houdini:
            raise (houdini if discreet.message.startswith(_NOT_DISCREET) else discreet) from None


LUT_FORMATS: dict[str, LutFormat] = {
    ".cube": LutFormat(
        "Adobe/Iridas and Resolve cube",
        read_cube,
        write_cube,
        lambda head: any(w in ("LUT_1D_SIZE", "LUT_3D_SIZE") for w in _first_words(head)),
    ),
    ".spi1d": LutFormat("Imageworks 1D", read_spi1d, write_spi1d, lambda head: _first_words(head)[:1] == ["Version"]),
    ".spi3d": LutFormat(
        "Imageworks 3D", read_spi3d, write_spi3d, lambda head: head.lstrip().upper().startswith("SPILUT")
    ),
    ".spimtx": LutFormat("Imageworks matrix", read_spimtx, None, _looks_spimtx),
    ".csp": LutFormat("Cinespace", read_csp, None, lambda head: head.lstrip().upper().startswith("CSPLUTV100")),
    ".3dl": LutFormat("Autodesk Flame/Lustre", read_3dl, None, _looks_3dl),
    ".cub": LutFormat(
        "FilmLight Truelight", read_truelight, None, lambda head: head.lstrip().lower().startswith("# truelight cube")
    ),
    ".lut": LutFormat("Discreet 1D or Houdini", _read_dot_lut),
    ".itx": LutFormat("Iridas itx", read_itx),
    ".look": LutFormat("Iridas look", read_iridas_look, None, lambda head: re.search(r"<look[\s>]", head) is not None),
    ".mga": LutFormat("Pandora", read_pandora, None, lambda head: _first_words(head)[:1] == ["channel"]),
    ".m3d": LutFormat("Pandora", read_pandora),
    ".vf": LutFormat("Nuke vf", read_vf, None, lambda head: head.lower().startswith("#inventor")),
    ".icc": LutFormat("ICC matrix/TRC profile", read_icc, None, lambda head: "acsp" in head[:64]),
    ".icm": LutFormat("ICC matrix/TRC profile", read_icc),
    ".pf": LutFormat("ICC matrix/TRC profile", read_icc),
    ".clf": LutFormat("Academy/ASC Common LUT Format", read_clf, _write_clf_lut, lambda head: "<ProcessList" in head),
    ".ctf": LutFormat("OpenColorIO Color Transform Format", read_clf, _write_clf_lut),
}
"""LUT formats by lower-case file extension, in the order content sniffing tries them."""

_DELEGATED: dict[str, tuple[str, str]] = {
    ".cc": ("vfx_rs.color.cdl_files", "read_cdl_file"),
    ".ccc": ("vfx_rs.color.cdl_files", "read_cdl_collection"),
    ".cdl": ("vfx_rs.color.cdl_files", "read_cdl_collection"),
}
"""Formats read outside this package, by extension: module and function, imported by name on
first use when present. ASC CDL files go through the color package (a ``.cc`` gives its one
correction, a ``.ccc`` or ``.cdl`` the list of its corrections); the runtime lookup keeps the lut
package free of an import-time dependency on vfx_rs.color, its sibling layer."""


def _delegate(ext: str) -> Callable[[str | os.PathLike[str]], Any] | None:
    import importlib
    import importlib.util

    if ext not in _DELEGATED:
        return None
    module, function = _DELEGATED[ext]
    if importlib.util.find_spec(module) is None:
        return None
    reader: Callable[[str | os.PathLike[str]], Any] = getattr(importlib.import_module(module), function)
    return reader


def _sniff(path: str | os.PathLike[str]) -> LutFormat | None:
    if not os.path.lexists(path):
        return None  # reported as an unknown extension
    with open_regular(path, "a LUT file") as handle:
        head = handle.read(4096).decode("utf-8", errors="replace")
    return next((fmt for fmt in LUT_FORMATS.values() if fmt.sniff is not None and fmt.sniff(head)), None)


def _format(path: str | os.PathLike[str]) -> LutFormat:
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext not in LUT_FORMATS:
        raise LutError(f"unknown LUT extension {ext!r}; known: {', '.join(sorted(LUT_FORMATS))}", path=path)
    return LUT_FORMATS[ext]


def read(path: str | os.PathLike[str]) -> Any:
    """Read what a LUT file holds, choosing the reader by extension, else by content.

    Returns a `Lut1D`, a `Lut3D` (with its shaper or pre-LUT, if the file has
    one), a `LutChain` (a ``.spimtx`` matrix, a ``.csp`` pre-LUT and 1D
    table, a ``.vf`` matrix and table, a Houdini ``.lut``'s steps, a half-domain
    Discreet ``.lut``, an ICC profile's matrices and curves) or, for
    ``.clf``/``.ctf``, the `Pipeline` `read_clf` builds.
    ``.cc``/``.ccc``/``.cdl`` files go to ``vfx_rs.color.cdl_files`` when
    present: a ``.cc`` gives its `Cdl`, a ``.ccc`` or ``.cdl`` the list of its `Cdl` objects.

    Raises
    ------
    LutError
        Unknown or unrecognisable format, or a malformed file (naming file and line).
    IoError
        The file cannot be read.
    """
    ext = os.path.splitext(check_path(path, "LUT"))[1].lower()
    if ext in LUT_FORMATS:
        return LUT_FORMATS[ext].read(path)
    reader = _delegate(ext)
    if reader is not None:
        return reader(path)
    fmt = _sniff(path)
    if fmt is None:
        known = sorted({*LUT_FORMATS, *_DELEGATED})
        raise LutError(f"unknown LUT extension {ext!r} and unrecognised content; known: {', '.join(known)}", path=path)
    return fmt.read(path)


read_lut = read


def read_pipeline(path: str | os.PathLike[str], interpolation: str = "tetrahedral") -> Pipeline:
    """What a LUT file holds, as a `Pipeline` (3D tables interpolated as `interpolation` says).

    A ``.cc`` (one ASC CDL) applies in OCIO 2's no-clamp style, as its FileTransform does.

    Raises
    ------
    LutError
        As `read`, and for a ``.ccc``/``.cdl`` holding several corrections (pick one with
        ``vfx_rs.color.cdl_files.read_cdl_file``).
    """
    found = read(path)
    if isinstance(found, list):
        raise LutError(
            f"holds {len(found)} CDL corrections; pick one by its id (`vfx grade --cdl FILE --cc-id ID`)", path=path
        )
    if isinstance(found, Pipeline):
        return found
    if isinstance(found, Lut1D):
        found = LutChain([found])
    if not hasattr(found, "to_ops"):  # an ASC CDL
        return Pipeline(found.ops("noclamp"))
    return Pipeline(found.to_ops(interpolation))


def write_lut(path: str | os.PathLike[str], lut: Any) -> None:
    """Write `lut`, choosing the writer by extension (``.clf``/``.ctf`` also take a `LutChain` or `Pipeline`)."""
    fmt = _format(path)
    if fmt.write is None:
        writable = sorted(e for e, f in LUT_FORMATS.items() if f.write is not None)
        raise LutError(f"{fmt.name} files are read-only here; write one of {', '.join(writable)}", path=path)
    fmt.write(path, lut)


def apply_3d(data: np.ndarray, lut: Lut3D, interpolation: str = "tetrahedral") -> np.ndarray:
    """Apply a 3D LUT (and its shaper) in place to float32 ``(..., 3|4)`` `data`; alpha untouched."""
    from vfx_rs.pipeline.execute import apply_ops

    check_inplace_float32(data, "data", channels=(3, 4))
    if not isinstance(lut, Lut3D):
        raise LutError(f"apply_3d needs a Lut3D, got {type(lut).__name__}")
    return apply_ops(lut.to_ops(interpolation), data)


def apply_1d(data: np.ndarray, lut: Lut1D) -> np.ndarray:
    """Apply a 1D LUT in place to float32 ``(..., 3|4)`` `data`; alpha untouched."""
    from vfx_rs.pipeline.execute import apply_ops

    check_inplace_float32(data, "data", channels=(3, 4))
    if not isinstance(lut, Lut1D):
        raise LutError(f"apply_1d needs a Lut1D, got {type(lut).__name__}")
    return apply_ops(lut.to_ops(), data)
