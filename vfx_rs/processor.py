"""`Processor`: the vfx-rs-py grading object that changes an `Image` in place.

Scripts written for the Rust original (``proc = vfx_rs.Processor();
proc.exposure(img, 1.0)``) run unchanged. Every method works on the first
three channels of an image with 3 or more channels and leaves the others
(alpha) untouched; here it always runs on the CPU through NumPy.

The formulas are those the original documents: exposure multiplies by
``2 ** stops``; contrast is ``c * x + 0.5 * (1 - c)`` (pivot at 0.5);
saturation is an ASC CDL with only its saturation set; `cdl` is ASC CDL v1.2
(slope, offset, clamp to [0, 1], power, saturation with Rec. 709 luma; ASC
CDL v1.2 section 3, OpenColorIO's ``CDL_ASC`` style), so `saturation` and
`cdl` clamp scene-linear values to [0, 1] as the original does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from vfx_rs.errors import ArgumentError
from vfx_rs.image import Image

__all__ = ["Processor"]

F32 = npt.NDArray[np.float32]


def _rgb(image: Any, what: str) -> F32:
    if not isinstance(image, Image):
        raise ArgumentError(f"Processor.{what} needs a vfx_rs.Image, not {type(image).__name__}")
    if image.channels < 3:
        raise ArgumentError(f"Processor.{what} needs 3 or more channels; the image has {image.channels}")
    return image._data


def _triple(value: Sequence[float] | None, default: float, what: str) -> tuple[float, float, float]:
    if value is None:
        return (default, default, default)
    values = tuple(float(v) for v in np.asarray(value, dtype=np.float64).ravel())
    if len(values) != 3:
        raise ArgumentError(f"{what} must be 3 numbers [r, g, b], not {value!r}")
    return values  # type: ignore[return-value]


def _lut_table(lut: Sequence[float], channels: int, what: str) -> npt.NDArray[np.float64]:
    table = np.asarray(lut, dtype=np.float64).ravel()
    if channels < 1 or table.size < 2 * channels or table.size % channels:
        raise ArgumentError(f"{what}: {table.size} values do not make a table of {channels}-channel entries")
    return table.reshape(-1, channels)


class Processor:
    """Grades an `Image` in place: exposure, saturation, contrast, CDL, LUTs and hue curves.

    Parameters
    ----------
    backend
        ``None``, ``"auto"`` or ``"cpu"``: all run on the CPU here. The
        original's ``"wgpu"``/``"gpu"`` backends are not available and raise.

    Examples
    --------
    >>> import numpy as np, vfx_rs
    >>> img = vfx_rs.Image(np.full((1, 1, 4), 0.25, np.float32))
    >>> proc = vfx_rs.Processor()
    >>> proc.exposure(img, 1.0)
    >>> img.numpy().tolist()
    [[[0.5, 0.5, 0.5, 0.25]]]
    """

    def __init__(self, backend: str | None = None) -> None:
        if backend not in (None, "auto", "cpu"):
            raise ArgumentError(f"backend {backend!r} is not available here; use 'cpu', 'auto' or None")

    @property
    def backend(self) -> str:
        """The backend that runs the operations: always ``"cpu"``."""
        return "cpu"

    def exposure(self, image: Image, stops: float) -> None:
        """Multiply RGB by ``2 ** stops`` (+1 doubles, -1 halves)."""
        data = _rgb(image, "exposure").copy()
        data[..., :3] *= np.float32(2.0 ** float(stops))
        image._data = data

    def contrast(self, image: Image, factor: float) -> None:
        """``factor * x + 0.5 * (1 - factor)`` on RGB: contrast around mid grey 0.5 (1 = no change)."""
        data = _rgb(image, "contrast").copy()
        c = float(factor)
        data[..., :3] = data[..., :3] * np.float32(c) + np.float32(0.5 * (1.0 - c))
        image._data = data

    def saturation(self, image: Image, factor: float) -> None:
        """ASC CDL saturation (Rec. 709 luma; 0 = grey, 1 = none), with the CDL's [0, 1] clamps."""
        self.cdl(image, saturation=factor)

    def cdl(
        self,
        image: Image,
        slope: Sequence[float] | None = None,
        offset: Sequence[float] | None = None,
        power: Sequence[float] | None = None,
        saturation: float = 1.0,
    ) -> None:
        """Apply an ASC CDL v1.2 grade (OpenColorIO ``CDL_ASC``): slope, offset, clamp, power, saturation."""
        from vfx_rs.color.cdl import Cdl, apply_cdl

        data = _rgb(image, "cdl").copy()
        cdl = Cdl(
            slope=_triple(slope, 1.0, "slope"),
            offset=_triple(offset, 0.0, "offset"),
            power=_triple(power, 1.0, "power"),
            saturation=float(saturation),
        )
        rgb = np.ascontiguousarray(data[..., :3])
        apply_cdl(rgb, cdl)
        data[..., :3] = rgb
        image._data = data

    def lut1d(self, image: Image, lut: Sequence[float], channels: int = 3) -> None:
        """Apply a 1D LUT given as a flat list of `channels`-value entries.

        Inputs are clamped to [0, 1] and interpolated linearly; entry ``i``
        channel ``c`` is ``lut[i * channels + c]``. Only the first
        ``min(channels, image channels)`` channels change.
        """
        data = _rgb(image, "lut1d").copy()
        table = _lut_table(lut, int(channels), "lut1d")
        grid = np.linspace(0.0, 1.0, table.shape[0])
        for ch in range(min(table.shape[1], data.shape[2])):
            data[..., ch] = np.interp(np.clip(data[..., ch], 0.0, 1.0), grid, table[:, ch])
        image._data = data

    def lut3d(self, image: Image, lut: Sequence[float], size: int) -> None:
        """Apply a ``size``-cubed 3D LUT given as a flat RGB list, blue fastest, tetrahedral.

        Entry ``(r, g, b)`` starts at ``3 * (b + size * g + size**2 * r)``, as the original
        documents; inputs are clamped to [0, 1].
        """
        from vfx_rs.lut.lut import Lut3D

        data = _rgb(image, "lut3d").copy()
        n = int(size)
        table = np.asarray(lut, dtype=np.float64).ravel()
        if n < 2 or table.size != 3 * n**3:
            raise ArgumentError(f"lut3d: {table.size} values do not make a {n}^3 RGB cube ({3 * n**3} values)")
        cube = Lut3D(table.reshape(n, n, n, 3).transpose(2, 1, 0, 3))  # [r, g, b] -> [b, g, r]
        data[..., :3] = cube.apply(data[..., :3])
        image._data = data

    def hue_curves(
        self, image: Image, hue_vs_hue: Sequence[float], hue_vs_sat: Sequence[float], hue_vs_lum: Sequence[float]
    ) -> None:
        """Hue-indexed curves: shift hue, scale saturation and offset lightness in HSL.

        Each curve is sampled over hue 0..1 (linear interpolation) at the
        pixel's HSL hue (Joblove and Greenberg 1978, *Color spaces for
        computer graphics*); the hue shift adds to the hue (wrapping), the
        saturation value multiplies the saturation and the lightness value
        adds to the lightness.
        """
        from vfx_rs.ops.hsl import hls_to_rgb, rgb_to_hls

        curves = [np.asarray(c, dtype=np.float64).ravel() for c in (hue_vs_hue, hue_vs_sat, hue_vs_lum)]
        if len({c.size for c in curves}) != 1 or curves[0].size < 2:
            raise ArgumentError("All hue curve LUTs must have the same length (2 or more entries)")
        data = _rgb(image, "hue_curves").copy()
        h, lum, s = rgb_to_hls(data[..., :3].astype(np.float64))
        grid = np.linspace(0.0, 1.0, curves[0].size)
        h_new = np.mod(h + np.interp(h, grid, curves[0]), 1.0)
        s_new = np.clip(s * np.interp(h, grid, curves[1]), 0.0, 1.0)
        l_new = np.clip(lum + np.interp(h, grid, curves[2]), 0.0, 1.0)
        data[..., :3] = hls_to_rgb(h_new, l_new, s_new)
        image._data = data

    def __repr__(self) -> str:
        return "Processor(backend='cpu')"
