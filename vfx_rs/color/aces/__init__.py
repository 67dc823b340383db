"""ACES 1.3 output transforms and OCIO's ACES BuiltinTransform styles, built from pipeline ops.

- `apply_rrt_odt_srgb`, `apply_inverse_odt_srgb`, `apply_inverse_rrt_odt_srgb`: the sRGB output transform.
- `apply_output_transform` / `apply_inverse_output_transform` by display name (`OUTPUT_TRANSFORMS`),
  `apply_rrt`, `apply_odt`, `apply_inverse_odt`; the pipelines themselves from `output_transform`,
  `inverse_output_transform`, `rrt`, `odt`, `inverse_odt`.
- `builtin_ops(style)`: the ops of OCIO's ``ACES-OUTPUT - ...`` and ``ACES-LMT - ...`` BuiltinTransforms.
"""

from __future__ import annotations

from vfx_rs.color.aces.apply import (
    apply_inverse_odt,
    apply_inverse_odt_srgb,
    apply_inverse_output_transform,
    apply_inverse_rrt_odt_srgb,
    apply_odt,
    apply_output_transform,
    apply_rrt,
    apply_rrt_odt_srgb,
)
from vfx_rs.color.aces.builtin import BUILTIN_STYLES, builtin_ops, builtin_styles
from vfx_rs.color.aces.output import (
    ACES_INPUTS,
    OUTPUT_TRANSFORMS,
    OutputTransform,
    inverse_odt,
    inverse_output_transform,
    odt,
    output_transform,
    rrt,
)

__all__ = [
    "ACES_INPUTS",
    "BUILTIN_STYLES",
    "OUTPUT_TRANSFORMS",
    "OutputTransform",
    "apply_inverse_odt",
    "apply_inverse_odt_srgb",
    "apply_inverse_output_transform",
    "apply_inverse_rrt_odt_srgb",
    "apply_odt",
    "apply_output_transform",
    "apply_rrt",
    "apply_rrt_odt_srgb",
    "builtin_ops",
    "builtin_styles",
    "inverse_odt",
    "inverse_output_transform",
    "odt",
    "output_transform",
    "rrt",
]
