"""RGB color spaces: primaries, whitepoints and `COLOR_SPACES`, the registry by name and alias.

Chromaticities are CIE 1931 xy. Each constant cites the document that
publishes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vfx_rs.errors import NotFoundError

__all__ = [
    "COLOR_SPACES",
    "PRIMARIES_ACES_AP0",
    "PRIMARIES_ACES_AP1",
    "PRIMARIES_ADOBE_RGB",
    "PRIMARIES_ARRI_WIDE_GAMUT_3",
    "PRIMARIES_ARRI_WIDE_GAMUT_4",
    "PRIMARIES_CANON_CINEMA_GAMUT",
    "PRIMARIES_DAVINCI_WIDE_GAMUT",
    "PRIMARIES_P3",
    "PRIMARIES_PROPHOTO",
    "PRIMARIES_REC709",
    "PRIMARIES_REC2020",
    "PRIMARIES_RED_WIDE_GAMUT",
    "PRIMARIES_S_GAMUT3",
    "PRIMARIES_S_GAMUT3_CINE",
    "PRIMARIES_V_GAMUT",
    "WHITEPOINT_ACES",
    "WHITEPOINT_D50",
    "WHITEPOINT_D65",
    "WHITEPOINT_DCI",
    "ColorSpace",
    "color_space",
]

WHITEPOINT_D65 = (0.3127, 0.3290)
"""CIE D65, as rounded in ITU-R BT.709-6 item 1.4 and IEC 61966-2-1."""
WHITEPOINT_D50 = (0.3457, 0.3585)
"""CIE D50, as used by ROMM/ProPhoto RGB (ISO 22028-2:2013)."""
WHITEPOINT_DCI = (0.314, 0.351)
"""DCI white (SMPTE RP 431-2:2011, table 1)."""
WHITEPOINT_ACES = (0.32168, 0.33767)
"""ACES white, approximately D60 (SMPTE ST 2065-1:2012, section 4)."""

PRIMARIES_REC709 = ((0.64, 0.33), (0.30, 0.60), (0.15, 0.06))
"""ITU-R BT.709-6, item 1.3 (also sRGB, IEC 61966-2-1)."""
PRIMARIES_REC2020 = ((0.708, 0.292), (0.170, 0.797), (0.131, 0.046))
"""ITU-R BT.2020-2, table 3."""
PRIMARIES_P3 = ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060))
"""SMPTE RP 431-2:2011 (DCI-P3; Display P3 and P3-D60 change only the white)."""
PRIMARIES_ACES_AP0 = ((0.7347, 0.2653), (0.0, 1.0), (0.0001, -0.0770))
"""ACES AP0, SMPTE ST 2065-1:2012, section 4."""
PRIMARIES_ACES_AP1 = ((0.713, 0.293), (0.165, 0.830), (0.128, 0.044))
"""ACES AP1, Academy S-2014-004 (ACEScg), section 4.1."""
PRIMARIES_ADOBE_RGB = ((0.64, 0.33), (0.21, 0.71), (0.15, 0.06))
"""Adobe RGB (1998) Color Image Encoding, version 2005-05, section 4.3.1."""
PRIMARIES_PROPHOTO = ((0.7347, 0.2653), (0.1596, 0.8404), (0.0366, 0.0001))
"""ROMM RGB (ProPhoto), ISO 22028-2:2013, table 1 (four-digit values)."""
PRIMARIES_ARRI_WIDE_GAMUT_3 = ((0.684, 0.313), (0.221, 0.848), (0.0861, -0.102))
"""ARRI 'ALEXA Log C Curve: Usage in VFX' (2017), section 4 (ALEXA Wide Gamut)."""
PRIMARIES_ARRI_WIDE_GAMUT_4 = ((0.7347, 0.2653), (0.1424, 0.8576), (0.0991, -0.0308))
"""ARRI 'ALEXA 35 / LogC4 Specification' (2022), section 2 (ARRI Wide Gamut 4)."""
PRIMARIES_S_GAMUT3 = ((0.730, 0.280), (0.140, 0.855), (0.100, -0.050))
"""Sony 'Technical Summary for S-Gamut3.Cine/S-Log3 and S-Gamut3/S-Log3', section 1."""
PRIMARIES_S_GAMUT3_CINE = ((0.766, 0.275), (0.225, 0.800), (0.089, -0.087))
"""Sony technical summary (as above), section 1 (S-Gamut3.Cine)."""
PRIMARIES_V_GAMUT = ((0.730, 0.280), (0.165, 0.840), (0.100, -0.030))
"""Panasonic 'V-Log/V-Gamut Reference Manual' (2014), section 2."""
PRIMARIES_CANON_CINEMA_GAMUT = ((0.740, 0.270), (0.170, 1.140), (0.080, -0.100))
"""Canon 'Cinema Gamut' (Canon Log white paper, 2014)."""
PRIMARIES_RED_WIDE_GAMUT = ((0.780308, 0.304253), (0.121595, 1.493994), (0.095612, -0.084589))
"""RED 'REDWideGamutRGB and Log3G10' white paper (IPP2)."""
PRIMARIES_DAVINCI_WIDE_GAMUT = ((0.8000, 0.3130), (0.1682, 0.9877), (0.0790, -0.1155))
"""Blackmagic 'DaVinci Wide Gamut Intermediate' document (DaVinci Resolve 17)."""


@dataclass(frozen=True)
class ColorSpace:
    """An RGB space: xy primaries (R, G, B), xy whitepoint and its usual transfer function name.

    ``primaries`` is None for CIE XYZ itself (its RGB-to-XYZ matrix is the identity).
    """

    name: str
    primaries: tuple[tuple[float, float], ...] | None
    whitepoint: tuple[float, float]
    transfer: str | None = None
    aliases: tuple[str, ...] = field(default=())


def _key(name: str) -> str:
    """Names compare case-insensitively, ignoring spaces, dots, dashes and underscores."""
    return re.sub(r"[\s._-]", "", str(name).lower())


_SPACES = (
    ColorSpace("sRGB", PRIMARIES_REC709, WHITEPOINT_D65, "srgb", ("srgb linear", "lin_srgb")),
    ColorSpace("Rec.709", PRIMARIES_REC709, WHITEPOINT_D65, "rec709", ("bt709", "bt.709", "itu-r bt.709")),
    ColorSpace("Rec.2020", PRIMARIES_REC2020, WHITEPOINT_D65, None, ("bt2020", "itu-r bt.2020")),
    ColorSpace("DCI-P3", PRIMARIES_P3, WHITEPOINT_DCI, "gamma26", ("p3-dci",)),
    ColorSpace("Display P3", PRIMARIES_P3, WHITEPOINT_D65, "srgb", ("p3-d65", "displayp3")),
    ColorSpace("P3-D60", PRIMARIES_P3, WHITEPOINT_ACES, "gamma26", ()),
    ColorSpace("ACES2065-1", PRIMARIES_ACES_AP0, WHITEPOINT_ACES, None, ("aces", "ap0", "aces ap0")),
    ColorSpace("ACEScg", PRIMARIES_ACES_AP1, WHITEPOINT_ACES, None, ("ap1", "aces ap1")),
    ColorSpace("Adobe RGB", PRIMARIES_ADOBE_RGB, WHITEPOINT_D65, "gamma22", ("adobe rgb (1998)",)),
    ColorSpace("ProPhoto RGB", PRIMARIES_PROPHOTO, WHITEPOINT_D50, None, ("prophoto", "romm rgb")),
    ColorSpace(
        "ARRI Wide Gamut 3", PRIMARIES_ARRI_WIDE_GAMUT_3, WHITEPOINT_D65, "arri_logc3", ("awg3", "alexa wide gamut")
    ),
    ColorSpace("ARRI Wide Gamut 4", PRIMARIES_ARRI_WIDE_GAMUT_4, WHITEPOINT_D65, "arri_logc4", ("awg4",)),
    ColorSpace("S-Gamut3", PRIMARIES_S_GAMUT3, WHITEPOINT_D65, "sony_slog3", ()),
    ColorSpace("S-Gamut3.Cine", PRIMARIES_S_GAMUT3_CINE, WHITEPOINT_D65, "sony_slog3", ()),
    ColorSpace("V-Gamut", PRIMARIES_V_GAMUT, WHITEPOINT_D65, "panasonic_vlog", ()),
    ColorSpace("Canon Cinema Gamut", PRIMARIES_CANON_CINEMA_GAMUT, WHITEPOINT_D65, None, ("cinema gamut",)),
    ColorSpace(
        "RED Wide Gamut RGB", PRIMARIES_RED_WIDE_GAMUT, WHITEPOINT_D65, "red_log3g10", ("rwg", "redwidegamutrgb")
    ),
    ColorSpace("DaVinci Wide Gamut", PRIMARIES_DAVINCI_WIDE_GAMUT, WHITEPOINT_D65, "davinci_intermediate", ("dwg",)),
    ColorSpace("CIE XYZ", None, WHITEPOINT_D65, None, ("xyz", "ciexyz", "xyz d65")),
)

COLOR_SPACES: dict[str, ColorSpace] = {s.name: s for s in _SPACES}
"""Every color space by canonical name; look names and aliases up with `color_space`."""

_BY_KEY: dict[str, ColorSpace] = {_key(n): s for s in _SPACES for n in (s.name, *s.aliases)}


def color_space(name: str | ColorSpace) -> ColorSpace:
    """The space called `name` (case-insensitive, aliases accepted); `NotFoundError` lists the known names."""
    if isinstance(name, ColorSpace):
        return name
    try:
        return _BY_KEY[_key(name)]
    except KeyError:
        raise NotFoundError(f"unknown color space {name!r}; known: {', '.join(COLOR_SPACES)}") from None
