"""The probe lists a deep file's samples at the pixel, as OpenImageIO reads them."""

from __future__ import annotations

import pytest

from tests.conftest import TESTDATA
from vfxview import commands
from vfxview.deep_probe import samples_text

BALLS = TESTDATA / "openexr-images" / "valid" / "openexr" / "v2" / "LowResLeftView" / "Balls.exr"


@pytest.mark.testdata
def test_probe_lists_the_samples_openimageio_reads(window, qtbot):
    oiio = pytest.importorskip("OpenImageIO")
    if not BALLS.is_file():
        pytest.fail(f"test data missing: {BALLS}")
    buf = oiio.ImageBuf(str(BALLS))
    spec, dd = buf.spec(), buf.deepdata()
    names = [dd.channelname(c) for c in range(dd.channels)]
    index = next(i for i in range(dd.pixels) if dd.samples(i) >= 2)
    x, y = spec.x + index % spec.width, spec.y + index // spec.width
    assert commands.open_image(window.state, BALLS)
    probe = window.panels["Pixel probe"]
    dx0, dy0 = window.state.image.display_window[:2]
    probe.show_at(x - dx0 + 0.5, y - dy0 + 0.5)
    text = probe.label.text()
    count = dd.samples(index)
    assert f"deep: {count} samples" in text
    lines = {line.split(":")[0].strip(): line for line in text.splitlines() if line.startswith("  ")}
    for s in range(count):
        for c, n in enumerate(names):
            assert f"{n} {dd.deep_value(index, c, s):.5g}" in lines[str(s)], (s, n)
    assert samples_text(str(BALLS), spec.x - 10, y) == ""  # outside the data window
    flat = window.state.path.replace("Balls", "NoSuchFile")
    assert samples_text(flat, x, y) == ""
