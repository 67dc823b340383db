"""Agreement with OpenImageIO on a folder of real-world TIFF, PNG, JPEG and DPX files.

Reads every such file under the folder with `vfx_rs.read` and with OpenImageIO
(``ImageBuf``, default configuration, pixels as float) and sorts each into:

- ``equal``: same shape and every value within one code value of the depth
  OpenImageIO hands out (float files: exactly equal, NaN where NaN);
- ``differ``: read by both, but not equal (the worst difference is printed);
- ``refused``: OpenImageIO reads it, `vfx_rs` raises a `vfx_rs.VfxError`;
- ``deviation``: equal to ``1 - OpenImageIO``: min-is-white files above 8 bits,
  which TIFF 6.0 (section 3) inverts at every depth and OpenImageIO 3.2 does not;
- ``crash``: `vfx_rs` raised something that is not a `vfx_rs.VfxError` (a bug);
- ``both refuse`` / ``oiio refuses``: OpenImageIO cannot read it (not counted
  in the agreement).

Run: ``.venv/bin/python bench/corpus.py FOLDER [--verbose]``. The corpus is
not part of the repository (see bench/RESULTS.md for where ours came from).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np

import vfx_rs

SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg", ".dpx"}
STEP = {"uint8": 1 / 255, "int8": 1 / 127, "uint16": 1 / 65535, "int16": 1 / 32767, "uint": 2.0**-23, "int": 2.0**-23}
"""One code of the type OpenImageIO hands out (32-bit integers: one float32 step near 1)."""


def oiio_pixels(path: str) -> tuple[np.ndarray | None, str]:
    """OpenImageIO's first subimage as float (H, W, C) and its pixel type, or (None, error)."""
    import OpenImageIO as oiio

    buf = oiio.ImageBuf(path)
    if buf.has_error:
        return None, buf.geterror()
    pixels = buf.get_pixels(oiio.FLOAT)
    if buf.has_error or pixels is None:
        return None, buf.geterror()
    pixels = np.asarray(pixels, np.float32)
    if pixels.ndim == 4:
        pixels = pixels[0]
    return pixels.reshape(buf.spec().height, buf.spec().width, buf.spec().nchannels), str(buf.spec().format)


def compare(path: str) -> tuple[str, str]:
    """The category of one file and a one-line detail."""
    reference, kind = oiio_pixels(path)
    try:
        ours = vfx_rs.read(path).numpy()
    except vfx_rs.VfxError as exc:
        return ("both refuse" if reference is None else "refused"), str(exc).splitlines()[0][:160]
    except Exception as exc:  # the point is to find these
        return "crash", f"{type(exc).__name__}: {exc}"[:160]
    if reference is None:
        return "oiio refuses", kind.splitlines()[0][:160] if kind else ""
    if ours.shape != reference.shape:
        return "differ", f"shape {ours.shape} vs OpenImageIO {reference.shape}"
    nan = np.isnan(reference)
    if not np.array_equal(nan, np.isnan(ours)):
        return "differ", "NaN in different places"
    worst = float(np.max(np.abs(ours[~nan] - reference[~nan]), initial=0.0))
    tolerance = STEP.get(kind, 0.0) * 1.0001
    if worst <= tolerance:
        return "equal", f"{kind} worst {worst:.3g}"
    if float(np.max(np.abs(ours[~nan] - (1.0 - reference[~nan])), initial=0.0)) <= max(tolerance, 2.0**-23):
        return "deviation", "1 - OpenImageIO: min-is-white above 8 bits, which OpenImageIO does not invert"
    return (
        "differ",
        f"{kind} worst {worst:.4g} ({worst / STEP[kind]:.1f} codes)" if kind in STEP else f"{kind} {worst:.4g}",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--verbose", action="store_true", help="one line per file")
    args = parser.parse_args(argv)
    files = sorted(p for p in Path(args.folder).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    counts: Counter[str] = Counter()
    for path in files:
        category, detail = compare(os.fspath(path))
        counts[category] += 1
        if args.verbose or category not in ("equal", "deviation", "both refuse", "oiio refuses"):
            print(f"{category:13s} {path.relative_to(args.folder)}: {detail}")
    read_by_oiio = sum(counts[c] for c in ("equal", "deviation", "differ", "refused", "crash"))
    print(f"\n{len(files)} files; OpenImageIO reads {read_by_oiio}")
    for category in ("equal", "deviation", "differ", "refused", "crash", "oiio refuses", "both refuse"):
        print(f"  {category:13s} {counts[category]}")
    if read_by_oiio:
        print(f"agreement: {counts['equal']}/{read_by_oiio} = {100 * counts['equal'] / read_by_oiio:.1f}%")
    return 0 if counts["equal"] == read_by_oiio else 1


if __name__ == "__main__":
    sys.exit(main())
