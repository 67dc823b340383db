"""CTF's ``GradingPrimary``, ``GradingTone`` and ``GradingRGBCurve`` nodes (CTF 2.0) as OCIO's grading ops.

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
  all required) and ``SContrast master=``;
- GradingRGBCurve (``bypassLinToLog="true"`` optional): ``Red``, ``Green``,
  ``Blue``, ``Master``, each with ``ControlPoints`` (x y pairs, spaces or
  commas) and optional ``Slopes`` (one per point);
- GradingHueCurve (CTF 2.5, ``hsyTransform="none"`` optional): ``HueHue``,
  ``HueSat``, ``HueLum``, ``LumSat``, ``SatSat``, ``LumLum``, ``SatLum``,
  ``HueFx``, each a curve as above (CTFReaderGradingHueCurveElt).

The ops are `GradingPrimaryOp`, `GradingToneOp`, `GradingRGBCurveOp` and `GradingHueCurveOp` (issue 20).
"""

from __future__ import annotations

import re
from typing import Any, Literal, cast

from vfx_rs.lut.clf_context import NodeContext, wrap
from vfx_rs.lut.clf_xml import Node
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.grading_hue_curve import HUE_CURVES, GradingHueCurveOp
from vfx_rs.pipeline.ops.grading_primary import GradingPrimaryOp
from vfx_rs.pipeline.ops.grading_rgb_curve import GradingRGBCurveOp
from vfx_rs.pipeline.ops.grading_tone import GradingToneOp

__all__ = ["read_grading_hue_curve", "read_grading_primary", "read_grading_rgb_curve", "read_grading_tone"]

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


GradingStyle = Literal["log", "linear", "video"]


def _style(node: Node) -> tuple[GradingStyle, bool]:
    raw = node.attr("style")
    style = (raw or "").lower()
    inverse = style.endswith("rev")
    if style.removesuffix("rev") not in _STYLES:
        raise node.error(f"{node.tag} style {raw!r} is not log, linear or video (or their Rev)")
    return cast(GradingStyle, style.removesuffix("rev")), inverse


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
    return wrap(node, lambda: [GradingPrimaryOp(style=style, inverse_direction=inverse, **values)])


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
    return wrap(node, lambda: [GradingToneOp(style=style, inverse_direction=inverse, **values)])


def _curve_numbers(element: Node, what: str) -> list[float]:
    text = element.text.strip()
    try:
        return [float(v) for v in re.split(r"[\s,]+", text)] if text else []
    except ValueError:
        raise element.error(f"{what} {text[:60]!r} are not numbers") from None


def _curve(child: Node) -> tuple[tuple[tuple[float, float], ...], tuple[float, ...] | None]:
    points_node = child.child("ControlPoints")
    if points_node is None:
        raise child.error(f"{child.tag} curve needs ControlPoints")
    values = _curve_numbers(points_node, "ControlPoints")
    if len(values) % 2 or len(values) < 4:
        raise points_node.error(f"ControlPoints need x y pairs (2 or more), found {len(values)} numbers")
    points = tuple((values[i], values[i + 1]) for i in range(0, len(values), 2))
    slopes_node = child.child("Slopes")
    if slopes_node is None:
        return points, None
    slopes = _curve_numbers(slopes_node, "Slopes")
    if len(slopes) != len(points):
        raise slopes_node.error(f"{child.tag} needs one slope per control point ({len(points)}), found {len(slopes)}")
    return points, tuple(slopes)


def read_grading_rgb_curve(node: Node, _in_max: float, _out_max: float, _context: NodeContext) -> list[Op]:
    """A ``GradingRGBCurve`` node (module docstring)."""
    style, inverse = _style(node)
    bypass = node.attr("bypassLinToLog")
    if bypass is not None and bypass.lower() != "true":
        raise node.error(f"GradingRGBCurve bypassLinToLog {bypass!r} must be 'true' if present")
    curves: dict[str, Any] = {}
    for child in node.children:
        tag = child.tag.lower()
        if tag in ("red", "green", "blue", "master"):
            curves[tag] = _curve(child)
    bypassed = bypass is not None
    return wrap(
        node, lambda: [GradingRGBCurveOp(style=style, inverse_direction=inverse, lintolog_bypass=bypassed, **curves)]
    )


_HUE_TAGS = {name.replace("_", ""): name for name in HUE_CURVES}
"""CTF curve elements (``HueHue``... case-insensitive) to the op's curve names."""


def read_grading_hue_curve(node: Node, _in_max: float, _out_max: float, _context: NodeContext) -> list[Op]:
    """A ``GradingHueCurve`` node (module docstring)."""
    style, inverse = _style(node)
    hsy = node.attr("hsyTransform")
    if hsy is not None and hsy != "none":
        raise node.error(f"GradingHueCurve hsyTransform {hsy!r} is unknown (only 'none' is allowed)")
    curves: dict[str, Any] = {_HUE_TAGS[c.tag.lower()]: _curve(c) for c in node.children if c.tag.lower() in _HUE_TAGS}
    return wrap(node, lambda: [GradingHueCurveOp(style=style, inverse_direction=inverse, hsy=hsy is None, **curves)])
