"""OCIO built-in configs by ``ocio://`` name, built from `vfx_rs.color` definitions.

The ACES 1.3 CG and studio configs (``cg-config-v2.2.0_aces-v1.3_ocio-v2.4``,
``studio-config-v2.2.0_aces-v1.3_ocio-v2.4``), the ACES 2.0 ones
(``cg-config-v4.0.0_aces-v2.0_ocio-v2.5``,
``studio-config-v4.0.0_aces-v2.0_ocio-v2.5``) and the ACES 2.1 ones
(``cg-config-v5.0.0_aces-v2.1_ocio-v2.6``,
``studio-config-v5.0.0_aces-v2.1_ocio-v2.6``). As in OpenColorIO 2.6,
``ocio://default`` and ``ocio://cg-config-latest`` name the ACES 2.1 CG config
and ``ocio://studio-config-latest`` the ACES 2.1 studio config.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from vfx_rs.errors import OcioError
from vfx_rs.ocio.builtin.aces2_cg import ACES2_CG_CONFIGS, CG_V5, aces2_cg_config
from vfx_rs.ocio.builtin.aces2_studio import ACES2_STUDIO_CONFIGS, STUDIO_V5, aces2_studio_config
from vfx_rs.ocio.builtin.aces_cg import CG_CONFIG_NAME, aces_cg_config
from vfx_rs.ocio.builtin.aces_studio import STUDIO_CONFIG_NAME, aces_studio_config
from vfx_rs.ocio.config import Config

__all__ = ["BUILTIN_CONFIGS", "BUILTIN_CONFIG_ALIASES", "builtin", "builtin_aces_1_3"]

BUILTIN_CONFIGS: dict[str, Callable[[], Config]] = {
    CG_CONFIG_NAME: aces_cg_config,
    STUDIO_CONFIG_NAME: aces_studio_config,
    **{name: functools.partial(aces2_cg_config, name) for name in ACES2_CG_CONFIGS},
    **{name: functools.partial(aces2_studio_config, name) for name in ACES2_STUDIO_CONFIGS},
}
"""Built-in config builders by versioned name."""

BUILTIN_CONFIG_ALIASES = {
    "default": CG_V5,
    "cg-config-latest": CG_V5,
    "studio-config-latest": STUDIO_V5,
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
