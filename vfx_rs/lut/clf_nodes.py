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
- ``Exponent``, ``Log``, ``ASC_CDL`` and CTF's other nodes work on
  normalized values whatever the bit depths say; the inverse LUTs scale
  their tables by ``in_max``.

The table nodes are in `vfx_rs.lut.clf_lut_nodes`, the parametric ones in
`vfx_rs.lut.clf_ops`, CTF's ExposureContrast, FixedFunction and Reference in
`vfx_rs.lut.clf_ctf_nodes` and its grading nodes in
`vfx_rs.lut.clf_grading_nodes`; `NODE_READERS` registers them all. Node
semantics: S-2014-006 "Common LUT Format" v3 and SMPTE ST 2136-1:2024, the
process node definitions; OCIO's CTFReaderHelper.cpp for CTF.
"""

from __future__ import annotations

import numpy as np

from vfx_rs.lut.clf_context import NodeContext, NodeReader, array_dims, array_of, wrap
from vfx_rs.lut.clf_ctf_nodes import read_exposure_contrast, read_fixed_function, read_reference
from vfx_rs.lut.clf_grading_nodes import (
    read_grading_hue_curve,
    read_grading_primary,
    read_grading_rgb_curve,
    read_grading_tone,
)
from vfx_rs.lut.clf_lut_nodes import read_inverse_lut1d, read_inverse_lut3d, read_lut1d, read_lut3d
from vfx_rs.lut.clf_ops import cdl_ops, exponent_ops, log_ops
from vfx_rs.lut.clf_xml import Node
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.matrix import MatrixOp
from vfx_rs.pipeline.ops.matrix_alpha import AlphaMatrixOp
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

UNSUPPORTED_NODES: frozenset[str] = frozenset()
"""CTF/CLF process nodes OpenColorIO knows that this reader refuses by name ("not supported yet")."""


def read_matrix(node: Node, in_max: float, out_max: float, context: NodeContext) -> list[Op]:
    """A ``Matrix`` node (OCIO CTFReaderMatrixElt and CTFReaderMatrixElt_1_3).

    CTF 1.2 and older: ``dim="3 3 3"`` or ``"4 4 3"`` (16 values; the 4th column holds
    the offsets, the 4th row is unused). Later versions: 3x3, 3x4 (offsets), 4x4 (alpha)
    and 4x5 (alpha and offsets), ``dim`` with two numbers or three (the third equal to
    the first). The pipeline carries RGB, with alpha taken as 1 (as OCIO does for an RGB
    image): a matrix whose alpha feeds RGB is an `AlphaMatrixOp`, which keeps the 4x4 so it
    inverts as OCIO inverts it.
    """
    array = array_of(node)
    dims = array_dims(node, array)
    if context.header.version <= (1, 2, 0):
        if len(dims) != 3 or dims[0] != dims[1] or dims[2] != 3 or dims[0] not in (3, 4):
            raise array.error(f"Matrix Array dim {array.attr('dim')!r} is not '3 3 3' or '4 4 3' (CTF 1.2)")
        shape = (dims[0], dims[0])
        values = array.numbers("Matrix Array", shape[0] * shape[1]).reshape(shape)
        offset = values[:3, 3] if shape[0] == 4 else np.zeros(3)
        alpha_feeds = False
    else:
        shape = (dims[0], dims[1]) if len(dims) >= 2 else (0, 0)
        if (
            len(dims) not in (2, 3)
            or shape not in ((3, 3), (3, 4), (4, 4), (4, 5))
            or (len(dims) == 3 and dims[2] != dims[0])
        ):
            raise array.error(f"Matrix Array dim {array.attr('dim')!r} is not 3 3, 3 4, 4 4 or 4 5")
        values = array.numbers("Matrix Array", shape[0] * shape[1]).reshape(shape)
        offset = values[:3, shape[1] - 1] if shape[1] in (4, 5) and shape != (4, 4) else np.zeros(3)
        alpha_feeds = shape[0] == 4 and bool(np.any(values[:3, 3]))
    scale = in_max / out_max
    if alpha_feeds:
        # Alpha feeds RGB: keep the 4x4 (scaled to normalized values) so the inverse is OCIO's.
        full = np.eye(4)
        full[:, :4] = values[:, :4] * scale
        off4 = values[:, 4] / out_max if shape[1] == 5 else np.zeros(4)
        return wrap(node, lambda: [AlphaMatrixOp(matrix=full, offset=off4)])
    matrix = values[:3, :3] * scale
    offset = offset / out_max
    return wrap(node, lambda: [MatrixOp(matrix=matrix, offset=offset)])


def read_range(node: Node, in_max: float, out_max: float, context: NodeContext) -> list[Op]:
    """A ``Range`` node (``style`` ``Clamp``, the default, or ``noClamp``, from CTF 1.7 / CLF 2).

    As OCIO RangeOpData::validate: each of the min and max pairs is set in and out or not at
    all, at least one pair is set, max is not below min, and a one-sided range has equal in
    and out values.
    """
    bounds: dict[str, float | None] = {}
    for name, scale in (
        ("minInValue", in_max),
        ("maxInValue", in_max),
        ("minOutValue", out_max),
        ("maxOutValue", out_max),
    ):
        child = node.child(name)
        bounds[name] = None if child is None else float(child.numbers(f"Range {name}", 1)[0]) / scale
    style = (node.attr("style") or "Clamp").lower() if context.header.version >= (1, 7, 0) else "clamp"
    if style not in ("clamp", "noclamp"):
        raise node.error(f"Range style {node.attr('style')!r} is not Clamp or noClamp")
    for side in ("min", "max"):
        if (bounds[f"{side}InValue"] is None) != (bounds[f"{side}OutValue"] is None):
            raise node.error(f"Range {side}InValue and {side}OutValue must be both set or both missing")
    if all(v is None for v in bounds.values()):
        raise node.error("a Range needs minimum or maximum values (an empty Range is not allowed)")
    if style == "noclamp" and None in bounds.values():
        raise node.error("a noClamp Range needs all four of minInValue, maxInValue, minOutValue, maxOutValue")
    for side in ("min", "max"):
        pair = (bounds[f"{side}InValue"], bounds[f"{side}OutValue"])
        other = "max" if side == "min" else "min"
        if bounds[f"{other}InValue"] is None and None not in pair and pair[0] != pair[1]:
            raise node.error(f"a Range without {other} values needs {side}InValue equal to {side}OutValue (OCIO)")
    return wrap(
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


_BASIC_GAMMA_STYLES = frozenset({"basicfwd", "basicrev", "moncurvefwd", "moncurverev"})
"""The Gamma styles CTF files before 2.0 know (OCIO CTFReaderGammaElt::isValid)."""


def read_exponent(node: Node, _in_max: float, _out_max: float, context: NodeContext) -> list[Op]:
    """An ``Exponent``/``Gamma`` node: the styles and alpha parameters its file version allows."""
    header = context.header
    alpha = not header.clf and header.version >= (1, 5, 0)
    styles = _BASIC_GAMMA_STYLES if not header.clf and header.version < (2, 0, 0) else None
    return wrap(node, lambda: exponent_ops(node, alpha, styles))


def read_log(node: Node, _in_max: float, _out_max: float, context: NodeContext) -> list[Op]:
    """A ``Log`` node: Cineon-style parameters in CTF (only those before CTF 2.0), CLF-style in CTF 2 and CLF."""
    header = context.header
    legacy = not header.clf and header.version < (2, 0, 0)
    return wrap(node, lambda: log_ops(node, cineon=not header.clf, legacy=legacy))


def read_cdl(node: Node, _in_max: float, _out_max: float, _context: NodeContext) -> list[Op]:
    """An ``ASC_CDL`` node (normalized values whatever its bit depths)."""
    return wrap(node, lambda: cdl_ops(node))


NODE_READERS: dict[str, NodeReader] = {
    "Matrix": read_matrix,
    "Range": read_range,
    "LUT1D": read_lut1d,
    "LUT3D": read_lut3d,
    "InverseLUT1D": read_inverse_lut1d,
    "InverseLUT3D": read_inverse_lut3d,
    "ASC_CDL": read_cdl,
    "Log": read_log,
    "Exponent": read_exponent,
    "Gamma": read_exponent,
    "ExposureContrast": read_exposure_contrast,
    "Reference": read_reference,
    "FixedFunction": read_fixed_function,
    "ACES": read_fixed_function,
    "Function": read_fixed_function,
    "GradingPrimary": read_grading_primary,
    "GradingTone": read_grading_tone,
    "GradingRGBCurve": read_grading_rgb_curve,
    "GradingHueCurve": read_grading_hue_curve,
}
"""Node readers by tag (``Gamma`` is CTF's name for ``Exponent``)."""
