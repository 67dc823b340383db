"""CTF's ``GradingPrimary`` and ``GradingTone`` nodes (CTF 2.0) as OCIO's grading ops.

As OpenColorIO's CTFReaderGradingPrimaryElt / CTFReaderGradingToneElt
(CTFReaderHelper.cpp): ``style`` is ``log``, ``linear`` or ``video``, with
``Rev`` for the inverse; the values start at OCIO's defaults for the style and
each child sets some:

- GradingPrimary: ``Brightness``, ``Contrast``, ``Gamma``, ``Offset``,
  ``Exposure``, ``Lift``, ``Gain`` (``rgb="r g b" master="m"``, both
  required), ``Saturation master=``, ``Pivot contrast= black= white=`` and
  ``Clamp black= white=`` (any of them);
- GradingTone: ``Blacks``, ``Shadows``, ``Midtones``, ``Highlights``,
  ``Whites`` (``rgb``, ``master`` and ``start``/``width``; Midtones has
  ``center`` for ``start``, Shadows and Highlights ``pivot`` for ``width``;
  all required) and ``SContrast master=``.

The ops are `GradingPrimaryOp` and `GradingToneOp` (issue 20's grading ops).
"""

from __future__ import annotations

from typing import Any

from vfx_rs.lut.clf_context import NodeContext, wrap
from vfx_rs.lut.clf_xml import Node
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.grading_primary import GradingPrimaryOp
from vfx_rs.pipeline.ops.grading_tone import GradingToneOp

__all__ = ["read_grading_primary", "read_grading_tone"]

_STYLES = {"log", "linear", "video"}

_PRIMARY_RGBM = {
    "brightness": "brightness",
    "contrast": "contrast",
    "gamma": "gamma",
    "offset": "offset",
    "exposure": "exposure",
    "lift": "lift",
    "gain": "gain",
}

_TONE = {
    "blacks": ("start", "width"),
    "shadows": ("start", "pivot"),
    "midtones": ("center", "width"),
    "highlights": ("start", "pivot"),
    "whites": ("start", "width"),
}
"""GradingTone regions and the names of their start/width attributes (OCIO parseRGBMSWAttrValues)."""


def _style(node: Node) -> tuple[str, bool]:
    raw = node.attr("style")
    style = (raw or "").lower()
    inverse = style.endswith("rev")
    if style.removesuffix("rev") not in _STYLES:
        raise node.error(f"{node.tag} style {raw!r} is not log, linear or video (or their Rev)")
    return style.removesuffix("rev"), inverse


def _floats(child: Node, name: str, count: int) -> list[float]:
    raw = child.attr(name)
    if raw is None:
        raise child.error(f"{child.tag} needs a {name!r} attribute")
    try:
        values = [float(v) for v in raw.split()]
    except ValueError:
        raise child.error(f"{child.tag} {name} {raw[:60]!r} is not numbers") from None
    if len(values) != count:
        raise child.error(f"{child.tag} {name} needs {count} value(s), found {len(values)}")
    return values


def _rgbm(child: Node) -> tuple[float, float, float, float]:
    r, g, b = _floats(child, "rgb", 3)
    return (r, g, b, _floats(child, "master", 1)[0])


def _optional(child: Node, name: str) -> float | None:
    return _floats(child, name, 1)[0] if child.attr(name) is not None else None


def read_grading_primary(node: Node, _in_max: float, _out_max: float, _context: NodeContext) -> list[Op]:
    """A ``GradingPrimary`` node (module docstring)."""
    style, inverse = _style(node)
    values: dict[str, Any] = {}
    for child in node.children:
        tag = child.tag.lower()
        if tag in _PRIMARY_RGBM:
            values[_PRIMARY_RGBM[tag]] = _rgbm(child)
        elif tag == "saturation":
            values["saturation"] = _floats(child, "master", 1)[0]
        elif tag == "pivot":
            for attr, key in (("contrast", "pivot"), ("black", "pivot_black"), ("white", "pivot_white")):
                value = _optional(child, attr)
                if value is not None:
                    values[key] = value
        elif tag == "clamp":
            for attr, key in (("black", "clamp_black"), ("white", "clamp_white")):
                value = _optional(child, attr)
                if value is not None:
                    values[key] = value
    return wrap(node, lambda: [GradingPrimaryOp(style=style, inverse_direction=inverse, **values)])  # type: ignore[arg-type]


def read_grading_tone(node: Node, _in_max: float, _out_max: float, _context: NodeContext) -> list[Op]:
    """A ``GradingTone`` node (module docstring)."""
    style, inverse = _style(node)
    values: dict[str, Any] = {}
    for child in node.children:
        tag = child.tag.lower()
        if tag in _TONE:
            start, width = _TONE[tag]
            values[tag] = (*_rgbm(child), _floats(child, start, 1)[0], _floats(child, width, 1)[0])
        elif tag == "scontrast":
            values["s_contrast"] = _floats(child, "master", 1)[0]
    return wrap(node, lambda: [GradingToneOp(style=style, inverse_direction=inverse, **values)])  # type: ignore[arg-type]
