"""Reading archives as a stream of records: files and folders, stdin, JSON Lines and WARC, gzipped or not.

The public API is `iter_records` and `Record`; the rest is shared with the batch runner (`runner.py`). The formats
are read in `jsonl.py` and `warc.py`.

    from cleanser.archive import iter_records

    for record in iter_records(["crawl/", "dump.jsonl.gz", "pages.warc.gz"], include=["*.html"]):
        if record.error:                      # a record that cannot be read: the reason, and the run goes on
            print(record.source, record.index, record.error)
            continue
        handle(record.data, record.url, record.fields)

Everything is streamed: a file in a folder is read when its turn comes, a JSON Lines file one line at a time, a WARC
file one record at a time, so memory stays flat whatever the archive's size. A folder is walked in sorted order, so
the same inputs always give the same records in the same order (resuming a run counts on it).
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from .json_members import Member

INPUT_FORMATS = ("auto", "doc", "jsonl", "warc")
DOC, JSONL, WARC = "doc", "jsonl", "warc"
STDIN = "-"
STDIN_NAME = "<stdin>"
# A record larger than this is refused rather than read into memory (a stray disk image in a scrape folder).
MAX_RECORD_BYTES = 64 * 1024 * 1024

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_WARC_SUFFIXES = (".warc", ".arc")
_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = (b"WARC/", b"filedesc://")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(slots=True)
class Record:
    """One document read from an input.

    - `source`: the file it came from, as given or found in a folder ("<stdin>" for standard input).
    - `index`: its 1-based record number in that file: the line number for JSON Lines, the record's position among
      all the file's records (requests and metadata included) for WARC, 1 for a plain document.
    - `url`: the JSONL record's URL field or the WARC record's target URI; None if unknown.
    - `data`: the document, `str` (JSON Lines) or `bytes` (files and WARC; cleanser decodes them).
    - `fields`: the JSONL record's other fields, untouched; a WARC record's id, date and offset.
    - `kind`: "doc", "jsonl" or "warc".
    - `error`: set when the record could not be read (with `data` empty): the reason.
    - `rel`: the path relative to the folder it was found in (a plain file's own name), for mirroring.
    - `end`: how far into its (possibly compressed) file the reader was after this record, for progress bars.
    - `encoding`: the charset the document's bytes were served in, when the transport said (a WARC record's HTTP
      Content-Type, a record's encoding field); cleanser decodes with it before the page's own <meta>.
    - `empty`: set when a JSON Lines record has neither HTML nor text to clean (both empty): why. It is written
      through as it came, and counted.
    - `doc_field`: the JSON Lines field the document came from ("html" or "text" by default).
    - `members`: a JSON Lines record's members as written, so that its output carries every field byte for byte.
    - `original`: the object a record was made from (a Dask bag element), for the same purpose.
    - `id`: the record's id field, for error reports.
    """

    source: str
    index: int
    url: str | None = None
    data: str | bytes = b""
    fields: dict[str, Any] = field(default_factory=dict)
    kind: str = DOC
    error: str | None = None
    rel: str = ""
    end: int = 0
    encoding: str | None = None
    empty: str | None = None
    doc_field: str | None = None
    members: list[Member] | None = None
    original: dict[str, Any] | None = None
    id: Any = None

    @property
    def where(self) -> str:
        """"file" for a plain document, "file, record N" for a record of an archive."""
        return self.source if self.kind == DOC else f"{self.source}, record {self.index}"


@dataclass(frozen=True, slots=True)
class FieldNames:
    """Which JSON Lines fields hold the document and its URL."""

    text: str = "text"
    html: str = "html"  # preferred over `text` when the record has it (and it is not empty)
    url: str = "url"
    id: str = "id"  # named in the errors file when a record fails
    encoding: str = "encoding"  # the charset of a document given as bytes (a Dask bag element)


@dataclass(frozen=True, slots=True)
class Source:
    """One input file (or stdin) and how to read it."""

    name: str  # as shown to the user: the path, or "<stdin>"
    path: Path | None  # None for stdin
    rel: str  # relative to the folder it was found in; a plain file's own name
    kind: str  # doc, jsonl or warc ("auto" resolved, except for stdin, which is sniffed when read)
    error: str | None = None  # a path found in a folder that cannot be read (a symlink loop, no permission)

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size if self.path is not None else 0
        except OSError:
            return 0


def iter_records(
    inputs: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    input_format: str = "auto",
    text_field: str = "text",
    html_field: str = "html",
    url_field: str = "url",
    on_error: Literal["yield", "skip", "raise"] = "yield",
) -> Iterator[Record]:
    """Every record of `inputs`, in order.

    `inputs` are files, folders (walked recursively, hidden files and folders skipped) or "-" for stdin. `include`
    and `exclude` are glob patterns for files found in folders ("*.html"; a pattern with a "/" is matched against
    the path relative to the folder); a file named directly is always read. `input_format` forces how every input
    is read; "auto" goes by the name: `.jsonl`/`.ndjson` is JSON Lines, `.warc`/`.arc` is WARC, anything else one
    document (a WARC file is recognised by its content too). Gzip is recognised by its magic bytes.

    JSON Lines: the document is the `html_field` when present, else the `text_field`; the URL is `url_field`; every
    other field is in `fields`. WARC: HTTP response records of HTML, with the target URI as URL; other records
    are skipped. `on_error`: "yield" records that cannot be read with `error` set, "skip" them, or "raise"
    `ArchiveError`.
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    names = FieldNames(text_field, html_field, url_field)
    for source in find_sources(inputs, include=include, exclude=exclude, input_format=input_format):
        for record in read_source(source, names):
            if record.error is not None:
                if on_error == "skip":
                    continue
                if on_error == "raise":
                    raise ArchiveError(f"{record.where}: {record.error}")
            yield record


class ArchiveError(ValueError):
    """A record that cannot be read (raised only with on_error="raise")."""


# --- finding the input files ------------------------------------------------------------------------------------


def find_sources(
    inputs: Iterable[str | os.PathLike],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    input_format: str = "auto",
    skip_dirs: Sequence[Path] = (),
    skip_names: Sequence[str] = (),
) -> Iterator[Source]:
    """The files to read, in order. A path that does not exist is still yielded: reading it reports the error.

    `skip_dirs` (e.g. the output folder) and files matching `skip_names` (e.g. backups) are never read from folders.
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input format must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}")
    skip = {p.resolve() for p in skip_dirs}
    for item in inputs:
        item = os.fspath(item)
        if item == STDIN:
            yield Source(STDIN_NAME, None, "stdin", input_format)
            continue
        path = Path(item)
        if path.is_dir():
            for found, error in _walk(path, include, exclude, skip, skip_names):
                rel = found.relative_to(path).as_posix()
                yield Source(str(found), found, rel, _kind(found.name, input_format), error)
        else:
            yield Source(item, path, path.name, _kind(path.name, input_format))


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str], skip: set[Path], skip_names: Sequence[str]):
    def matches(rel: str, name: str, patterns: Sequence[str]) -> bool:
        return any(fnmatch.fnmatch(rel if "/" in p else name, p) for p in patterns)

    # A folder that cannot be read, or a symlink back into a folder being walked, is yielded with the reason, so
    # that the run reports it in its errors file and goes on with the rest.
    def walk(folder: Path, above: frozenset[str]) -> Iterator[tuple[Path, str | None]]:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"folder cannot be read: {exc.strerror or exc}"
            return
        # Files and folders in one sorted order (a/deep/x, a/y, b), so a resumed run sees the same order.
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                yield path, f"cannot be read: {exc.strerror or exc}"
                continue
            if is_dir:
                real = os.path.realpath(path)
                if real in above:
                    yield path, "a symbolic link to a folder that contains it (a loop): not followed"
                elif Path(real) not in skip:
                    yield from walk(path, above | {real})
            elif not any(fnmatch.fnmatch(entry.name, p) for p in skip_names):
                yield path, None

    for found, error in walk(root, frozenset({os.path.realpath(root)})):
        rel = found.relative_to(root).as_posix()
        if error is None and include and not matches(rel, found.name, include):
            continue
        if error is None and exclude and matches(rel, found.name, exclude):
            continue
        yield found, error


def _kind(name: str, input_format: str) -> str:
    if input_format != "auto":
        return input_format
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if lower.endswith(_JSONL_SUFFIXES):
        return JSONL
    if lower.endswith(_WARC_SUFFIXES):
        return WARC
    return DOC


def is_archive_name(name: str) -> bool:
    """True when `name` would be read as JSON Lines or WARC."""
    return _kind(name, "auto") != DOC


# --- reading one input ------------------------------------------------------------------------------------------


def read_source(source: Source, names: FieldNames = FieldNames(), *, parse: bool = True) -> Iterator[Record]:
    """The records of one input. With `parse=False`, JSON Lines records carry the raw line as `data` and are
    parsed later by `parse_jsonl` (the batch runner parses in its worker processes, not in the reader)."""
    if source.error is not None:
        yield _failed(source, 1, source.error)
        return
    try:
        raw = sys.stdin.buffer if source.path is None else open(source.path, "rb")  # noqa: SIM115 (closed below)
    except OSError as exc:
        yield _failed(source, 1, _os_reason(exc))
        return
    try:
        head = _peek(raw, 8)
        if source.kind == WARC and head and not _is_warc(raw, head):
            yield _failed(source, 1, "not a WARC file: it does not start with a WARC record")
            return
        if source.kind == WARC or (source.kind in (DOC, "auto") and _is_warc(raw, head)):
            from .warc import read_warc  # the formats' modules import this one's types

            yield from read_warc(source, raw)
            return
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if head.startswith(_GZIP_MAGIC) else raw
        if source.kind == "auto":  # standard input: JSON Lines when its first line is a JSON object
            stream, is_jsonl = _sniff_jsonl(stream)
            if is_jsonl:
                source = Source(source.name, source.path, source.rel, JSONL)
        if source.kind == JSONL:
            from .jsonl import read_jsonl

            yield from read_jsonl(source, stream, names, parse, raw)
        else:
            record = _read_doc(source, stream)
            record.end = _tell(raw)
            yield record
    finally:
        if source.path is not None:
            raw.close()


class _Replay(io.RawIOBase):
    """A stream whose first bytes were already read: they are given again, then the rest of the stream."""

    def __init__(self, first: bytes, rest: IO[bytes]):
        self.first = first
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.first:
            n = min(len(buffer), len(self.first))
            buffer[:n] = self.first[:n]
            self.first = self.first[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _sniff_jsonl(stream: IO[bytes]) -> tuple[IO[bytes], bool]:
    """Whether a stream of unknown kind is JSON Lines: its first non-blank line is a JSON object. The stream is
    given back whole."""
    first = b""
    while not first.strip():
        line = stream.readline(MAX_RECORD_BYTES + 1)
        first += line
        if not line or len(first) > MAX_RECORD_BYTES:
            break
    replay = io.BufferedReader(_Replay(first, stream), 1 << 16)
    line = first.strip()
    if not line.startswith(b"{") or not line.endswith(b"}"):
        return replay, False
    try:
        return replay, isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return replay, False


def _tell(raw: IO[bytes]) -> int:
    try:
        return raw.tell()
    except OSError:  # a pipe
        return 0


def _peek(raw: IO[bytes], n: int) -> bytes:
    if hasattr(raw, "peek"):
        try:
            return raw.peek(n)[:n]
        except OSError:
            return b""
    return b""


def _is_warc(raw: IO[bytes], head: bytes) -> bool:
    """WARC (or its predecessor ARC) by its first bytes, gzipped or not."""
    if head.startswith(_WARC_MAGIC):
        return True
    if not head.startswith(_GZIP_MAGIC) or not hasattr(raw, "peek"):
        return False
    try:
        start = zlib.decompressobj(wbits=31).decompress(raw.peek(512)[:512], 16)
    except zlib.error:
        return False
    return start.startswith(_WARC_MAGIC)


def _failed(source: Source, index: int, reason: str, kind: str | None = None) -> Record:
    return Record(source.name, index, kind=kind or (source.kind if source.kind != "auto" else DOC), error=reason,
                  rel=source.rel)


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, EOFError):
        return f"compressed data ends early ({exc})"
    return str(exc) or type(exc).__name__


def _read_doc(source: Source, stream: IO[bytes]) -> Record:
    try:
        data = stream.read(MAX_RECORD_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return _failed(source, 1, _os_reason(exc), DOC)
    if len(data) > MAX_RECORD_BYTES:
        return _failed(source, 1, f"larger than {MAX_RECORD_BYTES // 2**20} MiB: not read", DOC)
    return Record(source.name, 1, data=data, kind=DOC, rel=source.rel)


def add_input_options(group) -> None:
    """The command-line options that say how archives are read (`clean` and `learn` both take them)."""
    group.add_argument("--include", action="append", default=[], metavar="GLOB",
                       help="in folders, read only files matching GLOB (repeatable; '*.html', 'news/*.txt')")
    group.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                       help="in folders, skip files matching GLOB (repeatable)")
    group.add_argument("--input-format", choices=("auto", "doc", "jsonl", "warc"), default="auto",
                       help="how to read every input (default auto: .jsonl/.ndjson JSON Lines, .warc WARC, else one "
                       "document)")
    group.add_argument("--text-field", default="text", metavar="NAME",
                       help="JSON Lines field of the text (default: text)")
    group.add_argument("--html-field", default="html", metavar="NAME",
                       help="JSON Lines field of the HTML, read instead of the text when present (default: html)")
    group.add_argument("--url-field", default="url", metavar="NAME", help="JSON Lines field of the URL (default: url)")
    group.add_argument("--id-field", default="id", metavar="NAME",
                       help="JSON Lines field of the record's id, named in the errors file (default: id)")
