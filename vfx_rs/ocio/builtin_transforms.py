"""OCIO BuiltinTransform styles as pipeline ops, built from `vfx_rs.color`: the registry.

Each style is named as OpenColorIO names it (``!<BuiltinTransform> {style:
...}``; OCIO's ``src/OpenColorIO/transforms/builtins``) and expands to the
same chain of ops OCIO uses, with our own primaries, white points, chromatic
adaptation and curve constants. This module holds the ACES color spaces and
utilities (``ACES.cpp``): matrices from `vfx_rs.color.rgb_to_rgb_matrix`
(Bradford where the style says ``BFD``), ACEScct from `vfx_rs.color`
(S-2016-001), and ACEScc as OCIO's 4096-entry table of the ACEScc decoding
(S-2014-003, 4.5) over the code range [-0.36, 1.5], filled from
`vfx_rs.color.acescc_decode`; ACESproxy10i (S-2013-001), IDENTITY and the blue
light artifact fix LMT (a matrix) are here too. The display styles are in
`vfx_rs.ocio.builtin_displays`, the cameras and ADX in
`vfx_rs.ocio.builtin_cameras`; styles beginning ``ACES-OUTPUT - `` or
``ACES-LMT - `` are the ACES output transforms and LMTs of
`vfx_rs.color.aces` (``builtin_ops(style)``).
"""

from __future__ import annotations

import functools

import numpy as np

from vfx_rs.color import acescc_decode
from vfx_rs.color.transfer.camera import ACESCCT
from vfx_rs.errors import ArgumentError, OcioError
from vfx_rs.ocio.builtin_cameras import camera_styles
from vfx_rs.ocio.builtin_displays import display_styles
from vfx_rs.ocio.builtin_style import BuiltinStyle, conversion_matrix, log_camera_ops
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import LogOp, Lut1DOp, MatrixOp, RangeOp
from vfx_rs.pipeline.ops.transfer import ACESCC_MAX

__all__ = [
    "ACESPROXY10_CODES",
    "ACES_STYLE_PREFIXES",
    "BLUE_LIGHT_FIX_MATRIX",
    "BUILTIN_TRANSFORMS",
    "builtin_ops",
    "builtin_styles",
]

ACES_STYLE_PREFIXES = ("ACES-OUTPUT - ", "ACES-LMT - ")
"""Styles built by `vfx_rs.color.aces.builtin_ops` (the ACES output transforms and LMTs)."""

ACESCC_LUT_RANGE = (-0.36, 1.5)
"""ACEScc code values OCIO's ACEScc_to_ACES2065-1 table spans (OCIO ACES.cpp: IN_MIN, IN_MAX)."""

ACESCC_LUT_SIZE = 4096
"""Entries of that table (OCIO ACES.cpp, ``CreateLut(ops, 4096, ...)``)."""


def _acescc_to_ap1() -> list[Op]:
    """OCIO's ACEScc decoding: a range onto [0, 1] and a 4096-entry table of the ACEScc EOTF.

    OCIO interpolates its table (values of the ACEScc EOTF, S-2014-003 4.5,
    continued past the CTL's 65504 ceiling "to avoid a slope discontinuity"),
    stored in float32, linearly, as `Lut1DOp` does: the decoded values are
    OCIO's to the last bit, which matters where a later matrix cancels large
    values. The inverse is OCIO's exact inversion of the table
    (`Lut1DInverseOp`).
    """
    lo, hi = ACESCC_LUT_RANGE
    code = np.linspace(0.0, 1.0, ACESCC_LUT_SIZE) * (hi - lo) + lo
    # S-2014-003, 4.5: 2^(code * 17.52 - 9.72) on the log segment (the CTL then clamps at 65504).
    values = np.where(code < ACESCC_MAX, acescc_decode(code), np.exp2(code * 17.52 - 9.72))
    values = values.astype(np.float32).astype(np.float64)  # OCIO stores the table in float32
    return [RangeOp.from_bounds(lo, hi, 0.0, 1.0), Lut1DOp(table=np.repeat(values[:, None], 3, axis=1))]


ACESPROXY10_CODES = (64.0, 940.0, 425.0, 50.0, 2.5)
"""ACESproxy 10-bit: code range 64..940, and ``lin = 2 ** ((code - 425) / 50 - 2.5)`` on it (ACES S-2013-001,
section 4.1.1, ACESproxy10 CVmin, CVmax, mid-point and steps per stop)."""


def _acesproxy10_to_ap1() -> list[Op]:
    """ACESproxy10 normalised code values to ACEScg: onto log2 exposure (clamped to the code range), antilog."""
    lo, hi, mid, steps, shift = ACESPROXY10_CODES
    return [
        RangeOp.from_bounds(lo / 1023.0, hi / 1023.0, (lo - mid) / steps - shift, (hi - mid) / steps - shift),
        LogOp(base=2.0, to_log=False),
    ]


BLUE_LIGHT_FIX_MATRIX = (
    (0.9404372683, -0.0183068787, 0.0778696104),
    (0.0083786969, 0.8286599939, 0.1629613092),
    (0.0005471261, -0.0008833746, 1.0003362486),
)
"""The ACES blue light artifact fix LMT, applied to ACES2065-1 RGB (aces-dev ``LMT.Academy.BlueLightArtifactFix.ctl``,
correctionMatrix, stored transposed there)."""


def _ap1_to_ap0() -> MatrixOp:
    return conversion_matrix("ACEScg", "ACES2065-1")


def _aces_styles() -> list[BuiltinStyle]:
    acescct_decode = log_camera_ops(list(ACESCCT.decode.ops))
    return [
        BuiltinStyle(
            "UTILITY - ACES-AP0_to_CIE-XYZ-D65_BFD",
            "ACES AP0 to CIE XYZ, D65 white, Bradford adaptation",
            lambda: [conversion_matrix("ACES2065-1", "CIE XYZ", "bradford")],
        ),
        BuiltinStyle(
            "UTILITY - ACES-AP1_to_CIE-XYZ-D65_BFD",
            "ACES AP1 to CIE XYZ, D65 white, Bradford adaptation",
            lambda: [conversion_matrix("ACEScg", "CIE XYZ", "bradford")],
        ),
        BuiltinStyle(
            "UTILITY - ACES-AP1_to_LINEAR-REC709_BFD",
            "ACES AP1 to linear Rec.709, Bradford adaptation",
            lambda: [conversion_matrix("ACEScg", "Rec.709", "bradford")],
        ),
        BuiltinStyle("CURVE - ACEScct-LOG_to_LINEAR", "The ACEScct log-to-linear curve", lambda: list(acescct_decode)),
        BuiltinStyle("ACEScct_to_ACES2065-1", "ACEScct to ACES2065-1", lambda: [*acescct_decode, _ap1_to_ap0()]),
        BuiltinStyle(
            "ACEScc_to_ACES2065-1",
            "ACEScc to ACES2065-1 (negative results clamp to 0, as the CTL's inverse clamps its input)",
            lambda: [*_acescc_to_ap1(), _ap1_to_ap0(), RangeOp.from_bounds(0.0, None, 0.0, None)],
        ),
        BuiltinStyle("ACEScg_to_ACES2065-1", "ACEScg to ACES2065-1", lambda: [_ap1_to_ap0()]),
        BuiltinStyle(
            "ACESproxy10i_to_ACES2065-1",
            "ACESproxy 10-bit (integer code range) to ACES2065-1",
            lambda: [*_acesproxy10_to_ap1(), _ap1_to_ap0()],
        ),
        BuiltinStyle("IDENTITY", "No change", list),
        BuiltinStyle(
            "ACES-LMT - BLUE_LIGHT_ARTIFACT_FIX",
            "ACES LMT desaturating blue hues to reduce clipping artifacts",
            lambda: [MatrixOp(matrix=np.array(BLUE_LIGHT_FIX_MATRIX))],
        ),
    ]


BUILTIN_TRANSFORMS: dict[str, BuiltinStyle] = {
    s.style: s for s in (*_aces_styles(), *display_styles(), *camera_styles())
}
"""Every style built here, by OCIO name; `builtin_ops` also accepts the `ACES_STYLE_PREFIXES` styles."""

_BY_KEY = {k.lower(): v for k, v in BUILTIN_TRANSFORMS.items()}


def builtin_styles() -> list[str]:
    """The style names `builtin_ops` builds here (ACES output and LMT styles come from `vfx_rs.color.aces`)."""
    return list(BUILTIN_TRANSFORMS)


def builtin_ops(style: str, inverse: bool = False) -> list[Op]:
    """The ops of BuiltinTransform `style` (case-insensitive, as OCIO), forward or `inverse`.

    Unknown styles raise `OcioError` listing the known ones. Ops are
    immutable, so each style's list is built once and shared.

    Examples
    --------
    >>> [op.kind for op in builtin_ops("ACEScg_to_ACES2065-1")]
    ['matrix']
    """
    return list(_cached_ops(style.strip().lower(), inverse, style))


@functools.lru_cache(maxsize=256)
def _cached_ops(key: str, inverse: bool, style: str) -> tuple[Op, ...]:
    entry = _BY_KEY.get(key)
    if entry is None and style.upper().startswith(tuple(p.upper() for p in ACES_STYLE_PREFIXES)):
        entry = BuiltinStyle(style, "ACES output transform or LMT", lambda: _aces_builtin_ops(style))
    if entry is None:
        raise OcioError(f"unknown BuiltinTransform style {style!r}; known: {', '.join(BUILTIN_TRANSFORMS)}")
    if not inverse:
        return tuple(entry.build())
    if entry.build_inverse is not None:
        return tuple(entry.build_inverse())
    try:
        return tuple(op.inverse() for op in reversed(entry.build()))
    except ArgumentError as exc:
        raise OcioError(f"BuiltinTransform style {style!r} has no inverse: {exc.message}") from None


def _aces_builtin_ops(style: str) -> list[Op]:
    from vfx_rs.color.aces import builtin_ops as aces_builtin_ops

    try:
        return list(aces_builtin_ops(style))
    except KeyError as exc:  # NotFoundError, listing the ACES styles
        raise OcioError(str(exc)) from None
