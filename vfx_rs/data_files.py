"""Data shipped with vfx-rs: the top-level ``resources/`` and ``shaders/`` folders of a checkout.

A wheel installs them inside the packages (``vfx_rs/resources``,
``vfxview/shaders``: ``setup.py`` maps the folders in), so `data_file` looks
there first and then beside the package, at the top of a checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from vfx_rs.errors import IoError

__all__ = ["data_file", "sample_image_path"]

_CHECKOUT = Path(__file__).resolve().parents[1]
"""The folder holding the ``vfx_rs`` package: the repository root in a checkout."""


def data_file(package: str, folder: str, name: str) -> Path:
    """Path of data file `name` of `folder` (``resources`` or ``shaders``), shipped with `package`.

    Raises `IoError` naming both places looked in when the file is in neither.

    Examples
    --------
    >>> data_file("vfxview", "shaders", "display.frag").name
    'display.frag'
    """
    installed = Path(str(resources.files(package).joinpath(folder, name)))
    if installed.is_file():
        return installed
    checkout = _CHECKOUT / folder / name
    if checkout.is_file():
        return checkout
    raise IoError(f"data file {name!r} is neither in {installed.parent} nor in {checkout.parent}", path=name)


def sample_image_path() -> Path:
    """Path of the bundled sample: a procedural scene-linear RGBA half EXR (`tools/make_sample.py`)."""
    return data_file("vfx_rs", "resources", "sample.exr")
