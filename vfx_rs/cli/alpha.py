"""Alpha for output formats that have none (JPEG, Radiance HDR, BMP, GIF): ``--alpha``.

`vfx_rs` images hold premultiplied (associated) colour, as OpenImageIO's do, so
removing alpha is a choice between two pictures:

- ``over-black`` (default): the premultiplied colour as it is, i.e. the image
  composited over black; what OpenImageIO gives when it drops the channel;
- ``over-color R,G,B``: composited over that colour, ``C + (1 - A) * bg``
  (Porter and Duff 1984, "over" with a constant opaque background);
- ``drop``: the straight colour ``C / A`` (where ``A > 0``), i.e. the colour a
  straight-alpha file such as a PNG stores, with the alpha channel discarded.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError

__all__ = ["ALPHA_MODES", "add_alpha_argument", "parse_alpha", "remove_alpha"]

ALPHA_MODES = ("over-black", "over-color", "drop")
"""The ``--alpha`` choices, the default first."""

_NO_ALPHA = {"jpeg": "JPEG", "hdr": "Radiance HDR", "bmp": "BMP", "gif": "GIF"}
"""Formats (registry names) that store no alpha channel."""


def add_alpha_argument(group: Any) -> None:
    """Add ``--alpha`` to an output-encoding argument group."""
    group.add_argument(
        "--alpha",
        default="over-black",
        metavar="MODE",
        help="alpha when OUT's format has none (JPEG, HDR, BMP, GIF): over-black (default: the premultiplied colour),"
        " over-color=R,G,B, or drop (the straight colour C/A)",
    )


def parse_alpha(text: str) -> tuple[str, tuple[float, float, float]]:
    """``"over-color=0.18,0.18,0.18"`` -> ``("over-color", (0.18, 0.18, 0.18))``; raises `ArgumentError`."""
    mode, _, value = text.partition("=")
    if mode not in ALPHA_MODES:
        raise ArgumentError(f"--alpha {text!r}: choose one of over-black, over-color=R,G,B, drop")
    if mode != "over-color":
        if value:
            raise ArgumentError(f"--alpha {mode} takes no value (got {text!r})")
        return mode, (0.0, 0.0, 0.0)
    try:
        color = tuple(float(v) for v in value.split(","))
    except ValueError:
        color = ()
    if len(color) != 3:
        raise ArgumentError(f"--alpha over-color needs three numbers, e.g. over-color=0.18,0.18,0.18 (got {text!r})")
    return mode, (color[0], color[1], color[2])


def remove_alpha(image: Any, output: str, alpha: str) -> tuple[Any, str | None]:
    """`image` ready for `output`'s format, and a note saying what was done to its alpha (or None)."""
    from vfx_rs.io.registry import format_for_extension

    fmt = format_for_extension(os.path.splitext(output)[1], output)
    names = [n.upper() for n in image.channel_names]
    if fmt.name not in _NO_ALPHA or "A" not in names or image.channels not in (2, 4):
        return image, None
    mode, background = parse_alpha(alpha)
    pixels = image.numpy()
    a = pixels[..., names.index("A")][..., None]
    color = np.delete(pixels, names.index("A"), axis=2)
    if mode == "over-color":
        bg = np.asarray(background[: color.shape[2]] if color.shape[2] == 3 else background[:1], np.float32)
        color = color + (1.0 - a) * bg
    elif mode == "drop":
        with np.errstate(divide="ignore", invalid="ignore"):
            color = np.where(a > 0, color / a, color)
    kept = [n for n in image.channel_names if n.upper() != "A"]
    note = f"alpha {mode.replace('-', ' ')}{'=' + alpha.partition('=')[2] if mode == 'over-color' else ''}"
    return image.with_pixels(color.astype(np.float32), kept), f"{note} ({_NO_ALPHA[fmt.name]} has no alpha)"
