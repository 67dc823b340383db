"""The input color space a file gets before the user picks one (no Qt): its EXR chromaticities, else the file rules.

An EXR whose header carries ``chromaticities`` (OpenEXR's standard attribute:
R, G, B and white xy) names its primaries; those are matched (within 1e-3 in
x and y) against the spaces of `vfx_rs.color.spaces`, and the config's
scene-linear color space of that name or alias is taken. Otherwise, or when
the config has no such space, the config's file rules decide (OCIO's
``getColorSpaceFromFilepath``). The reason is kept for the Info panel.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from vfx_rs.color.spaces import COLOR_SPACES
from vfx_rs.errors import VfxError
from vfx_rs.image import Image
from vfx_rs.view import load_config
from vfxview import color_commands
from vfxview.state import ViewerState

__all__ = ["CHROMATICITY_TOLERANCE", "default_input_space", "space_for_chromaticities"]

CHROMATICITY_TOLERANCE = 1e-3
"""Largest xy difference for a header's chromaticities to name a known set of primaries (float32 headers)."""


def _tokens(names: Sequence[str]) -> set[str]:
    return {re.sub(r"[^a-z0-9]", "", n.lower()) for n in names} - {""}


def space_for_chromaticities(spec: str, chromaticities: Sequence[float]) -> tuple[str, str] | None:
    """The scene-linear space of config `spec` with these primaries and white, and the primaries' name; or None."""
    xy = [float(v) for v in chromaticities]
    if len(xy) != 8:
        return None
    known = [
        s
        for s in COLOR_SPACES.values()
        if s.primaries is not None
        and all(
            abs(a - b) <= CHROMATICITY_TOLERANCE
            for a, b in zip(xy, [*(c for p in s.primaries for c in p), *s.whitepoint], strict=True)
        )
    ]
    if not known:
        return None
    try:
        cfg = load_config(spec)
    except (VfxError, OSError, ValueError):
        return None
    linear = [(n, _tokens((n, *cfg.colorspace(n).aliases))) for n in cfg.colorspace_names()]
    linear = [(n, t) for n, t in linear if cfg.colorspace(n).encoding == "scene-linear"]
    for space in known:
        wanted = {t for t in _tokens((space.name, *space.aliases)) if len(t) >= 4}
        exact = [n for n, tokens in linear if wanted & tokens]
        partial = [n for n, tokens in linear if any(w in t for w in wanted if len(w) >= 5 for t in tokens)]
        if exact or partial:
            return (exact or partial)[0], space.name
    return None


def default_input_space(state: ViewerState, path: str, image: Image) -> tuple[str | None, str]:
    """The input space for a newly opened `image` unless the user picked one, and why (for the Info panel)."""
    if not state.input_from_rules:
        return None, "chosen by the user"
    chroma: Any = image.metadata.get("chromaticities")
    if chroma is not None:
        found = space_for_chromaticities(state.config, chroma)
        if found is not None:
            return found[0], f"from the EXR header's chromaticities: {found[1]} primaries"
    space = color_commands.file_rule_space(state, path)
    return space, "from the config's file rules" if space else "kept: no file rule matches"
