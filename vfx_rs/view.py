"""`ViewSettings`: the viewer's display chain as one frozen value, for the app, the CLI and scripts.

The chain, in order: depth normalisation (a depth layer mapped to 0..1),
exposure and grade (ASC CDL v1.2 slope, offset, power and saturation in
OCIO's no-clamp style, with the exposure folded into the slope: `cdl`), the
channel view, the color transform (an OCIO config's input space -> look ->
display/view, optionally with a LUT file before or after it; a LUT file
instead of the view; or nothing), then the display gamma.

Exposure, grade, channel and gamma are ``dynamic`` ops: their values are
uniforms in the GLSL and the simplifier never folds them. So the expensive
part, the color transform, is built once per *structure* (the settings with
the live values set aside, `ViewSettings.structure`) and cached; a new
exposure or grade value only rebuilds the four live ops.

Examples
--------
>>> import numpy as np
>>> from vfx_rs.image import Image
>>> s = ViewSettings(source="raw", exposure=1.0)
>>> s.apply(Image(np.full((1, 1, 3), 0.25, np.float32))).pixels[0, 0].tolist()
[0.5, 0.5, 0.5, 1.0]
>>> s
ViewSettings(source='raw', exposure=1.0)
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import os
import sys
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from vfx_rs.color.cdl import Cdl
from vfx_rs.errors import ArgumentError, FormatError, IoError
from vfx_rs.image import Image
from vfx_rs.ocio import Config
from vfx_rs.pipeline import GlslProgram, MatrixOp, Op, Pipeline, Uniform
from vfx_rs.pipeline.op import GlslNames
from vfx_rs.pipeline.ops import ExponentOp
from vfx_rs.pipeline.ops.cdl import cdl_parameters
from vfx_rs.view_trace import Trace, trace_pixel

__all__ = [
    "BAKE_SIZE",
    "BAND_ROWS",
    "BUILTIN_CONFIG",
    "CHANNELS",
    "LIVE_FIELDS",
    "LUMA_709",
    "LUT_POSITIONS",
    "OCIO_DEFAULT_CONFIG",
    "OCIO_DEFAULT_VIEW",
    "SOURCES",
    "Trace",
    "ViewSettings",
    "clear_caches",
    "load_config",
    "load_lut_ops",
    "startup_config",
]

CHANNELS = ("RGB", "R", "G", "B", "A", "Y")
"""Channel views: colour, one channel as grey, alpha as grey, or Rec. 709 luminance."""

SOURCES = ("ocio", "lut", "raw")
"""The color transform: an OCIO config's display/view, a LUT file instead of it, or none."""

LUT_POSITIONS = ("none", "before", "after")
"""Where `ViewSettings.lut` sits in an OCIO chain: not applied, before the view (a scene LUT) or after it (a display LUT)."""

BUILTIN_CONFIG = "ocio://cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
"""The ACES 1.3 CG config built into `vfx_rs.ocio` (`vfx_rs.ocio.builtin_aces_1_3`), offered beside the default
for ACES 1.x shows."""

OCIO_DEFAULT_CONFIG = "ocio://default"
"""The default OCIO config of `ViewSettings`, so of the viewer, the ``vfx`` commands and scripts alike (they
follow OCIO): in OpenColorIO 2.6 and here, the ACES 2.1 CG config (``cg-config-v5.0.0_aces-v2.1_ocio-v2.6``)."""

OCIO_DEFAULT_VIEW = "ACES 2.0 - SDR 100 nits (Rec.709)"
"""The default view of the sRGB display in `OCIO_DEFAULT_CONFIG`."""


def startup_config() -> str:
    """The config a command or the viewer starts with when none is named: ``$OCIO`` where that variable is set
    (a studio's config, as every OpenColorIO application reads it: ``Config::CreateFromEnv``), else
    `OCIO_DEFAULT_CONFIG` (where OpenColorIO itself would disable color management)."""
    return "$OCIO" if os.environ.get("OCIO") else OCIO_DEFAULT_CONFIG


LUMA_709 = np.array([0.2126, 0.7152, 0.0722])
"""Rec. 709 luma weights (ITU-R BT.709-6, item 3.2), used by the Y channel view."""

BAND_ROWS = 64
"""Rows per band when `ViewSettings.apply` reports progress."""

BAKE_SIZE = 65
"""Lattice points per axis of a baked view (65^3 after the 65536-entry log2 shaper of `vfx_rs.lut.bake`)."""

LIVE_FIELDS = ("exposure", "slope", "offset", "power", "saturation", "channel", "gamma", "normalize")
"""Fields whose values are uniforms: changing them keeps the pipeline's structure (no rebuild, no recompile)."""

_CDL_STYLE = "noclamp"
"""The grade's CDL style: OCIO's ``CDL_NO_CLAMP`` (its CDLTransform default, also for ``.cc`` files), so HDR survives."""


@functools.lru_cache(maxsize=8)
def load_config(spec: str) -> Config:
    """An OCIO config: ``ocio://name`` (built-in), ``$OCIO`` (the environment variable) or a ``.ocio`` path.

    Cached by `spec` (processors are cached inside the config); `clear_caches` forgets them.
    """
    from vfx_rs.ocio import builtin

    if spec.startswith("ocio://"):
        return builtin(spec)
    if spec == "$OCIO":
        return Config.from_env()
    return Config.from_file(spec)


@functools.lru_cache(maxsize=8)
def load_lut_ops(path: str, interpolation: str = "tetrahedral") -> tuple[Op, ...]:
    """The ops of a LUT file (any format `vfx_rs.lut.read_pipeline` knows), cached by path and interpolation."""
    from vfx_rs.lut import read_pipeline

    return read_pipeline(path, interpolation).ops


def clear_caches() -> None:
    """Forget loaded configs, LUTs and built color transforms (to re-read files changed on disk)."""
    load_config.cache_clear()
    load_lut_ops.cache_clear()
    _color_ops.cache_clear()
    _static_glsl.cache_clear()


def _triple(value: Any, what: str) -> tuple[float, float, float]:
    values = [float(value)] * 3 if isinstance(value, (int, float)) else [float(v) for v in value]
    if len(values) != 3 or not all(math.isfinite(v) for v in values):
        raise ArgumentError(f"{what} must be three finite numbers, got {value!r}")
    return (values[0], values[1], values[2])


def _choice(value: str, choices: tuple[str, ...], what: str) -> None:
    if value not in choices:
        raise ArgumentError(f"unknown {what} {value!r}; expected one of {', '.join(choices)}")


@dataclass(frozen=True)
class ViewSettings:
    """Everything that decides how the viewer shows an image, as one frozen, hashable value.

    Attributes
    ----------
    config
        OCIO config: ``ocio://name``, ``$OCIO`` or a ``.ocio`` path.
    input_space
        Color space (or role) of the image's values in `config`.
    display, view, look
        OCIO display, view and look string (``""`` keeps the view's own looks).
    source
        One of `SOURCES`.
    lut, lut_position, lut_interpolation
        A LUT file, where it sits (`LUT_POSITIONS`; source ``"lut"`` shows it instead of the view) and
        how its 3D table interpolates (``tetrahedral`` or ``trilinear``; 1D tables are linear).
    exposure
        Stops, folded into the CDL slope (`cdl`).
    slope, offset, power, saturation
        The ASC CDL grade (v1.2, sections 4.2-4.3), applied in OCIO's no-clamp style.
    channel
        One of `CHANNELS`.
    gamma
        Display gamma: the output is raised to ``1 / gamma`` (negatives mirrored).
    normalize
        ``(lo, hi)`` mapped to 0..1 first, for depth layers (which then bypass the color transform, as data).
    """

    config: str = OCIO_DEFAULT_CONFIG
    input_space: str = "scene_linear"
    display: str = "sRGB - Display"
    view: str = OCIO_DEFAULT_VIEW
    look: str = ""
    source: str = "ocio"
    lut: str = ""
    lut_position: str = "none"
    lut_interpolation: str = "tetrahedral"
    exposure: float = 0.0
    slope: tuple[float, float, float] = (1.0, 1.0, 1.0)
    offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
    power: tuple[float, float, float] = (1.0, 1.0, 1.0)
    saturation: float = 1.0
    channel: str = "RGB"
    gamma: float = 1.0
    normalize: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        for name in ("config", "input_space", "display", "view", "look", "lut", "lut_interpolation"):
            object.__setattr__(self, name, os.fspath(getattr(self, name)))
        for name in ("slope", "offset", "power"):
            object.__setattr__(self, name, _triple(getattr(self, name), name))
        for name in ("exposure", "saturation", "gamma"):
            value = float(getattr(self, name))
            if not math.isfinite(value):
                raise ArgumentError(f"{name} must be finite, got {value}")
            object.__setattr__(self, name, value)
        if self.normalize is not None:
            lo, hi = (float(v) for v in self.normalize)
            object.__setattr__(self, "normalize", (lo, hi))
        _choice(self.channel, CHANNELS, "channel view")
        _choice(self.source, SOURCES, "color source")
        _choice(self.lut_position, LUT_POSITIONS, "LUT position")
        if not self.gamma > 0:
            raise ArgumentError(f"gamma must be positive, got {self.gamma}")
        cdl_parameters(self.slope, self.offset, self.power, self.saturation)  # slope >= 0, power > 0, saturation >= 0

    # -- the chain -------------------------------------------------------------------
    def cdl(self) -> Cdl:
        """The grade as one ASC CDL, with the exposure folded into the slope.

        Exposure precedes the CDL: ``(x * 2^e) * s + o = x * (s * 2^e) + o``.
        The one place the viewer, ``vfx grade`` and saved ``.cc`` files fold it.
        """
        gain = 2.0 ** float(self.exposure)
        return Cdl(
            slope=tuple(v * gain for v in self.slope),  # type: ignore[arg-type]
            offset=self.offset,
            power=self.power,
            saturation=self.saturation,
        )

    def structure(self) -> ViewSettings:
        """These settings with the live values (`LIVE_FIELDS`) at their defaults: equal structure, equal GLSL source."""
        cached = self.__dict__.get("_structure")
        if cached is None:  # kept on the instance: the viewport asks on every paint
            live = {name: getattr(_DEFAULT, name) for name in LIVE_FIELDS}
            live["normalize"] = None if self.normalize is None else (0.0, 1.0)
            cached = dataclasses.replace(self, **live)
            object.__setattr__(self, "_structure", cached)
        return cached

    def _live_ops(self, dynamic: bool = True) -> tuple[list[Op], Op, Op]:
        """The ops before the color transform (normalisation, grade, channel), and the gamma after it."""
        head: list[Op] = []
        if self.normalize is not None:
            lo, hi = self.normalize
            span = hi - lo if hi > lo else 1.0
            head.append(MatrixOp(matrix=np.eye(3) / span, offset=np.full(3, -lo / span), dynamic=dynamic))
        cdl = self.cdl()
        if not dynamic and cdl.power == (1.0, 1.0, 1.0) and cdl.saturation == 1.0:
            # A no-clamp CDL of power 1 and saturation 1 is a scale and offset: a matrix, as OCIO's optimizer
            # makes it (exact for Inf and NaN, and it fuses with its neighbours).
            head.append(MatrixOp(matrix=np.diag(cdl.slope), offset=np.array(cdl.offset)))
        else:
            (grade,) = cdl.ops(_CDL_STYLE)
            head.append(dataclasses.replace(grade, dynamic=dynamic))
        channel = MatrixOp(matrix=_channel_matrix(self.channel), dynamic=dynamic)
        gamma = ExponentOp(exponent=(1.0 / self.gamma,) * 3, style="mirror", dynamic=dynamic)
        return head, channel, gamma

    def grade_pipeline(self, live: bool = True) -> Pipeline:
        """Normalisation and grade alone (scene-linear in, scene-linear out); `live` as in `pipeline`."""
        return Pipeline(self._live_ops(live)[0], optimize=not live)

    def pipeline(self, live: bool = True) -> Pipeline:
        """The whole chain from the image's values to display values.

        The color transform comes from a cache keyed by `structure`; raises the
        `vfx_rs` error of a broken config or LUT file, or of an unknown name.
        With `live` (the viewer's and export's form) grade, channel and gamma
        are dynamic ops whose values are uniforms; ``live=False`` gives the
        fully simplified chain for batch work (a neutral grade drops out,
        constant matrices fuse), equal up to float rounding.
        """
        head, channel, gamma = self._live_ops(live)
        return Pipeline([*head, channel, *_color_ops(self.structure()), gamma], optimize=not live)

    def uniforms(self) -> dict[str, Uniform]:
        """The live ops' uniforms under their names in `glsl`: all a viewer uploads when only values change."""
        head, channel, gamma = self._live_ops()
        gamma_index = len(head) + 1 + len(_color_ops(self.structure()))
        out: dict[str, Uniform] = {}
        for index, op in [*enumerate([*head, channel]), (gamma_index, gamma)]:
            out.update(op.glsl(GlslNames(f"op{index}")).uniforms)
        return out

    def glsl(self) -> GlslProgram:
        """GLSL of `pipeline`: the source (and textures) cached per structure, uniforms from these values."""
        base = _static_glsl(self.structure())
        return dataclasses.replace(base, uniforms={**base.uniforms, **self.uniforms()})

    # -- pixels ------------------------------------------------------------------------
    def input_pixels(self, image: Image) -> np.ndarray:
        """The RGBA float32 ``(H, W, 4)`` pixels the pipeline sees (grey for 1-2 channels, alpha as grey for A)."""
        data = image.pixels
        names = image.channel_names
        h, w, c = data.shape
        out = np.ones((h, w, 4), np.float32)
        out[..., :3] = data[..., :3] if c >= 3 else data[..., :1]
        alpha = names.index("A") if "A" in names else (1 if c == 2 else None)
        if alpha is not None:
            out[..., 3] = data[..., alpha]
        if self.channel == "A":
            out[..., :3] = out[..., 3:4]
        return out

    def apply(
        self, image: Image, *, grade_only: bool = False, progress: Callable[[float], None] | None = None
    ) -> Image:
        """The image as displayed (or graded only) through the exact NumPy core: what export writes.

        Rows are processed in bands of `BAND_ROWS`; `progress` (if given) gets
        the fraction done after each band (it may be called from a worker thread).
        """
        settings = dataclasses.replace(self, channel="RGB") if grade_only else self
        rgba = settings.input_pixels(image)
        pipeline = settings.grade_pipeline() if grade_only else settings.pipeline()
        height = rgba.shape[0]
        for y0 in range(0, height, BAND_ROWS):
            pipeline.apply(rgba[y0 : y0 + BAND_ROWS])
            if progress is not None:
                progress(min(y0 + BAND_ROWS, height) / height)
        return Image._adopt(rgba, ["R", "G", "B", "A"], "f32", dict(image.metadata))

    def trace(self, image: Image, x: int, y: int) -> Trace:
        """The value of pixel (x, y) (image coordinates, as the data window's) after every op, in order."""
        x0, y0, x1, y1 = image.data_window
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            raise ArgumentError(f"pixel ({x}, {y}) is outside the data window {image.data_window}")
        one = image.with_pixels(image.pixels[y - y0 : y - y0 + 1, x - x0 : x - x0 + 1], image.channel_names)
        return trace_pixel(self.pipeline().ops, self.input_pixels(one)[0, 0], int(x), int(y))

    def bake(self, path: str | os.PathLike[str], size: int = BAKE_SIZE, kind: str = "shaper3d") -> None:
        """Bake the grade, the color transform and the gamma (RGB channel view) to a LUT file (``.cube``...)."""
        import vfx_rs.lut

        colour = dataclasses.replace(self, channel="RGB", normalize=None)
        vfx_rs.lut.bake(colour.pipeline(), path, kind=kind, size=size)

    # -- as data and as code -----------------------------------------------------------
    def replace(self, **changes: Any) -> ViewSettings:
        """A copy with `changes` (checked as the constructor checks)."""
        unknown = sorted(set(changes) - set(_FIELDS))
        if unknown:
            raise ArgumentError(f"ViewSettings has no field {', '.join(unknown)}; fields: {', '.join(_FIELDS)}")
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Every field as plain JSON data (tuples as lists)."""
        return {name: list(v) if isinstance(v, tuple) else v for name, v in dataclasses.asdict(self).items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ViewSettings:
        """Settings from `to_dict` output (missing fields take their defaults; unknown ones raise)."""
        if not isinstance(data, Mapping):
            raise ArgumentError(f"view settings must be a mapping, got {type(data).__name__}")
        return _DEFAULT.replace(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write `to_dict` as JSON (atomically)."""
        from vfx_rs.io.atomic import atomic_output

        with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8") as handle:
            json.dump(self.to_dict(), handle, indent=2)
            handle.write("\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ViewSettings:
        """Read settings `save` wrote; a malformed file raises `FormatError` naming it (and the line)."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise IoError(f"cannot read view settings: {exc.strerror or exc}", path=path) from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise FormatError(f"not JSON view settings: {exc.msg}", path=path, line=exc.lineno) from None
        try:
            return cls.from_dict(data)
        except ArgumentError as exc:
            raise FormatError(exc.message, path=path) from None

    def __repr__(self) -> str:
        changed = [f"{n}={getattr(self, n)!r}" for n in _FIELDS if getattr(self, n) != getattr(_DEFAULT, n)]
        return f"ViewSettings({', '.join(changed)})"


_FIELDS = tuple(f.name for f in dataclasses.fields(ViewSettings))
_DEFAULT = ViewSettings()


def _channel_matrix(channel: str) -> np.ndarray:
    if channel in ("RGB", "A"):  # alpha is routed into RGB before the pipeline (input_pixels)
        return np.eye(3)
    row = LUMA_709 if channel == "Y" else np.eye(3)["RGB".index(channel)]
    return np.tile(row, (3, 1))


@functools.lru_cache(maxsize=32)
def _color_ops(structure: ViewSettings) -> tuple[Op, ...]:
    """The simplified color transform of a `ViewSettings.structure` (a normalised depth layer bypasses it)."""
    s = structure
    if s.source == "raw" or s.normalize is not None:
        return ()
    if s.source == "lut":
        if not s.lut:
            raise ArgumentError("no LUT file is loaded")
        return Pipeline(load_lut_ops(s.lut, s.lut_interpolation)).ops
    processor = load_config(s.config).display_processor(s.input_space, s.display, s.view, looks=s.look or None)
    ops: list[Op] = list(processor.pipeline.ops)
    if s.lut and s.lut_position != "none":
        lut = list(load_lut_ops(s.lut, s.lut_interpolation))
        ops = [*lut, *ops] if s.lut_position == "before" else [*ops, *lut]
    return Pipeline(ops).ops


@functools.lru_cache(maxsize=32)
def _static_glsl(structure: ViewSettings) -> GlslProgram:
    return structure.pipeline().glsl()


class _CallableModule(types.ModuleType):
    """This module, callable: ``vfx_rs.view(path)`` opens the viewer, as vfx-rs-py's top-level ``view``."""

    def __call__(self, path: str | os.PathLike[str] | None = None) -> int:
        from vfx_rs.viewer import view

        return view(path)


sys.modules[__name__].__class__ = _CallableModule
