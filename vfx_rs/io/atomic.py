"""Atomic file output: write beside the target, then rename into place.

A reader of the target sees either the old file or the complete new one,
never a partial file, also when the write fails halfway or the process is
killed (POSIX ``rename`` and Windows ``MoveFileEx`` replace atomically on one
file system).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from vfx_rs.errors import IoError, VfxError

__all__ = ["atomic_output"]


def _default_mode() -> int:
    # mkstemp creates 0o600 files; give the result the mode open() would have.
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[str]:
    """Yield a temporary path beside `path`; rename it onto `path` on success.

    The temporary name keeps the target's extension, so encoders that pick a
    format by extension still work. On any exception the temporary file is
    removed and the target is left untouched; `OSError` becomes `IoError`.

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
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=folder)
    except OSError as exc:
        raise IoError(f"cannot create a file in {str(folder)!r}: {exc.strerror or exc}", path=target) from exc
    os.close(fd)
    try:
        yield tmp
        mode = os.stat(target).st_mode & 0o7777 if target.exists() else _default_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, VfxError):
            reason = "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
            raise IoError(f"cannot write: {reason}", path=target) from exc
        raise
