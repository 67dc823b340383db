"""Academy/ASC Common LUT Format (``.clf``) and OCIO's CTF (``.ctf``): read a ProcessList as a `Pipeline`.

A CLF file (SMPTE ST 2136-10, the Academy S-2014-006 "Common LUT Format"
v3, and v2 files as OpenColorIO reads them) is an XML ``ProcessList`` of
process nodes applied in order. `read_clf` parses it with expat (line
numbers for every element; DOCTYPE and ENTITY declarations are refused, so
no entity expansion can happen), checks the ``ProcessList`` header and the
bit depths that join the nodes, and turns each node into pipeline ops with
`vfx_rs.lut.clf_nodes`. `write_clf` lives in `vfx_rs.lut.clf_write`.

Bit-depth handling follows OpenColorIO's CTFReaderHelper.cpp: every node
declares ``inBitDepth`` and ``outBitDepth`` (8i, 10i, 12i, 16i, 16f, 32f);
each node's ``inBitDepth`` must equal the previous node's ``outBitDepth``;
the ops then work on normalized values (see `vfx_rs.lut.clf_nodes`).
"""

from __future__ import annotations

import os
import re

from vfx_rs._text import quote
from vfx_rs.errors import LutError
from vfx_rs.lut.clf_nodes import BIT_DEPTH_MAX, NODE_READERS, UNSUPPORTED_NODES
from vfx_rs.lut.clf_write import write_clf
from vfx_rs.lut.clf_xml import Node, parse_xml
from vfx_rs.lut.limits import Path, read_text
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.pipeline import Pipeline

__all__ = ["MAX_CLF_VERSION", "MAX_CTF_VERSION", "read_clf", "write_clf"]

MAX_CLF_VERSION = (3, 0)
"""Newest ``compCLFversion`` read (S-2014-006 v3; OpenColorIO refuses newer ones likewise)."""

MAX_CTF_VERSION = (2, 1)
"""Newest CTF ``version`` read (OpenColorIO 2.x CTF_PROCESS_LIST_VERSION)."""

_METADATA = {"description", "inputdescriptor", "outputdescriptor", "info"}
"""ProcessList children that carry only text (CLF v3 ProcessList metadata elements; CTF's Info block)."""

_SMPTE_XMLNS = re.compile(r"^http://www\.smpte-ra\.org/ns/2136-1/2024$")
"""The SMPTE ST 2136-1 namespace, which on its own marks a file as CLF v3 (OCIO CTFTransform.cpp SMPTE_XMLNS_URL)."""


_FILE_INTERPOLATIONS = {
    "default": "trilinear",
    "linear": "trilinear",
    "trilinear": "trilinear",
    "tetrahedral": "tetrahedral",
    "best": "tetrahedral",
}
"""FileTransform interpolations to the LUT3D interpolation they give a node without its own (OCIO)."""


def _version(node: Node, name: str, limit: tuple[int, int]) -> tuple[int, int]:
    raw = node.attrs[name]
    match = re.fullmatch(r"\s*(\d{1,9})(?:\.(\d{1,9}))?(?:\.\d{1,9})?\s*", raw)
    if match is None:
        raise node.error(f"ProcessList {name} {quote(raw)} is not a version number")
    version = (int(match.group(1)), int(match.group(2) or 0))
    if version > limit:
        raise node.error(f"unsupported ProcessList {name} {raw!r} (newest read: {limit[0]}.{limit[1]})")
    return version


def _check_header(root: Node, is_ctf: bool) -> bool:
    """Check the ProcessList attributes; True for a file older than CLF 3 / CTF 2 (IndexMap allowed)."""
    if root.tag != "ProcessList":
        raise root.error(f"root element is <{root.tag}>, not <ProcessList>")
    attrs = {k.lower(): k for k in root.attrs}
    smpte = _SMPTE_XMLNS.match(root.attrs.get(attrs.get("xmlns", ""), "")) is not None
    if "compclfversion" in attrs and "version" in attrs:
        raise root.error("ProcessList has both compCLFversion and version")
    legacy = False
    if "compclfversion" in attrs:
        legacy = _version(root, attrs["compclfversion"], MAX_CLF_VERSION) < (3, 0)
    elif "version" in attrs:
        legacy = _version(root, attrs["version"], MAX_CTF_VERSION) < (2, 0)
    elif not smpte and not is_ctf:
        raise root.error("ProcessList needs a compCLFversion, version or SMPTE xmlns attribute")
    else:
        legacy = not smpte  # a CTF without a version is CTF 1.2 (OCIO)
    if "id" not in attrs and not smpte:
        raise root.error("ProcessList needs an id attribute")
    return legacy


def _bit_depth(node: Node, name: str) -> str:
    value = node.attr(name)
    if value is None:
        raise node.error(f"{node.tag} has no {name} attribute")
    if value.lower() not in BIT_DEPTH_MAX:
        raise node.error(f"{node.tag} {name} {value!r} is not one of {', '.join(BIT_DEPTH_MAX)}")
    return value.lower()


def read_clf(path: Path, interpolation: str = "default") -> Pipeline:
    """Read a ``.clf`` or ``.ctf`` file as a `Pipeline` of ops on normalized float values.

    Nodes read: ``Matrix`` (3x3, 3x4, and 4x4/4x5 whose alpha does not feed
    RGB), ``LUT1D`` (with ``halfDomain``, ``rawHalfs`` and a two-entry
    ``IndexMap``), ``LUT3D`` (``trilinear``, the default, or
    ``tetrahedral``), ``Range`` (clamping or ``noClamp``), ``ASC_CDL``,
    ``Log``, ``Exponent`` (CTF: ``Gamma``) and CTF's ``InverseLUT1D``.
    Alpha parameters are ignored; a two-entry ``IndexMap`` is read in files
    older than CLF 3 / CTF 2 and refused in newer ones (OCIO ignores it there).

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
        bit depths, a table beyond the size limits or holding NaN/infinity,
        or invalid parameters; the message names the file and line.
    IoError
        The file cannot be read.
    """
    if interpolation.lower() not in _FILE_INTERPOLATIONS:
        raise LutError(
            f"CLF interpolation {interpolation!r} is not one of {', '.join(_FILE_INTERPOLATIONS)}", path=path
        )
    is_ctf = os.fspath(path).lower().endswith(".ctf")
    root = parse_xml(read_text(path, "CLF"), path)
    legacy = _check_header(root, is_ctf)
    ops: list[Op] = []
    previous_out: str | None = None
    for node in root.children:
        key = node.tag.lower()
        if key in _METADATA:
            continue
        if node.tag in UNSUPPORTED_NODES:
            raise node.error(f"{node.tag} nodes are not supported by this reader")
        reader = NODE_READERS.get(node.tag)
        if reader is None:
            raise node.error(f"unknown ProcessList node <{node.tag}>")
        index_map = node.child("IndexMap")
        if index_map is not None and not legacy:
            raise index_map.error("IndexMap is not valid since CLF 3 / CTF 2 (OpenColorIO ignores it); remove it")
        in_depth, out_depth = _bit_depth(node, "inBitDepth"), _bit_depth(node, "outBitDepth")
        if previous_out is not None and in_depth != previous_out:
            raise node.error(
                f"bit-depth mismatch: previous node's outBitDepth is {previous_out}, this inBitDepth is {in_depth}"
            )
        previous_out = out_depth
        if node.tag == "LUT3D" and node.attr("interpolation") is None:
            node.attrs["interpolation"] = _FILE_INTERPOLATIONS[interpolation.lower()]
        ops.extend(reader(node, BIT_DEPTH_MAX[in_depth], BIT_DEPTH_MAX[out_depth]))
    return Pipeline(ops)
