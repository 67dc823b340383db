"""Read an OCIO v1 or v2 YAML config into the model, keeping line numbers.

The YAML is read with a subclass of PyYAML's safe loader: plain data only, and the
OCIO tags (``!<ColorSpace>``, ``!<MatrixTransform>``...) become `Tagged`
mappings or sequences. Each mapping and sequence records the line it starts
on (and each key's line), so every error names ``file:line``. The keys and
their meaning follow the OpenColorIO documentation ("Config syntax").

The loader is libyaml's (``yaml.CSafeLoader``, about 10 times faster) where PyYAML was built with it,
else the pure-Python ``yaml.SafeLoader``; the same constructors run on either. Both are bounded the same
way: after the document is composed (libyaml itself stops at 1,000 levels), `_check_nodes` refuses
nesting deeper than `MAX_NESTING` and alias expansion beyond `MAX_ALIAS_NODES`, before anything is
constructed; the Python composer also stops at `MAX_NESTING` while composing.
"""

from __future__ import annotations

from typing import Any

from vfx_rs._text import MAX_ALIAS_NODES, MAX_NESTING
from vfx_rs.errors import OcioError, VfxError
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
from vfx_rs.ocio.versions import check_versions, parse_version

__all__ = ["TRANSFORM_KINDS", "YMap", "YSeq", "load_yaml", "parse_transform", "read_config", "section_items"]

TRANSFORM_KINDS = frozenset(
    {
        "Allocation",
        "Builtin",
        "CDL",
        "ColorSpace",
        "DisplayView",
        "Exponent",
        "ExponentWithLinear",
        "ExposureContrast",
        "File",
        "FixedFunction",
        "GradingHueCurve",
        "GradingPrimary",
        "GradingRGBCurve",
        "GradingTone",
        "Group",
        "Log",
        "LogAffine",
        "LogCamera",
        "Look",
        "Matrix",
        "Range",
    }
)
"""The ``!<...Transform>`` tags this reader knows (OpenColorIO v2 transform classes)."""


class YMap(dict):  # type: ignore[type-arg]
    """A YAML mapping with its tag (or None), start line and the line of each key."""

    tag: str | None = None
    line: int | None = None
    key_lines: dict[str, int]


class YSeq(list):  # type: ignore[type-arg]
    """A YAML sequence with its tag (or None) and start line."""

    tag: str | None = None
    line: int | None = None


def _check_nodes(root: Any, path: str | None) -> None:
    """Refuse nesting deeper than `MAX_NESTING`, aliases that refer to their own ancestors, and aliases that
    expand to more than `MAX_ALIAS_NODES` nodes, in one walk of the composed nodes without recursion.

    The walk goes in document order and walks a node met again (through an alias) only once, so depth is
    counted where the anchor was written, as the composer counts it; a node's expanded size counts a
    shared node once for each reference to it.
    """
    sizes: dict[int, int] = {}  # walked collections: their expanded size
    open_ids = {id(root)}
    nodes, kids, positions, totals = [root], [_children(root)], [0], [1]
    while nodes:
        i = positions[-1]
        if i == len(kids[-1]):
            node, total = nodes.pop(), totals.pop()
            kids.pop()
            positions.pop()
            if total > MAX_ALIAS_NODES:
                raise OcioError(
                    f"YAML aliases expand to more than {MAX_ALIAS_NODES} values",
                    path=path,
                    line=node.start_mark.line + 1,
                )
            sizes[id(node)] = total
            open_ids.discard(id(node))
            if totals:
                totals[-1] += total
            continue
        positions[-1] = i + 1
        child = kids[-1][i]
        known = sizes.get(id(child))
        if known is not None:
            totals[-1] += known
            continue
        if id(child) in open_ids:
            raise OcioError("a YAML alias refers to itself", path=path, line=child.start_mark.line + 1)
        if len(nodes) >= MAX_NESTING:
            raise OcioError(f"YAML nests deeper than {MAX_NESTING} levels", path=path, line=child.start_mark.line + 1)
        if not isinstance(child.value, list):  # a scalar
            totals[-1] += 1
            continue
        open_ids.add(id(child))
        nodes.append(child)
        kids.append(_children(child))
        positions.append(0)
        totals.append(1)


def _children(node: Any) -> list[Any]:
    if not isinstance(node.value, list):
        return []
    return [c for item in node.value for c in (item if isinstance(item, tuple) else (item,))]


def _loader(path: str | None) -> type:
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """A safe loader with bounded nesting and alias expansion, and value errors as `OcioError`."""

        depth = 0
        root: Any = None  # the document's root node: OCIO checks its keys for duplicates

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.resolved: dict[tuple[str, bool], str] = {}

        def compose_node(self, parent: Any, index: Any) -> Any:  # the Python composer only: stop while composing
            if self.depth >= MAX_NESTING:
                line = self.peek_event().start_mark.line + 1
                raise OcioError(f"YAML nests deeper than {MAX_NESTING} levels", path=path, line=line)
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            # Tag resolution runs in Python even under libyaml (a regex per candidate): plain scalars
            # repeat (0, 1, true...), so each distinct one is resolved once per document.
            if kind is not yaml.ScalarNode or not implicit[0]:
                return super().resolve(kind, value, implicit)
            key = (value, implicit[1])
            tag = self.resolved.get(key)
            if tag is None:
                tag = self.resolved[key] = super().resolve(kind, value, implicit)
            return tag

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep)
            except VfxError:
                raise
            except (ValueError, TypeError, AttributeError, OverflowError):
                # PyYAML's own constructors fail like this on values such as `!!timestamp x`.
                what = repr(node.value)[:60] if isinstance(node.value, str) else "value"
                kind = str(node.tag).rsplit(":", 1)[-1]
                raise OcioError(
                    f"bad YAML value {what}: not a valid {kind}", path=path, line=node.start_mark.line + 1
                ) from None

    def build_map(loader: Any, node: Any, tag: str | None) -> YMap:
        if not isinstance(node, yaml.MappingNode):
            raise OcioError(f"!<{tag}> must be a mapping", path=path, line=node.start_mark.line + 1)
        out = YMap(loader.construct_mapping(node, deep=True))
        out.tag, out.line = tag, node.start_mark.line + 1
        out.key_lines = {}
        for k, _ in node.value:
            if str(k.value) in out.key_lines and (tag is not None or node is loader.root):
                # OCIOYaml.cpp CheckDuplicates: the config's top level and every tagged mapping.
                raise OcioError(f"key {str(k.value)!r} specified more than once", path=path, line=k.start_mark.line + 1)
            out.key_lines.setdefault(str(k.value), k.start_mark.line + 1)
        return out

    def build_seq(loader: Any, node: Any, tag: str | None) -> YSeq:
        out = YSeq(loader.construct_sequence(node, deep=True))
        out.tag, out.line = tag, node.start_mark.line + 1
        return out

    def tagged(loader: Any, tag: str, node: Any) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return build_seq(loader, node, tag)
        if isinstance(node, yaml.ScalarNode):
            raise OcioError(f"tag !<{tag}> on a plain value", path=path, line=node.start_mark.line + 1)
        return build_map(loader, node, tag)

    Loader.add_constructor("tag:yaml.org,2002:map", lambda ld, n: build_map(ld, n, None))
    Loader.add_constructor("tag:yaml.org,2002:seq", lambda ld, n: build_seq(ld, n, None))
    Loader.add_multi_constructor("", tagged)
    return Loader


def load_yaml(text: str, path: str | None) -> YMap:
    """Parse config text safely; malformed YAML raises `OcioError` with the line."""
    import yaml

    loader = None
    try:
        loader = _loader(path)(text)  # a safe loader: plain data only
        loader.root = loader.get_single_node()
        if loader.root is not None:
            _check_nodes(loader.root, path)
        data = loader.construct_document(loader.root) if loader.root is not None else None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        # libyaml gives the offset in UTF-8 bytes, the Python reader in characters
        libyaml = hasattr(yaml, "CSafeLoader") and isinstance(loader, yaml.CSafeLoader)
        before = text.encode()[: exc.position] if libyaml else None
        line = before.count(b"\n") + 1 if before is not None else text.count("\n", 0, exc.position) + 1
        raise OcioError(
            f"malformed YAML: control character U+{code:04X} is not allowed", path=path, line=line
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        mark_line = mark.line + 1 if mark is not None else None
        if "maximum nesting depth" in str(exc.problem):  # libyaml's own limit (1,000), past ours
            raise OcioError(f"YAML nests deeper than {MAX_NESTING} levels", path=path, line=mark_line) from None
        raise OcioError(f"malformed YAML: {exc.problem or exc.context}", path=path, line=mark_line) from None
    except yaml.YAMLError as exc:
        raise OcioError(f"malformed YAML: {exc}", path=path) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(data, YMap):
        raise OcioError("an OCIO config is a YAML mapping", path=path, line=1)
    return data


def _line(node: Any, key: str | None = None) -> int | None:
    if isinstance(node, YMap) and key is not None and key in node.key_lines:
        return node.key_lines[key]
    return getattr(node, "line", None)


def parse_transform(node: Any, path: str | None, where: int | None = None) -> Transform:
    """A ``!<...Transform>`` mapping as a `Transform` (OCIO reads no other form, not even a plain list)."""
    tag = getattr(node, "tag", None)
    line = getattr(node, "line", where)
    if not isinstance(node, YMap) or tag is None or not tag.endswith("Transform"):
        found = tag or ("a list" if isinstance(node, list) else type(node).__name__)
        raise OcioError(f"expected a !<...Transform> mapping, got {found}", path=path, line=line)
    kind = tag[: -len("Transform")]
    if kind not in TRANSFORM_KINDS:
        raise OcioError(f"unknown transform tag !<{tag}>", path=path, line=line)
    params = dict(node)
    direction = str(params.pop("direction", "forward")).lower()
    if direction not in ("forward", "inverse"):
        raise OcioError(f"transform direction must be forward or inverse, got {direction!r}", path=path, line=line)
    children: tuple[Transform, ...] = ()
    if kind == "Group":
        kids = params.pop("children", None) or []  # null or empty: an empty group (OCIO reads both)
        if not isinstance(kids, list):
            raise OcioError("GroupTransform children must be a list", path=path, line=line)
        children = tuple(parse_transform(c, path, line) for c in kids)
    return Transform(kind, params, children, direction == "inverse", line)


def _opt_transform(node: YMap, key: str, path: str | None) -> Transform | None:
    if key not in node or node[key] is None:
        return None
    return parse_transform(node[key], path, _line(node, key))


def _names(value: Any) -> tuple[str, ...]:
    """A list, or a comma-separated string, of names."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(p.strip() for p in str(value).split(",") if p.strip())


def _expect(node: Any, tag: str, path: str | None, where: int | None) -> YMap:
    if not isinstance(node, YMap) or node.tag != tag:
        found = getattr(node, "tag", None) or type(node).__name__
        raise OcioError(f"expected !<{tag}>, got {found}", path=path, line=getattr(node, "line", where))
    if "name" not in node or not str(node["name"]).strip():
        raise OcioError(f"!<{tag}> without a name", path=path, line=node.line)
    return node


def section_items(doc: YMap, key: str, path: str | None) -> list[Any]:
    """The list under `key` (empty when absent); anything else raises `OcioError`."""
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise OcioError(f"'{key}' must be a list", path=path, line=_line(doc, key))
    return list(value)


def parse_colorspace(node: Any, path: str | None, reference: str, v1: bool, where: int | None) -> ColorSpace:
    """A ``!<ColorSpace>``; `reference` is ``"scene"`` or ``"display"`` (its section)."""
    n = _expect(node, "ColorSpace", path, where)
    # OCIOYaml.cpp (ColorSpace load): a scene space reads to_/from_reference, and in v2 also
    # to_/from_scene_reference (the later key wins); a display space reads only *_display_reference.
    scene = ["reference", "scene_reference"] if not v1 else ["reference"]
    allowed = scene if reference == "scene" else ["display_reference"]
    refused = (["display_reference"] if reference == "scene" else ["reference", "scene_reference"]) + (
        ["scene_reference"] if v1 else []
    )
    for side in ("to", "from"):
        for suffix in refused:
            bad = f"{side}_{suffix}"
            if bad in n and not (v1 and suffix == "scene_reference"):
                raise OcioError(
                    f"color space {n['name']!r}: {bad} cannot be used in a {reference}-referred color space",
                    path=path,
                    line=_line(n, bad),
                )
    keys = {side: [k for k in n if k in {f"{side}_{a}" for a in allowed}] for side in ("to", "from")}
    to_key = keys["to"][-1] if keys["to"] else ""
    from_key = keys["from"][-1] if keys["from"] else ""
    return ColorSpace(
        name=str(n["name"]),
        reference=reference,
        aliases=_names(n.get("aliases")),
        family=str(n.get("family") or ""),
        categories=_names(n.get("categories")),
        encoding=str(n.get("encoding") or ""),
        equalitygroup=str(n.get("equalitygroup") or ""),
        bitdepth=str(n.get("bitdepth") or ""),
        description=str(n.get("description") or "").strip(),
        isdata=bool(n.get("isdata", False)),
        to_reference=_opt_transform(n, to_key, path),
        from_reference=_opt_transform(n, from_key, path),
        line=n.line,
    )


def parse_view(node: Any, path: str | None, where: int | None) -> View:
    """A ``!<View>`` of a display or of ``shared_views``."""
    n = _expect(node, "View", path, where)
    if not n.get("colorspace") and not n.get("view_transform"):
        raise OcioError(f"view {n['name']!r} names neither a colorspace nor a view_transform", path=path, line=n.line)
    return View(
        name=str(n["name"]),
        colorspace=str(n.get("colorspace") or ""),
        view_transform=str(n.get("view_transform") or ""),
        display_colorspace=str(n.get("display_colorspace") or ""),
        looks=str(n.get("looks") or ""),
        rule=str(n.get("rule") or ""),
        description=str(n.get("description") or "").strip(),
        line=n.line,
    )


def parse_display(name: str, items: Any, path: str | None, line: int | None) -> Display:
    """A display's list of ``!<View>`` entries and ``!<Views>`` shared-view lists."""
    if not isinstance(items, list):
        raise OcioError(f"display {name!r} must list its views", path=path, line=line)
    views: list[View] = []
    shared: list[str] = []
    for item in items:
        if isinstance(item, YSeq) and item.tag == "Views":
            shared.extend(str(v) for v in item)
        else:
            views.append(parse_view(item, path, line))
    return Display(name, tuple(views), tuple(shared), line)


def parse_look(node: Any, path: str | None, where: int | None) -> Look:
    """A ``!<Look>``."""
    n = _expect(node, "Look", path, where)
    return Look(
        name=str(n["name"]),
        process_space=str(n.get("process_space") or ""),
        transform=_opt_transform(n, "transform", path),
        inverse_transform=_opt_transform(n, "inverse_transform", path),
        description=str(n.get("description") or "").strip(),
        line=n.line,
    )


def parse_view_transform(node: Any, path: str | None, where: int | None) -> ViewTransform:
    """A ``!<ViewTransform>``: scene-referred if it has a ``*_scene_reference`` transform."""
    n = _expect(node, "ViewTransform", path, where)
    scene = "to_scene_reference" in n or "from_scene_reference" in n
    ref = "scene" if scene else "display"
    if not any(n.get(f"{side}_{ref}_reference") is not None for side in ("to", "from")):
        raise OcioError(f"view transform {n['name']!r} needs a transform (OCIO)", path=path, line=n.line)
    return ViewTransform(
        name=str(n["name"]),
        reference=ref,
        family=str(n.get("family") or ""),
        categories=_names(n.get("categories")),
        description=str(n.get("description") or "").strip(),
        to_reference=_opt_transform(n, f"to_{ref}_reference", path),
        from_reference=_opt_transform(n, f"from_{ref}_reference", path),
        line=n.line,
    )


def parse_named_transform(node: Any, path: str | None, where: int | None) -> NamedTransform:
    """A ``!<NamedTransform>``."""
    n = _expect(node, "NamedTransform", path, where)
    return NamedTransform(
        name=str(n["name"]),
        aliases=_names(n.get("aliases")),
        family=str(n.get("family") or ""),
        categories=_names(n.get("categories")),
        encoding=str(n.get("encoding") or ""),
        description=str(n.get("description") or "").strip(),
        transform=_opt_transform(n, "transform", path),
        inverse_transform=_opt_transform(n, "inverse_transform", path),
        line=n.line,
    )


def parse_file_rule(node: Any, path: str | None, where: int | None) -> FileRule:
    """A ``!<Rule>`` of ``file_rules``."""
    n = _expect(node, "Rule", path, where)
    return FileRule(
        name=str(n["name"]),
        colorspace=str(n.get("colorspace") or ""),
        pattern=str(n.get("pattern") or ""),
        extension=str(n.get("extension") or ""),
        regex=str(n.get("regex") or ""),
        line=n.line,
    )


def parse_viewing_rule(node: Any, path: str | None, where: int | None) -> ViewingRule:
    """A ``!<Rule>`` of ``viewing_rules``."""
    n = _expect(node, "Rule", path, where)
    return ViewingRule(
        name=str(n["name"]),
        colorspaces=_names(n.get("colorspaces")),
        encodings=_names(n.get("encodings")),
        line=n.line,
    )


def _version(doc: YMap, path: str | None) -> tuple[int, ...]:
    line = _line(doc, "ocio_profile_version")
    if "ocio_profile_version" not in doc or doc["ocio_profile_version"] is None:
        raise OcioError("the config has no ocio_profile_version", path=path, line=line or 1)
    return parse_version(str(doc["ocio_profile_version"]), path, line)


def _flag(doc: YMap, key: str, path: str | None, default: bool = True) -> bool:
    """A YAML boolean key as OCIO reads it (true/false, yes/no, on/off; a bad value raises)."""
    value = doc.get(key, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise OcioError(f"'{key}' must be true or false, not {str(value)[:40]!r}", path=path, line=_line(doc, key))
    return value


def _mapping(doc: YMap, key: str, what: str, path: str | None) -> YMap:
    """The mapping under `key` (empty when absent or empty); anything else raises `OcioError`."""
    value = doc.get(key)
    if value is None:
        value = YMap()
        value.key_lines = {}
    if not isinstance(value, YMap):
        found = "a list" if isinstance(value, list) else f"the value {str(value)[:40]!r}"
        raise OcioError(f"'{key}' must be a mapping of {what}, not {found}", path=path, line=_line(doc, key))
    return value


def read_config(doc: YMap, path: str | None) -> dict[str, Any]:
    """The `vfx_rs.ocio.Config` keyword arguments of a parsed config document."""
    version = _version(doc, path)
    v1 = version[0] == 1
    # OCIO reads v1's ``resource_path`` as the search path too (OCIOYaml.cpp); the later key wins.
    path_keys = [k for k in doc if k in ("search_path", "resource_path")]
    sp = (doc.get(path_keys[-1]) if path_keys else None) or ""
    colorspaces = [
        parse_colorspace(node, path, "scene" if section == "colorspaces" else "display", v1, doc.line)
        for section in (k for k in doc if k in ("colorspaces", "display_colorspaces"))
        for node in section_items(doc, section, path)
    ]
    displays = _mapping(doc, "displays", "each display name to its list of views", path)

    def items(key: str, parse: Any) -> list[Any]:
        return [parse(node, path, doc.line) for node in section_items(doc, key, path)]

    fields = {
        "version": version,
        "name": str(doc.get("name") or ""),
        "description": str(doc.get("description") or "").strip(),
        "search_path": tuple(str(s) for s in sp) if isinstance(sp, list) else tuple(p for p in str(sp).split(":") if p),
        "environment": {str(k): str(v) for k, v in _mapping(doc, "environment", "names to values", path).items()},
        "roles": {str(k): str(v) for k, v in _mapping(doc, "roles", "role names to color spaces", path).items()},
        "family_separator": str(doc.get("family_separator") or "/"),
        "strict_parsing": _flag(doc, "strictparsing", path),
        "default_view_transform": str(doc.get("default_view_transform") or ""),
        "active_displays": _names(doc.get("active_displays")),
        "active_views": _names(doc.get("active_views")),
        "inactive_colorspaces": _names(doc.get("inactive_colorspaces")),
        "colorspaces": colorspaces,
        "shared_views": items("shared_views", parse_view),
        "displays": [parse_display(str(k), v, path, displays.key_lines.get(str(k))) for k, v in displays.items()],
        "looks": items("looks", parse_look),
        "view_transforms": items("view_transforms", parse_view_transform),
        "named_transforms": items("named_transforms", parse_named_transform),
        "file_rules": items("file_rules", parse_file_rule),
        "viewing_rules": items("viewing_rules", parse_viewing_rule),
    }
    section_items(doc, "virtual_display", path)  # not used here; OCIO refuses anything but a list
    check_versions(doc, fields, path)
    return fields
