"""One run per output: an exclusive lock held for the whole run, so two runs never interleave their files.

The lock is an `flock` on a hidden file beside the output (the checkpoint lives there too); the kernel drops it
when the process ends, however it ends, so a killed run never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class OutputLocked(RuntimeError):
    """Another run holds the output; the message names it."""


def lock_path(anchor: Path) -> Path:
    anchor = Path(os.path.realpath(anchor))
    return anchor.with_name(f".{anchor.name}.cleanser-lock")


class OutputLock:
    def __init__(self, anchor: Path):
        self.path = lock_path(anchor)
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = self._lock()
            # A run that just finished unlinks the file it locked; a lock on that orphan would guard nothing.
            try:
                if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def _lock(self) -> int:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise OutputLocked(
                f"another cleanser run (process {holder}) is writing {self.path.name[1:-len('.cleanser-lock')]}: "
                "wait for it to finish, or write elsewhere"
            ) from None
        return fd

    def release(self) -> None:
        if self._fd is not None:
            self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd = None
