"""vfx-rs: an exact NumPy toolkit for VFX images, color and LUTs.

The top level holds the image containers, file I/O and the errors. The
subpackages `vfx_rs.color`, `vfx_rs.lut`, `vfx_rs.ops`, `vfx_rs.ocio` and
`vfx_rs.pipeline` load on first use, so ``import vfx_rs`` stays light.

Examples
--------
>>> import numpy as np, vfx_rs
>>> img = vfx_rs.Image(np.full((4, 6, 3), 0.18, dtype=np.float32))
>>> img
<vfx_rs.Image 6x4 RGB f32>
"""

from __future__ import annotations

import importlib
from typing import Any

from vfx_rs.errors import (
    ArgumentError,
    FormatError,
    IoError,
    LutError,
    NotFoundError,
    OcioError,
    VfxError,
)
from vfx_rs.image import Image, LayeredImage
from vfx_rs.io import read, read_layer, read_layered, write, write_layers

__version__ = "0.1.0"

__all__ = [
    "ArgumentError",
    "FormatError",
    "Image",
    "IoError",
    "LayeredImage",
    "LutError",
    "NotFoundError",
    "OcioError",
    "VfxError",
    "__version__",
    "read",
    "read_layer",
    "read_layered",
    "write",
    "write_layers",
]

_SUBPACKAGES = frozenset(
    {
        "color",
        "core",
        "deep",
        "drawing",
        "fft",
        "io",
        "lut",
        "ocio",
        "ops",
        "pipeline",
        "stats",
        "view",
        "viewer",
        "warp",
    }
)

_LAZY = {
    "read_deep": "vfx_rs.io.exr_deep",
    "read_movie": "vfx_rs.io.movie",
    "write_movie": "vfx_rs.io.movie",
    "DeepImage": "vfx_rs.deep",
    "Processor": "vfx_rs.processor",
    "BitDepth": "vfx_rs.core",
    "TypeDesc": "vfx_rs.core",
    "ImageSpec": "vfx_rs.core",
    "Roi3D": "vfx_rs.core",
    "DataFormat": "vfx_rs.core",
    "BaseType": "vfx_rs.core",
    "Aggregate": "vfx_rs.core",
    "VecSemantics": "vfx_rs.core",
    "ImageLayer": "vfx_rs.image_layer",
    "ImageChannel": "vfx_rs.image_layer",
    "ChannelKind": "vfx_rs.image_layer",
    "SampleType": "vfx_rs.image_layer",
}
"""The vfx-rs-py top-level names, each imported from its module on first use."""


def __getattr__(name: str) -> Any:
    # PEP 562: `vfx_rs.color` and `vfx_rs.Processor` work after a bare `import vfx_rs`, loaded on first use.
    if name in _SUBPACKAGES:
        return importlib.import_module(f"vfx_rs.{name}")
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'vfx_rs' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | _SUBPACKAGES | set(_LAZY))
