"""The OCIO config model: plain frozen dataclasses, one per config element.

The field names follow the OpenColorIO v2 YAML keys (OpenColorIO
documentation, "Config syntax"); v1 configs map onto the same model (a v1
``to_reference`` is a scene-referred ``to_scene_reference``). Every element
remembers the line it was read from, so errors can name ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ColorSpace",
    "Display",
    "FileRule",
    "Look",
    "NamedTransform",
    "Transform",
    "View",
    "ViewTransform",
    "ViewingRule",
]


@dataclass(frozen=True)
class Transform:
    """One OCIO transform as written in the config.

    Attributes
    ----------
    kind
        The tag without ``Transform``: ``"Matrix"``, ``"Group"``, ``"ColorSpace"``...
    params
        The remaining keys of the mapping, as parsed.
    children
        The transforms of a ``GroupTransform``.
    inverse
        True for ``direction: inverse``.
    line
        1-based line of the tag in the config file.
    """

    kind: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)
    children: tuple[Transform, ...] = ()
    inverse: bool = False
    line: int | None = None


@dataclass(frozen=True)
class ColorSpace:
    """A color space (``colorspaces`` or ``display_colorspaces``).

    ``reference`` is ``"scene"`` or ``"display"``; ``to_reference`` and
    ``from_reference`` are the transforms to and from that reference (None
    when absent).
    """

    name: str
    reference: str = "scene"
    aliases: tuple[str, ...] = ()
    family: str = ""
    categories: tuple[str, ...] = ()
    encoding: str = ""
    equalitygroup: str = ""
    bitdepth: str = ""
    description: str = ""
    isdata: bool = False
    to_reference: Transform | None = None
    from_reference: Transform | None = None
    line: int | None = None


@dataclass(frozen=True)
class View:
    """A view: either a color space, or a view transform plus a display color space."""

    name: str
    colorspace: str = ""
    view_transform: str = ""
    display_colorspace: str = ""
    looks: str = ""
    rule: str = ""
    description: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Display:
    """A display: its own views and the names of the shared views it lists, in config order."""

    name: str
    views: tuple[View, ...] = ()
    shared_views: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class Look:
    """A look: a transform applied in its process space, with an optional explicit inverse."""

    name: str
    process_space: str = ""
    transform: Transform | None = None
    inverse_transform: Transform | None = None
    description: str = ""
    line: int | None = None


@dataclass(frozen=True)
class ViewTransform:
    """A view transform from the scene (or display) reference to the display reference."""

    name: str
    reference: str = "scene"
    family: str = ""
    categories: tuple[str, ...] = ()
    description: str = ""
    to_reference: Transform | None = None
    from_reference: Transform | None = None
    line: int | None = None


@dataclass(frozen=True)
class NamedTransform:
    """A named transform: a transform usable by name in place of a color space."""

    name: str
    aliases: tuple[str, ...] = ()
    family: str = ""
    categories: tuple[str, ...] = ()
    encoding: str = ""
    description: str = ""
    transform: Transform | None = None
    inverse_transform: Transform | None = None
    line: int | None = None


@dataclass(frozen=True)
class FileRule:
    """A file rule: a glob ``pattern`` plus ``extension``, or a ``regex``, naming a color space."""

    name: str
    colorspace: str = ""
    pattern: str = ""
    extension: str = ""
    regex: str = ""
    line: int | None = None


@dataclass(frozen=True)
class ViewingRule:
    """A viewing rule: the color spaces or encodings a view applies to."""

    name: str
    colorspaces: tuple[str, ...] = ()
    encodings: tuple[str, ...] = ()
    line: int | None = None
