"""Writing files so that a crash never leaves a half-written output or a damaged input."""

from __future__ import annotations

import os
import re
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
    """Put a copy of `path` aside before it is changed in place; an existing backup is never overwritten.

    The backup appears whole or not at all: it is a second name (a hard link) for the file, which the rewrite then
    replaces by a new file (`atomic_write` renames, it never writes into the old one); where hard links are not
    allowed, a copy is written to a temporary file first and linked into place. A full disk leaves no empty
    backup behind."""
    path = Path(path)
    n = 0
    while True:
        target = path.with_name(f"{path.name}{suffix}" + (f".{n}" if n else ""))
        try:
            _link_or_copy(path, target)
            return target
        except FileExistsError:
            n += 1


def _link_or_copy(path: Path, target: Path) -> None:
    try:
        os.link(path, target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links on this file system (or too many): copy
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        shutil.copystat(path, tmp)
        os.link(tmp, target)  # never replaces a backup that is already there
    finally:
        Path(tmp).unlink(missing_ok=True)


# `atomic_write`'s temporary names: a dot, the file's name, a dot, `tempfile.mkstemp`'s eight characters, ".tmp".
_TEMP_NAME = re.compile(r"\.(.+)\.[a-z0-9_]{8}\.tmp")


class StaleTemps:
    """The temporary files a killed run left beside its outputs (`atomic_write`'s `.NAME.XXXXXXXX.tmp`), removed
    as the next run writes NAME again. Only names of exactly that shape, for an output being written, are
    touched; each folder is listed once."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, dict[str, list[str]]] = {}

    def remove(self, path: str | Path) -> list[Path]:
        """Remove the stale temporary files of `path`; the ones removed."""
        path = Path(path)
        listing = self._by_folder.get(path.parent)
        if listing is None:
            listing = self._by_folder[path.parent] = _temps_in(path.parent)
        removed = []
        for name in listing.pop(path.name, ()):
            try:
                (path.parent / name).unlink()
                removed.append(path.parent / name)
            except FileNotFoundError:
                pass
        return removed


def _temps_in(folder: Path) -> dict[str, list[str]]:
    """Temporary files in `folder` by the name of the file each was to become."""
    found: dict[str, list[str]] = {}
    try:
        names = os.listdir(folder)
    except OSError:
        return found
    for name in names:
        m = _TEMP_NAME.fullmatch(name) if name.endswith(".tmp") else None
        if m is not None:
            found.setdefault(m.group(1), []).append(name)
    return found


def remove_stale_temps(path: str | Path) -> list[Path]:
    """`StaleTemps().remove(path)`: for the few single files a run writes (its output stream, checkpoint, report)."""
    return StaleTemps().remove(path)


def _new_file_mode() -> int:
    # The umask can only be read by setting it; this is done once, before any worker threads exist.
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return 0o666 & ~_UMASK


_UMASK: int | None = None
