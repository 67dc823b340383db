"""The vfx-rs-py `Image` methods (``img.flip()``, ``img.box_blur(5)``...), each a thin delegate to a function.

`IMAGE_METHODS` maps a method name to the module and function it calls with
the image as first argument; `install` adds them to `vfx_rs.Image`. The
modules are imported on the first call, so ``import vfx_rs`` stays light.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["IMAGE_METHODS", "install"]

IMAGE_METHODS: dict[str, tuple[str, str]] = {
    "flip": ("vfx_rs.ops", "flip"),
    "flop": ("vfx_rs.ops", "flop"),
    "transpose": ("vfx_rs.ops", "transpose"),
    "rotate90": ("vfx_rs.ops", "rotate90"),
    "rotate180": ("vfx_rs.ops", "rotate180"),
    "rotate270": ("vfx_rs.ops", "rotate270"),
    "unsharp_mask": ("vfx_rs.ops", "unsharp_mask"),
    "median": ("vfx_rs.ops", "median"),
    "box_blur": ("vfx_rs.ops", "box_blur"),
    "dilate": ("vfx_rs.ops", "dilate"),
    "erode": ("vfx_rs.ops", "erode"),
    "laplacian": ("vfx_rs.ops", "laplacian"),
    "sobel": ("vfx_rs.ops", "sobel"),
    "clamp": ("vfx_rs.ops", "clamp"),
    "invert": ("vfx_rs.ops", "invert"),
    "abs": ("vfx_rs.ops", "abs"),
    "pow": ("vfx_rs.ops", "pow"),
    "premult": ("vfx_rs.ops", "premult"),
    "unpremult": ("vfx_rs.ops", "unpremult"),
    "saturate": ("vfx_rs.ops", "saturate"),
    "contrast": ("vfx_rs.ops", "contrast_remap"),
    "srgb_to_linear": ("vfx_rs.ops", "srgb_to_linear"),
    "linear_to_srgb": ("vfx_rs.ops", "linear_to_srgb"),
    "colorconvert": ("vfx_rs.ocio", "colorconvert"),
    "extract_channel": ("vfx_rs.ops", "extract_channel"),
    "channel_append": ("vfx_rs.ops", "channel_append"),
    "demosaic": ("vfx_rs.ops", "demosaic"),
    "make_texture": ("vfx_rs.ops", "make_texture"),
    "make_mip_level": ("vfx_rs.ops", "make_mip_level"),
    "fillholes": ("vfx_rs.ops", "fillholes_pushpull"),
    "has_holes": ("vfx_rs.ops", "has_holes"),
    "count_holes": ("vfx_rs.ops", "count_holes"),
}
"""Image method name -> (module, function); `vfx_rs.Image` gets each (``contrast`` is ``contrast_remap``)."""


def _delegate(name: str, module: str, function: str) -> Callable[..., Any]:
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), function)(self, *args, **kwargs)

    method.__name__ = name
    method.__qualname__ = f"Image.{name}"
    method.__doc__ = f"``{module}.{function}(self, ...)``: see that function."
    return method


def install(cls: type) -> None:
    """Add the `IMAGE_METHODS` delegates to `cls` (never replacing a method it defines itself)."""
    for name, (module, function) in IMAGE_METHODS.items():
        if name not in cls.__dict__:
            setattr(cls, name, _delegate(name, module, function))
