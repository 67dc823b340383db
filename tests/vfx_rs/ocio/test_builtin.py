"""`builtin_aces_1_3()` against OpenColorIO's built-in ``cg-config-v2.2.0_aces-v1.3_ocio-v2.4``.

Every check applies both processors to a 17^3 grid (oracle.py: light values
log-spaced over [-0.1, 64] for linear spaces, code values over [-0.1, 1] for
log and display encodings) and measures the largest per-pixel error,
absolute up to 1 and relative to the pixel's largest channel above, after
allowing OCIO's own float32 noise (oracle.ocio_noise).
"""

from __future__ import annotations

import itertools

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
from vfx_rs.errors import OcioError
from vfx_rs.ocio import Config, builtin, builtin_aces_1_3

OCIO = pytest.importorskip("PyOpenColorIO")

CG_CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
"""OCIO's versioned built-in ACES 1.3 CG config (stable across OCIO releases)."""

ACES = "ACES2065-1"


@pytest.fixture(scope="module")
def ref():  # type: ignore[no-untyped-def]
    return OCIO.Config.CreateFromBuiltinConfig(CG_CONFIG)


@pytest.fixture(scope="module")
def ours() -> Config:
    return builtin_aces_1_3()


@pytest.fixture(scope="module")
def serialized(ref, tmp_path_factory: pytest.TempPathFactory) -> Config:  # type: ignore[no-untyped-def]
    """OCIO's own serialization of the config, read by our parser from a file."""
    path = tmp_path_factory.mktemp("cg") / "cg.ocio"
    path.write_text(ref.serialize(), encoding="utf-8")
    return Config.from_file(path)


def _report(results: dict[str, float], expected: int) -> None:
    bad = {k: v for k, v in results.items() if v > RTOL_OCIO_BUILTIN}
    worst = max(results, key=results.__getitem__)
    print(
        f"\n{len(results) - len(bad)}/{len(results)} checks within {RTOL_OCIO_BUILTIN}; worst {results[worst]:.2e} ({worst})"
    )
    assert not bad, bad
    assert len(results) == expected


def test_names_match_ocio(ref, ours: Config, serialized: Config) -> None:  # type: ignore[no-untyped-def]
    for config in (ours, serialized):
        check_queries(ref, config)
        assert config.default_view_transform == ref.getDefaultViewTransformName()
        assert config.families() == list(dict.fromkeys(f for cs in ref.getColorSpaces() if (f := cs.getFamily())))
        for name in ref.getViewTransformNames():
            assert config.view_transform(name).reference == "scene"
        assert config.colorspace_from_filepath("/a/b.exr") == ref.getColorSpaceFromFilepath("/a/b.exr")[0]


def test_every_colorspace_pair_matches_ocio(ref, ours: Config) -> None:  # type: ignore[no-untyped-def]
    """Every ordered pair, on the 9^3 grid of every other grid value (the 17^3 grid is used to and from ACES)."""
    names = ours.colorspace_names(include_inactive=True)
    results = {
        f"{src} -> {dst}": compare(ref.getProcessor(src, dst), ours.processor(src, dst), _coarse(ours, src))
        for src, dst in itertools.product(names, names)
    }
    _report(results, len(names) ** 2)


def _coarse(config: Config, name: str) -> np.ndarray:
    values = GRID_VALUES if config.colorspace(name).encoding in LINEAR_ENCODINGS else CODE_VALUES
    return grid17(values[::2])


@pytest.mark.parametrize("which", ["builtin", "serialized"])
def test_colorspaces_to_aces_and_back(ref, ours: Config, serialized: Config, which: str) -> None:  # type: ignore[no-untyped-def]
    """Every color space to ACES2065-1 and back on the 17^3 grid, for our built-in config and for OCIO's
    serialization of its own read by our parser."""
    config = ours if which == "builtin" else serialized
    names = config.colorspace_names(include_inactive=True)
    results = {}
    for name in names:
        px = source_grid(_encoding(config, name))
        results[f"{name} -> ACES"] = compare(ref.getProcessor(name, ACES), config.processor(name, ACES), px)
        results[f"ACES -> {name}"] = compare(ref.getProcessor(ACES, name), config.processor(ACES, name), grid17())
    _report(results, 2 * len(names))


def test_named_transforms_match_ocio(ref, ours: Config) -> None:  # type: ignore[no-untyped-def]
    for nt in ref.getNamedTransformNames():
        for src, dst in ((nt, "ACEScg"), ("ACEScg", nt)):
            px = source_grid("sdr-video" if src == nt else "scene-linear")
            assert compare(ref.getProcessor(src, dst), ours.processor(src, dst), px) <= RTOL_OCIO_BUILTIN, (src, dst)


def _encoding(config: Config, name: str) -> str:
    return config.colorspace(name).encoding


def test_ocio_names(ours: Config) -> None:
    for name in (f"ocio://{CG_CONFIG}", CG_CONFIG):
        cfg = builtin(name)
        assert cfg.colorspace_names() == ours.colorspace_names()
    assert Config.from_file(f"ocio://{CG_CONFIG}").name == CG_CONFIG
    with pytest.raises(OcioError, match=r"unknown built-in config 'ocio://nope'; known: ocio://cg-config-v2\.2\.0"):
        Config.from_file("ocio://nope")


def test_from_env_accepts_ocio_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCIO", f"ocio://{CG_CONFIG}")
    assert Config.from_env().name == CG_CONFIG
    monkeypatch.setenv("OCIO", "ocio://default")
    assert Config.from_env().name == OCIO.Config.CreateFromFile("ocio://default").getName()


def test_shorthand_names(ours: Config) -> None:
    assert ours.display("sRGB").name == "sRGB - Display"
    assert ours.display("display p3").name == "Display P3 - Display"
    assert ours.view("sRGB", "Film").name == "ACES 1.0 - SDR Video"
    assert ours.view("P3-D65 - Display", "film").name == "ACES 1.0 - SDR Cinema"
    assert ours.view("Rec.2100-PQ", "Film").name.startswith("ACES 1.1 - HDR Video")
    assert ours.view("sRGB", "standard").name == "Un-tone-mapped"
    assert ours.colorspace("sRGB").name == "sRGB Encoded Rec.709 (sRGB)"
    assert ours.colorspace("acescg").name == "ACEScg"
    assert ours.colorspace("LIN_AP1").name == "ACEScg"
    assert ours.colorspace("scene_linear").name == "ACEScg"
    with pytest.raises(OcioError, match="view 'Cinema' is not in the views of display 'sRGB'"):
        ours.view("sRGB", "Cinema")


LOOK = "ACES 1.3 Reference Gamut Compression"


def test_every_display_view_matches_ocio(ref, ours: Config) -> None:  # type: ignore[no-untyped-def]
    """From ACES2065-1 (with and without the look) on the 17^3 grid, from every color space on the 9^3 grid, and
    inverted back to ACES2065-1 from what the view displays."""
    results: dict[str, float] = {}
    names = ours.colorspace_names(include_inactive=True)
    for display in ref.getDisplays():
        for view in ref.getViews(display):
            for looks in (None, LOOK):
                pipeline = OCIO.LegacyViewingPipeline()  # OCIO's looks override, as our `looks` argument
                pipeline.setDisplayViewTransform(OCIO.DisplayViewTransform(ACES, display, view))
                if looks:
                    pipeline.setLooksOverride(looks)
                    pipeline.setLooksOverrideEnabled(True)
                key = f"ACES -> {display} / {view}" + (f" + {looks}" if looks else "")
                results[key] = compare(
                    pipeline.getProcessor(ref),
                    ours.display_processor(ACES, display, view, looks),
                    grid17(),
                    power_noise=True,
                )
            for src in names:
                tr = OCIO.DisplayViewTransform(src, display, view)
                px = _coarse(ours, src)
                results[f"{src} -> {display} / {view}"] = compare(
                    ref.getProcessor(tr), ours.display_processor(src, display, view), px, power_noise=True
                )
            # Back from what the view displays (OCIO's image of the grid): above a view's peak the inverse is
            # ill-posed (code values no scene value reaches), and float32 noise decides there in OCIO itself.
            forward = ocio_cpu(ref.getProcessor(ACES, display, view, OCIO.TRANSFORM_DIR_FORWARD))
            shown = run_cpu(forward, grid17()).astype(np.float32)
            if ours.colorspace(display).encoding == "hdr-video":
                # PQ signals lie in [-1, 1] (ST 2084); beyond, OCIO's inverted half-float table runs on, ours clamps.
                shown = shown[np.all(np.abs(shown) <= 1.0, axis=-1)]
            inv = OCIO.DisplayViewTransform(ACES, display, view, direction=OCIO.TRANSFORM_DIR_INVERSE)
            results[f"{display} / {view} -> ACES"] = compare(
                ref.getProcessor(inv), ours.display_processor(ACES, display, view, inverse=True), shown
            )
    _report(results, sum(len(ref.getViews(d)) for d in ref.getDisplays()) * (3 + len(names)))


def test_processors_are_cached_invertible_and_emit_glsl(ours: Config) -> None:
    proc = ours.display_processor("ACEScg", "sRGB", "Film")
    assert ours.display_processor("ACEScg", "sRGB", "Film") is proc
    assert ours.processor("ACEScg", "sRGB") is ours.processor("ACEScg", "sRGB")
    px = grid17()[:, None, :].repeat(2, axis=1).copy()
    forward = ours.processor("ACEScg", "ACEScct")
    back = forward.inverse().apply(forward.apply(px.copy()))
    assert abs(back - px).max() <= 1e-6 * max(1.0, abs(px).max())
    for src in ours.colorspace_names(include_inactive=True):
        for display in ours.displays():
            for view in ours.views(display):
                program = ours.display_processor(src, display, view).pipeline.glsl()
                assert "vec3 vfx_apply(vec3 c)" in program.source


def test_look_processors_match_ocio(ref, ours: Config) -> None:  # type: ignore[no-untyped-def]
    for src, dst in ((ACES, "ACEScg"), ("ACEScct", "sRGB Encoded Rec.709 (sRGB)"), ("ACEScg", ACES)):
        for looks in (LOOK, f"-{LOOK}"):
            tr = OCIO.LookTransform(src, dst, looks)
            px = source_grid(_encoding(ours, src))
            assert compare(ref.getProcessor(tr), ours.processor(src, dst, looks=looks), px) <= RTOL_OCIO_BUILTIN
