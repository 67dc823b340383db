"""Every public op, each parameter in turn given a wrong value: a `VfxError` or a result, never a bare exception.

Required arguments get a small RGBA image (image-like names) or 1; one
parameter at a time gets each of `WRONG`. A signature-driven sweep like this
found about thirty ops converting arguments with bare ``float()``/``int()``.
"""

from __future__ import annotations

import contextlib
import inspect

import numpy as np
import pytest

import vfx_rs
from vfx_rs import ops

WRONG = [None, "x", [1, 2, 3], {}, float("nan"), 10**30]
IMAGE_NAMES = {"image", "a", "b", "src", "fg", "bg", "A", "B", "images", "foreground", "background", "over", "under"}
IMAGE = vfx_rs.Image(np.random.default_rng(0).random((6, 5, 4)).astype(np.float32))


def _functions() -> list[str]:
    names = []
    for name in sorted(getattr(ops, "__all__", [])):
        function = getattr(ops, name, None)
        if callable(function) and not inspect.isclass(function):
            names.append(name)
    return names


@pytest.mark.parametrize("name", _functions())
def test_wrong_arguments_fail_cleanly(name: str) -> None:
    function = getattr(ops, name)
    try:
        params = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        pytest.skip("no signature")
    base = {
        p.name: IMAGE if p.name in IMAGE_NAMES else 1
        for p in params
        if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    }
    escaped = []
    for p in params:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        for wrong in WRONG:
            try:
                with contextlib.suppress(vfx_rs.VfxError):
                    function(**{**base, p.name: wrong})
            except Exception as exc:
                escaped.append(f"{name}({p.name}={wrong!r}): {type(exc).__name__}: {exc}"[:200])
    assert not escaped, "\n".join(escaped)
