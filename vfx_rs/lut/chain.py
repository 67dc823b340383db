"""`LutChain`: what a LUT file holds when it is more than one table.

Some files hold a sequence of steps rather than one LUT: a Cinespace ``.csp``
1D table behind its pre-LUT, a ``.spimtx`` matrix, a CLF process list. A
chain keeps the steps in order, `Lut1D`/`Lut3D` objects where the file holds
tables (so the 3D interpolation can still be chosen) and pipeline ops for
the rest, and offers the same ``to_ops``/``apply`` interface as the LUTs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import LutError
from vfx_rs.lut.lut import Lut1D, Lut3D
from vfx_rs.pipeline.op import Op

if TYPE_CHECKING:
    from vfx_rs.pipeline.pipeline import Pipeline

__all__ = ["LutChain", "LutStep"]

LutStep = Lut1D | Lut3D | Op
"""One step of a chain: a 1D or 3D LUT, or any pipeline op."""


@dataclass(eq=False)
class LutChain:
    """Steps applied in order.

    Attributes
    ----------
    steps
        `Lut1D`, `Lut3D` or pipeline `Op` objects, first applied first.
    title
        Free text from the file (name, metadata).

    Examples
    --------
    >>> import numpy as np
    >>> from vfx_rs.pipeline.ops import MatrixOp
    >>> chain = LutChain([MatrixOp(matrix=np.eye(3) * 0.5), Lut1D(np.linspace(0, 1, 3) ** 2)])
    >>> chain.apply(np.array([[1.0, 0.5, 0.0]])).astype(float).round(4).tolist()
    [[0.25, 0.125, 0.0]]
    """

    steps: list[LutStep]
    title: str = ""

    def __post_init__(self) -> None:
        self.steps = list(self.steps)
        for step in self.steps:
            if not isinstance(step, (Lut1D, Lut3D, Op)):
                raise LutError(f"a LUT chain holds Lut1D, Lut3D or Op steps, not {type(step).__name__}")

    def to_ops(self, interpolation: str = "tetrahedral") -> list[Op]:
        """The pipeline ops of every step; `interpolation` applies to the 3D LUTs.

        ``"default"`` is OpenColorIO's default for LUT files, trilinear. 1D tables
        always interpolate linearly, as OCIO applies a file's 1D LUTs when a 3D
        interpolation is asked for (FileFormatUtils.cpp, HandleLUT1D).
        """
        method = "linear" if interpolation.lower() == "default" else interpolation
        ops: list[Op] = []
        for step in self.steps:
            if isinstance(step, Lut3D):
                ops += step.to_ops(method)
            elif isinstance(step, Lut1D):
                ops += step.to_ops()
            else:
                ops.append(step)
        return ops

    def pipeline(self, interpolation: str = "tetrahedral") -> Pipeline:
        """The chain as a simplified `Pipeline`."""
        from vfx_rs.pipeline.pipeline import Pipeline

        return Pipeline(self.to_ops(interpolation))

    def apply(self, array: npt.ArrayLike, interpolation: str = "tetrahedral") -> np.ndarray:
        """A float32 copy of ``(..., 3|4)`` `array` with every step applied (alpha kept)."""
        from vfx_rs.pipeline.execute import apply_ops

        out = np.array(array, dtype=np.float32, copy=True, order="C")
        if out.ndim == 0 or out.shape[-1] not in (3, 4):
            raise LutError(f"LUT input must have 3 or 4 channels on its last axis, got shape {out.shape}")
        return apply_ops(self.to_ops(interpolation), out)

    def __iter__(self) -> Iterator[LutStep]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)
