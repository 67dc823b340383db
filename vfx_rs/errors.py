"""The `vfx_rs` error hierarchy.

Every failure raised by `vfx_rs` is a `VfxError`. Each subclass also derives
from the builtin exception a caller would naturally catch, so both
``except vfx_rs.IoError`` and ``except OSError`` work.

Messages name the file and, for text formats, the line: ``path:line: what``.
"""

from __future__ import annotations

import os

__all__ = [
    "ArgumentError",
    "FormatError",
    "IoError",
    "LutError",
    "NotFoundError",
    "OcioError",
    "VfxError",
]


def _text(path: str | os.PathLike[str]) -> str:
    """A path as text; whatever a caller passed as a path (even a bad one) must not break the error itself."""
    name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else str(path)
    return name if isinstance(name, str) else repr(name)


def _where(path: str | os.PathLike[str] | None, line: int | None) -> str:
    if path is None:
        return ""
    text = _text(path)
    return f"{text}:{line}: " if line is not None else f"{text}: "


class VfxError(Exception):
    """Base class of every error `vfx_rs` raises.

    Parameters
    ----------
    message
        What is wrong, in words a user can act on.
    path
        The file concerned, if any; it prefixes the message.
    line
        The 1-based line in a text file, if known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.path = _text(path) if path is not None else None
        self.line = line
        super().__init__(_where(path, line) + message)

    def __str__(self) -> str:
        # One format for every subclass: OSError and KeyError would show their own.
        return str(self.args[0]) if self.args else ""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Keep the keyword arguments across pickling (process pools, Dask).
        return (_rebuild, (type(self), self.message, self.path, self.line))


def _rebuild(cls: type[VfxError], message: str, path: str | None, line: int | None) -> VfxError:
    return cls(message, path=path, line=line)


class IoError(VfxError, OSError):
    """A file could not be opened, read or written (missing, permission, disk full)."""

    def __init__(
        self,
        message: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message, path=path, line=line)
        # OSError.filename is what tools such as shutil and logging look at.
        self.filename = self.path


class FormatError(VfxError, ValueError):
    """Data is unknown, damaged, truncated or unsupported."""


class LutError(FormatError):
    """A LUT file or LUT object is malformed or cannot be applied."""


class OcioError(VfxError, ValueError):
    """An OCIO config, color space, display, view, look or transform is invalid or missing."""


class ArgumentError(VfxError, ValueError):
    """A caller passed a bad argument: wrong dtype, shape, size, option or name."""


class NotFoundError(VfxError, KeyError):
    """A name (layer, channel, color space, registry entry) is unknown; the message lists the known ones."""
