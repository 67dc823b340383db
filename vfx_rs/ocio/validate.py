"""Config checks, the vfx-rs-py ``ocio.validate_config``: what is missing or broken, without building processors.

Errors: a role, view, look or display color space naming a color space the
config lacks, a FileTransform whose file is not found. Warnings: the
``reference`` or ``default`` role missing, no displays, a display without
views, an alias that is also another space's name, a search path folder that
does not exist. OpenColorIO's ``Config::validate`` refuses configs with any
of the errors.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from vfx_rs.errors import OcioError
from vfx_rs.ocio.config import USE_DISPLAY_NAME, Config
from vfx_rs.ocio.model import Transform

__all__ = ["ValidationIssue", "config_has_errors", "config_has_warnings", "validate_config"]


@dataclass(frozen=True)
class ValidationIssue:
    """One finding: `severity` ("Error" or "Warning"), `category` and a message."""

    severity: str
    category: str
    message: str

    def __repr__(self) -> str:
        return f"[{self.severity}] {self.category}: {self.message}"


def _files(t: Transform | None) -> Iterator[Transform]:
    if t is None:
        return
    if t.kind == "File":
        yield t
    for child in t.children:
        yield from _files(child)


def validate_config(config: Config) -> list[ValidationIssue]:
    """Every issue found in `config` (an empty list for a sound one)."""
    issues: list[ValidationIssue] = []

    def add(severity: str, category: str, message: str) -> None:
        issues.append(ValidationIssue(severity, category, message))

    for role in ("reference", "default"):
        if role not in config.roles:
            add("Warning", "MissingRole", f"recommended role '{role}' is not defined")
    for role, space in config.roles.items():
        if not config.has_colorspace(space):
            add("Error", "MissingColorSpace", f"role '{role}' refers to missing color space '{space}'")
    if not config.displays_by_name:
        add("Warning", "MissingDisplay", "no displays are defined")
    for display in config.displays_by_name.values():
        views = list(display.views) + [config.shared_views[n] for n in display.shared_views if n in config.shared_views]
        if not views:
            add("Warning", "MissingDisplay", f"display '{display.name}' has no views")
        for view in views:
            wanted = [view.colorspace] if view.colorspace else []
            if view.display_colorspace and view.display_colorspace != USE_DISPLAY_NAME:
                wanted.append(view.display_colorspace)
            for space in wanted:
                if not config.has_colorspace(space) and space not in config.named_transforms:
                    add("Error", "MissingColorSpace",
                        f"view '{view.name}' of display '{display.name}' refers to missing color space '{space}'")  # fmt: skip
            if view.view_transform and view.view_transform not in config.view_transforms:
                add(
                    "Error",
                    "InvalidTransform",
                    f"view '{view.name}' refers to missing view transform '{view.view_transform}'",
                )
    for look in config.looks.values():
        if look.process_space and not config.has_colorspace(look.process_space):
            add("Error", "MissingColorSpace", f"look '{look.name}' has missing process space '{look.process_space}'")
    names = {cs.name.lower() for cs in config.colorspaces.values()}
    for cs in config.colorspaces.values():
        for alias in cs.aliases:
            if alias.lower() in names and alias.lower() != cs.name.lower():
                add("Warning", "Duplicate", f"alias '{alias}' of '{cs.name}' is another color space's name")
    for entry in config.search_path:
        folder = os.path.join(config.working_dir, entry)
        if "$" not in entry and not os.path.isdir(folder):
            add("Warning", "MissingFile", f"search path does not exist: {folder}")
    context = config.context()
    owners: list[Any] = [*config.colorspaces.values(), *config.looks.values(), *config.named_transforms.values()]
    for owner in owners:
        for attr in ("to_reference", "from_reference", "transform", "inverse_transform"):
            for t in _files(getattr(owner, attr, None)):
                try:
                    context.resolve_file(str(t.params.get("src", "")), path=config.path, line=t.line)
                except OcioError as exc:
                    add("Error", "MissingFile", f"'{owner.name}': {exc.message}")
    return issues


def config_has_errors(config: Config) -> bool:
    """True if `validate_config` finds an error."""
    return any(i.severity == "Error" for i in validate_config(config))


def config_has_warnings(config: Config) -> bool:
    """True if `validate_config` finds a warning or an error."""
    return bool(validate_config(config))
