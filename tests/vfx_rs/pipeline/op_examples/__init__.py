"""Sample instances of every op kind, one module per kind, for the contract tests.

Each module defines ``KIND`` (the `OPS` key) and ``EXAMPLES`` (a list of op
instances spanning the kind's styles and parameters). `collect` gathers
them; the parity test fails for a registered kind that has no examples. A
module may define ``COMPARE_AS``, a function of the op and its ``(n, 3)`` output giving
what the parity test compares (for outputs with an ill-conditioned part, such
as the hue of a near-neutral colour); `compare_maps` gathers those.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import numpy as np

from vfx_rs.pipeline import Op


def collect() -> dict[str, list[Op]]:
    """Examples by op kind, from every module of this package."""
    found: dict[str, list[Op]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.setdefault(module.KIND, []).extend(module.EXAMPLES)
    return found


def compare_maps() -> dict[str, Callable[[Op, np.ndarray], np.ndarray]]:
    """``COMPARE_AS`` functions by op kind, for the modules that define one."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "COMPARE_AS"):
            found[module.KIND] = module.COMPARE_AS
    return found
