"""The table nodes of CLF/CTF: ``LUT1D``, ``LUT3D`` and CTF's ``InverseLUT1D``, with their ``IndexMap``.

Table values are divided by the ``outBitDepth`` maximum; the input domain is
[0, 1] (OpenColorIO CTFReaderLut1DElt/CTFReaderLut3DElt); table entries may
be NaN (applied as 0) or infinite (the largest float32), as OCIO applies them.
``LUT1D`` options:
``halfDomain`` (65536 entries, one per half code), ``rawHalfs`` (values are
half bit patterns) and, from CTF 1.4, ``hueAdjust="dw3"`` (`HueAdjustOp`).
A two-entry ``IndexMap`` (CLF 2 / CTF 1.x) becomes a range before the table.
"""

from __future__ import annotations

import re

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.lut.clf_context import NodeContext, array_dims, array_of, wrap
from vfx_rs.lut.clf_header import Version
from vfx_rs.lut.clf_xml import Node
from vfx_rs.lut.limits import MAX_1D_SIZE, MAX_3D_SIZE
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.hue_adjust import HueAdjustOp
from vfx_rs.pipeline.ops.lut1d import Lut1DOp, forward_table, sanitized_table
from vfx_rs.pipeline.ops.lut1d_half import HALF_DOMAIN_SIZE, HalfLut1DOp, half_domain
from vfx_rs.pipeline.ops.lut3d import Lut3DOp
from vfx_rs.pipeline.ops.range import RangeOp

__all__ = ["read_inverse_lut1d", "read_inverse_lut3d", "read_lut1d", "read_lut3d"]

_INDEX_PAIR = re.compile(r"([^\s@]+)\s*@\s*([^\s@]+)")


def _index_map(node: Node, length: int, in_max: float, context: NodeContext, older: Version) -> list[Op]:
    """A two-entry ``IndexMap`` as a range before the table (OCIO RangeOpData from an IndexMapping).

    CLF 2 / CTF 1.x only: since CLF 3 / CTF 2 OCIO ignores the element (with a warning), and so
    does this reader. Up to CTF version `older` (1.4 for LUT1D, 1.6 for LUT3D: OCIO's
    CTFReaderLut1DElt_1_7 and CTFReaderLut3DElt_1_7 read the newer ones) the map is checked and
    then not applied, as OCIO's older readers do. Pairs are ``input@index`` (spaces allowed around
    ``@``), read as float32.
    """
    index_map = node.child("IndexMap")
    if index_map is None or context.header.version >= (2, 0, 0):
        return []
    maps = [c for c in node.children if c.tag.lower() == "indexmap"]
    if len(maps) > 1:
        raise maps[1].error(f"{node.tag} may have only one IndexMap (OCIO)")
    raw_dim = index_map.attr("dim")
    if raw_dim is None or not raw_dim.strip().isdigit():
        raise index_map.error(f"{node.tag} IndexMap needs a dim attribute with one number, got {raw_dim!r}")
    text = index_map.text
    pairs = _INDEX_PAIR.findall(text)
    if _INDEX_PAIR.sub("", text).strip() or len(pairs) != int(raw_dim):
        raise index_map.error(f"{node.tag} IndexMap must hold {raw_dim} input@index pairs, got {text.strip()!r}")
    try:
        values = [(float(np.float32(a)), float(np.float32(b))) for a, b in pairs]
    except ValueError:
        raise index_map.error(f"{node.tag} IndexMap entries must be numbers, got {pairs}") from None
    if context.header.version <= older:
        return []
    if len(values) != 2:
        raise index_map.error(f"{node.tag} IndexMap must have exactly 2 entries (OCIO), found {len(pairs)}")
    (a0, b0), (a1, b1) = values
    return wrap(node, lambda: [RangeOp.from_bounds(a0 / in_max, a1 / in_max, b0 / (length - 1), b1 / (length - 1))])


def _scaled(values: np.ndarray, depth_max: float) -> np.ndarray:
    """Table values in the file's bit depth as OCIO scales them: float32, times the float32 ``1 / max``
    (CTFReaderLut1DElt_1_7::end, Lut3DOpData::scale); float tables (max 1) are left as read."""
    if depth_max == 1.0:
        return values
    return values.astype(np.float32) * np.float32(1.0 / np.float32(depth_max))  # type: ignore[no-any-return]


def _flag(node: Node, name: str) -> bool:
    value = node.attr(name)
    if value is not None and value.lower() != "true":
        raise node.error(f"{node.tag} attribute {name}={value!r} must be 'true' if present")
    return value is not None


def _hue_adjust(node: Node, context: NodeContext) -> bool:
    """Whether the node asks for ``hueAdjust="dw3"`` (read from CTF 1.4; OCIO knows no other value)."""
    value = node.attr("hueAdjust")
    if value is None or context.header.version < (1, 4, 0):
        return False
    if value.lower() != "dw3":
        raise node.error(f"{node.tag} hueAdjust {value!r} is not 'dw3' (the only style OCIO implements)")
    return True


def _table_op(node: Node, out_max: float) -> Op:
    """The 1D table of a ``LUT1D``/``InverseLUT1D`` node as a `Lut1DOp` or `HalfLut1DOp`, values over `out_max`."""
    interpolation = node.attr("interpolation")
    if interpolation is not None and interpolation.lower() not in ("linear", "default"):
        raise node.error(f"{node.tag} interpolation {interpolation!r} is not 'linear'")
    half_domain_lut, raw_halfs = _flag(node, "halfDomain"), _flag(node, "rawHalfs")
    array = array_of(node)
    dims = array_dims(node, array)
    if len(dims) != 2 or dims[1] not in (1, 3):
        raise array.error(f"{node.tag} Array dim {array.attr('dim')!r} is not 'N 1' or 'N 3'")
    if not 2 <= dims[0] <= MAX_1D_SIZE:
        raise array.error(f"{node.tag} size {dims[0]} is outside 2..{MAX_1D_SIZE}")
    if half_domain_lut and dims[0] != HALF_DOMAIN_SIZE:
        raise array.error(f"a halfDomain {node.tag} needs {HALF_DOMAIN_SIZE} entries, found {dims[0]}")
    values = array.numbers(f"{node.tag} Array", dims[0] * dims[1], finite=False).reshape(dims[0], dims[1])
    if raw_halfs:
        if np.any((values < 0) | (values > 65535) | (values != np.round(values))):
            raise array.error(f"{node.tag} rawHalfs values must be integer half codes 0..65535", array.text_line)
        values = values.astype(np.uint16).view(np.float16).astype(np.float64)
    table = np.repeat(values, 3, axis=1) if dims[1] == 1 else values
    table = _scaled(table, out_max)
    if half_domain_lut:
        return HalfLut1DOp(table=np.where(np.isfinite(half_domain())[:, None], sanitized_table(table), 0.0))
    # NaN and infinities: applied sanitized forward, inverted raw, as OCIO (Lut1DOp.inverse_table).
    if np.all(np.isfinite(table)):
        table.flags.writeable = False  # handed to the op, which then holds it without a copy
        return Lut1DOp(table=table)
    return Lut1DOp(table=forward_table(table), inverse_table=table)


def read_lut1d(node: Node, in_max: float, out_max: float, context: NodeContext) -> list[Op]:
    """A ``LUT1D`` node: ``N 1`` or ``N 3`` values (module docstring for the options)."""
    length = array_dims(node, array_of(node))[0]
    op = wrap(node, lambda: [_table_op(node, out_max)])[0]
    if _hue_adjust(node, context):
        op = HueAdjustOp(inner=op)
    return [*_index_map(node, length, in_max, context, (1, 4, 0)), op]


def read_inverse_lut1d(node: Node, in_max: float, out_max: float, context: NodeContext) -> list[Op]:
    """A CTF ``InverseLUT1D`` node: a 1D table in the input bit depth, applied inverted.

    As OpenColorIO's CTFReaderInvLut1DElt, the values are scaled by the
    ``inBitDepth``; ``halfDomain``, ``rawHalfs`` and ``hueAdjust`` as for ``LUT1D``.
    """
    if node.child("IndexMap") is not None:
        raise node.error("InverseLUT1D takes no IndexMap")
    forward = wrap(node, lambda: [_table_op(node, in_max)])[0]
    try:
        inverse = forward.inverse()
    except ArgumentError as exc:
        raise node.error(f"InverseLUT1D: {exc.message}") from None
    return [HueAdjustOp(inner=inverse) if _hue_adjust(node, context) else inverse]


def _lut3d_op(node: Node, out_max: float, context: NodeContext) -> Lut3DOp:
    """The table of a ``LUT3D``/``InverseLUT3D`` node, values over `out_max`; blue fastest in the file."""
    interpolation = (node.attr("interpolation") or context.lut3d_interpolation).lower()
    if interpolation not in ("trilinear", "tetrahedral"):
        raise node.error(f"{node.tag} interpolation {node.attr('interpolation')!r} is not trilinear or tetrahedral")
    array = array_of(node)
    dims = array_dims(node, array)
    if len(dims) != 4 or dims[3] != 3 or dims[1] != dims[0] or dims[2] != dims[0]:
        raise array.error(f"{node.tag} Array dim {array.attr('dim')!r} is not 'N N N 3'")
    n = dims[0]
    if not 2 <= n <= MAX_3D_SIZE:
        raise array.error(f"{node.tag} size {n} is outside 2..{MAX_3D_SIZE}")
    # NaN is 0, an infinity the largest float32 of its sign (SanitizeFloat, as for 1D; measured on OCIO 2.6).
    raw = _scaled(array.numbers(f"{node.tag} Array", n * n * n * 3, finite=False), out_max)
    values = sanitized_table(raw, in_place=True)  # the parsed values are this reader's own
    # CLF order is blue fastest ([r, g, b]); the op wants red fastest ([b, g, r]).
    table = values.reshape(n, n, n, 3).transpose(2, 1, 0, 3)
    table.flags.writeable = False  # handed to the op, which then holds it without a copy
    return wrap(node, lambda: [Lut3DOp(table=table, interpolation=interpolation)])[0]  # type: ignore[return-value]


def read_lut3d(node: Node, in_max: float, out_max: float, context: NodeContext) -> list[Op]:
    """A ``LUT3D`` node: ``N N N 3`` values, blue fastest; ``trilinear`` or ``tetrahedral``.

    A node without an ``interpolation`` attribute takes the FileTransform's (`NodeContext`).
    """
    lut = _lut3d_op(node, out_max, context)
    return [*_index_map(node, lut.table.shape[0], in_max, context, (1, 6, 0)), lut]


def read_inverse_lut3d(node: Node, in_max: float, _out_max: float, context: NodeContext) -> list[Op]:
    """A CTF ``InverseLUT3D`` node: a 3D table in the input bit depth, applied inverted (OCIO's exact
    inverse, `Lut3DOp.inverse`; CTFReaderInvLut3DElt scales the values by the ``inBitDepth``)."""
    forward = _lut3d_op(node, in_max, context)
    try:
        return [forward.inverse()]
    except ArgumentError as exc:
        raise node.error(f"InverseLUT3D: {exc.message}") from None
