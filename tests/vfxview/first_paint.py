"""``vfxview IMAGE`` as a user runs it, in a new process, with code run at its first paint (tests and bench)."""

from __future__ import annotations

import textwrap

__all__ = ["script"]

_HOOK = """
import importlib.abc, importlib.util, os, sys, time

class _AfterFirstPaint(importlib.abc.MetaPathFinder):
    # Wrap paintGL once vfxview imports its viewport, in its own order (importing it here would load Qt first).
    def find_spec(self, name, path, target=None):
        if name != "vfxview.viewport":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            paint = module.Viewport.paintGL
            def paintGL(vp):
                paint(vp)
                if vp.state.image is not None:
{body}
                    os._exit(0)
            module.Viewport.paintGL = paintGL
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _AfterFirstPaint())
from vfxview.app import main
main([sys.argv[1]])
"""


def script(at_first_paint: str) -> str:
    """Source for ``python -c SOURCE IMAGE [ARG ...]``: runs ``vfxview IMAGE``; after the first paint of an image
    runs `at_first_paint` (``vp`` is the viewport, ``sys.argv[2:]`` the ARGs; ``time`` is imported), then exits."""
    return _HOOK.format(body=textwrap.indent(textwrap.dedent(at_first_paint).strip(), " " * 20))
