"""`view`: open an image in the ``vfxview`` app, the vfx-rs-py ``vfx_rs.view(path)``.

The app runs as its own process (``python -m vfxview``), so `vfx_rs` never
imports Qt; this call waits until the window is closed and returns the app's
exit status. ``vfx_rs.view`` is the module of the viewer's `ViewSettings`,
made callable so that ``vfx_rs.view(path)`` calls this function.
"""

from __future__ import annotations

import os
import subprocess
import sys

from vfx_rs.errors import IoError

__all__ = ["view"]


def view(path: str | os.PathLike[str] | None = None) -> int:
    """Open `path` (or an empty viewer) in ``vfxview``; returns its exit status (0 = success).

    Raises `IoError` if `path` does not exist. Needs the app's extra
    (``pip install "vfx-rs[app]"``); without it ``vfxview`` says how to install it
    and the status is not 0.
    """
    command = [sys.executable, "-m", "vfxview"]
    if path is not None:
        target = os.fspath(path)
        if not os.path.exists(target):
            raise IoError("no such file", path=target)
        command.append(target)
    return subprocess.run(command, check=False).returncode
