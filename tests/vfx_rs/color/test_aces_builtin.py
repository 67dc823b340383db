"""`vfx_rs.color.aces.builtin_ops` against OpenColorIO's ACES BuiltinTransforms, both directions."""

from __future__ import annotations

import numpy as np
import PyOpenColorIO as OCIO
import pytest

from tests.tolerances import ATOL_DISPLAY_OCIO, RTOL_ACES_BUILTIN_OCIO, RTOL_ACES_INVERSE_OCIO
from vfx_rs.color.aces import builtin_ops, builtin_styles
from vfx_rs.errors import NotFoundError
from vfx_rs.pipeline import Pipeline

ACES1_STYLES = [style for style in builtin_styles() if not style.endswith("_2.0")]
"""The ACES 1.x styles; the ACES 2.0 ones (``..._2.0``) are checked in tests/vfx_rs/ocio/test_builtin_aces2.py."""


def aces_grid() -> np.ndarray:
    """17x17x17 grid log-spaced over [-0.1, 64] (negatives, 0, 1e-4..64) plus grey and primary ramps, (n, 3)."""
    axis = np.concatenate([[-0.1, -0.01, 0.0], np.geomspace(1e-4, 64.0, 14)])
    grid = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3)
    ramp = np.geomspace(1e-5, 64.0, 400)
    zeros = np.zeros_like(ramp)
    ramps = [np.stack([ramp, ramp, ramp], 1)] + [
        np.roll(np.stack([ramp, zeros, zeros], 1), k, axis=1) for k in range(3)
    ]
    return np.concatenate([grid, *ramps]).astype(np.float32)


def ocio_apply(style: str, rgb: np.ndarray, inverse: bool = False) -> np.ndarray:
    transform = OCIO.BuiltinTransform(style)
    if inverse:
        transform.setDirection(OCIO.TRANSFORM_DIR_INVERSE)
    cpu = (
        OCIO.Config.CreateRaw()
        .getProcessor(transform)
        .getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    )
    out = np.ascontiguousarray(rgb, dtype=np.float32).copy()
    cpu.applyRGB(out)
    return out


def rel_error(got: np.ndarray, ref: np.ndarray) -> float:
    return float((np.abs(got - ref) / np.maximum(1.0, np.abs(ref))).max())


@pytest.mark.parametrize("style", ACES1_STYLES)
def test_forward_matches_ocio(style: str) -> None:
    rgb = aces_grid()
    ref = ocio_apply(style, rgb)
    got = Pipeline(builtin_ops(style)).applied(rgb)
    assert np.isfinite(got).all()
    assert rel_error(got, ref) <= RTOL_ACES_BUILTIN_OCIO


@pytest.mark.parametrize("style", ACES1_STYLES)
def test_inverse_matches_ocio_and_round_trips(style: str) -> None:
    """Our inverse against OCIO's where OCIO's own round trip recovers the input (elsewhere the input was
    clamped, or compressed so far that float32 noise decides: there both inverses must still map back)."""
    forward = Pipeline(builtin_ops(style))
    rgb = aces_grid()
    display = ocio_apply(style, rgb)
    ref = ocio_apply(style, display, inverse=True)
    got = forward.inverse().applied(display)
    recovered = (np.abs(ref - rgb) / np.maximum(1.0, np.abs(rgb))).max(axis=1) <= 1e-4
    assert recovered.sum() >= 100
    assert rel_error(got[recovered], ref[recovered]) <= RTOL_ACES_INVERSE_OCIO
    # ACES 1.0's red modifier inverse is OCIO's approximation: OCIO's own round trip is off by 3.7e-5 here.
    assert rel_error(forward.applied(got[recovered]), display[recovered]) <= ATOL_DISPLAY_OCIO


def test_config_styles_are_known() -> None:
    config = OCIO.Config.CreateFromBuiltinConfig("cg-config-v2.2.0_aces-v1.3_ocio-v2.4")
    used = set()
    for name in config.getViewTransformNames():
        transform = config.getViewTransform(name).getTransform(OCIO.VIEWTRANSFORM_DIR_FROM_REFERENCE)
        if transform.getTransformType() == OCIO.TRANSFORM_TYPE_BUILTIN and transform.getStyle().startswith("ACES"):
            used.add(transform.getStyle())
    assert used and used <= set(builtin_styles())


def test_unknown_style_lists_known_ones() -> None:
    with pytest.raises(NotFoundError, match="SDR-VIDEO_1\\.0"):
        builtin_ops("ACES-OUTPUT - nope")
