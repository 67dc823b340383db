"""Opening input files: regular files only, refused at once otherwise, with `IoError` naming the file.

``open()`` on a FIFO blocks until a writer appears, and a character device
such as ``/dev/zero`` never ends; every reader opens its input here. The
file is opened with ``O_NONBLOCK`` (so a FIFO does not block), checked with
``fstat`` to be a regular file, and only then handed out.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from vfx_rs.errors import ArgumentError, IoError

__all__ = ["check_path", "open_regular"]

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_path(path: object, what: str = "file") -> str:
    """`path` as a str if it is a str or `os.PathLike`, else raise `ArgumentError`."""
    if isinstance(path, bytes) or not isinstance(path, (str, os.PathLike)):
        raise ArgumentError(f"{what} path must be a str or os.PathLike, not {type(path).__name__}")
    name = os.fspath(path)
    if not isinstance(name, str):
        raise ArgumentError(f"{what} path must be text, not {type(name).__name__}")
    if "\x00" in name:
        raise ArgumentError(f"{what} path {name[:60]!r} holds a NUL character")
    return name


def open_regular(path: str | os.PathLike[str], what: str = "file") -> BinaryIO:
    """Open `path` for binary reading if it is a regular file; anything else raises `IoError` at once."""
    name = check_path(path, what)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise IoError("no such file", path=name) from None
    except IsADirectoryError:
        raise IoError(f"is a directory, not {what}", path=name) from None
    except OSError as exc:
        raise IoError(f"cannot open: {exc.strerror or exc}", path=name) from None
    try:
        mode = os.fstat(fd).st_mode
        for test, kind in _KINDS:
            if test(mode):
                raise IoError(f"is {kind}, not {what}", path=name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
