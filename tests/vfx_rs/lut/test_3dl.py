"""``.3dl`` (Flame and Lustre) checked against OpenColorIO's FileTransform on the same files.

Files come from OCIO's Baker (``lustre`` and ``flame``) and from hand-written
cases covering each inferred bit depth (8, 10, 12, 16 and 14-read-as-16), a
non-identity shaper, an identity shaper within two codes, the Lustre
keywords; malformed files name the file and line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
import vfx_rs.lut as lut
from tests.tolerances import ATOL_LUT_OCIO
from tests.vfx_rs.lut.ocio_ref import bake, grid, ocio_apply


def _codes(n: int, max_code: int) -> str:
    """Blue-fastest lattice lines of a hue-mixing map, scaled to reach `max_code`."""
    r, g, b = (a.ravel() / (n - 1) for a in np.meshgrid(*[np.arange(n)] * 3, indexing="ij"))
    out = np.stack([r**1.5 * 0.9 + 0.1 * g, 0.2 * r + 0.7 * g**0.8 + 0.1 * b, b**2 * 0.8 + 0.2 * r * g], axis=1)
    codes = np.round(out / out.max() * max_code).astype(int)
    return "".join(f"{x} {y} {z}\n" for x, y, z in codes)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize("interpolation", ["linear", "tetrahedral"])
@pytest.mark.parametrize(("fmt", "size"), [("lustre", 17), ("lustre", 33), ("flame", -1)])
def test_baked_3dl_matches_ocio(tmp_path: Path, fmt: str, size: int, interpolation: str) -> None:
    path = bake(tmp_path / f"{fmt}.3dl", fmt, cube_size=size)
    loaded = lut.read(path)
    assert isinstance(loaded, lut.Lut3D)
    assert loaded.size == (17 if size < 0 else size)
    rgb = grid()
    assert np.abs(loaded.apply(rgb, interpolation) - ocio_apply(path, rgb, interpolation)).max() <= ATOL_LUT_OCIO


@pytest.mark.parametrize(
    ("max_code", "bits"), [(300, 8), (1000, 10), (3000, 12), (9000, 16), (20000, 16), (65535, 16), (100000, 16)]
)
def test_bit_depth_is_inferred_as_ocio_does(tmp_path: Path, max_code: int, bits: int) -> None:
    path = _write(tmp_path, "depth.3dl", "# comment\n" + _codes(5, max_code))
    loaded = lut.read_3dl(path)
    assert loaded.data.max() == pytest.approx(max_code / (2**bits - 1), rel=1e-12)
    rgb = grid()
    for interpolation in ("linear", "tetrahedral"):
        assert np.abs(loaded.apply(rgb, interpolation) - ocio_apply(path, rgb, interpolation)).max() <= ATOL_LUT_OCIO


LUSTRE_SHAPER = "0 40 100 180 280 400 540 700 880 1023"
LUSTRE = f"""#Tokens required by applications - do not edit
3DMESH
Mesh 2 12
{LUSTRE_SHAPER}

{{codes}}
#Tokens required by applications - do not edit

LUT8
gamma 1.0
"""


@pytest.mark.parametrize("interpolation", ["linear", "tetrahedral"])
def test_non_identity_shaper_matches_ocio(tmp_path: Path, interpolation: str) -> None:
    path = _write(tmp_path, "shaper.3dl", LUSTRE.replace("{codes}", _codes(5, 4095)))
    loaded = lut.read(path)
    assert isinstance(loaded, lut.Lut3D)
    assert loaded.shaper is not None
    np.testing.assert_array_equal(loaded.shaper.data[:, 0], np.array(LUSTRE_SHAPER.split(), dtype=float) / 1023)
    rgb = grid()
    assert np.abs(loaded.apply(rgb, interpolation) - ocio_apply(path, rgb, interpolation)).max() <= ATOL_LUT_OCIO


def test_near_identity_shaper_is_dropped(tmp_path: Path) -> None:
    shaper = " ".join(str(round(i * 1023 / 16) + (1 if i % 3 == 1 else 0)) for i in range(17))
    path = _write(tmp_path, "ident.3dl", shaper + "\n" + _codes(3, 1023))
    loaded = lut.read_3dl(path)
    assert isinstance(loaded, lut.Lut3D)
    assert loaded.shaper is None
    rgb = grid()
    assert np.abs(loaded.apply(rgb, "linear") - ocio_apply(path, rgb, "linear")).max() <= ATOL_LUT_OCIO


def test_lattice_is_blue_fastest(tmp_path: Path) -> None:
    # The second line of a 2^3 lattice is r=0, g=0, b=1.
    text = "0 0 0\n0 0 1023\n" + "0 0 0\n" * 6
    assert lut.read_3dl(_write(tmp_path, "order.3dl", text)).data[1, 0, 0].tolist() == [0.0, 0.0, 1.0]


MALFORMED = [
    ("xml", "<?xml version='1.0'?>\n", 1, "'<'"),
    ("two_shapers", "0 256 512 1023\n0 256 512 1023\n", 2, "second shaper"),
    ("two_numbers", "0 0 0\n0 1023\n", 2, "need 3"),
    ("not_a_cube", "0 0 0\n" * 7 + "1023 0 0\n" * 2, 9, "not the cube"),
    ("low_codes", "0 0 0\n" * 7 + "100 0 0\n", 1, "below 128"),
    ("float_codes", "0 0 0\n" * 7 + "1023 0.5 0\n", 8, "'0.5'"),
    ("bad_mesh", "3DMESH\nMesh 4\n" + "0 0 0\n" * 8, 2, "Mesh line"),
    ("empty", "# only a comment\n", None, "no shaper line"),
    ("low_shaper", "0 10 20 30\n" + "0 0 0\n" * 7 + "1023 0 0\n", 1, "shaper code 30"),
]


@pytest.mark.parametrize(("text", "line", "words"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_malformed_file_names_file_and_line(tmp_path: Path, text: str, line: int | None, words: str) -> None:
    path = _write(tmp_path, "bad.3dl", text)
    with pytest.raises(vfx_rs.LutError) as info:
        lut.read(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert words in str(info.value)
