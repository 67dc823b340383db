"""Packaging: `import vfx_rs` stays light, and a plain (non-editable) install carries its data files."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEAVY = ("PySide6", "OpenGL", "OpenEXR", "imageio", "scipy", "yaml", "PIL", "tifffile")


def test_import_vfx_rs_loads_no_heavy_module() -> None:
    code = "import sys, vfx_rs; print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    loaded = set(out.stdout.split())
    assert not loaded & set(HEAVY), f"import vfx_rs loaded {sorted(loaded & set(HEAVY))}"


def test_plain_install_ships_data_files_and_reads_the_sample(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("vfx_rs-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "vfx_rs/resources/sample.exr" in names
    assert "vfxview/shaders/fullscreen.vert" in names

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import vfx_rs, vfx_rs._resources as r; "
        "img = vfx_rs.read(r.sample_image_path()); "
        "print(vfx_rs.__file__); print(img.width, img.height, img.channels)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert out.returncode == 0, out.stderr
    installed_at, size = out.stdout.splitlines()
    assert installed_at.startswith(str(target))
    width, height, channels = map(int, size.split())
    assert width > 0 and height > 0 and channels == 4
