"""vfx_rs.drawing (issue 21): points, lines and boxes against OpenImageIO's render_*; shapes and text by definition."""

from __future__ import annotations

import numpy as np
import pytest

import vfx_rs
from tests.tolerances import ATOL_IBA_F32
from tests.vfx_rs.ops import oiio_ref
from vfx_rs import drawing

IBA = oiio_ref.IBA
BASE = np.full((9, 11, 4), [0.2, 0.3, 0.4, 1.0], np.float32)


@pytest.mark.parametrize("channels", [3, 4])
def test_points_lines_boxes_match_imagebufalgo(channels: int) -> None:
    base = BASE[..., :channels].copy()
    color = [1.0, 0.5, 0.25, 0.5][:channels]
    buf = oiio_ref.buf(base)
    IBA.render_point(buf, 2, 3, color)
    IBA.render_line(buf, 0, 8, 10, 1, color)
    IBA.render_line(buf, 9, 0, 9, 6, color, True)
    IBA.render_box(buf, 1, 1, 6, 4, color, False)
    IBA.render_box(buf, 7, 5, 9, 7, color, True)
    img = vfx_rs.Image(base)
    img = drawing.render_point(img, 2, 3, color)
    img = drawing.render_line(img, 0, 8, 10, 1, color)
    img = drawing.render_line(img, 9, 0, 9, 6, color, skip_first_point=True)
    img = drawing.render_box(img, 1, 1, 6, 4, color)
    img = drawing.render_box(img, 7, 5, 9, 7, color, fill=True)
    np.testing.assert_allclose(img.numpy(), oiio_ref.pixels(buf), atol=ATOL_IBA_F32)


def test_lines_match_imagebufalgo_everywhere() -> None:
    rng = np.random.default_rng(0)
    for _ in range(100):
        x1, x2 = rng.integers(-2, 13, 2)
        y1, y2 = rng.integers(-2, 11, 2)
        buf = oiio_ref.buf(np.zeros((9, 11, 1), np.float32))
        IBA.render_line(buf, int(x1), int(y1), int(x2), int(y2), [1.0])
        ours = drawing.render_line(np.zeros((9, 11, 1), np.float32), x1, y1, x2, y2, [1.0])
        np.testing.assert_array_equal(ours, oiio_ref.pixels(buf), err_msg=f"{(x1, y1, x2, y2)}")


def test_circles_ellipses_polygons_by_definition() -> None:
    canvas = np.zeros((21, 21, 3), np.float32)
    disc = drawing.render_circle(canvas, 10, 10, 6, [1, 1, 1], fill=True)[..., 0]
    yy, xx = np.mgrid[0:21, 0:21]
    np.testing.assert_array_equal(disc, (np.hypot(xx - 10, yy - 10) <= 6).astype(np.float32))
    ring = drawing.render_circle(canvas, 10, 10, 6, [1, 1, 1])[..., 0]
    assert ring[10, 16] == 1 and ring[10, 10] == 0 and ring[4, 10] == 1 and ring.sum() < disc.sum()
    ell = drawing.render_ellipse(canvas, 10, 10, 8, 3, [1, 1, 1], fill=True)[..., 0]
    np.testing.assert_array_equal(ell, (((xx - 10) / 8) ** 2 + ((yy - 10) / 3) ** 2 <= 1).astype(np.float32))
    square = drawing.render_polygon(canvas, [(2, 2), (12, 2), (12, 9), (2, 9)], [1, 1, 1], fill=True)
    np.testing.assert_array_equal(square, drawing.render_box(canvas, 2, 2, 12, 9, [1, 1, 1], fill=True))
    tri = drawing.render_polygon(canvas, [(0, 0), (20, 0), (0, 20)], [1, 1, 1], fill=True)[..., 0]
    assert abs(tri.sum() - 231) <= 21  # the 21 x 21 lower-left half, edges included
    roi = vfx_rs.Roi3D(0, 10, 0, 21)
    assert drawing.render_circle(canvas, 10, 10, 6, [1, 1, 1], True, roi)[..., 11:, 0].sum() == 0


def test_text_is_drawn_with_the_bundled_font() -> None:
    style = drawing.TextStyle(font_size=24, color=[1, 0.5, 0, 1], align=drawing.TextAlign.Center)
    img = drawing.render_text("Hello\nvfx", style)
    data = img.numpy()
    assert img.channels == 4 and data.shape[0] >= 48 and 0.5 < data[..., 3].max() <= 1.0
    np.testing.assert_allclose(data[..., 1], data[..., 3] * 0.5, atol=1e-6)  # colour over transparent black
    left, centred = drawing.render_text("vfx\nvfx-rs"), drawing.render_text("vfx\nvfx-rs", style)
    first_left = np.nonzero(left.numpy()[:30, :, 3].max(axis=0))[0].min()
    first_centred = np.nonzero(centred.numpy()[:20, :, 3].max(axis=0))[0].min()
    assert first_centred > first_left  # the short line is centred over the long one
    sized = drawing.render_text("x", width=100, height=40)
    assert sized.shape == (40, 100, 4)
    over = drawing.render_text_into(vfx_rs.Image(BASE), "A", 2, 0, drawing.TextStyle(font_size=8))
    assert np.any(over.numpy() != BASE) and np.all(over.numpy()[..., 3] == 1)
    with pytest.raises(vfx_rs.ArgumentError, match="font_size"):
        drawing.TextStyle(font_size=0)
