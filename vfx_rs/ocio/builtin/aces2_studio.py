"""The ACES 2.x studio configs, built on the ACES 2.x CG configs and the ACES 1.3 studio config's cameras.

OpenColorIO 2.5 and 2.6 ship ``studio-config-v4.0.0_aces-v2.0_ocio-v2.5`` and
``studio-config-v5.0.0_aces-v2.1_ocio-v2.6`` (2.6's
``ocio://studio-config-latest``). They hold the ACES 2.x CG config's spaces
(`vfx_rs.ocio.builtin.aces2_cg`), the camera spaces of the ACES 1.3 studio
config (`vfx_rs.ocio.builtin.studio_cameras`) with more aliases, DJI D-Log
D-Gamut (v4.0.0 on) and Apple Log 2 (v5.0.0; the Venice spaces move to the
``Input/Sony/Legacy`` family there), ``Camera Rec.709``, the Rec.2100-HLG
display, and the ACES 2.0 output transforms for 500 to 4000 nit HDR and the
108 nit HDR cinema as views.
"""

from __future__ import annotations

import dataclasses

from vfx_rs.color.spaces import WHITEPOINT_D65
from vfx_rs.color.spaces import ColorSpace as Gamut
from vfx_rs.ocio.builtin.aces2_cg import (
    CG_V4,
    CG_V5,
    aces2_cg_config,
    aces2_file_rules,
    aces2_view_transform,
    aces2_viewing_rules,
    active_display_order,
    display_spaces,
    shared_views,
    untonemapped,
    video_colorimetric,
    with_aliases,
)
from vfx_rs.ocio.builtin.aces_studio import studio_named_transforms
from vfx_rs.ocio.builtin.common import builtin_transform
from vfx_rs.ocio.builtin.studio_cameras import camera_colorspaces, camera_rec709, group, matrix_transform
from vfx_rs.ocio.builtin_cameras import APPLE_WIDE_GAMUT
from vfx_rs.ocio.config import Config
from vfx_rs.ocio.model import ColorSpace, Display, NamedTransform, Transform, View

__all__ = [
    "ACES2_STUDIO_CONFIGS",
    "DJI_D_GAMUT",
    "DJI_D_LOG",
    "STUDIO_V4",
    "STUDIO_V5",
    "aces2_studio_config",
]

STUDIO_V4 = "studio-config-v4.0.0_aces-v2.0_ocio-v2.5"
STUDIO_V5 = "studio-config-v5.0.0_aces-v2.1_ocio-v2.6"

ACES2_STUDIO_CONFIGS = {STUDIO_V4: CG_V4, STUDIO_V5: CG_V5}
"""The ACES 2.x studio configs built here and the CG config each builds on."""

DJI_D_GAMUT = Gamut("DJI D-Gamut", ((0.71, 0.31), (0.21, 0.88), (0.09, -0.08)), WHITEPOINT_D65)
"""DJI D-Gamut: xy primaries R, G, B and the D65 white (DJI "D-Log and D-Gamut White Paper", 2017)."""

DJI_D_LOG = {
    "base": 10.0,
    "log_side_slope": 0.256662970719888,
    "log_side_offset": 0.58455504907396,
    "lin_side_slope": 0.9892,
    "lin_side_offset": 0.0108,
    "lin_side_break": 0.00758078675,
}
"""DJI D-Log as an OCIO LogCamera (whose toe is the log segment's tangent at the break): DJI's
``0.256663 log10(0.9892 x + 0.0108) + 0.584555`` above linear 0.0078 and ``6.025 x + 0.0929`` below ("D-Log and
D-Gamut White Paper", 2017), with the log slope, offset and break the ASWF OpenColorIO-Config-ACES studio config
(v4.0.0 on) solves for so that the tangent toe meets the published one; the published four-digit values move
PQ-encoded results of near-black D-Log codes by up to 5e-4."""


_CAMERA_ALIASES = {
    "ADX10": ("Input - ADX - ADX10", "ocio:adx10_apd_scene"),
    "ADX16": ("Input - ADX - ADX16", "ocio:adx16_apd_scene"),
    "Apple Log": ("apple_log", "ocio:applelog_rec2020_scene"),
    "Apple Log 2": ("apple_log_2", "ocio:applelog_applewg_scene"),
    "Linear Apple Wide Gamut": ("lin_apple_wide_gamut", "ocio:lin_applewg_scene"),
    "ARRI LogC3 (EI800)": (
        "arri_logc3_ei800",
        "logc3ei800_alexawide",
        "Input - ARRI - V3 LogC (EI800) - Wide Gamut",
        "ocio:arrilogc3_awg3_scene",
    ),
    "Linear ARRI Wide Gamut 3": (
        "lin_arri_wide_gamut_3",
        "lin_alexawide",
        "Input - ARRI - Linear - ALEXA Wide Gamut",
        "ocio:lin_awg3_scene",
    ),
    "ARRI LogC4": ("arri_logc4", "ocio:arrilogc4_awg4_scene"),
    "Linear ARRI Wide Gamut 4": ("lin_arri_wide_gamut_4", "lin_awg4", "ocio:lin_awg4_scene"),
    "BMDFilm WideGamut Gen5": ("bmdfilm_widegamut_gen5", "ocio:bmdfilm5_wg5_scene"),
    "Linear BMD WideGamut Gen5": ("lin_bmd_widegamut_gen5", "ocio:lin_bmdwg5_scene"),
    "DaVinci Intermediate WideGamut": ("davinci_intermediate_widegamut", "ocio:davinci_dwg_scene"),
    "Linear DaVinci WideGamut": ("lin_davinci_widegamut", "ocio:lin_dwg_scene"),
    "CanonLog2 CinemaGamut D55": (
        "canonlog2_cinemagamut_d55",
        "canonlog2_cgamutday",
        "Input - Canon - Canon-Log2 - Cinema Gamut Daylight",
        "ocio:canonlog2_cgamutd55_scene",
    ),
    "Linear CinemaGamut D55": (
        "lin_cinemagamut_d55",
        "lin_canoncgamutday",
        "Input - Canon - Linear - Canon Cinema Gamut Daylight",
        "ocio:lin_cgamutd55_scene",
    ),
    "CanonLog3 CinemaGamut D55": (
        "canonlog3_cinemagamut_d55",
        "canonlog3_cgamutday",
        "Input - Canon - Canon-Log3 - Cinema Gamut Daylight",
        "ocio:canonlog3_cgamutd55_scene",
    ),
    "D-Log D-Gamut": ("dlog_dgamut", "ocio:djilog_dgamut_scene"),
    "Linear D-Gamut": ("lin_dgamut", "ocio:lin_dgamut_scene"),
    "V-Log V-Gamut": ("vlog_vgamut", "Input - Panasonic - V-Log - V-Gamut", "ocio:vlog_vgamut_scene"),
    "Linear V-Gamut": ("lin_vgamut", "Input - Panasonic - Linear - V-Gamut", "ocio:lin_vgamut_scene"),
    "Log3G10 REDWideGamutRGB": (
        "log3g10_redwidegamutrgb",
        "rl3g10_rwg",
        "Input - RED - REDLog3G10 - REDWideGamutRGB",
        "ocio:redlog3g10_rwg_scene",
    ),
    "Linear REDWideGamutRGB": (
        "lin_redwidegamutrgb",
        "lin_rwg",
        "Input - RED - Linear - REDWideGamutRGB",
        "ocio:lin_rwg_scene",
    ),
    "S-Log3 S-Gamut3": ("slog3_sgamut3", "Input - Sony - S-Log3 - S-Gamut3", "ocio:slog3_sgamut3_scene"),
    "S-Log3 S-Gamut3.Cine": (
        "slog3_sgamut3cine",
        "slog3_sgamutcine",
        "Input - Sony - S-Log3 - S-Gamut3.Cine",
        "ocio:slog3_sgamut3cine_scene",
    ),
    "S-Log3 Venice S-Gamut3": (
        "slog3_venice_sgamut3",
        "Input - Sony - S-Log3 - Venice S-Gamut3",
        "ocio:slog3_sgamut3venice_scene",
    ),
    "S-Log3 Venice S-Gamut3.Cine": (
        "slog3_venice_sgamut3cine",
        "slog3_venice_sgamutcine",
        "Input - Sony - S-Log3 - Venice S-Gamut3.Cine",
        "ocio:slog3_sgamut3cinevenice_scene",
    ),
    "Linear S-Gamut3": ("lin_sgamut3", "Input - Sony - Linear - S-Gamut3", "ocio:lin_sgamut3_scene"),
    "Linear S-Gamut3.Cine": ("lin_sgamut3cine", "Input - Sony - Linear - S-Gamut3.Cine", "ocio:lin_sgamut3cine_scene"),
    "Linear Venice S-Gamut3": (
        "lin_venice_sgamut3",
        "Input - Sony - Linear - Venice S-Gamut3",
        "ocio:lin_sgamut3venice_scene",
    ),
    "Linear Venice S-Gamut3.Cine": (
        "lin_venice_sgamut3cine",
        "Input - Sony - Linear - Venice S-Gamut3.Cine",
        "ocio:lin_sgamut3cinevenice_scene",
    ),
    "Camera Rec.709": ("camera_rec709", "rec709_camera", "Utility - Rec.709 - Camera", "ocio:itu709_rec709_scene"),
}
"""Aliases of the camera spaces and Camera Rec.709 in the ACES 2.x studio configs, in config order."""

_APPLE_LOG_2 = ("Apple Log 2", "Linear Apple Wide Gamut")
_VENICE = (
    "S-Log3 Venice S-Gamut3",
    "S-Log3 Venice S-Gamut3.Cine",
    "Linear Venice S-Gamut3",
    "Linear Venice S-Gamut3.Cine",
)


def _camera(name: str, family: str, encoding: str, to_reference: Transform, description: str) -> ColorSpace:
    return ColorSpace(
        name=name,
        aliases=_CAMERA_ALIASES[name],
        family=family,
        categories=("file-io",),
        encoding=encoding,
        bitdepth="32f",
        description=description,
        to_reference=to_reference,
    )


def _d_log(inverse: bool = True) -> Transform:
    return Transform("LogCamera", dict(DJI_D_LOG), inverse=inverse)


def _new_cameras() -> list[ColorSpace]:
    """The camera spaces the ACES 1.3 studio config lacks: Apple Log 2 and DJI D-Log D-Gamut."""
    apple = matrix_transform(APPLE_WIDE_GAMUT, "ACES2065-1", "bradford")
    dji = matrix_transform(DJI_D_GAMUT, "ACES2065-1", "cat02")
    return [
        _camera(
            "Apple Log 2", "Input/Apple", "log", builtin_transform("APPLE_LOG-APPLEWG_to_ACES2065-1"), "Apple Log 2"
        ),
        _camera("Linear Apple Wide Gamut", "Input/Apple", "scene-linear", group(apple), "Linear Apple Wide Gamut"),
        _camera("D-Log D-Gamut", "Input/DJI", "log", group(_d_log(), dji), "DJI D-Log D-Gamut to ACES2065-1"),
        _camera("Linear D-Gamut", "Input/DJI", "scene-linear", group(dji), "Linear DJI D-Gamut to ACES2065-1"),
    ]


def _cameras(version: str) -> list[ColorSpace]:
    spaces = {cs.name: cs for cs in with_aliases([*camera_colorspaces(), *_new_cameras()], _CAMERA_ALIASES)}
    order = [n for n in _CAMERA_ALIASES if n != "Camera Rec.709" and (version == STUDIO_V5 or n not in _APPLE_LOG_2)]
    legacy = version == STUDIO_V5
    return [
        dataclasses.replace(spaces[n], family="Input/Sony/Legacy") if legacy and n in _VENICE else spaces[n]
        for n in order
    ]


_HDR = (
    *((n, "P3 D65", "P3-D65") for n in (1000, 500, 2000, 4000)),
    *((n, "Rec.2020", "REC2020") for n in (500, 1000, 2000, 4000)),
)
"""The HDR video view transforms in config order: peak nits, view name primaries, style primaries."""

_VIEW_TRANSFORMS = (
    ("ACES 2.0 - SDR 100 nits (Rec.709)", "SDR-100nit-REC709_2.0"),
    ("ACES 2.0 - SDR 100 nits (P3 D65)", "SDR-100nit-P3-D65_2.0"),
    *((f"ACES 2.0 - HDR {n} nits ({p})", f"HDR-{n}nit-{s}_2.0") for n, p, s in _HDR),
    ("ACES 2.0 - HDR 108 nits (P3 D65)", "HDR-108nit-P3-D65_2.0"),
)
"""The studio configs' ACES 2.0 view transforms and their output styles."""


def _hdr(nits: tuple[int, ...], primaries: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"ACES 2.0 - HDR {n} nits ({p})" for p in primaries for n in nits)


def _displays(version: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each display in config order and its shared views (after ``Raw``)."""
    sdr709, sdr_p3 = "ACES 2.0 - SDR 100 nits (Rec.709)", "ACES 2.0 - SDR 100 nits (P3 D65)"
    tail = ("Un-tone-mapped", "Video (colorimetric)")
    p3 = "Gamma 2.6 P3-D65 - Display" if version == STUDIO_V5 else "P3-D65 - Display"
    hdr_p3 = _hdr((500, 1000, 2000, 4000), ("P3 D65",))
    return [
        ("sRGB - Display", (sdr709, *tail)),
        ("Gamma 2.2 Rec.709 - Display", (sdr709, *tail)),
        ("Display P3 - Display", (sdr_p3, *tail)),
        ("Display P3 HDR - Display", ("ACES 2.0 - HDR 1000 nits (P3 D65)", sdr709, *tail)),
        (p3, (sdr_p3, sdr709, *tail)),
        ("Rec.1886 Rec.709 - Display", (sdr709, *tail)),
        ("Rec.2100-HLG - Display", ("ACES 2.0 - HDR 1000 nits (P3 D65)", *tail)),
        ("Rec.2100-PQ - Display", (*hdr_p3, *_hdr((500, 1000, 2000, 4000), ("Rec.2020",)), sdr709, *tail)),
        ("ST2084-P3-D65 - Display", ("ACES 2.0 - HDR 108 nits (P3 D65)", *hdr_p3, sdr709, *tail)),
    ]


def _named_transforms(cg: Config) -> list[NamedTransform]:
    d_log = NamedTransform(
        name="D-Log - Curve",
        aliases=("dlog_crv", "crv_dlog"),
        family="Input/DJI",
        categories=("file-io",),
        encoding="log",
        description="DJI D-Log encoded values to linear",
        transform=group(_d_log()),
    )
    named = studio_named_transforms(cg)
    at = [nt.name for nt in named].index("C-Log3 - Curve") + 1
    return [*named[:at], d_log, *named[at:]]


def aces2_studio_config(version: str) -> Config:
    """A new `Config` equal in names and conversions to OCIO's built-in ACES 2.x studio config `version`."""
    cg = aces2_cg_config(ACES2_STUDIO_CONFIGS[version])
    displays = _displays(version)
    scene = [cs for cs in cg.colorspaces.values() if cs.reference == "scene"]
    at_cameras = [cs.name for cs in scene].index("ACEScg") + 1
    at_camera709 = [cs.name for cs in scene].index("Gamma 2.4 Encoded Rec.709") + 1
    rec709 = dataclasses.replace(camera_rec709(), aliases=_CAMERA_ALIASES["Camera Rec.709"])
    scene = [*scene[:at_cameras], *_cameras(version), *scene[at_cameras:at_camera709], rec709, *scene[at_camera709:]]
    view_transforms = [untonemapped(), video_colorimetric(), *(aces2_view_transform(n, s) for n, s in _VIEW_TRANSFORMS)]
    active_hdr = sorted(n for n, _ in _VIEW_TRANSFORMS[2:-1])
    return Config(
        path=f"ocio://{version}",
        version=cg.version,
        name=version,
        description=f"ACES {'2.0' if version == STUDIO_V4 else '2.1'} studio config (OpenColorIO-Config-ACES), "
        "built by vfx_rs",
        roles=cg.roles,
        default_view_transform=cg.default_view_transform,
        active_displays=active_display_order([n for n, _ in displays]),
        active_views=[
            *active_hdr,
            "ACES 2.0 - HDR 108 nits (P3 D65)",
            "ACES 2.0 - SDR 100 nits (P3 D65)",
            "ACES 2.0 - SDR 100 nits (Rec.709)",
            "Un-tone-mapped",
            "Video (colorimetric)",
            "Raw",
        ],
        inactive_colorspaces=cg.inactive_colorspaces(),
        colorspaces=[*display_spaces([n for n, _ in displays]), *scene],
        shared_views=shared_views(view_transforms),
        displays=[Display(name, (View(name="Raw", colorspace="Raw"),), views) for name, views in displays],
        looks=cg.looks.values(),
        view_transforms=view_transforms,
        named_transforms=_named_transforms(cg),
        file_rules=aces2_file_rules(),
        viewing_rules=aces2_viewing_rules(),
    )
