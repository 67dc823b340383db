"""Write a pipeline of ops as a CLF v3 ``ProcessList`` (S-2014-006 v3).

Every node is written at 32f in and out, so values are normalized floats
and no bit-depth scaling applies; numbers are written with Python's
shortest round-trip repr, so reading the file back gives the same float64
parameters. Op kinds and their nodes:

- `MatrixOp` -> ``Matrix`` with ``dim="3 4"`` (offsets in the 4th column);
- `RangeOp` -> ``Range`` (``noClamp`` when it does not clamp; a range that
  clamps only one side with a scale becomes a ``Matrix`` then a ``Range``);
- `ExponentOp` -> ``Exponent`` ``basicFwd``/``basicMirrorFwd``/``basicPassThruFwd``;
- `ExponentLinearOp` -> ``Exponent`` ``monCurve[Mirror]Fwd``/``Rev``;
- `CdlOp` -> ``ASC_CDL`` in its style (``Fwd``, ``Rev``, ``FwdNoClamp``, ``RevNoClamp``);
- `LogOp` -> ``Log`` ``linToLog``/``logToLin``/``cameraLinToLog``/``cameraLogToLin``;
- `Lut1DOp`, `Lut3DOp` -> ``LUT1D``, ``LUT3D`` (blue fastest), preceded by a
  ``Matrix`` mapping a domain other than [0, 1] onto [0, 1];
- `HalfLut1DOp` -> ``LUT1D`` with ``halfDomain="true"``.

A ``.ctf`` path is written as CTF 2.0, which adds the nodes of
`vfx_rs.lut.clf_write_ctf` (hue-adjusted and inverse LUTs, fixed functions).
Other op kinds have no node and raise `LutError`.
"""

from __future__ import annotations

import math
import os
import uuid
from collections.abc import Iterable

import numpy as np

from vfx_rs._xml import xml_attribute, xml_text
from vfx_rs.errors import LutError
from vfx_rs.lut.clf_write_ctf import ctf_node
from vfx_rs.lut.limits import Path
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.cdl import CdlOp
from vfx_rs.pipeline.ops.exponent import ExponentLinearOp, ExponentOp
from vfx_rs.pipeline.ops.log import LogOp
from vfx_rs.pipeline.ops.lut1d import Lut1DOp
from vfx_rs.pipeline.ops.lut1d_half import HalfLut1DOp, half_domain
from vfx_rs.pipeline.ops.lut3d import Lut3DOp
from vfx_rs.pipeline.ops.matrix import MatrixOp
from vfx_rs.pipeline.ops.range import RangeOp
from vfx_rs.pipeline.pipeline import Pipeline

__all__ = ["clf_text", "write_clf"]

_DEPTHS = 'inBitDepth="32f" outBitDepth="32f"'
_CHANNELS = "RGB"


def _num(value: float) -> str:
    return repr(float(value))


def _rows(values: np.ndarray, indent: str = "            ") -> str:
    return "\n".join(indent + " ".join(_num(v) for v in row) for row in np.asarray(values, dtype=np.float64)) + "\n"


def _matrix(matrix: np.ndarray, offset: np.ndarray) -> str:
    body = _rows(np.column_stack([matrix, offset]))
    return f'    <Matrix {_DEPTHS}>\n        <Array dim="3 4">\n{body}        </Array>\n    </Matrix>\n'


def _range(min_in: float, max_in: float | None, min_out: float, max_out: float | None, clamp: bool = True) -> str:
    style = "" if clamp else ' style="noClamp"'
    lines = [f"        <minInValue>{_num(min_in)}</minInValue>"] if math.isfinite(min_in) else []
    lines += [f"        <maxInValue>{_num(max_in)}</maxInValue>"] if max_in is not None else []
    lines += [f"        <minOutValue>{_num(min_out)}</minOutValue>"] if math.isfinite(min_out) else []
    lines += [f"        <maxOutValue>{_num(max_out)}</maxOutValue>"] if max_out is not None else []
    return f"    <Range {_DEPTHS}{style}>\n" + "\n".join(lines) + "\n    </Range>\n"


def _range_op(op: RangeOp) -> str:
    lo_open, hi_open = op.lo == -math.inf, op.hi == math.inf
    if lo_open and hi_open:
        return _range(0.0, 1.0, op.offset, op.scale + op.offset, clamp=False)
    if not lo_open and not hi_open and op.scale > 0.0:
        return _range((op.lo - op.offset) / op.scale, (op.hi - op.offset) / op.scale, op.lo, op.hi)
    # A one-sided clamp cannot scale in CLF: scale and offset first, then clamp in place.
    prefix = "" if (op.scale, op.offset) == (1.0, 0.0) else _matrix(np.eye(3) * op.scale, np.full(3, op.offset))
    lo = -math.inf if lo_open else op.lo
    return prefix + _range(lo, None if hi_open else op.hi, lo, None if hi_open else op.hi)


def _params(tag: str, per_channel: list[dict[str, float]]) -> str:
    def attrs(values: dict[str, float]) -> str:
        return " ".join(f'{k}="{_num(v)}"' for k, v in values.items())

    if all(p == per_channel[0] for p in per_channel):
        return f"        <{tag} {attrs(per_channel[0])} />\n"
    return "".join(
        f'        <{tag} channel="{ch}" {attrs(p)} />\n' for ch, p in zip(_CHANNELS, per_channel, strict=True)
    )


def _exponent(op: ExponentOp) -> str:
    style = {"clamp": "basicFwd", "mirror": "basicMirrorFwd", "pass": "basicPassThruFwd"}[op.style]
    body = _params("ExponentParams", [{"exponent": g} for g in op.exponent])
    return f'    <Exponent {_DEPTHS} style="{style}">\n{body}    </Exponent>\n'


def _moncurve(op: ExponentLinearOp) -> str:
    style = ("monCurveMirror" if op.style == "mirror" else "monCurve") + ("Fwd" if op.decode else "Rev")
    body = _params("ExponentParams", [{"exponent": g, "offset": k} for g, k in zip(op.gamma, op.offset, strict=True)])
    return f'    <Exponent {_DEPTHS} style="{style}">\n{body}    </Exponent>\n'


def _log(op: LogOp) -> str:
    camera = op.lin_side_break is not None
    style = ("camera" if camera else "") + ("LinToLog" if op.to_log else "LogToLin")
    style = style[0].lower() + style[1:]
    per_channel = []
    for c in range(3):
        values = {
            "base": op.base,
            "linSideSlope": op.lin_side_slope[c],
            "linSideOffset": op.lin_side_offset[c],
            "logSideSlope": op.log_side_slope[c],
            "logSideOffset": op.log_side_offset[c],
        }
        if op.lin_side_break is not None:
            values["linSideBreak"] = op.lin_side_break[c]
        if op.linear_slope is not None:
            values["linearSlope"] = op.linear_slope[c]
        per_channel.append(values)
    return f'    <Log {_DEPTHS} style="{style}">\n{_params("LogParams", per_channel)}    </Log>\n'


_CDL_STYLE_NAMES = {"v1.2_fwd": "Fwd", "v1.2_rev": "Rev", "noclamp_fwd": "FwdNoClamp", "noclamp_rev": "RevNoClamp"}
"""`CdlOp` styles to CLF v3 ``ASC_CDL`` style names (S-2014-006 v3, ASC_CDL node)."""


def _cdl(op: CdlOp) -> str:
    sop = "".join(
        f"            <{tag}>{' '.join(_num(v) for v in values)}</{tag}>\n"
        for tag, values in (("Slope", op.slope), ("Offset", op.offset), ("Power", op.power))
    )
    return (
        f'    <ASC_CDL {_DEPTHS} style="{_CDL_STYLE_NAMES[op.style]}">\n        <SOPNode>\n{sop}        </SOPNode>\n'
        f"        <SatNode>\n            <Saturation>{_num(op.saturation)}</Saturation>\n        </SatNode>\n    </ASC_CDL>\n"
    )


def _to_unit(domain_min: np.ndarray, domain_max: np.ndarray) -> str:
    """A Matrix mapping the domain onto [0, 1], or nothing when it already is [0, 1]."""
    if np.all(domain_min == 0.0) and np.all(domain_max == 1.0):
        return ""
    scale = 1.0 / (domain_max - domain_min)
    return _matrix(np.diag(scale), -domain_min * scale)


def _lut1d(op: Lut1DOp) -> str:
    n = op.table.shape[0]
    body = _rows(op.table)
    node = f'    <LUT1D {_DEPTHS}>\n        <Array dim="{n} 3">\n{body}        </Array>\n    </LUT1D>\n'
    return _to_unit(op.domain_min, op.domain_max) + node


def _half_lut1d(op: HalfLut1DOp) -> str:
    table = np.where(np.isfinite(half_domain())[:, None], op.table, 0.0)
    body = _rows(table)
    return (
        f'    <LUT1D {_DEPTHS} halfDomain="true">\n        <Array dim="65536 3">\n{body}'
        "        </Array>\n    </LUT1D>\n"
    )


def _lut3d(op: Lut3DOp) -> str:
    n = op.table.shape[0]
    body = _rows(op.table.transpose(2, 1, 0, 3).reshape(-1, 3))  # [b, g, r] -> blue fastest
    node = (
        f'    <LUT3D {_DEPTHS} interpolation="{op.interpolation}">\n'
        f'        <Array dim="{n} {n} {n} 3">\n{body}        </Array>\n    </LUT3D>\n'
    )
    return _to_unit(op.domain_min, op.domain_max) + node


def _node(op: Op, ctf: bool) -> str:
    if isinstance(op, MatrixOp):
        return _matrix(op.matrix, op.offset)
    if isinstance(op, RangeOp):
        return _range_op(op)
    if isinstance(op, ExponentOp):
        return _exponent(op)
    if isinstance(op, ExponentLinearOp):
        return _moncurve(op)
    if isinstance(op, LogOp):
        return _log(op)
    if isinstance(op, CdlOp):
        return _cdl(op)
    if isinstance(op, Lut1DOp):
        return _lut1d(op)
    if isinstance(op, HalfLut1DOp):
        return _half_lut1d(op)
    if isinstance(op, Lut3DOp):
        return _lut3d(op)
    text = ctf_node(op) if ctf else None
    if text is None:
        where = "CTF" if ctf else "CLF (write a .ctf, which has more nodes)"
        raise LutError(f"a {op.kind} op has no {where} node; bake it to a LUT first")
    return text


def clf_text(
    ops: Pipeline | Iterable[Op], name: str | None = None, description: str | None = None, *, ctf: bool = False
) -> str:
    """The CLF v3 (or, with `ctf`, CTF 2.0) XML text of `ops` (a `Pipeline` or ops in order), unsimplified."""
    items = list(ops)
    for op in items:
        if not isinstance(op, Op):
            raise LutError(f"write_clf takes ops or a Pipeline, got {type(op).__name__}")
    version = 'version="2.0"' if ctf else 'compCLFversion="3.0"'
    head = f'<ProcessList {version} id="urn:uuid:{uuid.uuid4()}"'
    head += f" name={xml_attribute(name)}>\n" if name else ">\n"
    desc = f"    <Description>{xml_text(description)}</Description>\n" if description else ""
    nodes = "".join(_node(op, ctf) for op in items)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + head + desc + nodes + "</ProcessList>\n"


def write_clf(
    path: Path, ops: Pipeline | Iterable[Op], *, name: str | None = None, description: str | None = None
) -> None:
    """Write `ops` (a `Pipeline` or ops in order) as a CLF v3 file, or a CTF 2.0 file for a ``.ctf`` path, atomically.

    Raises
    ------
    LutError
        An op with no CLF node (the message names its kind), or not an op.
    IoError
        The file cannot be written.
    """
    from vfx_rs.io.atomic import atomic_output

    try:
        text = clf_text(ops, name, description, ctf=os.fspath(path).lower().endswith(".ctf"))
    except LutError as exc:
        raise LutError(exc.message, path=path) from None
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
