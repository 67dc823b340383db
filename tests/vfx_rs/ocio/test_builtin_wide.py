"""The ACES 1.3 CG and studio configs against OCIO on wide inputs (issue 11, item 5).

Inputs (`oracle.wide_grid`): light values from -1 to 1e4 for linear spaces,
code values from -0.5 to 1.25 for log and display spaces. Every pair and
(color space, display, view) of the CG config, and a stride through those of
the studio config, run on the 5^3 grid of every fourth value; the cases an
independent check found (PQ code values above 1, ADX16 to ADX10, DaVinci
Intermediate at and below 0, ACEScct to ACEScc with 1e3-scale channels) run
on the full 17^3 grid. ``bench/ocio_builtin.py`` runs every conversion on the
full grid (bench/RESULTS.md).
"""

from __future__ import annotations

import pytest

from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.fidelity import check, conversions
from vfx_rs.ocio import builtin

OCIO = pytest.importorskip("PyOpenColorIO")

CG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"
STUDIO = "studio-config-v2.2.0_aces-v1.3_ocio-v2.4"


def _report(results: dict[str, float]) -> None:
    bad = {k: v for k, v in results.items() if v > RTOL_OCIO_BUILTIN}
    worst = max(results, key=results.__getitem__)
    print(
        f"\n{len(results) - len(bad)}/{len(results)} within {RTOL_OCIO_BUILTIN}; worst {results[worst]:.2e} ({worst})"
    )
    assert not bad, bad


@pytest.fixture(scope="module")
def studio():  # type: ignore[no-untyped-def]
    return OCIO.Config.CreateFromBuiltinConfig(STUDIO)


def test_cg_config_every_conversion() -> None:
    ref = OCIO.Config.CreateFromBuiltinConfig(CG)
    items = conversions(ref)
    results = check(ref, {"built in": builtin(CG)}, items, step=4)
    assert len(results) == len(items) == 1075
    _report(results)


def test_studio_config_stride(studio) -> None:  # type: ignore[no-untyped-def]
    """Every eighth conversion of the studio config (693 of 5,544)."""
    items = conversions(studio)[::8]
    _report(check(studio, {"built in": builtin(STUDIO)}, items, step=4))


PQ = ("Rec.2100-PQ - Display", "ST2084-P3-D65 - Display")


@pytest.mark.parametrize(
    "conversion",
    [
        *((pq, dst) for pq in PQ for dst in ("ACES2065-1", "ACEScct", "sRGB - Display", *PQ)),
        *((pq, pq, "Un-tone-mapped") for pq in PQ),
        ("Rec.2100-PQ - Display", "sRGB - Display", "ACES 1.0 - SDR Video"),
        ("ADX16", "ADX10"),
        ("ADX10", "ADX16"),
        ("DaVinci Intermediate WideGamut", "ACES2065-1"),
        ("ACES2065-1", "DaVinci Intermediate WideGamut"),
        ("DaVinci Intermediate WideGamut", "ACEScct"),
        ("ACEScct", "ACEScc"),
        ("ACEScc", "ACEScct"),
        ("ACEScc", "Gamma 2.2 Encoded AP1"),
        ("ARRI LogC3 (EI800)", "ARRI LogC4"),
    ],
    ids=lambda c: " -> ".join(c),
)
def test_independent_check_cases_on_the_full_grid(studio, conversion: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    _report(check(studio, {"built in": builtin(STUDIO)}, [conversion]))
