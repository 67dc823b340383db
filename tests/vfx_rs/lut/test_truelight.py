"""Truelight ``.cub`` files read and applied as OpenColorIO's FileTransform applies them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs.lut as lut
from tests.tolerances import ATOL_LUT_OCIO
from tests.vfx_rs.lut.ocio_ref import grid, ocio_apply
from vfx_rs.errors import LutError

pytest.importorskip("PyOpenColorIO")


def _write(path: Path, shaper: bool) -> None:
    n = 9
    b, g, r = np.meshgrid(*[np.linspace(0.0, 1.0, n)] * 3, indexing="ij")
    cube = np.stack([r**0.8 * 0.9 + 0.1 * g, g**1.1, 0.8 * b + 0.2 * r * g], axis=-1).reshape(-1, 3)
    head = ["# Truelight Cube v2.1", "# iDims     3", "# oDims     3", f"# width     {n} {n} {n}"]
    body = []
    if shaper:
        x = np.linspace(0.0, 1.0, 64) ** 0.7 * (n - 1)  # input LUT in lattice index units
        head.insert(1, "# lutLength 64")
        body += ["", "# InputLUT", *(f" {v:.6f} {v:.6f} {v:.6f}" for v in x)]
    body += ["", "# Cube", *(f" {c[0]:.6f} {c[1]:.6f} {c[2]:.6f}" for c in cube), "", "# end"]
    path.write_text("\n".join(head + body) + "\n")


@pytest.mark.parametrize("shaper", [False, True])
def test_truelight_matches_ocio(tmp_path: Path, shaper: bool) -> None:
    path = tmp_path / "look.cub"
    _write(path, shaper)
    rgb = grid()
    got = lut.read_pipeline(path, "linear").applied(rgb)
    assert np.abs(got - ocio_apply(path, rgb)).max() <= ATOL_LUT_OCIO


def test_truelight_refuses_unequal_sizes(tmp_path: Path) -> None:
    path = tmp_path / "bad.cub"
    path.write_text("# Truelight Cube v2.1\n# width 2 2 3\n# Cube\n")
    with pytest.raises(LutError, match="equal lattice sizes") as info:
        lut.read_lut(path)
    assert info.value.line == 2
