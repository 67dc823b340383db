"""`TransferFunction`: a named pair of encode/decode pipelines, and the function trio built from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from vfx_rs.pipeline import Op, Pipeline

__all__ = ["TransferFunction", "apply_function", "elementwise_function"]


@dataclass(frozen=True)
class TransferFunction:
    """A transfer curve: `encode` maps scene/display linear to code values, `decode` back.

    Attributes
    ----------
    name
        Registry name (lower case).
    encode, decode
        Pipelines of ops; each is the other's inverse.
    reference
        The document the constants come from.
    """

    name: str
    encode: Pipeline
    decode: Pipeline
    reference: str

    @classmethod
    def from_encoding(cls, name: str, encode: Op | list[Op], reference: str) -> TransferFunction:
        """Build from the encoding op(s); decoding is their inverse."""
        pipeline = Pipeline(encode if isinstance(encode, list) else [encode], optimize=False)
        return cls(name=name, encode=pipeline, decode=pipeline.inverse(), reference=reference)


def elementwise_function(pipeline: Pipeline, name: str, doc: str) -> Callable[[Any], Any]:
    """A function applying `pipeline` to a float (float64 result) or an array (same shape, float dtype kept).

    The function takes ``out=``, as NumPy ufuncs do: a writeable C-contiguous
    array of the result's shape and dtype (it may be the input itself) that
    receives the result and is returned (see `Pipeline.apply_elementwise`).
    """

    def function(values: Any, *, out: np.ndarray | None = None) -> Any:
        return pipeline.apply_elementwise(values, out=out)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = doc
    return function


def apply_function(pipeline: Pipeline, name: str, doc: str) -> Callable[[np.ndarray], np.ndarray]:
    """A function applying `pipeline` in place to (..., 3|4) float32 pixels (alpha untouched), returning them."""

    def function(data: np.ndarray) -> np.ndarray:
        return pipeline.apply(data)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = doc
    return function
