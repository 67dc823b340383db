"""What a config of each ``ocio_profile_version`` may hold, checked as OpenColorIO checks it at load.

OpenColorIO reads ``ocio_profile_version`` as ``major[.minor]`` (each part read
as C's ``stoi`` does: leading blanks and a sign, then digits) and loads 1.0 and
2.0 to 2.6. After reading the YAML it refuses any transform, transform style or
config element newer than that version (OpenColorIO ``Config.cpp``,
``Config::Impl::checkVersionConsistency``; ``OCIOYaml.cpp`` refuses
``family_separator`` and ``file_rules`` in a v1 config while reading). The
style tables below follow that source, completed with what PyOpenColorIO 2.6
refuses (its 2.5 ``MIRROR NEGS`` display styles and the 2.6 Apple Log
camera style). Transforms count only where the config reads them: a v1 color
space's ``to_scene_reference`` is an unknown key there, and is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from vfx_rs.errors import OcioError
from vfx_rs.ocio.model import ColorSpace, Look, NamedTransform, Transform, ViewTransform

__all__ = ["NEWEST_VERSION", "check_versions", "parse_version"]

Version = tuple[int, int]

NEWEST_VERSION: Version = (2, 6)
"""The newest config version read (PyOpenColorIO 2.6; v1 configs are 1.0 only)."""

_V2: Version = (2, 0)

TRANSFORM_SINCE: dict[str, Version] = {
    kind: _V2
    for kind in (
        "Builtin",
        "DisplayView",
        "ExponentWithLinear",
        "ExposureContrast",
        "FixedFunction",
        "GradingPrimary",
        "GradingRGBCurve",
        "GradingTone",
        "LogAffine",
        "LogCamera",
        "Range",
    )
}
"""Transforms a v1 config may not hold (Config::Impl::checkVersionConsistency)."""

FIXED_FUNCTION_SINCE: dict[str, Version] = {
    "aces_gamutcomp13": (2, 1),
    **dict.fromkeys(
        (
            "lin_to_pq",
            "lin_to_gammalog",
            "lin_to_doublelog",
            "aces2_outputtransform",
            "aces2_rgb_to_jmh",
            "aces2_tonescalecompress",
            "aces2_gamutcompress",
        ),
        (2, 4),
    ),
    **dict.fromkeys(("rgb_to_hsy_lin", "rgb_to_hsy_log", "rgb_to_hsy_vid"), (2, 5)),
}
"""FixedFunctionTransform styles (lower case) newer than 2.0."""

BUILTIN_SINCE: dict[str, Version] = {
    "aces-lmt - aces 1.3 reference gamut compression": (2, 1),
    "arri_logc4_to_aces2065-1": (2, 2),
    "curve - canon_clog2_to_linear": (2, 2),
    "curve - canon_clog3_to_linear": (2, 2),
    "display - cie-xyz-d65_to_displayp3": (2, 3),
    **dict.fromkeys(
        (
            "apple_log_to_aces2065-1",
            "curve - apple_log_to_linear",
            "curve - hlg-oetf",
            "curve - hlg-oetf-inverse",
            "display - cie-xyz-d65_to_dcdm-d65",
            "display - cie-xyz-d65_to_st2084-dcdm-d65",
            "display - cie-xyz-d65_to_displayp3-hdr",
        ),
        (2, 4),
    ),
    "apple_log-applewg_to_aces2065-1": (2, 6),
}
"""BuiltinTransform styles (lower case) newer than 2.0; `_builtin_since` adds the ACES 2.0 output styles
(2.4) and the ``MIRROR NEGS`` display styles (2.5)."""


def _builtin_since(style: str) -> Version:
    key = style.strip().lower()
    if key.startswith("aces-output - ") and key.endswith("_2.0"):
        return (2, 4)
    if key.endswith(" - mirror negs"):
        return (2, 5)
    return BUILTIN_SINCE.get(key, _V2)


def parse_version(text: str, path: str | None, line: int | None) -> Version:
    """``ocio_profile_version`` as OCIO reads it (OCIOYaml.cpp load, Config::setVersion)."""
    parts = [re.match(r"\s*[-+]?\d{1,10}(?!\d)", p) for p in text.split(".")]
    numbers = [int(m.group()) for m in parts if m]
    if not 1 <= len(parts) <= 2 or len(numbers) != len(parts) or any(abs(n) >= 2**31 for n in numbers):
        raise OcioError(f"bad ocio_profile_version {text[:40]!r}: not major or major.minor", path=path, line=line)
    major, minor = numbers if len(numbers) == 2 else (numbers[0], 0)
    if not ((major == 1 and minor == 0) or (major == 2 and 0 <= minor <= NEWEST_VERSION[1])):
        newest = f"{NEWEST_VERSION[0]}.{NEWEST_VERSION[1]}"
        raise OcioError(
            f"unsupported config version {major}.{minor} (OCIO reads 1.0 and 2.0 to {newest})", path=path, line=line
        )
    return major, minor


def _refuse(what: str, since: Version, path: str | None, line: int | None) -> OcioError:
    return OcioError(f"{what} needs ocio_profile_version {since[0]}.{since[1]} or higher", path=path, line=line)


def _transform_since(t: Transform, version: Version) -> tuple[str, Version] | None:
    """What in `t` alone (not its children) is newer than `version`, and the version it needs."""
    p = t.params
    v1 = version[0] < 2
    if t.kind in TRANSFORM_SINCE:
        since = TRANSFORM_SINCE[t.kind]
        what = f"{t.kind}Transform"
        if t.kind == "Builtin":
            since = _builtin_since(str(p.get("style", "")))
            what = f"BuiltinTransform style {str(p.get('style', ''))!r}"
        elif t.kind == "FixedFunction":
            style = str(p.get("style", "")).strip().lower()
            if style in FIXED_FUNCTION_SINCE and not v1:
                since, what = FIXED_FUNCTION_SINCE[style], f"FixedFunctionTransform style {p.get('style')!r}"
        return (what, since) if version < since else None
    if t.kind == "GradingHueCurve" and version[0] == 2 and version < (2, 5):
        return "GradingHueCurveTransform", (2, 5)  # OCIO checks this one in v2 configs only
    if not v1:
        return None
    if t.kind == "CDL" and str(p.get("style", "noclamp")).lower() != "noclamp":
        return f"CDLTransform style {p.get('style')!r}", _V2
    if t.kind == "Exponent" and str(p.get("style", "clamp")).lower() != "clamp":
        return f"ExponentTransform style {p.get('style')!r}", _V2
    if t.kind == "File" and str(p.get("interpolation", "")).lower() == "cubic":
        return "FileTransform interpolation 'cubic'", _V2
    if t.kind == "File" and str(p.get("cdl_style", "noclamp")).lower() != "noclamp":
        return f"FileTransform cdl_style {p.get('cdl_style')!r}", _V2
    return None


def _walk(t: Transform | None) -> Iterator[Transform]:
    if t is not None:
        yield t
        for child in t.children:
            yield from _walk(child)


def _transforms(fields: dict[str, Any]) -> Iterator[Transform]:
    """Every transform the config holds, groups opened (OCIO getAllInternalTransforms)."""
    owners: list[ColorSpace | ViewTransform | Look | NamedTransform] = [
        *fields["colorspaces"],
        *fields["view_transforms"],
        *fields["looks"],
        *fields["named_transforms"],
    ]
    for owner in owners:
        if isinstance(owner, (ColorSpace, ViewTransform)):
            tops = (owner.to_reference, owner.from_reference)
        else:
            tops = (owner.transform, owner.inverse_transform)
        for top in tops:
            yield from _walk(top)


def _non_empty(value: Any) -> bool:
    return value not in (None, "", [], {}) and not (isinstance(value, str) and not value.strip())


def _interchange(node: Any) -> bool:
    """Whether a mapping holds interchange attributes OCIO keeps (unknown keys only warn there)."""
    block = node.get("interchange") if isinstance(node, dict) else None
    if not isinstance(block, dict):
        return False
    return any(k in ("amf_transform_ids", "icc_profile_name") and _non_empty(v) for k, v in block.items())


def check_versions(doc: Any, fields: dict[str, Any], path: str | None) -> None:
    """Refuse what the config's version may not hold, naming the line and the version it needs.

    `doc` is the parsed YAML document (a `vfx_rs.ocio.parse.YMap`), `fields` what
    `vfx_rs.ocio.parse.read_config` made of it.
    """
    version: Version = fields["version"]
    lines: dict[str, int] = getattr(doc, "key_lines", {})
    if version[0] < 2:
        for key, what in (
            ("family_separator", "family_separator"),
            ("file_rules", "file_rules"),
            ("inactive_colorspaces", "inactive_colorspaces"),
            ("viewing_rules", "viewing_rules"),
            ("shared_views", "shared_views"),
            ("virtual_display", "a virtual_display"),
            ("display_colorspaces", "display_colorspaces"),
            ("view_transforms", "view_transforms"),
            ("default_view_transform", "default_view_transform"),
            ("named_transforms", "named_transforms"),
        ):
            if key in doc and (key in ("family_separator", "file_rules") or _non_empty(doc[key])):
                raise _refuse(what, _V2, path, lines.get(key))
        for display in fields["displays"]:
            if display.shared_views:
                raise _refuse(f"display {display.name!r} listing shared views", _V2, path, display.line)
    for section, kind in (("colorspaces", "color space"), ("display_colorspaces", "color space"),
                          ("looks", "look"), ("view_transforms", "view transform")):  # fmt: skip
        items = doc.get(section)
        for node in items if isinstance(items, list) else []:
            if not isinstance(node, dict):
                continue
            name, line = node.get("name"), getattr(node, "line", None)
            if version[0] < 2 and kind == "color space" and _non_empty(node.get("interop_id")):
                raise _refuse(f"color space {name!r} with an interop_id", _V2, path, line)
            if version < (2, 5) and _interchange(node):
                raise _refuse(f"{kind} {name!r} with interchange attributes", (2, 5), path, line)
    if version[0] >= 2 and "file_rules" not in doc and "default" not in fields["roles"]:
        raise OcioError("the config must contain either a Default file rule or the 'default' role", path=path, line=1)
    for t in _transforms(fields):
        found = _transform_since(t, version)
        if found is not None:
            raise _refuse(found[0], found[1], path, t.line)
