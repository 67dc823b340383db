"""Every public function of `vfx_rs.ops`, `vfx_rs.color` and `vfx_rs.lut`, each parameter in turn given a
wrong value: a `VfxError` or a result, never a bare exception.

Required arguments get a small image (image-like names: an `Image` for ops, a
float32 array otherwise) or 1; one parameter at a time gets each of `WRONG`.
Writers and bakers are left out (they would write files). A sweep like this
found about forty functions converting arguments with bare ``float()``,
``int()`` or dictionary lookups.
"""

from __future__ import annotations

import contextlib
import inspect

import numpy as np
import pytest

import vfx_rs
from vfx_rs import color, lut, ops

WRONG = [None, "x", [1, 2, 3], {}, float("nan"), 10**30]
IMAGE_NAMES = {"image", "a", "b", "src", "fg", "bg", "A", "B", "images", "foreground", "background", "over", "under"}
ARRAY_NAMES = {"data", "values", "rgb", "pixels", "array", "x"}
PIXELS = np.random.default_rng(0).random((6, 5, 4)).astype(np.float32)
MODULES = {"ops": ops, "color": color, "lut": lut}


def _functions() -> list[str]:
    names = []
    for key, module in MODULES.items():
        for name in sorted(getattr(module, "__all__", [])):
            function = getattr(module, name, None)
            if callable(function) and not inspect.isclass(function) and not name.startswith(("write", "bake")):
                names.append(f"{key}.{name}")
    return names


def _argument(module: str, name: str) -> object:
    if name in IMAGE_NAMES:
        return vfx_rs.Image(PIXELS) if module == "ops" else PIXELS[..., :3].copy()
    return PIXELS[..., :3].copy() if name in ARRAY_NAMES else 1


@pytest.mark.parametrize("qualified", _functions())
def test_wrong_arguments_fail_cleanly(qualified: str) -> None:
    module, name = qualified.split(".")
    function = getattr(MODULES[module], name)
    try:
        params = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        pytest.skip("no signature")
    base = {
        p.name: _argument(module, p.name)
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
