"""Where a batch run's results go: one stream (stdout or a file), a mirror of the input tree, or the inputs in place;
and the errors file.

Every output is resumable in the same way. Records are written in input order into a hidden partial file beside the
final one; `commit()` makes what was written durable and returns a small state (file, byte offset) that the runner
puts in its checkpoint; `finalize()`, called after the checkpoint is saved, renames completed partials into place.
On `--resume`, `restore(state)` renames what a killed run had completed and truncates the open partial to the
checkpoint's offset, so no record is written twice and a final file never holds a half-written run.
A gzip output (name ending `.gz`) is written as one gzip member per commit, so truncating at a commit boundary and
appending still gives a valid file.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..files import StaleTemps, atomic_write, backup
from .paths import PathError, check_target
from .records import DOC, WARC, Record

BACKUP_SUFFIX = ".orig"
BACKUP_PATTERNS = (f"*{BACKUP_SUFFIX}", f"*{BACKUP_SUFFIX}.[0-9]*")


# A mirrored document is named for what it holds: page.html cleaned to text is page.txt.
FORMAT_SUFFIXES = {"text": ".txt", "markdown": ".md", "html": ".html", "json": ".json"}
_DOC_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".md", ".markdown", ".json")


def renamed_for(rel: str, suffix: str, source: Path) -> str:
    """`rel` with its document suffix (.html, .txt, ...; before a .gz) replaced by `suffix`. A name with no such
    suffix is kept. When another document of the same stem lies beside the input (a.html and a.txt), the suffix is
    added instead (a.html.md, a.txt.md), so that no output overwrites another."""
    gz = ".gz" if rel.endswith(".gz") else ""
    base = rel[: len(rel) - len(gz)]
    stem, dot, ext = base.rpartition(".")
    if not dot or "/" in ext or f".{ext.lower()}" not in _DOC_SUFFIXES or f".{ext.lower()}" == suffix:
        return rel
    name_stem = Path(stem).name
    for other in _DOC_SUFFIXES:
        sibling = source.with_name(name_stem + other + gz)
        if sibling != source and sibling.exists():
            return base + suffix + gz
    return stem + suffix + gz


def partial_path(final: Path) -> Path:
    return final.parent / f".{final.name}.partial"


class PartialFile:
    """A file written in commits to a hidden partial beside `final`, renamed into place when complete."""

    def __init__(self, final: Path):
        self.final = final
        self.partial = partial_path(final)
        self.compress = final.name.endswith(".gz")
        self.offset = 0
        self.count = 0  # outputs written (for separators)
        self._buf: list[bytes] = []
        self._fh = None

    def open(self, offset: int = 0) -> PartialFile:
        self.partial.parent.mkdir(parents=True, exist_ok=True)
        if offset:
            self._fh = open(self.partial, "r+b")  # noqa: SIM115 (closed by close())
            self._fh.truncate(offset)
            self._fh.seek(offset)
        else:
            self._fh = open(self.partial, "wb")  # noqa: SIM115
        self.offset = offset
        return self

    def add(self, data: bytes) -> None:
        self._buf.append(data)

    def flush(self) -> None:
        data = b"".join(self._buf)
        self._buf.clear()
        if data:
            if self.compress:
                data = gzip.compress(data, compresslevel=6, mtime=0)
            self._fh.write(data)
            self.offset += len(data)
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def state(self) -> dict[str, Any]:
        return {"final": str(self.final), "offset": self.offset, "count": self.count}


def _rename_into_place(final: Path, *, keep_backup: bool = False) -> None:
    """Idempotent: a partial already renamed by a killed run is simply gone."""
    partial = partial_path(final)
    if not partial.exists():
        return
    if keep_backup and final.exists():
        backup(final, BACKUP_SUFFIX)
        os.chmod(partial, final.stat().st_mode & 0o7777)  # the rewritten file keeps its mode
    os.replace(partial, final)


class StreamOutput:
    """Every record's output in one stream: stdout, or a file written atomically.

    `style`: "lines" (one output per line: JSON Lines), "text" (outputs separated by a blank line, a final newline:
    what `cleanser clean a b` always printed), "auto" (lines for archive records, text for documents: stdin, whose
    kind is known only once read) or "raw" (reports, written as they are).
    """

    def __init__(self, path: str | Path | None, style: str):
        self.style = style
        self.path = Path(path) if path is not None else None
        self.file: PartialFile | None = None
        self._count = 0
        self._texts = 0  # outputs written as text (separated by a blank line)
        self._stdout: list[bytes] = []

    @property
    def resumable(self) -> bool:
        return self.path is not None

    def start(self) -> None:
        if self.path is not None:
            self.file = PartialFile(self.path).open()

    def _add(self, data: bytes) -> None:
        if self.file is not None:
            self.file.add(data)
        else:
            self._stdout.append(data)

    def write(self, record: Record, data: bytes | None) -> None:
        if data is None:
            return
        if self.style == "lines" or (self.style == "auto" and record.kind != DOC):
            self._add(data + b"\n")
        elif self.style in ("text", "auto"):
            data = data.rstrip(b"\r\n")  # a text that kept its input's last line break: the stream adds its own
            self._add(b"\n\n" + data if self._texts else data)
            self._texts += 1
        elif data:
            self._add(data)
        self._count += 1

    def commit(self, final: bool = False) -> dict[str, Any]:
        if final and self.style in ("text", "auto") and self._texts:
            self._add(b"\n")
        if self.file is None:
            out = sys.stdout.buffer
            out.write(b"".join(self._stdout))
            out.flush()
            self._stdout.clear()
            return {}
        self.file.count = self._count
        self.file.flush()
        return {"file": self.file.state(), "finished": final}

    def finalize(self, state: dict[str, Any]) -> None:
        if state.get("finished") and self.path is not None:
            if self.file is not None:
                self.file.close()
            _rename_into_place(self.path)

    def restore(self, state: dict[str, Any]) -> None:
        self.finalize(state)
        if not state.get("finished"):
            self.file = PartialFile(self.path).open(state["file"]["offset"])
            self._count = self.file.count = state["file"]["count"]
            self._texts = self._count if self.style == "text" else 0

    @staticmethod
    def discard(state: dict[str, Any]) -> None:
        if state.get("file"):
            partial_path(Path(state["file"]["final"])).unlink(missing_ok=True)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


class TreeOutput:
    """A mirror of the input tree under a folder, or the inputs themselves (in place, each changed file backed up).

    A plain document becomes one file (same relative path, named for what it holds: `page.html` cleaned to text is
    `page.txt`, to Markdown `page.md`; ending with a newline when the input did),
    written atomically when its chunk is committed. A JSON Lines file becomes a JSON Lines file of results under
    the same name; a WARC file becomes `NAME.warc.jsonl` (gzipped when the WARC was). Those are written in commits
    like a stream. In place, a JSON Lines record that cannot be cleaned stays as it was, and WARC files are left
    alone (their records are reported as failed).
    """

    def __init__(self, folder: str | Path | None, *, in_place: bool = False, fmt: str | None = None):
        self.folder = Path(folder) if folder is not None else None
        self.in_place = in_place
        self.suffix = FORMAT_SUFFIXES.get(fmt or "")  # what a mirrored document is named for holding
        self.current: PartialFile | None = None
        self._current_source: str | None = None
        self._docs: list[tuple[Path, bytes, Record]] = []
        self._completed: list[Path] = []
        self._refused_source: str | None = None  # an in-place JSON Lines file that may not be rewritten
        self.failures: list[tuple[Record, str]] = []  # records whose output could not be written; the runner logs them
        self._stale = StaleTemps()  # a killed run's temporary files, removed as their outputs are written again

    resumable = True

    def start(self) -> None:
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)

    def target(self, record: Record) -> Path:
        if self.in_place:
            return Path(record.source)
        rel = record.rel
        if record.kind == "warc":
            gz = rel.endswith(".gz")
            rel = (rel[:-3] if gz else rel) + ".jsonl" + (".gz" if gz else "")
        elif record.kind == DOC and self.suffix:
            rel = renamed_for(rel, self.suffix, Path(record.source))
        target = self.folder / rel
        check_target(target, self.folder, record.source)
        return target

    def take_failures(self) -> list[tuple[Record, str]]:
        failures, self.failures = self.failures, []
        return failures

    def write(self, record: Record, data: bytes | None) -> None:
        if record.source == self._refused_source:
            return
        try:
            target = self.target(record)
        except PathError as exc:
            if data is not None:  # a record that failed is already reported
                self.failures.append((record, str(exc)))
            return
        if record.kind == DOC:
            if data is not None:
                self._docs.append((target, data, record))
            return
        if self.in_place:
            if record.kind == WARC:  # refused (the errors file says so); the file stays as it is
                return
            if data is None and isinstance(record.data, bytes):
                data = record.data.rstrip(b"\r\n")  # a line that could not be cleaned stays as it was
        if self._current_source != record.source:
            self._complete_current()
            if self.in_place and (why := _not_writable(target)):
                self.failures.append((record, why))
                self._refused_source = record.source
                return
            self.current = PartialFile(target).open()
            self._current_source = record.source
        if data is not None:
            self.current.add(data + b"\n")
            self.current.count += 1

    def _complete_current(self) -> None:
        if self.current is not None:
            self.current.flush()
            self.current.close()
            self._completed.append(self.current.final)
            self.current = None
            self._current_source = None

    def commit(self, final: bool = False) -> dict[str, Any]:
        for path, data, record in self._docs:
            if isinstance(record.data, bytes) and record.data.endswith(b"\n") and not data.endswith(b"\n"):
                data += b"\r\n" if record.data.endswith(b"\r\n") else b"\n"  # the file ends as its input did
            if self.in_place and data == record.data:  # nothing removed: leave the file, and make no backup
                continue
            if self.in_place and (why := _not_writable(path)):
                self.failures.append((record, why))
                continue
            try:
                mode = _mode(record.source)
                self._stale.remove(path)
                if self.in_place:
                    self._stale.remove(path.with_name(path.name + BACKUP_SUFFIX))
                    backup(path, BACKUP_SUFFIX)
                atomic_write(path, gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data, mode=mode)
            except OSError as exc:
                if exc.errno in _DISK_FULL:
                    raise  # the run stops at its last checkpoint and can be resumed
                self.failures.append((record, f"cannot be written: {exc.strerror or exc}"))
        self._docs.clear()
        if final:
            self._complete_current()
        elif self.current is not None:
            self.current.flush()
        state = {
            "open": None if self.current is None else {**self.current.state(), "source": self._current_source},
            "finalize": [str(p) for p in self._completed],
            "finished": final,
        }
        return state

    def finalize(self, state: dict[str, Any]) -> None:
        for final in state.get("finalize", ()):
            _rename_into_place(Path(final), keep_backup=self.in_place)
        self._completed.clear()

    def restore(self, state: dict[str, Any]) -> None:
        self.finalize(state)
        opened = state.get("open")
        if opened:
            self.current = PartialFile(Path(opened["final"])).open(opened["offset"])
            self.current.count = opened["count"]
            self._current_source = opened["source"]

    @staticmethod
    def discard(state: dict[str, Any]) -> None:
        if state.get("open"):
            partial_path(Path(state["open"]["final"])).unlink(missing_ok=True)
        for final in state.get("finalize", ()):
            partial_path(Path(final)).unlink(missing_ok=True)

    def close(self) -> None:
        if self.current is not None:
            self.current.close()


_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


def _mode(source: str) -> int | None:
    try:
        return os.stat(source).st_mode & 0o7777
    except OSError:
        return None


def _not_writable(path: Path) -> str | None:
    """Why an in-place input may not be rewritten: a read-only file (by its mode, so this holds for root too)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if not mode & 0o222:
        return "read-only: not rewritten (make it writable to clean it in place)"
    return None


class ErrorLog:
    """Records that could not be read or cleaned, one JSON object a line: file, record, reason (and URL, and the
    record's id when it has one)."""

    def __init__(self, path: str | Path | None):
        self.path = Path(path) if path is not None else None
        self.file: PartialFile | None = None
        self.count = 0

    def start(self, state: dict[str, Any] | None = None) -> None:
        if self.path is None:
            return
        offset = state["offset"] if state else 0
        self.file = PartialFile(self.path).open(offset)
        self.count = self.file.count = state["count"] if state else 0

    def write(self, record: Record, reason: str, record_id: Any = None) -> None:
        self.count += 1
        if self.file is not None:
            entry = {"file": record.source, "record": record.index, "reason": reason}
            if record.url:
                entry["url"] = record.url
            if record_id is not None:
                entry["id"] = record_id  # the record's id field (--id-field), to join on
            self.file.add(json.dumps(entry, ensure_ascii=False).encode("utf-8", "replace") + b"\n")

    def commit(self) -> dict[str, Any] | None:
        if self.file is None:
            return None
        self.file.count = self.count
        self.file.flush()
        return {"offset": self.file.offset, "count": self.count}

    def finish(self) -> Path | None:
        """Rename the errors file into place when there were errors; with none, leave no errors file behind."""
        if self.file is None or self.path is None:
            return None
        self.file.close()
        if self.count:
            _rename_into_place(self.path)
            return self.path
        self.file.partial.unlink(missing_ok=True)
        self.path.unlink(missing_ok=True)  # a stale list from an earlier run of this command would mislead
        return None

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
