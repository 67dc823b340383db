"""Agreement with OpenColorIO on a folder of LUT, CDL, CLF and CTF files written by other projects.

Every file under the folder whose extension names a LUT format that vfx_rs or
OpenColorIO reads is applied through an OCIO ``FileTransform`` by both:
PyOpenColorIO (raw config, CPU, F32, ``OPTIMIZATION_LOSSLESS``) and vfx_rs
(`vfx_rs.ocio.Config` with the same FileTransform), forward and, where both
read it, inverse. Values are compared on a grid reaching outside [0, 1]
(within 1e-5, and 1e-4 relative above 1, NaN where OCIO gives NaN), less OCIO's
own float32 sensitivity: how far its output moves when the input moves by a
millionth (`tests.vfx_rs.ocio.oracle.ocio_noise`, the allowance the config
checks make), which matters only where a file amplifies the last bit, as
HSV_TO_RGB fed values that are not HSV does.

Run: ``.venv/bin/python bench/lut_corpus.py FOLDER [-v]``, e.g. on OpenColorIO's
``tests/data/files`` (not committed here: fetch the repository). Prints one line
per file that does not agree and the totals that bench/RESULTS.md records.
Every format OpenColorIO 2.6 reads is checked (`OURS`).
"""

from __future__ import annotations

import sys
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import PyOpenColorIO as OCIO

from tests.vfx_rs.lut.file_format_ref import ours_apply
from tests.vfx_rs.ocio.oracle import ocio_noise
from vfx_rs.errors import VfxError

OURS = {".clf", ".ctf", ".cube", ".spi1d", ".spi3d", ".spimtx", ".csp", ".3dl", ".cc", ".ccc", ".cdl", ".cub"}
OURS |= {".itx", ".look", ".lut", ".mga", ".m3d", ".vf", ".icc", ".icm", ".pf"}
"""Extensions vfx_rs reads through a FileTransform."""

ATOL = 1e-5
RTOL = 1e-4
"""Agreement (issue 18): within 1e-5, and 1e-4 relative above 1 (OCIO's own SSE pow in ExposureContrast
and Gamma is approximate to about 3e-5 relative)."""


def grid() -> np.ndarray:
    """An 11^3 grid over [-0.25, 1.25], a grey ramp to 8 and a few extremes; float32 (n, 3)."""
    axis = np.linspace(-0.25, 1.25, 11)
    cube = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), axis=-1).reshape(-1, 3)
    ramp = np.repeat(np.linspace(-1.0, 8.0, 301)[:, None], 3, axis=1)
    extremes = np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [0.18, 0.18, 0.18], [65504.0, 0.5, -2.0]])
    return np.concatenate([cube, ramp, extremes]).astype(np.float32)


def ocio_apply(path: Path, rgb: np.ndarray, inverse: bool) -> tuple[np.ndarray, np.ndarray]:
    """OCIO's result on `rgb` and its float32 sensitivity there (`ocio_noise`)."""
    cfg = OCIO.Config.CreateRaw()
    cfg.setSearchPath(str(path.parent))
    direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
    proc = cfg.getProcessor(OCIO.FileTransform(src=str(path), direction=direction))
    cpu = proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    out = np.ascontiguousarray(rgb.copy())
    cpu.applyRGB(out)
    return out, ocio_noise(cpu, rgb, out.astype(np.float64))


def compare(ours: np.ndarray, ref: np.ndarray, slack: np.ndarray) -> float:
    """Largest error less `slack` in units of the tolerance (issue 18: 1e-5 absolute, 1e-4 relative above 1);
    inf when the NaN or infinity pattern differs. At most 1 agrees."""
    if not np.array_equal(np.isnan(ours), np.isnan(ref)) or not np.array_equal(np.isinf(ours), np.isinf(ref)):
        return float("inf")
    both = np.isinf(ref)
    if np.any(ours[both] != ref[both]):
        return float("inf")
    finite = np.isfinite(ref)
    a, b = ours[finite].astype(np.float64), ref[finite].astype(np.float64)
    allowed = np.where(np.abs(b) > 1.0, np.maximum(ATOL, RTOL * np.abs(b)), ATOL)
    moved = np.nan_to_num(slack[finite], nan=0.0)
    return float((np.maximum(np.abs(a - b) - moved, 0.0) / allowed).max(initial=0.0))


def run(path: Path, rgb: np.ndarray, inverse: bool) -> tuple[str, str]:
    """(outcome, detail) for one file and direction."""
    try:
        ref, slack = ocio_apply(path, rgb, inverse)
        ocio_error = ""
    except Exception as exc:  # OCIO raises plain Exception; a crash of ours is reported as such
        ref, slack, ocio_error = None, None, str(exc).splitlines()[0][:140]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ours = ours_apply(path, rgb, inverse)
        our_error = ""
    except VfxError as exc:
        ours, our_error = None, str(exc).splitlines()[0][:160]
    except Exception as exc:  # OCIO raises plain Exception; a crash of ours is reported as such
        ours, our_error = None, f"CRASH {type(exc).__name__}: {exc}"[:160]
    if ref is None and ours is None:
        return "both refuse", ""
    if ref is None:
        return "only vfx_rs reads", f"OCIO: {ocio_error}"
    if ours is None:
        return "only OCIO reads", our_error
    assert slack is not None
    err = compare(ours, ref, slack)
    return ("agree", "") if err <= 1.0 else ("values differ", f"max error {err:.3g} x tolerance")


def main() -> None:
    """Check every LUT file under the folder given on the command line."""
    folder = Path(sys.argv[1])
    verbose = "-v" in sys.argv
    rgb = grid()
    forward: Counter[str] = Counter()
    inverse: Counter[str] = Counter()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        ext = path.suffix.lower()
        if ext not in OURS:
            continue
        outcome, detail = run(path, rgb, inverse=False)
        forward[outcome] += 1
        if outcome != "agree" and (verbose or outcome != "both refuse"):
            print(f"{outcome:18s} {path.relative_to(folder)}  {detail}")
        if outcome == "agree":
            outcome, detail = run(path, rgb, inverse=True)
            inverse[outcome] += 1
            if outcome not in ("agree", "both refuse"):
                print(f"inverse: {outcome:9s} {path.relative_to(folder)}  {detail}")
    total = sum(forward.values())
    print(f"\n{total} files in formats vfx_rs reads (forward):")
    for key in ("agree", "both refuse", "values differ", "only OCIO reads", "only vfx_rs reads"):
        print(f"  {key:18s} {forward[key]}")
    print(f"inverse of the {forward['agree']} agreeing files: " + ", ".join(f"{k} {v}" for k, v in inverse.items()))


if __name__ == "__main__":
    main()
