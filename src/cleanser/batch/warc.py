"""WARC records: the HTML and text responses of a WARC file, with the HTTP charset; a cut file is an error naming its
offset, after every record read before it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from w3lib.encoding import http_content_type_encoding

from .records import _HTML_TYPES, MAX_RECORD_BYTES, WARC, Record, Source, _failed, _tell


def read_warc(source: Source, raw: IO[bytes]) -> Iterator[Record]:
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
