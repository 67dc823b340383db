"""Transfer functions: one module per family, and `TRANSFER_FUNCTIONS`, the registry by name."""

from __future__ import annotations

from vfx_rs.color.transfer.camera import (
    ACESCC,
    ACESCCT,
    APPLE_LOG,
    ARRI_LOGC3,
    ARRI_LOGC4,
    BLACKMAGIC_FILM_GEN5,
    CANON_LOG2,
    CANON_LOG3,
    DAVINCI_INTERMEDIATE,
    PANASONIC_VLOG,
    RED_LOG3G10,
    SONY_SLOG3,
)
from vfx_rs.color.transfer.curve import TransferFunction
from vfx_rs.color.transfer.display import BT1886, GAMMA22, GAMMA24, GAMMA26, REC709, SRGB
from vfx_rs.color.transfer.hdr import HLG, HLG_EOTF, ST2084, ST2084_NITS
from vfx_rs.errors import NotFoundError

__all__ = ["TRANSFER_FUNCTIONS", "TransferFunction", "transfer_function"]

TRANSFER_FUNCTIONS: dict[str, TransferFunction] = {
    tf.name: tf
    for tf in (
        SRGB,
        REC709,
        BT1886,
        GAMMA22,
        GAMMA24,
        GAMMA26,
        ST2084,
        ST2084_NITS,
        HLG,
        HLG_EOTF,
        ACESCC,
        ACESCCT,
        APPLE_LOG,
        ARRI_LOGC3,
        ARRI_LOGC4,
        SONY_SLOG3,
        PANASONIC_VLOG,
        DAVINCI_INTERMEDIATE,
        RED_LOG3G10,
        BLACKMAGIC_FILM_GEN5,
        CANON_LOG2,
        CANON_LOG3,
    )
}
"""Every transfer function by lower-case name; look names up with `transfer_function`."""


def transfer_function(name: str) -> TransferFunction:
    """The transfer function called `name` (case-insensitive); raises `NotFoundError` listing the known names."""
    try:
        return TRANSFER_FUNCTIONS[str(name).lower()]
    except KeyError:
        raise NotFoundError(
            f"unknown transfer function {name!r}; known: {', '.join(sorted(TRANSFER_FUNCTIONS))}"
        ) from None
