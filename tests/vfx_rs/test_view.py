"""`vfx_rs.view.ViewSettings`: the display chain against OCIO and the ASC CDL formulas; caching, trace, data, code."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.tolerances import ATOL_LUT_OCIO, RTOL_OCIO_BUILTIN, RTOL_TRACE_VS_APPLY
from tests.vfxview.color_fixtures import ocio_apply, ocio_cpu, write_cube_3d
from vfx_rs.errors import ArgumentError, FormatError
from vfx_rs.image import Image
from vfx_rs.view import LIVE_FIELDS, ViewSettings

GRADED = ViewSettings(
    input_space="ACEScg",
    exposure=0.75,
    slope=(1.1, 0.9, 1.0),
    offset=(0.01, 0.0, -0.005),
    power=(1.0, 1.1, 0.95),
    saturation=0.8,
    gamma=1.1,
)


def _asc_cdl(rgb: np.ndarray, s: ViewSettings) -> np.ndarray:
    """Exposure, then ASC CDL v1.2 (sections 4.2-4.3) in OCIO's no-clamp style: negatives pass the power unchanged."""
    x = rgb.astype(np.float64) * 2.0**s.exposure * np.array(s.slope) + np.array(s.offset)
    x = np.where(x > 0, np.abs(x) ** np.array(s.power), x)
    luma = x @ np.array([0.2126, 0.7152, 0.0722])
    return luma[..., None] + s.saturation * (x - luma[..., None])


def _ocio_view(rgb: np.ndarray, s: ViewSettings, lut: str = "") -> np.ndarray:
    """OCIO's own chain: ExposureContrast, CDLTransform (no clamp), [FileTransform], DisplayViewTransform."""
    ocio = pytest.importorskip("PyOpenColorIO")
    config = ocio.Config.CreateFromFile(s.config)
    cdl = ocio.CDLTransform(slope=list(s.slope), offset=list(s.offset), power=list(s.power), sat=s.saturation)
    cdl.setStyle(ocio.CDL_NO_CLAMP)
    steps = [ocio.ExposureContrastTransform(exposure=s.exposure, style=ocio.EXPOSURE_CONTRAST_LINEAR), cdl]
    if lut and s.lut_position == "before":
        steps.append(ocio.FileTransform(src=lut, interpolation=ocio.INTERP_TETRAHEDRAL))
    steps.append(ocio.DisplayViewTransform(src=s.input_space, display=s.display, view=s.view))
    if lut and s.lut_position == "after":
        steps.append(ocio.FileTransform(src=lut, interpolation=ocio.INTERP_TETRAHEDRAL))
    cpu = ocio_cpu(config.getProcessor(ocio.GroupTransform(steps)))
    out = ocio_apply(cpu, rgb.astype(np.float32)).astype(np.float64)
    return np.sign(out) * np.abs(out) ** (1.0 / s.gamma)


@pytest.fixture
def scene(rng: np.random.Generator) -> np.ndarray:
    return np.exp(rng.uniform(-6.0, 2.0, size=(200, 3))).astype(np.float32)


def test_apply_is_ocio_exposure_cdl_and_view(scene):
    got = GRADED.pipeline().applied(scene)
    ref = _ocio_view(scene, GRADED)
    assert float(np.max(np.abs(got - ref) / np.maximum(1.0, np.abs(ref)))) <= RTOL_OCIO_BUILTIN


@pytest.mark.parametrize("position", ["before", "after"])
def test_lut_stacks_before_or_after_the_view_as_ocio(tmp_path, rng, position):
    lut = str(write_cube_3d(tmp_path))
    s = GRADED.replace(lut=lut, lut_position=position, gamma=1.0)
    values = rng.uniform(0.0, 0.9, size=(200, 3)).astype(np.float32)
    np.testing.assert_allclose(
        s.pipeline().applied(values), _ocio_view(values, s, lut), rtol=0, atol=ATOL_LUT_OCIO * 10
    )
    assert GRADED.replace(lut=lut).pipeline() == GRADED.pipeline()  # position "none": the file is not applied


def test_live_values_reuse_the_cached_color_transform():
    a, b = GRADED, GRADED.replace(exposure=-2.0, saturation=1.3, gamma=2.2, channel="Y", normalize=(0.0, 4.0))
    assert a.structure() == GRADED.replace(exposure=3.0).structure() and hash(a.structure()) == hash(
        a.replace(slope=2).structure()
    )
    assert set(LIVE_FIELDS) <= set(a.to_dict())
    shared = [op for op in a.pipeline().ops if not op.dynamic]
    again = [op for op in a.replace(exposure=1.5).pipeline().ops if not op.dynamic]
    assert shared and all(x is y for x, y in zip(shared, again, strict=True))  # the same op objects: no rebuild
    assert b.pipeline().ops[0].dynamic  # the depth normalisation is live too
    for s in (a, b, a.replace(source="raw")):
        program, reference = s.glsl(), s.pipeline().glsl()
        assert program.source == reference.source and program.uniforms.keys() == reference.uniforms.keys()
        for name, uniform in reference.uniforms.items():
            np.testing.assert_array_equal(np.asarray(program.uniforms[name].value), np.asarray(uniform.value))
        assert s.uniforms().keys() <= reference.uniforms.keys()
    assert a.uniforms().keys() < a.glsl().uniforms.keys()  # only the live ops' uniforms, not the view's
    assert a.glsl().structure == a.replace(exposure=4, channel="R").glsl().structure


def test_trace_follows_every_op_to_the_exported_value(hdr_rgba):
    image = Image(hdr_rgba, metadata={"dataWindow": (10, 20, 62, 56)})
    trace = GRADED.trace(image, 13, 25)
    exported = GRADED.apply(image).pixels[5, 3, :3]
    np.testing.assert_allclose(trace.output, exported, rtol=RTOL_TRACE_VS_APPLY)  # what export writes
    assert [step.name for step in trace.steps] == [op.kind for op in GRADED.pipeline().ops]
    assert trace.input == tuple(float(v) for v in hdr_rgba[5, 3, :3])
    np.testing.assert_allclose(trace.steps[0].value, _asc_cdl(hdr_rgba[5, 3, :3], GRADED), rtol=1e-6)
    assert trace.steps[0].params["slope"] == pytest.approx([v * 2**0.75 for v in GRADED.slope])
    assert "cdl" in trace.table() and "(13, 25)" in trace.table()
    with pytest.raises(ArgumentError, match="outside the data window"):
        GRADED.trace(image, 0, 0)


def test_settings_round_trip_as_data_json_and_code(tmp_path):
    s = GRADED.replace(look="ACES 1.3 Reference Gamut Compression", normalize=(0.5, 9.0), channel="B")
    assert ViewSettings.from_dict(json.loads(json.dumps(s.to_dict()))) == s
    assert eval(repr(s), {"ViewSettings": ViewSettings}) == s
    assert repr(ViewSettings()) == "ViewSettings()"
    path = tmp_path / "view.json"
    s.save(path)
    assert ViewSettings.load(path) == s
    path.write_text('{\n  "exposure": 1,\n  "gama": 2\n}\n')
    with pytest.raises(FormatError, match="gama"):
        ViewSettings.load(path)
    path.write_text('{\n  "exposure": 1,\n  oops\n}\n')
    with pytest.raises(FormatError, match=r"view\.json.*3|line 3"):
        ViewSettings.load(path)


@pytest.mark.parametrize(
    "bad",
    [{"gamma": 0.0}, {"power": (1, 0, 1)}, {"slope": (1, 2)}, {"channel": "Q"}, {"exposure": float("nan")}],
)
def test_bad_values_raise_naming_them(bad):
    with pytest.raises(ArgumentError):
        ViewSettings(**bad)
