"""OpenColorIO configs: load v1/v2 YAML or a built-in config, query it, and build processors as pipelines.

`Config.from_file` reads ``.ocio`` files and the ``ocio://`` names of the
built-in configs (`builtin`; `builtin_aces_1_3` is the ACES 1.3 CG config,
built from `vfx_rs.color`); `Config.processor` and `Config.display_processor`
give a `Processor`, whose `Pipeline` the NumPy executor applies in place and
the GLSL emitter turns into the viewer's shader.

Examples
--------
>>> from vfx_rs.ocio import Config
>>> cfg = Config.from_string('''
... ocio_profile_version: 2
... roles: {default: lin}
... displays: {sRGB: [!<View> {name: Raw, colorspace: lin}]}
... colorspaces:
...   - !<ColorSpace> {name: lin}
... ''')
>>> cfg.colorspace_names(), cfg.displays(), cfg.views("sRGB")
(['lin'], ['sRGB'], ['Raw'])
"""

from __future__ import annotations

from vfx_rs.errors import OcioError
from vfx_rs.ocio.builder import Baker, ConfigBuilder
from vfx_rs.ocio.builtin import BUILTIN_CONFIGS, builtin, builtin_aces_1_3
from vfx_rs.ocio.cache import OptimizationLevel, ProcessorCache
from vfx_rs.ocio.color_config import ColorConfig
from vfx_rs.ocio.config import Config
from vfx_rs.ocio.dynamic import DynamicProcessor
from vfx_rs.ocio.gpu import GpuLanguage, GpuProcessor, GpuShaderCode
from vfx_rs.ocio.image_ops import (
    aces_to_acescg,
    acescg_to_aces,
    acescg_to_srgb,
    colorconvert,
    equivalent_colorspace,
    list_colorspaces,
    list_displays,
    ociodisplay,
    ociofiletransform,
    ociolook,
    ocionamedtransform,
    srgb_to_acescg,
)
from vfx_rs.ocio.model import (
    ColorSpace,
    Display,
    FileRule,
    Look,
    NamedTransform,
    Transform,
    View,
    ViewingRule,
    ViewTransform,
)
from vfx_rs.ocio.processor import Processor
from vfx_rs.ocio.validate import ValidationIssue, config_has_errors, config_has_warnings, validate_config
from vfx_rs.ocio.variables import Context

OcioProcessor = Processor
"""vfx-rs-py's name for the processor `ColorConfig.processor` returns (``apply_rgb``, ``apply_rgba``, ``apply``)."""

__all__ = [
    "BUILTIN_CONFIGS",
    "Baker",
    "ColorConfig",
    "ColorSpace",
    "Config",
    "ConfigBuilder",
    "Context",
    "Display",
    "DynamicProcessor",
    "FileRule",
    "GpuLanguage",
    "GpuProcessor",
    "GpuShaderCode",
    "Look",
    "NamedTransform",
    "OcioError",
    "OcioProcessor",
    "OptimizationLevel",
    "Processor",
    "ProcessorCache",
    "Transform",
    "ValidationIssue",
    "View",
    "ViewTransform",
    "ViewingRule",
    "aces_to_acescg",
    "acescg_to_aces",
    "acescg_to_srgb",
    "builtin",
    "builtin_aces_1_3",
    "colorconvert",
    "config_has_errors",
    "config_has_warnings",
    "equivalent_colorspace",
    "list_colorspaces",
    "list_displays",
    "ociodisplay",
    "ociofiletransform",
    "ociolook",
    "ocionamedtransform",
    "srgb_to_acescg",
    "validate_config",
]
