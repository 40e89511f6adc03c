"""The worker side of a batch run: clean a chunk of records and render each one, with the chunk's statistics.

A worker process builds one `Cleaner` (plugins loaded, rules compiled) when it starts and keeps it; the parent sends
it chunks of records and gets back one rendered output (bytes) or error per record, in order. With one job the same
code runs in the parent process.
"""

from __future__ import annotations

import difflib
import json
import os
import signal
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..pipeline import Cleaner
from ..read.text import InputError, decode
from ..result import Result
from ..settings import Settings
from . import watch
from .records import DOC, JSONL, FieldNames, Record, parse_jsonl

MODES = ("clean", "dry-run", "diff")
# Hidden hooks for the tests: seconds to sleep per record, and a marker whose record makes its worker die.
DELAY_ENV = "CLEANSER_TEST_DELAY"
CRASH_ENV = "CLEANSER_TEST_CRASH"
HANG_ENV = "CLEANSER_TEST_HANG"  # a marker whose record makes its worker hang, as in C code no signal interrupts


@dataclass(frozen=True)
class Options:
    """What every worker needs to know; sent to worker processes once, when they start."""

    format: str | None = "text"  # text | markdown | html | json; None: chosen by the runner
    json: str = "auto"  # which records are written as JSON: never | always | archives (JSONL/WARC records) | auto
    mode: str = "clean"  # clean | dry-run | diff
    url: str | None = None  # for records that have no URL of their own
    names: FieldNames = field(default_factory=FieldNames)
    settings: Settings = field(default_factory=Settings)  # how to clean: built once at the CLI or API boundary


@dataclass
class Stats:
    """What a run did, summed over chunks; small whatever the archive's size."""

    documents: int = 0
    bytes: int = 0
    failed: int = 0
    flagged: int = 0
    removals: int = 0
    refused: int = 0
    per_rule: Counter = field(default_factory=Counter)
    elapsed: float = 0.0

    def add(self, other: Stats) -> None:
        self.documents += other.documents
        self.bytes += other.bytes
        self.failed += other.failed
        self.flagged += other.flagged
        self.removals += other.removals
        self.refused += other.refused
        self.per_rule.update(other.per_rule)

    def to_dict(self) -> dict[str, Any]:
        seconds = max(self.elapsed, 1e-9)
        return {
            "documents": self.documents,
            "cleaned": self.documents - self.failed,
            "failed": self.failed,
            "flagged": self.flagged,
            "bytes": self.bytes,
            "removals": self.removals,
            "refused": self.refused,
            "removals_per_rule": dict(self.per_rule.most_common()),
            "elapsed_seconds": round(self.elapsed, 3),
            "documents_per_second": round(self.documents / seconds, 1),
            "megabytes_per_second": round(self.bytes / 1e6 / seconds, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Stats:
        return cls(
            documents=d["documents"],
            bytes=d["bytes"],
            failed=d["failed"],
            flagged=d["flagged"],
            removals=d["removals"],
            refused=d["refused"],
            per_rule=Counter(d["removals_per_rule"]),
            elapsed=d["elapsed_seconds"],
        )


@dataclass
class ChunkResult:
    outputs: list[bytes | None]  # one per record; None when the record failed
    errors: list[tuple[int, str]]  # (position in the chunk, reason)
    stats: Stats


class Worker:
    def __init__(self, options: Options, cleaner: Cleaner | None = None):
        self.options = options
        self.cleaner = cleaner or build_cleaner(options)
        self.delay = float(os.environ.get(DELAY_ENV) or 0)
        self.crash: str | None = None  # set in worker processes only
        self.hang: str | None = None

    def clean_chunk(self, records: list[Record]) -> ChunkResult:
        stats = Stats()
        outputs: list[bytes | None] = []
        errors: list[tuple[int, str]] = []
        for i, record in enumerate(records):
            if record.kind == JSONL and record.error is None and isinstance(record.data, bytes):
                record = parse_jsonl(record, self.options.names)
            stats.documents += 1
            stats.bytes += len(record.data) if isinstance(record.data, bytes) else _utf8_len(record.data)
            if self.delay:
                time.sleep(self.delay)
            if self.crash and self.crash in str(record.data[:4096]):
                os._exit(70)
            if self.hang and self.hang in str(record.data[:4096]):
                watch.record_started()
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
                time.sleep(3600)
            reason = record.error
            if reason is None:
                watch.record_started()
                try:
                    outputs.append(self.process(record, stats))
                    continue
                except InputError as exc:
                    reason = str(exc).removeprefix(f"{record.where}: ")
                except Exception as exc:  # a bug or a pathological page: report it, keep going
                    reason = f"{type(exc).__name__}: {exc}"
                finally:
                    watch.record_done()
            stats.failed += 1
            outputs.append(None)
            errors.append((i, reason))
        return ChunkResult(outputs, errors, stats)

    def to_object(self, record: Record) -> dict[str, Any]:
        """One record's result as the JSON object `--format json` writes; for a record that failed, its fields and
        `error` (the reason)."""
        reason = record.error
        if reason is None:
            try:
                result = self.cleaner.clean(record.data, url=record.url or self.options.url, name=record.where)
                return record_json(record, result, self.options.format or "json")
            except InputError as exc:
                reason = str(exc).removeprefix(f"{record.where}: ")
            except Exception as exc:
                reason = f"{type(exc).__name__}: {exc}"
        return {**record.fields, "error": reason}

    def process(self, record: Record, stats: Stats) -> bytes:
        opts = self.options
        result = self.cleaner.clean(record.data, url=record.url or opts.url, name=record.where)
        removed = result.removed
        stats.removals += len(removed)
        stats.per_rule.update(r.rule for r in removed)
        stats.refused += len(result.refused)
        stats.flagged += bool(result.flags)
        if opts.mode == "dry-run":
            return _encode(dry_run_report(record, result))
        if opts.mode == "diff":
            return _encode(unified_diff(record, result))
        if opts.json == "always" or (opts.json == "archives" and record.kind != DOC):
            obj = record_json(record, result, opts.format)
            try:
                return json.dumps(obj, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate from a JSON escape: keep it, escaped
                return json.dumps(obj).encode("ascii")
        return _encode(render(result, opts.format))


def build_cleaner(options: Options) -> Cleaner:
    return Cleaner(settings=options.settings)


def render(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False)
    return {"text": result.text, "markdown": result.markdown, "html": result.html}[fmt]


def record_json(record: Record, result: Result, fmt: str) -> dict[str, Any]:
    """The record's own fields, then cleanser's (which win a clash); a plain file's name as `file`."""
    out: dict[str, Any] = dict(record.fields)
    if record.kind == DOC:
        out["file"] = record.source
    out.update(result.to_dict())
    if fmt in ("markdown", "html"):
        out[fmt] = getattr(result, fmt)
    return out


def dry_run_report(record: Record, result: Result) -> str:
    """What would be removed from one record; empty when nothing would."""
    if not result.removed and not result.refused and not result.flags:
        return ""
    head = record.where + (f" ({record.url})" if record.url and record.kind != DOC else "")
    lines = [f"== {head}: {len(result.removed)} removals"]
    for r in result.removed:
        where = ", ".join(x for x in (r.kind, r.where) if x)
        lines.append(f"- [{r.rule}; {where}] {_one_line(r.text)}")
    for r in result.refused:
        lines.append(f"! kept [{r.rule}] {_one_line(r.text)}: {r.refused}")
    lines += [f"! flag {name}: {reason}" for name, reason in result.flags.items()]
    return "\n".join(lines) + "\n"


def unified_diff(record: Record, result: Result) -> str:
    """The record before and after cleaning, as a unified diff; empty when cleaning changed nothing."""
    if result.document.source == "text":
        data = record.data
        before = (decode(data, record.where) if isinstance(data, bytes) else data).splitlines()
    else:  # a page: its extracted blocks with every removal still in place
        before = [r.text for r in result.html_removals if r.refused is None]  # refused: still in the blocks
        before += [line for b in result.document.blocks if b.text for line in (b.prefix + b.text).splitlines()]
    after = result.text.splitlines()
    if before == after:
        return ""
    name = record.where
    diff = difflib.unified_diff(before, after, f"a/{name}", f"b/{name}", lineterm="")
    return "\n".join(diff) + "\n"


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "replace")


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


# --- worker processes -------------------------------------------------------------------------------------------

_worker: Worker | None = None


def start_worker(options: Options, *, process: bool = True) -> Worker:
    """Make this process's worker. In a forked worker process, the parent's cleaner is inherited and reused."""
    global _worker
    if process:
        # Ctrl-C reaches the whole process group: the parent stops the run; workers must not die mid-chunk.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _worker is None or _cleaner_key(_worker.options) != _cleaner_key(options):
        _worker = Worker(options)
    elif _worker.options != options:
        _worker = Worker(options, _worker.cleaner)
    if process:
        _worker.crash = os.environ.get(CRASH_ENV) or None
        _worker.hang = os.environ.get(HANG_ENV) or None
    return _worker


def _cleaner_key(options: Options) -> tuple:
    """The options the cleaner is built from; the others (format, mode, ...) only change how results are written."""
    return (options.settings,)


def clean_chunk(records: list[Record]) -> ChunkResult:
    assert _worker is not None, "start_worker() first"
    return _worker.clean_chunk(records)
