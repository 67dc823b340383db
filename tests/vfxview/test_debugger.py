"""The transform debugger: the NumPy trace and the GLSL read-back op by op, against the ASC CDL formulas and OCIO."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_GLSL_VS_NUMPY, ATOL_LUT_OCIO, RTOL_OCIO_BUILTIN
from tests.vfx_rs.pipeline.op_examples import collect
from tests.vfx_rs.test_view import GRADED, _asc_cdl, _ocio_view
from tests.vfxview.color_fixtures import write_cube_3d
from vfx_rs.view import ViewSettings
from vfx_rs.view_trace import trace_pixel
from vfxview import commands, debug_commands
from vfxview.debugger import TOLERANCE, debug_pixel, differs

pytestmark = pytest.mark.gl

PIXEL = (0.18, 2.5, 0.04)


@pytest.fixture
def gl(qapp):
    """A fresh offscreen GL context for one test (the session's gl_context stays untouched by the viewer tests)."""
    from vfxview.glprobe import offscreen_context

    with offscreen_context() as context:
        yield context


def _image(value=PIXEL) -> vfx_rs.Image:
    px = np.full((4, 6, 3), 0.5, np.float32)
    px[2, 3] = value
    return vfx_rs.Image(px)


def _rel(a, b) -> float:
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b))))


def test_each_op_kind_reads_back_after_its_own_op(gl):
    """One chain of every registered op kind: the GLSL value after op k is op k (NumPy) of the GLSL value after k-1."""
    from vfxview.glprobe import render_prefixes

    ops = [examples[0] for _, examples in sorted(collect().items())]
    rgb = [0.18, 0.2, 0.3]
    gl = render_prefixes(ops, rgb)
    before = np.asarray(rgb, np.float32)
    for k, op in enumerate(ops):
        own = trace_pixel([op], np.append(before, 1.0), 0, 0).output
        assert not differs(own, gl[k]), f"op {k} ({op.kind}): GLSL {gl[k]} vs NumPy {own}"
        before = gl[k]


def test_grade_and_aces_view_against_asc_cdl_and_ocio(gl):
    from vfxview.glprobe import render_prefixes

    report = debug_pixel(GRADED, _image(), 3, 2, render_prefixes)
    steps = report.trace.steps
    assert steps[0].name == "cdl" and _rel(steps[0].value, _asc_cdl(np.array(PIXEL), GRADED)) <= 1e-6
    ocio = _ocio_view(np.array([PIXEL], np.float32), GRADED)[0]
    assert _rel(report.trace.output, ocio) <= RTOL_OCIO_BUILTIN
    assert _rel(report.gl[-1], ocio) <= ATOL_GLSL_VS_NUMPY
    assert report.first_difference is None
    assert len(report.gl) == len(GRADED.pipeline().ops) == len(report.table().splitlines()) - 3


@pytest.mark.parametrize("position", ["before", "after"])
def test_lut_in_the_view_against_ocio(gl, tmp_path, position):
    from vfxview.glprobe import render_prefixes

    s = GRADED.replace(lut=str(write_cube_3d(tmp_path)), lut_position=position, gamma=1.0)
    value = (0.3, 0.6, 0.2)
    report = debug_pixel(s, _image(value), 3, 2, render_prefixes)
    ocio = _ocio_view(np.array([value], np.float32), s, s.lut)[0]
    assert abs(report.trace.output - ocio).max() <= ATOL_LUT_OCIO * 10
    assert report.first_difference is None
    assert "lut3d" in [step.name for step in report.trace.steps]


def test_the_first_departing_op_is_marked():
    """With a GLSL stand-in that departs by 2e-4 from op 2 on, op 2 is the first difference (no GL needed)."""
    s = ViewSettings(source="raw", exposure=1.0, saturation=0.9, gamma=2.2)

    def skewed(ops, rgb):
        values = np.array([step.value for step in trace_pixel(ops, np.append(rgb, 1.0), 0, 0).steps])
        values[2:] += 2 * TOLERANCE
        return values

    report = debug_pixel(s, _image(), 3, 2, skewed)
    assert report.first_difference == 2
    marked = [line for line in report.table().splitlines() if "<<" in line and "first difference" not in line]
    assert len(marked) == 1 and marked[0].split()[0] == "2"
    assert not differs((np.nan, np.inf, 1.0), (np.nan, np.inf, 1.0 + TOLERANCE / 2))
    assert differs((np.inf, 0.0, 0.0), (-np.inf, 0.0, 0.0))


def test_panel_follows_the_pin_and_highlights(window, qtbot):
    from vfxview.panels.debugger import DIFFERENCE_COLOR

    commands.show_loaded(window.state, "px.exr", _image())
    qtbot.waitUntil(lambda: window.viewport.compile_count >= 1, timeout=10000)
    window.docks["Transform debugger"].raise_()
    panel = window.panels["Transform debugger"]
    assert debug_commands.pin_pixel(window.state, 3, 2)
    qtbot.waitUntil(lambda: panel.report is not None and panel.report.trace.x == 3, timeout=10000)
    ops = window.state.settings.pipeline().ops
    assert panel.table.rowCount() == len(ops) and panel.report.first_difference is None
    ocio = _ocio_view(np.array([PIXEL], np.float32), window.state.settings)[0]
    assert _rel([float(panel.table.item(len(ops) - 1, c).text()) for c in (5, 6, 7)], ocio) <= ATOL_GLSL_VS_NUMPY

    # a GLSL stand-in that departs by 1.0 from op 1 on: that row is highlighted
    def departing(ops, rgb):
        exact = np.array([step.value for step in trace_pixel(ops, np.append(rgb, 1.0), 0, 0).steps])
        return exact + (np.arange(len(ops)) >= 1)[:, None]

    panel._gl_values = departing
    panel.refresh()
    assert panel.report.first_difference == 1
    assert panel.table.item(1, 0).background().color() == DIFFERENCE_COLOR
    assert panel.table.item(0, 0).background().color() != DIFFERENCE_COLOR
    assert not debug_commands.pin_pixel(window.state, 99, 2) and "outside the data window" in window.state.error


def test_console_prints_the_same_table(window, qtbot):
    commands.show_loaded(window.state, "px.exr", _image())
    qtbot.waitUntil(lambda: window.viewport.compile_count >= 1, timeout=10000)
    console = window.panels["Console"]
    console.run_line("r = debug.trace(3, 2)")
    text = console.output.toPlainText()
    report = console.namespace["r"]
    assert report.table() in text and "GLSL equals NumPy at every op" in text
    assert _rel(report.trace.output, _ocio_view(np.array([PIXEL], np.float32), window.state.settings)[0]) <= (
        RTOL_OCIO_BUILTIN
    )
