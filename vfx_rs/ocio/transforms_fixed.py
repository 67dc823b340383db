"""OCIO FixedFunctionTransform styles as pipeline ops.

The styles and their parameters follow OpenColorIO's FixedFunctionTransform
(``ops/fixedfunction``; YAML ``style`` names case-insensitive, ``params`` a
list); the ops of each style are `vfx_rs.pipeline.fixed_functions.FIXED_FUNCTIONS`.
Styles not listed there raise `OcioError`.
"""

from __future__ import annotations

from vfx_rs.errors import ArgumentError, OcioError
from vfx_rs.ocio.model import Transform
from vfx_rs.pipeline.fixed_functions import FIXED_FUNCTIONS
from vfx_rs.pipeline.op import Op

__all__ = ["FIXED_FUNCTIONS", "fixed_function_ops"]


def fixed_function_ops(t: Transform, path: str | None) -> list[Op]:
    """The forward ops of a FixedFunctionTransform; unknown or unsupported styles raise `OcioError`."""
    style = str(t.params.get("style", "")).strip()
    build = FIXED_FUNCTIONS.get(style.lower())
    if build is None:
        known = ", ".join(FIXED_FUNCTIONS)
        raise OcioError(
            f"FixedFunctionTransform style {style!r} is not supported (supported: {known})", path=path, line=t.line
        )
    raw = t.params.get("params", [])
    try:
        params = [float(v) for v in (raw if isinstance(raw, list) else [raw])]
    except (TypeError, ValueError):
        raise OcioError(f"FixedFunctionTransform params must be numbers, got {raw!r}", path=path, line=t.line) from None
    try:
        return build(params)
    except ArgumentError as exc:
        raise OcioError(f"FixedFunctionTransform {style}: {exc.message}", path=path, line=t.line) from None
