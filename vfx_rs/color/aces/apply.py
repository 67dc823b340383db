"""In-place ACES output transform functions on float32 ``(..., 3|4)`` pixels (alpha untouched).

Thin wrappers over the pipelines of `vfx_rs.color.aces.output`; every
function transforms `data` in place and returns it.
"""

from __future__ import annotations

import numpy as np

from vfx_rs.color.aces.output import inverse_odt, inverse_output_transform, odt, output_transform, rrt

__all__ = [
    "apply_inverse_odt",
    "apply_inverse_odt_srgb",
    "apply_inverse_output_transform",
    "apply_inverse_rrt_odt_srgb",
    "apply_odt",
    "apply_output_transform",
    "apply_rrt",
    "apply_rrt_odt_srgb",
]


def apply_output_transform(data: np.ndarray, name: str, input: str = "ACES2065-1") -> np.ndarray:
    """ACES 1.3 output transform `name` (``"sRGB"``, ``"Rec.709"``, ``"Display P3"``, ``"Rec.2020"``...).

    `input` is ``"ACES2065-1"`` (AP0, as the RRT defines it) or ``"ACEScg"``.
    Unknown names raise `vfx_rs.errors.NotFoundError` listing the known ones.
    """
    return output_transform(name, input).apply(data)


def apply_inverse_output_transform(data: np.ndarray, name: str, output: str = "ACES2065-1") -> np.ndarray:
    """Display code values of `name` back to scene linear `output`: RRT and ODT undone."""
    return inverse_output_transform(name, output).apply(data)


def apply_rrt(data: np.ndarray) -> np.ndarray:
    """ACES 1.0 RRT: ACES2065-1 to OCES."""
    return rrt().apply(data)


def apply_odt(data: np.ndarray, name: str) -> np.ndarray:
    """The ODT of SDR display `name`: OCES to display code values."""
    return odt(name).apply(data)


def apply_inverse_odt(data: np.ndarray, name: str) -> np.ndarray:
    """Display code values of SDR display `name` back to OCES (the ODT only)."""
    return inverse_odt(name).apply(data)


def apply_rrt_odt_srgb(data: np.ndarray, input: str = "ACES2065-1") -> np.ndarray:
    """ACES 1.3 sRGB output transform (RRT + ODT.Academy.sRGB_100nits_dim), as OCIO's ``sRGB - Display`` /
    ``ACES 1.0 - SDR Video``; `input` is ``"ACES2065-1"`` or ``"ACEScg"``."""
    return output_transform("sRGB", input).apply(data)


def apply_inverse_odt_srgb(data: np.ndarray) -> np.ndarray:
    """sRGB display code values back to OCES (AP0): the sRGB ODT undone, the RRT kept."""
    return inverse_odt("sRGB").apply(data)


def apply_inverse_rrt_odt_srgb(data: np.ndarray, output: str = "ACES2065-1") -> np.ndarray:
    """sRGB display code values back to scene linear `output`: the whole sRGB output transform undone."""
    return inverse_output_transform("sRGB", output).apply(data)
