"""The ASC CDL as a value: `Cdl` (slope, offset, power, saturation) and `apply_cdl`.

ASC CDL v1.2 (American Society of Cinematographers, "ASC Color Decision List
(ASC CDL) Transfer Functions and Interchange Syntax", v1.2, sections 3.2-3.3)::

    out = (in * slope + offset) ** power
    out = luma + saturation * (out - luma),  luma = 0.2126 R + 0.7152 G + 0.0722 B

Styles follow OpenColorIO's CDLTransform: ``"asc"`` clamps to [0, 1] as the
ASC v1.2 specification does (OCIO ``CDL_ASC``), ``"noclamp"`` leaves values
outside [0, 1] alone and passes negatives through the power (OCIO
``CDL_NO_CLAMP``, OCIO's default). The arithmetic lives in
`vfx_rs.pipeline.ops.cdl.CdlOp`; files are read and written by
`vfx_rs.color.cdl_files`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from vfx_rs._validate import check_choice, check_inplace_float32
from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops.cdl import CdlOp, cdl_parameters

__all__ = ["CDL_STYLE_NAMES", "Cdl", "CdlStyleName", "apply_cdl"]

CdlStyleName = Literal["asc", "noclamp"]

CDL_STYLE_NAMES: tuple[CdlStyleName, ...] = ("asc", "noclamp")
"""CDL styles by OCIO's config names (CDLTransform ``style: asc`` / ``style: noclamp``)."""


@dataclass(frozen=True)
class Cdl:
    """One ASC CDL color correction (a ``ColorCorrection`` element).

    Attributes
    ----------
    slope
        Per-channel slope, each >= 0 (ASC CDL v1.2 section 3.2; OCIO's limit).
    offset
        Per-channel offset.
    power
        Per-channel power, each > 0.
    saturation
        Saturation, >= 0.
    id
        The correction's ``id`` attribute, if any.
    description
        The correction's description text ("" when none).

    Examples
    --------
    >>> import numpy as np
    >>> cdl = Cdl(slope=(2.0, 1.0, 1.0), offset=(0.0, 0.25, 0.0))
    >>> px = np.array([[0.25, 0.5, 0.5]], dtype=np.float32)
    >>> apply_cdl(px, cdl).tolist()
    [[0.5, 0.75, 0.5]]
    >>> apply_cdl(px, cdl, inverse=True).tolist()
    [[0.25, 0.5, 0.5]]
    """

    slope: tuple[float, float, float] = (1.0, 1.0, 1.0)
    offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
    power: tuple[float, float, float] = (1.0, 1.0, 1.0)
    saturation: float = 1.0
    id: str | None = None
    description: str = ""

    def __post_init__(self) -> None:
        slope, offset, power, saturation = cdl_parameters(self.slope, self.offset, self.power, self.saturation)
        object.__setattr__(self, "slope", slope)
        object.__setattr__(self, "offset", offset)
        object.__setattr__(self, "power", power)
        object.__setattr__(self, "saturation", saturation)
        object.__setattr__(self, "description", str(self.description or ""))

    def ops(self, style: str = "asc", inverse: bool = False) -> list[CdlOp]:
        """The pipeline ops applying this correction (or undoing it, `inverse`) in `style`."""
        base = "v1.2" if check_choice(style, CDL_STYLE_NAMES, "CDL style") == "asc" else "noclamp"
        direction = "rev" if inverse else "fwd"
        op = CdlOp(
            slope=self.slope,
            offset=self.offset,
            power=self.power,
            saturation=self.saturation,
            style=f"{base}_{direction}",  # type: ignore[arg-type]
        )
        return [op]

    def pipeline(self, style: str = "asc", inverse: bool = False) -> Pipeline:
        """A `Pipeline` of `ops` (for chaining with other transforms, or GLSL)."""
        return Pipeline(self.ops(style, inverse))

    def is_identity(self) -> bool:
        """True if slope, offset, power and saturation are all neutral."""
        return (
            self.slope == (1.0, 1.0, 1.0)
            and self.offset == (0.0, 0.0, 0.0)
            and self.power == (1.0, 1.0, 1.0)
            and self.saturation == 1.0
        )


def apply_cdl(data: np.ndarray, cdl: Cdl, style: str = "asc", inverse: bool = False) -> np.ndarray:
    """Apply `cdl` in place to float32 ``(H, W, 3|4)`` or ``(N, 3|4)`` pixels; returns `data`.

    Parameters
    ----------
    data
        Writeable float32 pixels; alpha (a 4th channel) is left untouched.
    cdl
        The correction.
    style
        ``"asc"`` (ASC CDL v1.2: clamp to [0, 1], OCIO ``CDL_ASC``) or
        ``"noclamp"`` (OCIO ``CDL_NO_CLAMP``: no clamps, negatives pass the power).
    inverse
        Undo the correction instead (OCIO's reverse CDL renderer).
    """
    if not isinstance(cdl, Cdl):
        raise ArgumentError(f"apply_cdl needs a Cdl, not {type(cdl).__name__}")
    check_inplace_float32(data, "data", channels=(3, 4))
    return cdl.pipeline(style, inverse).apply(data)
