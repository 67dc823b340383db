"""The camera color spaces of the ACES 1.3 studio config, from `vfx_rs.color` curves and gamuts.

The ASWF studio config (``studio-config-v2.2.0_aces-v1.3_ocio-v2.4``) decodes
most camera logs with OCIO LogCamera transforms: here their parameters are
those of the `vfx_rs.color` transfer functions (the vendors' published
constants), and the camera gamuts are matrices derived from `vfx_rs.color`
primaries (CAT02 adaptation to the ACES white for ARRI, Canon, Sony and
Blackmagic, Bradford for Panasonic and RED, as the ASWF config). Canon, Apple
and ADX use the BuiltinTransform styles of `vfx_rs.ocio.builtin_transforms`.
"""

from __future__ import annotations

from vfx_rs.color import rgb_to_rgb_matrix
from vfx_rs.color.spaces import ColorSpace as Gamut
from vfx_rs.color.transfer import transfer_function
from vfx_rs.errors import OcioError
from vfx_rs.ocio.builtin.common import builtin_transform
from vfx_rs.ocio.builtin_cameras import BMD_WIDE_GAMUT_GEN5, VENICE_S_GAMUT3, VENICE_S_GAMUT3_CINE
from vfx_rs.ocio.model import ColorSpace, Transform
from vfx_rs.pipeline.ops.transfer import PiecewiseLogOp

__all__ = [
    "REC709_CAMERA_CURVE",
    "camera_colorspaces",
    "camera_rec709",
    "group",
    "log_camera",
    "matrix_transform",
]


REC709_CAMERA_CURVE = (1.0 / 0.45, 0.099)
"""The BT.709 camera OETF as a moncurve: gamma 1/0.45 and offset 0.099 (ITU-R BT.709-6, item 1.2)."""

_FILE_IO = ("file-io",)


def group(*children: Transform) -> Transform:
    """An OCIO GroupTransform of `children`."""
    return Transform("Group", children=children)


def matrix_transform(src: str | Gamut, dst: str | Gamut, adaptation: str) -> Transform:
    """An OCIO MatrixTransform from linear `src` to linear `dst` (`vfx_rs.color.rgb_to_rgb_matrix`)."""
    m = rgb_to_rgb_matrix(src, dst, adaptation)
    rows = [[*row, 0.0] for row in m.tolist()]
    return Transform("Matrix", {"matrix": [v for row in rows for v in row] + [0.0, 0.0, 0.0, 1.0]})


def log_camera(curve: str) -> Transform:
    """The `vfx_rs.color` camera log `curve` as an inverse OCIO LogCamera transform (code values to linear)."""
    (op,) = transfer_function(curve).encode.ops
    if not isinstance(op, PiecewiseLogOp):
        raise OcioError(f"transfer function {curve!r} is not a piecewise log curve")
    params = {
        "base": op.base,
        "log_side_slope": op.log_slope,
        "log_side_offset": op.log_offset,
        "lin_side_slope": op.lin_slope,
        "lin_side_offset": op.lin_offset,
        "lin_side_break": op.cut,
        "linear_slope": op.toe_slope,
    }
    return Transform("LogCamera", params, inverse=True)


_CAMERA_LOGS = (
    ("Input/ARRI", "arri_logc3", "ARRI Wide Gamut 3", "cat02", "ARRI LogC3 (EI800)", "Linear ARRI Wide Gamut 3"),
    ("Input/ARRI", "arri_logc4", "ARRI Wide Gamut 4", "cat02", "ARRI LogC4", "Linear ARRI Wide Gamut 4"),
    ("Input/BlackmagicDesign", "blackmagic_film_gen5", BMD_WIDE_GAMUT_GEN5, "cat02", "BMDFilm WideGamut Gen5", None),
    (
        "Input/BlackmagicDesign",
        "davinci_intermediate",
        "DaVinci Wide Gamut",
        "cat02",
        "DaVinci Intermediate WideGamut",
        None,
    ),
    ("Input/Canon", None, "Canon Cinema Gamut", "cat02", None, "Linear CinemaGamut D55"),
    ("Input/Panasonic", "panasonic_vlog", "V-Gamut", "bradford", "V-Log V-Gamut", "Linear V-Gamut"),
    ("Input/RED", "red_log3g10", "RED Wide Gamut RGB", "bradford", "Log3G10 REDWideGamutRGB", "Linear REDWideGamutRGB"),
    ("Input/Sony", "sony_slog3", "S-Gamut3", "cat02", "S-Log3 S-Gamut3", "Linear S-Gamut3"),
    ("Input/Sony", "sony_slog3", "S-Gamut3.Cine", "cat02", "S-Log3 S-Gamut3.Cine", "Linear S-Gamut3.Cine"),
    ("Input/Sony", "sony_slog3", VENICE_S_GAMUT3, "cat02", "S-Log3 Venice S-Gamut3", "Linear Venice S-Gamut3"),
    (
        "Input/Sony",
        "sony_slog3",
        VENICE_S_GAMUT3_CINE,
        "cat02",
        "S-Log3 Venice S-Gamut3.Cine",
        "Linear Venice S-Gamut3.Cine",
    ),
    ("Input/BlackmagicDesign", None, BMD_WIDE_GAMUT_GEN5, "cat02", None, "Linear BMD WideGamut Gen5"),
    ("Input/BlackmagicDesign", None, "DaVinci Wide Gamut", "cat02", None, "Linear DaVinci WideGamut"),
)
"""Camera spaces built from a curve and a gamut: family, `vfx_rs.color` curve, gamut, white adaptation to ACES,
and the config's names of the log space and of the linear space (None where the config has none)."""

_ALIASES = {
    "ADX10": ("Input - ADX - ADX10",),
    "ADX16": ("Input - ADX - ADX16",),
    "Apple Log": ("apple_log",),
    "Linear ARRI Wide Gamut 3": ("lin_arri_wide_gamut_3", "Input - ARRI - Linear - ALEXA Wide Gamut", "lin_alexawide"),
    "ARRI LogC3 (EI800)": ("arri_logc3_ei800", "Input - ARRI - V3 LogC (EI800) - Wide Gamut", "logc3ei800_alexawide"),
    "ARRI LogC4": ("arri_logc4",),
    "Linear ARRI Wide Gamut 4": ("lin_arri_wide_gamut_4", "lin_awg4"),
    "BMDFilm WideGamut Gen5": ("bmdfilm_widegamut_gen5",),
    "DaVinci Intermediate WideGamut": ("davinci_intermediate_widegamut",),
    "CanonLog2 CinemaGamut D55": (
        "canonlog2_cinemagamut_d55",
        "Input - Canon - Canon-Log2 - Cinema Gamut Daylight",
        "canonlog2_cgamutday",
    ),
    "CanonLog3 CinemaGamut D55": (
        "canonlog3_cinemagamut_d55",
        "Input - Canon - Canon-Log3 - Cinema Gamut Daylight",
        "canonlog3_cgamutday",
    ),
    "Linear CinemaGamut D55": (
        "lin_cinemagamut_d55",
        "Input - Canon - Linear - Canon Cinema Gamut Daylight",
        "lin_canoncgamutday",
    ),
    "Linear V-Gamut": ("lin_vgamut", "Input - Panasonic - Linear - V-Gamut"),
    "V-Log V-Gamut": ("vlog_vgamut", "Input - Panasonic - V-Log - V-Gamut"),
    "Linear REDWideGamutRGB": ("lin_redwidegamutrgb", "Input - RED - Linear - REDWideGamutRGB", "lin_rwg"),
    "Log3G10 REDWideGamutRGB": ("log3g10_redwidegamutrgb", "Input - RED - REDLog3G10 - REDWideGamutRGB", "rl3g10_rwg"),
    "Linear S-Gamut3": ("lin_sgamut3", "Input - Sony - Linear - S-Gamut3"),
    "Linear S-Gamut3.Cine": ("lin_sgamut3cine", "Input - Sony - Linear - S-Gamut3.Cine"),
    "Linear Venice S-Gamut3": ("lin_venice_sgamut3", "Input - Sony - Linear - Venice S-Gamut3"),
    "Linear Venice S-Gamut3.Cine": ("lin_venice_sgamut3cine", "Input - Sony - Linear - Venice S-Gamut3.Cine"),
    "S-Log3 S-Gamut3": ("slog3_sgamut3", "Input - Sony - S-Log3 - S-Gamut3"),
    "S-Log3 S-Gamut3.Cine": ("slog3_sgamut3cine", "Input - Sony - S-Log3 - S-Gamut3.Cine", "slog3_sgamutcine"),
    "S-Log3 Venice S-Gamut3": ("slog3_venice_sgamut3", "Input - Sony - S-Log3 - Venice S-Gamut3"),
    "S-Log3 Venice S-Gamut3.Cine": (
        "slog3_venice_sgamut3cine",
        "Input - Sony - S-Log3 - Venice S-Gamut3.Cine",
        "slog3_venice_sgamutcine",
    ),
    "Linear BMD WideGamut Gen5": ("lin_bmd_widegamut_gen5",),
    "Linear DaVinci WideGamut": ("lin_davinci_widegamut",),
}
"""The aliases of the camera color spaces, as the ASWF studio config names them."""

_CAMERA_ORDER = (
    "ADX10",
    "ADX16",
    "Apple Log",
    "Linear ARRI Wide Gamut 3",
    "ARRI LogC3 (EI800)",
    "ARRI LogC4",
    "Linear ARRI Wide Gamut 4",
    "BMDFilm WideGamut Gen5",
    "DaVinci Intermediate WideGamut",
    "CanonLog2 CinemaGamut D55",
    "CanonLog3 CinemaGamut D55",
    "Linear CinemaGamut D55",
    "Linear V-Gamut",
    "V-Log V-Gamut",
    "Linear REDWideGamutRGB",
    "Log3G10 REDWideGamutRGB",
    "Linear S-Gamut3",
    "Linear S-Gamut3.Cine",
    "Linear Venice S-Gamut3",
    "Linear Venice S-Gamut3.Cine",
    "S-Log3 S-Gamut3",
    "S-Log3 S-Gamut3.Cine",
    "S-Log3 Venice S-Gamut3",
    "S-Log3 Venice S-Gamut3.Cine",
    "Linear BMD WideGamut Gen5",
    "Linear DaVinci WideGamut",
)
"""The camera color spaces in config order (after ACEScg)."""


def _camera(name: str, family: str, encoding: str, to_reference: Transform, description: str) -> ColorSpace:
    return ColorSpace(
        name=name,
        aliases=_ALIASES[name],
        family=family,
        categories=_FILE_IO,
        encoding=encoding,
        bitdepth="32f",
        description=description,
        to_reference=to_reference,
    )


def camera_colorspaces() -> list[ColorSpace]:
    """The studio config's camera color spaces, in config order."""
    spaces = [
        _camera(f"ADX{b}", "ACES", "log", builtin_transform(f"ADX{b}_to_ACES2065-1"), f"ADX{b} density to ACES2065-1")
        for b in (10, 16)
    ]
    spaces.append(
        _camera(
            "Apple Log", "Input/Apple", "log", builtin_transform("APPLE_LOG_to_ACES2065-1"), "Apple Log to ACES2065-1"
        )
    )
    for n in (2, 3):
        style = f"CANON_CLOG{n}-CGAMUT_to_ACES2065-1"
        name = f"CanonLog{n} CinemaGamut D55"
        spaces.append(
            _camera(name, "Input/Canon", "log", builtin_transform(style), f"Canon Log {n} Cinema Gamut to ACES2065-1")
        )
    for family, curve, gamut, adaptation, log_name, linear_name in _CAMERA_LOGS:
        gamut_name = gamut if isinstance(gamut, str) else gamut.name
        matrix = matrix_transform(gamut, "ACES2065-1", adaptation)
        if log_name is not None and curve is not None:
            desc = f"{curve} encoded {gamut_name} to ACES2065-1"
            spaces.append(_camera(log_name, family, "log", group(log_camera(curve), matrix), desc))
        if linear_name is not None:
            desc = f"Linear {gamut_name} to ACES2065-1"
            spaces.append(_camera(linear_name, family, "scene-linear", group(matrix), desc))
    by_name = {cs.name: cs for cs in spaces}
    return [by_name[n] for n in _CAMERA_ORDER]


def camera_rec709() -> ColorSpace:
    """``Camera Rec.709``: ACES2065-1 to Rec.709 primaries (Bradford) encoded with the BT.709 camera OETF."""
    gamma, offset = REC709_CAMERA_CURVE
    curve = Transform("ExponentWithLinear", {"gamma": gamma, "offset": offset}, inverse=True)
    return ColorSpace(
        name="Camera Rec.709",
        aliases=("camera_rec709", "Utility - Rec.709 - Camera", "rec709_camera"),
        family="Utility/ITU",
        categories=_FILE_IO,
        encoding="sdr-video",
        bitdepth="32f",
        description="ACES2065-1 to the BT.709 camera OETF, Rec.709 primaries",
        from_reference=group(matrix_transform("ACES2065-1", "Rec.709", "bradford"), curve),
    )
