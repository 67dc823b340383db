"""Houdini ``.lut`` files, read as OpenColorIO reads them (FileFormatHDL.cpp).

A header of ``Key values`` lines (keys case-insensitive; ``Version``, ``Format``,
``Type``, ``From lo hi``, ``To lo hi``, ``Black``, ``White`` and ``Length`` are
required) up to a ``LUT:`` line, then named blocks of numbers, ``name { ... }``
(an unnamed ``{ ... }`` is the 3D block). Three types:

- ``C``: one ``RGB { }`` curve of ``Length`` entries for all channels; the
  input is first scaled from ``From`` onto [0, 1] (no clamp; the table clamps);
- ``3D``: a ``3D { }`` lattice of ``Length**3`` RGB triples, red fastest, over
  [0, 1] (``From`` is not applied, as in OCIO);
- ``3D+1D``: ``Length n m``: the ``From`` scaling, a ``Pre { }`` curve of ``m``
  entries, then the 3D lattice.

The inverse undoes the steps in reverse order.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

import numpy as np

from vfx_rs._text import whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.chain import LutChain, LutStep
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE, Path, beyond_float32, check_size
from vfx_rs.lut.lut import Lut1D, Lut3D
from vfx_rs.lut.rows import TextLines
from vfx_rs.pipeline.ops.matrix import MatrixOp

__all__ = ["read_houdini"]

_REQUIRED = {"version": (1, 1), "format": (1, 1), "type": (1, 1), "from": (2, 2), "to": (2, 2)}
_REQUIRED |= {"black": (1, 1), "white": (1, 1), "length": (1, 2)}
"""Header keys OCIO requires, with the least and most values each takes."""


def _number(word: str) -> float | None:
    try:
        return float(word)
    except ValueError:
        return None


def _header(path: Path, lines: Iterator[tuple[int, str]]) -> dict[str, tuple[int, list[str]]]:
    """The header by key, read from `lines` up to and including the ``LUT:`` line."""
    header: dict[str, tuple[int, list[str]]] = {}
    for number, raw in lines:
        chunks = raw.lower().split()
        if not chunks:
            continue
        if chunks[0] == "lut:":
            break
        header[chunks[0]] = (number, chunks[1:])
    for key, (low, high) in _REQUIRED.items():
        if key not in header:
            raise LutError(f"not a Houdini LUT: no {key.capitalize()!r} line before 'LUT:'", path=path)
        line, values = header[key]
        if not low <= len(values) <= high:
            raise LutError(f"{key.capitalize()!r} takes {low}..{high} values, got {len(values)}", path=path, line=line)
        if key in ("from", "to", "black", "white") and None in [_number(v) for v in values]:
            raise LutError(f"{key.capitalize()!r} values must be numbers", path=path, line=line)
    return header


def _blocks(path: Path, lines: Iterator[tuple[int, str]]) -> dict[str, tuple[int, array]]:
    """The named blocks after ``LUT:``: name -> (line of its name, values), read as the lines arrive into compact
    float64 arrays (issue 16: memory in proportion to the table, not a Python object per word)."""
    blocks: dict[str, tuple[int, array]] = {}
    name = ""
    pending: tuple[int, str] | None = None  # a block's name waiting for its '{'
    for number, raw in lines:
        for word in raw.split():
            if pending is not None:
                if word != "{":
                    raise LutError(
                        f"malformed LUT block: {pending[1]!r} followed by {word!r}, not '{{'",
                        path=path,
                        line=pending[0],
                    )
                name = pending[1].lower()
                blocks.setdefault(name, (pending[0], array("d")))
                pending = None
            elif not name:
                if word == "{":
                    name = "3d"
                    blocks.setdefault(name, (number, array("d")))
                else:
                    pending = (number, word)
            elif word == "}":
                name = ""
            else:
                value = _number(word)
                if value is None:
                    raise LutError(f"not a number in the {name} block: {word[:40]!r}", path=path, line=number)
                if beyond_float32(word, value):
                    raise LutError(
                        f"{name} block entry {word[:40]} is beyond the float32 range", path=path, line=number
                    )
                values = blocks[name][1]
                values.append(value)
                if len(values) > 3 * MAX_3D_SIZE**3:
                    raise LutError(f"too many values in the {name} block", path=path, line=number)
    if pending is not None:
        raise LutError(f"malformed LUT block: {pending[1]!r} followed by '', not '{{'", path=path, line=pending[0])
    return blocks


def _float32_values(blocks: dict[str, tuple[int, array]], name: str) -> np.ndarray:
    """Block `name`'s values rounded to float32, as OCIO reads them, its float64 array released."""
    values = blocks.pop(name)[1]
    rounded = np.frombuffer(values, dtype=np.float64).astype(np.float32)
    del values
    return rounded


def _curve(path: Path, blocks: dict[str, tuple[int, array]], name: str, size: int) -> Lut1D:
    if name not in blocks:
        raise LutError(f"no {name.upper() if name == 'rgb' else name.capitalize()} {{}} block", path=path)
    line, values = blocks[name]
    if len(values) != size:
        raise LutError(f"the {name} block has {len(values)} values, Length says {size}", path=path, line=line)
    del values
    return Lut1D(_float32_values(blocks, name).astype(np.float64))


def read_houdini(path: Path) -> LutChain:
    """Read a Houdini ``.lut`` file as a `LutChain` (module docstring).

    Raises
    ------
    LutError
        A missing or malformed header line, an unsupported type, a block of
        the wrong size or holding a word that is not a number, naming the file
        and line.
    """
    lines = iter(TextLines(path, "Houdini .lut"))
    header = _header(path, lines)
    kind = header["type"][1][0]
    type_line = header["type"][0]
    if kind not in ("c", "3d", "3d+1d"):
        raise LutError(f"unsupported Houdini LUT type {kind!r} (C, 3D or 3D+1D)", path=path, line=type_line)
    length_line, length_words = header["length"]
    parsed = [whole_number(w) for w in length_words]
    lengths = [n for n in parsed if n is not None]
    if len(lengths) != len(parsed) or (kind == "3d+1d" and len(lengths) != 2):
        raise LutError("malformed 'Length' line", path=path, line=length_line)
    if kind == "c":
        check_size(lengths[0], MAX_1D_SIZE, "1D LUT size", path, length_line)
    else:
        check_size(lengths[0], MAX_3D_SIZE, "3D LUT size", path, length_line)
    if kind == "3d+1d":
        check_size(lengths[1], MAX_1D_SIZE, "Pre LUT size", path, length_line)
    lo, hi = (float(np.float32(v)) for v in header["from"][1])
    if lo == hi and kind != "3d":
        raise LutError("'From' min and max must differ", path=path, line=header["from"][0])
    blocks = _blocks(path, lines)
    steps: list[LutStep] = []
    if kind != "3d" and (lo, hi) != (0.0, 1.0):
        scale = 1.0 / (hi - lo)
        steps.append(MatrixOp(matrix=np.eye(3) * scale, offset=np.full(3, -lo * scale)))
    if kind != "3d":
        steps.append(_curve(path, blocks, "rgb" if kind == "c" else "pre", lengths[1 if kind == "3d+1d" else 0]))
    if kind != "c":
        size = lengths[0]
        if "3d" not in blocks:
            raise LutError("no 3D {} block", path=path)
        line, values = blocks["3d"]
        if len(values) != 3 * size**3:
            raise LutError(
                f"the 3D block has {len(values)} values, not {3 * size**3} (Length {size})", path=path, line=line
            )
        del values
        steps.append(Lut3D.adopt(_float32_values(blocks, "3d").astype(np.float64).reshape(size, size, size, 3)))
    return LutChain(steps)
