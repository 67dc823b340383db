"""PyOpenColorIO as the oracle: the 17^3 test grid, OCIO's exact CPU processor, and the error measure.

The error of one check is the largest over pixels of ``max_c |ours - ocio| /
max(1, max_c |ocio|)`` (c the channels): the absolute error for pixels within
[-1, 1] (display code values), relative to the pixel's largest channel above
(scene-linear values up to 64 and what they become; a small channel beside a
huge one carries the float32 rounding of the huge one, in OCIO as here).
Infinities and NaNs must sit at the same places.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from tests.tolerances import ATOL_OCIO_POWER_NOISE

__all__ = [
    "CODE_VALUES",
    "GRID_VALUES",
    "LINEAR_ENCODINGS",
    "WIDE_CODE_VALUES",
    "WIDE_LINEAR_VALUES",
    "check_queries",
    "compare",
    "error",
    "grid17",
    "ocio_channel_noise",
    "ocio_cpu",
    "ocio_noise",
    "reference",
    "run_cpu",
    "source_grid",
    "wide_grid",
]

GRID_VALUES = np.concatenate([-np.geomspace(0.1, 1e-3, 3), [0.0], np.geomspace(1e-3, 64.0, 13)])
"""17 values per channel spanning [-0.1, 64]: three negatives, zero, and 13 log-spaced positives."""


CODE_VALUES = np.concatenate([[-0.1, -0.01], np.linspace(0.0, 1.0, 15)])
"""17 code values for encoded spaces (log, display): two negatives and a ramp over [0, 1]."""

WIDE_LINEAR_VALUES = np.concatenate([[-1.0, -0.1, -1e-3], [0.0], np.geomspace(1e-4, 1e4, 13)])
"""17 light values per channel for the wide-input checks (issue 11): negatives to -1 and HDR linear up to 1e4."""

WIDE_CODE_VALUES = np.concatenate([[-0.5, -0.1, -0.01], [0.0], np.linspace(0.05, 1.0, 10), [1.05, 1.1, 1.25]])
"""17 code values per channel for the wide-input checks: negatives, a ramp, and values above 1 (ACEScct 1.25 is
linear 4.6e3, PQ 1.25 about 2e5 cd/m2)."""

LINEAR_ENCODINGS = ("scene-linear", "display-linear", "data", "")
"""OCIO encodings whose values are light (or data), tested on `GRID_VALUES`; the others hold code values."""


def grid17(values: np.ndarray = GRID_VALUES) -> np.ndarray:
    """The RGB grid of every combination of `values` (17^3 of `GRID_VALUES` by default) as (n, 3) float32."""
    return np.stack(np.meshgrid(values, values, values, indexing="ij"), axis=-1).reshape(-1, 3).astype(np.float32)


def source_grid(encoding: str) -> np.ndarray:
    """The 17^3 grid for a color space of this OCIO `encoding`: light values, or code values in [-0.1, 1]."""
    return grid17(GRID_VALUES if encoding in LINEAR_ENCODINGS else CODE_VALUES)


def wide_grid(encoding: str, step: int = 1) -> np.ndarray:
    """The grid of every `step`-th wide value (`WIDE_LINEAR_VALUES` or `WIDE_CODE_VALUES` by `encoding`)."""
    return grid17((WIDE_LINEAR_VALUES if encoding in LINEAR_ENCODINGS else WIDE_CODE_VALUES)[::step])


def ocio_cpu(processor: Any) -> Any:
    """OCIO's exact CPU processor (float32 in and out, lossless optimisation: no fast log/exp/pow)."""
    import PyOpenColorIO as OCIO

    return processor.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)


def run_cpu(cpu: Any, px: np.ndarray) -> np.ndarray:
    """OCIO's result on a copy of `px`, as float64."""
    out = np.ascontiguousarray(px, dtype=np.float32).copy()
    cpu.applyRGB(out)
    return out.astype(np.float64)


def ocio_channel_noise(cpu: Any, px: np.ndarray, ref: np.ndarray) -> np.ndarray:
    """How far OCIO's own output moves when one input channel at a time is scaled by 1 +- 1e-6.

    The float32 conditioning allowance of issue 11 (as OCIO's own tests allow for it): where a transform
    amplifies the rounding of one channel (the ACES 2.0 inverse near the display peak, a matrix row summing
    to 1 fed by two steep curves), any float32 implementation differs by about this much.
    """
    slack = np.zeros_like(ref)
    for channel in range(px.shape[-1]):
        for factor in (1.0 + 1e-6, 1.0 - 1e-6):
            moved_px = px.copy()
            moved_px[..., channel] *= np.float32(factor)
            with np.errstate(invalid="ignore"):
                slack = np.fmax(slack, np.abs(run_cpu(cpu, moved_px) - ref))
    return slack


def ocio_noise(cpu: Any, px: np.ndarray, ref: np.ndarray) -> np.ndarray:
    """How far OCIO's own output moves when its input moves by about a millionth, per value.

    Every channel moved by a millionth of the pixel's magnitude together, and
    `ocio_channel_noise`. Where a conversion cancels large values (a matrix on
    1e4-scale channels giving a channel near 0) or sends such a channel
    through a steep log, float32 rounding in any implementation moves the
    result this much; the comparison allows it per value
    (../shared/DESIGN.md, reference notes).
    """
    slack = ocio_channel_noise(cpu, px, ref)
    with np.errstate(invalid="ignore"):
        step = 1e-6 * np.maximum(np.max(np.abs(px), axis=-1, keepdims=True), 1e-2)
        for moved in (px + step, px - step):
            slack = np.fmax(slack, np.abs(run_cpu(cpu, moved) - ref))
    return slack


def reference(
    ref_processor: Any, px: np.ndarray, *, noise: bool = True, power_noise: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """OCIO's result on `px` and the allowance per value (`ocio_noise`; see `compare` for `power_noise`)."""
    cpu = ocio_cpu(ref_processor)
    ref = run_cpu(cpu, px)
    slack = ocio_noise(cpu, px, ref) if noise else np.zeros_like(ref)
    if power_noise:
        slack = np.where(np.abs(ref) < 1e-3, slack + ATOL_OCIO_POWER_NOISE, slack)
    return ref, slack


def error(ref: np.ndarray, slack: np.ndarray, got: np.ndarray) -> float:
    """The error (module docstring) of `got` against OCIO's `ref`, less `slack`; inf/NaN must sit alike."""
    same = (ref == got) | (np.isnan(ref) & np.isnan(got))
    fin = np.all(np.isfinite(ref) & np.isfinite(got) | same, axis=-1)
    assert np.all(fin | np.any(~np.isfinite(slack), axis=-1)), "inf/NaN differ"
    with np.errstate(invalid="ignore"):
        diff = np.where(same, 0.0, np.maximum(np.abs(got - ref) - slack, 0.0))[fin]
    scale = np.maximum(1.0, np.max(np.abs(np.where(same, 0.0, ref)[fin]), axis=-1))
    return float(np.max(np.max(diff, axis=-1) / scale, initial=0.0))


def compare(ref_processor: Any, ours: Any, px: np.ndarray, *, noise: bool = True, power_noise: bool = False) -> float:
    """The error (module docstring) of our processor against OCIO's on the pixels `px`, less `ocio_noise`.

    `power_noise` also allows `ATOL_OCIO_POWER_NOISE` where OCIO's value is below 1e-3: display encodings
    ending in a pure power (gamma 2.6) raise float32 residue near black (~1e-11 in light) to ~1e-4.
    """
    ref, slack = reference(ref_processor, px, noise=noise, power_noise=power_noise)
    return error(ref, slack, ours.apply(px.copy()).astype(np.float64))


def check_queries(ref: Any, ours: Any) -> None:
    """Every name list and query a UI needs equals OCIO's for the same config."""
    import PyOpenColorIO as OCIO

    assert ours.colorspace_names() == list(ref.getColorSpaceNames())
    assert ours.colorspace_names(include_inactive=True) == [
        cs.getName() for cs in ref.getColorSpaces(OCIO.SEARCH_REFERENCE_SPACE_ALL, OCIO.COLORSPACE_ALL)
    ]
    for name in ours.colorspace_names(include_inactive=True):
        cs, mine = ref.getColorSpace(name), ours.colorspace(name)
        assert list(cs.getAliases()) == list(mine.aliases)
        assert (cs.getFamily(), cs.getEncoding(), cs.isData()) == (mine.family, mine.encoding, mine.isdata)
        assert list(cs.getCategories()) == list(mine.categories)
        for alias in cs.getAliases():
            assert ours.colorspace(alias).name == name
    assert ours.role_names() == [r for r, _ in ref.getRoles()]
    for role, target in ref.getRoles():
        assert ours.colorspace(role).name == ref.getColorSpace(target).getName()
    assert ours.displays() == list(ref.getDisplays())
    assert ours.default_display() == ref.getDefaultDisplay()
    for display in ref.getDisplays():
        assert ours.views(display) == list(ref.getViews(display)), display
        assert ours.default_view(display) == ref.getDefaultView(display)
        for cs in ref.getColorSpaceNames():
            assert ours.views(display, cs) == list(ref.getViews(display, cs)), (display, cs)
    assert ours.look_names() == list(ref.getLookNames())
    assert ours.view_transform_names() == list(ref.getViewTransformNames())
    assert ours.named_transform_names() == list(ref.getNamedTransformNames())
    assert ours.inactive_colorspaces() == tuple(p.strip() for p in ref.getInactiveColorSpaces().split(",") if p.strip())
