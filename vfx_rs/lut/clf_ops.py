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

_CINEON_PARAMS = ("gamma", "refWhite", "refBlack", "highlight", "shadow")
"""CTF's Cineon-style LogParams attributes (OCIO CTFReaderLogParamsElt)."""

_MONCURVE_EPS = 1e-6
"""Smallest moncurve gamma - 1 and offset OCIO computes with (GammaOpUtils.cpp, EPS)."""

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


def _channel_params(node: Node, params_tag: str, alpha: bool = False) -> list[tuple[Node, list[int]]]:
    """Each ``*Params`` child with the RGB channels it sets (alpha ones, where `alpha` allows them, dropped).

    Other children are ignored, as OCIO ignores unknown elements (with a warning).
    """
    found = []
    for child in node.children:
        if child.tag.lower() != params_tag.lower():
            continue
        raw = child.attr("channel") or child.attr("chan")
        if raw is None:
            found.append((child, [0, 1, 2]))
        elif raw.lower() in _CHANNELS and (alpha or raw.lower() != "a"):
            found.append((child, [_CHANNELS[raw.lower()]]))
        else:
            allowed = "R, G, B or A" if alpha else "R, G or B (A needs CTF 1.5 or later)"
            raise child.error(f"{child.tag} channel {raw!r} is not {allowed}")
    return [(child, [c for c in channels if c < 3]) for child, channels in found]


def exponent_ops(node: Node, alpha: bool = True, styles: frozenset[str] | None = None) -> list[Op]:
    """The op of an ``Exponent`` (CLF) or ``Gamma`` (CTF) node.

    Parameters are checked as OpenColorIO's CTFReaderGammaParamsElt and
    GammaOpData::validateParameters: basic exponents in [0.01, 100],
    moncurve exponents in [1, 10] with offsets in [0, 0.9]; `alpha` says
    whether ``channel="A"`` is allowed (CTF 1.5 and later), `styles` which
    styles the file version knows (lower case; None: all). A moncurve at
    gamma 1 and offset 0 is the identity (no op); other moncurve values are
    raised to gamma 1 + 1e-6 and offset 1e-6, as OCIO's GammaOpUtils.cpp does.
    """
    raw_style = node.attr("style")
    if raw_style is not None and styles is not None and raw_style.lower() not in styles:
        raise node.error(f"{node.tag} style {raw_style!r} needs a newer file version")
    negative, forward = _style(node, _EXPONENT_STYLES)
    moncurve = node.attr("style", "").lower().startswith("moncurve")  # type: ignore[union-attr]
    gamma, offset = [1.0] * 3, [0.0] * 3
    params_tag = "ExponentParams" if node.tag == "Exponent" else "GammaParams"
    for child, channels in _channel_params(node, params_tag, alpha):
        g = child.number("exponent")
        g = child.number("gamma") if g is None else g
        k = child.number("offset")
        if g is None:
            raise child.error(f"{child.tag} needs an exponent attribute")
        if moncurve != (k is not None):
            raise child.error(f"{child.tag} offset is {'required' if moncurve else 'not allowed'} for this style")
        low, high = (1.0, 10.0) if moncurve else (0.01, 100.0)
        if not low <= g <= high or (k is not None and not 0.0 <= k <= 0.9):
            limits = f"exponent in [{low}, {high}]" + (", offset in [0, 0.9]" if moncurve else "")
            raise child.error(f"{child.tag} values out of range (OCIO GammaOpData: {limits})")
        for c in channels:
            gamma[c] = g
            offset[c] = 0.0 if k is None else k
    if moncurve:
        if all(g == 1.0 for g in gamma) and all(k == 0.0 for k in offset):
            return []
        gamma_c = tuple(max(g, 1.0 + _MONCURVE_EPS) for g in gamma)
        offset_c = tuple(max(k, _MONCURVE_EPS) for k in offset)
        return [ExponentLinearOp(gamma=gamma_c, offset=offset_c, decode=bool(forward), style=negative)]  # type: ignore[arg-type]
    exponent = tuple(gamma) if forward else tuple(1.0 / g for g in gamma)
    return [ExponentOp(exponent=exponent, style=negative)]  # type: ignore[arg-type]


def _cineon(child: Node) -> dict[str, float]:
    """OCIO-style Log parameters of one Cineon-style ``LogParams`` (OCIO LogUtils.cpp, ConvertFromCTFToOCIO).

    With ``m = 0.002 * 1023 / gamma``, ``t = min((refBlack - refWhite) / 1023 * m, -1e-4)``,
    ``gain = (highlight - shadow) / (1 - 10 ** t)`` and ``offset = gain - (highlight - shadow)``: base 10,
    logSideSlope ``1 / m``, linSideSlope ``1 / gain``, linSideOffset ``(offset - shadow) / gain``,
    logSideOffset ``refWhite / 1023``.
    """
    values = {}
    for name in _CINEON_PARAMS:
        value = child.number(name)
        if value is None:
            raise child.error(f"Cineon-style LogParams needs {name!r}")
        values[name] = value
    gamma, white, black = values["gamma"], values["refWhite"], values["refBlack"]
    highlight, shadow = values["highlight"], values["shadow"]
    if not (gamma > 0.01 and white > black and highlight > shadow):
        raise child.error("Cineon-style LogParams need gamma > 0.01, refWhite > refBlack, highlight > shadow (OCIO)")
    mult = 0.002 * 1023.0 / gamma
    tmp = min((black - white) / 1023.0 * mult, -0.0001)
    gain = (highlight - shadow) / (1.0 - 10.0**tmp)
    offset = gain - (highlight - shadow)
    return {
        "logSideSlope": 1.0 / mult,
        "linSideSlope": 1.0 / gain,
        "linSideOffset": (offset - shadow) / gain,
        "logSideOffset": white / 1023.0,
    }


def log_ops(node: Node, cineon: bool = False, legacy: bool = False) -> list[Op]:
    """The op of a ``Log`` node.

    `legacy` (CTF before 2.0): only the Cineon-style parameters, for ``linToLog``/``logToLin``;
    `cineon` (CTF 2.x): Cineon-style or CLF-style parameters, not mixed; otherwise (CLF) CLF-style
    only (OCIO CTFReaderLogParamsElt_2_0 ignores other attributes there). Which attributes a node may
    carry follows OCIO CTFReaderLogElt/CTFReaderLogParamsElt_2_0.
    """
    fixed_base, to_log, camera = _style(node, _LOG_STYLES)
    if legacy and camera:
        raise node.error("camera Log styles need CTF 2.0 or later")
    names = ("linSideSlope", "linSideOffset", "logSideSlope", "logSideOffset", "linSideBreak", "linearSlope")
    defaults = {"linSideSlope": 1.0, "linSideOffset": 0.0, "logSideSlope": 1.0, "logSideOffset": 0.0}
    values: dict[str, list[float | None]] = {n: [defaults.get(n)] * 3 for n in names}
    base = fixed_base
    params = [] if fixed_base is not None and (legacy or cineon) else _channel_params(node, "LogParams")
    cineon_set: list[bool] = [False] * 3
    for child, channels in params:
        has_cineon = any(child.attr(k) is not None for k in _CINEON_PARAMS) and (cineon or legacy) and not camera
        has_clf = any(child.attr(k) is not None for k in (*names, "base")) and not legacy
        if has_cineon and has_clf:
            raise child.error("Log parameters of the CLF and Cineon kinds cannot be mixed")
        if has_cineon or legacy:
            for name, converted in _cineon(child).items():
                for c in channels:
                    values[name][c] = converted
            for c in channels:
                cineon_set[c] = True
            base = 10.0
            continue
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
    if ((legacy and fixed_base is None) or any(cineon_set)) and not all(cineon_set):
        raise node.error("Cineon-style Log parameters must be given for every channel")
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
            if element is None:
                raise sop.error(f"ASC_CDL SOPNode needs Slope, Offset and Power; {name} is missing")
            target[:] = element.numbers(f"ASC_CDL {name}", 3)
    sat_node = node.child("SatNode")
    sat = 1.0
    if sat_node is not None:
        element = sat_node.child("Saturation")
        if element is None:
            raise sat_node.error("SatNode has no Saturation element")
        sat = float(element.numbers("ASC_CDL Saturation", 1)[0])
    return [CdlOp(slope=tuple(slope), offset=tuple(offset), power=tuple(power), saturation=sat, style=style)]  # type: ignore[arg-type]
