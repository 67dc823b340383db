"""OCIO on whole images: the vfx-rs-py ``ocio`` functions (OpenImageIO's ``colorconvert``, ``ociodisplay``...).

Each takes an `Image` (or ``(H, W, C)`` array), converts its first three
channels with a processor of `config` (the built-in ACES 1.3 CG config when
None) and returns a new image like it, other channels untouched; ``roi=``
keeps only that region. With ``unpremult=True`` colour is divided by alpha
before and multiplied after, as OpenImageIO offers.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.ocio.builtin import builtin_aces_1_3
from vfx_rs.ocio.config import Config
from vfx_rs.ocio.processor import Processor, file_transform_processor, named_transform_processor
from vfx_rs.ops._common import ImageLike, alpha_index, pixels_and_names, result
from vfx_rs.ops._roi import restrict

__all__ = [
    "aces_to_acescg",
    "acescg_to_aces",
    "acescg_to_srgb",
    "colorconvert",
    "equivalent_colorspace",
    "list_colorspaces",
    "list_displays",
    "ociodisplay",
    "ociofiletransform",
    "ociolook",
    "ocionamedtransform",
    "srgb_to_acescg",
]


def _config(config: Any) -> Config:
    if config is None:
        return builtin_aces_1_3()
    config = getattr(config, "config", config)  # a ColorConfig wraps a Config
    if not isinstance(config, Config):
        raise ArgumentError(f"config must be a vfx_rs.ocio.Config, not {type(config).__name__}")
    return config


def _apply(image: ImageLike, proc: Processor, roi: Any, unpremult: bool = False) -> Any:
    data, names = pixels_and_names(image)
    if data.shape[2] < 3:
        raise ArgumentError(f"OCIO transforms need 3 or more channels; the image has {data.shape[2]}")
    out = data.copy()
    rgb = np.ascontiguousarray(data[..., :3])
    a = alpha_index(names)
    alpha = data[..., a : a + 1] if unpremult and a is not None else None
    if alpha is not None:
        rgb = np.divide(rgb, alpha, out=rgb.copy(), where=alpha != 0)
    rgb = proc.applied(rgb)
    if alpha is not None:
        rgb = np.where(alpha != 0, rgb * alpha, rgb)
    out[..., :3] = rgb
    return restrict(result(image, out), roi)


def colorconvert(image: ImageLike, from_space: str, to_space: str, config: Any = None, roi: Any = None) -> Any:
    """Convert from color space `from_space` to `to_space` (names, aliases or roles of the config)."""
    return _apply(image, _config(config).processor(from_space, to_space), roi)


def ociodisplay(image: ImageLike, display: str, view: str, from_space: str, config: Any = None, roi: Any = None) -> Any:
    """Apply the (`display`, `view`) transform to an image in `from_space`."""
    return _apply(image, _config(config).display_processor(from_space, display, view), roi)


def ociolook(image: ImageLike, looks: str, from_space: str, to_space: str, config: Any = None, roi: Any = None) -> Any:
    """Convert from `from_space` to `to_space` through `looks` (``"+A, -B"``: B inverted)."""
    return _apply(image, _config(config).processor(from_space, to_space, looks), roi)


def ociofiletransform(
    image: ImageLike,
    filename: str | os.PathLike[str],
    inverse: bool = False,
    config: Any = None,
    roi: Any = None,
) -> Any:
    """Apply a LUT or transform file (.cube, .clf, .spi3d, .cc...), as an OCIO FileTransform."""
    return _apply(image, file_transform_processor(_config(config), os.fspath(filename), inverse), roi)


def ocionamedtransform(
    image: ImageLike, name: str, inverse: bool = False, unpremult: bool = False, roi: Any = None
) -> Any:
    """Apply the built-in ACES config's named transform `name` (OpenImageIO's ``ocionamedtransform``)."""
    return _apply(image, named_transform_processor(builtin_aces_1_3(), name, inverse), roi, unpremult)


def equivalent_colorspace(name1: str, name2: str, config: Any = None) -> bool:
    """True if the two names (or aliases, or roles) are one color space, or convert to each other unchanged."""
    cfg = _config(config)
    if cfg.colorspace(name1).name == cfg.colorspace(name2).name:
        return True
    return bool(cfg.processor(name1, name2).is_identity())


def acescg_to_srgb(image: ImageLike, roi: Any = None) -> Any:
    """ACEScg to sRGB-encoded Rec. 709 (the config's ``sRGB - Texture``)."""
    return colorconvert(image, "ACEScg", "sRGB - Texture", None, roi)


def srgb_to_acescg(image: ImageLike, roi: Any = None) -> Any:
    """sRGB-encoded Rec. 709 (``sRGB - Texture``) to ACEScg."""
    return colorconvert(image, "sRGB - Texture", "ACEScg", None, roi)


def acescg_to_aces(image: ImageLike, roi: Any = None) -> Any:
    """ACEScg to ACES2065-1."""
    return colorconvert(image, "ACEScg", "ACES2065-1", None, roi)


def aces_to_acescg(image: ImageLike, roi: Any = None) -> Any:
    """ACES2065-1 to ACEScg."""
    return colorconvert(image, "ACES2065-1", "ACEScg", None, roi)


def list_colorspaces() -> list[str]:
    """The color spaces of the built-in ACES 1.3 CG config."""
    return builtin_aces_1_3().colorspace_names()


def list_displays() -> list[str]:
    """The displays of the built-in ACES 1.3 CG config."""
    return builtin_aces_1_3().displays()
