"""What a `cleanser clean` run is asked to do (`Plan`), and the checks made before it starts."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import record_output
from .paths import PathError, check_output
from .records import JSONL, STDIN, WARC, find_sources, is_archive_name, read_source
from .work import Options


class UsageError(ValueError):
    """Options that do not make sense together; the message says why."""


def _checked(inputs: list[str], output: str, *, mirror: bool) -> None:
    try:
        check_output(inputs, output, mirror=mirror)
    except PathError as exc:
        raise UsageError(str(exc)) from None


@dataclass
class Plan:
    """One `cleanser clean` run."""

    inputs: list[str] = field(default_factory=lambda: [STDIN])
    options: Options = field(default_factory=Options)
    output: str | None = None  # a file, or a folder to mirror the inputs into; None: stdout
    in_place: bool = False
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    input_format: str = "auto"
    jobs: int = 0  # 0: the number of cores
    resume: bool = False
    errors: str | None = None  # default: OUTPUT.errors.jsonl (or beside the first input, in place)
    report: str | None = None
    checkpoint: str | None = None  # default: a hidden file beside the output
    progress: bool | None = None  # None: on a terminal
    quiet: bool = False
    chunk_bytes: int = 256 * 1024
    chunk_records: int = 256


def check_meta_field(plan: Plan) -> None:
    """Refuse, before the run starts, a results field that a record already has: the first record of each JSON
    Lines input is looked at (a later record with that field fails on its own, written through unchanged)."""
    opts = plan.options
    meta, names = opts.meta_field, opts.names
    if not meta or opts.mode != "clean":
        return
    if meta in (names.text, names.html, names.url):
        raise UsageError(f"--meta-field {meta!r} is also the record's text, HTML or URL field: choose another name")
    inputs = [i for i in plan.inputs if i != STDIN]
    for source in find_sources(inputs, include=plan.include, exclude=plan.exclude, input_format=plan.input_format):
        if source.kind != JSONL:
            continue
        records = read_source(source, names)
        first = next(records, None)
        records.close()
        reason = record_output.collision(first, meta) if first is not None and first.error is None else None
        if reason:
            raise UsageError(f"{first.where}: {reason}")


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def is_jsonl_name(path: str) -> bool:
    name = path.lower().removesuffix(".gz")
    return name.endswith((".jsonl", ".ndjson", ".jsonlines"))


def resolve_format(fmt: str | None, inputs: list[str], output: str | None, input_format: str) -> str:
    """No --format: JSON for a JSON Lines output or archive inputs, else text (what `cleanser clean` always did)."""
    if fmt:
        return fmt
    if output and is_jsonl_name(output):
        return "json"
    if input_format in (JSONL, WARC) or any(i != STDIN and is_archive_name(i) for i in inputs):
        return "json"
    return "text"
