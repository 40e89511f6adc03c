"""JSON Lines records: reading a file a line at a time (or a byte range of it), and a line's fields into a record."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import IO, Any

from .json_members import scan_object
from .records import JSONL, MAX_RECORD_BYTES, FieldNames, Record, Source, _failed, _os_reason, _tell

_NAMES = FieldNames()  # the default field names (a frozen value)


def read_jsonl(
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
    source: Source, start: int, end: int, first: int, names: FieldNames = _NAMES, *, parse: bool = True
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
        yield from read_jsonl(source, raw, names, parse, raw, first, end)


def parse_jsonl(record: Record, names: FieldNames = _NAMES) -> Record:
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


def from_object(obj: dict[str, Any], record: Record, names: FieldNames = _NAMES) -> Record:
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
