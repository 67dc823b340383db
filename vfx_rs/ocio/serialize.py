"""A `Config` written back as OCIO YAML (vfx-rs-py ``ColorConfig.serialize`` / ``write_to_file``).

The document follows the OpenColorIO v2 config syntax (OpenColorIO documentation, "Config syntax"):
the header keys, ``roles``, the rules, ``shared_views``, ``displays``, the active lists, looks, view
transforms, named transforms and both color space sections, with each transform as a ``!<...Transform>``
mapping of the keys it was read with. A v1 config is written with its v1 keys (``to_reference``,
``from_reference``, a ``:``-separated ``search_path``). Comments and key order inside the original file
are not kept; what each name means is (PyOpenColorIO and `vfx_rs.ocio` load the result to the same
spaces and conversions).
"""

from __future__ import annotations

import os
from typing import Any

from vfx_rs.ocio.config import Config
from vfx_rs.ocio.model import (
    ColorSpace,
    Display,
    FileRule,
    Look,
    NamedTransform,
    Transform,
    View,
    ViewingRule,
    ViewTransform,
)

__all__ = ["to_yaml", "write_config"]


class _Tagged:
    """A mapping or sequence written with the YAML tag ``!<tag>``."""

    def __init__(self, tag: str, value: dict[str, Any] | list[Any], flow: bool = False) -> None:
        self.tag, self.value, self.flow = tag, value, flow


def _dumper() -> type:
    import yaml

    class Dumper(yaml.SafeDumper):
        """SafeDumper that writes `_Tagged` values with their verbatim tag and never uses anchors."""

        def ignore_aliases(self, data: Any) -> bool:
            return True

    def tagged(dumper: Any, data: _Tagged) -> Any:
        if isinstance(data.value, list):
            return dumper.represent_sequence(data.tag, data.value, flow_style=True)
        return dumper.represent_mapping(data.tag, data.value, flow_style=data.flow or None)

    Dumper.add_representer(_Tagged, tagged)
    return Dumper


def _plain(value: Any) -> Any:
    """A parsed YAML value (its dict and list subclasses) as plain dicts and lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _transform(t: Transform) -> _Tagged:
    body = _plain(t.params)
    if t.kind == "Group":
        body["children"] = [_transform(c) for c in t.children]
    if t.inverse:
        body["direction"] = "inverse"
    return _Tagged(f"{t.kind}Transform", body, flow=t.kind != "Group")


def _put(body: dict[str, Any], key: str, value: Any) -> None:
    """Set `key` when `value` is set (not empty, None or False)."""
    if value not in (None, "", (), [], False):
        body[key] = _transform(value) if isinstance(value, Transform) else _plain(value)


def _colorspace(cs: ColorSpace, v1: bool) -> _Tagged:
    body: dict[str, Any] = {"name": cs.name}
    for key in ("aliases", "family", "equalitygroup", "bitdepth", "description", "encoding", "categories"):
        _put(body, key, getattr(cs, key))
    _put(body, "isdata", cs.isdata)
    side = "reference" if v1 else f"{cs.reference}_reference"
    _put(body, f"to_{side}", cs.to_reference)
    _put(body, f"from_{side}", cs.from_reference)
    return _Tagged("ColorSpace", body)


def _view(view: View) -> _Tagged:
    body: dict[str, Any] = {"name": view.name}
    for key in ("colorspace", "view_transform", "display_colorspace", "looks", "rule", "description"):
        _put(body, key, getattr(view, key))
    return _Tagged("View", body, flow=True)


def _display(display: Display) -> list[Any]:
    items: list[Any] = [_view(v) for v in display.views]
    if display.shared_views:
        items.append(_Tagged("Views", list(display.shared_views)))
    return items


def _look(look: Look) -> _Tagged:
    body: dict[str, Any] = {"name": look.name}
    _put(body, "process_space", look.process_space)
    _put(body, "description", look.description)
    _put(body, "transform", look.transform)
    _put(body, "inverse_transform", look.inverse_transform)
    return _Tagged("Look", body)


def _view_transform(vt: ViewTransform) -> _Tagged:
    body: dict[str, Any] = {"name": vt.name}
    for key in ("family", "categories", "description"):
        _put(body, key, getattr(vt, key))
    _put(body, f"to_{vt.reference}_reference", vt.to_reference)
    _put(body, f"from_{vt.reference}_reference", vt.from_reference)
    return _Tagged("ViewTransform", body)


def _named_transform(nt: NamedTransform) -> _Tagged:
    body: dict[str, Any] = {"name": nt.name}
    for key in ("aliases", "family", "categories", "encoding", "description", "transform", "inverse_transform"):
        _put(body, key, getattr(nt, key))
    return _Tagged("NamedTransform", body)


def _file_rule(rule: FileRule) -> _Tagged:
    body: dict[str, Any] = {"name": rule.name}
    for key in ("colorspace", "pattern", "extension", "regex"):
        _put(body, key, getattr(rule, key))
    return _Tagged("Rule", body, flow=True)


def _viewing_rule(rule: ViewingRule) -> _Tagged:
    body: dict[str, Any] = {"name": rule.name}
    _put(body, "colorspaces", list(rule.colorspaces))
    _put(body, "encodings", list(rule.encodings))
    return _Tagged("Rule", body, flow=True)


def to_yaml(config: Config) -> str:
    """The YAML text of `config` (see the module docstring)."""
    import yaml

    v1 = config.version[0] == 1
    doc: dict[str, Any] = {"ocio_profile_version": ".".join(str(p) for p in config.version)}
    _put(doc, "name", config.name)
    _put(doc, "description", config.description)
    _put(doc, "environment", config.environment)
    if config.search_path:
        doc["search_path"] = ":".join(config.search_path) if v1 else list(config.search_path)
    doc["strictparsing"] = config.strict_parsing
    if not v1:
        doc["family_separator"] = config.family_separator
    doc["roles"] = dict(config.roles)
    if config.file_rules:
        doc["file_rules"] = [_file_rule(r) for r in config.file_rules]
    if config.viewing_rules:
        doc["viewing_rules"] = [_viewing_rule(r) for r in config.viewing_rules.values()]
    if config.shared_views:
        doc["shared_views"] = [_view(v) for v in config.shared_views.values()]
    doc["displays"] = {name: _display(d) for name, d in config.displays_by_name.items()}
    lists = config.declared_lists
    doc["active_displays"] = list(lists["active_displays"])
    doc["active_views"] = list(lists["active_views"])
    _put(doc, "inactive_colorspaces", list(lists["inactive_colorspaces"]))
    if config.looks:
        doc["looks"] = [_look(lk) for lk in config.looks.values()]
    _put(doc, "default_view_transform", config.default_view_transform)
    if config.view_transforms:
        doc["view_transforms"] = [_view_transform(vt) for vt in config.view_transforms.values()]
    if config.named_transforms:
        doc["named_transforms"] = [_named_transform(nt) for nt in config.named_transforms.values()]
    # The two sections in the order of their spaces (each is contiguous), so the spaces read back in order.
    spaces = list(config.colorspaces.values())
    sections = [
        ("colorspaces", [cs for cs in spaces if cs.reference != "display"]),
        ("display_colorspaces", [cs for cs in spaces if cs.reference == "display"]),
    ]
    if spaces and spaces[0].reference == "display":
        sections.reverse()
    for key, members in sections:
        if members or key == "colorspaces":
            doc[key] = [_colorspace(cs, v1) for cs in members]
    text: str = yaml.dump(doc, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=120)
    return text


def write_config(config: Config, path: str | os.PathLike[str]) -> None:
    """Write `config` as YAML to `path`, atomically."""
    from vfx_rs.io.atomic import atomic_output

    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8") as f:
        f.write(to_yaml(config))
