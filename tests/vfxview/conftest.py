"""Viewer fixtures: a main window closed after each test, and in-memory test images.

Without PySide6 (a headless install of the core) the modules that import Qt are not collected and
the `window` fixture skips; the Qt-free model tests (test_model.py and the model parts of the
others) still run.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

try:
    import PySide6  # noqa: F401
except ImportError:
    collect_ignore = ["test_app.py", "test_scopes.py", "test_viewport.py", "test_window.py"]

    @pytest.fixture
    def qtbot() -> None:
        """Stands in for pytest-qt's fixture (run with ``-p no:pytest-qt``): the test needs Qt."""
        pytest.skip("the [app] extra (PySide6) is not installed")

    @pytest.fixture(scope="session")
    def qapp() -> None:
        """Stands in for pytest-qt's fixture: the test needs Qt."""
        pytest.skip("the [app] extra (PySide6) is not installed")


@pytest.fixture
def chart() -> np.ndarray:
    """A 120x180 RGBA chart: x ramp 0..2 in R, y ramp 0..1 in G, 0.18 B, a bright patch, NaNs, partial alpha."""
    h, w = 120, 180
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.zeros((h, w, 4), np.float32)
    img[..., 0] = x / w * 2.0
    img[..., 1] = y / h
    img[..., 2] = 0.18
    img[..., 3] = 1.0
    img[50:70, 80:110, :3] = (4.0, 0.5, 0.1)
    img[5:10, 5:10, 0] = np.nan
    img[:, 150:, 3] = 0.25
    return img


@pytest.fixture
def window(qtbot) -> Iterator[object]:
    """A shown MainWindow (layout not remembered), closed after the test."""
    pytest.importorskip("PySide6", reason="the [app] extra (PySide6) is not installed")
    from vfxview.window import MainWindow

    win = MainWindow(remember_layout=False)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
