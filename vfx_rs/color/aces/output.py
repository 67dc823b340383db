"""ACES 1.3 output transforms (RRT v1.0 + ODT) by display name, forward and inverse.

Each output transform is OpenColorIO's ACES-OUTPUT BuiltinTransform for the
display (`vfx_rs.color.aces.builtin`) followed by the display's encoding from
CIE XYZ (D65), as OCIO's ``DISPLAY - CIE-XYZ-D65_to_...`` styles
(``transforms/builtins/Displays.cpp``) and the ACES ODT CTL (aces-dev
``odt/``) define it: XYZ to the display primaries (SMPTE RP 177, no
adaptation), then the sRGB curve (IEC 61966-2-1, gamma 2.4 with offset 0.055;
mirrored for Display P3), the BT.1886 / gamma 2.6 power (negatives clamp), or
SMPTE ST 2084 with 1.0 = 100 cd/m2. The input is ACES2065-1, as the RRT
defines it; ``input="ACEScg"`` takes AP1 data.

For the SDR video and cinema displays the chain splits at OCES (output of the
RRT, AP0 linear; aces-dev ``rrt/RRT.ctl``): the RRT is the glow, red
modifier, RRT desaturation and the RRT segmented spline (c5); the ODT is
OCES to AP1, the ODT segmented spline (c9), the cinema black/white scaling,
the dim surround and desaturation (video), and the encoding
(``odt/sRGB/ODT.Academy.sRGB_100nits_dim.ctl`` and siblings).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vfx_rs.color.aces.builtin import CINEMA_BLACK, CINEMA_WHITE, builtin_ops, rrt_preamble, video_adjustment
from vfx_rs.color.aces.tonescale import sdr_tone_curve
from vfx_rs.color.matrices import rgb_to_rgb_matrix
from vfx_rs.errors import ArgumentError, NotFoundError
from vfx_rs.pipeline import Op, Pipeline
from vfx_rs.pipeline.ops import ExponentLinearOp, ExponentOp, LogOp, MatrixOp, RangeOp
from vfx_rs.pipeline.ops.lut1d_half import HALF_MAX
from vfx_rs.pipeline.ops.transfer import FixedCurveOp

__all__ = [
    "ACES_INPUTS",
    "OUTPUT_TRANSFORMS",
    "OutputTransform",
    "inverse_odt",
    "inverse_output_transform",
    "odt",
    "output_transform",
    "rrt",
]

ACES_INPUTS = ("ACES2065-1", "ACEScg")
"""Scene-linear encodings the output transforms take (names in `vfx_rs.color.COLOR_SPACES`)."""

SRGB_MONCURVE = (2.4, 0.055)
"""sRGB as a moncurve: gamma 2.4, offset 0.055 (IEC 61966-2-1:1999, 5.2; OCIO GammaOpData MONCURVE)."""

PQ_UNIT_NITS = 100.0
"""Display-linear unit of the PQ displays: 1.0 is 100 cd/m2 (OCIO Displays.cpp, "nits/100")."""

_OUT = "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - "


@dataclass(frozen=True)
class OutputTransform:
    """One ACES output transform: the ACES-OUTPUT style, the display encoding and, for SDR, the ODT split.

    Attributes
    ----------
    name
        Display name used by `output_transform`.
    description
        What it is, with the ACES ODT it reproduces.
    style
        OCIO BuiltinTransform style of the RRT + ODT part (ACES2065-1 to CIE XYZ D65).
    encoding
        Builds the ops from CIE XYZ (D65) to display code values.
    video
        SDR: True for the 100-nit dim-surround video ODTs, False for 48-nit cinema; None for HDR (no split
        at OCES, since OCIO's HDR tone curve merges RRT and ODT).
    ocio_view
        ``(display, view)`` of OCIO's built-in ``cg-config-v2.2.0_aces-v1.3_ocio-v2.4`` giving the same
        result, or None.
    """

    name: str
    description: str
    style: str
    encoding: Callable[[], list[Op]]
    video: bool | None
    ocio_view: tuple[str, str] | None


def _from_xyz(space: str) -> MatrixOp:
    return MatrixOp(matrix=rgb_to_rgb_matrix("CIE XYZ", space, None))


def _srgb_curve(space: str, mirror: bool) -> Callable[[], list[Op]]:
    gamma, offset = SRGB_MONCURVE
    return lambda: [
        _from_xyz(space),
        ExponentLinearOp(
            gamma=(gamma,) * 3, offset=(offset,) * 3, decode=False, style="mirror" if mirror else "linear"
        ),
    ]


def _power(space: str, gamma: float) -> Callable[[], list[Op]]:
    return lambda: [_from_xyz(space), ExponentOp(exponent=(1.0 / gamma,) * 3, style="clamp")]


def _pq(space: str) -> Callable[[], list[Op]]:
    return lambda: [
        _from_xyz(space),
        RangeOp(lo=-HALF_MAX, hi=HALF_MAX, nan_to_bound=True),
        RangeOp(scale=PQ_UNIT_NITS / 10000.0),
        FixedCurveOp(curve="st2084_mirror"),
    ]


def _transforms() -> dict[str, OutputTransform]:
    video = _OUT + "SDR-VIDEO_1.0"
    rows = [
        ("sRGB", "ODT.Academy.sRGB_100nits_dim: sRGB display, 100 cd/m2", video, _srgb_curve("sRGB", False), True,
         ("sRGB - Display", "ACES 1.0 - SDR Video")),
        ("Rec.709", "ODT.Academy.Rec709_100nits_dim: BT.1886 (gamma 2.4), Rec.709 primaries, 100 cd/m2", video,
         _power("Rec.709", 2.4), True, ("Rec.1886 Rec.709 - Display", "ACES 1.0 - SDR Video")),
        ("Display P3", "ODT.Academy.P3D65_100nits_dim with the sRGB curve (Apple Display P3), 100 cd/m2", video,
         _srgb_curve("Display P3", True), True, ("Display P3 - Display", "ACES 1.0 - SDR Video")),
        ("Rec.2020", "ODT.Academy.Rec2020_100nits_dim: BT.1886 (gamma 2.4), Rec.2020 primaries, 100 cd/m2", video,
         _power("Rec.2020", 2.4), True, None),
        ("P3-D65", "ODT.Academy.P3D65_48nits: gamma 2.6, P3 primaries, D65, 48 cd/m2 cinema",
         _OUT + "SDR-CINEMA_1.0", _power("Display P3", 2.6), False, ("P3-D65 - Display", "ACES 1.0 - SDR Cinema")),
        ("Rec.2100-PQ 1000 nits", "ODT.Academy.Rec2020_1000nits_15nits_ST2084: PQ, Rec.2020 primaries and limit",
         _OUT + "HDR-VIDEO-1000nit-15nit-REC2020lim_1.1", _pq("Rec.2020"), None,
         ("Rec.2100-PQ - Display", "ACES 1.1 - HDR Video (1000 nits & Rec.2020 lim)")),
        ("ST2084-P3-D65 1000 nits", "ODT.Academy.P3D65_1000nits_15nits_ST2084: PQ, P3 primaries and limit, D65",
         _OUT + "HDR-VIDEO-1000nit-15nit-P3lim_1.1", _pq("Display P3"), None,
         ("ST2084-P3-D65 - Display", "ACES 1.1 - HDR Video (1000 nits & P3 lim)")),
    ]  # fmt: skip
    return {row[0]: OutputTransform(*row) for row in rows}


OUTPUT_TRANSFORMS: dict[str, OutputTransform] = _transforms()
"""Every ACES 1.3 output transform by display name."""


def _cache_by_name(function: Callable[..., Pipeline]) -> Callable[..., Pipeline]:
    """`functools.cache` for functions of names: an argument that is not a str raises `ArgumentError`
    (the cache would fail hashing a list with a bare TypeError)."""
    cached = functools.cache(function)

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Pipeline:
        for value in (*args, *kwargs.values()):
            if not isinstance(value, str):
                raise ArgumentError(f"{function.__name__} takes names (str), not {type(value).__name__}")
        return cached(*args, **kwargs)

    return call


def _lookup(name: str) -> OutputTransform:
    try:
        return OUTPUT_TRANSFORMS[name]
    except (KeyError, TypeError):  # TypeError: an unhashable name such as a list
        known = ", ".join(OUTPUT_TRANSFORMS)
        raise NotFoundError(f"unknown ACES output transform {name!r}; known: {known}") from None


def _sdr(name: str) -> OutputTransform:
    transform = _lookup(name)
    if transform.video is None:
        sdr = ", ".join(n for n, t in OUTPUT_TRANSFORMS.items() if t.video is not None)
        raise ArgumentError(f"ACES output transform {name!r} has no separate ODT (its tone curve spans RRT and ODT);"
                            f" the SDR ones do: {sdr}")  # fmt: skip
    return transform


def _input_ops(space: str) -> list[Op]:
    if not isinstance(space, str) or space not in ACES_INPUTS:
        raise NotFoundError(f"unknown ACES input {space!r}; known: {', '.join(ACES_INPUTS)}")
    return [] if space == "ACES2065-1" else [MatrixOp(matrix=rgb_to_rgb_matrix("ACEScg", "ACES2065-1", None))]


def _log10(to_log: bool) -> LogOp:
    return LogOp(base=10.0, to_log=to_log)


@functools.cache
def rrt() -> Pipeline:
    """ACES 1.0 RRT: ACES2065-1 to OCES (AP0), as the preamble and the RRT spline of OCIO's output styles."""
    rrt_curve = sdr_tone_curve()[0]
    to_ap0 = MatrixOp(matrix=rgb_to_rgb_matrix("ACEScg", "ACES2065-1", None))
    return Pipeline([*rrt_preamble(), _log10(True), rrt_curve, _log10(False), to_ap0])


@_cache_by_name
def odt(name: str) -> Pipeline:
    """The ODT of SDR display `name`: OCES (AP0) to display code values."""
    transform = _sdr(name)
    odt_curve = sdr_tone_curve()[1]
    scale = 1.0 / (CINEMA_WHITE - CINEMA_BLACK)
    ops: list[Op] = [
        MatrixOp(matrix=rgb_to_rgb_matrix("ACES2065-1", "ACEScg", None)),
        _log10(True),
        odt_curve,
        _log10(False),
        RangeOp(scale=scale, offset=-CINEMA_BLACK * scale),
    ]
    if transform.video:
        ops += video_adjustment()
    ops.append(MatrixOp(matrix=rgb_to_rgb_matrix("ACEScg", "CIE XYZ", "bradford")))
    return Pipeline([*ops, *transform.encoding()])


@_cache_by_name
def inverse_odt(name: str) -> Pipeline:
    """Display code values of SDR display `name` back to OCES (AP0): the ODT undone."""
    return odt(name).inverse()


@_cache_by_name
def output_transform(name: str, input: str = "ACES2065-1") -> Pipeline:
    """The full output transform (RRT + ODT) for display `name`: `input` scene linear to display code values."""
    transform = _lookup(name)
    return Pipeline([*_input_ops(input), *builtin_ops(transform.style), *transform.encoding()])


@_cache_by_name
def inverse_output_transform(name: str, output: str = "ACES2065-1") -> Pipeline:
    """Display code values of `name` back to `output` scene linear: the whole output transform undone."""
    return output_transform(name, output).inverse()
