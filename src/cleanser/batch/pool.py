"""Executing chunks: in this process, or in a pool of worker processes with a per-record time limit.

Results come back in input order. A worker that dies (or is killed for running past `--record-timeout`) is replaced;
its chunk is cleaned again record by record, so only the record that killed it fails.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from typing import Any

from . import record_output, watch
from .jsonl import parse_jsonl
from .records import DOC, JSONL, Record
from .watch import Watch
from .work import ChunkResult, Options, Stats, clean_chunk, start_worker


def _results(chunks: Iterator[list[Record]], jobs: int, options: Options) -> Iterator[tuple[list, ChunkResult]]:
    """(chunk, result) in input order. One chunk, or one job: in this process, with no pool to start."""
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    ahead = [first] if second is None else [first, second]
    timeout = options.settings.record_timeout
    # With a time limit every chunk goes to a worker process, which can be stopped; a lone record stays here.
    alone = second is None and (not timeout or len(first) == 1)
    if alone or (jobs <= 1 and not timeout):
        worker = start_worker(options, process=False)
        for chunk in chain(ahead, chunks):
            yield chunk, worker.clean_chunk(chunk)
        return
    with _Pool(max(jobs, 1), options) as pool:
        yield from pool.map(chain(ahead, chunks))


class _Pool:
    """Worker processes, a bounded window of chunks in flight, results in order; survives a worker's death."""

    def __init__(self, jobs: int, options: Options):
        self.jobs = jobs
        self.options = options
        self.window = jobs * 3
        # Forked workers inherit this process's cleaner (plugins loaded once). Forking is unsafe once threads run
        # (a Dask client in the same process), so then the workers start fresh.
        start_worker(options, process=False)
        methods = multiprocessing.get_all_start_methods()
        method = "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"
        self.context = multiprocessing.get_context(method)
        timeout = options.settings.record_timeout
        self.watch = Watch(self.context, timeout) if timeout else None
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        slots = self.watch.initargs() if self.watch is not None else None
        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_init_process,
                                   initargs=(self.options, os.getpid(), slots))

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, kind, *exc) -> None:
        if kind is not None:  # interrupted: a worker stuck in C code would hold the shutdown, so stop them all
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.kill()
        self.executor.shutdown(wait=kind is None, cancel_futures=True)

    def _result(self, future) -> ChunkResult:
        """The chunk's result; a record past the time limit has its worker killed (BrokenProcessPool follows)."""
        if self.watch is None:
            return future.result()
        while True:
            try:
                return future.result(timeout=min(1.0, self.watch.limit / 4))
            except FutureTimeout:
                self.watch.overdue()

    def map(self, chunks: Iterator[list[Record]]) -> Iterator[tuple[list, ChunkResult]]:
        pending: deque = deque()
        chunks = iter(chunks)
        while True:
            while len(pending) < self.window:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, self.executor.submit(clean_chunk, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                result = self._result(future)
            except BrokenProcessPool:
                result = self._recover(chunk, pending)
            yield chunk, result

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        if self.watch is not None:
            self.watch.clear()
            self.watch.killed.clear()
        self.executor = self._new()

    def _recover(self, chunk: list[Record], pending: deque) -> ChunkResult:
        """A worker died (a crash in a native library, the OOM killer): find the record that killed it by cleaning
        this chunk one record at a time, report that record as failed, and go on."""
        waiting = [c for c, _ in pending]
        pending.clear()
        self._restart()
        results = []
        for record in chunk:
            try:
                results.append(self._result(self.executor.submit(clean_chunk, [record])))
            except BrokenProcessPool:
                stats = Stats(documents=1, failed=1, bytes=len(record.data))
                if self.watch is not None and self.watch.killed:
                    reason = (f"took longer than {self.watch.limit:g} s (--record-timeout): stopped, "
                              "its worker process replaced")
                else:
                    reason = "the worker process died while cleaning it"
                output, record_id = _died(record, reason, self.options)
                results.append(ChunkResult([output], [(0, reason, record_id)], stats))
                self._restart()
        for c in waiting:
            pending.append((c, self.executor.submit(clean_chunk, c)))
        merged = ChunkResult([], [], Stats())
        for i, r in enumerate(results):
            merged.outputs.extend(r.outputs)
            merged.errors.extend((i, reason, record_id) for _, reason, record_id in r.errors)
            merged.stats.add(r.stats)
        return merged


def _died(record: Record, reason: str, options: Options) -> tuple[bytes | None, Any]:
    """The output of a record whose worker died (written through like any failed record), and its id."""
    parsed = parse_jsonl(record, options.names) if record.kind == JSONL and record.error is None else record
    if record.kind == DOC or options.mode != "clean" or options.json not in ("always", "archives"):
        return None, parsed.id
    return record_output.failed_line(parsed, record.data, options.names, options.meta_field, reason), parsed.id


def _init_process(options: Options, parent: int, slots: tuple | None) -> None:
    # A forked worker inherits the parent's SIGTERM handler; the pool stops workers with SIGTERM, so restore it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if slots is not None:
        watch.join(*slots)
    start_worker(options, process=True)
    # A parent killed with SIGKILL cannot stop its workers; they notice it is gone and leave.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)
