"""`builtin("studio-config-v2.2.0_aces-v1.3_ocio-v2.4")` against OpenColorIO's built-in config of that name.

As test_builtin.py for the CG config: the same names and queries, every color
space to ACES2065-1 and back, every named transform, and every (display, view)
from ACES2065-1 and back, on the 17^3 grid of oracle.py (light values over
[-0.1, 64], code values over [-0.1, 1] for log and display encodings).
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.oracle import (
    CODE_VALUES,
    GRID_VALUES,
    LINEAR_ENCODINGS,
    check_queries,
    compare,
    grid17,
    ocio_cpu,
    run_cpu,
    source_grid,
)
from vfx_rs.ocio import Config, builtin

OCIO = pytest.importorskip("PyOpenColorIO")

STUDIO_CONFIG = "studio-config-v2.2.0_aces-v1.3_ocio-v2.4"
"""OCIO's versioned built-in ACES 1.3 studio config."""

ACES = "ACES2065-1"


@pytest.fixture(scope="module")
def ref():  # type: ignore[no-untyped-def]
    return OCIO.Config.CreateFromBuiltinConfig(STUDIO_CONFIG)


@pytest.fixture(scope="module")
def ours() -> Config:
    return builtin(f"ocio://{STUDIO_CONFIG}")


def source_values(encoding: str) -> np.ndarray:
    """The grid's per-channel values for a space of this OCIO encoding (light or code values)."""
    return GRID_VALUES if encoding in LINEAR_ENCODINGS else CODE_VALUES


def _report(results: dict[str, float], expected: int) -> None:
    bad = {k: v for k, v in results.items() if v > RTOL_OCIO_BUILTIN}
    worst = max(results, key=results.__getitem__)
    print(
        f"\n{len(results) - len(bad)}/{len(results)} checks within {RTOL_OCIO_BUILTIN}; worst {results[worst]:.2e} ({worst})"
    )
    assert not bad, bad
    assert len(results) == expected


def test_names_match_ocio(ref, ours: Config) -> None:  # type: ignore[no-untyped-def]
    check_queries(ref, ours)
    assert ours.name == STUDIO_CONFIG
    assert builtin(STUDIO_CONFIG).colorspace_names() == ours.colorspace_names()
    assert Config.from_file(f"ocio://{STUDIO_CONFIG}").displays() == list(ref.getDisplays())
    assert ours.default_view_transform == ref.getDefaultViewTransformName()
    assert ours.families() == list(dict.fromkeys(f for cs in ref.getColorSpaces() if (f := cs.getFamily())))
    assert ours.look_names() == list(ref.getLookNames())
    assert (
        builtin("ocio://studio-config-latest").name
        == OCIO.Config.CreateFromFile("ocio://studio-config-latest").getName()
    )


def test_colorspaces_to_aces_and_back(ref, ours: Config) -> None:  # type: ignore[no-untyped-def]
    names = ours.colorspace_names(include_inactive=True)
    results = {}
    for name in names:
        px = source_grid(ours.colorspace(name).encoding)
        results[f"{name} -> ACES"] = compare(ref.getProcessor(name, ACES), ours.processor(name, ACES), px)
        results[f"ACES -> {name}"] = compare(ref.getProcessor(ACES, name), ours.processor(ACES, name), grid17())
    _report(results, 2 * len(names))


def test_named_transforms_match_ocio(ref, ours: Config) -> None:  # type: ignore[no-untyped-def]
    results = {}
    for nt in ref.getNamedTransformNames():
        for src, dst in ((nt, "ACEScg"), ("ACEScg", nt)):
            px = source_grid("log" if src == nt else "scene-linear")
            results[f"{src} -> {dst}"] = compare(ref.getProcessor(src, dst), ours.processor(src, dst), px)
    _report(results, 2 * len(ref.getNamedTransformNames()))


def test_every_display_view_matches_ocio(ref, ours: Config) -> None:  # type: ignore[no-untyped-def]
    """From ACES2065-1 on the 17^3 grid, and back to ACES2065-1 from what the view displays (PQ and HLG signals
    within [-1, 1]: beyond, OCIO's inverted half-float tables run on)."""
    results: dict[str, float] = {}
    for display in ref.getDisplays():
        for view in ref.getViews(display):
            fwd = ref.getProcessor(ACES, display, view, OCIO.TRANSFORM_DIR_FORWARD)
            results[f"ACES -> {display} / {view}"] = compare(
                fwd, ours.display_processor(ACES, display, view), grid17(), power_noise=True
            )
            shown = run_cpu(ocio_cpu(fwd), grid17()).astype(np.float32)
            if ours.colorspace(display).encoding == "hdr-video":
                shown = shown[np.all(np.abs(shown) <= 1.0, axis=-1)]
            inv = ref.getProcessor(ACES, display, view, OCIO.TRANSFORM_DIR_INVERSE)
            results[f"{display} / {view} -> ACES"] = compare(
                inv, ours.display_processor(ACES, display, view, inverse=True), shown
            )
    _report(results, 2 * sum(len(ref.getViews(d)) for d in ref.getDisplays()))


def test_every_colorspace_through_every_view_matches_ocio(ref, ours: Config) -> None:  # type: ignore[no-untyped-def]
    """Every (color space, display, view) on the 9^3 grid of every other grid value."""
    results: dict[str, float] = {}
    names = ours.colorspace_names(include_inactive=True)
    for display in ref.getDisplays():
        for view in ref.getViews(display):
            for src in names:
                px = grid17(source_values(ours.colorspace(src).encoding)[::2])
                tr = OCIO.DisplayViewTransform(src, display, view)
                results[f"{src} -> {display} / {view}"] = compare(
                    ref.getProcessor(tr), ours.display_processor(src, display, view), px, power_noise=True
                )
    _report(results, len(names) * sum(len(ref.getViews(d)) for d in ref.getDisplays()))


def test_every_view_emits_glsl(ours: Config) -> None:
    """Every (color space, display, view) compiles to one GLSL program (the viewer's preview path)."""
    for src in ours.colorspace_names(include_inactive=True):
        for display in ours.displays():
            for view in ours.views(display):
                program = ours.display_processor(src, display, view).pipeline.glsl()
                assert "vec3 vfx_apply(vec3 c)" in program.source
