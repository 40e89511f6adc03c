"""Writing files so that a crash never leaves a half-written output or a damaged input."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def atomic_write(path: str | Path, data: str | bytes, *, encoding: str = "utf-8", mode: int | None = None) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`.

    `mode`: the permission bits the file gets (a cleaned file keeps its source's); by default those a new file gets
    under the umask, not the private 0600 of the temporary file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _new_file_mode() if mode is None else mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode(encoding) if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def backup(path: str | Path, suffix: str = ".orig") -> Path:
    """Copy `path` aside before it is changed in place; an existing backup is never overwritten."""
    path = Path(path)
    target = path.with_name(path.name + suffix)
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}{suffix}.{n}")
        n += 1
    shutil.copy2(path, target)
    return target


def _new_file_mode() -> int:
    # The umask can only be read by setting it; this is done once, before any worker threads exist.
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return 0o666 & ~_UMASK


_UMASK: int | None = None
