"""The ACES 1.3 studio config, built from `vfx_rs.color` definitions on top of the CG config.

OpenColorIO's built-in ``studio-config-v2.2.0_aces-v1.3_ocio-v2.4`` (the ASWF
"OpenColorIO-Config-ACES" studio config v2.2.0 for ACES 1.3) holds every color
space, look and named transform of the CG config (`vfx_rs.ocio.builtin.aces_cg`),
plus the camera color spaces (`vfx_rs.ocio.builtin.studio_cameras`),
``Camera Rec.709``, four more displays (Rec.1886 Rec.2020, Rec.2100-HLG,
P3-D60, P3-DCI), the other ACES 1.x output transforms as view transforms, and
the camera log curves, BT.709 and ST 2084 as named transforms.
"""

from __future__ import annotations

from vfx_rs.ocio.builtin.aces_cg import aces_cg_config
from vfx_rs.ocio.builtin.common import builtin_transform, display_colorspace
from vfx_rs.ocio.builtin.studio_cameras import (
    REC709_CAMERA_CURVE,
    camera_colorspaces,
    camera_rec709,
    group,
    log_camera,
)
from vfx_rs.ocio.config import Config
from vfx_rs.ocio.model import ColorSpace, Display, NamedTransform, Transform, View, ViewTransform

__all__ = ["STUDIO_CONFIG_NAME", "aces_studio_config", "studio_named_transforms"]

STUDIO_CONFIG_NAME = "studio-config-v2.2.0_aces-v1.3_ocio-v2.4"
"""The OCIO built-in config this one reproduces (OCIO 2.4 and later)."""

_FILE_IO = ("file-io",)

_DISPLAYS = (
    ("sRGB - Display", None, ("ACES 1.0 - SDR Video", "ACES 1.0 - SDR Video (D60 sim on D65)")),
    ("Display P3 - Display", None, ("ACES 1.0 - SDR Video", "ACES 1.0 - SDR Video (D60 sim on D65)")),
    ("Rec.1886 Rec.709 - Display", None, ("ACES 1.0 - SDR Video", "ACES 1.0 - SDR Video (D60 sim on D65)")),
    (
        "Rec.1886 Rec.2020 - Display",
        ("rec1886_rec2020_display", "sdr-video", "REC.1886-REC.2020"),
        ("ACES 1.0 - SDR Video", "ACES 1.1 - SDR Video (P3 lim)", "ACES 1.1 - SDR Video (Rec.709 lim)"),
    ),
    (
        "Rec.2100-HLG - Display",
        ("rec2100_hlg_display", "hdr-video", "REC.2100-HLG-1000nit"),
        ("ACES 1.1 - HDR Video (1000 nits & Rec.2020 lim)",),
    ),
    (
        "Rec.2100-PQ - Display",
        None,
        tuple(f"ACES 1.1 - HDR Video ({n} nits & Rec.2020 lim)" for n in (1000, 2000, 4000)),
    ),
    (
        "ST2084-P3-D65 - Display",
        None,
        (
            *(f"ACES 1.1 - HDR Video ({n} nits & P3 lim)" for n in (1000, 2000, 4000)),
            "ACES 1.1 - HDR Cinema (108 nits & P3 lim)",
        ),
    ),
    ("P3-D60 - Display", ("p3d60_display", "sdr-video", "G2.6-P3-D60-BFD"), ("ACES 1.0 - SDR Cinema",)),
    (
        "P3-D65 - Display",
        None,
        ("ACES 1.0 - SDR Cinema", "ACES 1.1 - SDR Cinema (Rec.709 lim)", "ACES 1.1 - SDR Cinema (D60 sim on D65)"),
    ),
    (
        "P3-DCI - Display",
        ("p3_dci_display", "sdr-video", "G2.6-P3-DCI-BFD"),
        ("ACES 1.0 - SDR Cinema (D60 sim on DCI)", "ACES 1.1 - SDR Cinema (D65 sim on DCI)"),
    ),
)
"""Displays in config order: name, (alias, encoding, ``DISPLAY - CIE-XYZ-D65_to_...`` style) for the displays the
CG config lacks, and the ACES views besides ``Raw`` and ``Un-tone-mapped``."""

_OUTPUT = "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - "

_VIEW_TRANSFORMS = (
    ("ACES 1.0 - SDR Video", "SDR-VIDEO_1.0"),
    ("ACES 1.0 - SDR Video (D60 sim on D65)", "SDR-VIDEO-D60sim-D65_1.0"),
    ("ACES 1.1 - SDR Video (P3 lim)", "SDR-VIDEO-P3lim_1.1"),
    ("ACES 1.1 - SDR Video (Rec.709 lim)", "SDR-VIDEO-REC709lim_1.1"),
    *(
        (f"ACES 1.1 - HDR Video ({n} nits & Rec.2020 lim)", f"HDR-VIDEO-{n}nit-15nit-REC2020lim_1.1")
        for n in (1000, 2000, 4000)
    ),
    *((f"ACES 1.1 - HDR Video ({n} nits & P3 lim)", f"HDR-VIDEO-{n}nit-15nit-P3lim_1.1") for n in (1000, 2000, 4000)),
    ("ACES 1.0 - SDR Cinema", "SDR-CINEMA_1.0"),
    ("ACES 1.1 - SDR Cinema (Rec.709 lim)", "SDR-CINEMA-REC709lim_1.1"),
    ("ACES 1.0 - SDR Cinema (D60 sim on DCI)", "SDR-CINEMA-D60sim-DCI_1.0"),
    ("ACES 1.1 - SDR Cinema (D60 sim on D65)", "SDR-CINEMA-D60sim-D65_1.1"),
    ("ACES 1.1 - SDR Cinema (D65 sim on DCI)", "SDR-CINEMA-D65sim-DCI_1.1"),
    ("ACES 1.1 - HDR Cinema (108 nits & P3 lim)", "HDR-CINEMA-108nit-7.2nit-P3lim_1.1"),
)
"""The ACES view transforms in config order and their ``ACES-OUTPUT`` styles (after `_OUTPUT`); the CG config's
``Un-tone-mapped`` follows them."""


def _display_colorspaces(cg: Config) -> list[ColorSpace]:
    spaces = [cg.colorspace("CIE XYZ-D65 - Display-referred")]
    for name, new, _ in _DISPLAYS:
        if new is None:
            spaces.append(cg.colorspace(name))
            continue
        alias, encoding, style = new
        spaces.append(display_colorspace(name, (alias,), encoding, style))
    return spaces


def _scene_colorspaces(cg: Config) -> list[ColorSpace]:
    spaces: list[ColorSpace] = []
    for cs in cg.colorspaces.values():
        if cs.reference == "display":
            continue
        spaces.append(cs)
        if cs.name == "ACEScg":
            spaces += camera_colorspaces()
        elif cs.name == "Gamma 2.4 Encoded Rec.709":
            spaces.append(camera_rec709())
    return spaces


_CURVES = (
    ("Apple Log - Curve", ("apple_log_crv",), "Input/Apple", "apple_log"),
    (
        "ARRI LogC3 - Curve (EI800)",
        ("arri_logc3_crv_ei800", "Input - ARRI - Curve - V3 LogC (EI800)", "crv_logc3ei800"),
        "Input/ARRI",
        "arri_logc3",
    ),
    ("ARRI LogC4 - Curve", ("arri_logc4_crv",), "Input/ARRI", "arri_logc4"),
    ("BMDFilm Gen5 Log - Curve", ("bmdfilm_gen5_log_crv",), "Input/BlackmagicDesign", "blackmagic_film_gen5"),
    (
        "DaVinci Intermediate Log - Curve",
        ("davinci_intermediate_log_crv",),
        "Input/BlackmagicDesign",
        "davinci_intermediate",
    ),
    ("C-Log2 - Curve", ("clog2_crv", "Input - Canon - Curve - Canon-Log2", "crv_canonlog2"), "Input/Canon", "2"),
    ("C-Log3 - Curve", ("clog3_crv", "Input - Canon - Curve - Canon-Log3", "crv_canonlog3"), "Input/Canon", "3"),
    (
        "V-Log - Curve",
        ("vlog_crv", "Input - Panasonic - Curve - V-Log", "crv_vlog"),
        "Input/Panasonic",
        "panasonic_vlog",
    ),
    ("Log3G10 - Curve", ("log3g10_crv", "Input - RED - Curve - REDLog3G10", "crv_rl3g10"), "Input/RED", "red_log3g10"),
    ("S-Log3 - Curve", ("slog3_crv", "Input - Sony - Curve - S-Log3", "crv_slog3"), "Input/Sony", "sony_slog3"),
)
"""Camera curve named transforms: name, aliases, family and the `vfx_rs.color` curve (the Canon Log number for
Canon, whose curves are BuiltinTransform tables)."""


def _curve_transform(curve: str) -> Transform:
    if curve in ("2", "3"):
        return builtin_transform(f"CURVE - CANON_CLOG{curve}_to_LINEAR")
    if curve == "apple_log":
        return builtin_transform("CURVE - APPLE_LOG_to_LINEAR")
    return group(log_camera(curve))


def studio_named_transforms(cg: Config) -> list[NamedTransform]:
    """The studio config's named transforms: camera log curves, the CG config's, BT.709 and ST 2084."""
    cameras = [
        NamedTransform(
            name=name,
            aliases=aliases,
            family=family,
            categories=_FILE_IO,
            encoding="log",
            description=f"{name.removesuffix(' - Curve')} encoded values to linear",
            transform=_curve_transform(curve),
        )
        for name, aliases, family, curve in _CURVES
    ]
    gamma, offset = REC709_CAMERA_CURVE
    utility = [
        NamedTransform(
            name="Rec.709 - Curve",
            aliases=("rec709_crv", "Utility - Curve - Rec.709", "crv_rec709"),
            family="Utility/ITU",
            categories=_FILE_IO,
            encoding="sdr-video",
            description="BT.709 camera OETF encoded RGB to linear RGB (ITU-R BT.709-6, 1.2)",
            inverse_transform=group(Transform("ExponentWithLinear", {"gamma": gamma, "offset": offset}, inverse=True)),
        ),
        NamedTransform(
            name="ST-2084 - Curve",
            aliases=("st_2084_crv",),
            family="Utility",
            categories=_FILE_IO,
            encoding="hdr-video",
            description="SMPTE ST 2084 (PQ) code values to linear (1.0 = 100 cd/m2)",
            inverse_transform=builtin_transform("CURVE - LINEAR_to_ST-2084"),
        ),
    ]
    return [*cameras, *cg.named_transforms.values(), *utility]


def aces_studio_config() -> Config:
    """A new `Config` equal in names and conversions to OCIO's ``studio-config-v2.2.0_aces-v1.3_ocio-v2.4``."""
    cg = aces_cg_config()
    untonemapped = cg.view_transforms["Un-tone-mapped"]
    view_transforms = [
        ViewTransform(
            name=n,
            description=f"ACES2065-1 to CIE XYZ (D65) through {_OUTPUT}{s}",
            from_reference=builtin_transform(_OUTPUT + s),
        )
        for n, s in _VIEW_TRANSFORMS
    ]
    view_transforms.append(untonemapped)
    shared = [
        View(name=vt.name, view_transform=vt.name, display_colorspace="<USE_DISPLAY_NAME>") for vt in view_transforms
    ]
    displays = [
        Display(name, (View(name="Raw", colorspace="Raw"),), (*views, "Un-tone-mapped")) for name, _, views in _DISPLAYS
    ]
    return Config(
        path=f"ocio://{STUDIO_CONFIG_NAME}",
        version=(2, 4),
        name=STUDIO_CONFIG_NAME,
        description="ACES 1.3 studio config (OpenColorIO-Config-ACES studio config v2.2.0), built by vfx_rs",
        roles=cg.roles,
        default_view_transform=cg.default_view_transform,
        active_displays=[d.name for d in displays],
        active_views=[vt.name for vt in view_transforms] + ["Raw"],
        inactive_colorspaces=cg.inactive_colorspaces(),
        colorspaces=[*_display_colorspaces(cg), *_scene_colorspaces(cg)],
        shared_views=shared,
        displays=displays,
        looks=cg.looks.values(),
        view_transforms=view_transforms,
        named_transforms=studio_named_transforms(cg),
        file_rules=cg.file_rules,
    )
