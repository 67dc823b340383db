"""The census against counts made here with NumPy's own predicates, and the out-of-gamut count against
PyOpenColorIO applying the same view."""

from __future__ import annotations

import numpy as np
import PyOpenColorIO as OCIO

from vfx_rs.census import census
from vfx_rs.image import Image
from vfx_rs.view import BUILTIN_CONFIG, ViewSettings


def test_counts_and_positions_per_channel_and_kind(rng) -> None:
    data = rng.normal(0.5, 1.0, size=(20, 30, 4)).astype(np.float32)
    data[3, 4, 0], data[5, 6, 1], data[7, 8, 2], data[9, 1, 3] = np.nan, np.inf, -np.inf, np.nan
    image = Image(data)
    found = census(image, max_positions=5)
    for c, name in enumerate("RGBA"):
        plane = data[..., c]
        assert found.counts[name] == {
            "nan": int(np.count_nonzero(plane != plane)),
            "+inf": int(np.count_nonzero(plane == np.inf)),
            "-inf": int(np.count_nonzero(plane == -np.inf)),
            "negative": int(np.count_nonzero((plane < 0) & (plane > -np.inf))),
        }
    assert found.positions["nan"] == [(4, 3), (1, 9)] and found.positions["+inf"] == [(6, 5)]
    assert len(found.positions["negative"]) == 5 and found.out_of_gamut is None
    assert "-inf" in found.text() and found.to_dict()["pixels"] == 600


def test_out_of_gamut_after_the_view_matches_ocio(rng) -> None:
    data = np.exp(rng.uniform(-4, 5, size=(16, 16, 3))).astype(np.float32) * rng.uniform(0, 1, (16, 16, 3)).astype(
        np.float32
    )
    data[0, :4] = (-0.2, 0.1, 0.1)  # negative scene values
    settings = ViewSettings(
        config=BUILTIN_CONFIG, input_space="ACEScg", display="sRGB - Display", view="ACES 1.0 - SDR Video"
    )
    cfg = OCIO.Config.CreateFromBuiltinConfig("cg-config-v2.2.0_aces-v1.3_ocio-v2.4")
    t = OCIO.DisplayViewTransform(src="ACEScg", display="sRGB - Display", view="ACES 1.0 - SDR Video")
    cpu = cfg.getProcessor(t).getOptimizedCPUProcessor(
        OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS
    )
    shown = data.copy()
    cpu.applyRGB(shown)
    margin = 1e-4  # values within float noise of the range edges are not counted either way
    surely_out = np.any((shown < -margin) | (shown > 1 + margin), axis=-1).sum()
    maybe_out = np.any((shown < margin) | (shown > 1 - margin), axis=-1).sum()
    found = census(Image(data), settings)
    assert surely_out <= found.out_of_gamut <= maybe_out
    assert found.out_of_gamut > 0
