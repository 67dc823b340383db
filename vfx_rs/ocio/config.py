"""`Config`: an OCIO config loaded from YAML, its queries, and its processors.

Queries follow OpenColorIO's Config API (getColorSpaceNames, getDisplays,
getViews, getDefaultDisplay, getDefaultView, getLookNames...), with OCIO's
rules for active displays and views (``active_displays``/``active_views``,
overridden by ``$OCIO_ACTIVE_DISPLAYS``/``$OCIO_ACTIVE_VIEWS``) and inactive
color spaces (``inactive_colorspaces``, ``$OCIO_INACTIVE_COLORSPACES``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from vfx_rs._files import check_path, open_regular
from vfx_rs.errors import ArgumentError, IoError, OcioError
from vfx_rs.ocio import parse
from vfx_rs.ocio.context import Context, match_file_rule, search_colorspace_in_path
from vfx_rs.ocio.model import ColorSpace, Display, FileRule, Look, NamedTransform, View, ViewingRule, ViewTransform
from vfx_rs.ocio.names import COLORSPACE_ALIASES, match_name, match_view, unknown_name

__all__ = ["Config"]

MAX_CONFIG_BYTES = 64 * 1024**2
"""Largest OCIO config file read (64 MiB; the ACES studio config is about 0.2 MiB)."""

USE_DISPLAY_NAME = "<USE_DISPLAY_NAME>"
"""A view's display_colorspace placeholder: the display color space named like the display (OCIO v2.1)."""


def _env_list(var: str, fallback: Iterable[str]) -> tuple[str, ...]:
    text = os.environ.get(var, "").strip()
    if text:
        return tuple(p.strip() for p in text.replace(":", ",").split(",") if p.strip())
    return tuple(fallback)


def _find(items: dict[str, Any], name: str, what: str, path: str | None) -> Any:
    if name in items:
        return items[name]
    lower = {k.lower(): v for k, v in items.items()}
    if name.lower() in lower:
        return lower[name.lower()]
    known = ", ".join(items) or "none"
    raise OcioError(f"{what} {name!r} is not in the config (known: {known})", path=path)


class Config:
    """An OCIO v1 or v2 config.

    Build one with `Config.from_file`, `Config.from_string` or
    `Config.from_env`. The model elements are plain dataclasses
    (`vfx_rs.ocio.model`); processors are cached per arguments and context.
    """

    def __init__(
        self,
        *,
        path: str | None = None,
        working_dir: str = ".",
        version: tuple[int, ...] = (2, 0),
        name: str = "",
        description: str = "",
        search_path: Iterable[str] = (),
        environment: dict[str, str] | None = None,
        roles: dict[str, str] | None = None,
        family_separator: str = "/",
        strict_parsing: bool = True,
        default_view_transform: str = "",
        active_displays: Iterable[str] = (),
        active_views: Iterable[str] = (),
        inactive_colorspaces: Iterable[str] = (),
        colorspaces: Iterable[ColorSpace] = (),
        shared_views: Iterable[View] = (),
        displays: Iterable[Display] = (),
        looks: Iterable[Look] = (),
        view_transforms: Iterable[ViewTransform] = (),
        named_transforms: Iterable[NamedTransform] = (),
        file_rules: Iterable[FileRule] = (),
        viewing_rules: Iterable[ViewingRule] = (),
    ) -> None:
        self.path = path
        self.working_dir = working_dir
        self.version = tuple(version)
        self.name = name
        self.description = description
        self.search_path = tuple(search_path)
        self.environment = dict(environment or {})
        self.roles: dict[str, str] = dict(roles or {})
        self.family_separator = family_separator
        self.strict_parsing = strict_parsing  # ``strictparsing``: parse_colorspace_from_string falls back if off
        self.default_view_transform = default_view_transform
        self._active_displays = tuple(active_displays)
        self._active_views = tuple(active_views)
        self._inactive = tuple(inactive_colorspaces)
        self.colorspaces: dict[str, ColorSpace] = {}
        self._by_lower_name: dict[str, ColorSpace] = {}  # names and aliases, lower case: one lookup per query
        for cs in colorspaces:
            self._add_colorspace(cs, path)
        self.shared_views = {v.name: v for v in shared_views}
        self.displays_by_name: dict[str, Display] = {d.name: d for d in displays}
        self.looks = {lk.name: lk for lk in looks}
        self.view_transforms = {vt.name: vt for vt in view_transforms}
        self.named_transforms = {nt.name: nt for nt in named_transforms}
        self.file_rules = tuple(file_rules)
        self.viewing_rules = {r.name: r for r in viewing_rules}
        self._processors: dict[tuple[Any, ...], Any] = {}

    def _add_colorspace(self, cs: ColorSpace, path: str | None) -> None:
        names = {n.lower(): n for n in (cs.name, *cs.aliases)}
        for key, name in names.items():
            if key in self._by_lower_name:
                raise OcioError(f"color space name {name!r} is defined twice", path=path, line=cs.line)
        self.colorspaces[cs.name] = cs
        self._by_lower_name.update(dict.fromkeys(names, cs))

    def _all_space_names(self) -> Iterable[str]:
        for cs in self.colorspaces.values():
            yield cs.name
            yield from cs.aliases

    # -- loading ---------------------------------------------------------

    @classmethod
    def from_string(cls, text: str, working_dir: str | os.PathLike[str] = ".", *, path: str | None = None) -> Config:
        """A config from YAML text; relative search paths start from `working_dir`.

        `path` names the text in error messages (``"<string>"`` by default).
        """
        path = "<string>" if path is None else path
        if not isinstance(text, str):
            raise ArgumentError(f"Config.from_string needs the config's YAML text, not {type(text).__name__}")
        fields = parse.read_config(parse.load_yaml(text, path), path)
        return cls(path=path, working_dir=os.path.abspath(os.fspath(working_dir)), **fields)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Config:
        """A config from a ``.ocio`` file (its folder is the working directory), or a built-in ``ocio://`` name."""
        p = check_path(path, "OCIO config")
        if p.startswith("ocio://"):
            from vfx_rs.ocio.builtin import builtin

            return builtin(p)
        with open_regular(p, "an OCIO config file") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_CONFIG_BYTES:
                raise OcioError(f"file is larger than any OCIO config allowed ({MAX_CONFIG_BYTES} bytes)", path=p)
            try:
                raw = handle.read()
            except OSError as exc:
                raise IoError(f"cannot read OCIO config: {exc.strerror}", path=p) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise OcioError("an OCIO config is UTF-8 text (found bytes that are not)", path=p, line=line) from None
        return cls.from_string(text, os.path.dirname(os.path.abspath(p)), path=p)

    @classmethod
    def from_env(cls) -> Config:
        """The config named by ``$OCIO``."""
        value = os.environ.get("OCIO", "")
        if not value:
            raise OcioError("$OCIO is not set")
        return cls.from_file(value)

    # -- names -------------------------------------------------------------

    def context(self, overrides: Mapping[str, str] | None = None) -> Context:
        """The current context: search path and variables (process environment over config defaults)."""
        return Context(self.working_dir, self.search_path, self.environment, overrides)

    @property
    def declared_lists(self) -> dict[str, tuple[str, ...]]:
        """The config's own ``active_displays``, ``active_views`` and ``inactive_colorspaces`` (no environment)."""
        return {
            "active_displays": self._active_displays,
            "active_views": self._active_views,
            "inactive_colorspaces": self._inactive,
        }

    def inactive_colorspaces(self) -> tuple[str, ...]:
        """Names listed as inactive (``$OCIO_INACTIVE_COLORSPACES`` overrides the config)."""
        return _env_list("OCIO_INACTIVE_COLORSPACES", self._inactive)

    def colorspace_names(self, *, include_inactive: bool = False, reference: str | None = None) -> list[str]:
        """Color space names in file order; `reference` picks ``scene``/``display``."""
        inactive = {n.lower() for n in self.inactive_colorspaces()}
        return [
            cs.name
            for cs in self.colorspaces.values()
            if (include_inactive or cs.name.lower() not in inactive) and reference in (None, cs.reference)
        ]

    def colorspace(self, name: str) -> ColorSpace:
        """A color space by name, alias or role (case-insensitive), or a shorthand (`COLORSPACE_ALIASES`)."""
        return self._resolve(name, ())

    def _resolve(self, name: str, chain: tuple[str, ...]) -> ColorSpace:
        """`colorspace`, with the names already followed (roles may not loop; a shorthand is not retried)."""
        key = name.lower()
        found = self._by_lower_name.get(key)
        if found is not None:
            return found
        roles = {k.lower(): v for k, v in self.roles.items()}
        if key in roles and roles[key].lower() != key:
            target = roles[key]
            if target.lower() in chain:
                loop = " -> ".join((*chain, key, target))
                raise OcioError(f"roles refer to each other in a loop: {loop}", path=self.path)
            return self._resolve(target, (*chain, key))
        for candidate in COLORSPACE_ALIASES.get(key, ()):
            if candidate.lower() not in chain and self._is_space_or_role(candidate):
                return self._resolve(candidate, (*chain, key))
        if chain:
            raise OcioError(
                f"role {chain[-1]!r} names {name!r}, which is not a color space in the config", path=self.path
            )
        raise OcioError(unknown_name("color space", name, self.colorspace_names()), path=self.path)

    def _is_space_or_role(self, name: str) -> bool:
        key = name.lower()
        return key in self._by_lower_name or key in (r.lower() for r in self.roles)

    def has_colorspace(self, name: str) -> bool:
        """True if `name` is a color space, alias or role."""
        try:
            self.colorspace(name)
        except OcioError:
            return False
        return True

    def role_names(self) -> list[str]:
        """Role names, sorted (OCIO keeps roles in a sorted map)."""
        return sorted(self.roles)

    def families(self) -> list[str]:
        """The distinct non-empty families of the color spaces, in order of first use."""
        return list(dict.fromkeys(cs.family for cs in self.colorspaces.values() if cs.family))

    def look(self, name: str) -> Look:
        """A look by name (case-insensitive)."""
        return _find(self.looks, name, "look", self.path)  # type: ignore[no-any-return]

    def look_names(self) -> list[str]:
        """Look names, in config order."""
        return list(self.looks)

    def view_transform(self, name: str) -> ViewTransform:
        """A view transform by name (case-insensitive)."""
        return _find(self.view_transforms, name, "view transform", self.path)  # type: ignore[no-any-return]

    def view_transform_names(self) -> list[str]:
        """View transform names, in config order."""
        return list(self.view_transforms)

    def named_transform(self, name: str) -> NamedTransform:
        """A named transform by name or alias (case-insensitive)."""
        for nt in self.named_transforms.values():
            if name.lower() in (n.lower() for n in (nt.name, *nt.aliases)):
                return nt
        raise OcioError(f"named transform {name!r} is not in the config", path=self.path)

    def named_transform_names(self) -> list[str]:
        """Named transform names, in config order."""
        return list(self.named_transforms)

    # -- displays and views --------------------------------------------------

    def displays(self) -> list[str]:
        """Active displays: ``active_displays`` order if set, else config order."""
        active = _env_list("OCIO_ACTIVE_DISPLAYS", self._active_displays)
        if not active:
            return list(self.displays_by_name)
        return [d for d in active if d in self.displays_by_name]

    def all_displays(self) -> list[str]:
        """Every display, active or not, in config order."""
        return list(self.displays_by_name)

    def default_display(self) -> str:
        """The first active display."""
        names = self.displays()
        if not names:
            raise OcioError("the config has no displays", path=self.path)
        return names[0]

    def display(self, name: str) -> Display:
        """A display by name, case-insensitively, or by a unique part (``"sRGB"`` for ``"sRGB - Display"``)."""
        return self.displays_by_name[match_name(list(self.displays_by_name), name, "display", self.path)]

    def _display_views(self, display: Display) -> list[View]:
        views = list(display.views)
        for name in display.shared_views:
            if name not in self.shared_views:
                raise OcioError(
                    f"display {display.name!r} lists unknown shared view {name!r}", path=self.path, line=display.line
                )
            views.append(self.shared_views[name])
        return views

    def views(self, display: str, colorspace: str | None = None) -> list[str]:
        """Active views of `display` (in ``active_views`` order if set, else config order); with `colorspace`, those its viewing rules allow."""
        disp = self.display(display)
        views = self._display_views(disp)
        active = _env_list("OCIO_ACTIVE_VIEWS", self._active_views)
        if active:
            # OCIO orders the active views by the active list.
            by_name = {v.name.lower(): v for v in views}
            views = [by_name[a.lower()] for a in active if a.lower() in by_name]
        if colorspace is not None:
            views = [v for v in views if self._rule_allows(v, colorspace)]
        return [v.name for v in views]

    def all_views(self, display: str) -> list[str]:
        """Every view of `display`, active or not."""
        return [v.name for v in self._display_views(self.display(display))]

    def default_view(self, display: str, colorspace: str | None = None) -> str:
        """The first active view of `display` (allowed for `colorspace` if given)."""
        names = self.views(display, colorspace)
        if not names:
            raise OcioError(f"display {display!r} has no active view", path=self.path)
        return names[0]

    def view(self, display: str, view: str) -> View:
        """A view of a display by name, case-insensitively, by a unique part, or a shorthand (`VIEW_ALIASES`)."""
        views = {v.name: v for v in self._display_views(self.display(display))}
        return views[match_view(list(views), view, display, self.path)]

    def _rule_allows(self, view: View, colorspace: str) -> bool:
        if not view.rule:
            return True
        rule: ViewingRule | None = self.viewing_rules.get(view.rule)
        if rule is None:
            raise OcioError(
                f"view {view.name!r} uses unknown viewing rule {view.rule!r}", path=self.path, line=view.line
            )
        cs = self.colorspace(colorspace)
        names = {n.lower() for n in rule.colorspaces}
        if cs.name.lower() in names or any(a.lower() in names for a in cs.aliases):
            return True
        return bool(cs.encoding) and cs.encoding.lower() in {e.lower() for e in rule.encodings}

    # -- file rules ----------------------------------------------------------

    def colorspace_from_filepath(self, filepath: str | os.PathLike[str]) -> str:
        """The color space the file rules give `filepath` (OCIO getColorSpaceFromFilepath)."""
        text = os.fspath(filepath)
        for rule in self.file_rules or (FileRule("ColorSpaceNamePathSearch"), FileRule("Default", "default")):
            if rule.name == "ColorSpaceNamePathSearch":
                found = search_colorspace_in_path(text, self._all_space_names())
                if found is not None:
                    return self.colorspace(found).name
            elif rule.name == "Default" or match_file_rule(rule, text):
                return self._rule_space(rule)
        raise OcioError(f"no file rule matches {text!r}", path=self.path)

    def _rule_space(self, rule: FileRule) -> str:
        target = rule.colorspace or "default"
        if not self.file_rules and not self.has_colorspace(target):
            return self._v1_default_space()
        if not self.has_colorspace(target):
            raise OcioError(
                f"file rule {rule.name!r} names unknown color space {target!r}", path=self.path, line=rule.line
            )
        return target

    def _v1_default_space(self) -> str:
        """The Default rule's space of a config without file rules (a v1 one) and without a ``default`` role, as
        OCIO picks it (FileRules.cpp, UpdateFileRulesFromV1ToV2): a data space named ``raw``, else the first
        scene-referred data space, else the first active space, else the first space."""
        if self.has_colorspace("raw") and self.colorspace("raw").isdata:
            return self.colorspace("raw").name
        scene = self.colorspace_names(include_inactive=True, reference="scene")
        data = [n for n in scene if self.colorspace(n).isdata]
        spaces = data or self.colorspace_names() or scene
        if not spaces:
            raise OcioError("the config has no color space for its Default file rule", path=self.path)
        return spaces[0]

    # -- processors ------------------------------------------------------------

    def processor(
        self,
        src: str,
        dst: str,
        looks: str | None = None,
        *,
        inverse: bool = False,
        variables: Mapping[str, str] | None = None,
    ) -> Any:
        """The `Processor` from color space (or named transform) `src` to `dst`, through `looks`.

        `looks` is OCIO's look string: names separated by commas, ``+name``
        forward (the default) and ``-name`` inverse. `variables` replaces the
        process environment as the source of the context variables (``$SHOT``
        in file names and the search path), as an OCIO ``Context`` does.
        """
        return self._cached_processor(("cs", src, dst, looks or "", inverse, self.context(variables).key()))

    def display_processor(
        self, src: str, display: str, view: str | None = None, looks: str | None = None, *, inverse: bool = False
    ) -> Any:
        """The `Processor` from color space `src` to `display` through `view` (default view if None).

        `looks`, when given, replaces the view's own looks and runs from
        `src` before the view, even a data view (OCIO's LegacyViewingPipeline
        looks override). ``inverse=True`` gives the display-to-`src` processor.
        """
        return self._cached_processor(("dv", src, display, view, looks, inverse, self.context().key()))

    def _cached_processor(self, key: tuple[Any, ...]) -> Any:
        from vfx_rs.ocio.processor import build_processor

        if key not in self._processors:
            self._processors[key] = build_processor(self, key)
        return self._processors[key]

    def __repr__(self) -> str:
        where = self.path or "<string>"
        return f"<vfx_rs.ocio.Config {self.name or where!r} v{self.version[0]}.{self.version[1] if len(self.version) > 1 else 0}>"
