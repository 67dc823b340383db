"""The ACES 1.3 CG config, built from `vfx_rs.color` definitions.

It holds the same color spaces (with their aliases, families, categories and
encodings), roles, displays, views, view transforms, looks, named transforms
and file rule as OpenColorIO's built-in ``cg-config-v2.2.0_aces-v1.3_ocio-v2.4``
(the ASWF "OpenColorIO-Config-ACES" CG config v2.2.0 for ACES 1.3), as its
published reference lists them. Every matrix is derived here from the
primaries and white points of `vfx_rs.color.spaces` (Bradford adaptation
between the ACES and D65 whites); the curves are the sRGB moncurve
(IEC 61966-2-1), pure powers, and the BuiltinTransform styles of
`vfx_rs.ocio.builtin_transforms`.
"""

from __future__ import annotations

from typing import Any

from vfx_rs.color import rgb_to_rgb_matrix
from vfx_rs.ocio.builtin.common import ROLES, builtin_transform, display_colorspace, gamut_compression_look
from vfx_rs.ocio.builtin_displays import SRGB_MONCURVE
from vfx_rs.ocio.config import Config
from vfx_rs.ocio.model import (
    ColorSpace,
    Display,
    FileRule,
    NamedTransform,
    Transform,
    View,
    ViewTransform,
)

__all__ = ["ADOBE_RGB_GAMMA", "CG_CONFIG_NAME", "aces_cg_config", "named_transforms", "scene_colorspaces"]

CG_CONFIG_NAME = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
"""The OCIO built-in config this one reproduces (OCIO 2.4 and later)."""

ADOBE_RGB_GAMMA = 563.0 / 256.0
"""Adobe RGB (1998) encoding gamma, 2 51/256 = 2.19921875 (Adobe RGB (1998) Color Image Encoding, 2005-05, 4.3.4.2)."""

_FILE_IO = ("file-io",)
_TEXTURE = ("file-io", "texture")
_WORKING = ("file-io", "working-space", "texture")


def _matrix(dst: str) -> Transform:
    """ACES2065-1 to linear `dst`, Bradford adaptation (as the config's ``AP0 to ...`` matrices)."""
    m = rgb_to_rgb_matrix("ACES2065-1", dst, "bradford")
    rows = [[*row, 0.0] for row in m.tolist()]
    return Transform("Matrix", {"matrix": [v for row in rows for v in row] + [0.0, 0.0, 0.0, 1.0]})


def _srgb_encode() -> Transform:
    gamma, offset = SRGB_MONCURVE
    return Transform("ExponentWithLinear", {"gamma": gamma, "offset": offset}, inverse=True)


def _power_encode(gamma: float) -> Transform:
    return Transform("Exponent", {"value": gamma, "style": "pass_thru"}, inverse=True)


def _group(*children: Transform) -> Transform:
    return Transform("Group", children=children)


def _scene(name: str, aliases: tuple[str, ...], categories: tuple[str, ...], encoding: str, **kw: Any) -> ColorSpace:
    return ColorSpace(name=name, aliases=aliases, categories=categories, encoding=encoding, bitdepth="32f", **kw)


def _utility(
    name: str, aliases: tuple[str, ...], dst: str, curve: Transform | None, categories: tuple[str, ...] = _TEXTURE
) -> ColorSpace:
    encoding = "scene-linear" if curve is None else "sdr-video"
    transform = _group(_matrix(dst)) if curve is None else _group(_matrix(dst), curve)
    desc = f"ACES2065-1 to {name}: {dst} primaries" + ("" if curve is None else ", encoded")
    return _scene(name, aliases, categories, encoding, family="Utility", description=desc, from_reference=transform)


def scene_colorspaces() -> list[ColorSpace]:
    """The scene-referred color spaces of the ACES CG configs, in the ACES 1.3 config's order with its aliases."""
    aces = "ACES"
    return [
        _scene(
            "ACES2065-1",
            ("aces2065_1", "aces", "ACES - ACES2065-1", "lin_ap0", "lin_ap0_scene"),
            _TEXTURE,
            "scene-linear",
            family=aces,
            description="The Academy Color Encoding System reference space (SMPTE ST 2065-1, AP0 primaries)",
        ),
        _scene(
            "ACEScc",
            ("ACES - ACEScc", "acescc_ap1"),
            _FILE_IO,
            "log",
            family=aces,
            description="ACEScc (ACES S-2014-003) to ACES2065-1",
            to_reference=builtin_transform("ACEScc_to_ACES2065-1"),
        ),
        _scene(
            "ACEScct",
            ("ACES - ACEScct", "acescct_ap1"),
            ("file-io", "working-space"),
            "log",
            family=aces,
            description="ACEScct (ACES S-2016-001) to ACES2065-1",
            to_reference=builtin_transform("ACEScct_to_ACES2065-1"),
        ),
        _scene(
            "ACEScg",
            ("ACES - ACEScg", "lin_ap1", "lin_ap1_scene"),
            _WORKING,
            "scene-linear",
            family=aces,
            description="ACEScg (ACES S-2014-004, AP1 primaries) to ACES2065-1",
            to_reference=builtin_transform("ACEScg_to_ACES2065-1"),
        ),
        _utility(
            "sRGB Encoded Rec.709 (sRGB)",
            (
                "srgb_encoded_rec709_srgb",
                "Utility - sRGB - Texture",
                "srgb_texture",
                "srgb_rec709_scene",
                "Input - Generic - sRGB - Texture",
                "sRGB - Texture",
                "srgb_tx",
            ),
            "sRGB",
            _srgb_encode(),
        ),
        _utility(
            "Gamma 1.8 Encoded Rec.709",
            (
                "g18_encoded_rec709",
                "Utility - Gamma 1.8 - Rec.709 - Texture",
                "g18_rec709",
                "Gamma 1.8 Rec.709 - Texture",
                "g18_rec709_tx",
                "g18_rec709_scene",
            ),
            "Rec.709",
            _power_encode(1.8),
        ),
        _utility(
            "Gamma 2.2 Encoded Rec.709",
            (
                "g22_encoded_rec709",
                "Utility - Gamma 2.2 - Rec.709 - Texture",
                "g22_rec709",
                "Gamma 2.2 Rec.709 - Texture",
                "g22_rec709_tx",
                "g22_rec709_scene",
            ),
            "Rec.709",
            _power_encode(2.2),
        ),
        _utility(
            "Gamma 2.4 Encoded Rec.709",
            (
                "g24_encoded_rec709",
                "g24_rec709",
                "rec709_display",
                "Utility - Rec.709 - Display",
                "Gamma 2.4 Rec.709 - Texture",
                "g24_rec709_tx",
            ),
            "Rec.709",
            _power_encode(2.4),
        ),
        _utility(
            "sRGB Encoded P3-D65",
            (
                "srgb_encoded_p3d65",
                "srgb_p3d65",
                "srgb_displayp3",
                "srgb_p3d65_scene",
                "sRGB Encoded P3-D65 - Texture",
                "srgb_encoded_p3d65_tx",
            ),
            "Display P3",
            _srgb_encode(),
        ),
        _utility(
            "Gamma 2.2 Encoded AdobeRGB",
            ("g22_encoded_adobergb", "adobergb", "g22_adobergb_scene"),
            "Adobe RGB",
            _power_encode(ADOBE_RGB_GAMMA),
        ),
        _utility(
            "sRGB Encoded AP1",
            ("srgb_encoded_ap1", "srgb_ap1", "srgb_ap1_scene", "sRGB Encoded AP1 - Texture", "srgb_encoded_ap1_tx"),
            "ACEScg",
            _srgb_encode(),
        ),
        _utility(
            "Gamma 2.2 Encoded AP1",
            ("g22_encoded_ap1", "g22_ap1", "Gamma 2.2 AP1 - Texture", "g22_ap1_tx", "g22_ap1_scene"),
            "ACEScg",
            _power_encode(2.2),
        ),
        _utility(
            "Linear Rec.709 (sRGB)",
            (
                "lin_rec709_srgb",
                "Utility - Linear - Rec.709",
                "lin_rec709",
                "lin_rec709_scene",
                "lin_srgb",
                "Utility - Linear - sRGB",
            ),
            "Rec.709",
            None,
            _WORKING,
        ),
        _utility(
            "Linear P3-D65",
            ("lin_p3d65", "Utility - Linear - P3-D65", "lin_displayp3", "lin_p3d65_scene", "Linear Display P3"),
            "Display P3",
            None,
            _WORKING,
        ),
        _utility(
            "Linear AdobeRGB",
            ("lin_adobergb", "Utility - Linear - Adobe RGB", "lin_adobergb_scene"),
            "Adobe RGB",
            None,
        ),
        _utility(
            "Linear Rec.2020", ("lin_rec2020", "Utility - Linear - Rec.2020", "lin_rec2020_scene"), "Rec.2020", None
        ),
        _utility(
            "CIE XYZ-D65 - Scene-referred",
            ("cie_xyz_d65_scene", "lin_ciexyzd65_scene"),
            "CIE XYZ",
            None,
            _FILE_IO,
        ),
        _scene(
            "Raw",
            ("Utility - Raw", "none"),
            _TEXTURE,
            "data",
            family="Utility",
            description="Data: no color conversion applies",
            isdata=True,
        ),
    ]


_DISPLAYS = (
    ("sRGB - Display", ("srgb_display",), "sdr-video", "sRGB"),
    ("Display P3 - Display", ("displayp3_display",), "sdr-video", "DisplayP3"),
    ("Rec.1886 Rec.709 - Display", ("rec1886_rec709_display",), "sdr-video", "REC.1886-REC.709"),
    ("Rec.2100-PQ - Display", ("rec2100_pq_display",), "hdr-video", "REC.2100-PQ"),
    ("ST2084-P3-D65 - Display", ("st2084_p3d65_display",), "hdr-video", "ST2084-P3-D65"),
    ("P3-D65 - Display", ("p3d65_display",), "sdr-video", "G2.6-P3-D65"),
)
"""Display color spaces: name, aliases, encoding, and the ``DISPLAY - CIE-XYZ-D65_to_...`` style they use."""

_VIEW_TRANSFORMS = (
    ("ACES 1.0 - SDR Video", "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO_1.0"),
    (
        "ACES 1.1 - HDR Video (1000 nits & Rec.2020 lim)",
        "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-1000nit-15nit-REC2020lim_1.1",
    ),
    (
        "ACES 1.1 - HDR Video (1000 nits & P3 lim)",
        "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-1000nit-15nit-P3lim_1.1",
    ),
    ("ACES 1.0 - SDR Cinema", "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-CINEMA_1.0"),
    ("Un-tone-mapped", "UTILITY - ACES-AP0_to_CIE-XYZ-D65_BFD"),
)
"""View transforms (also the shared views, in this order) and the BuiltinTransform style of each."""

_DISPLAY_VIEWS = {
    "sRGB - Display": "ACES 1.0 - SDR Video",
    "Display P3 - Display": "ACES 1.0 - SDR Video",
    "Rec.1886 Rec.709 - Display": "ACES 1.0 - SDR Video",
    "Rec.2100-PQ - Display": "ACES 1.1 - HDR Video (1000 nits & Rec.2020 lim)",
    "ST2084-P3-D65 - Display": "ACES 1.1 - HDR Video (1000 nits & P3 lim)",
    "P3-D65 - Display": "ACES 1.0 - SDR Cinema",
}
"""Each display's ACES view; every display also has ``Raw`` and ``Un-tone-mapped``."""


def _display_colorspaces() -> list[ColorSpace]:
    spaces = [
        ColorSpace(
            name="CIE XYZ-D65 - Display-referred",
            reference="display",
            aliases=("cie_xyz_d65_display", "lin_ciexyzd65_display"),
            encoding="display-linear",
            bitdepth="32f",
            description="The CIE XYZ (D65) display connection space",
        )
    ]
    spaces += [display_colorspace(*entry) for entry in _DISPLAYS]
    return spaces


def named_transforms() -> list[NamedTransform]:
    """The CG configs' named transforms (the sRGB and Rec.1886 curves)."""
    return [
        NamedTransform(
            name="sRGB - Curve",
            aliases=("srgb_crv", "Utility - Curve - sRGB", "crv_srgb"),
            family="Utility",
            categories=_FILE_IO,
            encoding="sdr-video",
            description="sRGB encoded RGB to linear RGB (IEC 61966-2-1)",
            inverse_transform=_group(_srgb_encode()),
        ),
        NamedTransform(
            name="Rec.1886 - Curve",
            aliases=("rec1886_crv", "Utility - Curve - Rec.1886", "crv_rec1886"),
            family="Utility",
            categories=_FILE_IO,
            encoding="sdr-video",
            description="Rec.1886 encoded RGB to linear RGB (ITU-R BT.1886, gamma 2.4)",
            inverse_transform=_group(_power_encode(2.4)),
        ),
    ]


def aces_cg_config() -> Config:
    """A new `Config` equal in names and conversions to OCIO's ``cg-config-v2.2.0_aces-v1.3_ocio-v2.4``."""
    shared = [View(name=n, view_transform=n, display_colorspace="<USE_DISPLAY_NAME>") for n, _ in _VIEW_TRANSFORMS]
    displays = [
        Display(name, (View(name="Raw", colorspace="Raw"),), (view, "Un-tone-mapped"))
        for name, view in _DISPLAY_VIEWS.items()
    ]
    return Config(
        path=f"ocio://{CG_CONFIG_NAME}",
        version=(2, 4),
        name=CG_CONFIG_NAME,
        description="ACES 1.3 CG config (OpenColorIO-Config-ACES CG config v2.2.0), built by vfx_rs",
        roles=ROLES,
        default_view_transform="Un-tone-mapped",
        active_displays=list(_DISPLAY_VIEWS),
        active_views=[n for n, _ in _VIEW_TRANSFORMS] + ["Raw"],
        inactive_colorspaces=("CIE XYZ-D65 - Display-referred", "CIE XYZ-D65 - Scene-referred"),
        colorspaces=[*_display_colorspaces(), *scene_colorspaces()],
        shared_views=shared,
        displays=displays,
        looks=[gamut_compression_look()],
        view_transforms=[
            ViewTransform(
                name=n,
                description=f"ACES2065-1 to CIE XYZ (D65) through {style}",
                from_reference=builtin_transform(style),
            )
            for n, style in _VIEW_TRANSFORMS
        ],
        named_transforms=named_transforms(),
        file_rules=[FileRule("Default", "ACES2065-1")],
    )
