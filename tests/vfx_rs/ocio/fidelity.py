"""Built-in configs against PyOpenColorIO on the wide inputs of issue 11, OCIO's side computed once per conversion.

`conversions` lists every ordered color space pair and every (color space,
display, view) of an OCIO config; `check` builds each with OCIO (lossless,
float32) on `tests.vfx_rs.ocio.oracle.wide_grid` and compares our configs
with it (`oracle.error`: 1e-4, relative above 1, less OCIO's own float32
sensitivity). Our configs are typically the built-in one and the one read
from OCIO's serialization of its own, which share OCIO's results. Used by the
ACES config tests and by ``bench/ocio_builtin.py`` (every conversion).
"""

from __future__ import annotations

import itertools
from typing import Any

from tests.vfx_rs.ocio.oracle import error, reference, wide_grid

__all__ = ["Conversion", "check", "conversions", "serialized"]

Conversion = tuple[str, str] | tuple[str, str, str]
"""``(source, destination)`` color spaces, or ``(source, display, view)``."""


def conversions(ref: Any) -> list[Conversion]:
    """Every ordered pair of `ref`'s color spaces (inactive ones too), then every (color space, display, view)."""
    import PyOpenColorIO as OCIO

    names = [cs.getName() for cs in ref.getColorSpaces(OCIO.SEARCH_REFERENCE_SPACE_ALL, OCIO.COLORSPACE_ALL)]
    views = [(src, d, v) for d in ref.getDisplays() for v in ref.getViews(d) for src in names]
    return [*itertools.product(names, names), *views]


def label(conversion: Conversion) -> str:
    """``src -> dst`` or ``src -> display / view``."""
    if len(conversion) == 2:
        return f"{conversion[0]} -> {conversion[1]}"
    return f"{conversion[0]} -> {conversion[1]} / {conversion[2]}"


def check(ref: Any, configs: dict[str, Any], items: list[Conversion], step: int = 1) -> dict[str, float]:
    """The error of each of `configs` (ours, by name) on each conversion of `items`, keyed ``name: label``.

    The inputs are `wide_grid` of the source's encoding (every `step`-th value per channel).
    """
    import PyOpenColorIO as OCIO

    results = {}
    for conversion in items:
        src = conversion[0]
        px = wide_grid(ref.getColorSpace(src).getEncoding(), step)
        if len(conversion) == 2:
            proc = ref.getProcessor(src, conversion[1])
            ref_out, slack = reference(proc, px)
        else:
            proc = ref.getProcessor(OCIO.DisplayViewTransform(src, conversion[1], conversion[2]))
            ref_out, slack = reference(proc, px, power_noise=True)
        for name, config in configs.items():
            if len(conversion) == 2:
                ours = config.processor(src, conversion[1])
            else:
                ours = config.display_processor(src, conversion[1], conversion[2])
            results[f"{name}: {label(conversion)}"] = error(ref_out, slack, ours.apply(px.copy()).astype(float))
    return results


def serialized(ref: Any, folder: Any) -> Any:
    """OCIO's serialization of `ref` written into `folder` and read by `vfx_rs.ocio.Config.from_file`."""
    from vfx_rs.ocio import Config

    path = folder / f"{ref.getName()}.ocio"
    path.write_text(ref.serialize(), encoding="utf-8")
    return Config.from_file(path)
