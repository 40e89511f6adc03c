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
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..pipeline import Cleaner
from ..read.text import InputError, decode
from ..result import Result
from ..settings import Settings
from ..write.report_html import Review
from . import record_output, watch
from .jsonl import parse_jsonl
from .records import DOC, JSONL, FieldNames, Record

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
    meta_field: str | None = record_output.META_FIELD  # where a record's results go; None: not written (--no-meta)
    blocks: bool = False  # a record's results include the per-block data (--blocks)
    review: bool = False  # collect what the review report shows (--report, --report-html)


@dataclass
class Stats:
    """What a run did, summed over chunks; small whatever the archive's size."""

    documents: int = 0
    bytes: int = 0
    failed: int = 0
    skipped: int = 0  # records with nothing to clean (HTML and text empty), written through as they came
    flagged: int = 0
    removals: int = 0
    refused: int = 0
    per_rule: Counter = field(default_factory=Counter)
    slow_rules: dict[str, str] = field(default_factory=dict)  # rules disabled for matching too slowly (rules/clock.py)
    elapsed: float = 0.0
    review: Review | None = None  # samples, sites and flags for the review report, when the run writes one

    def add(self, other: Stats) -> None:
        if other.review is not None:
            if self.review is None:
                self.review = Review()
            self.review.merge(other.review)
        self.documents += other.documents
        self.bytes += other.bytes
        self.failed += other.failed
        self.skipped += other.skipped
        self.flagged += other.flagged
        self.removals += other.removals
        self.refused += other.refused
        self.per_rule.update(other.per_rule)
        for rule, why in other.slow_rules.items():
            self.slow_rules.setdefault(rule, why)

    def to_dict(self, *, review: bool = True) -> dict[str, Any]:
        """`review=False` leaves the review out (the checkpoint's stats: `from_dict` does not read it back)."""
        seconds = max(self.elapsed, 1e-9)
        return {
            "documents": self.documents,
            "cleaned": self.documents - self.failed - self.skipped,
            "failed": self.failed,
            "skipped": self.skipped,
            "flagged": self.flagged,
            "bytes": self.bytes,
            "removals": self.removals,
            "refused": self.refused,
            "removals_per_rule": dict(self.per_rule.most_common()),
            **({"slow_rules": dict(self.slow_rules)} if self.slow_rules else {}),
            "elapsed_seconds": round(self.elapsed, 3),
            "documents_per_second": round(self.documents / seconds, 1),
            "megabytes_per_second": round(self.bytes / 1e6 / seconds, 3),
            **({"review": self.review.to_dict()} if review and self.review is not None else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Stats:
        return cls(
            documents=d["documents"],
            bytes=d["bytes"],
            failed=d["failed"],
            skipped=d.get("skipped", 0),
            flagged=d["flagged"],
            removals=d["removals"],
            refused=d["refused"],
            per_rule=Counter(d["removals_per_rule"]),
            slow_rules=dict(d.get("slow_rules", {})),
            elapsed=d["elapsed_seconds"],
        )


@dataclass
class ChunkResult:
    # One per record; None when there is nothing to write (a document that failed; a failed archive record is
    # written through, with the reason).
    outputs: list[bytes | None]
    errors: list[tuple[int, str, Any]]  # (position in the chunk, reason, the record's id or None)
    stats: Stats


class Worker:
    def __init__(self, options: Options, cleaner: Cleaner | None = None):
        self.options = options
        self.cleaner = cleaner or build_cleaner(options)
        self.delay = float(os.environ.get(DELAY_ENV) or 0)
        self.crash: str | None = None  # set in worker processes only
        self.hang: str | None = None

    def clean_chunk(self, records: list[Record]) -> ChunkResult:
        stats = Stats(review=Review() if self.options.review else None)
        outputs: list[bytes | None] = []
        errors: list[tuple[int, str, Any]] = []
        opts = self.options
        for i, record in enumerate(records):
            raw = record.data
            if record.kind == JSONL and record.error is None and isinstance(record.data, bytes):
                record = parse_jsonl(record, opts.names)
            stats.documents += 1
            data = record.data if record.error is None else raw
            stats.bytes += len(data) if isinstance(data, bytes) else _utf8_len(data)
            if self.delay:
                time.sleep(self.delay)
            if self.crash and self.crash in str(record.data[:4096]):
                os._exit(70)
            if self.hang and self.hang in str(record.data[:4096]):
                watch.record_started()
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
                print(f"{HANG_ENV}: this worker hangs now", file=sys.stderr, flush=True)  # tests wait for it
                time.sleep(3600)
            as_record = self._writes_record(record)
            reason = record.error or (record_output.collision(record, opts.meta_field) if as_record else None)
            if reason is None and record.empty is not None:
                stats.skipped += 1
                skipped = {"skipped": record.empty}
                outputs.append(record_output.to_line(record, opts.names, opts.meta_field, None, skipped)
                               if as_record else None)
                continue
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
            # A failed archive record is written all the same, so the output still has one line per input record.
            outputs.append(record_output.failed_line(record, raw, opts.names, opts.meta_field, reason)
                           if as_record else None)
            errors.append((i, reason, record.id))
        return ChunkResult(outputs, errors, stats)

    def _writes_record(self, record: Record) -> bool:
        """Whether this record's output is a JSON record of the contract (not a report, a text or a document's
        JSON)."""
        opts = self.options
        return (opts.mode == "clean" and record.kind != DOC
                and opts.json in ("always", "archives"))

    def to_object(self, record: Record) -> dict[str, Any]:
        """One record's result as the JSON object `--format json` writes; for a record that failed, its fields and
        `error` (the reason)."""
        opts = self.options
        names, meta_field = opts.names, opts.meta_field
        reason = record.error or (record_output.collision(record, meta_field) if record.kind != DOC else None)
        if reason is None and record.empty is not None:
            return record_output.to_object(record, names, meta_field, None, {"skipped": record.empty})
        if reason is None:
            try:
                result = self._clean(record)
                if record.kind == DOC:
                    return record_json(record, result, opts.format or "json")
                meta = record_output.results(result, opts.format, blocks=opts.blocks)
                return record_output.to_object(record, names, meta_field, result.text, meta)
            except InputError as exc:
                reason = str(exc).removeprefix(f"{record.where}: ")
            except Exception as exc:
                reason = f"{type(exc).__name__}: {exc}"
        if record.kind == DOC:
            return {"error": reason}
        return record_output.to_object(record, names, meta_field, None, {"error": reason})

    def _clean(self, record: Record) -> Result:
        return self.cleaner.clean(record.data, url=record.url or self.options.url, name=record.where,
                                  encoding=record.encoding)

    def process(self, record: Record, stats: Stats) -> bytes:
        opts = self.options
        result = self._clean(record)
        removed = result.removed
        stats.removals += len(removed)
        stats.per_rule.update(r.rule for r in removed)
        stats.refused += len(result.refused)
        stats.flagged += bool(result.flags)
        if "slow_rules" in result.flags:  # each worker's Cleaner finds a slow rule once; the run's summary names it
            for rule, why in self.cleaner.slow_rules.items():
                stats.slow_rules.setdefault(rule, why)
        if stats.review is not None:
            stats.review.add(record.where, result)
        if opts.mode == "dry-run":
            return _encode(dry_run_report(record, result))
        if opts.mode == "diff":
            return _encode(unified_diff(record, result))
        if record.kind != DOC and self._writes_record(record):
            meta = record_output.results(result, opts.format, blocks=opts.blocks)
            return record_output.to_line(record, opts.names, opts.meta_field, result.text, meta)
        if opts.json == "always":
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
    """A plain document's JSON (`--format json`): its file name as `file`, then cleanser's result. Archive records
    follow the record contract instead (`record_output`)."""
    out: dict[str, Any] = {"file": record.source}
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
        before = (decode(data, record.where, record.encoding) if isinstance(data, bytes) else data).splitlines()
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
