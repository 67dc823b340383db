"""OCIO built-in configs by ``ocio://`` name, built from `vfx_rs.color` definitions.

``ocio://cg-config-v2.2.0_aces-v1.3_ocio-v2.4`` is the ACES 1.3 CG config and
``ocio://studio-config-v2.2.0_aces-v1.3_ocio-v2.4`` the ACES 1.3 studio config.
``ocio://default`` and ``ocio://cg-config-latest`` name the CG config and
``ocio://studio-config-latest`` the studio config: the latest configs `vfx_rs`
builds (OpenColorIO 2.6 points these names at its ACES 2.x configs instead, so
pin the versioned names when comparing with OCIO).
"""

from __future__ import annotations

from collections.abc import Callable

from vfx_rs.errors import OcioError
from vfx_rs.ocio.builtin.aces_cg import CG_CONFIG_NAME, aces_cg_config
from vfx_rs.ocio.builtin.aces_studio import STUDIO_CONFIG_NAME, aces_studio_config
from vfx_rs.ocio.config import Config

__all__ = ["BUILTIN_CONFIGS", "BUILTIN_CONFIG_ALIASES", "builtin", "builtin_aces_1_3"]

BUILTIN_CONFIGS: dict[str, Callable[[], Config]] = {
    CG_CONFIG_NAME: aces_cg_config,
    STUDIO_CONFIG_NAME: aces_studio_config,
}
"""Built-in config builders by versioned name."""

BUILTIN_CONFIG_ALIASES = {
    "default": CG_CONFIG_NAME,
    "cg-config-latest": CG_CONFIG_NAME,
    "studio-config-latest": STUDIO_CONFIG_NAME,
}
"""Unversioned names and the versioned config each stands for here."""


def builtin(name: str) -> Config:
    """The built-in config `name`, with or without the ``ocio://`` prefix; `OcioError` lists the known names.

    Examples
    --------
    >>> builtin("ocio://cg-config-v2.2.0_aces-v1.3_ocio-v2.4").displays()[0]
    'sRGB - Display'
    """
    key = name.strip().removeprefix("ocio://").strip()
    key = BUILTIN_CONFIG_ALIASES.get(key.lower(), key)
    for known, build in BUILTIN_CONFIGS.items():
        if known.lower() == key.lower():
            return build()
    names = ", ".join(f"ocio://{n}" for n in (*BUILTIN_CONFIGS, *BUILTIN_CONFIG_ALIASES))
    raise OcioError(f"unknown built-in config {name!r}; known: {names}")


def builtin_aces_1_3() -> Config:
    """The ACES 1.3 CG config (``ocio://cg-config-v2.2.0_aces-v1.3_ocio-v2.4``)."""
    return aces_cg_config()
