"""Finding displays, views and color spaces by the names people type.

OCIO itself matches names exactly, ignoring case, and color spaces also by
alias and role. `vfx_rs.ocio` accepts, after those, a few documented
shorthands, so ``config.display_processor("ACEScg", "sRGB", "Film")`` works
on configs whose display is ``"sRGB - Display"`` and whose tone-mapped view
is ``"ACES 1.0 - SDR Video"``:

- a display or view by a unique ``" - "``-separated part of its name, or a
  unique substring (``"sRGB"`` -> ``"sRGB - Display"``);
- the view shorthands of `VIEW_ALIASES`;
- the color space shorthands of `COLORSPACE_ALIASES`.

A shorthand never hides a real name: it is tried only when no name, alias or
role matches.
"""

from __future__ import annotations

from collections.abc import Callable

from vfx_rs.errors import OcioError

__all__ = ["COLORSPACE_ALIASES", "VIEW_ALIASES", "match_name", "match_view", "unknown_name"]

VIEW_ALIASES: dict[str, Callable[[str], bool]] = {
    "film": lambda view: view.startswith("ACES "),
    "standard": lambda view: view.lower() in ("un-tone-mapped", "standard"),
}
"""View shorthands, tried in a display's view order: ``"Film"`` is the display's first ACES view (the ACES output
transform: ``ACES 1.0 - SDR Video`` on video displays, ``SDR Cinema`` on cinema, the HDR view on PQ displays);
``"Standard"`` is the un-tone-mapped view."""

COLORSPACE_ALIASES: dict[str, tuple[str, ...]] = {
    "srgb": ("sRGB Encoded Rec.709 (sRGB)", "sRGB - Texture", "srgb_texture", "sRGB - Display"),
    "linear": ("scene_linear",),
    "rec709": ("Gamma 2.4 Encoded Rec.709", "Rec.1886 Rec.709 - Display"),
    "rec.709": ("Gamma 2.4 Encoded Rec.709", "Rec.1886 Rec.709 - Display"),
    "xyz": ("CIE XYZ-D65 - Scene-referred", "cie_xyz_d65_interchange"),
}
"""Color space shorthands and the names each stands for, first found wins: ``"sRGB"`` is the sRGB-encoded Rec.709
texture space (OCIO's ``color_picking`` space in the ACES configs), or the sRGB display space."""


def unknown_name(what: str, query: str, names: list[str], where: str = "the config") -> str:
    """``"color space 'ACEScgg' is not in the config (did you mean: ACEScg, ACEScc?)"``.

    Lists every name when there are few, else the closest ones (`difflib` ratio).
    """
    import difflib

    if len(names) <= 12:
        hint = f"known: {', '.join(names) or 'none'}"
    else:
        close = difflib.get_close_matches(query, names, n=5, cutoff=0.5)
        hint = f"did you mean: {', '.join(close)}?" if close else f"none of its {len(names)} names is close"
    return f"{what} {query!r} is not in {where} ({hint})"


def match_name(names: list[str], query: str, what: str, path: str | None, where: str = "the config") -> str:
    """Exact, then case-insensitive, then the unique name holding `query` as a ``" - "`` part or substring."""
    if query in names:
        return query
    q = query.lower()
    for n in names:
        if n.lower() == q:
            return n
    parts = [n for n in names if q in (p.strip().lower() for p in n.split(" - "))]
    if len(parts) == 1:
        return parts[0]
    subs = [n for n in names if q in n.lower()]
    if len(subs) == 1:
        return subs[0]
    if subs:
        raise OcioError(f"{what} {query!r} is ambiguous in {where}: it matches {', '.join(subs)}", path=path)
    raise OcioError(unknown_name(what, query, names, where), path=path)


def match_view(names: list[str], query: str, display: str, path: str | None) -> str:
    """`match_name` among the views of `display`, then the `VIEW_ALIASES` shorthand."""
    try:
        return match_name(names, query, "view", path, f"the views of display {display!r}")
    except OcioError:
        rule = VIEW_ALIASES.get(query.strip().lower())
        found = [n for n in names if rule is not None and rule(n)]
        if not found:
            raise
        return found[0]
