"""ICC matrix/TRC profiles (``.icc``, ``.icm``, ``.pf``), read as OpenColorIO reads them.

OpenColorIO's FileFormatICC.cpp and its SampleICC reader (ext/sampleicc/src/include/iccProfileReader.h):
the 128-byte header (magic ``acsp``, a known profile class, a rendering intent 0..3), a tag
table (1..100 tags), then the RGB matrix-shaper part only: the ``rXYZ``/``gXYZ``/``bXYZ``
colorants (s15Fixed16, the columns of the device-to-PCS matrix) and the ``rTRC``/``gTRC``/
``bTRC`` curves, all three of one type: ``curv`` (one entry: a u8Fixed8 gamma; more: a table
of 16-bit values) or ``para`` (the ICC.1:2022 section 10.18 functions 0..4; type 0 is a gamma,
the others are sampled at 1024 points on [0, 1] and clamped to [0, 1], as OCIO samples them,
after OCIO's checks of their parameters). A profile description that is present must be a
``desc`` or ``mluc`` tag. Tags are read through one stream as OCIO reads them: a tag read
past the end of the file makes every later tag unreadable.

The FileTransform's forward direction goes from CIE XYZ (D65) to the device: OCIO's
D50-to-D65 matrix inverted, the colorant matrix inverted, then the curves inverted (the
gamma as ``x ** (1 / g)`` mirrored about 0, a table by OCIO's exact 1D inverse); the inverse
direction applies the curves, the matrix and the D50-to-D65 matrix.
"""

from __future__ import annotations

import os
import struct

import numpy as np

from vfx_rs._files import open_regular
from vfx_rs.errors import LutError
from vfx_rs.lut.chain import LutChain, LutStep
from vfx_rs.lut.limits import Path
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.exponent import ExponentOp
from vfx_rs.pipeline.ops.lut1d import Lut1DOp
from vfx_rs.pipeline.ops.matrix import MatrixOp

__all__ = ["MATRIX_D50_TO_D65_OCIO", "MAX_ICC_BYTES", "read_icc"]

MATRIX_D50_TO_D65_OCIO = np.array(
    [
        [0.955509474537, -0.023074829492, 0.063312392987],
        [-0.028327238868, 1.00994465504, 0.021055592145],
        [0.012329273379, -0.020536209966, 1.33072998567],
    ]
)
"""The D50 to D65 adaptation OCIO appends to an ICC profile's matrix (FileFormatICC.cpp, D50_to_D65_m44)."""

MAX_ICC_BYTES = 64 << 20
"""Largest ICC file read: a matrix/TRC profile with three 65536-entry curves is under 400 KiB."""

_CLASSES = {b"scnr", b"mntr", b"prtr", b"link", b"spac", b"abst", b"nmcl"}
"""Profile classes SampleICC's Validate accepts (ICC.1:2022 section 7.2.5)."""

_PARAMS = {0: 1, 1: 3, 2: 4, 3: 5, 4: 7}
"""Parameters of each parametric curve type (ICC.1:2022 table 68)."""

_GAMMA_RANGE = (0.01, 100.0)
"""Gammas OCIO's GammaOpData accepts (GammaOpData.cpp, validateParams)."""

_F = np.float32


class _Stream:
    """Big-endian reads through the file as one C++ stream: a read past the end fails it for good."""

    def __init__(self, data: bytes) -> None:
        self.data, self.pos, self.failed = data, 0, False

    def read(self, n: int) -> bytes | None:
        if self.failed or self.pos + n > len(self.data):
            self.failed = True
            return None
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def u32(self, count: int = 1, signed: bool = False) -> tuple[int, ...] | None:
        raw = self.read(4 * count)
        return None if raw is None else struct.unpack(f">{count}{'i' if signed else 'I'}", raw)

    def u16(self, count: int = 1) -> tuple[int, ...] | None:
        raw = self.read(2 * count)
        return None if raw is None else struct.unpack(f">{count}H", raw)


def _tag_body(s: _Stream, kind: bytes, size: int) -> object | None:
    """A tag's value after its type signature (SampleICC's type readers), None where the reader fails."""
    if kind == b"XYZ ":
        if size < 20 or (size - 8) // 12 != 1 or s.u32() is None:
            return None
        return s.u32(3, signed=True)
    if kind == b"para":
        if size < 16 or s.u32() is None:
            return None
        head = s.u16(2)
        count = ((size - 12) // 4) & 0xFFFF
        params = s.u32(count, signed=True) if head is not None and count else ()
        return None if head is None or params is None else ("para", head[0], params)
    if kind == b"curv":
        if size < 12 or s.u32() is None:
            return None
        entries = s.u32()
        if entries is None or entries[0] > 65536:
            return None
        values = s.u16(entries[0]) if entries[0] else ()
        return None if values is None else ("curv", values)
    if kind == b"desc":
        words = s.u32(2) if size >= 12 else None
        return None if words is None or (words[1] and s.read(words[1]) is None) else "desc"
    if kind == b"mluc":
        return _mluc(s, size)
    return None


def _mluc(s: _Stream, size: int) -> str | None:
    words = s.u32(3) if size >= 16 else None
    if words is None or words[2] != 12:
        return None
    for i in range(words[1]):
        record = s.u16(2) if 16 + (i + 1) * 12 <= size else None
        where = s.u32(2) if record is not None else None
        if record is None or where is None or (where[1] + where[0]) & 0xFFFFFFFF > size:
            return None
        if where[0] // 2 and s.u16(where[0] // 2) is None:
            return None
        if record[1] == 0x7573:  # 'us': SampleICC stops at the first US English record
            break
    return "mluc"


class _Profile:
    def __init__(self, path: Path, data: bytes) -> None:
        self.path, self.stream = path, _Stream(data)
        s = self.stream
        header = s.read(128)
        if header is None:
            raise LutError("not an ICC profile: shorter than its 128-byte header", path=path)
        if header[36:40] != b"acsp":
            raise LutError("not an ICC profile: wrong magic number (not 'acsp' at byte 36)", path=path)
        count = s.u32()
        if count is None:
            raise LutError("ICC profile ends before its tag count", path=path)
        if count[0] > 100:
            raise LutError(f"ICC profile has {count[0]} tags, more than the 100 OCIO reads", path=path)
        self.tags: list[tuple[bytes, int, int]] = []
        for _ in range(count[0]):
            entry = s.read(12)
            if entry is None:
                raise LutError("ICC profile ends inside its tag table", path=path)
            self.tags.append((entry[:4], *struct.unpack(">II", entry[4:])))
        if header[12:16] not in _CLASSES:
            raise LutError(f"unknown ICC profile class {header[12:16]!r}", path=path)
        intent = struct.unpack(">I", header[64:68])[0]
        if intent > 3:
            raise LutError(f"unknown ICC rendering intent {intent}", path=path)
        if not self.tags:
            raise LutError("ICC profile has no tags", path=path)

    def load(self, sig: bytes) -> object | None:
        """The value of the first tag named `sig` (SampleICC IccContent::LoadTag), None if absent or unreadable."""
        entry = next((t for t in self.tags if t[0] == sig), None)
        if entry is None or self.stream.failed:
            return None
        self.stream.pos = entry[1]
        kind = self.stream.read(4)
        return None if kind is None else _tag_body(self.stream, kind, entry[2])


def _fixed(value: int) -> np.float32:
    return _F(value / 65536.0)  # SampleICC icFtoD: s15Fixed16 through double to float


def _quantize(v: np.float32, bits: int = 10) -> np.float32:
    top = _F(2.0**bits - 1.0)
    scaled = float(_F(v * top))
    rounded = np.floor(abs(scaled) + 0.5) * np.sign(scaled)  # C lround: halves away from zero
    return _F(_F(rounded) / top)


def _check_para(path: Path, kind: int, params: tuple[int, ...]) -> None:
    """OCIO's ValidateParametricCurve: the errors it raises (its warnings are not errors)."""
    shown = " ".join(f"{float(_fixed(p)):g}" for p in params)
    if kind not in _PARAMS:
        raise LutError(f"unknown ICC parametric curve type {kind} (parameters {shown})", path=path)
    if len(params) != _PARAMS[kind]:
        raise LutError(f"ICC parametric curve type {kind} takes {_PARAMS[kind]} parameters, got {shown}", path=path)
    g, *rest = (_fixed(p) for p in params)
    if g <= 0.0:
        raise LutError(f"ICC parametric curve ({shown}): a power law must not decrease", path=path)
    if kind != 0 and rest[0] <= 0.0:
        raise LutError(f"ICC parametric curve ({shown}): the power law's argument must increase", path=path)
    if kind in (3, 4):
        a, b, c, d = rest[:4]
        e, f = (rest[4], rest[5]) if kind == 4 else (_F(0.0), _F(0.0))
        if c < 0.0:
            raise LutError(f"ICC parametric curve ({shown}): the linear segment must not decrease", path=path)
        with np.errstate(invalid="ignore"):
            power = _F(np.power(_F(a * d + b), g))
        if _quantize(_F(c * d + f) if kind == 4 else _F(c * d)) > _quantize(_F(power + e) if kind == 4 else power):
            raise LutError(f"ICC parametric curve ({shown}): a negative step at the linear segment's end", path=path)
        if _F(a * d + b) < 0:
            raise LutError(f"ICC parametric curve ({shown}): a negative argument to the power law", path=path)


def _sample_para(kind: int, params: tuple[int, ...]) -> np.ndarray:
    """OCIO's ApplyParametricCurve at 1024 points of [0, 1], in float32."""
    g, a, b, c, d, e, f = ([_fixed(p) for p in params] + [_F(0.0)] * 7)[:7]
    v = (np.arange(1024, dtype=_F) / _F(1023.0)).astype(_F)
    with np.errstate(invalid="ignore", divide="ignore"):
        if kind == 1:
            out = np.where(v >= -b / a, np.power(a * v + b, g), _F(0.0))
        elif kind == 2:
            out = np.where(v >= -b / a, np.power(a * v + b, g) + c, c)
        elif kind == 3:
            out = np.where(v >= d, np.power(a * v + b, g), c * v)
        else:
            out = np.where(v >= d, np.power(a * v + b, g) + e, c * v + f)
    return np.clip(out.astype(_F), 0.0, 1.0)


def _curves(path: Path, trcs: list[object]) -> Op:
    """The inverse of the three TRCs as OCIO applies them going forward (XYZ to device)."""
    paras = [isinstance(t, tuple) and t[0] == "para" for t in trcs]
    curvs = [isinstance(t, tuple) and t[0] == "curv" for t in trcs]
    if not (all(paras) or all(curvs)) or (all(paras) and len({t[1] for t in trcs}) != 1):  # type: ignore[index]
        raise LutError("all curves in the ICC profile must be of the same type", path=path)
    if all(paras):
        kind = trcs[0][1]  # type: ignore[index]
        for t in trcs:
            _check_para(path, kind, t[2])  # type: ignore[index]
        if kind == 0:
            return _gamma(path, [_fixed(t[2][0]) for t in trcs])  # type: ignore[index]
        table = np.stack([_sample_para(kind, t[2]) for t in trcs], axis=1)  # type: ignore[index]
    else:
        sizes = {len(t[1]) for t in trcs}  # type: ignore[index]
        if len(sizes) != 1:
            raise LutError("all curves in the ICC profile must be of the same length", path=path)
        if sizes == {0}:
            raise LutError("curves with no values in ICC profile", path=path)
        codes = np.array([t[1] for t in trcs], dtype=_F).T  # type: ignore[index]
        values = (codes / _F(65535.0)).astype(_F)
        if sizes == {1}:
            return _gamma(path, [_F(_F(v * _F(65535.0)) / _F(256.0)) for v in values[0]])
        table = values
    return Lut1DOp(table=table.astype(np.float64)).inverse()


def _gamma(path: Path, gammas: list[np.float32]) -> Op:
    lo, hi = _GAMMA_RANGE
    for g in gammas:
        if not lo <= float(g) <= hi:
            raise LutError(f"ICC curve gamma {float(g):g} is outside [{lo}, {hi}]", path=path)
    return ExponentOp(exponent=tuple(1.0 / float(g) for g in gammas), style="mirror")  # type: ignore[arg-type]


def read_icc(path: Path) -> LutChain:
    """Read the RGB matrix/TRC part of an ICC profile as a `LutChain` from CIE XYZ (D65) to the device.

    Raises
    ------
    LutError
        Not an ICC profile, a header or tag table OCIO refuses, colorant or curve
        tags missing or unreadable, curves of mixed types or lengths, a parametric
        curve OCIO's checks refuse, a gamma outside [0.01, 100] or a singular
        matrix, naming the file.
    """
    with open_regular(path, "an ICC profile") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_ICC_BYTES:
            raise LutError(f"{size} bytes is larger than any ICC profile read ({MAX_ICC_BYTES})", path=path)
        data = handle.read()
    profile = _Profile(path, data)
    description = profile.load(b"dscm")
    if description is None:
        description = profile.load(b"desc")
    if description is not None and description not in ("desc", "mluc"):
        raise LutError("the profile description tag is neither 'desc' nor 'mluc'", path=path)
    colorants = [profile.load(sig) for sig in (b"rXYZ", b"gXYZ", b"bXYZ")]
    if any(not (isinstance(c, tuple) and len(c) == 3 and isinstance(c[0], int)) for c in colorants):
        raise LutError("illegal matrix tag in ICC profile (rXYZ, gXYZ, bXYZ)", path=path)
    trcs = [profile.load(sig) for sig in (b"rTRC", b"gTRC", b"bTRC")]
    if any(t is None for t in trcs):
        raise LutError("illegal curve tag in ICC profile (rTRC, gTRC, bTRC)", path=path)
    matrix = np.array(colorants, dtype=np.float64).T / 65536.0
    if abs(np.linalg.det(matrix)) < 1e-12:
        raise LutError("the ICC colorant matrix is singular", path=path)
    curve = _curves(path, trcs)
    to_device: list[LutStep] = [
        MatrixOp(matrix=MATRIX_D50_TO_D65_OCIO).inverse(),
        MatrixOp(matrix=matrix).inverse(),
        curve,
    ]
    return LutChain(to_device)
