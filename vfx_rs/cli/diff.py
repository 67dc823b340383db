"""``vfx diff``: compare two images (max error, RMS, PSNR); exit status 1 over a threshold, for CI."""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

__all__ = ["add_parser", "run"]

_EXAMPLES = """examples:
  vfx diff render.exr reference.exr
  vfx diff render.exr reference.exr --threshold 1e-3            # exit 1 if max error > 1e-3
  vfx diff out.png ref.png --metric psnr --threshold 40         # exit 1 if PSNR < 40 dB
  vfx diff a.exr b.exr --json
"""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "diff",
        help="compare two images",
        description="Compare two images of the same size and channels: max abs error (and where), "
        "mean and RMS error, PSNR (ITU-T J.340, 10 log10(peak^2 / MSE)).",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("a", metavar="A", help="the image under test")
    p.add_argument("b", metavar="B", help="the reference image")
    p.add_argument("--threshold", type=float, help="fail (exit 1) when the metric is worse than this")
    p.add_argument("--metric", choices=("max", "rms", "psnr"), default="max", help="what --threshold checks")
    p.add_argument("--peak", type=float, default=1.0, help="signal peak for PSNR")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the comparison; 1 if it fails the threshold."""
    import vfx_rs
    from vfx_rs.errors import ArgumentError

    a, b = vfx_rs.read(args.a), vfx_rs.read(args.b)
    if a.shape != b.shape:
        raise ArgumentError(
            f"{args.a} is {a.width}x{a.height}x{a.channels}, {args.b} is {b.width}x{b.height}x{b.channels}"
        )
    c = vfx_rs.ops.compare(a, b, peak=args.peak)
    value = {"max": c.max_error, "rms": c.rms, "psnr": c.psnr}[args.metric]
    failed = args.threshold is not None and (
        value < args.threshold if args.metric == "psnr" else not value <= args.threshold
    )
    report = {
        "max": c.max_error,
        "max_location": list(c.max_location),
        "max_channel": c.max_channel,
        "mean": c.mean_error,
        "rms": c.rms,
        "psnr": c.psnr,
        "nan_mismatch": c.nan_mismatch,
        "pass": not failed,
    }
    if args.json:
        print(
            json.dumps(
                {
                    k: (str(v) if isinstance(v, float) and not math.isfinite(v) else v)  # JSON has no inf/NaN
                    for k, v in report.items()
                }
            )
        )
    else:
        x, y = c.max_location
        print(
            f"max {c.max_error:.6g} at ({x}, {y}) {c.max_channel}  mean {c.mean_error:.6g}  rms {c.rms:.6g}"
            f"  psnr {c.psnr:.4g} dB  nan mismatches {c.nan_mismatch}"
        )
        if failed:
            print(
                f"FAIL: {args.metric} {value:.6g} {'<' if args.metric == 'psnr' else '>'} threshold {args.threshold:g}"
            )
    return 1 if failed else 0
