"""Fuzz cases for every reader and parser: valid seed files, seeded mutators, and one call per format.

Shared by the bounded tests in this folder and by ``bench/fuzz.py`` (long runs,
each case in a forked child with time and memory caps). A case's outcome is
``"valid"`` (read without error), ``"clean"`` (a `vfx_rs.VfxError`) or
``"escaped"`` (any other exception: a bug).
"""

from __future__ import annotations

import random
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

import vfx_rs

__all__ = ["FORMATS", "Format", "mutate", "outcome", "run_case"]


def _image_seeds(ext: str, **options: Any) -> Callable[[], list[bytes]]:
    def make() -> list[bytes]:
        rng = np.random.default_rng(7)
        out = []
        with tempfile.TemporaryDirectory() as folder:
            for i, shape in enumerate([(6, 5, 3), (4, 7, 4), (5, 3, 1)]):
                if ext in (".jpg", ".hdr", ".bmp", ".gif") and shape[2] != 3:
                    continue
                path = Path(folder) / f"seed{i}{ext}"
                vfx_rs.write(path, rng.random(shape).astype(np.float32), **options)
                data = path.read_bytes()
                if ext == ".dpx":  # the header's creation time (bytes 136-159), fixed so seeds repeat across runs
                    data = data[:136] + b"2026:01:01:00:00:00".ljust(24, b"\0") + data[160:]
                out.append(data)
        return out

    return make


def _exr_seeds() -> list[bytes]:
    seeds = _image_seeds(".exr")()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "layers.exr"
        layer = vfx_rs.Image(np.ones((3, 4, 3), np.float32))
        vfx_rs.write_layers(path, {"beauty": layer, "diffuse": layer}, multipart=True, compression="piz")
        seeds.append(path.read_bytes())
    return seeds


def _deep_seeds() -> list[bytes]:
    """Deep scanline (uncompressed and ZIPS) and deep tiled files with 0 to 2 samples per pixel."""
    import OpenEXR

    tiles = OpenEXR.TileDescription()
    tiles.xSize = tiles.ySize = 2
    pixels = np.empty((3, 4), dtype=object)
    for y, x in np.ndindex(pixels.shape):
        n = (y + x) % 3
        pixels[y, x] = np.arange(1, n + 1, dtype=np.float32) * 0.25 if n else None
    headers = [
        {"type": OpenEXR.deepscanline, "compression": OpenEXR.NO_COMPRESSION},
        {"type": OpenEXR.deepscanline, "compression": OpenEXR.ZIPS_COMPRESSION},
        {"type": OpenEXR.deeptile, "compression": OpenEXR.RLE_COMPRESSION, "tiles": tiles},
    ]
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for i, header in enumerate(headers):
            path = Path(folder) / f"deep{i}.exr"
            channels = {name: OpenEXR.Channel(pixels) for name in ("R", "A", "Z")}
            OpenEXR.File(header, channels).write(str(path))
            out.append(path.read_bytes())
    return out


def _movie_seeds(ext: str, codec: str) -> Callable[[], list[bytes]]:
    def make() -> list[bytes]:
        from vfx_rs.io.movie import write_movie

        rng = np.random.default_rng(7)
        frames = [vfx_rs.Image(rng.random((16, 16, 3)).astype(np.float32)) for _ in range(3)]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"seed{ext}"
            write_movie(path, frames, codec=codec, timecode="01:00:00:00")
            return [path.read_bytes()]

    return make


def _dng_seeds() -> list[bytes]:
    """An uncompressed DNG with a preview IFD and its raw in a SubIFD, and a lossless JPEG tiled one."""
    import tifffile

    from tests.vfx_rs.io.dng_craft import dng_tags, ljpeg_encode, write_dng

    cfa = np.random.default_rng(7).integers(0, 4096, (16, 32)).astype(np.uint16)
    with tempfile.TemporaryDirectory() as folder:
        plain = write_dng(Path(folder) / "a.dng", cfa, "GRBG", black=[1, 2, 3, 4], white=4095, preview=True)
        tiled = Path(folder) / "b.dng"
        tiles = (ljpeg_encode(cfa[:, x : x + 16], 2, 12) for x in (0, 16))
        with tifffile.TiffWriter(tiled) as tif:
            tags = dng_tags("RGGB", 0, 4095)
            tif.write(
                tiles, shape=(16, 32), dtype=np.uint16, tile=(16, 16), compression=7, photometric=32803, extratags=tags
            )
        return [plain.read_bytes(), tiled.read_bytes()]


_UUID = re.compile(rb"urn:uuid:[0-9a-f-]{36}")


def _lut_seeds(ext: str) -> Callable[[], list[bytes]]:
    def make() -> list[bytes]:
        from vfx_rs import lut

        grid = np.linspace(0.0, 1.0, 3)
        table3 = np.stack(np.meshgrid(grid, grid, grid, indexing="ij"), -1)[..., ::-1] ** 1.2
        luts = {
            ".cube": [lut.Lut1D(np.linspace(0, 1, 5) ** 2), lut.Lut3D(table3)],
            ".spi1d": [lut.Lut1D(np.linspace(0, 1, 5) ** 2)],
            ".spi3d": [lut.Lut3D(table3)],
            ".clf": [lut.Lut1D(np.linspace(0, 1, 5) ** 2), lut.Lut3D(table3)],
        }[ext]
        out = []
        with tempfile.TemporaryDirectory() as folder:
            for i, item in enumerate(luts):
                path = Path(folder) / f"seed{i}{ext}"
                lut.write_lut(path, item)
                # The CLF writer's id is a random UUID: fixed here, so a seed gives the same case in every run.
                out.append(_UUID.sub(b"urn:uuid:00000000-0000-4000-8000-000000000000", path.read_bytes()))
        return out

    return make


_CSP = (
    "CSPLUTV100\n3D\n\nBEGIN METADATA\nfuzz\nEND METADATA\n\n2\n0 1\n0 1\n3\n0 0.5 1\n0 0.6 1\n2\n0 1\n0 1\n\n2 2 2\n"
)
_CSP += "".join(f"{r} {g} {b}\n" for b in (0, 1) for g in (0, 1) for r in (0, 1))
_3DL = "3DMESH\nMesh 1 10\n0 341 682 1023\n" + "".join(
    f"{r} {g} {b}\n" for r in (0, 1023) for g in (0, 1023) for b in (0, 1023)
)
_SPIMTX = "1 0 0 0\n0 1 0 0\n0 0 1 4096\n"
_CC = '<?xml version="1.0" encoding="UTF-8"?>\n<ColorCorrection id="a">\n<SOPNode><Slope>1.1 1 0.9</Slope>'
_CC += "<Offset>0.01 0 -0.01</Offset><Power>1 1.2 1</Power></SOPNode>\n<SatNode><Saturation>0.9</Saturation>"
_CC += "</SatNode>\n</ColorCorrection>\n"
_CCC = (
    f'<ColorCorrectionCollection xmlns="urn:ASC:CDL:v1.01">\n{_CC.split(chr(10), 1)[1]}</ColorCorrectionCollection>\n'
)
_OCIO = """ocio_profile_version: 2.1
name: fuzz
environment: {SHOT: a}
search_path: luts
roles: {default: lin, scene_linear: lin, color_timing: log}
file_rules:
  - !<Rule> {name: Default, colorspace: default}
displays:
  sRGB:
    - !<View> {name: Raw, colorspace: lin}
    - !<View> {name: Film, view_transform: film, display_colorspace: srgb}
active_displays: [sRGB]
view_transforms:
  - !<ViewTransform>
    name: film
    from_scene_reference: !<GroupTransform>
      children:
        - !<MatrixTransform> {matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], offset: [0.1, 0, 0, 0]}
        - !<ExponentTransform> {value: [2.2, 2.2, 2.2, 1], style: mirror}
looks:
  - !<Look> {name: warm, process_space: log, transform: !<CDLTransform> {slope: [1.1, 1, 0.9], power: [1, 1, 1]}}
display_colorspaces:
  - !<ColorSpace>
    name: srgb
    from_display_reference: !<ExponentWithLinearTransform> {gamma: 2.4, offset: 0.055, direction: inverse}
colorspaces:
  - !<ColorSpace> {name: lin, aliases: [linear_alias]}
  - !<ColorSpace>
    name: log
    to_scene_reference: !<LogAffineTransform> {base: 2, log_side_slope: 0.1, lin_side_offset: 0.01, direction: inverse}
  - !<ColorSpace>
    name: ranged
    to_scene_reference: !<RangeTransform> {min_in_value: 0, max_in_value: 1, min_out_value: 0, max_out_value: 2}
  - !<ColorSpace>
    name: cam
    to_scene_reference: !<LogCameraTransform> {base: 10, lin_side_break: 0.01, log_side_slope: 0.2}
  - !<ColorSpace>
    name: ec
    to_scene_reference: !<ExposureContrastTransform> {exposure: 1, contrast: 1.2, style: linear}
  - !<ColorSpace>
    name: ff
    to_scene_reference: !<FixedFunctionTransform> {style: ACES_Glow10}
"""


def _lattice(n: int) -> np.ndarray:
    grid = np.linspace(0.0, 1.0, n)
    return np.stack(np.meshgrid(grid, grid, grid, indexing="ij"), -1)[..., ::-1] ** 1.2


def _other_lut_seeds() -> dict[str, list[bytes]]:
    """Small valid files of the LUT formats OpenColorIO reads beyond the common ones (vfx_rs.lut's readers)."""
    t = _lattice(3)
    red_fastest = "".join(f"{r:.6f} {g:.6f} {b:.6f}\n" for r, g, b in t.reshape(-1, 3))
    blue_fastest = "".join(f"{r:.6f} {g:.6f} {b:.6f}\n" for r, g, b in t.transpose(2, 1, 0, 3).reshape(-1, 3))
    codes = np.round(t.transpose(2, 1, 0, 3).reshape(-1, 3) * 4095).astype(int)
    hexdata = t.astype("<f4").tobytes().hex()
    from tests.vfx_rs.lut.test_icc import _para, profile

    return {
        ".itx": [f"LUT_3D_SIZE 3\n{red_fastest}".encode()],
        ".cub": [
            f"# Truelight Cube v2.0\n# iDims 3\n# oDims 3\n# width 3 3 3\n\n# Cube\n{red_fastest}# end\n".encode()
        ],
        ".m3d": [
            (
                "channel 3d\nin 27\nout 4096\nformat lut\nvalues red green blue\n"
                + "".join(f"{i} {r} {g} {b}\n" for i, (r, g, b) in enumerate(codes))
            ).encode()
        ],
        ".vf": [
            f"#Inventor V2.1 ascii\ngrid_size 3 3 3\nglobal_transform 1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1\ndata [\n{blue_fastest}]\n".encode()
        ],
        ".lut": [
            (
                "Version 3\nFormat any\nType 3D+1D\nFrom 0 1\nTo 0 1\nBlack 0\nWhite 1\nLength 3 4\nLUT:\n"
                f"Pre {{\n0 0.3 0.6 1\n}}\n3D {{\n{red_fastest}}}\n"
            ).encode(),
            (
                "LUT: 3 16 1024\n" + "".join(f"{round(v * 1023)}\n" for v in np.tile(np.linspace(0, 1, 16) ** 0.5, 3))
            ).encode(),
        ],
        ".look": [f'<look>\n<LUT>\n<size>"3"</size>\n<data>"\n{hexdata}\n"</data>\n</LUT>\n</look>\n'.encode()],
        ".icc": [profile([_para(0, (2.2,))])],
    }


def _text(*texts: str) -> Callable[[], list[bytes]]:
    return lambda: [t.encode() for t in texts]


def _read_image(path: str) -> Any:
    image = vfx_rs.read(path)
    if path.endswith(".exr"):
        vfx_rs.read_layered(path)
    return image


def _read_deep(path: str) -> Any:
    """The deep samples of every part, and the flattened image."""
    from vfx_rs.io.exr_deep import read_deep

    read_deep(path)
    return vfx_rs.read(path)


def _read_movie(path: str) -> Any:
    """Open the movie, decode its first frames by index (at most 4), and read frame 0 as `vfx_rs.read` does."""
    from vfx_rs.io.movie import read_movie

    with read_movie(path) as movie:
        for index in range(min(len(movie), 4)):
            movie[index]
    return vfx_rs.read(path)


def _read_lut(path: str) -> Any:
    return vfx_rs.lut.read_lut(path)


def _read_cdl(path: str) -> Any:
    from vfx_rs.color.cdl_files import read_cdl_collection

    return read_cdl_collection(path)


def _read_ocio(path: str) -> Any:
    """Load a config and build every colour space's processor and each display view's."""
    from vfx_rs.ocio import Config

    config = Config.from_file(path)
    names = config.colorspace_names()
    for name in names[:8]:
        config.processor(name, names[0])
    for display in config.displays()[:2]:
        for view in config.views(display)[:3]:
            config.display_processor(names[0] if names else "lin", display, view)
    config.colorspace_from_filepath("/shots/a_log.dpx")
    return config


@dataclass(frozen=True)
class Format:
    """One fuzzed format: file extension, valid seed files, and the reader to call."""

    name: str
    ext: str
    seeds: Callable[[], list[bytes]]
    read: Callable[[str], Any]
    text: bool = False


FORMATS: dict[str, Format] = {
    f.name: f
    for f in [
        Format("exr", ".exr", _exr_seeds, _read_image),
        Format("exr_deep", ".exr", _deep_seeds, _read_deep),
        Format("dpx", ".dpx", _image_seeds(".dpx"), _read_image),
        Format("png", ".png", _image_seeds(".png"), _read_image),
        Format("jpeg", ".jpg", _image_seeds(".jpg"), _read_image),
        Format("tiff", ".tif", _image_seeds(".tif"), _read_image),
        Format("dng", ".dng", _dng_seeds, _read_image),
        Format("hdr", ".hdr", _image_seeds(".hdr"), _read_image),
        Format("tga", ".tga", _image_seeds(".tga"), _read_image),
        Format("bmp", ".bmp", _image_seeds(".bmp"), _read_image),
        Format("webp", ".webp", _image_seeds(".webp"), _read_image),
        Format("gif", ".gif", _image_seeds(".gif"), _read_image),
        Format("mov", ".mov", _movie_seeds(".mov", "prores_422hq"), _read_movie),
        Format("mp4", ".mp4", _movie_seeds(".mp4", "h264"), _read_movie),
        Format("cube", ".cube", _lut_seeds(".cube"), _read_lut, True),
        Format("spi1d", ".spi1d", _lut_seeds(".spi1d"), _read_lut, True),
        Format("spi3d", ".spi3d", _lut_seeds(".spi3d"), _read_lut, True),
        Format("spimtx", ".spimtx", _text(_SPIMTX), _read_lut, True),
        Format("csp", ".csp", _text(_CSP), _read_lut, True),
        Format("3dl", ".3dl", _text(_3DL), _read_lut, True),
        Format("clf", ".clf", _lut_seeds(".clf"), _read_lut, True),
        Format("ctf", ".ctf", _lut_seeds(".clf"), _read_lut, True),
        Format("itx", ".itx", lambda: _other_lut_seeds()[".itx"], _read_lut, True),
        Format("cub", ".cub", lambda: _other_lut_seeds()[".cub"], _read_lut, True),
        Format("m3d", ".m3d", lambda: _other_lut_seeds()[".m3d"], _read_lut, True),
        Format("vf", ".vf", lambda: _other_lut_seeds()[".vf"], _read_lut, True),
        Format("lut", ".lut", lambda: _other_lut_seeds()[".lut"], _read_lut, True),
        Format("look", ".look", lambda: _other_lut_seeds()[".look"], _read_lut, True),
        Format("icc", ".icc", lambda: _other_lut_seeds()[".icc"], _read_lut),
        Format("cdl", ".cc", _text(_CC), _read_cdl, True),
        Format("ccc", ".ccc", _text(_CCC), _read_cdl, True),
        Format("ocio", ".ocio", _text(_OCIO), _read_ocio, True),
    ]
}
"""Every reader and parser the fuzz cases cover, by name."""

_INTERESTING_INTS = [0, 1, 2, 3, 7, 8, 16, 255, 256, 4095, 32767, 32768, 65535, 65536, 2**31 - 1, 2**31, 2**32 - 1]
_INTERESTING_TOKENS = [
    "0",
    "-1",
    "1e309",
    "-1e309",
    "nan",
    "inf",
    "9" * 5000,
    "0x10",
    "1.5",
    "65537",
    "2147483648",
    "",
    "[",
    "{",
    "*a",
    "&a",
    "!!timestamp x",
    "!<Bogus>",
    "<",
    "&lt;",
    '"',
    "\x00",
    "é",
]
_NUMBER = re.compile(rb"-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?")


def _mutate_bytes(data: bytearray, rng: random.Random) -> None:
    kind = rng.randrange(8)
    n = len(data)
    if n == 0:
        data.extend(rng.randbytes(rng.randrange(1, 64)))
        return
    pos = rng.randrange(n)
    if kind == 0:  # flip bits
        for _ in range(rng.randrange(1, 9)):
            i = rng.randrange(n)
            data[i] ^= 1 << rng.randrange(8)
    elif kind == 1:  # an interesting integer, either byte order, at a random offset
        value = rng.choice(_INTERESTING_INTS)
        width = rng.choice((1, 2, 4))
        raw = (value % (1 << (8 * width))).to_bytes(width, rng.choice(("little", "big")))
        data[pos : pos + width] = raw
    elif kind == 2:  # truncate
        del data[pos:]
    elif kind == 3:  # delete a block
        del data[pos : pos + rng.randrange(1, 64)]
    elif kind == 4:  # duplicate a block
        size = rng.randrange(1, 128)
        data[pos:pos] = data[pos : pos + size]
    elif kind == 5:  # insert random bytes
        data[pos:pos] = rng.randbytes(rng.randrange(1, 32))
    elif kind == 6:  # set a run of bytes to 0x00 or 0xFF
        data[pos : pos + rng.randrange(1, 16)] = bytes([rng.choice((0, 0xFF))]) * rng.randrange(1, 16)
    else:  # splice two distant parts
        other = rng.randrange(n)
        data[pos : pos + 8] = data[other : other + 8]


def _mutate_text(data: bytearray, rng: random.Random) -> None:
    lines = bytes(data).split(b"\n")
    kind = rng.randrange(7)
    i = rng.randrange(len(lines))
    if kind == 0:  # replace a number
        numbers = list(_NUMBER.finditer(bytes(data)))
        if numbers:
            m = rng.choice(numbers)
            data[m.start() : m.end()] = rng.choice(_INTERESTING_TOKENS).encode()
            return
    if kind == 1:  # delete lines
        del lines[i : i + rng.randrange(1, 4)]
    elif kind == 2:  # duplicate lines
        lines[i:i] = lines[i : i + rng.randrange(1, 4)]
    elif kind == 3:  # swap two lines
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 4:  # insert a token into a line
        line = lines[i]
        at = rng.randrange(len(line) + 1)
        lines[i] = line[:at] + rng.choice(_INTERESTING_TOKENS).encode() + line[at:]
    elif kind == 5:  # deep nesting or a long line
        lines[i] = rng.choice((b"[" * 3000, b"<a>" * 3000, b"x" * 100_000, b"- " * 2000 + b"a"))
    else:
        _mutate_bytes(data, rng)
        return
    data[:] = b"\n".join(lines)


def mutate(seed: bytes, rng: random.Random, text: bool = False) -> bytes:
    """`seed` changed by 1 to 4 random mutations (line and token edits for text formats, byte edits for all)."""
    data = bytearray(seed)
    for _ in range(rng.randrange(1, 5)):
        if text and rng.random() < 0.7:
            _mutate_text(data, rng)
        else:
            _mutate_bytes(data, rng)
    return bytes(data)


def outcome(fmt: Format, path: str) -> tuple[str, str]:
    """Read `path` as `fmt`: ``("valid", "")``, ``("clean", message)`` or ``("escaped", "Type: message")``."""
    try:
        fmt.read(path)
    except vfx_rs.VfxError as exc:
        return "clean", str(exc)
    except Exception as exc:
        return "escaped", f"{type(exc).__name__}: {exc}"[:300]
    return "valid", ""


def run_case(fmt: Format, data: bytes, folder: str) -> tuple[str, str]:
    """Write `data` to a file of `fmt`'s extension in `folder` and read it; see `outcome`."""
    path = Path(folder) / f"case{fmt.ext}"
    path.write_bytes(data)
    return outcome(fmt, str(path))
