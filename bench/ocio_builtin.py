"""Every conversion of the built-in ACES configs against PyOpenColorIO on the full wide grid (issue 11, item 4).

``.venv/bin/python bench/ocio_builtin.py [NAME ...] [--step 1]`` checks, for each built-in config
(default: every versioned config `vfx_rs.ocio.BUILTIN_CONFIGS` builds), every ordered color space pair and
every (color space, display, view) with ``tests/vfx_rs/ocio/fidelity.py``: OCIO's lossless float32 result
on the 17^3 wide grid (light -1 to 1e4, code values -0.5 to 1.25; `--step` thins it) against our built-in
config and against OCIO's serialization of its config read by `vfx_rs.ocio.Config.from_file`, within 1e-4
(relative above 1, less OCIO's own float32 sensitivity). Prints one Markdown row per config and the worst
conversions. The tests run strides of the same checks on a coarser grid.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.fidelity import check, conversions, serialized


def main() -> None:
    import PyOpenColorIO as OCIO

    from vfx_rs.ocio import BUILTIN_CONFIGS, builtin

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=list(BUILTIN_CONFIGS))
    parser.add_argument("--step", type=int, default=1, help="take every step-th grid value (1: the 17^3 grid)")
    parser.add_argument("--show", type=int, default=3, help="worst conversions to list per config")
    args = parser.parse_args()
    print("| config | pairs + views | built in within 1e-4 | serialized within 1e-4 | worst | seconds |")
    print("|---|---|---|---|---|---|")
    notes = []
    with tempfile.TemporaryDirectory() as folder:
        for name in args.names:
            start = time.perf_counter()
            ref = OCIO.Config.CreateFromBuiltinConfig(name)
            ours = {"built in": builtin(name), "serialized": serialized(ref, Path(folder))}
            items = conversions(ref)
            results = check(ref, ours, items, step=args.step)
            seconds = time.perf_counter() - start
            counts = {k: sum(v <= RTOL_OCIO_BUILTIN for r, v in results.items() if r.startswith(k)) for k in ours}
            worst = sorted(results.items(), key=lambda kv: -kv[1])
            print(
                f"| {name} | {len(items)} | {counts['built in']} | {counts['serialized']} | "
                f"{worst[0][1]:.1e} | {seconds:.0f} |"
            )
            notes += [f"- {name}: {what} {err:.2e}" for what, err in worst[: args.show]]
    print("\n".join(notes))


if __name__ == "__main__":
    main()
