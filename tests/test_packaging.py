"""Packaging: `import vfx_rs` stays light, and a plain (non-editable) install carries its data files."""

from __future__ import annotations

import os
import shutil
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
    """The top-level shaders/ and resources/ go inside the packages of the wheel, found there once installed."""
    source = tmp_path / "src"  # a clean copy: no stale build/ folder of the checkout can slip files in
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "vfx_rs", "vfxview", "shaders", "resources"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(source),
        ],
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
        "import vfx_rs, vfx_rs.data_files as d; "
        "img = vfx_rs.read(d.sample_image_path()); "
        "print(d.data_file('vfxview', 'shaders', 'display.frag')); print(img.width, img.height, img.channels)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert out.returncode == 0, out.stderr
    installed_at, size = out.stdout.splitlines()
    assert installed_at.startswith(str(target / "vfxview" / "shaders"))
    width, height, channels = map(int, size.split())
    assert width > 0 and height > 0 and channels == 4
