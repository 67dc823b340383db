"""``vfx info``: size, channels, layers, pixel type, compression, windows, optional statistics."""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

from vfx_rs.cli import view_options

__all__ = ["add_parser", "describe", "run"]

_EXAMPLES = """examples:
  vfx info render.exr
  vfx info --stats a.exr b.png
  vfx info --json --stats render.exr > render.json
  vfx info shot.####.exr --frames 1001-1010     # every frame of a sequence (missing ones reported)
  vfx info "renders/*.exr"
  vfx info --census shot.####.exr --input ACEScg   # NaN/Inf/negative per channel and frame, out of gamut after the view
"""


def add_parser(sub: Any) -> None:
    """Register the subcommand."""
    p = sub.add_parser(
        "info",
        help="describe image files",
        description="Describe image files: size, channels, layers, pixel type, compression, windows.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="files, sequences (shot.####.exr) or quoted globs")
    p.add_argument("--frames", help="frames of a sequence, e.g. 1001-1100 or 1001-1100x2 (default: those on disk)")
    p.add_argument("--stats", action="store_true", help="per-channel min/max/mean/std and NaN/Inf counts")
    p.add_argument(
        "--census",
        action="store_true",
        help="NaN, +Inf, -Inf and negative counts per channel with positions, and pixels outside the display's"
        " range after the view (the view options below; default: the built-in ACES sRGB view)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    view_options.add_settings_argument(p)
    view_options.add_color_arguments(p, lut=False)
    p.set_defaults(run=run)


def _jsonable(value: Any) -> Any:
    import numpy as np

    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (tuple, list)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def describe(path: str, stats: bool, view: Any = None) -> dict[str, Any]:
    """Everything `vfx info` reports about one file, as plain data (the census of each layer with a `view`)."""
    import vfx_rs
    from vfx_rs.io import detect_format

    layered = vfx_rs.read_layered(path)
    layers = []
    for name, image in layered.items():
        entry: dict[str, Any] = {
            "name": name,
            "width": image.width,
            "height": image.height,
            "channels": image.channel_names,
            "format": image.format,
            "data_window": list(image.data_window),
            "display_window": list(image.display_window),
        }
        if stats:
            entry["stats"] = [
                {
                    "channel": s.name,
                    "min": s.min,
                    "max": s.max,
                    "mean": s.mean,
                    "std": s.std,
                    "nan": s.nan_count,
                    "inf": s.inf_count,
                }
                for s in vfx_rs.ops.stats(image)
            ]
        if view is not None:
            from vfx_rs.census import census

            found = census(image, view if image.channels >= 3 else None)
            entry["census"], entry["census_text"] = found.to_dict(), found.text()
        layers.append(entry)
    first = layered[layered.layer_names()[0]]
    metadata = {k: v for k, v in first.metadata.items() if k not in ("dataWindow", "displayWindow")}
    return {"file": path, "format": detect_format(path).name, "layers": layers, "metadata": _jsonable(metadata)}


def _text(report: dict[str, Any]) -> str:
    lines = [f"{report['file']}: {report['format']}"]
    for layer in report["layers"]:
        lines.append(
            f"  {layer['name']}: {layer['width']}x{layer['height']} {','.join(layer['channels'])} {layer['format']}"
            f"  data window {tuple(layer['data_window'])}  display window {tuple(layer['display_window'])}"
        )
        if "census_text" in layer:
            lines += ["    " + line for line in layer["census_text"].splitlines()]
        for s in layer.get("stats", []):
            lines.append(
                f"    {s['channel']:>8}: min {s['min']:.6g}  max {s['max']:.6g}  mean {s['mean']:.6g}"
                f"  std {s['std']:.6g}  nan {s['nan']}  inf {s['inf']}"
            )
    for key, value in sorted(report["metadata"].items()):
        lines.append(f"  {key}: {value}")
    return "\n".join(lines)


def _expand(files: list[str], frames: str | None) -> list[str]:
    """Each argument as the files it names: itself, a sequence's frames, or a glob's matches (sorted)."""
    from vfx_rs.cli.sequences import expand_glob, is_glob, parse_frames, parse_pattern

    paths: list[str] = []
    for arg in files:
        pattern = parse_pattern(arg)
        if pattern is not None:
            paths += [pattern.path(f) for f in (parse_frames(frames) if frames else pattern.on_disk())] or [arg]
        elif is_glob(arg):
            paths += expand_glob(arg) or [arg]
        else:
            paths.append(arg)
    return paths


def run(args: argparse.Namespace) -> int:
    """Describe each file; a file that fails (or a missing frame) is reported and the others still print."""
    import sys

    from vfx_rs.errors import VfxError

    reports, status = [], 0
    view = (
        view_options.view_settings(args, ("config", "input_space", "display", "view", "look")) if args.census else None
    )
    for path in _expand(args.files, args.frames):
        try:
            reports.append(describe(path, args.stats, view))
        except VfxError as exc:
            print(f"vfx: error: {exc}", file=sys.stderr)
            status = 1
            continue
        if not args.json:
            print(_text(reports[-1]))
    if args.json:
        for report in reports:
            for layer in report["layers"]:
                layer.pop("census_text", None)
        print(json.dumps(_jsonable(reports), indent=2))
    return status
