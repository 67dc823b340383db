"""Ops bound their own sizes before allocating, and refuse bad arguments with `ArgumentError` (issue 16)."""

from __future__ import annotations

import contextlib
import time

import numpy as np
import pytest

from vfx_rs import ops
from vfx_rs.errors import ArgumentError, VfxError

SMALL = np.random.default_rng(0).random((8, 8, 3)).astype(np.float32)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ops.blur(SMALL, radius=1e9), r"blur radius of 1e\+09 .* working memory"),
        (lambda: ops.blur(SMALL, sigma=1e9), r"blur sigma .* working memory"),
        (lambda: ops.blur(SMALL, radius=1e9, type="box"), r"working memory"),
        (lambda: ops.median(SMALL, size=10001), r"median size 10001 is larger than twice the 8x8 image; at most 17"),
        (lambda: ops.histogram(SMALL, bins=10**9), r"histogram of 1000000000 bins .* working memory"),
        (lambda: ops.resize(SMALL, scale=(1, 2, 3)), r"scale must be one number or an \(x, y\) pair"),
        (lambda: ops.resize(SMALL, scale=1e300), r"too large"),
        (lambda: ops.resize(SMALL, width=10**12), r"too large"),
        (lambda: ops.histogram(SMALL, bins="abc"), r"bins must be a whole number"),
        (lambda: ops.histogram(SMALL, low="a"), r"histogram range must be a number"),
        (lambda: ops.median(SMALL, size=2.5), r"median size must be a whole number"),
    ],
)
def test_sizes_are_bounded_before_allocating(call, message: str) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    with pytest.raises(ArgumentError, match=message):
        call()
    assert time.perf_counter() - start < 5.0  # (scipy.ndimage's first import included)


def test_large_but_reasonable_kernels_still_run() -> None:
    """A kernel far wider than the image is allowed while it fits the working-memory bound."""
    out = ops.blur(SMALL, radius=5000)
    assert out.shape == SMALL.shape and np.isfinite(out).all()
    assert ops.median(SMALL, size=17).shape == SMALL.shape


FOUR = np.random.default_rng(1).random((6, 5, 4)).astype(np.float32)

SCALARS = [
    ("blend", "opacity"),
    ("sharpen", "amount"),
    ("unsharp_mask", "amount"),
    ("normalize", "in_center"),
    ("saturate", "scale"),
    ("saturate", "firstchannel"),
    ("rotate", "angle"),
    ("mip_dimensions", "width"),
    ("mip_level_count", "height"),
    ("noise", "a"),
    ("dilate", "size"),
    ("erode", "size"),
    ("circular_shift", "xshift"),
    ("extract_channel", "channel"),
    ("channels", "channel_order"),
    ("compare", "peak"),
    ("noise", "seed"),
    ("channel_sum", "weights"),
    ("color_count", "colors"),
    ("colormatrixtransform", "matrix"),
    ("color_map", "knots"),
    ("contrast_remap", "black"),
    ("reorient", "orientation"),
    ("checker", "color1"),
    ("shuffle", "channels"),
    ("pad", "value"),
    ("make_mip_level", "options"),
    ("fillholes_pushpull", "options"),
]
"""(op, scalar parameter) pairs found by a signature-driven fuzz to escape with bare TypeError/ValueError."""


@pytest.mark.parametrize(("name", "param"), SCALARS)
@pytest.mark.parametrize("bad", [None, "x", [1, 2, 3], float("nan"), 10**30])
def test_scalar_arguments_are_checked(name: str, param: str, bad: object) -> None:
    import inspect

    function = getattr(ops, name)
    kwargs: dict[str, object] = {}
    for p in inspect.signature(function).parameters.values():
        if p.default is inspect.Parameter.empty and p.kind is not p.VAR_KEYWORD and p.kind is not p.VAR_POSITIONAL:
            kwargs[p.name] = FOUR if p.name in ("image", "a", "b") else 1
    kwargs[param] = bad
    with contextlib.suppress(VfxError):  # a clean refusal is fine; any other exception fails the test
        function(**kwargs)
