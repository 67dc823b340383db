"""The contract's "OCIO Integration" snippet, run as written on the built-in ACES 1.3 CG config.

The snippet's placeholder path is replaced by the built-in config's ``ocio://``
name (no config file ships with the tests); the results are checked against
PyOpenColorIO's built-in config of the same name.
"""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.oracle import ocio_cpu, run_cpu

OCIO = pytest.importorskip("PyOpenColorIO")

CG_CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"


def test_contract_ocio_snippet() -> None:
    img_data = np.random.default_rng(5).uniform(-0.05, 8.0, size=(9, 11, 3)).astype(np.float32)
    img = vfx_rs.Image(img_data)

    import vfx_rs.ocio as ocio

    # Load config
    config = ocio.Config.from_file(f"ocio://{CG_CONFIG}")

    # Or use built-in
    config = ocio.builtin_aces_1_3()

    # Create processor
    proc = config.processor("ACEScg", "sRGB")

    # Apply
    data = img.numpy()
    proc.apply(data)

    # Display processor
    proc = config.display_processor("ACEScg", "sRGB", "Film")

    ref = OCIO.Config.CreateFromBuiltinConfig(CG_CONFIG)
    expected = run_cpu(ocio_cpu(ref.getProcessor("ACEScg", "sRGB Encoded Rec.709 (sRGB)")), img_data)
    np.testing.assert_allclose(data, expected, rtol=RTOL_OCIO_BUILTIN, atol=RTOL_OCIO_BUILTIN)
    shown = proc.apply(img.numpy())
    view = ref.getProcessor("ACEScg", "sRGB - Display", "ACES 1.0 - SDR Video", OCIO.TRANSFORM_DIR_FORWARD)
    np.testing.assert_allclose(shown, run_cpu(ocio_cpu(view), img_data), rtol=RTOL_OCIO_BUILTIN, atol=RTOL_OCIO_BUILTIN)
