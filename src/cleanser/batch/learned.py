"""`cleanser clean --learn`: the first pass over the run's records (`learn.archive.FirstPass`), its plugins written
where the second pass loads them, kept for `--resume`, copied to `--learned-dir`, and reported.

The second pass is the ordinary run (`runner.run` or, with `--scheduler`, `dask.run_plan`) with one more plugins
folder: the learned plugins are ordinary plugins, at priority 150 (below a site's own plugins, above the generic
rules), guarded like every rule. Where they live:

- beside the output, as the checkpoint is: `.NAME.cleanser-learned/` (NAME: the output file or folder, or the first
  input with --in-place), with `learned.json`, the first pass's outcome per host, written last. A resumed run
  (`--resume`) whose `learned.json` was made from the same inputs and options reuses it rather than learning again.
  The folder is removed when the run ends (interrupted runs keep it);
- in a temporary folder when the output is standard output (nothing to resume).

With `--jobs N` the first pass reads the sampled documents (the expensive part: parsing, extraction) and learns
the hosts in N worker processes; the parent streams the records and keeps the samples. On Dask
(`learn_on_dask`) each partition samples its hosts, the samples are merged per host (`foldby`, a per-host
reduction, each sample at most `sample` distinct documents) and each host is learned in a task.
"""

from __future__ import annotations

import atexit
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ..files import atomic_write
from ..learn.archive import (
    DEFAULT_MEMORY,
    DEFAULT_SAMPLE,
    MAX_HOSTS,
    READ_LIMIT,
    FirstPass,
    learn_outcome,
    with_sample_duplicates,
)
from ..learn.read import document_lines
from ..learn.settings import LearnSettings
from ..read.text import InputError, decode
from . import shared_rules
from .jsonl import parse_jsonl
from .plan import Plan, UsageError, default_jobs
from .records import JSONL, STDIN, Record
from .work import Options

STATE_SUFFIX = ".cleanser-learned"
MANIFEST = "learned.json"
MANIFEST_VERSION = 1
# Larger documents are not learned from: the first pass reads without the second's per-record time limit, and a
# page this size is no template's typical page (it is still cleaned, with the limit).
MAX_DOCUMENT = 2 * 2**20
_CHUNK_DOCS = 64  # documents read per task in a worker process
_CHUNK_BYTES = 512 * 1024
COMPILED = "compiled"  # an outcome's key, from a worker process: the matcher's expressions it compiled


@dataclass
class Learned:
    """What the first pass learned, and where the second pass finds it."""

    folder: Path  # the plugins the second pass loads
    hosts: dict[str, dict[str, Any]]  # outcome per host (report fields; the plugin files are in `folder`)
    seconds: float = 0.0
    reused: bool = False  # read back from an interrupted run's state (--resume)
    temporary: bool = False  # a temporary folder, removed after the run
    info: dict[str, Any] = field(default_factory=dict)  # sample size, memory bound, records without a site, ...

    def plugin_files(self) -> list[Path]:
        return sorted(self.folder.glob("*.toml"))


def with_learned(options: Options, folder: Path) -> Options:
    """The second pass's options: the learned plugins' folder after the others."""
    settings = options.settings
    return replace(options, settings=replace(settings, plugins_dirs=(*settings.plugins_dirs, str(folder))))


def state_folder(anchor: Path | None) -> Path | None:
    if anchor is None:
        return None
    anchor = anchor.resolve()
    return anchor.with_name(f".{anchor.name}{STATE_SUFFIX}")


def _fingerprint(plan: Plan, settings: LearnSettings, sample: int) -> dict[str, Any]:
    o = plan.options
    return json.loads(json.dumps({
        "inputs": [os.path.abspath(i) for i in plan.inputs],
        "include": plan.include, "exclude": plan.exclude, "input_format": plan.input_format,
        "url": o.url, "names": asdict(o.names), "settings": asdict(o.settings),
        "learn": asdict(settings), "sample": sample,
    }, default=sorted))


def learn_first(
    plan: Plan,
    *,
    settings: LearnSettings | None = None,
    sample: int = DEFAULT_SAMPLE,
    memory: int = DEFAULT_MEMORY,
    max_hosts: int = MAX_HOSTS,
    scheduler: str | None = None,
    anchor: Path | None = None,
) -> Learned:
    """Run the first pass over `plan`'s records (or reuse an interrupted run's, with `plan.resume`) and write the
    learned plugins where the second pass will load them. `anchor`: what the state sits beside (default: the run's
    output, as for the checkpoint)."""
    if STDIN in plan.inputs:
        raise UsageError("--learn reads the inputs twice (learn, then clean): standard input cannot be")
    settings = settings or LearnSettings()
    from .runner import records_of

    records, run_anchor = records_of(plan)
    folder = state_folder(anchor if anchor is not None else run_anchor)
    fingerprint = _fingerprint(plan, settings, sample)
    if folder is not None and plan.resume:
        reused = _reuse(folder, fingerprint)
        if reused is not None:
            return reused
    temporary = folder is None
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="cleanser-learned-"))
        # Removed however the run ends (a closed pipe, an error), not only by `finish`.
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    else:
        shutil.rmtree(folder, ignore_errors=True)  # a stale state: this run learns again
        folder.mkdir(parents=True)
    started = time.perf_counter()
    if scheduler:
        hosts, info = learn_on_dask(plan, settings, sample, scheduler, folder=folder)
    else:
        with _Outcomes(folder) as emit:
            counts, info = _learn_here(plan, records, settings, sample, memory, max_hosts, emit)
        hosts = emit.merged(counts)
    info.update(sample=sample, memory_bound_bytes=memory, max_hosts=max_hosts)
    learned = Learned(folder, hosts, time.perf_counter() - started, temporary=temporary, info=info)
    state = {"version": MANIFEST_VERSION, "fingerprint": fingerprint, "hosts": learned.hosts,
             "seconds": learned.seconds, "info": learned.info}
    atomic_write(folder / MANIFEST, json.dumps(state, ensure_ascii=False))  # last: the first pass is complete
    return learned


def _reuse(folder: Path, fingerprint: dict[str, Any]) -> Learned | None:
    try:
        state = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("version") != MANIFEST_VERSION or state.get("fingerprint") != fingerprint:
        return None
    return Learned(folder, state["hosts"], state["seconds"], reused=True, info=state["info"])


class _Outcomes:
    """Each host's outcome as the first pass hands it on: its plugin file written at once (atomically), the rest
    appended to `hosts.jsonl`, so that the pass holds neither."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.path = folder / "hosts.jsonl"

    def __enter__(self) -> _Outcomes:
        self.file = open(self.path, "w", encoding="utf-8")
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()

    def __call__(self, key: str, outcome: dict[str, Any]) -> None:
        shared_rules.compile_all(outcome.pop(COMPILED, ()))  # from a worker process (shared_rules.py)
        outcome = write_plugin(self.folder, outcome)
        self.file.write(json.dumps({"host": key, **outcome}, ensure_ascii=False) + "\n")

    def merged(self, counts: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """Each host's counts (records, duplicates) with its outcome, read back."""
        with open(self.path, encoding="utf-8") as fh:
            outcomes = {o.pop("host"): o for o in map(json.loads, fh)}
        return {key: with_sample_duplicates(c, outcomes.get(key, {})) for key, c in counts.items()}


def write_plugin(folder: Path, outcome: dict[str, Any]) -> dict[str, Any]:
    """Write a learned host's plugin file to `folder`; the outcome without it."""
    outcome = dict(outcome)
    text = outcome.pop("toml", None)
    if text:
        atomic_write(folder / f"{outcome['plugin']}.toml", text)
    return outcome


def copy_plugins(learned: Learned, target: str | Path) -> list[Path]:
    """`--learned-dir DIR`: the learned plugins, as ordinary plugin files for review (and `--plugins-dir`)."""
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in learned.plugin_files():
        atomic_write(folder / path.name, path.read_text(encoding="utf-8"))
        written.append(folder / path.name)
    return written


def finish(learned: Learned, *, keep: bool) -> None:
    """After the second pass: the state is removed (kept when `keep`: an interrupted run, to resume)."""
    if learned.temporary or not keep:
        shutil.rmtree(learned.folder, ignore_errors=True)


# --- the first pass on this machine -------------------------------------------------------------------------------

_reader = None  # the Cleaner of a first-pass worker process (inherited when forked)


def _document(record: Record, options: Options) -> tuple[str | None, str | bytes, str | None] | None:
    """(url, data, encoding) of a record to learn from; None for one that cannot be read or has nothing."""
    if record.error is not None:
        return None
    if record.kind == JSONL and isinstance(record.data, bytes):
        record = parse_jsonl(record, options.names)
        if record.error is not None:
            return None
    if record.empty is not None or not record.data or len(record.data) > MAX_DOCUMENT:
        return None
    return record.url or options.url, record.data, record.encoding


def _lines(cleaner, url: str | None, data: str | bytes, encoding: str | None, where: str) -> tuple[str, list[str]]:
    text = decode(data, where, encoding) if isinstance(data, bytes) else data
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text, document_lines(cleaner, text, url or "")


def _read_task(items: list[tuple[str | None, str | bytes, str | None, str]]) -> list[tuple[str, list[str]] | None]:
    out: list[tuple[str, list[str]] | None] = []
    for url, data, encoding, where in items:
        try:
            out.append(_lines(_reader, url, data, encoding, where))
        except InputError:
            out.append(None)
        except Exception:  # a page that breaks the reader is learned without; the second pass reports it
            out.append(None)
    return out


def _learn_task(key: str, docs, settings: LearnSettings, notes: list[str]) -> dict[str, Any]:
    before = shared_rules.compiled_now()
    outcome = learn_outcome(key, docs, settings, _reader, notes)
    # The expressions compiled for the host's rule book, for the parent to compile before forking the second pass.
    outcome[COMPILED] = shared_rules.compiled_since(before)
    return outcome


def _init_reader(options: Options) -> None:
    global _reader
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which shuts the pool down
    if _reader is None or _reader.settings != options.settings:
        from .work import build_cleaner

        _reader = build_cleaner(options)


def _learn_here(
    plan: Plan, records: Iterator[Record], settings: LearnSettings, sample: int, memory: int, max_hosts: int, emit
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    global _reader
    from .work import start_worker

    options = plan.options
    _reader = start_worker(options, process=False).cleaner  # plugins loaded once; forked workers inherit them
    jobs = plan.jobs or default_jobs()
    if jobs <= 1:
        first = FirstPass(settings, _reader, sample=sample, memory=memory, max_hosts=max_hosts, emit=emit)
        for key, url, data, encoding, where in _wanted(records, options, first):
            try:
                text, lines = _lines(_reader, url, data, encoding, where)
            except Exception:  # unreadable: the second pass reports it as failed
                continue
            first.add(key, url, text, lines)
        hosts = first.finish()
    else:
        hosts, first = _learn_in_pool(options, records, settings, sample, memory, max_hosts, jobs, emit)
    info = {"without_site": first.without_site, "untracked_records": first.untracked,
            "peak_sample_bytes": first.peak_held, "jobs": jobs}
    return hosts, info


def _wanted(records, options, first):
    """(host key, url, data, encoding, where) of each record the first pass wants: one with a document and a host
    that is still sampling."""
    for record in records:
        doc = _document(record, options)
        if doc is None:
            continue
        url, data, encoding = doc
        key = first.wants(url)
        if key is not None:
            yield key, url, data, encoding, record.where


def _learn_in_pool(options, records, settings, sample, memory, max_hosts, jobs, emit):
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1 else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_reader, initargs=(options,)) as pool:
        learning: deque[Future] = deque()

        def submit(key, docs, learn_settings, notes) -> Future:
            # Bounded: a host's sample waits in the pool's queue until learned; a few hosts at a time.
            while len(learning) >= 2 * jobs:
                learning.popleft().result()
            future = pool.submit(_learn_task, key, docs, learn_settings, notes)
            learning.append(future)
            return future

        first = FirstPass(settings, _reader, sample=sample, memory=memory, max_hosts=max_hosts, submit=submit,
                          emit=emit)
        reading: deque[tuple[list, Future]] = deque()

        def drain(limit: int) -> None:
            while len(reading) > limit:
                batch, future = reading.popleft()
                for (key, url), got in zip(batch, future.result(), strict=True):
                    if got is not None:
                        first.add(key, url, *got)

        batch: list[tuple[str, str | None]] = []
        items: list = []
        size = 0
        for key, url, data, encoding, where in _wanted(records, options, first):
            batch.append((key, url))
            items.append((url, data, encoding, where))
            size += len(data)
            if len(items) >= _CHUNK_DOCS or size >= _CHUNK_BYTES:
                reading.append((batch, pool.submit(_read_task, items)))
                batch, items, size = [], [], 0
                drain(3 * jobs)
        if items:
            reading.append((batch, pool.submit(_read_task, items)))
        drain(0)
        hosts = first.finish()
    return hosts, first


# --- the first pass on Dask ---------------------------------------------------------------------------------------


def learn_on_dask(
    plan: Plan,
    settings: LearnSettings,
    sample: int,
    scheduler: str | None,
    *,
    folder: Path | None = None,
    blocksize: int | None = None,
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Each partition samples its hosts; the samples are merged per host (a reduction; each stays at most `sample`
    distinct documents); each host is learned in its own task, which writes the host's plugin to `folder` (which
    the workers must see, as they see the output). Needs -o FOLDER, as `--scheduler` does."""
    from ..learn.archive import learn_settings_for_archive
    from . import dask as batch_dask

    if not plan.output:
        raise UsageError("--scheduler writes a folder of JSON Lines: give -o FOLDER")
    options = plan.options
    learn_settings = learn_settings_for_archive(settings, sample)
    parts = batch_dask.plan_parts(plan.inputs, Path(plan.output), include=plan.include, exclude=plan.exclude,
                                  input_format=plan.input_format, blocksize=blocksize or batch_dask.BLOCKSIZE)
    with batch_dask._scheduler(scheduler, None, plan.jobs) as compute:
        batch_dask._number_lines(parts, compute)
        bag = batch_dask._bag(parts).map(_sample_part, options, learn_settings, sample).flatten()
        merged = bag.foldby(
            lambda item: item[0],
            lambda acc, item: _merge(acc, item[1], learn_settings, sample),
            None,
            lambda a, b: _merge(a, b, learn_settings, sample),
            None,
        )
        results = compute(merged.map(_learn_merged, options, learn_settings, str(folder) if folder else None))
    hosts = dict(sorted(results))
    info = {"partitions": len(parts), "scheduler": scheduler}
    return hosts, info


def _sample_part(part: dict[str, Any], options: Options, settings: LearnSettings, sample: int) -> list:
    """One partition's hosts: (host, {"records": n, "docs": [(url, text, lines)], "url": a URL}) each."""
    from ..learn.dedup import Duplicates
    from ..learn.read import site_of
    from .jsonl import read_jsonl_range
    from .records import Source, read_source
    from .work import start_worker

    cleaner = start_worker(options, process=False).cleaner
    source = Source(part["name"], Path(part["path"]), part["rel"], part["kind"])
    if part["end"] is not None:
        records = read_jsonl_range(source, part["start"], part["end"], part["first"], options.names, parse=False)
    else:
        records = read_source(source, options.names, parse=False)
    hosts: dict[str, dict[str, Any]] = {}
    seen: dict[str, Duplicates] = {}
    for record in records:
        doc = _document(record, options)
        if doc is None:
            continue
        url, data, encoding = doc
        key = site_of(url)
        if key is None:
            continue
        host = hosts.setdefault(key, {"records": 0, "docs": [], "read": 0})
        host["records"] += 1
        if len(host["docs"]) >= sample or host["read"] >= READ_LIMIT * sample:
            continue
        host["read"] += 1
        try:
            text, lines = _lines(cleaner, url, data, encoding, record.where)
        except Exception:
            continue
        if not seen.setdefault(key, Duplicates(1.0)).seen(lines):  # near duplicates: when learned
            host["docs"].append((url, text, lines))
    for key, dup in seen.items():
        hosts[key]["duplicates"] = dup.duplicates
        hosts[key]["near_duplicates"] = dup.near
    return list(hosts.items())


def _merge(a: dict[str, Any] | None, b: dict[str, Any], settings: LearnSettings, sample: int) -> dict[str, Any]:
    """Two samples of one host as one: duplicates across them counted once, at most `sample` documents."""
    from ..learn.dedup import Duplicates

    if a is None:
        return b
    dup = Duplicates(1.0)
    docs = []
    for doc in a["docs"] + b["docs"]:
        if len(docs) < sample and not dup.seen(doc[2]):
            docs.append(doc)
    return {
        "records": a["records"] + b["records"],
        "docs": docs,
        "duplicates": a.get("duplicates", 0) + b.get("duplicates", 0) + dup.duplicates,
        "near_duplicates": a.get("near_duplicates", 0) + b.get("near_duplicates", 0) + dup.near,
    }


def _learn_merged(item: tuple[str, dict[str, Any]], options: Options, settings: LearnSettings, folder: str | None):
    from ..learn.archive import SITE_CONFIG, TOO_FEW, UNNAMED
    from ..learn.read import SiteDocument
    from ..plugins.scaffold import plugin_name
    from .work import start_worker

    key, sampled = item
    counts = {"records": sampled["records"]}
    if sampled.get("duplicates"):
        counts.update(duplicates=sampled["duplicates"], near_duplicates=sampled["near_duplicates"])
    docs = [SiteDocument(url, text, lines) for url, text, lines in sampled["docs"]]
    try:
        plugin_name(key)
    except ValueError:
        return key, {**counts, "status": UNNAMED}
    cleaner = start_worker(options, process=False).cleaner
    if docs and cleaner.sites.site_config(docs[0].url) is not None:
        return key, {**counts, "status": SITE_CONFIG}
    if len(docs) < settings.min_docs:
        return key, {**counts, "status": TOO_FEW, "sampled": len(docs)}
    outcome = learn_outcome(key, docs, settings, cleaner)
    return key, with_sample_duplicates(counts, write_plugin(Path(folder), outcome) if folder else outcome)


# --- the report ---------------------------------------------------------------------------------------------------


def report_section(learned: Learned, per_rule: dict[str, int], plugins_dir: str | None) -> dict[str, Any]:
    """The `learned` section of the run's `--report`: per host what was learned and what each rule removed."""
    hosts: dict[str, Any] = {}
    for host, outcome in learned.hosts.items():
        entry = dict(outcome)
        plugin = entry.get("plugin")
        if plugin:
            rules = []
            for rule in entry.get("rules", []):
                rules.append({**rule, "removed": per_rule.get(f"{plugin}/{rule['id']}", 0)})
            entry["rules"] = rules
            entry["removed"] = sum(r["removed"] for r in rules)
        if "review" in entry:
            entry["review_count"] = len(entry["review"])
            entry["review"] = entry["review"][:10]
        hosts[host] = entry
    by_status: dict[str, list[str]] = {}
    for host, entry in hosts.items():
        by_status.setdefault(entry.get("status", "?"), []).append(host)
    return {
        "hosts": hosts,
        "learned": by_status.get("learned", []),
        "no_rules": by_status.get("no rules", []),
        "too_few": {h: hosts[h].get("sampled", 0) for h in by_status.get("too few documents", [])},
        "rules": sum(len(e.get("rules", [])) for e in hosts.values() if e.get("plugin")),
        "removed": sum(e.get("removed", 0) for e in hosts.values()),
        "first_pass_seconds": round(learned.seconds, 3),
        "reused": learned.reused,
        "plugins_dir": plugins_dir,
        **learned.info,
    }


def add_to_report(path: str | Path, learned: Learned, plugins_dir: str | None) -> None:
    report = json.loads(Path(path).read_text(encoding="utf-8"))
    report["learned"] = report_section(learned, report.get("removals_per_rule", {}), plugins_dir)
    atomic_write(path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")


def summary_line(learned: Learned) -> str:
    statuses = [o.get("status") for o in learned.hosts.values()]
    rules = sum(len(o.get("rules", [])) for o in learned.hosts.values() if o.get("plugin"))
    how = "reused from the interrupted run" if learned.reused else f"first pass {learned.seconds:,.1f} s"
    return (f"learned: {statuses.count('learned')} hosts with rules ({rules} rules), "
            f"{statuses.count('no rules')} with none, {statuses.count('too few documents')} with too few documents; "
            f"{how}")
