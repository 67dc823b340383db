"""The ACES 2.x CG configs, built on the ACES 1.3 CG config's color spaces.

OpenColorIO 2.5 and 2.6 ship ``cg-config-v4.0.0_aces-v2.0_ocio-v2.5`` and
``cg-config-v5.0.0_aces-v2.1_ocio-v2.6`` (the ASWF "OpenColorIO-Config-ACES"
CG configs for ACES 2.0 and 2.1; 2.6's ``ocio://default``). Their scene color
spaces, look and named transforms are the ACES 1.3 config's
(`vfx_rs.ocio.builtin.aces_cg`) in another order with more aliases; the
displays mirror negative values (the ``- MIRROR NEGS`` display styles) and add
Gamma 2.2 Rec.709 and Display P3 HDR; the views are the ACES 2.0 output
transforms (`vfx_rs.color.aces` ``..._2.0`` styles), ``Un-tone-mapped`` and
``Video (colorimetric)`` (a display-referred identity), shown by viewing rule
to scene-linear and log spaces or to video spaces. The v5.0.0 config renames
``P3-D65 - Display`` to ``Gamma 2.6 P3-D65 - Display`` (the old name becomes
an alias).
"""

from __future__ import annotations

import dataclasses

from vfx_rs.ocio.builtin.aces_cg import named_transforms, scene_colorspaces
from vfx_rs.ocio.builtin.common import ROLES, builtin_transform, display_colorspace, gamut_compression_look
from vfx_rs.ocio.config import Config
from vfx_rs.ocio.model import ColorSpace, Display, FileRule, Transform, View, ViewingRule, ViewTransform

__all__ = [
    "ACES2_CG_CONFIGS",
    "ACES2_DISPLAY_ALIASES",
    "ACES2_SCENE_ALIASES",
    "CG_V4",
    "CG_V5",
    "SCENE_AND_LOG_RULE",
    "aces2_cg_config",
    "aces2_file_rules",
    "aces2_view_transform",
    "aces2_viewing_rules",
    "active_display_order",
    "display_spaces",
    "shared_views",
    "untonemapped",
    "video_colorimetric",
    "with_aliases",
]

CG_V4 = "cg-config-v4.0.0_aces-v2.0_ocio-v2.5"
CG_V5 = "cg-config-v5.0.0_aces-v2.1_ocio-v2.6"

ACES2_CG_CONFIGS = {CG_V4: (2, 5), CG_V5: (2, 6)}
"""The ACES 2.x CG configs built here and the OCIO profile version of each."""

ACES2_SCENE_ALIASES = {
    "ACEScc": ("ACES - ACEScc", "acescc_ap1", "ocio:acescc_ap1_scene"),
    "ACEScct": ("ACES - ACEScct", "acescct_ap1", "ocio:acescct_ap1_scene"),
    "sRGB Encoded Rec.709 (sRGB)": (
        "srgb_encoded_rec709_srgb",
        "srgb_texture",
        "srgb_rec709_scene",
        "Utility - sRGB - Texture",
        "Input - Generic - sRGB - Texture",
        "sRGB - Texture",
        "srgb_tx",
    ),
    "Gamma 1.8 Encoded Rec.709": (
        "g18_encoded_rec709",
        "g18_rec709",
        "Utility - Gamma 1.8 - Rec.709 - Texture",
        "Gamma 1.8 Rec.709 - Texture",
        "g18_rec709_tx",
        "g18_rec709_scene",
    ),
    "Gamma 2.2 Encoded Rec.709": (
        "g22_encoded_rec709",
        "g22_rec709",
        "Utility - Gamma 2.2 - Rec.709 - Texture",
        "Gamma 2.2 Rec.709 - Texture",
        "g22_rec709_tx",
        "g22_rec709_scene",
    ),
    "Gamma 2.4 Encoded Rec.709": (
        "g24_encoded_rec709",
        "g24_rec709",
        "rec709_display",
        "Utility - Rec.709 - Display",
        "Gamma 2.4 Rec.709 - Texture",
        "g24_rec709_tx",
        "ocio:g24_rec709_scene",
    ),
    "Linear AdobeRGB": ("lin_adobergb", "lin_adobergb_scene", "Utility - Linear - Adobe RGB"),
    "Linear P3-D65": (
        "lin_p3d65",
        "lin_displayp3",
        "lin_p3d65_scene",
        "Utility - Linear - P3-D65",
        "Linear Display P3",
    ),
    "Linear Rec.2020": ("lin_rec2020", "lin_rec2020_scene", "Utility - Linear - Rec.2020"),
    "Linear Rec.709 (sRGB)": (
        "lin_rec709_srgb",
        "lin_rec709",
        "lin_rec709_scene",
        "lin_srgb",
        "Utility - Linear - sRGB",
        "Utility - Linear - Rec.709",
    ),
}
"""Aliases of the scene color spaces where the ACES 2.x configs (v4.0.0) differ from ACES 1.3; v5.0.0 adds
``g24_rec709_scene`` to Gamma 2.4 Encoded Rec.709."""

_SCENE_ORDER = (
    "ACES2065-1",
    "ACEScc",
    "ACEScct",
    "ACEScg",
    "sRGB Encoded Rec.709 (sRGB)",
    "Gamma 1.8 Encoded Rec.709",
    "Gamma 2.2 Encoded Rec.709",
    "Gamma 2.4 Encoded Rec.709",
    "sRGB Encoded P3-D65",
    "Gamma 2.2 Encoded AdobeRGB",
    "sRGB Encoded AP1",
    "Gamma 2.2 Encoded AP1",
    "CIE XYZ-D65 - Scene-referred",
    "Linear AdobeRGB",
    "Linear P3-D65",
    "Linear Rec.2020",
    "Linear Rec.709 (sRGB)",
    "Raw",
)
"""The scene color spaces in the ACES 2.x CG configs' order."""

_MIRROR = " - MIRROR NEGS"

ACES2_DISPLAY_ALIASES = {
    "CIE XYZ-D65 - Display-referred": ("cie_xyz_d65_display", "lin_ciexyzd65_display", "ocio:lin_ciexyzd65_display"),
    "sRGB - Display": ("srgb_display", "srgb_rec709_display"),
    "Gamma 2.2 Rec.709 - Display": ("g22_rec709_display",),
    "Display P3 - Display": ("displayp3_display", "srgb_p3d65_display"),
    "Display P3 HDR - Display": ("displayp3_hdr_display", "srgbe_p3d65_display"),
    "P3-D65 - Display": ("p3d65_display", "g26_p3d65_display"),
    "Gamma 2.6 P3-D65 - Display": ("g26_p3d65_display", "P3-D65 - Display", "p3d65_display"),
    "Rec.1886 Rec.709 - Display": ("rec1886_rec709_display", "g24_rec709_display"),
    "Rec.2100-HLG - Display": ("rec2100_hlg_display", "hlg_rec2020_display"),
    "Rec.2100-PQ - Display": ("rec2100_pq_display", "pq_rec2020_display"),
    "ST2084-P3-D65 - Display": ("st2084_p3d65_display", "pq_p3d65_display"),
}
"""Aliases of the display color spaces of the ACES 2.x configs."""

_DISPLAY_STYLES = {
    "sRGB - Display": ("sdr-video", "sRGB" + _MIRROR),
    "Gamma 2.2 Rec.709 - Display": ("sdr-video", "G2.2-REC.709" + _MIRROR),
    "Display P3 - Display": ("sdr-video", "DisplayP3"),
    "Display P3 HDR - Display": ("edr-video", "DisplayP3-HDR"),
    "P3-D65 - Display": ("sdr-video", "G2.6-P3-D65" + _MIRROR),
    "Gamma 2.6 P3-D65 - Display": ("sdr-video", "G2.6-P3-D65" + _MIRROR),
    "Rec.1886 Rec.709 - Display": ("sdr-video", "REC.1886-REC.709" + _MIRROR),
    "Rec.2100-HLG - Display": ("hdr-video", "REC.2100-HLG-1000nit"),
    "Rec.2100-PQ - Display": ("hdr-video", "REC.2100-PQ"),
    "ST2084-P3-D65 - Display": ("hdr-video", "ST2084-P3-D65"),
}
"""Encoding and ``DISPLAY - CIE-XYZ-D65_to_...`` style of each display color space of the ACES 2.x configs."""

SCENE_AND_LOG_RULE = "Any Scene-linear or Log"
_VIDEO_RULE = "Any Video"
_UNTONEMAPPED = "Un-tone-mapped"
_VIDEO = "Video (colorimetric)"


def aces2_viewing_rules() -> list[ViewingRule]:
    """The ACES 2.x configs' viewing rules: ACES views for scene-linear and log spaces, the video view for video."""
    return [
        ViewingRule(SCENE_AND_LOG_RULE, encodings=("log", "scene-linear")),
        ViewingRule(_VIDEO_RULE, encodings=("sdr-video", "hdr-video", "edr-video", "display-linear")),
    ]


def aces2_file_rules() -> list[FileRule]:
    """EXR files are ACES2065-1, movies Rec.1886 Rec.709, anything else sRGB (the ACES 2.x configs' file rules)."""
    return [
        FileRule("EXR", "ACES2065-1", pattern="*", extension="exr"),
        FileRule("Movies", "Rec.1886 Rec.709 - Display", regex=r".*\.([mM][pP]4|[mM][oO][vV]|[mM][xX][fF])$"),
        FileRule("Default", "sRGB - Display"),
    ]


def aces2_view_transform(name: str, style: str) -> ViewTransform:
    """A view transform from ACES2065-1 to CIE XYZ (D65) through the ACES 2.0 output ``style`` (after
    ``ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - ``)."""
    full = "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - " + style
    return ViewTransform(
        name=name, description=f"ACES2065-1 to CIE XYZ (D65) through {full}", from_reference=builtin_transform(full)
    )


def video_colorimetric() -> ViewTransform:
    """``Video (colorimetric)``: the display-referred identity, so a video space shows as its display encodes it."""
    identity = [1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    return ViewTransform(
        name=_VIDEO,
        reference="display",
        description="Display-referred identity: video color spaces shown as their display encodes them",
        from_reference=Transform("Matrix", {"matrix": identity}),
    )


def untonemapped() -> ViewTransform:
    """``Un-tone-mapped``: ACES2065-1 to CIE XYZ (D65) by the Bradford-adapted matrix alone."""
    return ViewTransform(
        name=_UNTONEMAPPED,
        description="ACES2065-1 to CIE XYZ (D65), no tone mapping",
        from_reference=builtin_transform("UTILITY - ACES-AP0_to_CIE-XYZ-D65_BFD"),
    )


def with_aliases(spaces: list[ColorSpace], aliases: dict[str, tuple[str, ...]]) -> list[ColorSpace]:
    """`spaces` with the aliases of `aliases` where it names them."""
    return [dataclasses.replace(cs, aliases=aliases[cs.name]) if cs.name in aliases else cs for cs in spaces]


def display_spaces(names: list[str]) -> list[ColorSpace]:
    """The CIE XYZ display connection space and the ACES 2.x display color spaces `names`, in that order."""
    xyz = ColorSpace(
        name="CIE XYZ-D65 - Display-referred",
        reference="display",
        aliases=ACES2_DISPLAY_ALIASES["CIE XYZ-D65 - Display-referred"],
        encoding="display-linear",
        bitdepth="32f",
        description="The CIE XYZ (D65) display connection space",
    )
    return [xyz, *(display_colorspace(n, ACES2_DISPLAY_ALIASES[n], *_DISPLAY_STYLES[n]) for n in names)]


def _scene_spaces(version: str) -> list[ColorSpace]:
    aliases = dict(ACES2_SCENE_ALIASES)
    if version == CG_V5:
        aliases["Gamma 2.4 Encoded Rec.709"] = (*aliases["Gamma 2.4 Encoded Rec.709"], "g24_rec709_scene")
    by_name = {cs.name: cs for cs in with_aliases(scene_colorspaces(), aliases)}
    return [by_name[n] for n in _SCENE_ORDER]


_VIEW_TRANSFORMS = (
    ("ACES 2.0 - SDR 100 nits (Rec.709)", "SDR-100nit-REC709_2.0"),
    ("ACES 2.0 - SDR 100 nits (P3 D65)", "SDR-100nit-P3-D65_2.0"),
    ("ACES 2.0 - HDR 1000 nits (P3 D65)", "HDR-1000nit-P3-D65_2.0"),
    ("ACES 2.0 - HDR 1000 nits (Rec.2020)", "HDR-1000nit-REC2020_2.0"),
)
"""The CG configs' ACES 2.0 view transforms (shared views of the same names) and their output styles."""


def _displays(version: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each display of the CG config in config order and its shared views (after ``Raw``)."""
    sdr709, sdr_p3, hdr_p3, hdr_2020 = (n for n, _ in _VIEW_TRANSFORMS)
    tail = (_UNTONEMAPPED, _VIDEO)
    p3 = ("Gamma 2.6 P3-D65 - Display", (sdr_p3, sdr709, *tail))
    if version == CG_V4:
        p3 = ("P3-D65 - Display", (sdr_p3, _UNTONEMAPPED, sdr709, _VIDEO))
    return [
        ("sRGB - Display", (sdr709, *tail)),
        ("Gamma 2.2 Rec.709 - Display", (sdr709, *tail)),
        ("Display P3 - Display", (sdr_p3, *tail)),
        ("Display P3 HDR - Display", (hdr_p3, sdr709, *tail)),
        p3,
        ("Rec.1886 Rec.709 - Display", (sdr709, *tail)),
        ("Rec.2100-PQ - Display", (hdr_p3, hdr_2020, sdr709, *tail)),
        ("ST2084-P3-D65 - Display", (hdr_p3, sdr709, *tail)),
    ]


def shared_views(view_transforms: list[ViewTransform]) -> list[View]:
    """One shared view per view transform, on the display of the same name, ruled by `aces2_viewing_rules`."""
    return [
        View(
            name=vt.name,
            view_transform=vt.name,
            display_colorspace="<USE_DISPLAY_NAME>",
            rule=_VIDEO_RULE if vt.name == _VIDEO else SCENE_AND_LOG_RULE,
        )
        for vt in view_transforms
    ]


def active_display_order(names: list[str]) -> list[str]:
    """The ACES 2.x configs' active display order: sRGB and Display P3 first, then the others as listed."""
    first = [n for n in ("sRGB - Display", "Display P3 - Display", "Display P3 HDR - Display") if n in names]
    return first + [n for n in names if n not in first]


def aces2_cg_config(version: str) -> Config:
    """A new `Config` equal in names and conversions to OCIO's built-in ACES 2.x CG config `version`."""
    displays = _displays(version)
    view_transforms = [
        untonemapped(),
        video_colorimetric(),
        *(aces2_view_transform(n, s) for n, s in _VIEW_TRANSFORMS),
    ]
    shared = shared_views(view_transforms)
    return Config(
        path=f"ocio://{version}",
        version=ACES2_CG_CONFIGS[version],
        name=version,
        description=f"ACES {'2.0' if version == CG_V4 else '2.1'} CG config (OpenColorIO-Config-ACES), built by vfx_rs",
        roles=ROLES,
        default_view_transform=_UNTONEMAPPED,
        active_displays=active_display_order([n for n, _ in displays]),
        active_views=[*(_VIEW_TRANSFORMS[i][0] for i in (2, 3, 1, 0)), _UNTONEMAPPED, _VIDEO, "Raw"],
        inactive_colorspaces=("CIE XYZ-D65 - Display-referred", "CIE XYZ-D65 - Scene-referred"),
        colorspaces=[*display_spaces([n for n, _ in displays]), *_scene_spaces(version)],
        shared_views=shared,
        displays=[Display(name, (View(name="Raw", colorspace="Raw"),), views) for name, views in displays],
        looks=[gamut_compression_look()],
        view_transforms=view_transforms,
        named_transforms=named_transforms(),
        file_rules=aces2_file_rules(),
        viewing_rules=aces2_viewing_rules(),
    )
