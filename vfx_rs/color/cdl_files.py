"""ASC CDL files: ``.cc`` (ColorCorrection), ``.ccc`` (ColorCorrectionCollection), ``.cdl`` (ColorDecisionList).

The XML layout is that of the ASC CDL v1.2 specification (American Society
of Cinematographers, "ASC Color Decision List (ASC CDL) Transfer Functions
and Interchange Syntax", v1.2, section 4)::

    <ColorCorrection id="shot_010">
      <Description>...</Description>
      <SOPNode>
        <Slope>1.1 1.0 0.9</Slope> <Offset>0 0 0.01</Offset> <Power>1 1 1</Power>
      </SOPNode>
      <SatNode><Saturation>0.9</Saturation></SatNode>
    </ColorCorrection>

A ``.ccc`` holds ColorCorrection elements under ``<ColorCorrectionCollection>``;
a ``.cdl`` holds them inside ``<ColorDecision>`` elements under
``<ColorDecisionList>``. Element names compare case-insensitively, so the
``SATNode`` spelling of older files reads too (as in OpenColorIO).

Reading is strict: malformed XML, a SOPNode missing Slope, Offset or Power, a
wrong number of values or a value that is not a finite number raise
`FormatError` naming the file and the line. DOCTYPE and ENTITY declarations
are refused, so no entity expansion ("billion laughs") or external fetch can
happen. Writing goes through `vfx_rs.io.atomic.atomic_output`.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from pathlib import Path

from vfx_rs._files import check_path, open_regular
from vfx_rs._xml import XmlElement, parse_xml, xml_attribute, xml_text
from vfx_rs.color.cdl import Cdl
from vfx_rs.errors import ArgumentError, FormatError, IoError, NotFoundError
from vfx_rs.io.atomic import atomic_output

__all__ = [
    "CDL_FILE_KINDS",
    "MAX_CDL_FILE_BYTES",
    "cdl_file_text",
    "read_cdl_collection",
    "read_cdl_file",
    "write_cdl_file",
]

CDL_FILE_KINDS = ("cc", "ccc", "cdl")
"""File kinds by extension: ColorCorrection, ColorCorrectionCollection, ColorDecisionList."""

MAX_CDL_FILE_BYTES = 64 * 1024 * 1024
"""Largest CDL file read (64 MiB; a correction is a few hundred bytes, so far beyond any real list)."""

_ROOTS = {"cc": "colorcorrection", "ccc": "colorcorrectioncollection", "cdl": "colordecisionlist"}
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", re.ASCII)
"""A decimal number (ASCII digits only; Python's float() would also take ``1_0`` and other scripts' digits)."""

_NAMESPACE = "urn:ASC:CDL:v1.2"
"""The XML namespace of ASC CDL v1.2 files."""


def _kind(path: str | os.PathLike[str]) -> str:
    kind = Path(path).suffix.lower().lstrip(".")
    if kind not in CDL_FILE_KINDS:
        raise ArgumentError(f"CDL file extension must be .cc, .ccc or .cdl, got {Path(path).name!r}")
    return kind


def _numbers(element: XmlElement, count: int, path: str) -> list[float]:
    """The element's text as exactly `count` finite numbers."""
    line = element.text_line or element.line
    tokens = element.text.split()
    if len(tokens) != count:
        raise FormatError(f"<{element.tag}> needs {count} values, found {len(tokens)}", path=path, line=line)
    values = []
    for token in tokens:
        if not _NUMBER.fullmatch(token):
            raise FormatError(f"<{element.tag}> value {token[:40]!r} is not a number", path=path, line=line)
        value = float(token)
        if not math.isfinite(value):
            raise FormatError(f"<{element.tag}> value {token[:40]!r} is not finite", path=path, line=line)
        values.append(value)
    return values


def _child(parent: XmlElement, name: str, path: str) -> XmlElement | None:
    """The child element `name`, if any; more than one is an error."""
    found = parent.find(name)
    if len(found) > 1:
        raise FormatError(f"<{parent.tag}> has more than one <{found[1].tag}>", path=path, line=found[1].line)
    return found[0] if found else None


def _required(parent: XmlElement, name: str, label: str, path: str) -> XmlElement:
    """The one child element `name`; its absence is an error naming `label`."""
    found = _child(parent, name, path)
    if found is None:
        raise FormatError(f"<{parent.tag}> has no <{label}> element", path=path, line=parent.line)
    return found


def _correction(element: XmlElement, path: str) -> Cdl:
    """The `Cdl` of a ColorCorrection element."""
    sop = _child(element, "sopnode", path)
    sat_node = _child(element, "satnode", path)
    if sop is None and sat_node is None:
        raise FormatError(f"<{element.tag}> has neither a SOPNode nor a SatNode", path=path, line=element.line)
    values: dict[str, object] = {}
    if sop is not None:
        for name in ("slope", "offset", "power"):
            values[name] = tuple(_numbers(_required(sop, name, name.capitalize(), path), 3, path))
    if sat_node is not None:
        values["saturation"] = _numbers(_required(sat_node, "saturation", "Saturation", path), 1, path)[0]
    description = "\n".join(d.text.strip() for d in element.find("description"))
    try:
        return Cdl(**values, id=element.attrs.get("id"), description=description)  # type: ignore[arg-type]
    except ArgumentError as exc:
        raise FormatError(exc.message, path=path, line=(sop or sat_node or element).line) from None


def _corrections(root: XmlElement, kind: str, path: str) -> list[Cdl]:
    if kind != "cc" and root.name == _ROOTS["cc"]:
        kind = "cc"  # a .ccc/.cdl holding one <ColorCorrection>: OCIO's CDLParser picks the reader by root
    if root.name != _ROOTS[kind]:
        raise FormatError(
            f"a .{kind} file's root must be <{_ROOTS[kind]}>, found <{root.tag}>", path=path, line=root.line
        )
    if kind == "cc":
        return [_correction(root, path)]
    if kind == "ccc":
        elements = root.find("colorcorrection")
    else:
        elements = []
        for decision in root.find("colordecision"):
            for ref in decision.find("colorcorrectionref"):
                raise FormatError(
                    "<ColorCorrectionRef> (a reference to another file) is not supported", path=path, line=ref.line
                )
            elements.append(_required(decision, "colorcorrection", "ColorCorrection", path))
    return [_correction(e, path) for e in elements]


def read_cdl_collection(path: str | os.PathLike[str]) -> list[Cdl]:
    """Every correction in a ``.cc``, ``.ccc`` or ``.cdl`` file, in file order.

    A ``.ccc`` or ``.cdl`` whose root is one ``<ColorCorrection>`` gives that
    correction, as OpenColorIO reads it (its CDLParser picks the reader by root).

    Raises
    ------
    IoError
        The file cannot be read.
    FormatError
        Malformed XML or CDL content (the message names the file and line).
    """
    name = check_path(path, "CDL")
    kind = _kind(name)
    with open_regular(name, "a CDL file") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_CDL_FILE_BYTES:
            raise FormatError(f"file is {size} bytes; a CDL file is at most {MAX_CDL_FILE_BYTES}", path=name)
        try:
            data = handle.read()
        except OSError as exc:
            raise IoError(f"cannot read CDL file: {exc.strerror or exc}", path=name) from exc
    return _corrections(parse_xml(data, name, "CDL", FormatError, XmlElement), kind, name)


def read_cdl_file(path: str | os.PathLike[str], id: str | None = None, index: int | None = None) -> Cdl:
    """One correction from a ``.cc``, ``.ccc`` or ``.cdl`` file, by `id` or by `index`.

    Without `id` and `index` the file must hold exactly one correction.

    Raises
    ------
    NotFoundError
        No correction has `id`, or `index` is out of range (the message lists the ids).
    ArgumentError
        Both `id` and `index` given, or neither for a file holding several.
    """
    if id is not None and index is not None:
        raise ArgumentError("give a CDL id or an index, not both")
    cdls = read_cdl_collection(path)
    ids = ", ".join(repr(c.id) for c in cdls) or "none"
    if id is not None:
        for cdl in cdls:
            if cdl.id == id:
                return cdl
        raise NotFoundError(f"no ColorCorrection with id {id!r}; the file holds {ids}", path=path)
    if index is not None:
        if not -len(cdls) <= index < len(cdls):
            raise NotFoundError(f"CDL index {index} is out of range; the file holds {len(cdls)}", path=path)
        return cdls[index]
    if len(cdls) != 1:
        raise ArgumentError(f"the file holds {len(cdls)} corrections ({ids}); choose one by id or index", path=path)
    return cdls[0]


def _number(value: float) -> str:
    return repr(float(value))


def _correction_xml(cdl: Cdl, indent: str) -> list[str]:
    open_tag = "<ColorCorrection>" if cdl.id is None else f"<ColorCorrection id={xml_attribute(cdl.id)}>"
    lines = [open_tag]
    if cdl.description:
        lines.append(f"  <Description>{xml_text(cdl.description)}</Description>")
    lines += [
        "  <SOPNode>",
        f"    <Slope>{' '.join(_number(v) for v in cdl.slope)}</Slope>",
        f"    <Offset>{' '.join(_number(v) for v in cdl.offset)}</Offset>",
        f"    <Power>{' '.join(_number(v) for v in cdl.power)}</Power>",
        "  </SOPNode>",
        "  <SatNode>",
        f"    <Saturation>{_number(cdl.saturation)}</Saturation>",
        "  </SatNode>",
        "</ColorCorrection>",
    ]
    return [indent + line for line in lines]


def cdl_file_text(cdls: Cdl | Sequence[Cdl], kind: str) -> str:
    """The XML text of a ``cc`` (exactly one correction), ``ccc`` or ``cdl`` file."""
    if kind not in CDL_FILE_KINDS:
        raise ArgumentError(f"CDL file kind must be one of {', '.join(CDL_FILE_KINDS)}, got {kind!r}")
    items = [cdls] if isinstance(cdls, Cdl) else list(cdls)
    if not items or not all(isinstance(c, Cdl) for c in items):
        raise ArgumentError("a CDL file needs at least one Cdl")
    if kind == "cc" and len(items) != 1:
        raise ArgumentError(f"a .cc file holds exactly one correction, got {len(items)}")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    if kind == "cc":
        lines += _correction_xml(items[0], "")
        lines[1] = lines[1].replace("<ColorCorrection", f'<ColorCorrection xmlns="{_NAMESPACE}"', 1)
    elif kind == "ccc":
        lines.append(f'<ColorCorrectionCollection xmlns="{_NAMESPACE}">')
        for cdl in items:
            lines += _correction_xml(cdl, "  ")
        lines.append("</ColorCorrectionCollection>")
    else:
        lines.append(f'<ColorDecisionList xmlns="{_NAMESPACE}">')
        for cdl in items:
            lines += ["  <ColorDecision>", *_correction_xml(cdl, "    "), "  </ColorDecision>"]
        lines.append("</ColorDecisionList>")
    return "\n".join(lines) + "\n"


def write_cdl_file(path: str | os.PathLike[str], cdls: Cdl | Sequence[Cdl]) -> None:
    """Write `cdls` to `path` atomically, as ``.cc``, ``.ccc`` or ``.cdl`` by the extension."""
    text = cdl_file_text(cdls, _kind(path))
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
