"""Core value types of vfx-rs-py: `TypeDesc` and its enums, `DataFormat`, `BitDepth`, `Roi3D`, `ImageSpec`.

Plain descriptions (no pixels), as OpenImageIO's ``TypeDesc``, ``ROI`` and
``ImageSpec``; also at the top level (``vfx_rs.Roi3D``).
"""

from __future__ import annotations

from vfx_rs.core.roi import Roi3D
from vfx_rs.core.spec import ImageSpec
from vfx_rs.core.typedesc import Aggregate, BaseType, BitDepth, DataFormat, TypeDesc, VecSemantics

__all__ = ["Aggregate", "BaseType", "BitDepth", "DataFormat", "ImageSpec", "Roi3D", "TypeDesc", "VecSemantics"]
