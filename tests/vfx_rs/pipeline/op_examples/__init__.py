"""Sample instances of every op kind, one module per kind, for the contract tests.

Each module defines ``KIND`` (the `OPS` key) and ``EXAMPLES`` (a list of op
instances spanning the kind's styles and parameters). `collect` gathers
them; the parity test fails for a registered kind that has no examples.
"""

from __future__ import annotations

import importlib
import pkgutil

from vfx_rs.pipeline import Op


def collect() -> dict[str, list[Op]]:
    """Examples by op kind, from every module of this package."""
    found: dict[str, list[Op]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.setdefault(module.KIND, []).extend(module.EXAMPLES)
    return found
