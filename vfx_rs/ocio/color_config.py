"""`ColorConfig`: the vfx-rs-py config object, a query interface with the original's method names over `Config`.

``ColorConfig()`` is the built-in ACES 1.3 CG config, ``ColorConfig.from_file``
and ``from_string`` load one (a broken config raises `OcioError` at once, so
`valid` is always True here and `error_message` empty). Everything else asks
the wrapped `vfx_rs.ocio.Config` (``.config``); `processor` gives a
`vfx_rs.ocio.Processor`. The image functions of `vfx_rs.ocio` take either.
"""

from __future__ import annotations

import os
from typing import Any

from vfx_rs.errors import OcioError
from vfx_rs.ocio.builtin import builtin_aces_1_3
from vfx_rs.ocio.config import Config
from vfx_rs.ocio.processor import Processor
from vfx_rs.ocio.variables import Context as VarContext

__all__ = ["ColorConfig"]

_ROLE_GETTERS = {
    "reference": "reference",
    "compositing_log": "compositing_log",
    "color_timing": "color_timing",
    "data_role": "data",
    "color_picking": "color_picking",
    "texture_paint": "texture_paint",
    "matte_paint": "matte_paint",
    "scene_linear": "scene_linear",
    "default_input": "default",
}
"""ColorConfig method -> the role it returns the color space of."""


class ColorConfig:
    """An OCIO config with the vfx-rs-py query methods (``num_colorspaces()``, ``view_colorspace(d, v)``...)."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config if config is not None else builtin_aces_1_3()

    @staticmethod
    def from_file(path: str | os.PathLike[str]) -> ColorConfig:
        """Load a ``.ocio`` file (or an ``ocio://`` built-in name)."""
        return ColorConfig(Config.from_file(path))

    @staticmethod
    def from_string(yaml_str: str, working_dir: str | os.PathLike[str] = ".") -> ColorConfig:
        """Load config text; relative LUT paths resolve against `working_dir`."""
        return ColorConfig(Config.from_string(yaml_str, working_dir))

    @staticmethod
    def aces_1_3() -> ColorConfig:
        """The built-in ACES 1.3 CG config."""
        return ColorConfig(builtin_aces_1_3())

    srgb = aces_1_3
    """The original's sRGB-focused config is the ACES 1.3 config too."""

    def serialize(self) -> str:
        """The config as OCIO YAML text (`vfx_rs.ocio.serialize.to_yaml`)."""
        from vfx_rs.ocio.serialize import to_yaml

        return to_yaml(self.config)

    def write_to_file(self, path: str | os.PathLike[str]) -> None:
        """Write the config as OCIO YAML to `path` (atomically)."""
        from vfx_rs.ocio.serialize import write_config

        write_config(self.config, path)

    def valid(self) -> bool:
        """True: a config that fails to load raises instead."""
        return True

    def error_message(self) -> str:
        """Empty: a config that fails to load raises instead."""
        return ""

    def config_path(self) -> str | None:
        """The file the config came from, if any."""
        return self.config.path

    # -- color spaces ----------------------------------------------------------

    def colorspace_names(self) -> list[str]:
        """Every active color space."""
        return self.config.colorspace_names()

    def num_colorspaces(self) -> int:
        """Number of active color spaces."""
        return len(self.colorspace_names())

    def colorspace_name_by_index(self, index: int) -> str:
        """The `index`-th color space name."""
        return self.colorspace_names()[int(index)]

    def has_colorspace(self, name: str) -> bool:
        """True for a color space name, alias or role."""
        return self.config.has_colorspace(name)

    def colorspace_family(self, name: str) -> str:
        """The color space's family."""
        return self.config.colorspace(name).family

    def colorspace_encoding(self, name: str) -> str:
        """The color space's encoding (``scene-linear``, ``log``, ``sdr-video``...)."""
        return self.config.colorspace(name).encoding

    def is_colorspace_linear(self, name: str) -> bool:
        """True for scene- or display-linear encodings."""
        return self.colorspace_encoding(name) in ("scene-linear", "display-linear")

    def is_colorspace_data(self, name: str) -> bool:
        """True for non-colour data."""
        return self.config.colorspace(name).isdata

    def colorspace_data_type(self, name: str) -> str:
        """The color space's bit depth hint (``32f``...)."""
        return self.config.colorspace(name).bitdepth

    def colorspace_description(self, name: str) -> str:
        """The color space's description."""
        return self.config.colorspace(name).description

    def colorspace_aliases(self, name: str) -> list[str]:
        """The color space's aliases."""
        return list(self.config.colorspace(name).aliases)

    def colorspace_categories(self, name: str) -> list[str]:
        """The color space's categories."""
        return list(self.config.colorspace(name).categories)

    def colorspace_has_category(self, name: str, category: str) -> bool:
        """True if the color space lists `category`."""
        return category.lower() in (c.lower() for c in self.colorspace_categories(name))

    def colorspaces_by_category(self, category: str) -> list[str]:
        """The color spaces listing `category`."""
        return [n for n in self.colorspace_names() if self.colorspace_has_category(n, category)]

    def all_categories(self) -> list[str]:
        """Every category any color space lists, sorted."""
        return sorted({c for n in self.colorspace_names() for c in self.colorspace_categories(n)})

    def colorspace_from_filepath(self, filepath: str) -> str | None:
        """The color space the file rules give `filepath`."""
        return self.config.colorspace_from_filepath(filepath) or None

    def parse_colorspace_from_string(self, text: str) -> str | None:
        """The color space name found rightmost in `text`; if none and the config's ``strictparsing`` is off,
        the ``default`` role's space (OCIO Config::parseColorSpaceFromString); else None."""
        from vfx_rs.ocio.context import search_colorspace_in_path

        found = search_colorspace_in_path(text, self.colorspace_names())
        if found is None and not self.config.strict_parsing:
            default = self.config.roles.get("default")
            if default is not None and self.config.has_colorspace(default):
                return self.config.colorspace(default).name
        return found

    # -- roles -----------------------------------------------------------------

    def role_colorspace(self, role: str) -> str | None:
        """The color space of `role`, if defined."""
        return self.config.roles.get(role)

    def has_role(self, role: str) -> bool:
        """True if `role` is defined."""
        return role in self.config.roles

    def num_roles(self) -> int:
        """Number of roles."""
        return len(self.config.roles)

    def __getattr__(self, name: str) -> Any:
        # reference(), scene_linear(), data_role()...: the color space of a role, as the original.
        if name in _ROLE_GETTERS:
            return lambda: self.config.roles.get(_ROLE_GETTERS[name])
        raise AttributeError(f"'ColorConfig' object has no attribute {name!r}")

    # -- displays, views, looks, named transforms ---------------------------------

    def display_names(self) -> list[str]:
        """Active displays."""
        return self.config.displays()

    def num_displays(self) -> int:
        """Number of active displays."""
        return len(self.display_names())

    def display_name_by_index(self, index: int) -> str:
        """The `index`-th display."""
        return self.display_names()[int(index)]

    def default_display(self) -> str | None:
        """The default display."""
        return self.config.default_display()

    active_displays = display_names

    def num_views(self, display: str) -> int:
        """Number of views of `display`."""
        return len(self.config.views(display))

    def view_name_by_index(self, display: str, index: int) -> str:
        """The `index`-th view of `display`."""
        return self.config.views(display)[int(index)]

    def default_view(self, display: str) -> str | None:
        """The default view of `display`."""
        return self.config.default_view(display)

    def view_colorspace(self, display: str, view: str) -> str | None:
        """The color space (or display color space) of a view."""
        from vfx_rs.ocio.config import USE_DISPLAY_NAME

        v = self.config.view(display, view)
        space = v.colorspace or v.display_colorspace
        return display if space == USE_DISPLAY_NAME else (space or None)

    def view_looks(self, display: str, view: str) -> str | None:
        """The looks of a view."""
        return self.config.view(display, view).looks or None

    def active_views(self) -> list[str]:
        """Every view name of the active displays."""
        return sorted({v for d in self.display_names() for v in self.config.views(d)})

    def shared_view_names(self) -> list[str]:
        """The shared views."""
        return list(self.config.shared_views)

    def num_shared_views(self) -> int:
        """Number of shared views."""
        return len(self.config.shared_views)

    def look_names(self) -> list[str]:
        """The looks."""
        return self.config.look_names()

    def num_looks(self) -> int:
        """Number of looks."""
        return len(self.look_names())

    def look_name_by_index(self, index: int) -> str:
        """The `index`-th look."""
        return self.look_names()[int(index)]

    def has_look(self, name: str) -> bool:
        """True if look `name` exists."""
        return name in self.look_names()

    def named_transform_names(self) -> list[str]:
        """The named transforms."""
        return self.config.named_transform_names()

    def num_named_transforms(self) -> int:
        """Number of named transforms."""
        return len(self.named_transform_names())

    def has_named_transform(self, name: str) -> bool:
        """True if named transform `name` exists."""
        return name in self.named_transform_names()

    def named_transform_family(self, name: str) -> str | None:
        """The named transform's family."""
        return self._named(name).family or None

    def named_transform_description(self, name: str) -> str | None:
        """The named transform's description."""
        return self._named(name).description or None

    def _named(self, name: str) -> Any:
        try:
            return self.config.named_transform(name)
        except OcioError:
            raise OcioError(f"no named transform {name!r}", path=self.config.path) from None

    # -- processors --------------------------------------------------------------

    def processor(self, from_space: str, to_space: str) -> Processor:
        """The processor converting `from_space` to `to_space`."""
        return self.config.processor(from_space, to_space)  # type: ignore[no-any-return]

    def processor_with_context(self, from_space: str, to_space: str, context: VarContext) -> Processor:
        """The processor with `context`'s variables (over the environment unless it ignores it) in file paths."""
        if not isinstance(context, VarContext):
            raise OcioError(f"context must be a vfx_rs.ocio.Context, not {type(context).__name__}")
        return self.config.processor(from_space, to_space, variables=context.variables())  # type: ignore[no-any-return]

    def viewing_rules(self) -> list[tuple[str, list[str], list[str]]]:
        """Viewing rules as ``(name, colorspaces, encodings)``."""
        return [(r.name, list(r.colorspaces), list(r.encodings)) for r in self.config.viewing_rules.values()]

    def __repr__(self) -> str:
        return f"ColorConfig(colorspaces={self.num_colorspaces()}, displays={self.num_displays()})"
