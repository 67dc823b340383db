"""Cinespace ``.csp`` LUT files, with their per-channel pre-LUT, read as OpenColorIO reads them.

Layout (OpenColorIO FileFormatCSP.cpp; blank lines are ignored throughout):
``CSPLUTV100``; ``1D`` or ``3D``; an optional ``BEGIN METADATA`` ...
``END METADATA`` block; for each of R, G, B a pre-LUT: a count ``k``, then (for
``k >= 2``) a line of ``k`` increasing input values and a line of ``k`` outputs;
then for 1D a count and that many ``r g b`` lines, for 3D ``n n n`` and ``n**3``
``r g b`` lines, red fastest. Both tables span 0..1.

A pre-LUT is a curve through its points: Cinespace's piecewise cubic (the
``rsr_Interpolator1D`` of FileFormatCSP.cpp), whose slope at an inner point
is the chord slope ``(f[i+1] - f[i-1]) / (1 + delta)`` in the units of the
segment, with quadratic end segments. As OCIO does, the curve is sampled at
`PRELUT_SAMPLES` points across its input range into a 1D LUT (inputs outside
the range clamp), and a channel whose outputs equal its inputs (relative
error 1e-6) is the identity; when no channel has a curve there is no pre-LUT.
"""

from __future__ import annotations

import numpy as np

from vfx_rs._text import whole_number
from vfx_rs.errors import LutError
from vfx_rs.lut.chain import LutChain
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE, Path, check_size, parse_rows
from vfx_rs.lut.lut import Lut1D, Lut3D
from vfx_rs.lut.rows import Rows, TextLines

__all__ = ["PRELUT_SAMPLES", "cinespace_spline", "read_csp"]

PRELUT_SAMPLES = 65536
"""Samples of the resampled pre-LUT curve (OCIO's NUM_PRELUT_SAMPLES, FileFormatCSP.cpp)."""

PRELUT_IDENTITY_RTOL = 1e-6
"""A pre-LUT channel whose outputs match its inputs within this relative error is the identity (OCIO)."""


def cinespace_spline(x: np.ndarray, stims: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Evaluate Cinespace's piecewise cubic through ``(stims, values)`` at `x`.

    Segment ``i`` is ``a + b z + c z**2 + d z**3`` with ``z = (x - s[i]) / (s[i+1] - s[i])``.
    With slopes (per unit of ``z``) ``m[i] = (f[i+1] - f[i-1]) / (1 + r)`` where ``r``
    is the ratio of the neighbouring segment's width to this one's, inner
    segments are cubic Hermite; the first and last are quadratics matching the
    one inner slope they touch. Two points give a straight line. Inputs below or
    above the points give the first or last value (rsr_Interpolator1D, FileFormatCSP.cpp).

    Examples
    --------
    >>> import numpy as np
    >>> cinespace_spline(np.array([0.25, 0.5, 2.0]), np.array([0.0, 1.0]), np.array([0.0, 2.0])).tolist()
    [0.5, 1.0, 2.0]
    """
    s = np.asarray(stims, dtype=np.float64)
    f = np.asarray(values, dtype=np.float64)
    n = s.size
    width = np.diff(s)
    a = f[:-1].copy()
    if n == 2:
        b, c, d = f[1:] - f[:-1], np.zeros(1), np.zeros(1)
    else:
        f0, f1 = f[:-1], f[1:]
        m0 = np.zeros(n - 1)  # slope at the segment's start, in units of z
        m1 = np.zeros(n - 1)  # slope at its end
        m0[1:] = (f[2:] - f[:-2]) / (1.0 + width[:-1] / width[1:])
        m1[:-1] = (f[2:] - f[:-2]) / (1.0 + width[1:] / width[:-1])
        b = m0.copy()
        c = -3 * f0 - 2 * m0 + 3 * f1 - m1
        d = 2 * f0 + m0 - 2 * f1 + m1
        b[0], c[0], d[0] = -2 * f0[0] + 2 * f1[0] - m1[0], f0[0] - f1[0] + m1[0], 0.0
        b[-1], c[-1], d[-1] = m0[-1], -f0[-1] + f1[-1] - m0[-1], 0.0
    xv = np.asarray(x, dtype=np.float64)
    seg = np.clip(np.searchsorted(s, xv, side="right") - 1, 0, n - 2)
    z = (xv - s[seg]) / width[seg]
    y = a[seg] + z * (b[seg] + z * (c[seg] + d[seg] * z))
    return np.where(xv < s[0], f[0], np.where(xv > s[-1], f[-1], y))


class _Lines:
    """Non-blank stripped lines with their numbers, read from the file one at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.source = TextLines(path, ".csp")
        self._items = ((n, s) for n, raw in self.source if (s := raw.strip()))
        self._peeked: tuple[int, str] | None = None
        self.last: int | None = None  # the last line returned by `next`

    def peek(self) -> tuple[int, str] | None:
        """The next line without taking it, or None at the end of the file."""
        if self._peeked is None:
            self._peeked = next(self._items, None)
        return self._peeked

    def next(self, what: str) -> tuple[int, str]:
        item = self.peek()
        if item is None:
            raise LutError(f"file ends where {what} was expected", path=self.path, line=self.last)
        self._peeked = None
        self.last = item[0]
        return item

    def count(self, what: str, limit: int, low: int) -> tuple[int, int]:
        line, text = self.next(what)
        value = whole_number(text)
        if value is None:
            raise LutError(f"{what} must be a whole number, got {text[:60]!r}", path=self.path, line=line)
        return line, check_size(value, limit, what, self.path, line, low=low)


def _prelut(lines: _Lines, channel: str) -> tuple[np.ndarray, np.ndarray]:
    _, k = lines.count(f"{channel} pre-LUT point count", MAX_1D_SIZE, low=0)
    if k < 2:
        return np.array([0.0, 1.0]), np.array([0.0, 1.0])
    pair = []
    for side in ("inputs", "outputs"):
        line, text = lines.next(f"{channel} pre-LUT {side}")
        parts = text.split()
        if len(parts) != k:
            raise LutError(
                f"{channel} pre-LUT {side}: expected {k} values, found {len(parts)}", path=lines.path, line=line
            )
        pair.append(parse_rows(lines.path, [(line, p) for p in parts], 1, f"{channel} pre-LUT {side}").ravel())
        if np.any(np.isinf(pair[-1])):  # OCIO reads them; its float32 spline's inverse is not replicated
            raise LutError(f"{channel} pre-LUT {side} hold an infinity", path=lines.path, line=line)
        if side == "inputs" and np.any(np.diff(pair[0]) <= 0):
            raise LutError(f"{channel} pre-LUT inputs must increase strictly", path=lines.path, line=line)
    return pair[0], pair[1]


def _resampled_prelut(curves: list[tuple[np.ndarray, np.ndarray]]) -> Lut1D | None:
    used = [
        not np.all(
            np.abs(i.astype(np.float32) - o.astype(np.float32)) <= PRELUT_IDENTITY_RTOL * np.abs(i.astype(np.float32))
        )
        for i, o in curves
    ]
    if not any(used):
        return None
    t = np.linspace(0.0, 1.0, PRELUT_SAMPLES)
    table = np.empty((PRELUT_SAMPLES, 3))
    for c, (stims, values) in enumerate(curves):
        with np.errstate(invalid="ignore", over="ignore"):  # NaN and infinities spread as in OCIO's spline
            table[:, c] = cinespace_spline(stims[0] + t * (stims[-1] - stims[0]), stims, values)
    return Lut1D(table, np.array([s[0] for s, _ in curves]), np.array([s[-1] for s, _ in curves]))


def read_csp(path: Path) -> Lut1D | Lut3D | LutChain:
    """Read a ``.csp`` file.

    Returns a `Lut3D` (its pre-LUT, if any, as the shaper), a `Lut1D` (no
    pre-LUT), or a `LutChain` of the pre-LUT and the 1D table. The metadata
    block becomes the title.

    Raises
    ------
    LutError
        A malformed header, pre-LUT or table, a count of entries not matching
        the header, an infinity in a pre-LUT, naming the file and line (NaN and infinities
        in the table and NaN in a pre-LUT are read, as OCIO does).
    """
    lines = _Lines(path)
    line, text = lines.next("'CSPLUTV100'")
    if not text.upper().startswith("CSPLUTV100"):
        raise LutError(f"not a .csp file: expected 'CSPLUTV100', got {text[:60]!r}", path=path, line=line)
    line, kind = lines.next("'1D' or '3D'")
    if kind.upper() not in ("1D", "3D"):
        raise LutError(f"LUT type must be '1D' or '3D', got {kind[:60]!r}", path=path, line=line)
    title = ""
    if (item := lines.peek()) is not None and item[1].upper().startswith("BEGIN METADATA"):
        lines.next("BEGIN METADATA")
        meta = []
        while not (text := lines.next("END METADATA")[1]).upper().startswith("END METADATA"):
            meta.append(text)
        title = "\n".join(meta)
    prelut = _resampled_prelut([_prelut(lines, ch) for ch in ("red", "green", "blue")])
    result: Lut1D | Lut3D | LutChain
    if kind.upper() == "1D":
        _, size = lines.count("1D LUT entry count", MAX_1D_SIZE, low=2)
        rows = [lines.next(f"1D LUT entry {i + 1} of {size}") for i in range(size)]
        table = Lut1D(parse_rows(path, rows, 3, "1D table"), title=title)
        result = table if prelut is None else LutChain([prelut, table], title)
    else:
        line, text = lines.next("3D LUT sizes")
        parts = text.split()
        sizes = [s for s in map(whole_number, parts) if s is not None]
        if len(parts) != 3 or len(sizes) != 3 or len(set(sizes)) != 1:
            raise LutError(f"3D sizes must be three equal whole numbers, got {text[:60]!r}", path=path, line=line)
        n = check_size(sizes[0], MAX_3D_SIZE, "3D LUT size", path, line)
        table_rows = Rows(path, 3, min(n**3, lines.source.bound))
        for _ in range(n**3):
            if lines.peek() is None:
                break
            table_rows.append(*lines.next("3D LUT entry"))
        if len(table_rows) < n**3:
            raise LutError(
                f"a {n}^3 LUT needs {n**3} entries, the file has {len(table_rows)}", path=path, line=lines.last
            )
        lattice = table_rows.table(0, n**3, "3D table").reshape(n, n, n, 3)
        del table_rows
        result = Lut3D.adopt(lattice, title=title, shaper=prelut)
    if (item := lines.peek()) is not None:
        raise LutError(f"more entries than the header gives: {item[1][:60]!r}", path=path, line=item[0])
    return result
