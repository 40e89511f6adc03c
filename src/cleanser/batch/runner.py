"""Cleaning many documents: the runner behind `cleanser clean`.

One reader streams the records (`records.py`) and groups them into chunks of about `chunk_bytes`, so that small
documents do not drown in per-task overhead. Worker processes (`work.py`, run by `pool.py`), each with one `Cleaner`
built when it starts, clean the chunks; at most a few chunks per worker are in flight, so memory stays flat. Results
come back and are written in input order (`output.py`); after each chunk the outputs are made durable and a small
checkpoint is saved atomically (records done, output offsets, statistics so far). A run killed at any moment and
started again with `--resume` truncates its partial outputs to the checkpoint, skips the records done and goes on:
every record is written exactly once. Ctrl-C (or SIGTERM) stops after the last checkpoint, which is resumable.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from ..files import atomic_write, remove_stale_temps
from .lock import OutputLock, OutputLocked
from .output import BACKUP_PATTERNS, ErrorLog, StreamOutput, TreeOutput, _rename_into_place
from .paths import mirror_name
from .plan import Plan, UsageError, _checked, check_meta_field, default_jobs, is_jsonl_name, resolve_format
from .pool import _results
from .records import (
    STDIN,
    WARC,
    Record,
    Source,
    find_sources,
    is_archive_name,
    read_source,
)
from .summary import summary_lines, write_report
from .work import Stats

CHECKPOINT_VERSION = 1
ECHO_ERRORS = 20  # errors echoed on stderr (the errors file has them all)




# --- the run ------------------------------------------------------------------------------------------------------


def run(plan: Plan) -> int:
    """Clean every record of `plan.inputs`; 0 when all were cleaned, 1 when any failed, 130 when interrupted."""
    runner = _Runner(plan)
    previous = signal.getsignal(signal.SIGTERM)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        return runner.run()
    finally:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, previous)


def records_of(plan: Plan) -> tuple[Iterator[Record], Path | None]:
    """The records a run of `plan` would clean, read as it reads them (JSON Lines records unparsed), and the path
    its output, checkpoint and state sit beside (None for standard output): for a first pass over the same records
    (`clean --learn`)."""
    runner = _Runner(plan)
    return runner._records(), runner.anchor if runner.opts.mode == "clean" else None


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


class _Runner:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.opts = plan.options
        self.jobs = plan.jobs or default_jobs()
        self.stats = Stats()
        self.output, self.anchor = self._make_output()
        self.errors = ErrorLog(self._errors_path())
        self.checkpoint = self._checkpoint_path() if self.output.resumable and self.opts.mode == "clean" else None
        self.done = 0  # records written (or failed) so far, counting those of an interrupted run
        self.last: list[Any] | None = None
        self.progress = None
        self.position = 0  # bytes of input read up to the last record written
        self.echoed = 0
        self.started = 0.0
        self.base_elapsed = 0.0  # seconds spent by the interrupted runs this one resumes

    # -- setup --

    def _make_output(self) -> tuple[StreamOutput | TreeOutput, Path | None]:
        """Where results go, and what each record is written as (resolving --format and JSON)."""
        p = self.plan
        has_stdin = STDIN in p.inputs
        fmt = resolve_format(self.opts.format, p.inputs, p.output, p.input_format)
        as_json = "always" if fmt == "json" else "never"
        if p.resume and (self.opts.mode != "clean" or (p.output is None and not p.in_place)):
            raise UsageError("--resume needs an output to resume: -o PATH or --in-place")
        if self.opts.mode != "clean":
            self.opts = replace(self.opts, format=fmt, json=as_json)
            return StreamOutput(None, "raw"), None
        if p.in_place:
            if p.output:
                raise UsageError("--in-place and -o are exclusive: clean in place, or write elsewhere")
            if has_stdin:
                raise UsageError("standard input cannot be cleaned in place")
            self.opts = replace(self.opts, format=fmt, json="always" if fmt == "json" else "archives")
            return TreeOutput(None, in_place=True), Path(p.inputs[0])
        out = p.output
        if out is not None:
            mirror = out.endswith(("/", os.sep)) or Path(out).is_dir()
            mirror = mirror or (not is_jsonl_name(out) and any(i != STDIN and Path(i).is_dir() for i in p.inputs))
            if mirror:
                if has_stdin:
                    raise UsageError("standard input cannot be mirrored into a folder: use -o FILE")
                names = [mirror_name(i) if Path(i).is_dir() else Path(i).name for i in p.inputs]
                if len(set(names)) < len(names):
                    raise UsageError("inputs mirrored into one folder must have different names")
                _checked(p.inputs, out, mirror=True)
                self.opts = replace(self.opts, format=fmt, json="always" if fmt == "json" else "archives")
                return TreeOutput(out, fmt=fmt), Path(out.rstrip("/" + os.sep))
            _checked(p.inputs, out, mirror=False)
            if is_jsonl_name(out):
                as_json = "always"
        style = "lines" if as_json == "always" else "text"
        if self.opts.format is None and has_stdin and p.input_format == "auto" and as_json == "never":
            # What stdin holds is known only once it is read: JSON Lines and WARC records are written as JSON
            # records, a document as text.
            as_json, style = "archives", "auto"
        self.opts = replace(self.opts, format=fmt, json=as_json)
        return StreamOutput(out, style), Path(out) if out is not None else None

    def _errors_path(self) -> Path | None:
        if self.plan.errors:
            return Path(self.plan.errors)
        if self.anchor is None or self.opts.mode != "clean":
            return None
        return self.anchor.with_name(self.anchor.name + ".errors.jsonl")

    def _checkpoint_path(self) -> Path:
        if self.plan.checkpoint:
            return Path(self.plan.checkpoint)
        anchor = self.anchor.resolve()
        return anchor.with_name(f".{anchor.name}.cleanser-checkpoint.json")

    def _fingerprint(self) -> dict[str, Any]:
        p = self.plan
        return {
            "inputs": [os.path.abspath(i) if i != STDIN else i for i in p.inputs],
            "output": os.path.abspath(p.output) if p.output else None,
            "in_place": p.in_place,
            "include": p.include,
            "exclude": p.exclude,
            "input_format": p.input_format,
            "options": json.loads(json.dumps(asdict(self.opts), default=sorted)),  # frozensets as lists
        }

    # -- records --

    def _sources(self) -> Iterator[Source]:
        p = self.plan
        out = self.output
        skip_dirs = [out.folder] if isinstance(out, TreeOutput) and out.folder is not None else []
        skip_names = BACKUP_PATTERNS if p.in_place else ()
        # Several inputs mirrored into one folder each get a subfolder named after them.
        nest = isinstance(out, TreeOutput) and len(p.inputs) > 1
        for item in p.inputs:
            for source in find_sources([item], include=p.include, exclude=p.exclude, input_format=p.input_format,
                                       skip_dirs=skip_dirs, skip_names=skip_names):
                if nest and Path(item).is_dir():
                    source = Source(source.name, source.path, f"{mirror_name(item)}/{source.rel}", source.kind,
                                    source.error)
                yield source

    def _records(self) -> Iterator[Record]:
        """Every record; `end` made a position in the whole input (all files' sizes added), for progress."""
        base = 0
        for source in self._sources():
            if self.plan.in_place and source.kind == WARC:
                yield Record(source.name, 1, kind=WARC, rel=source.rel, end=base + source.size,
                             error="WARC files are not cleaned in place: use -o FOLDER")
            else:
                for record in read_source(source, self.opts.names, parse=False):
                    record.end += base
                    yield record
            base += source.size

    def _chunks(self, records: Iterator[Record]) -> Iterator[list[Record]]:
        chunk: list[Record] = []
        size = 0
        for record in records:
            chunk.append(record)
            size += len(record.data) + 200
            if size >= self.plan.chunk_bytes or len(chunk) >= self.plan.chunk_records:
                yield chunk
                chunk, size = [], 0
        if chunk:
            yield chunk

    def _skip_done(self, records: Iterator[Record]) -> Iterator[Record]:
        """On resume: pass over the records a killed run had finished, checking they are the same records."""
        last = None
        for _ in range(self.done):
            last = next(records, None)
            if last is None:
                break
        if self.done and (last is None or [last.source, last.index] != self.last):
            raise UsageError(
                f"the inputs changed since the interrupted run (record {self.done} was {self.last}); "
                "start again without --resume"
            )
        self.position = last.end if last is not None else 0
        return records

    # -- checkpoint --

    def _load_checkpoint(self) -> dict[str, Any] | None:
        if self.checkpoint is None or not self.checkpoint.exists():
            return None
        try:
            state = json.loads(self.checkpoint.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"{self.checkpoint}: cannot read the checkpoint: {exc}") from None
        if state.get("version") != CHECKPOINT_VERSION:
            raise UsageError(f"{self.checkpoint}: a checkpoint of another cleanser version")
        return state

    def _save_checkpoint(self, output_state: dict[str, Any], errors_state: dict[str, Any] | None) -> None:
        if self.checkpoint is None:
            return
        self.stats.elapsed = self._elapsed()
        state = {
            "version": CHECKPOINT_VERSION,
            "fingerprint": self._fingerprint(),
            "done": self.done,
            "last": self.last,
            "output": output_state,
            "errors": errors_state,
            # Without the review: a resumed run does not read it back (Stats.from_dict), and dumping it with every
            # chunk cost a run with --report and many rules (`clean --learn`) seconds per thousand documents.
            "stats": self.stats.to_dict(review=False),
        }
        atomic_write(self.checkpoint, json.dumps(state, ensure_ascii=False))

    def _elapsed(self) -> float:
        return self.base_elapsed + (time.perf_counter() - self.started)

    # -- main loop --

    def run(self) -> int:
        lock = OutputLock(self.anchor) if self.anchor is not None and self.opts.mode == "clean" else None
        if lock is not None:
            try:
                lock.acquire()
            except OutputLocked as exc:
                raise UsageError(str(exc)) from None
        try:
            return self._run()
        finally:
            if lock is not None:
                lock.release()

    def _run(self) -> int:
        self.started = time.perf_counter()
        for path in (self.checkpoint, self.plan.report):
            if path is not None:  # a killed run's temporary files of them (the lock says none is being written)
                remove_stale_temps(path)
        if self.opts.json in ("always", "archives"):
            check_meta_field(self.plan)
        state = self._load_checkpoint()
        finished = False
        if state is not None and self.plan.resume:
            if state["fingerprint"] != self._fingerprint():
                raise UsageError(f"{self.checkpoint}: made by a run with other inputs or options; "
                                 "start again without --resume")
            self.done, self.last = state["done"], state["last"]
            self.stats = Stats.from_dict(state["stats"])
            self.base_elapsed = self.stats.elapsed
            finished = bool(state["output"].get("finished"))
            self.output.restore(state["output"])
            if finished:
                if self.errors.path is not None and state["errors"] and state["errors"]["count"]:
                    _rename_into_place(self.errors.path)
            else:
                self.errors.start(state["errors"])
        else:
            if state is not None:
                self._say(f"{self.checkpoint}: an interrupted run's state is discarded (--resume continues it)")
                type(self.output).discard(state["output"])
            if self.plan.resume:
                self._say("nothing to resume: no checkpoint; starting from the beginning")
            self.output.start()
            self.errors.start()
        interrupted = False
        try:
            if not finished:
                self._clean_all()
        except KeyboardInterrupt:
            interrupted = True
        finally:
            if self.progress is not None:
                self.progress.close()
            self.output.close()
            self.errors.close()
        self.stats.elapsed = self._elapsed()
        errors_file = None
        if not interrupted:
            errors_file = self.errors.finish() if not finished else (
                self.errors.path if self.errors.path and self.errors.path.exists() else None)
        self._write_report(errors_file, interrupted)
        if not interrupted and self.checkpoint is not None:
            self.checkpoint.unlink(missing_ok=True)
        self._summary(errors_file, interrupted)
        if interrupted:
            return 130
        return 1 if self.stats.failed else 0

    def _clean_all(self) -> None:
        records = self._skip_done(self._records())
        self._start_progress()
        for chunk, result in _results(self._chunks(records), self.jobs, self.opts):
            for i, record in enumerate(chunk):
                self.output.write(record, result.outputs[i])
            for i, reason, record_id in result.errors:
                self._error(chunk[i], reason, record_id)
            self.stats.add(result.stats)
            self.done += len(chunk)
            self.last = [chunk[-1].source, chunk[-1].index]
            self._commit(final=False)
            self.position = chunk[-1].end
            self._advance()
        self._commit(final=True)

    def _commit(self, *, final: bool) -> None:
        output_state = self.output.commit(final=final)
        for record, reason in getattr(self.output, "take_failures", list)():
            self.stats.failed += 1
            self._error(record, reason)
        errors_state = self.errors.commit()
        self._save_checkpoint(output_state, errors_state)
        self.output.finalize(output_state)

    def _error(self, record: Record, reason: str, record_id: Any = None) -> None:
        self.errors.write(record, reason, record_id)
        if self.echoed < ECHO_ERRORS:
            self._say(f"{record.where}: {reason}")
        elif self.echoed == ECHO_ERRORS:
            self._say("more errors" + (f": see {self.errors.path}" if self.errors.path else ""))
        self.echoed += 1

    # -- progress and summary --

    def _start_progress(self) -> None:
        """On a terminal: a bar over the input's bytes (so tqdm can tell the time left), with documents per second."""
        enabled = self.plan.progress if self.plan.progress is not None else sys.stderr.isatty()
        if not enabled or (self.opts.mode != "clean" and self.plan.progress is None):
            return
        try:
            from tqdm import tqdm  # a core dependency; an install without it is broken, and says so
        except ImportError:
            if self.plan.progress:
                self._say("--progress needs tqdm, which is not installed: pip install tqdm (cleaning goes on)")
            return
        total = None if STDIN in self.plan.inputs else sum(s.size for s in self._sources()) or None
        self.progress = tqdm(total=total, initial=self.position, unit="B", unit_scale=True, dynamic_ncols=True,
                             file=sys.stderr, smoothing=0.05, mininterval=0.5, desc="cleaning")
        self._advance()

    def _advance(self) -> None:
        if self.progress is not None:
            self.progress.update(self.position - self.progress.n)
            seconds = max(self._elapsed(), 1e-9)
            self.progress.set_postfix_str(
                f"{self.stats.documents:,} docs, {self.stats.documents / seconds:,.0f} docs/s, "
                f"{self.stats.failed:,} failed", refresh=False)

    def _say(self, message: str) -> None:
        line = f"cleanser: {message}"
        if self.progress is not None:
            self.progress.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def _write_report(self, errors_file: Path | None, interrupted: bool) -> None:
        if self.plan.report:
            output = "in place" if self.plan.in_place else self.plan.output
            write_report(self.plan.report, self.stats, jobs=self.jobs, output=output, errors_file=errors_file,
                         mode=self.opts.mode, interrupted=interrupted)

    def _summary(self, errors_file: Path | None, interrupted: bool) -> None:
        s = self.stats
        if self.plan.quiet or (s.documents <= 1 and not interrupted and not self._is_batch()):
            return
        lines = summary_lines(s, dry_run=self.opts.mode != "clean", errors_file=errors_file, report=self.plan.report)
        if interrupted:
            lines.append("interrupted" + (": run the same command with --resume to finish"
                                          if self.checkpoint is not None else ""))
        self._say("\n".join(lines))

    def _is_batch(self) -> bool:
        p = self.plan
        return p.in_place or any(i != STDIN and (Path(i).is_dir() or is_archive_name(i)) for i in p.inputs)




