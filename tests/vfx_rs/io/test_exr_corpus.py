"""The OpenEXR sample corpus (../shared/testdata): valid files match OpenImageIO, damaged ones raise FormatError."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.conftest import TESTDATA, corpus_files

pytestmark = pytest.mark.testdata

VALID = TESTDATA / "openexr-images" / "valid" / "openexr"
INVALID = TESTDATA / "openexr-images" / "invalid" / "openexr"
VALID_FILES = sorted(VALID.glob("*/*.exr")) if VALID.is_dir() else []
INVALID_FILES = (
    sorted(
        p
        for p in INVALID.glob("*/*")
        if p.is_file() and p.suffix != ".md" and p.name not in ("README", "COPYING", "LICENSE")
    )
    if INVALID.is_dir()
    else []
)

YCA_TWINS = {"Rec709_YC.exr": "Rec709.exr", "XYZ_YC.exr": "XYZ.exr"}
"""Luminance/chroma files with an RGB twin of the same picture (OpenImageIO does not read subsampled channels)."""

ATOL_YCA_MEAN = 0.02
"""Mean |YC - RGB twin| over pixels: the chroma is stored at quarter resolution (measured 0.0088 and 0.0044)."""


def _subsampled(path: Path) -> bool:
    from vfx_rs.io.exr_header import read_headers

    return any(xs > 1 or ys > 1 for part in read_headers(str(path)) for _, _, xs, ys in part.channels)


@pytest.mark.parametrize("path", corpus_files(VALID_FILES), ids=lambda p: f"{p.parent.name}/{p.name}" if p else "none")
def test_valid_file_matches_openimageio(path: Path) -> None:
    oiio = pytest.importorskip("OpenImageIO")
    ours = vfx_rs.read(path)
    if _subsampled(path):
        if path.name in YCA_TWINS:
            twin = vfx_rs.read(path.with_name(YCA_TWINS[path.name])).numpy()
            assert np.abs(ours.numpy() - twin).mean() <= ATOL_YCA_MEAN
        assert ours.channel_names[:3] == ["R", "G", "B"] and np.isfinite(ours.numpy()).all()
        return
    buf = oiio.ImageBuf(str(path))
    reference = buf.get_pixels(oiio.FLOAT)
    names = list(buf.spec().channelnames)
    columns = [names.index(n) for n in ours.channel_names]
    np.testing.assert_array_equal(ours.numpy(), reference[..., columns])
    roi = buf.spec()
    assert ours.data_window == (roi.x, roi.y, roi.x + roi.width - 1, roi.y + roi.height - 1)
    full = (roi.full_x, roi.full_y, roi.full_x + roi.full_width - 1, roi.full_y + roi.full_height - 1)
    assert ours.display_window == full


def test_every_layer_of_the_multipart_file_reads() -> None:
    layered = vfx_rs.read_layered(VALID / "Beachball" / "multipart.0001.exr")
    assert len(layered) == 10 and "rgba_left" in layered
    assert all(np.isfinite(layered[n].numpy()).any() for n in layered)


_PROBE = """
import json, sys, vfx_rs
out = {}
for path in sys.argv[1:]:
    try:
        vfx_rs.read(path); vfx_rs.read_layered(path); out[path] = "read"
    except vfx_rs.FormatError as exc:
        out[path] = "FormatError: " + str(exc)
    except BaseException as exc:
        out[path] = "other: " + type(exc).__name__ + ": " + str(exc)
print(json.dumps(out))
"""


def _twin_in_valid(path: Path) -> bool:
    twin = VALID / "IlmfmlmflmTest" / path.name
    return twin.is_file() and filecmp.cmp(path, twin, shallow=False)


def test_damaged_files_raise_format_error_in_a_subprocess() -> None:
    """Each batch runs in its own interpreter, so a crash or hang fails the test instead of killing the suite.

    Two files of the invalid folder (comp_b44.exr, v1.7.test.tiled.exr) are byte-for-byte copies of
    files in the valid folder; they must read like their twins. v1.7.test.interleaved.exr is read
    completely and without error by both OpenEXR and OpenImageIO; it must match OpenImageIO.
    """
    assert INVALID_FILES
    verdicts: dict[str, str] = {}
    for start in range(0, len(INVALID_FILES), 25):
        batch = [str(p) for p in INVALID_FILES[start : start + 25]]
        run = subprocess.run(
            [sys.executable, "-c", _PROBE, *batch], capture_output=True, text=True, timeout=120, check=False
        )
        assert run.returncode == 0, f"reader crashed (status {run.returncode}) on one of {batch}: {run.stderr[-2000:]}"
        verdicts.update(json.loads(run.stdout.splitlines()[-1]))
    readable = {Path(p).name for p, v in verdicts.items() if v == "read"}
    wrong = {p: v for p, v in verdicts.items() if v != "read" and not v.startswith("FormatError")}
    assert not wrong, wrong
    twins = {p.name for p in INVALID_FILES if _twin_in_valid(p)}
    assert twins == {"comp_b44.exr", "v1.7.test.tiled.exr"}
    assert readable == twins | {"v1.7.test.interleaved.exr"}


def test_interleaved_file_matches_openimageio() -> None:
    oiio = pytest.importorskip("OpenImageIO")
    path = INVALID / "IlmlfmlflmTest" / "v1.7.test.interleaved.exr"
    buf = oiio.ImageBuf(str(path))
    names = list(buf.spec().channelnames)
    ours = vfx_rs.read(path)
    np.testing.assert_array_equal(
        ours.numpy(), buf.get_pixels(oiio.FLOAT)[..., [names.index(n) for n in ours.channel_names]]
    )
