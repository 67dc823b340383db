"""Atomic file output: the target is either its old content or the complete new file, never a partial one.

On Linux the new content goes to an unnamed file in the target's folder
(``open(folder, O_TMPFILE)``, open(2)), which writers reach through
``/proc/self/fd/N``; once complete it is linked into place under a
temporary name and renamed onto the target (``linkat(2)`` with
``AT_SYMLINK_FOLLOW``, then ``rename(2)``, atomic on one file system). A
process killed while writing, even by SIGKILL, leaves nothing behind: the
kernel frees an unnamed file with its last descriptor.

Elsewhere (or on a file system without ``O_TMPFILE``) the content goes to a
hidden named temporary beside the target, renamed into place on success and
removed on failure. Its name, ``.NAME.PID-RANDOM.tmpSUFFIX``, carries the
writer's process id, so a temporary left by a killed process (whose id no
longer runs) is removed by the next write of this process to that folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path

from vfx_rs.errors import IoError, VfxError

__all__ = ["atomic_output", "remove_stale_temporaries", "temporary_name"]

_STALE = re.compile(r"\..+\.(\d+)-[0-9a-f]{8}\.tmp(\.[^.]*)?")
"""The names `temporary_name` makes; the group is the writer's process id."""

_CLEANED: set[str] = set()
"""Folders this process has already cleaned of stale temporaries."""


def temporary_name(target: Path) -> str:
    """A hidden name beside `target` for a temporary: ``.NAME.PID-RANDOM.tmpSUFFIX`` (the suffix kept for encoders)."""
    return f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp{target.suffix}"


def _running(pid: int) -> bool:
    if pid == os.getpid() or sys.platform == "win32":  # Windows' os.kill would terminate the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def remove_stale_temporaries(folder: str | os.PathLike[str]) -> list[str]:
    """Remove the temporaries of `temporary_name` in `folder` whose writing process no longer runs.

    Returns the names removed. A folder is scanned once per process (on its first write).
    """
    key = os.path.realpath(folder)
    if key in _CLEANED:
        return []
    _CLEANED.add(key)
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _STALE.fullmatch(entry.name)
            if match and entry.is_file(follow_symlinks=False) and not _running(int(match.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(entry.name)
    return removed


def _default_mode() -> int:
    # Temporaries are created 0o600; give the result the mode open() would have.
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _unnamed_file(folder: Path) -> int | None:
    """A descriptor of a new unnamed file in `folder`, or None where ``O_TMPFILE`` is not available."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_RDWR | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None  # kernel or file system without O_TMPFILE
        raise


def _link_unnamed(fd: int, link: Path) -> None:
    """Give the unnamed file `fd` the name `link` (linkat(2) with AT_SYMLINK_FOLLOW on its /proc entry).

    CPython calls plain link(2), which does not follow the /proc magic link, unless a directory
    descriptor is given; the folder's descriptor makes it call linkat.
    """
    folder_fd = os.open(link.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.link(f"/proc/self/fd/{fd}", link.name, dst_dir_fd=folder_fd, follow_symlinks=True)
    finally:
        os.close(folder_fd)


def _io_error(exc: OSError, target: Path) -> IoError:
    reason = "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
    return IoError(f"cannot write: {reason}", path=target)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[str]:
    """Yield a path to write the new content to; it replaces `path` when the block succeeds.

    On any exception the target is left untouched and nothing is left
    beside it; `OSError` becomes `IoError`. The yielded path is
    ``/proc/self/fd/N`` where unnamed files are used, else a hidden file
    named like the target (same extension).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_output(target) as tmp, open(tmp, "w") as handle:
    ...     _ = handle.write("done")
    >>> target.read_text()
    'done'
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise IoError(f"folder {str(folder)!r} does not exist", path=target)
    remove_stale_temporaries(folder)
    try:
        fd = _unnamed_file(folder)
        named = None
        if fd is None:
            named = folder / temporary_name(target)
            fd = os.open(named, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as exc:
        raise IoError(f"cannot create a file in {str(folder)!r}: {exc.strerror or exc}", path=target) from exc
    link = None
    try:
        yield str(named) if named is not None else f"/proc/self/fd/{fd}"
        mode = os.stat(target).st_mode & 0o7777 if target.exists() else _default_mode()
        if named is None:
            if os.fstat(fd).st_size == 0:
                # A library that resolves the path (realpath) writes elsewhere; never publish an empty file.
                raise IoError("the writer left the output empty (did it write through another path?)", path=target)
            os.fchmod(fd, mode)
            link = folder / temporary_name(target)
            _link_unnamed(fd, link)
            os.replace(link, target)
        else:
            os.close(fd)
            fd = -1
            os.chmod(named, mode)
            os.replace(named, target)
    except BaseException as exc:
        for leftover in (link, named):
            if leftover is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(leftover)
        if isinstance(exc, OSError) and not isinstance(exc, VfxError):
            raise _io_error(exc, target) from exc
        raise
    finally:
        if fd >= 0:
            os.close(fd)
