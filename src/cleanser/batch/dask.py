"""Cleaning beyond one machine, on a Dask cluster: a `dask.bag` of your own, or JSON Lines and WARC files.

Dask is an optional extra (`pip install 'cleanser[dask]'`), imported inside these functions only. Each Dask worker
process builds one `Cleaner` the first time it cleans a partition and keeps it for the next ones.

    import json, dask.bag as db
    from cleanser.dask import clean_bag, clean_files

    bag = db.read_text("dumps/*.jsonl.gz").map(json.loads)        # any bag of dicts, str or bytes
    cleaned = clean_bag(bag, text_field="content")                 # a bag of dicts, as --format json writes them
    cleaned.map(json.dumps).to_textfiles("cleaned/*.jsonl.gz")

    stats = clean_files(["crawl/"], "cleaned/", scheduler="tcp://scheduler:8786")   # what --scheduler runs

`clean_files` splits uncompressed JSON Lines files into partitions of `blocksize` bytes (a compressed file or a WARC
file is one partition), cleans each partition in one task, and writes each partition's results to its own JSON Lines
file under the output folder, atomically, so a partition's file is either complete or absent. With `resume=True` the
partitions already written are skipped. Inputs and output must be on storage every worker sees (a shared file
system); records that fail are listed in `OUTPUT.errors.jsonl`, as with `cleanser clean`.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..files import atomic_write
from ..settings import GuardSettings, Settings
from .jsonl import from_object, read_jsonl_range
from .lock import OutputLock, OutputLocked
from .paths import mirror_name
from .records import DOC, JSONL, FieldNames, Record, Source, find_sources, read_source
from .runner import UsageError
from .work import Options, Stats, start_worker


class LostRecords(RuntimeError):
    """Fewer results were written than records were cleaned: the run does not report success."""


BLOCKSIZE = 16 * 1024 * 1024  # many more partitions than workers, so that none waits on a straggler
STATE_DIR = ".cleanser-dask"  # inside the output folder: per-partition statistics and errors until the run ends
_CHUNK = 256  # records cleaned per call inside a partition


def clean_bag(
    bag,
    *,
    format: str = "json",
    url: str | None = None,
    text_field: str = "text",
    html_field: str = "html",
    url_field: str = "url",
    plugins_dirs: Sequence[str] = (),
    guard: bool = True,
    budget: float | None = None,
    links: bool = False,
    settings: Settings | None = None,
    meta_field: str | None = "cleanser",
    blocks: bool = False,
):
    """Clean every element of a `dask.bag.Bag` (lazily, like any bag operation).

    An element may be a dict (a JSON Lines record: the document is `html_field` when it holds markup, else
    `text_field`; the URL is `url_field`; a bytes document is decoded with the charset in the field `encoding`, if
    any), or a str or bytes (a document). A dict becomes itself with the cleaned text in `text_field` and
    cleanser's results under `meta_field` (the record contract of docs/archives.md; `blocks=True` adds the
    per-block data); an element that cannot be cleaned becomes itself with `meta_field: {"error": reason}`. A str or
    bytes element becomes cleanser's result (`text`, `url`, `site`, `removed`, `flags`, ...). `settings`, when
    given, says how to clean and the keywords plugins_dirs, guard, budget and links are not used.
    """
    names = FieldNames(text_field, html_field, url_field)
    options = _options(format, url, names, settings, plugins_dirs, guard, budget, links, meta_field, blocks)
    return bag.map_partitions(_clean_elements, options)


def _clean_elements(items: Iterable[Any], options: Options) -> list[dict[str, Any]]:
    worker = start_worker(options, process=False)
    out = []
    for i, item in enumerate(items, start=1):
        if isinstance(item, dict):
            record = from_object(item, Record("<bag>", i, kind=JSONL), options.names)
        elif isinstance(item, str | bytes):
            record = Record("<bag>", i, data=item)
        else:
            record = Record("<bag>", i, error=f"a {type(item).__name__}, not a dict, str or bytes")
        out.append(worker.to_object(record))
    return out


def _options(fmt, url, names, settings, plugins_dirs, guard, budget, links, meta_field="cleanser",
             blocks=False) -> Options:
    """Settings are made here, on the client, so workers on other machines get them whole (no environment)."""
    if settings is None:
        guard_settings = GuardSettings(enabled=guard, **({"budget": budget} if budget is not None else {}))
        settings = Settings.from_env(plugins_dirs=plugins_dirs, guard=guard_settings, links=links)
    return Options(format=fmt, json="always", url=url, names=names, settings=settings, meta_field=meta_field,
                   blocks=blocks)


# --- files on a cluster -----------------------------------------------------------------------------------------


def clean_files(
    inputs: Sequence[str | os.PathLike],
    output: str | os.PathLike,
    *,
    scheduler: str | None = None,
    client=None,
    jobs: int = 0,
    blocksize: int = BLOCKSIZE,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    input_format: str = "auto",
    format: str = "json",
    url: str | None = None,
    text_field: str = "text",
    html_field: str = "html",
    url_field: str = "url",
    plugins_dirs: Sequence[str] = (),
    guard: bool = True,
    budget: float | None = None,
    links: bool = False,
    resume: bool = False,
    errors: str | os.PathLike | None = None,
    settings: Settings | None = None,
    meta_field: str | None = "cleanser",
    blocks: bool = False,
    id_field: str = "id",
) -> tuple[Stats, Path | None]:
    """Clean JSON Lines and WARC files (folders are walked for them) into JSON Lines files under `output`.

    Runs on `client` (a `distributed.Client`), else on `scheduler`: an address ("tcp://host:8786"), "local" (a
    LocalCluster of `jobs` worker processes on this machine), or a Dask local scheduler name ("threads",
    "processes", "sync"); default: Dask's current scheduler. Returns the statistics and the errors file (None when
    every record was cleaned). Records are written as the record contract says (docs/archives.md).
    """
    names = FieldNames(text_field, html_field, url_field, id_field)
    options = _options(format, url, names, settings, plugins_dirs, guard, budget, links, meta_field, blocks)
    out = Path(output)
    parts = plan_parts(inputs, out, blocksize=blocksize, include=include, exclude=exclude, input_format=input_format)
    lock = OutputLock(out)
    try:
        lock.acquire()
    except OutputLocked as exc:
        raise UsageError(str(exc)) from None
    try:
        state = out / STATE_DIR
        state.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        with _scheduler(scheduler, client, jobs) as compute:
            _number_lines(parts, compute)
            results = compute(_bag(parts).map(_clean_part, options, str(state), resume))
    finally:
        lock.release()
    stats = Stats()
    written = 0
    for result in results:
        written += result.pop("written", result["documents"] - result["failed"])
        stats.add(Stats.from_dict(result))
    missing = sorted({p["target"] for p in parts if not Path(p["target"]).exists()})
    # Every cleaned record must be written; a failed one is written through as well (the record contract), so more
    # lines than cleaned records is no loss.
    if written < stats.documents - stats.failed or missing:
        raise LostRecords(f"{stats.documents - stats.failed} records were cleaned but {written} written to {out}"
                          + (f" ({len(missing)} partition files missing, {missing[0]} first)" if missing else "")
                          + f"; the state in {STATE_DIR} is kept: run again with --resume")
    stats.elapsed = time.perf_counter() - started
    errors_path = Path(errors) if errors else out.with_name(out.name + ".errors.jsonl")
    errors_file = _merge_errors(parts, state, errors_path)
    shutil.rmtree(state, ignore_errors=True)
    return stats, errors_file


def plan_parts(
    inputs: Sequence[str | os.PathLike],
    out: Path,
    *,
    blocksize: int = BLOCKSIZE,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    input_format: str = "auto",
) -> list[dict[str, Any]]:
    """One task per partition: an uncompressed JSON Lines file in byte ranges of `blocksize`, any other archive
    whole. Plain documents found in folders are left out (clean them without a cluster); named ones are refused."""
    parts: list[dict[str, Any]] = []
    nest = len(inputs) > 1
    for item in inputs:
        item = os.fspath(item)
        if item == "-":
            raise UsageError("standard input cannot be cleaned on a cluster")
        found = find_sources([item], include=include, exclude=exclude, input_format=input_format, skip_dirs=[out])
        for source in found:
            if source.kind == DOC:
                if not Path(item).is_dir():
                    raise UsageError(f"{item}: not a JSON Lines or WARC file; clean documents without --scheduler")
                continue
            rel = f"{mirror_name(item)}/{source.rel}" if nest and Path(item).is_dir() else source.rel
            size = source.size
            splittable = source.kind == JSONL and not _is_gzip(source.path) and size > blocksize
            starts = list(range(0, size, blocksize)) if splittable else [0]
            for n, start in enumerate(starts):
                parts.append({
                    "name": source.name, "path": str(source.path), "rel": source.rel, "kind": source.kind,
                    "start": start, "end": min(start + blocksize, size) if splittable else None, "first": 1,
                    "target": str(out / _target(rel, source.kind, n if splittable else None)),
                })
    _check_targets(parts)
    return parts


def _check_targets(parts: list[dict[str, Any]]) -> None:
    """Two inputs must never write the same file: the second would replace the first's results."""
    seen: dict[str, str] = {}
    for part in parts:
        other = seen.setdefault(part["target"], part["path"])
        if other != part["path"]:
            raise UsageError(f"{other} and {part['path']} would both be written to {part['target']}: "
                             "inputs cleaned into one folder must have different names (or put them in folders)")


def _target(rel: str, kind: str, n: int | None) -> str:
    gz = rel.endswith(".gz")
    base = rel[:-3] if gz else rel
    if kind != JSONL:
        base += ".jsonl"
    if n is not None:
        stem = base[: -len(".jsonl")] if base.endswith(".jsonl") else base
        base = f"{stem}.{n:05d}.jsonl"
    return base + (".gz" if gz else "")


def _is_gzip(path: Path | None) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"\x1f\x8b"
    except OSError:
        return False


def _bag(items: list):
    import dask.bag as db

    return db.from_sequence(items, npartitions=max(1, len(items)))


def _number_lines(parts: list[dict[str, Any]], compute) -> None:
    """Give each partition of a split file the line number of its first line (error reports name lines)."""
    split = [p for p in parts if p["end"] is not None]
    if not split:
        return
    counts = compute(_bag(split).map(_count_newlines))
    previous, total = None, 0
    for part, count in zip(split, counts, strict=True):
        if part["path"] != previous:
            previous, total = part["path"], 0
        # Lines of a partition start in [start, end): the first is the one after the newline at or past start-1.
        part["first"] = 1 if part["start"] == 0 else total + 2
        total += count


def _count_newlines(part: dict[str, Any]) -> int:
    start, end = max(0, part["start"] - 1), part["end"] - 1
    count = 0
    with open(part["path"], "rb") as fh:
        fh.seek(start)
        left = end - start
        while left > 0:
            block = fh.read(min(left, 1 << 20))
            if not block:
                break
            count += block.count(b"\n")
            left -= len(block)
    return count


def _clean_part(part: dict[str, Any], options: Options, state: str, resume: bool) -> dict[str, Any]:
    """Clean one partition into its own file, atomically; its statistics and errors go to the state folder."""
    target = Path(part["target"])
    key = _key(part)
    manifest = Path(state) / f"{key}.json"
    if resume and target.exists() and manifest.exists():
        return json.loads(manifest.read_text(encoding="utf-8"))
    worker = start_worker(options, process=False)
    source = Source(part["name"], Path(part["path"]), part["rel"], part["kind"])
    if part["end"] is not None:
        records = read_jsonl_range(source, part["start"], part["end"], part["first"], options.names, parse=False)
    else:
        records = read_source(source, options.names, parse=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.partial")
    stats = Stats()
    written = 0
    errors: list[bytes] = []
    compress = target.name.endswith(".gz")
    try:
        with open(partial, "wb") as fh:
            for chunk in _chunks(records):
                result = worker.clean_chunk(chunk)
                data = b"".join(o + b"\n" for o in result.outputs if o is not None)
                written += sum(o is not None for o in result.outputs)
                fh.write(gzip.compress(data, mtime=0) if compress and data else data)
                stats.add(result.stats)
                for i, reason, record_id in result.errors:
                    entry = {"file": chunk[i].source, "record": chunk[i].index, "reason": reason}
                    if record_id is not None:
                        entry["id"] = record_id
                    errors.append(json.dumps(entry, ensure_ascii=False).encode("utf-8", "replace") + b"\n")
            fh.flush()
            os.fsync(fh.fileno())
        errors_file = Path(state) / f"{key}.errors.jsonl"
        if errors:
            atomic_write(errors_file, b"".join(errors))
        else:
            errors_file.unlink(missing_ok=True)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    summary = {**stats.to_dict(), "written": written}
    atomic_write(manifest, json.dumps(summary))
    return summary


def _chunks(records: Iterable[Record]):
    chunk: list[Record] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _key(part: dict[str, Any]) -> str:
    return part["target"].replace(os.sep, "_").replace(":", "_").strip("_")[-200:]


def _merge_errors(parts: list[dict[str, Any]], state: Path, path: Path) -> Path | None:
    """One errors file for the run, in input order; none when no record failed."""
    found = [state / f"{_key(p)}.errors.jsonl" for p in parts]
    found = [f for f in found if f.exists()]
    if not found:
        path.unlink(missing_ok=True)  # a stale list from an earlier run would mislead
        return None
    partial = path.with_name(f".{path.name}.partial")
    with open(partial, "wb") as out:
        for f in found:
            with open(f, "rb") as fh:
                shutil.copyfileobj(fh, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, path)
    return path


class _scheduler:
    """A `compute(collection) -> result` for the chosen cluster, closing what it started."""

    def __init__(self, scheduler: str | None, client, jobs: int):
        self.scheduler, self.client, self.jobs = scheduler, client, jobs
        self._close: list = []

    def __enter__(self):
        if self.client is None and self.scheduler not in (None, "threads", "processes", "sync", "synchronous"):
            from distributed import Client, LocalCluster

            if self.scheduler == "local":
                from .runner import default_jobs

                cluster = LocalCluster(n_workers=self.jobs or default_jobs(), threads_per_worker=1,
                                       dashboard_address=None)
                self._close.append(cluster)
                self.client = Client(cluster)
            else:
                self.client = Client(self.scheduler)
            self._close.insert(0, self.client)
        if self.client is not None:
            client = self.client
            return lambda collection: client.compute(collection).result()
        scheduler = self.scheduler
        return lambda collection: collection.compute(scheduler=scheduler) if scheduler else collection.compute()

    def __exit__(self, *exc) -> None:
        for thing in self._close:
            thing.close()


def run_plan(plan, scheduler: str) -> int:
    """`cleanser clean --scheduler ADDRESS`: the plan's archives on a cluster, with the usual summary and report."""
    from .runner import check_meta_field, summary_lines, write_report

    opts = plan.options
    if opts.mode != "clean" or plan.in_place or not plan.output:
        raise UsageError("--scheduler writes a folder of JSON Lines: give -o FOLDER (no --in-place, --dry-run, --diff)")
    if plan.output and Path(plan.output).exists() and not Path(plan.output).is_dir():
        raise UsageError(f"{plan.output}: not a folder; --scheduler writes one JSON Lines file per partition")
    check_meta_field(plan)
    try:
        stats, errors_file = clean_files(
            plan.inputs, plan.output, scheduler=scheduler, jobs=plan.jobs, include=plan.include,
            exclude=plan.exclude, input_format=plan.input_format, format=opts.format or "json", url=opts.url,
            text_field=opts.names.text, html_field=opts.names.html, url_field=opts.names.url,
            settings=opts.settings, resume=plan.resume,
            errors=plan.errors, meta_field=opts.meta_field, blocks=opts.blocks, id_field=opts.names.id,
        )
    except ImportError as exc:
        raise UsageError(f"--scheduler needs Dask: pip install 'cleanser[dask]' ({exc})") from None
    except LostRecords as exc:
        import sys

        print(f"cleanser: {exc}", file=sys.stderr)
        return 1
    if plan.report:
        write_report(plan.report, stats, scheduler=scheduler, output=plan.output, errors_file=errors_file,
                     mode="clean", interrupted=False)
    if not plan.quiet:
        import sys

        print("cleanser: " + "\n".join(summary_lines(stats, errors_file=errors_file, report=plan.report)),
              file=sys.stderr)
    return 1 if stats.failed else 0
