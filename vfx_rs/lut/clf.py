"""Academy/ASC Common LUT Format (``.clf``) and OCIO's CTF (``.ctf``): read a ProcessList as a `Pipeline`.

A CLF file (SMPTE ST 2136-1:2024, the Academy S-2014-006 "Common LUT Format"
v3, and v2 files as OpenColorIO reads them) is an XML ``ProcessList`` of
process nodes applied in order. `read_clf` parses it with expat (line
numbers for every element; DOCTYPE and ENTITY declarations are refused, so
no entity expansion can happen), checks the ``ProcessList`` header (`vfx_rs.lut.clf_header`) and the
bit depths that join the nodes, and turns each node into pipeline ops with
`vfx_rs.lut.clf_nodes`. `write_clf` lives in `vfx_rs.lut.clf_write`.

Bit-depth handling follows OpenColorIO's CTFReaderHelper.cpp: every node
declares ``inBitDepth`` and ``outBitDepth`` (8i, 10i, 12i, 16i, 16f, 32f);
each node's ``inBitDepth`` must equal the previous node's ``outBitDepth``;
the ops then work on normalized values (see `vfx_rs.lut.clf_nodes`).
"""

from __future__ import annotations

import os

from vfx_rs.errors import LutError
from vfx_rs.lut.clf_context import NodeContext
from vfx_rs.lut.clf_header import MAX_CLF_VERSION, MAX_CTF_VERSION, NODE_VERSIONS, check_info, read_header
from vfx_rs.lut.clf_nodes import BIT_DEPTH_MAX, NODE_READERS, UNSUPPORTED_NODES
from vfx_rs.lut.clf_write import write_clf
from vfx_rs.lut.clf_xml import Node, parse_xml
from vfx_rs.lut.limits import Path, text_pieces
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.pipeline import Pipeline

__all__ = ["MAX_CLF_VERSION", "MAX_CTF_VERSION", "read_clf", "read_clf_ops", "write_clf"]

_METADATA = {"description", "inputdescriptor", "outputdescriptor", "id"}
"""ProcessList children that carry only text (CLF v3 metadata elements; ST 2136-1's ``<Id>``)."""

_FILE_INTERPOLATIONS = {
    "default": "trilinear",
    "linear": "trilinear",
    "trilinear": "trilinear",
    "tetrahedral": "tetrahedral",
    "best": "tetrahedral",
}
"""FileTransform interpolations to the LUT3D interpolation they give a node without its own (OCIO)."""

_NODE_TAGS = {tag.lower(): tag for tag in (*NODE_READERS, *UNSUPPORTED_NODES)}
"""Process node tags by lower-case name (OCIO compares tags case-insensitively)."""


def _bit_depth(node: Node, name: str) -> str:
    value = node.attr(name)
    if value is None:
        raise node.error(f"{node.tag} has no {name} attribute")
    if value.lower() not in BIT_DEPTH_MAX:
        raise node.error(f"{node.tag} {name} {value!r} is not one of {', '.join(BIT_DEPTH_MAX)}")
    return value.lower()


def read_clf(path: Path, interpolation: str = "default") -> Pipeline:
    """Read a ``.clf`` or ``.ctf`` file as a `Pipeline` of ops on normalized float values.

    Nodes read: ``Matrix`` (3x3, 3x4, 4x4 and 4x5; alpha taken as 1), ``LUT1D``
    (``halfDomain``, ``rawHalfs``, ``hueAdjust="dw3"``), ``LUT3D``, ``Range``,
    ``ASC_CDL``, ``Log`` (CLF and CTF Cineon-style parameters), ``Exponent``
    (CTF: ``Gamma``), and CTF's ``InverseLUT1D``, ``InverseLUT3D``,
    ``ExposureContrast``, ``FixedFunction`` (``ACES``, ``Function``),
    ``Reference``, ``GradingPrimary``, ``GradingTone``, ``GradingRGBCurve`` and ``GradingHueCurve``
    (`vfx_rs.lut.clf_nodes.NODE_READERS`), each where the file's version
    allows it (`vfx_rs.lut.clf_header.NODE_VERSIONS`). The root may carry a
    namespace prefix (``clf:ProcessList``, SMPTE ST 2136-1). Elements that are
    not process nodes (``<Ignore>``, vendor metadata) are skipped, as OpenColorIO
    skips them; a two-entry ``IndexMap`` is read in CLF 2 / CTF 1 files and
    ignored in newer ones, as OCIO does.

    Parameters
    ----------
    path
        The file.
    interpolation
        For ``LUT3D`` nodes without an ``interpolation`` attribute, as
        OpenColorIO's FileTransform interpolation: ``"default"`` or
        ``"linear"`` (trilinear), ``"tetrahedral"`` or ``"best"``. Nodes that
        name their interpolation keep it (as OCIO).

    Raises
    ------
    LutError
        Malformed XML, a DOCTYPE/ENTITY declaration, an unknown or
        unsupported node (named), wrong value counts, unknown or mismatched
        bit depths, a table beyond the size limits,
        or invalid parameters; the message names the file and line.
    IoError
        The file cannot be read.
    """
    if not isinstance(interpolation, str) or interpolation.lower() not in _FILE_INTERPOLATIONS:
        raise LutError(
            f"CLF interpolation {interpolation!r} is not one of {', '.join(_FILE_INTERPOLATIONS)}", path=path
        )
    return Pipeline(read_clf_ops(path, _FILE_INTERPOLATIONS[interpolation.lower()]))


def read_clf_ops(path: Path, lut3d_interpolation: str = "trilinear", parents: tuple[str, ...] = ()) -> list[Op]:
    """The ops of a ``.clf``/``.ctf`` file, unsimplified (`read_clf`; `parents` are the files referring to it)."""
    root = parse_xml(text_pieces(path, "CLF"), path)
    header = read_header(root, os.fspath(path).lower().endswith(".clf"))
    context = NodeContext(
        path,
        header,
        lut3d_interpolation,
        (*parents, os.path.realpath(path)),
        lambda ref, chain: read_clf_ops(ref, "trilinear", chain),  # OCIO reads references at INTERP_DEFAULT
    )
    ops: list[Op] = []
    previous_out: str | None = None
    nodes = 0
    for node in root.children:
        key = node.tag.lower()
        if key in _METADATA:
            continue
        if key == "info":
            check_info(node)
            continue
        tag = _NODE_TAGS.get(key)
        if tag is None:
            continue  # OCIO ignores unknown elements (with a warning): <Ignore>, vendor metadata
        if tag in NODE_VERSIONS and not NODE_VERSIONS[tag](header):
            raise node.error(f"{header.describe()} does not support the {tag} node")
        if tag in UNSUPPORTED_NODES:
            raise node.error(f"{tag} nodes are not supported yet")
        in_depth, out_depth = _bit_depth(node, "inBitDepth"), _bit_depth(node, "outBitDepth")
        if previous_out is not None and in_depth != previous_out:
            raise node.error(
                f"bit-depth mismatch: previous node's outBitDepth is {previous_out}, this inBitDepth is {in_depth}"
            )
        previous_out = out_depth
        nodes += 1
        ops.extend(NODE_READERS[tag](node, BIT_DEPTH_MAX[in_depth], BIT_DEPTH_MAX[out_depth], context))
    if nodes == 0:
        raise root.error("ProcessList has no process node (CLF needs at least one)")
    return ops
