"""Real-world OCIO configs against PyOpenColorIO: every color space pair, display view and look.

``.venv/bin/python bench/ocio_configs.py FOLDER [FOLDER...] [--values 9] [--show 5]`` finds every ``*.ocio``
under the folders (configs and their LUTs as their authors ship them: nothing here is committed), loads each
with PyOpenColorIO and with `vfx_rs.ocio`, and checks every conversion OCIO can build with
``tests/vfx_rs/ocio/config_check.py`` (1e-4, relative above 1, less OCIO's own float32 sensitivity) on a
``values``^3 grid (``--sample N``: N random pairs and N random views per large config). Prints one Markdown row per config (matched / checked, refused here, mismatched) and the
most common failure messages. Goal (issue 20): every config OCIO loads, vfx_rs loads, and 100% match.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.vfx_rs.ocio.config_check import check_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--values", type=int, default=9, help="values per channel of the test grid (17: the tests')")
    parser.add_argument("--show", type=int, default=5, help="failure messages to print per config")
    parser.add_argument("--sample", type=int, default=None, help="check at most this many pairs and views per config")
    args = parser.parse_args()
    import PyOpenColorIO as OCIO

    from vfx_rs.errors import VfxError

    print("| config | matched / checked | refused here | mismatched | both refuse | seconds |")
    print("|---|---|---|---|---|---|")
    notes = []
    for path in sorted(p for folder in args.folders for p in folder.rglob("*.ocio")):
        label = str(path.relative_to(path.parents[1]))
        start = time.perf_counter()
        try:
            OCIO.Config.CreateFromFile(str(path))
        except Exception as exc:
            print(f"| {label} | OCIO refuses the config ({str(exc)[:60]}) | | | | |")
            continue
        try:
            report = check_config(str(path), args.values, args.sample)
        except VfxError as exc:
            print(f"| {label} | **vfx_rs refuses the config**: {exc} | | | | |")
            continue
        seconds = time.perf_counter() - start
        print(
            f"| {label} | {len(report.matched)} / {report.total} | {len(report.ours_refused)} | "
            f"{len(report.mismatched)} | {len(report.both_refused)} | {seconds:.0f} |"
        )
        messages = collections.Counter(
            [str(m).split(": ", 1)[-1][:120] for _, m in report.ours_refused]
            + [f"mismatch {w}" for w, _ in report.mismatched[:3]]
        )
        notes += [f"- {label}: {n}x {m}" for m, n in messages.most_common(args.show)]
    print("\n".join(notes))


if __name__ == "__main__":
    main()
