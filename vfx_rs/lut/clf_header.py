"""The ``ProcessList`` header of a CLF/CTF file: versions, SMPTE namespace, id, and which nodes a version allows.

A file is CLF when its root has ``compCLFversion`` (S-2014-006 v2/v3, or
SMPTE ST 2136-1:2024's ``"ST2136-1:2024"``) or the ST 2136-1 namespace
``xmlns="http://www.smpte-ra.org/ns/2136-1/2024"``; otherwise it is OCIO's CTF,
versioned by ``version`` (1.2 when absent). As OpenColorIO's
CTFReaderTransformElt::start (CTFReaderHelper.cpp): CLF 2.0 and older read as
CTF 1.7, CLF 3 and the SMPTE forms as CTF 2.0; ``version`` may not appear
with ``compCLFversion`` or the SMPTE namespace; ``id`` is required (unless
the namespace is there) and, like ``name`` and ``inverseOf``, may not be
empty; a ``.clf`` file needs one of the three version forms. Which process
nodes each version reads follows CTFReaderOpElt::GetReader (`NODE_VERSIONS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from vfx_rs._text import quote
from vfx_rs.lut.clf_xml import Node

__all__ = ["MAX_CLF_VERSION", "MAX_CTF_VERSION", "NODE_VERSIONS", "SMPTE_XMLNS", "Header", "check_info", "read_header"]

Version = tuple[int, int, int]

MAX_CLF_VERSION: Version = (3, 0, 0)
"""Newest ``compCLFversion`` read (S-2014-006 v3; ST 2136-1:2024 counts as 3)."""

MAX_CTF_VERSION: Version = (2, 6, 0)
"""Newest CTF ``version`` read (OCIO 2.6's CTF_PROCESS_LIST_VERSION; 2.5 added the GradingHueCurve node)."""

MAX_INFO_VERSION = 2
"""Newest major version of a CTF ``<Info>`` element (OCIO CTF_INFO_ELEMENT_VERSION)."""

SMPTE_XMLNS = "http://www.smpte-ra.org/ns/2136-1/2024"
"""The SMPTE ST 2136-1 namespace (OCIO CTFTransform.cpp SMPTE_XMLNS_URL); compared case-insensitively."""

SMPTE_CLF_VERSION = "ST2136-1:2024"
"""The ``compCLFversion`` value of an ST 2136-1 file, read as CLF 3."""

_VERSION = re.compile(r"(\d{1,9})(?:\.(\d{1,9})(?:\.(\d{1,9}))?)?")


@dataclass(frozen=True)
class Header:
    """What the ``ProcessList`` declares: its CTF version and whether it is CLF (and which)."""

    version: Version
    clf: bool
    clf_version: Version = (0, 0, 0)

    def describe(self) -> str:
        """``CLF file version 3.0`` or ``CTF file version 1.3``, for messages."""
        major, minor, _ = self.clf_version if self.clf else self.version
        return f"{'CLF' if self.clf else 'CTF'} file version {major}.{minor}"


def _parse_version(root: Node, name: str, raw: str, smpte: bool = False) -> Version:
    if smpte and raw.lower() == SMPTE_CLF_VERSION.lower():
        return (3, 0, 0)
    match = _VERSION.fullmatch(raw)
    if match is None:
        forms = f"'{SMPTE_CLF_VERSION}' or MAJOR[.MINOR[.REVISION]]" if smpte else "MAJOR[.MINOR[.REVISION]]"
        raise root.error(f"ProcessList {name} {quote(raw)} is not a version number ({forms})")
    return (int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0))


def read_header(root: Node, clf_extension: bool) -> Header:
    """Check the root element and its attributes; the `Header` they declare.

    Raises
    ------
    LutError
        A root other than ``ProcessList``, conflicting or malformed versions, a
        version newer than this reader, a missing or empty ``id`` (message
        names the rule and the line).
    """
    if root.tag.lower() != "processlist":
        raise root.error(f"root element is <{root.tag}>, not <ProcessList>")
    attrs = {k.lower(): v for k, v in root.attrs.items()}
    for name in ("id", "name", "inverseof", "version", "compclfversion"):
        if name in attrs and not attrs[name]:
            raise root.error(f"ProcessList attribute {name!r} is present but empty")
    smpte = attrs.get("xmlns", "").lower() == SMPTE_XMLNS.lower()
    if "version" in attrs and ("compclfversion" in attrs or smpte):
        other = "compCLFversion" if "compclfversion" in attrs else "the SMPTE ST 2136-1 xmlns"
        raise root.error(f"ProcessList may not have both 'version' and {other}")
    if "id" not in attrs and not smpte:
        raise root.error("ProcessList needs an id attribute (only SMPTE ST 2136-1 files may omit it)")
    if "compclfversion" in attrs:
        clf_version = _parse_version(root, "compCLFversion", attrs["compclfversion"], smpte=True)
        if clf_version > MAX_CLF_VERSION:
            raise root.error(f"unsupported compCLFversion {quote(attrs['compclfversion'])} (newest read: 3.0)")
        header = Header((1, 7, 0) if clf_version <= (2, 0, 0) else (2, 0, 0), True, clf_version)
    elif smpte:
        header = Header((2, 0, 0), True, (3, 0, 0))
    elif "version" in attrs:
        header = Header(_parse_version(root, "version", attrs["version"]), False)
    elif clf_extension:
        raise root.error("a CLF ProcessList needs a compCLFversion, version or SMPTE ST 2136-1 xmlns attribute")
    else:
        header = Header((1, 2, 0), False)  # a CTF without a version is CTF 1.2 (OCIO)
    if header.version > MAX_CTF_VERSION:
        raise root.error(f"unsupported ProcessList version {quote(attrs['version'])} (newest read: 2.6)")
    return header


def check_info(node: Node) -> None:
    """Check a CTF ``<Info>`` element's ``version`` (OCIO validateInfoElementVersion: major <= 2)."""
    raw = node.attr("version")
    if raw is None:
        return
    match = re.match(r"\s*[-+]?\d{1,9}", raw)
    if match is None:
        raise node.error(f"Info version {quote(raw)} is not a version number")
    if int(match.group()) > MAX_INFO_VERSION:
        raise node.error(f"unsupported Info version {raw!r} (newest read: {MAX_INFO_VERSION}.x)")


def _from(first: Version, ctf_only: bool = False) -> Callable[[Header], bool]:
    return lambda h: h.version >= first and not (ctf_only and h.clf)


NODE_VERSIONS: dict[str, Callable[[Header], bool]] = {
    "ACES": _from((1, 5, 0)),
    "ASC_CDL": _from((1, 3, 0)),
    "ExposureContrast": _from((0, 0, 0), ctf_only=True),
    "FixedFunction": _from((2, 0, 0), ctf_only=True),
    "Function": _from((1, 6, 0), ctf_only=True),
    "Gamma": lambda h: not h.clf or h.version >= (2, 0, 0),
    "Exponent": lambda h: not h.clf or h.version >= (2, 0, 0),
    "GradingHueCurve": _from((2, 5, 0), ctf_only=True),
    "GradingPrimary": _from((2, 0, 0), ctf_only=True),
    "GradingRGBCurve": _from((2, 0, 0), ctf_only=True),
    "GradingTone": _from((2, 0, 0), ctf_only=True),
    "InverseLUT1D": _from((1, 3, 0), ctf_only=True),
    "InverseLUT3D": _from((1, 6, 0), ctf_only=True),
    "Log": lambda h: h.version >= (2, 0, 0) or (not h.clf and h.version >= (1, 3, 0)),
}
"""Process nodes that only some versions read (OCIO CTFReaderOpElt::GetReader); the others (LUT1D,
LUT3D, Matrix, Range, Reference) are read in every version."""
