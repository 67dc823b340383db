"""OCIO v2's grading transforms from YAML to ops: GradingPrimary, GradingRGBCurve, GradingTone, GradingHueCurve.

The keys follow OpenColorIO's YAML reader (OCIOYaml.cpp, ``load`` of each
grading transform): ``style`` (``log``, ``linear`` or ``video``; default
log), each RGBM value as ``{rgb: [r, g, b], master: m}`` (both required),
``pivot: {contrast, black, white}`` and ``clamp: {black, white}`` (at least
one each), ``saturation``; unknown keys are ignored, as OCIO only warns.
Values not given keep OCIO's defaults for the style. The ops take OCIO's
parameter values, so a CTF grading node builds the same ops
(`vfx_rs.pipeline.ops.GradingPrimaryOp`...).
"""

from __future__ import annotations

import math
from typing import Any

from vfx_rs.errors import ArgumentError, OcioError
from vfx_rs.ocio.model import Transform
from vfx_rs.pipeline.op import Op

__all__ = [
    "GRADING_STYLES",
    "grading_hue_curve_ops",
    "grading_primary_ops",
    "grading_rgb_curve_ops",
    "grading_style",
    "grading_tone_ops",
]

GRADING_STYLES = {"log": "log", "linear": "linear", "video": "video"}
"""OCIO grading style names (case-insensitive, ParseUtils.cpp GradingStyleFromString) to the ops' styles."""


def _error(t: Transform, path: str | None, message: str) -> OcioError:
    return OcioError(f"{t.kind}Transform {message}", path=path, line=t.line)


def grading_style(t: Transform, path: str | None) -> str:
    """The transform's ``style``, OCIO's default ``log`` when absent."""
    raw = t.params.get("style")
    style = "log" if raw is None else str(raw).strip().lower()
    if style not in GRADING_STYLES:
        raise _error(t, path, f"style {raw!r} is not log, linear or video")
    return GRADING_STYLES[style]


def _number(t: Transform, path: str | None, value: Any, what: str) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise _error(t, path, f"'{what}' must be a number, got {value!r}") from None
    if math.isnan(out):
        raise _error(t, path, f"'{what}' must not be NaN")
    return out


def _map(t: Transform, path: str | None, key: str) -> dict[str, Any] | None:
    value = t.params.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _error(t, path, f"'{key}' needs to be a map")
    return {k: v for k, v in value.items() if v is not None}


def _rgbm(t: Transform, path: str | None, key: str) -> tuple[float, float, float, float] | None:
    value = _map(t, path, key)
    if value is None:
        return None
    rgb, master = value.get("rgb"), value.get("master")
    if rgb is None or master is None:
        raise _error(t, path, f"'{key}': both rgb and master values are required")
    if not isinstance(rgb, list) or len(rgb) != 3:
        raise _error(t, path, f"'{key}': the rgb value needs to be 3 numbers")
    r, g, b = (_number(t, path, v, key) for v in rgb)
    return (r, g, b, _number(t, path, master, key))


def _pair(t: Transform, path: str | None, key: str, names: tuple[str, ...]) -> dict[str, float]:
    value = _map(t, path, key)
    if value is None:
        return {}
    found = {k: _number(t, path, value[k], f"{key}: {k}") for k in names if k in value}
    if not found:
        raise _error(t, path, f"'{key}': at least one of {', '.join(names)} must be given")
    return found


def grading_primary_ops(t: Transform, path: str | None, inverse: bool) -> list[Op]:
    """A GradingPrimaryTransform as a `GradingPrimaryOp` (OCIOYaml.cpp, load of GradingPrimaryTransform)."""
    from vfx_rs.pipeline.ops.grading_primary import GradingPrimaryOp

    kw: dict[str, Any] = {"style": grading_style(t, path), "inverse_direction": inverse}
    for key in ("brightness", "contrast", "gamma", "offset", "exposure", "lift", "gain"):
        value = _rgbm(t, path, key)
        if value is not None:
            kw[key] = value
    if t.params.get("saturation") is not None:
        kw["saturation"] = _number(t, path, t.params["saturation"], "saturation")
    pivot = _pair(t, path, "pivot", ("contrast", "black", "white"))
    for src, dst in (("contrast", "pivot"), ("black", "pivot_black"), ("white", "pivot_white")):
        if src in pivot:
            kw[dst] = pivot[src]
    clamp = _pair(t, path, "clamp", ("black", "white"))
    for src, dst in (("black", "clamp_black"), ("white", "clamp_white")):
        if src in clamp:
            kw[dst] = clamp[src]
    try:
        return [GradingPrimaryOp(**kw)]
    except ArgumentError as exc:
        raise _error(t, path, exc.message) from None


_TONE_KEYS = {
    "blacks": ("start", "width"),
    "shadows": ("start", "pivot"),
    "midtones": ("center", "width"),
    "highlights": ("start", "pivot"),
    "whites": ("start", "width"),
}
"""The two extra keys of each GradingToneTransform region (OCIOYaml.cpp, load of GradingRGBMSW)."""


def grading_tone_ops(t: Transform, path: str | None, inverse: bool) -> list[Op]:
    """A GradingToneTransform as a `GradingToneOp` (OCIOYaml.cpp, load of GradingToneTransform)."""
    from vfx_rs.pipeline.ops.grading_tone import GradingToneOp

    kw: dict[str, Any] = {"style": grading_style(t, path), "inverse_direction": inverse}
    for region, (start, width) in _TONE_KEYS.items():
        value = _map(t, path, region)
        if value is None:
            continue
        rgbm = _rgbm(t, path, region)
        if start not in value or width not in value:
            raise _error(t, path, f"'{region}': rgb, master, {start} and {width} values are required")
        kw[region] = (*rgbm, _number(t, path, value[start], region), _number(t, path, value[width], region))  # type: ignore[misc]
    if t.params.get("s_contrast") is not None:
        kw["s_contrast"] = _number(t, path, t.params["s_contrast"], "s_contrast")
    try:
        return [GradingToneOp(**kw)]
    except ArgumentError as exc:
        raise _error(t, path, exc.message) from None


def grading_rgb_curve_ops(t: Transform, path: str | None, inverse: bool) -> list[Op]:
    """A GradingRGBCurveTransform as a `GradingRGBCurveOp` (OCIOYaml.cpp, load of GradingRGBCurveTransform)."""
    from vfx_rs.pipeline.ops.grading_rgb_curve import GradingRGBCurveOp, curve_from_values

    kw: dict[str, Any] = {"style": grading_style(t, path), "inverse_direction": inverse}
    if t.params.get("lintolog_bypass") is not None:
        kw["lintolog_bypass"] = bool(t.params["lintolog_bypass"])
    try:
        kw.update(_curves(t, path, ("red", "green", "blue", "master"), curve_from_values))
        return [GradingRGBCurveOp(**kw)]
    except ArgumentError as exc:
        raise _error(t, path, exc.message) from None


def _curves(t: Transform, path: str | None, names: tuple[str, ...], build: Any) -> dict[str, Any]:
    """Each curve given as ``{control_points: [x0, y0, ...], slopes: [...]}`` (OCIOYaml.cpp, load of a curve)."""
    out = {}
    for name in names:
        value = _map(t, path, name)
        if value is None:
            continue
        points = value.get("control_points")
        if not isinstance(points, list):
            raise _error(t, path, f"'{name}' needs a control_points list")
        slopes = value.get("slopes")
        values = [_number(t, path, v, f"{name}: control_points") for v in points]
        slope_values = None if slopes is None else [_number(t, path, v, f"{name}: slopes") for v in slopes]
        out[name] = build(values, slope_values)
    return out


def grading_hue_curve_ops(t: Transform, path: str | None, inverse: bool) -> list[Op]:
    """A GradingHueCurveTransform as a `GradingHueCurveOp` (OCIOYaml.cpp, load of GradingHueCurveTransform).

    Keys: ``style``, ``hsy_transform`` (only ``none``), and the eight curves ``hue_hue`` ... ``hue_fx``.
    """
    from vfx_rs.pipeline.ops.grading_hue_curve import HUE_CURVES, GradingHueCurveOp
    from vfx_rs.pipeline.ops.grading_rgb_curve import curve_from_values

    kw: dict[str, Any] = {"style": grading_style(t, path), "inverse_direction": inverse}
    hsy = t.params.get("hsy_transform")
    if hsy is not None and str(hsy) != "none":
        raise _error(t, path, f"hsy_transform {hsy!r} is unknown (only 'none' is allowed)")
    kw["hsy"] = hsy is None
    try:
        kw.update(_curves(t, path, HUE_CURVES, curve_from_values))
        return [GradingHueCurveOp(**kw)]
    except ArgumentError as exc:
        raise _error(t, path, exc.message) from None
