"""What an archive record becomes: the record as it came, with only its text field changed, and cleanser's results
under one key of their own.

The contract (docs/archives.md, "The record contract"):

- every field of the input record is written back byte for byte (a JSON Lines line's members as written, not
  re-encoded), in the same order;
- the text field (`--text-field`, default `text`) holds the cleaned text; a record whose document was HTML gets
  the cleaned text in its text field too (added after its last field when it had none), its HTML field untouched;
- cleanser's results go under one key, `cleanser` by default (`--meta-field NAME`, or none with `--no-meta`),
  written last: the audit (`removed`, `refused`), `flags`, `metadata`, `site`, ... (`blocks` only when asked for);
- a record that fails is written all the same, unchanged, with the reason as `cleanser.error`; one with nothing to
  clean (HTML and text both empty) unchanged, with the reason as `cleanser.skipped`.

A WARC record has no fields of its own beyond its URL and identity: its output is `url`, `warc_record_id`,
`warc_date`, `warc_offset`, the text, then the results.
"""

from __future__ import annotations

from typing import Any

from ..result import Result
from .json_members import dump_value
from .records import FieldNames, Record

META_FIELD = "cleanser"


def results(result: Result, fmt: str | None, *, blocks: bool) -> dict[str, Any]:
    """cleanser's results for a record: `Result.to_dict()` less the text (it is in the record's text field) and,
    unless asked for, the per-block data, which multiplies an archive's size; with --format markdown or html, that
    rendering."""
    out = result.to_dict()
    del out["text"]
    if not blocks:
        del out["blocks"]
    if fmt in ("markdown", "html"):
        out[fmt] = getattr(result, fmt)
    return out


def collision(record: Record, meta_field: str | None) -> str | None:
    """Why the record cannot carry the results under `meta_field` (it has a field of that name), or None."""
    if meta_field and meta_field in _keys(record):
        return (f"the record already has a field {meta_field!r}, which cleanser's results would overwrite: "
                "name another with --meta-field NAME, or drop them with --no-meta")
    return None


def _keys(record: Record) -> set[str]:
    if record.members is not None:
        return {m.key for m in record.members}
    if record.original is not None:
        return set(record.original)
    return set()


def to_line(
    record: Record, names: FieldNames, meta_field: str | None, text: str | None, meta: dict[str, Any] | None
) -> bytes:
    """The output line of a record. `text` None leaves the text field as it came (a failed or empty record)."""
    add_meta = bool(meta_field) and meta is not None and collision(record, meta_field) is None
    if record.members is None:
        obj = to_object(record, names, meta_field if add_meta else None, text, meta)
        return dump_value(obj).encode("utf-8")
    parts = []
    replaced = False
    for m in record.members:
        if text is not None and m.key == names.text:
            parts.append(f"{m.raw_key}: {dump_value(text)}")
            replaced = True
        else:
            parts.append(f"{m.raw_key}: {m.raw_value}")
    if text is not None and not replaced:
        parts.append(f"{dump_value(names.text)}: {dump_value(text)}")
    if add_meta:
        parts.append(f"{dump_value(meta_field)}: {dump_value(meta)}")
    return ("{" + ", ".join(parts) + "}").encode("utf-8")


def to_object(
    record: Record, names: FieldNames, meta_field: str | None, text: str | None, meta: dict[str, Any] | None
) -> dict[str, Any]:
    """The output of a record as a dict (a Dask bag element, or a record read from a dict or a WARC file)."""
    if record.original is not None:
        out = dict(record.original)
    else:  # WARC, or a line too broken to have fields
        out = {names.url: record.url, **record.fields} if record.url is not None or record.fields else {}
    if text is not None:
        out[names.text] = text
    if meta_field and meta is not None and meta_field not in (record.original or {}):
        out[meta_field] = meta
    return out


def failed_line(
    record: Record, raw: str | bytes, names: FieldNames, meta_field: str | None, reason: str
) -> bytes | None:
    """A record that failed, written through: its fields unchanged and `cleanser.error`. A line that is not a JSON
    object keeps its text under `cleanser.line` (with --no-meta: the line as it came), so the output stays one line
    per record. None when there is nothing to write (no line was read, and no results are wanted)."""
    if record.members is not None or record.original is not None or record.fields or record.url is not None:
        return to_line(record, names, meta_field, None, {"error": reason})
    raw = raw.rstrip(b"\r\n") if isinstance(raw, bytes) else raw.rstrip("\r\n").encode("utf-8", "surrogatepass")
    if not meta_field:
        return raw or None
    line = raw.decode("utf-8", "replace")
    return dump_value({meta_field: {"error": reason, **({"line": line} if line else {})}}).encode("utf-8")
