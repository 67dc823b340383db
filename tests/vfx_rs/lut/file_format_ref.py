"""Both sides of a FileTransform for the LUT formats only OpenColorIO read before (issue 18).

`agree` applies a file through PyOpenColorIO's FileTransform (raw config, the file's
folder as search path, CPU F32 lossless: `ocio_apply`) and through a vfx_rs config's
FileTransform, forward or inverse, and checks the values within `ATOL_LUT_OCIO`
(`RTOL_LUT_OCIO_ABOVE_1` relative above 1) with the same NaN pattern.
`both_refuse` checks that OCIO refuses a file and that vfx_rs's `LutError` names it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import vfx_rs.lut as lut
from tests.tolerances import ATOL_LUT_OCIO, RTOL_LUT_OCIO_ABOVE_1
from tests.vfx_rs.lut.ocio_ref import grid, ocio_apply
from vfx_rs.errors import LutError
from vfx_rs.ocio import Config


def ours_apply(path: Path, rgb: np.ndarray, inverse: bool = False) -> np.ndarray:
    """`rgb` through a vfx_rs config's FileTransform of `path` (default interpolation), inverted if asked."""
    text = (
        "ocio_profile_version: 2\nsearch_path: .\nroles: {default: raw}\n"
        "displays: {d: [!<View> {name: v, colorspace: raw}]}\ncolorspaces:\n"
        "  - !<ColorSpace> {name: raw}\n"
        f"  - !<ColorSpace> {{name: f, to_scene_reference: !<FileTransform> {{src: {json.dumps(path.name)}}}}}\n"
    )
    cfg = Config.from_string(text, working_dir=path.parent)
    proc = cfg.processor("raw", "f") if inverse else cfg.processor("f", "raw")
    return np.asarray(proc.pipeline.applied(rgb), dtype=np.float32)


def agree(path: Path, inverse: bool = False, rgb: np.ndarray | None = None) -> None:
    """Assert vfx_rs and OCIO agree on `path` through a FileTransform (module docstring)."""
    rgb = grid() if rgb is None else rgb
    ref = ocio_apply(path, rgb, inverse=inverse)
    got = ours_apply(path, rgb, inverse)
    assert np.array_equal(np.isnan(got), np.isnan(ref))
    finite = np.isfinite(ref)
    assert np.array_equal(np.isinf(got), np.isinf(ref))
    assert np.array_equal(got[~finite & ~np.isnan(ref)], ref[~finite & ~np.isnan(ref)])
    a, b = got[finite].astype(np.float64), ref[finite].astype(np.float64)
    allowed = np.where(np.abs(b) > 1.0, np.maximum(ATOL_LUT_OCIO, RTOL_LUT_OCIO_ABOVE_1 * np.abs(b)), ATOL_LUT_OCIO)
    assert np.all(np.abs(a - b) <= allowed), float(np.max(np.abs(a - b) - allowed))


def both_refuse(path: Path, match: str, line: int | None) -> None:
    """Assert OCIO refuses `path` and `vfx_rs.lut.read` raises a `LutError` naming it (and `line`) matching `match`."""
    with pytest.raises(Exception):  # noqa: B017 (PyOpenColorIO raises plain Exception)
        ocio_apply(path, grid()[:4])
    with pytest.raises(LutError, match=match) as info:
        lut.read(path)
    assert path.name in str(info.value)
    assert info.value.line == line
