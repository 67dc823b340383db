"""PyOpenColorIO as the oracle: the 17^3 test grid, OCIO's exact CPU processor, and the error measure.

The error of one check is ``max |ours - ocio| / max(1, |ocio|)`` over every
channel of every pixel: the absolute error for values within [-1, 1]
(display code values), the relative error above (scene-linear values up to
64 and what they become). Infinities and NaNs must sit at the same places.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["GRID_VALUES", "check_queries", "compare", "grid17", "ocio_cpu", "run_cpu"]

GRID_VALUES = np.concatenate([-np.geomspace(0.1, 1e-3, 3), [0.0], np.geomspace(1e-3, 64.0, 13)])
"""17 values per channel spanning [-0.1, 64]: three negatives, zero, and 13 log-spaced positives."""


def grid17(lo: float = -np.inf, hi: float = np.inf) -> np.ndarray:
    """The 17^3 RGB grid of `GRID_VALUES` (clipped to [lo, hi]) as (4913, 3) float32."""
    v = np.clip(GRID_VALUES, lo, hi)
    return np.stack(np.meshgrid(v, v, v, indexing="ij"), axis=-1).reshape(-1, 3).astype(np.float32)


def ocio_cpu(processor: Any) -> Any:
    """OCIO's exact CPU processor (float32 in and out, lossless optimisation: no fast log/exp/pow)."""
    import PyOpenColorIO as OCIO

    return processor.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)


def run_cpu(cpu: Any, px: np.ndarray) -> np.ndarray:
    """OCIO's result on a copy of `px`, as float64."""
    out = np.ascontiguousarray(px, dtype=np.float32).copy()
    cpu.applyRGB(out)
    return out.astype(np.float64)


def compare(ref_processor: Any, ours: Any, px: np.ndarray) -> float:
    """The error (module docstring) of our processor against OCIO's on the pixels `px`."""
    ref = run_cpu(ocio_cpu(ref_processor), px)
    got = ours.apply(px.copy()).astype(np.float64)
    same_inf = np.isinf(ref) & (ref == got)
    assert np.array_equal(np.isfinite(ref) | same_inf, np.isfinite(got) | same_inf), "inf/NaN differ"
    fin = np.isfinite(ref)
    return float(np.max(np.abs(got[fin] - ref[fin]) / np.maximum(1.0, np.abs(ref[fin])), initial=0.0))


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
