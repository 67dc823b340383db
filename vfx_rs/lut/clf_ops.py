"""The parametric CLF nodes as ops: ``Exponent`` (CTF ``Gamma``), ``Log`` and ``ASC_CDL``.

These nodes work on normalized values whatever their bit depths
(OpenColorIO's CTFReaderHelper.cpp scales only Matrix, Range and LUT
nodes). Parameters are given per channel with ``channel="R|G|B"`` (or for all
three without it); alpha parameters are ignored.

- ``Exponent`` (S-2014-006 v3, Exponent node): ``basic*`` styles are plain powers
  (``Fwd`` uses the exponent, ``Rev`` its reciprocal) that clamp negatives
  to 0, mirror them (``basicMirror*``) or pass them (``basicPassThru*``);
  ``monCurve*`` styles are the power with a linear toe
  (`vfx_rs.pipeline.ops.exponent.ExponentLinearOp`; ``Fwd`` is OCIO's
  forward, encoded to linear).
- ``Log`` (Log node): ``log10``/``log2`` and their ``antiLog`` inverses,
  ``linToLog``/``logToLin`` with ``base``, ``linSideSlope``,
  ``linSideOffset``, ``logSideSlope``, ``logSideOffset`` (base 2 unless given,
  as OCIO), and ``cameraLinToLog``/``cameraLogToLin`` adding
  ``linSideBreak`` and optional ``linearSlope``.
- ``ASC_CDL`` (ASC_CDL node; ASC CDL v1.2): one `vfx_rs.pipeline.ops.cdl.CdlOp`;
  styles ``Fwd`` (the default in CLF), ``Rev``, ``FwdNoClamp``,
  ``RevNoClamp`` (CTF: ``v1.2_Fwd``, ``v1.2_Rev``, ``noClampFwd``,
  ``noClampRev``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

import numpy as np

from vfx_rs.lut.clf_xml import Node
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.cdl import CdlOp, CdlStyle
from vfx_rs.pipeline.ops.exponent import ExponentLinearOp, ExponentOp
from vfx_rs.pipeline.ops.log import LogOp

__all__ = ["cdl_ops", "exponent_ops", "log_ops"]

_T = TypeVar("_T")

_CHANNELS = {"r": 0, "g": 1, "b": 2, "a": 3}

_EXPONENT_STYLES = {
    "basicfwd": ("clamp", True),
    "basicrev": ("clamp", False),
    "basicmirrorfwd": ("mirror", True),
    "basicmirrorrev": ("mirror", False),
    "basicpassthrufwd": ("pass", True),
    "basicpassthrurev": ("pass", False),
    "moncurvefwd": ("linear", True),
    "moncurverev": ("linear", False),
    "moncurvemirrorfwd": ("mirror", True),
    "moncurvemirrorrev": ("mirror", False),
}
"""Exponent styles (lower case) to (negative style, forward)."""

_LOG_STYLES = {
    "log10": (10.0, True, False),
    "antilog10": (10.0, False, False),
    "log2": (2.0, True, False),
    "antilog2": (2.0, False, False),
    "lintolog": (None, True, False),
    "logtolin": (None, False, False),
    "cameralintolog": (None, True, True),
    "cameralogtolin": (None, False, True),
}
"""Log styles (lower case) to (fixed base or None, lin-to-log, camera)."""

_CINEON_PARAMS = {"gamma", "refwhite", "refblack", "highlight", "shadow"}
"""CTF's legacy Cineon-style LogParams attributes (OCIO CTFReaderLogParamsElt), refused rather than ignored."""

_CDL_STYLES: dict[str, CdlStyle] = {
    "fwd": "v1.2_fwd",
    "rev": "v1.2_rev",
    "fwdnoclamp": "noclamp_fwd",
    "revnoclamp": "noclamp_rev",
    "v1.2_fwd": "v1.2_fwd",
    "v1.2_rev": "v1.2_rev",
    "noclampfwd": "noclamp_fwd",
    "noclamprev": "noclamp_rev",
}
"""ASC_CDL styles (lower case), CLF and CTF spellings (OCIO CDLOpData.cpp), to `CdlOp` styles."""


def _style(node: Node, table: Mapping[str, _T], default: str | None = None) -> _T:
    raw = node.attr("style", default)
    if raw is None:
        raise node.error(f"{node.tag} has no style attribute")
    if raw.lower() not in table:
        raise node.error(f"{node.tag} style {raw!r} is unknown")
    return table[raw.lower()]


def _channel_params(node: Node, params_tag: str) -> list[tuple[Node, list[int]]]:
    """Each ``*Params`` child with the RGB channels it sets (alpha-only ones dropped)."""
    found = []
    for child in node.children:
        if child.tag.lower() == "description":
            continue
        if child.tag.lower() != params_tag.lower():
            raise child.error(f"unexpected <{child.tag}> inside {node.tag}")
        raw = child.attr("channel") or child.attr("chan")
        if raw is None:
            found.append((child, [0, 1, 2]))
        elif raw.lower() in _CHANNELS:
            index = _CHANNELS[raw.lower()]
            if index < 3:
                found.append((child, [index]))
        else:
            raise child.error(f"{child.tag} channel {raw!r} is not R, G, B or A")
    return found


def exponent_ops(node: Node) -> list[Op]:
    """The op of an ``Exponent`` (CLF) or ``Gamma`` (CTF) node."""
    negative, forward = _style(node, _EXPONENT_STYLES)
    moncurve = node.attr("style", "").lower().startswith("moncurve")  # type: ignore[union-attr]
    gamma, offset = [1.0] * 3, [0.0] * 3
    params_tag = "ExponentParams" if node.tag == "Exponent" else "GammaParams"
    for child, channels in _channel_params(node, params_tag):
        g = child.number("exponent")
        g = child.number("gamma") if g is None else g
        k = child.number("offset")
        if g is None:
            raise child.error(f"{child.tag} needs an exponent attribute")
        if moncurve != (k is not None):
            raise child.error(f"{child.tag} offset is {'required' if moncurve else 'not allowed'} for this style")
        for c in channels:
            gamma[c] = g
            offset[c] = 0.0 if k is None else k
    if moncurve:
        return [ExponentLinearOp(gamma=tuple(gamma), offset=tuple(offset), decode=bool(forward), style=negative)]  # type: ignore[arg-type]
    exponent = tuple(gamma) if forward else tuple(1.0 / g if g else 0.0 for g in gamma)
    return [ExponentOp(exponent=exponent, style=negative)]  # type: ignore[arg-type]


def log_ops(node: Node) -> list[Op]:
    """The op of a ``Log`` node."""
    fixed_base, to_log, camera = _style(node, _LOG_STYLES)
    names = ("linSideSlope", "linSideOffset", "logSideSlope", "logSideOffset", "linSideBreak", "linearSlope")
    defaults = {"linSideSlope": 1.0, "linSideOffset": 0.0, "logSideSlope": 1.0, "logSideOffset": 0.0}
    values: dict[str, list[float | None]] = {n: [defaults.get(n)] * 3 for n in names}
    base = fixed_base
    for child, channels in _channel_params(node, "LogParams"):
        cineon = sorted(k for k in child.attrs if k.lower() in _CINEON_PARAMS)
        if cineon:
            raise child.error(f"Cineon-style Log parameters ({', '.join(cineon)}) are not supported")
        child_base = child.number("base")
        if child_base is not None:
            if base is not None and base != child_base:
                raise child.error(f"Log base must be the same on every channel ({base} and {child_base})")
            base = child_base
        for name in names:
            value = child.number(name)
            if value is not None:
                if name in ("linSideBreak", "linearSlope") and not camera:
                    raise child.error(f"Log {name} is only allowed for the camera styles")
                for c in channels:
                    values[name][c] = value
    breaks = values["linSideBreak"]
    if camera and None in breaks:
        raise node.error("camera Log styles need linSideBreak on every channel")
    slopes = values["linearSlope"]
    if any(v is not None for v in slopes) and None in slopes:
        raise node.error("Log linearSlope must be given for every channel or none")
    return [
        LogOp(
            base=2.0 if base is None else float(base),  # type: ignore[arg-type]
            lin_side_slope=tuple(values["linSideSlope"]),  # type: ignore[arg-type]
            lin_side_offset=tuple(values["linSideOffset"]),  # type: ignore[arg-type]
            log_side_slope=tuple(values["logSideSlope"]),  # type: ignore[arg-type]
            log_side_offset=tuple(values["logSideOffset"]),  # type: ignore[arg-type]
            lin_side_break=tuple(breaks) if camera else None,  # type: ignore[arg-type]
            linear_slope=tuple(slopes) if camera and None not in slopes else None,  # type: ignore[arg-type]
            to_log=bool(to_log),
        )
    ]


def cdl_ops(node: Node) -> list[Op]:
    """The `CdlOp` of an ``ASC_CDL`` node (style ``Fwd`` when absent, as CLF v3 and OCIO)."""
    style = _style(node, _CDL_STYLES, default="Fwd")
    sop = node.child("SOPNode")
    slope, offset, power = np.ones(3), np.zeros(3), np.ones(3)
    if sop is not None:
        for name, target in (("Slope", slope), ("Offset", offset), ("Power", power)):
            element = sop.child(name)
            if element is not None:
                target[:] = element.numbers(f"ASC_CDL {name}", 3)
    sat_node = node.child("SatNode")
    sat = 1.0
    if sat_node is not None:
        element = sat_node.child("Saturation")
        if element is None:
            raise sat_node.error("SatNode has no Saturation element")
        sat = float(element.numbers("ASC_CDL Saturation", 1)[0])
    return [CdlOp(slope=tuple(slope), offset=tuple(offset), power=tuple(power), saturation=sat, style=style)]  # type: ignore[arg-type]
