"""vfx-rs-py's ``ConfigBuilder`` (a config assembled in code) and ``Baker`` (a conversion baked to ``.cube``).

`ConfigBuilder` collects color spaces (names and metadata only: each is the reference space itself, as
an OCIO color space without transforms), roles and displays whose views name a color space, and `build`
gives a `ColorConfig` (OCIO profile 2.0, with the Default file rule OCIO requires) after
`vfx_rs.ocio.validate_config` finds no error. `Baker` samples
a `ColorConfig` conversion with `vfx_rs.lut.bake_1d` / `bake_3d` and writes Adobe ``.cube`` files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from vfx_rs.errors import ArgumentError, OcioError
from vfx_rs.ocio.color_config import ColorConfig
from vfx_rs.ocio.config import Config
from vfx_rs.ocio.model import ColorSpace, Display, FileRule, View
from vfx_rs.ocio.validate import validate_config

__all__ = ["Baker", "ConfigBuilder"]

_ENCODINGS = {
    "scene_linear": "scene-linear",
    "sdr_video": "sdr-video",
    "sdr": "sdr-video",
    "hdr_video": "hdr-video",
    "hdr": "hdr-video",
    "display_linear": "display-linear",
    "log": "log",
    "data": "data",
}
"""The original's encoding words -> OCIO's ``encoding`` values (OCIO's own spellings are accepted too)."""


class ConfigBuilder:
    """Assemble a config in code: ``add_colorspace``, ``set_role``, ``add_display``, then ``build()``."""

    def __init__(self, name: str, description: str | None = None) -> None:
        self.name, self.description = str(name), str(description or "")
        self._spaces: list[ColorSpace] = []
        self._roles: dict[str, str] = {}
        self._displays: list[Display] = []

    def add_colorspace(
        self, name: str, family: str = "", encoding: str = "", is_data: bool = False, description: str = ""
    ) -> None:
        """Add a color space; `encoding` is ``scene_linear``, ``sdr_video``, ``hdr_video``, ``display_linear``,
        ``log``, ``data`` (or OCIO's spelling, ``scene-linear``...), or empty."""
        key = str(encoding).lower()
        if key and key not in _ENCODINGS and key not in _ENCODINGS.values():
            raise ArgumentError(
                f"color space {name!r}: unknown encoding {encoding!r}; use one of {', '.join(_ENCODINGS)}"
            )
        self._spaces.append(
            ColorSpace(
                name=str(name),
                family=str(family),
                encoding=_ENCODINGS.get(key, key),
                isdata=bool(is_data),
                description=str(description),
            )
        )

    def set_role(self, role: str, colorspace: str) -> None:
        """Make `role` name `colorspace`."""
        self._roles[str(role)] = str(colorspace)

    def add_display(self, display_name: str, views: Sequence[tuple[str, str]]) -> None:
        """Add a display whose views are ``(view name, color space)`` pairs."""
        try:
            pairs = [(str(v), str(cs)) for v, cs in views]
        except (TypeError, ValueError):
            raise ArgumentError(f"display {display_name!r}: views must be (name, colorspace) pairs") from None
        self._displays.append(Display(str(display_name), tuple(View(v, colorspace=cs) for v, cs in pairs)))

    def build(self) -> ColorConfig:
        """The config; `OcioError` lists what `validate_config` finds wrong (a role or view naming no space...)."""
        if not self._spaces:
            raise OcioError(f"config {self.name!r} cannot be built without a color space")
        # OCIO v2 needs a Default file rule or a 'default' role: the rule names scene_linear's space (else the first).
        default = self._roles.get("default") or self._roles.get("scene_linear") or self._spaces[0].name
        config = Config(
            file_rules=[FileRule("Default", colorspace=default)],
            version=(2, 0),
            name=self.name,
            description=self.description,
            roles=self._roles,
            colorspaces=self._spaces,
            displays=self._displays,
        )
        errors = [str(i.message) for i in validate_config(config) if i.severity == "Error"]
        if errors:
            raise OcioError(f"config {self.name!r} cannot be built: " + "; ".join(errors))
        return ColorConfig(config)

    def __repr__(self) -> str:
        return (
            f"ConfigBuilder(name='{self.name}', colorspaces={len(self._spaces)}, roles={len(self._roles)}, "
            f"displays={len(self._displays)})"
        )


class Baker:
    """Bake the conversion `src` -> `dst` of `config` into ``.cube`` files (written whatever the extension)."""

    def __init__(self, config: ColorConfig, src: str, dst: str) -> None:
        self.processor = config.processor(src, dst)
        self.src, self.dst = src, dst

    def bake_cube_1d(self, path: str | os.PathLike[str], size: int = 4096) -> None:
        """A 1D LUT of `size` entries over 0..1 (`LutError` if the conversion mixes channels)."""
        self.bake_cube_1d_hdr(path, size, 0.0, 1.0)

    def bake_cube_3d(self, path: str | os.PathLike[str], size: int = 65) -> None:
        """A ``size``^3 3D LUT over 0..1."""
        self.bake_cube_3d_hdr(path, size, (0.0, 0.0, 0.0), (1.0, 1.0, 1.0))

    def bake_cube_1d_hdr(self, path: str | os.PathLike[str], size: int, domain_min: float, domain_max: float) -> None:
        """A 1D LUT of `size` entries over ``domain_min..domain_max`` (every channel)."""
        from vfx_rs.lut.bake import bake_1d
        from vfx_rs.lut.cube import write_cube

        write_cube(Path(path), bake_1d(self.processor, size, domain_min, domain_max))

    def bake_cube_3d_hdr(
        self, path: str | os.PathLike[str], size: int, domain_min: Sequence[float], domain_max: Sequence[float]
    ) -> None:
        """A ``size``^3 3D LUT over the per-channel domain ``domain_min..domain_max``."""
        from vfx_rs.lut.bake import bake_3d
        from vfx_rs.lut.cube import write_cube

        write_cube(Path(path), bake_3d(self.processor, size, domain_min, domain_max))

    def __repr__(self) -> str:
        return f"Baker(src='{self.src}', dst='{self.dst}')"
