"""Every image reader checks the size its header declares against `vfx_rs.io.LIMITS` before its decoder
allocates (issue 16): a small file declaring a large image is refused with the resident memory unchanged.

Each reader gets a valid 37x23 file whose header is then edited to declare 8000x8000 (1 GB as float32
RGBA: inside the default limits, over the 128 MiB set here), or, for GIF, the 221-byte fuzz case's
65285x255 logical screen. A child process reads each file after a warm-up read of the valid one and
reports how much its peak resident size grew (the kernel's high-water mark, reset before each read with
``/proc/self/clear_refs``). As a control, the GIF read with the default limits does decode the canvas:
Pillow composes the whole 65285x255 screen, so the measure would see an allocation.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import vfx_rs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc/self/clear_refs")

ROOT = Path(__file__).resolve().parents[3]

_CHILD = """
import ctypes, ctypes.util, gc, json, re, sys
import vfx_rs, vfx_rs.io
libc = ctypes.CDLL(ctypes.util.find_library("c"))
def status(key):
    return int(re.search(key + rb":\\s+(\\d+) kB", open("/proc/self/status", "rb").read()).group(1))
limit = int(sys.argv[1])
out = {}
for pair in sys.argv[2:]:
    ok, bomb = pair.split(",")
    vfx_rs.read(ok)  # imports the codec and warms its caches
    if limit:
        vfx_rs.io.LIMITS.max_bytes = limit
    gc.collect(); libc.malloc_trim(0)
    open("/proc/self/clear_refs", "w").write("5")
    before = status(b"VmRSS")
    try:
        vfx_rs.read(bomb)
        verdict = "read"
    except vfx_rs.FormatError as exc:
        verdict = str(exc)
    except Exception as exc:
        verdict = type(exc).__name__ + ": " + str(exc)
    out[bomb] = [verdict, (status(b"VmHWM") - before) / 1024]
    vfx_rs.io.LIMITS.max_bytes = 8 * 1024**3
print(json.dumps(out))
"""

SIDE = 8000
"""The declared width and height."""


def _patch_tiff(data: bytearray) -> None:
    assert data[:2] == b"II"
    (ifd,) = struct.unpack_from("<I", data, 4)
    (count,) = struct.unpack_from("<H", data, ifd)
    for i in range(count):
        at = ifd + 2 + 12 * i
        tag, kind = struct.unpack_from("<HH", data, at)
        if tag in (256, 257):  # ImageWidth, ImageLength
            struct.pack_into("<H" if kind == 3 else "<I", data, at + 8, SIDE)


def _patch_exr(data: bytearray) -> None:
    for name in (b"dataWindow", b"displayWindow"):
        at = data.index(name + b"\0box2i\0") + len(name) + 7 + 4
        struct.pack_into("<iiii", data, at, 0, 0, SIDE - 1, SIDE - 1)


def _patch_jpeg(data: bytearray) -> None:
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, SIDE, SIDE)


def _patch_webp(data: bytearray) -> None:
    assert data[12:16] == b"VP8L"
    (bits,) = struct.unpack_from("<I", data, 21)
    bits = (bits & ~((1 << 28) - 1)) | (SIDE - 1) | ((SIDE - 1) << 14)
    struct.pack_into("<I", data, 21, bits)


PATCHES = {
    ".png": lambda d: struct.pack_into(">II", d, 16, SIDE, SIDE),
    ".bmp": lambda d: struct.pack_into("<ii", d, 18, SIDE, SIDE),
    ".tga": lambda d: struct.pack_into("<HH", d, 12, SIDE, SIDE),
    ".gif": lambda d: struct.pack_into("<HH", d, 6, 65285, 255),
    ".webp": _patch_webp,
    ".tif": _patch_tiff,
    ".dpx": lambda d: struct.pack_into(">II", d, 772, SIDE, SIDE),
    ".exr": _patch_exr,
    ".jpg": _patch_jpeg,
    ".hdr": None,
}
"""How each format's header is edited to declare a large image."""


def _files(folder: Path) -> list[str]:
    pixels = np.random.default_rng(1).random((23, 37, 3)).astype(np.float32)
    pairs = []
    for ext, patch in PATCHES.items():
        ok = folder / f"ok{ext}"
        vfx_rs.write(ok, vfx_rs.Image(pixels), **({"lossless": True} if ext == ".webp" else {}))
        data = bytearray(ok.read_bytes())
        if patch is None:  # Radiance: the resolution line is text
            data = bytearray(bytes(data).replace(b"-Y 23 +X 37", f"-Y {SIDE} +X {SIDE}".encode()))
        else:
            patch(data)
        bomb = folder / f"bomb{ext}"
        bomb.write_bytes(bytes(data))
        assert len(data) < 64 * 1024
        pairs.append(f"{ok},{bomb}")
    return pairs


def _child(limit: int, pairs: list[str]) -> dict[str, list]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(limit), *pairs], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, list] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_declared_sizes_are_refused_before_the_decoder_allocates(tmp_path: Path) -> None:
    results = _child(128 * 1024**2, _files(tmp_path))
    assert len(results) == len(PATCHES)
    for bomb, (verdict, grew_mb) in results.items():
        name = Path(bomb).name
        assert name in verdict and ("vfx_rs.io.LIMITS.max_bytes" in verdict or "truncated" in verdict), verdict
        assert grew_mb < 8, f"{name}: peak RSS grew {grew_mb:.0f} MB before the refusal ({verdict})"


def test_the_measure_sees_a_decoded_canvas(tmp_path: Path) -> None:
    """Control: with the default limits the 65285x255 GIF screen is within bounds and Pillow builds it."""
    gif = [p for p in _files(tmp_path) if p.endswith(".gif")]
    ((verdict, grew_mb),) = _child(0, gif).values()
    assert verdict == "read"
    assert grew_mb > 60, f"peak RSS grew only {grew_mb:.0f} MB"
