"""vfx-rs-py's `ConfigBuilder` and `Baker`: a built config reads the same in PyOpenColorIO (through
`ColorConfig.serialize`), and a baked ``.cube`` read by PyOpenColorIO reproduces PyOpenColorIO's own conversion
on the LUT's lattice (the built-in ACES 1.3 CG config)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.oracle import check_queries, ocio_cpu, run_cpu
from vfx_rs.errors import ArgumentError, LutError, OcioError
from vfx_rs.ocio import Baker, ColorConfig, ConfigBuilder

OCIO = pytest.importorskip("PyOpenColorIO")

CG_CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"


def test_built_config_reads_the_same_in_pyopencolorio() -> None:
    builder = ConfigBuilder("My Config", "built in code")
    builder.add_colorspace("linear", "scene", "scene_linear")
    builder.add_colorspace("log", "scene", "log", description="a log space")
    builder.add_colorspace("sRGB", "display", "sdr_video")
    builder.add_colorspace("raw", "utility", "data", is_data=True)
    builder.set_role("scene_linear", "linear")
    builder.set_role("data", "raw")
    builder.add_display("sRGB", [("Standard", "sRGB"), ("Log", "log")])
    builder.add_display("Raw", [("Raw", "raw")])
    assert repr(builder) == "ConfigBuilder(name='My Config', colorspaces=4, roles=2, displays=2)"
    config = builder.build()
    ref = OCIO.Config.CreateFromStream(config.serialize())
    ref.validate()
    check_queries(ref, config.config)
    assert ref.getColorSpace("log").getDescription() == "a log space"
    assert (ref.getName(), ref.getDescription()) == ("My Config", "built in code")
    assert config.view_colorspace("sRGB", "Log") == "log"


def test_builder_refuses_bad_input() -> None:
    builder = ConfigBuilder("bad")
    builder.add_colorspace("linear")
    builder.set_role("scene_linear", "missing")
    with pytest.raises(OcioError, match="missing"):
        builder.build()
    with pytest.raises(ArgumentError, match="encoding"):
        builder.add_colorspace("x", encoding="gamma")
    with pytest.raises(ArgumentError, match="pairs"):
        builder.add_display("d", ["Standard"])


def _through_ocio_lut(path: Path, px: np.ndarray) -> np.ndarray:
    transform = OCIO.FileTransform(str(path), interpolation=OCIO.INTERP_LINEAR)
    return run_cpu(ocio_cpu(OCIO.Config.CreateRaw().getProcessor(transform)), px)


def _assert_close(got: np.ndarray, want: np.ndarray) -> None:
    assert np.max(np.abs(got - want) / np.maximum(1.0, np.abs(want))) <= RTOL_OCIO_BUILTIN


def test_baked_cubes_reproduce_ocio_on_their_lattice(tmp_path: Path) -> None:
    ref = OCIO.Config.CreateFromBuiltinConfig(CG_CONFIG)
    config = ColorConfig.aces_1_3()

    def ocio_convert(src: str, dst: str, px: np.ndarray) -> np.ndarray:
        return run_cpu(ocio_cpu(ref.getProcessor(src, dst)), px)

    baker = Baker(config, "ACEScg", "sRGB Encoded Rec.709 (sRGB)")
    assert repr(baker) == "Baker(src='ACEScg', dst='sRGB Encoded Rec.709 (sRGB)')"
    for name, lo, hi in (("unit.cube", 0.0, 1.0), ("hdr.cube", -0.05, 4.0)):
        path = tmp_path / name
        if lo == 0.0:
            baker.bake_cube_3d(path, 9)
        else:
            baker.bake_cube_3d_hdr(path, 9, (lo, lo, lo), (hi, hi, hi))
        axis = np.linspace(lo, hi, 9)
        px = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), -1).reshape(-1, 3).astype(np.float32)
        _assert_close(_through_ocio_lut(path, px), ocio_convert("ACEScg", "sRGB Encoded Rec.709 (sRGB)", px))
    with pytest.raises(LutError, match="mixes channels"):
        baker.bake_cube_1d(tmp_path / "mixed.cube", 33)
    per_channel = Baker(config, "ACEScg", "ACEScct")  # same primaries: a log curve per channel
    per_channel.bake_cube_1d_hdr(tmp_path / "log.cube", 65, 0.0, 8.0)
    per_channel.bake_cube_1d(tmp_path / "log_unit.cube")
    for name, hi, size in (("log.cube", 8.0, 65), ("log_unit.cube", 1.0, 4096)):
        ramp = np.repeat(np.linspace(0.0, hi, size)[:, None], 3, axis=1).astype(np.float32)
        _assert_close(_through_ocio_lut(tmp_path / name, ramp), ocio_convert("ACEScg", "ACEScct", ramp))
