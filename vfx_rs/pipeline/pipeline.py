"""`Pipeline`: a simplified op list, applied by the NumPy executor or emitted as GLSL.

A processor in `vfx_rs` (from a color conversion, a LUT, a CDL, an OCIO
view or the viewer's grade) is a `Pipeline`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs._validate import check_inplace_float32, numeric_array
from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.execute import apply_ops, apply_ops_grey
from vfx_rs.pipeline.glsl import GlslProgram, emit_glsl
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.simplify import simplify

__all__ = ["Pipeline"]


class Pipeline:
    """An ordered, simplified list of ops.

    Parameters
    ----------
    ops
        Ops (or other pipelines, which are flattened) in application order.
    optimize
        Simplify the list (fuse matrices, drop identities, cancel inverses).

    Examples
    --------
    >>> import numpy as np
    >>> from vfx_rs.pipeline.ops import MatrixOp
    >>> double = Pipeline([MatrixOp(matrix=np.eye(3) * 2.0)])
    >>> data = np.ones((1, 2, 4), dtype=np.float32)
    >>> double.apply(data)[0, 0].tolist()
    [2.0, 2.0, 2.0, 1.0]
    >>> len(double + double.inverse())
    0
    """

    __slots__ = ("_ops",)

    def __init__(self, ops: Iterable[Op | Pipeline] = (), *, optimize: bool = True) -> None:
        flat: list[Op] = []
        for item in ops:
            if isinstance(item, Pipeline):
                flat.extend(item._ops)
            elif isinstance(item, Op):
                flat.append(item)
            else:
                raise ArgumentError(f"a pipeline holds ops, not {type(item).__name__}")
        self._ops: tuple[Op, ...] = tuple(simplify(flat) if optimize else flat)

    @property
    def ops(self) -> tuple[Op, ...]:
        """The ops, in application order."""
        return self._ops

    def apply(self, data: np.ndarray) -> np.ndarray:
        """Apply in place to float32 ``(..., 3)`` or ``(..., 4)`` pixels (alpha untouched); returns `data`."""
        return apply_ops(self._ops, data)

    def applied(self, data: npt.ArrayLike, *, out: np.ndarray | None = None) -> np.ndarray:
        """Return a transformed float32 copy of ``(..., 3|4)`` pixels.

        With `out` (a writeable, C-contiguous float32 array of the shape of
        `data`, which may be `data` itself) the result is written there and
        `out` is returned, with no other array of the image's size allocated,
        as NumPy ufuncs do. A wrong `out` raises `vfx_rs.errors.ArgumentError`.
        """
        arr = numeric_array(data, "pixels")
        if out is None:
            return self.apply(np.array(arr, dtype=np.float32, copy=True))
        _check_out(out, arr.shape, np.dtype(np.float32))
        check_inplace_float32(out, "out", channels=(3, 4))
        if not _same_buffer(arr, out):
            out[...] = arr
        return self.apply(out)

    def apply_elementwise(self, values: Any, *, out: np.ndarray | None = None) -> Any:
        """Apply to every element of a scalar or array, as if each were a grey pixel.

        For transforms that keep greys grey (transfer functions, including
        luminance-coupled ones such as the HLG OOTF): each value goes in as
        R = G = B and the red channel comes out. A float gives a float
        (computed in float64), an array an array of the same shape and float
        dtype (float32 stays float32).

        With `out` (a writeable, C-contiguous array of the shape and dtype the
        call would return, which may be `values` itself) the result is written
        there and `out` is returned; only tile-sized temporaries are
        allocated. A wrong `out` raises `vfx_rs.errors.ArgumentError`.
        """
        arr = numeric_array(values, "values")
        dtype = arr.dtype if arr.dtype in (np.float32, np.float64) else np.dtype(np.float64)
        if out is None:
            result = np.empty(arr.shape, dtype=dtype)
        else:
            _check_out(out, arr.shape, dtype)
            result = out
            if np.may_share_memory(arr, out) and not _same_buffer(arr, out):
                arr = arr.copy()  # partial overlap: tiles would read values already written
        apply_ops_grey(self._ops, arr.reshape(-1), result.reshape(-1))
        if out is None and arr.ndim == 0:
            return float(result)
        return result

    def inverse(self) -> Pipeline:
        """The pipeline undoing this one (each op inverted, in reverse order)."""
        return Pipeline([op.inverse() for op in reversed(self._ops)])

    def glsl(self, function_name: str = "vfx_apply") -> GlslProgram:
        """GLSL source and manifest computing this pipeline (see `emit_glsl`)."""
        return emit_glsl(self._ops, function_name)

    def is_identity(self) -> bool:
        """True if the simplified pipeline has no ops."""
        return not self._ops

    def __add__(self, other: Pipeline) -> Pipeline:
        if not isinstance(other, Pipeline):
            return NotImplemented
        return Pipeline([self, other])

    def __len__(self) -> int:
        return len(self._ops)

    def __iter__(self) -> Iterator[Op]:
        return iter(self._ops)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self._ops == other._ops

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        kinds = ", ".join(op.kind for op in self._ops)
        return f"<vfx_rs.Pipeline [{kinds}]>"


def _check_out(out: Any, shape: tuple[int, ...], dtype: np.dtype) -> None:
    """Raise `ArgumentError` unless `out` is a writeable C-contiguous `dtype` array of `shape`."""
    if not isinstance(out, np.ndarray):
        raise ArgumentError(f"out must be a numpy.ndarray, not {type(out).__name__}")
    if out.shape != shape:
        raise ArgumentError(f"out has shape {out.shape}; expected {shape}, the shape of the input")
    if out.dtype != dtype:
        raise ArgumentError(f"out has dtype {out.dtype}; expected {dtype}, the dtype of the result")
    if not out.flags.c_contiguous:
        raise ArgumentError("out must be C-contiguous")
    if not out.flags.writeable:
        raise ArgumentError("out is read-only")


def _same_buffer(a: np.ndarray, b: np.ndarray) -> bool:
    """True if `a` and `b` view the same memory element for element (an in-place call)."""
    return (
        a.shape == b.shape
        and a.dtype == b.dtype
        and a.strides == b.strides
        and a.__array_interface__["data"][0] == b.__array_interface__["data"][0]
    )
