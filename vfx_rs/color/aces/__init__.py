"""ACES 1.3 output transforms and OCIO's ACES BuiltinTransform styles, built from pipeline ops."""

from __future__ import annotations

from vfx_rs.color.aces.builtin import BUILTIN_STYLES, builtin_ops, builtin_styles

__all__ = ["BUILTIN_STYLES", "builtin_ops", "builtin_styles"]
