"""The image format registry: which module reads and writes which files.

`FORMATS` maps a format name to its `FileFormat`. `read` picks a format by
the file's magic bytes first and its extension second; `write` by the
extension. Each format's module is imported on first use, so ``import
vfx_rs`` loads no codec library.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from vfx_rs.errors import FormatError

__all__ = ["FORMATS", "FileFormat", "format_for_extension", "format_for_magic"]


@dataclass(frozen=True)
class FileFormat:
    """One image file format.

    Attributes
    ----------
    name
        Registry key, lower case.
    extensions
        File extensions with the dot, lower case.
    magics
        Byte strings one of which starts every file of this format.
    module
        Module under `vfx_rs.io` with ``read(path, **options)``,
        ``write(path, image, **options)`` and ``WRITE_OPTIONS``.
    """

    name: str
    extensions: tuple[str, ...]
    magics: tuple[bytes, ...]
    module: str

    def load(self) -> ModuleType:
        """Import and return the module that implements this format."""
        return importlib.import_module(f"vfx_rs.io.{self.module}")


FORMATS: dict[str, FileFormat] = {
    "exr": FileFormat("exr", (".exr", ".sxr"), (b"\x76\x2f\x31\x01",), "exr"),
    "dpx": FileFormat("dpx", (".dpx",), (b"SDPX", b"XPDS"), "dpx"),
    "png": FileFormat("png", (".png",), (b"\x89PNG\r\n\x1a\n",), "png"),
    "jpeg": FileFormat("jpeg", (".jpg", ".jpeg", ".jpe"), (b"\xff\xd8\xff",), "jpeg"),
    "tiff": FileFormat("tiff", (".tif", ".tiff"), (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"), "tiff"),
    "dng": FileFormat("dng", (".dng",), (), "dng"),
    "hdr": FileFormat("hdr", (".hdr", ".rgbe", ".pic"), (b"#?RADIANCE", b"#?RGBE"), "hdr"),
    "tga": FileFormat("tga", (".tga", ".tpic", ".icb", ".vda", ".vst"), (), "pillow_formats"),
    "bmp": FileFormat("bmp", (".bmp", ".dib"), (b"BM",), "pillow_formats"),
    "webp": FileFormat("webp", (".webp",), (b"RIFF",), "pillow_formats"),
    "gif": FileFormat("gif", (".gif",), (b"GIF87a", b"GIF89a"), "pillow_formats"),
    "movie": FileFormat("movie", (".mov", ".mp4", ".m4v", ".mxf", ".mkv"), (), "movie"),
}
"""Every image format `vfx_rs.read` and `vfx_rs.write` know, by name."""

MAGIC_LENGTH = max(len(m) for f in FORMATS.values() for m in f.magics)


def format_for_magic(head: bytes, suffix: str = "") -> FileFormat | None:
    """The format whose magic bytes start `head`, or None; a TIFF named ``.dng`` is a DNG (a TIFF dialect)."""
    if suffix.lower() == ".dng" and any(head.startswith(m) for m in FORMATS["tiff"].magics):
        return FORMATS["dng"]
    for fmt in FORMATS.values():
        if any(head.startswith(m) for m in fmt.magics):
            return fmt
    return None


def format_for_extension(suffix: str, path: str | None = None) -> FileFormat:
    """The format for a file extension such as ``".exr"``; raises `FormatError` if none."""
    key = suffix.lower()
    for fmt in FORMATS.values():
        if key in fmt.extensions:
            return fmt
    known = ", ".join(ext for f in FORMATS.values() for ext in f.extensions)
    what = f"extension {suffix!r}" if suffix else "no extension"
    raise FormatError(f"unknown image format ({what}); known extensions: {known}", path=path)
