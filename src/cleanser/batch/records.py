"""Reading archives as a stream of records: files and folders, stdin, JSON Lines and WARC, gzipped or not.

The public API is `iter_records` and `Record`; the rest is shared with the batch runner (`batch.py`).

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

from w3lib.encoding import http_content_type_encoding

from .json_members import Member, scan_object

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
            yield from _read_warc(source, raw)
            return
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if head.startswith(_GZIP_MAGIC) else raw
        if source.kind == "auto":  # standard input: JSON Lines when its first line is a JSON object
            stream, is_jsonl = _sniff_jsonl(stream)
            if is_jsonl:
                source = Source(source.name, source.path, source.rel, JSONL)
        if source.kind == JSONL:
            yield from _read_jsonl(source, stream, names, parse, raw)
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


def _read_jsonl(
    source: Source,
    stream: IO[bytes],
    names: FieldNames,
    parse: bool,
    raw: IO[bytes],
    first: int = 1,
    stop: int | None = None,
) -> Iterator[Record]:
    number = first - 1
    while True:
        number += 1
        if stop is not None and stream.tell() >= stop:
            return
        try:
            line = stream.readline(MAX_RECORD_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield _failed(source, number, f"cannot be read: {_os_reason(exc)}; the rest of the file is skipped")
            return
        if not line:
            return
        if len(line) > MAX_RECORD_BYTES:
            yield _failed(source, number, f"line longer than {MAX_RECORD_BYTES // 2**20} MiB: not read")
            while line and not line.endswith(b"\n"):  # skip the rest of the line without holding it
                line = stream.readline(1 << 20)
            continue
        if not line.strip():
            continue
        record = Record(source.name, number, data=line, kind=JSONL, rel=source.rel, end=_tell(raw))
        yield parse_jsonl(record, names) if parse else record


def read_jsonl_range(
    source: Source, start: int, end: int, first: int, names: FieldNames = FieldNames(), *, parse: bool = True
) -> Iterator[Record]:
    """The records of an uncompressed JSON Lines file whose lines start in bytes [start, end): one partition of a
    large file (`cleanser.dask`). `first` is the line number of the first of them, for error reports."""
    try:
        raw = open(source.path, "rb")  # noqa: SIM115 (closed below)
    except OSError as exc:
        yield _failed(source, first, _os_reason(exc))
        return
    with raw:
        if start:
            raw.seek(start - 1)
            raw.readline()  # the line that started before `start` belongs to the previous partition
        yield from _read_jsonl(source, raw, names, parse, raw, first, end)


def parse_jsonl(record: Record, names: FieldNames = FieldNames()) -> Record:
    """Turn a record holding a raw JSON line into the document, URL and carried-through fields; the line's members
    are kept as written (`Record.members`) for the output."""
    data = record.data
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        return _bad_line(record, f"not valid JSON: not UTF-8 ({exc})")
    try:
        members = scan_object(text.rstrip("\r\n"))
    except (json.JSONDecodeError, RecursionError) as exc:
        return _bad_line(record, f"not valid JSON: {exc}")
    except TypeError as exc:
        return _bad_line(record, str(exc))
    parsed = from_object({m.key: m.value for m in members}, record, names)
    parsed.members = members
    return parsed


def from_object(obj: dict[str, Any], record: Record, names: FieldNames = FieldNames()) -> Record:
    """A record from a JSON object (a parsed line, or an element of a Dask bag); `obj` is not changed.

    The document is the HTML field when it holds markup, else the text field: an HTML field that is missing, null,
    empty or only spaces gives way to the text. A record whose HTML and text are both empty (or missing, one of
    them empty) is marked `empty`: there is nothing to clean, and it is written through as it came."""
    fields = dict(obj)
    html = obj.get(names.html)
    key = names.text if html is None or _blank(html) else names.html
    doc = fields.pop(key, None)
    if key == names.html:
        fields.pop(names.text, None)  # replaced by the cleaned text
    elif html is not None and doc is None:
        doc = ""  # an empty HTML field and no text field: nothing to clean, not a broken record
    url = fields.pop(names.url, None)
    encoding = obj.get(names.encoding)
    base = dict(source=record.source, index=record.index, kind=JSONL, rel=record.rel, end=record.end,
                original=obj, id=obj.get(names.id), doc_field=key)
    if not isinstance(doc, str | bytes):
        got = "missing" if doc is None else f"a {type(doc).__name__}, not a string"
        wanted = f"{names.html!r} or {names.text!r}" if key == names.text else repr(key)
        return Record(fields=fields, error=f"no document: the field {wanted} is {got}", **base)
    if url is not None and not isinstance(url, str):
        return Record(fields=fields, error=f"the URL field {names.url!r} is a {type(url).__name__}, not a string",
                      **base)
    if encoding is not None and not isinstance(encoding, str):
        encoding = None  # a field of that name that is not a charset label is the user's own business
    empty = None
    if _blank(doc):
        empty = f"nothing to clean: the fields {names.html!r} and {names.text!r} are empty or missing"
    return Record(url=url, data=doc, fields=fields, encoding=encoding, empty=empty, **base)


def _blank(value: Any) -> bool:
    """An empty or whitespace-only string (or bytes)."""
    return isinstance(value, str | bytes) and not value.strip()


def _bad_line(record: Record, reason: str) -> Record:
    return Record(record.source, record.index, kind=JSONL, error=reason, rel=record.rel, end=record.end)


def _read_warc(source: Source, raw: IO[bytes]) -> Iterator[Record]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield _failed(source, 1, "reading WARC needs warcio: pip install 'cleanser[archive]'", WARC)
        return
    number = 0
    iterator = ArchiveIterator(raw)
    end = 0  # where the last record read whole ends, in the file's (possibly compressed) bytes
    while True:
        number += 1
        try:
            record = next(iterator)
        except StopIteration:
            cut = _cut_at(source, number, end)
            if cut is not None:
                yield cut
            return
        except Exception as exc:  # warcio on a damaged file: ArchiveLoadFailed, zlib, even AttributeError
            yield _failed(source, number, _damaged(exc, end), WARC)
            return
        if record.format == "warc" and not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
            # Every WARC record has a length; a header without one is a header the file stops inside.
            offset = iterator.get_record_offset()
            yield _failed(source, number, f"the file is cut short: an incomplete record header at byte {offset}; the "
                          "records before it were read", WARC)
            return
        try:
            found = _warc_record(source, number, record, iterator)
            if found is None and _cut_short(record):
                found = _failed(source, number, "the record ends early: the file is cut short", WARC)
        except Exception as exc:
            found = _failed(source, number, f"cannot be read: {exc or type(exc).__name__}", WARC)
        try:
            end = iterator.get_record_offset() + iterator.get_record_length()
        except Exception:
            end = -1  # unknown: the end-of-file check is left out
        if found is not None:
            found.end = _tell(raw)
            yield found


def _damaged(exc: Exception, end: int) -> str:
    """warcio's own message when it is one (ArchiveLoadFailed, zlib); a Python error inside it is not a reason."""
    where = f" at byte {end}" if end >= 0 else ""
    if isinstance(exc, AttributeError | TypeError | IndexError | KeyError | ValueError) and \
            type(exc).__module__ == "builtins":
        return f"cannot be read: the file is cut short or damaged{where}; the rest of the file is skipped"
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return f"cannot be read{where}: {reason}; the rest of the file is skipped"


def _cut_at(source: Source, number: int, end: int) -> Record | None:
    """A WARC file that goes on after its last whole record was cut inside the next record's header."""
    if source.path is None or end < 0:
        return None
    try:
        with open(source.path, "rb") as fh:
            fh.seek(end)
            rest = fh.read(1 << 16)
    except OSError:
        return None
    if not rest.strip(b"\r\n\x00"):
        return None
    return _failed(source, number, f"the file is cut short: an incomplete record at byte {end}; the records before it "
                   "were read", WARC)
def _cut_short(record) -> bool:
    """Read a skipped record to its end (the iterator would anyway) to tell whether the file stops inside it."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return getattr(stream, "limit", 0) > 0


def _warc_record(source: Source, number: int, record, iterator) -> Record | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or (ctype and not ctype.startswith(_HTML_TYPES)):
        return None
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) <= MAX_RECORD_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
        return _failed(source, number, "the record ends early: the file is cut short", WARC)
    fields = {
        "warc_record_id": record.rec_headers.get_header("WARC-Record-ID"),
        "warc_date": record.rec_headers.get_header("WARC-Date"),
        "warc_offset": iterator.get_record_offset(),  # after the body: asking first would skip it
    }
    url = record.rec_headers.get_header("WARC-Target-URI")
    if len(body) > MAX_RECORD_BYTES:
        return _failed(source, number, f"body larger than {MAX_RECORD_BYTES // 2**20} MiB: not read", WARC)
    # The HTTP charset outranks the page's own <meta>; the cleaner checks it against the bytes (charset.py).
    return Record(source.name, number, url=url, data=body, fields=fields, kind=WARC, rel=source.rel,
                  encoding=http_content_type_encoding(ctype))


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
