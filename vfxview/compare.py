"""A/B difference figures with their basis stated (no Qt): what the Scopes panel shows in difference mode.

Over the RGB channels of A and B (same size): the largest and the RMS absolute
difference, the largest relative difference ``|A - B| / max(|A|, |B|)`` (values
where both are 0 left out), and PSNR ``20 log10(peak / RMS)`` (ITU-T J.340,
section 3.1) against a stated peak: the larger finite maximum of the two
images, so HDR data gets a meaningful figure (a peak of 1 on scene-linear
values above 1 gives negative dB). NaN in one image only is counted, not compared.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.ops.stats import compare

__all__ = ["ErrorFigures", "error_figures"]


@dataclass(frozen=True)
class ErrorFigures:
    """`error_figures`: absolute, relative and PSNR figures, and the peak the PSNR is taken against."""

    max_abs: float
    rms: float
    max_rel: float
    psnr: float
    peak: float
    nan_mismatch: int

    def text(self) -> str:
        """One line naming each figure's basis."""
        nan = f", {self.nan_mismatch} NaN in one image only" if self.nan_mismatch else ""
        return (
            f"A-B over RGB: max |A-B| {self.max_abs:.6g}, RMS {self.rms:.6g}, max relative {self.max_rel:.3g}, "
            f"PSNR {self.psnr:.2f} dB (peak {self.peak:.6g} = larger image max){nan}"
        )


def error_figures(a: np.ndarray, b: np.ndarray) -> ErrorFigures:
    """Figures over the RGB channels of two ``(H, W, C)`` arrays of one size; raises `ArgumentError` otherwise."""
    if a.shape[:2] != b.shape[:2]:
        raise ArgumentError(f"A is {a.shape[1]}x{a.shape[0]} but B is {b.shape[1]}x{b.shape[0]}")
    ra = np.ascontiguousarray(a[..., :3], np.float32)
    rb = np.ascontiguousarray(b[..., :3], np.float32)
    finite = np.concatenate([ra[np.isfinite(ra)], rb[np.isfinite(rb)]])
    peak = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
    result = compare(ra, rb, peak=peak)
    both = np.isfinite(ra) & np.isfinite(rb)
    scale = np.maximum(np.abs(ra[both]), np.abs(rb[both])).astype(np.float64)
    diff = np.abs(ra[both].astype(np.float64) - rb[both])
    nonzero = scale > 0
    max_rel = float((diff[nonzero] / scale[nonzero]).max()) if nonzero.any() else 0.0
    psnr = result.psnr if result.rms > 0 else math.inf
    return ErrorFigures(result.max_error, result.rms, max_rel, psnr, peak, result.nan_mismatch)
