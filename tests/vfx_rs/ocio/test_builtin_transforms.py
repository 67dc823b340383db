"""Every BuiltinTransform style built here against OCIO's BuiltinTransform of the same style, both directions."""

from __future__ import annotations

import pytest

from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.oracle import CODE_VALUES, compare, grid17
from vfx_rs.errors import OcioError
from vfx_rs.ocio.builtin_transforms import BUILTIN_TRANSFORMS, builtin_ops, builtin_styles
from vfx_rs.pipeline import Pipeline

OCIO = pytest.importorskip("PyOpenColorIO")


def _code_input(style: str, inverse: bool) -> bool:
    """True where the input is code values: decoding (camera logs, ACEScc/ACEScct, curves to linear), or the
    inverse of an encoding (displays, curves from linear); light values otherwise."""
    decodes = style.endswith("_to_LINEAR") or (style.endswith("_to_ACES2065-1") and not style.startswith("ACEScg"))
    encodes = style.startswith(("DISPLAY - ", "CURVE - LINEAR_to_"))
    return decodes if not inverse else encodes


@pytest.fixture(scope="module")
def raw_config():  # type: ignore[no-untyped-def]
    return OCIO.Config.CreateRaw()


@pytest.mark.parametrize("style", builtin_styles())
def test_style_matches_ocio_both_ways(raw_config, style: str) -> None:  # type: ignore[no-untyped-def]
    for inverse in (False, True):
        # PQ code values lie in [0, 1]; above 1 OCIO's inverse PQ table extrapolates, ours clamps.
        px = grid17(CODE_VALUES) if _code_input(style, inverse) else grid17()
        direction = OCIO.TRANSFORM_DIR_INVERSE if inverse else OCIO.TRANSFORM_DIR_FORWARD
        ref = raw_config.getProcessor(OCIO.BuiltinTransform(style, direction))
        err = compare(ref, Pipeline(builtin_ops(style, inverse)), px)
        assert err <= RTOL_OCIO_BUILTIN, (style, inverse, err)


def test_styles_are_ocio_styles() -> None:
    known = {style for style, _ in OCIO.BuiltinTransformRegistry().getBuiltins()}
    assert set(BUILTIN_TRANSFORMS) <= known


def test_pq_code_values_above_one_clamp() -> None:
    decode = Pipeline(builtin_ops("CURVE - ST-2084_to_LINEAR"))
    out = decode.applied([[1.0, 1.5, -1.5]])
    assert out[0, 1] == out[0, 0] == -out[0, 2] == pytest.approx(100.0)


def test_unknown_style_lists_known_ones() -> None:
    with pytest.raises(OcioError, match=r"unknown BuiltinTransform style 'nope'.*ACEScg_to_ACES2065-1"):
        builtin_ops("nope")
    assert builtin_ops("acescg_to_aces2065-1") == builtin_ops("ACEScg_to_ACES2065-1")
