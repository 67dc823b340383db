"""CLF/CTF process nodes as pipeline ops, with OpenColorIO's bit-depth scaling.

Each reader takes a parsed node and the largest code value of its
``inBitDepth`` and ``outBitDepth`` (`BIT_DEPTH_MAX`) and returns ops on
normalized float values, as OpenColorIO's CTFReaderHelper.cpp builds them:

- ``Matrix``: values are code-to-code, so the matrix is multiplied by
  ``in_max / out_max`` and the offsets divided by ``out_max``;
- ``Range``: ``minIn``/``maxIn`` divided by ``in_max``, ``minOut``/``maxOut``
  by ``out_max`` (RangeOpData::normalize); ``noClamp`` keeps only the scale
  and offset (RangeOpData::convertToMatrix);
- ``LUT1D``/``LUT3D``: table values divided by ``out_max``; the input
  domain is always [0, 1]; a two-entry ``IndexMap`` becomes a clamping
  range before the table (RangeOpData from an IndexMapping);
- ``Exponent``, ``Log`` and ``ASC_CDL`` work on normalized values
  whatever the bit depths say.

Node semantics: S-2014-006 "Common LUT Format" v3, the process node
definitions (LUT1D, LUT3D, Matrix, Range, Log, Exponent, ASC_CDL).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from vfx_rs._text import whole_number
from vfx_rs.errors import ArgumentError
from vfx_rs.lut.clf_ops import cdl_ops, exponent_ops, log_ops
from vfx_rs.lut.clf_xml import Node
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.lut1d import Lut1DOp
from vfx_rs.pipeline.ops.lut1d_half import HALF_DOMAIN_SIZE, HalfLut1DOp, half_domain
from vfx_rs.pipeline.ops.lut3d import Lut3DOp
from vfx_rs.pipeline.ops.matrix import MatrixOp
from vfx_rs.pipeline.ops.range import RangeOp

__all__ = ["BIT_DEPTH_MAX", "NODE_READERS", "UNSUPPORTED_NODES"]

BIT_DEPTH_MAX: dict[str, float] = {
    "8i": 255.0,
    "10i": 1023.0,
    "12i": 4095.0,
    "16i": 65535.0,
    "16f": 1.0,
    "32f": 1.0,
}
"""Largest code value of each CLF bit depth (S-2014-006 v3, bit depth attributes; OCIO GetBitDepthMaxValue)."""

UNSUPPORTED_NODES = frozenset(
    {
        "InverseLUT3D",
        "FixedFunction",
        "ACES",
        "Function",
        "ExposureContrast",
        "GradingPrimary",
        "GradingRGBCurve",
        "GradingHueCurve",
        "GradingTone",
        "Reference",
        "Dither",
    }
)
"""CTF/CLF process nodes OpenColorIO knows that this reader refuses by name."""


def _dims(node: Node, array: Node) -> list[int]:
    raw = array.attr("dim")
    if raw is None:
        raise array.error(f"{node.tag} Array has no dim attribute")
    parsed = [whole_number(d) for d in raw.split()]
    dims = [d for d in parsed if d is not None]
    if len(dims) != len(parsed):
        raise array.error(f"{node.tag} Array dim {raw[:60]!r} is not a list of integers")
    if not dims or min(dims) < 1:
        raise array.error(f"{node.tag} Array dim {raw!r} is not a list of positive integers")
    return dims


def _array(node: Node) -> Node:
    array = node.child("Array")
    if array is None:
        raise node.error(f"{node.tag} has no Array element")
    return array


def _wrap(node: Node, build: Callable[[], list[Op]]) -> list[Op]:
    try:
        return build()
    except ArgumentError as exc:
        raise node.error(f"invalid {node.tag}: {exc.message}") from None


def read_matrix(node: Node, in_max: float, out_max: float) -> list[Op]:
    """A ``Matrix`` node: 3x3, 3x4 (offsets in the 4th column), or 4x4/4x5 without alpha feeding RGB."""
    array = _array(node)
    dims = _dims(node, array)
    shape = tuple(dims[:2])
    if (
        len(dims) not in (2, 3)
        or shape not in ((3, 3), (3, 4), (4, 4), (4, 5))
        or (len(dims) == 3 and dims[2] != dims[0])
    ):
        raise array.error(f"Matrix Array dim {array.attr('dim')!r} is not 3 3, 3 4, 4 4 or 4 5")
    values = array.numbers("Matrix Array", shape[0] * shape[1]).reshape(shape)
    if shape[0] == 4 and np.any(values[:3, 3]):
        raise array.error("Matrix: alpha feeding RGB is not supported")
    matrix = values[:3, :3] * (in_max / out_max)
    offset = values[:3, shape[1] - 1] / out_max if shape[1] in (4, 5) and shape != (4, 4) else np.zeros(3)
    return _wrap(node, lambda: [MatrixOp(matrix=matrix, offset=offset)])


def read_range(node: Node, in_max: float, out_max: float) -> list[Op]:
    """A ``Range`` node (``style`` ``Clamp``, the default, or ``noClamp``)."""
    bounds: dict[str, float | None] = {}
    for name, scale in (
        ("minInValue", in_max),
        ("maxInValue", in_max),
        ("minOutValue", out_max),
        ("maxOutValue", out_max),
    ):
        child = node.child(name)
        bounds[name] = None if child is None else float(child.numbers(f"Range {name}", 1)[0]) / scale
    style = (node.attr("style") or "Clamp").lower()
    if style not in ("clamp", "noclamp"):
        raise node.error(f"Range style {node.attr('style')!r} is not Clamp or noClamp")
    if style == "noclamp" and None in bounds.values():
        raise node.error("a noClamp Range needs all four of minInValue, maxInValue, minOutValue, maxOutValue")
    if all(v is None for v in bounds.values()):
        return []
    for side in ("min", "max"):
        pair = (bounds[f"{side}InValue"], bounds[f"{side}OutValue"])
        other = "max" if side == "min" else "min"
        if bounds[f"{other}InValue"] is None and None not in pair and pair[0] != pair[1]:
            raise node.error(f"a Range without {other} values needs {side}InValue equal to {side}OutValue (OCIO)")
    return _wrap(
        node,
        lambda: [
            RangeOp.from_bounds(
                bounds["minInValue"],
                bounds["maxInValue"],
                bounds["minOutValue"],
                bounds["maxOutValue"],
                clamp=style == "clamp",
            )
        ],
    )


def _index_map(node: Node, length: int, in_max: float) -> list[Op]:
    index_map = node.child("IndexMap")
    if index_map is None:
        return []
    pairs = index_map.text.split()
    if len(pairs) != 2:
        raise index_map.error(f"{node.tag} IndexMap must have exactly 2 entries, found {len(pairs)}")
    try:
        (a0, b0), (a1, b1) = (tuple(float(v) for v in p.split("@")) for p in pairs)
    except ValueError:
        raise index_map.error(f"{node.tag} IndexMap entries must be input@index pairs, got {pairs}") from None
    return _wrap(node, lambda: [RangeOp.from_bounds(a0 / in_max, a1 / in_max, b0 / (length - 1), b1 / (length - 1))])


def _flag(node: Node, name: str) -> bool:
    value = node.attr(name)
    if value is not None and value.lower() != "true":
        raise node.error(f"{node.tag} attribute {name}={value!r} must be 'true' if present")
    return value is not None


def read_lut1d(node: Node, in_max: float, out_max: float) -> list[Op]:
    """A ``LUT1D`` node: ``N 1`` or ``N 3`` values, optionally on the half domain and/or as raw half codes."""
    interpolation = node.attr("interpolation")
    if interpolation is not None and interpolation.lower() != "linear":
        raise node.error(f"LUT1D interpolation {interpolation!r} is not 'linear'")
    half_domain_lut, raw_halfs = _flag(node, "halfDomain"), _flag(node, "rawHalfs")
    array = _array(node)
    dims = _dims(node, array)
    if len(dims) != 2 or dims[1] not in (1, 3):
        raise array.error(f"LUT1D Array dim {array.attr('dim')!r} is not 'N 1' or 'N 3'")
    if not 2 <= dims[0] <= MAX_1D_SIZE:
        raise array.error(f"LUT1D size {dims[0]} is outside 2..{MAX_1D_SIZE}")
    if half_domain_lut and dims[0] != HALF_DOMAIN_SIZE:
        raise array.error(f"a halfDomain LUT1D needs {HALF_DOMAIN_SIZE} entries, found {dims[0]}")
    values = array.numbers("LUT1D Array", dims[0] * dims[1]).reshape(dims[0], dims[1])
    if raw_halfs:
        if np.any((values < 0) | (values > 65535) | (values != np.round(values))):
            raise array.error("LUT1D rawHalfs values must be integer half codes 0..65535", array.text_line)
        values = values.astype(np.uint16).view(np.float16).astype(np.float64)
    table = np.repeat(values, 3, axis=1) if dims[1] == 1 else values
    table = table / out_max
    finite_rows = np.isfinite(half_domain()) if half_domain_lut else slice(None)
    if not np.all(np.isfinite(table[finite_rows])):
        raise array.error("LUT1D table holds NaN or infinity", array.text_line)
    if half_domain_lut:
        table = np.where(np.isfinite(table), table, 0.0)
        return _index_map(node, dims[0], in_max) + _wrap(node, lambda: [HalfLut1DOp(table=table)])
    return _index_map(node, dims[0], in_max) + _wrap(node, lambda: [Lut1DOp(table=table)])


def read_inverse_lut1d(node: Node, in_max: float, out_max: float) -> list[Op]:
    """A CTF ``InverseLUT1D`` node: a monotonic 1D table in the input bit depth, applied inverted.

    As OpenColorIO's CTFReaderInvLut1DElt, the values are scaled by the
    ``inBitDepth``; the inverse is `Lut1DOp.inverse` (a resampled inverse
    clamping to the table's output range).
    """
    if _flag(node, "halfDomain") or node.child("IndexMap") is not None:
        raise node.error("InverseLUT1D with halfDomain or an IndexMap is not supported")
    forward = read_lut1d(node, out_max, in_max)
    return _wrap(node, lambda: [forward[-1].inverse()])


def read_lut3d(node: Node, in_max: float, out_max: float) -> list[Op]:
    """A ``LUT3D`` node: ``N N N 3`` values, blue fastest; ``trilinear`` (default) or ``tetrahedral``."""
    interpolation = (node.attr("interpolation") or "trilinear").lower()
    if interpolation not in ("trilinear", "tetrahedral"):
        raise node.error(f"LUT3D interpolation {node.attr('interpolation')!r} is not trilinear or tetrahedral")
    array = _array(node)
    dims = _dims(node, array)
    if len(dims) != 4 or dims[3] != 3 or dims[1] != dims[0] or dims[2] != dims[0]:
        raise array.error(f"LUT3D Array dim {array.attr('dim')!r} is not 'N N N 3'")
    n = dims[0]
    if not 2 <= n <= MAX_3D_SIZE:
        raise array.error(f"LUT3D size {n} is outside 2..{MAX_3D_SIZE}")
    values = array.numbers("LUT3D Array", n * n * n * 3)
    # CLF order is blue fastest ([r, g, b]); the op wants red fastest ([b, g, r]).
    table = values.reshape(n, n, n, 3).transpose(2, 1, 0, 3) / out_max
    return _index_map(node, n, in_max) + _wrap(node, lambda: [Lut3DOp(table=table, interpolation=interpolation)])


def _checked(reader: Callable[[Node], list[Op]]) -> Callable[[Node, float, float], list[Op]]:
    """A reader of a node that works on normalized values whatever its bit depths."""

    def read(node: Node, _in_max: float, _out_max: float) -> list[Op]:
        return _wrap(node, lambda: reader(node))

    return read


NODE_READERS: dict[str, Callable[[Node, float, float], list[Op]]] = {
    "Matrix": read_matrix,
    "Range": read_range,
    "LUT1D": read_lut1d,
    "LUT3D": read_lut3d,
    "InverseLUT1D": read_inverse_lut1d,
    "ASC_CDL": _checked(cdl_ops),
    "Log": _checked(log_ops),
    "Exponent": _checked(exponent_ops),
    "Gamma": _checked(exponent_ops),
}
"""Node readers by tag (``Gamma`` is CTF's name for ``Exponent``)."""
