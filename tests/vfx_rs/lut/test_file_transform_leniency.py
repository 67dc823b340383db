"""LUT and CDL files where OpenColorIO is lenient, applied through a FileTransform by both.

A ``.ccc``/``.cdl`` without ``cccid`` applies its first correction (a
correction without an id is never matched by the empty id), in the
FileTransform's default no-clamp style; a ``.ccc``/``.cdl`` whose root is a
single ``<ColorCorrection>`` is read; a ``.spi1d`` may carry text after its
closing brace and a ``.spi3d`` more entries than its size implies (OCIO stops
reading once the table is full). Values within `ATOL_LUT_OCIO`.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.tolerances import ATOL_LUT_OCIO
from tests.vfx_rs.lut.ocio_ref import grid, ocio_apply
from vfx_rs.ocio import Config

OCIO = pytest.importorskip("PyOpenColorIO")


def _ours(path: Path, rgb: np.ndarray) -> np.ndarray:
    """`rgb` through a vfx_rs config's FileTransform of `path` (no cccid, default style)."""
    text = (
        "ocio_profile_version: 2\nsearch_path: .\nroles: {default: raw}\n"
        "displays: {d: [!<View> {name: v, colorspace: raw}]}\ncolorspaces:\n"
        "  - !<ColorSpace> {name: raw}\n"
        f"  - !<ColorSpace> {{name: f, to_scene_reference: !<FileTransform> {{src: {json.dumps(path.name)}}}}}\n"
    )
    return np.asarray(Config.from_string(text, working_dir=path.parent).processor("f", "raw").pipeline.applied(rgb))


def _correction(slope: str, sat: str, cid: str | None) -> str:
    attr = f' id="{cid}"' if cid is not None else ""
    return (
        f"<ColorCorrection{attr}><SOPNode><Slope>{slope}</Slope><Offset>0.01 -0.02 0</Offset>"
        f"<Power>1.2 1 0.9</Power></SOPNode><SatNode><Saturation>{sat}</Saturation></SatNode></ColorCorrection>\n"
    )


_FIVE = "".join(
    _correction(slope, sat, cid)
    for slope, sat, cid in (
        ("1 1 0.9", "1.7", "cc1"),
        ("0.9 0.7 0.6", "0.7", "cc2"),
        ("1.2 1.1 1", "1", ""),
        ("4 5 6", "1", None),
        ("1 2 3", "0.5", "cc5"),
    )
)

FILES = {
    "five.ccc": f'<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.2">\n{_FIVE}</ColorCorrectionCollection>\n',
    "five.cdl": '<ColorDecisionList xmlns="urn:ASC:CDL:v1.2">\n'
    + "".join(f"<ColorDecision>{c}</ColorDecision>\n" for c in _FIVE.splitlines())
    + "</ColorDecisionList>\n",
    "single_root.ccc": _correction("1.1 0.9 1.3", "1.2", "one"),
    "single_root.cdl": _correction("0.8 1.2 1", "0.9", None),
    "comment_after_brace.spi1d": "Version 1\nFrom 0.0 1.0\nLength 3\nComponents 1\n{\n0\n0.3\n1.2\n}\n# baked by a tool\n",
    "extra_entries.spi3d": "SPILUT 1.0\n3 3\n2 2 2\n"
    + "".join(
        f"{r} {g} {b} {0.9 * r + 0.05} {0.8 * g + 0.1 * r} {b * 1.1}\n" for b in (0, 1) for g in (0, 1) for r in (0, 1)
    )
    + "0 0 0 0.5 0.5 0.5\n1 1 1 9 9 9\n",
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_file_transform_matches_ocio(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(FILES[name])
    rgb = grid(-0.2, 1.3)
    ours, ref = _ours(path, rgb), ocio_apply(path, rgb)
    err = np.abs(ours - ref) / np.maximum(1.0, np.abs(ref))
    assert err.max() <= ATOL_LUT_OCIO, f"{name}: max error {err.max():.3g}"
