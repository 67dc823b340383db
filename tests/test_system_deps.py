"""The Debian package list (tools/debian-packages.txt) covers every library the viewer links against.

The libraries come from ``ldd`` of the Qt modules and plugins that vfxview loads; each one's owning
Debian package must be listed, so a new Qt wheel that needs another library fails here, on the
machine that has it, before a fresh machine fails in ``make run``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_LIST = ROOT / "tools" / "debian-packages.txt"
QT_BINARIES = (
    "QtCore.abi3.so",
    "QtGui.abi3.so",
    "QtWidgets.abi3.so",
    "QtOpenGL.abi3.so",
    "QtOpenGLWidgets.abi3.so",
    "Qt/plugins/platforms/libqxcb.so",
    "Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "Qt/plugins/xcbglintegrations/libqxcb-egl-integration.so",
)


def _listed_packages() -> set[str]:
    lines = PACKAGE_LIST.read_text().splitlines()
    return {line.split()[1] for line in lines if line.strip() and not line.startswith("#")}


def _linked_libraries() -> dict[str, str]:
    """Map each shared library (outside the PySide6 wheel) that a Qt binary links to, to the binary."""
    pyside = Path(pytest.importorskip("PySide6", reason="the viewer's libraries come with the [app] extra").__file__)
    found: dict[str, str] = {}
    for rel in QT_BINARIES:
        binary = pyside.parent / rel
        assert binary.is_file(), f"{binary} is missing from the PySide6 wheel"
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            assert "not found" not in line, f"{rel}: {line.strip()} (add its Debian package to {PACKAGE_LIST.name})"
            parts = line.split("=>")
            if len(parts) == 2 and parts[1].strip().startswith("/") and "PySide6" not in parts[1]:
                found[parts[1].split()[0]] = rel
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("dpkg") is None, reason="Debian only")
def test_every_library_the_viewer_links_against_is_in_the_package_list() -> None:
    listed = _listed_packages()
    libraries = _linked_libraries()
    assert libraries, "ldd listed no libraries"
    packages = set()
    for lib, binary in libraries.items():
        real = str(Path(lib).resolve())
        # Merged /usr: dpkg registers some libraries under /lib, others under /usr/lib.
        candidates = [real, real.removeprefix("/usr")]
        out = subprocess.run(["dpkg", "-S", *candidates], capture_output=True, text=True, check=False).stdout
        owners = {line.split(":")[0] for line in out.splitlines() if ": /" in line}
        assert owners, f"{real} (linked from {binary}) belongs to no Debian package"
        packages |= owners
    missing = sorted(packages - listed)
    assert not missing, f"packages of libraries the viewer links against, not in {PACKAGE_LIST.name}: {missing}"


def test_package_list_names_each_package_once_in_a_known_group() -> None:
    rows = [line.split() for line in PACKAGE_LIST.read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert all(len(row) == 2 and row[0] in {"venv", "app", "headless", "test"} for row in rows), rows
    names = [row[1] for row in rows]
    assert len(names) == len(set(names))
