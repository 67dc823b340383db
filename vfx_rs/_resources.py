"""Files shipped inside the package (``vfx_rs/resources``), found with importlib.resources."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["sample_image_path"]


def sample_image_path() -> Path:
    """Path of the bundled sample: a procedural scene-linear RGBA half EXR (`tools/make_sample.py`)."""
    return Path(str(resources.files("vfx_rs").joinpath("resources", "sample.exr")))
