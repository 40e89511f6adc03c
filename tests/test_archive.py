"""Reading archives: folders, JSON Lines, WARC, gzip; records in order, bad records reported and skipped over."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from conftest import CORPUS
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanser
from cleanser.batch.jsonl import read_jsonl_range
from cleanser.batch.records import (
    ArchiveError,
    FieldNames,
    Source,
    find_sources,
    iter_records,
)

ARTICLES = CORPUS / "articles"
PAGE = (
    "<html><head><title>Harbour works</title></head><body><nav>Home | World | Sport</nav><article>"
    "<h1>Harbour works to start in June</h1><p>The council said on Tuesday that the long-delayed harbour works would "
    "begin in June and take two years, with the north quay closed to boats for the first six months.</p>"
    "<p>Fishing crews will moor at the old ferry pier in the meantime, the harbour master said.</p>"
    "</article></body></html>"
)


def make_warc(path: Path, pages: list[tuple], *, gz: bool = True) -> Path:
    """A WARC file: a warcinfo record, then per page (url, body, content type[, status]) a request and a response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "cleanser tests"}))
        for url, body, ctype, *rest in pages:
            status = rest[0] if rest else "200 OK"
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            body = body.encode("utf-8") if isinstance(body, str) else body
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return path


def write_jsonl(path: Path, lines: list, *, gz: bool = False) -> Path:
    data = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def test_folder_is_walked_in_sorted_order_with_globs_and_hidden_files_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for rel in ("z.txt", "b/one.html", "a/deep/two.txt", "a/notes.md", ".hidden.txt", ".git/HEAD", "a/x.txt"):
        (tmp_path / rel).write_text(f"Article text of {rel}.\n", encoding="utf-8")
    rels = [r.rel for r in iter_records(tmp_path)]
    assert rels == ["a/deep/two.txt", "a/notes.md", "a/x.txt", "b/one.html", "z.txt"]
    assert [r.rel for r in iter_records(tmp_path, include=["*.txt"])] == ["a/deep/two.txt", "a/x.txt", "z.txt"]
    assert [r.rel for r in iter_records(tmp_path, include=["a/*"], exclude=["*.md"])] == [
        "a/deep/two.txt", "a/x.txt"]
    record = next(iter_records(tmp_path / "z.txt", include=["*.html"]))  # a file named directly is always read
    assert (record.data, record.index, record.kind, record.url) == (b"Article text of z.txt.\n", 1, "doc", None)
    assert record.source == str(tmp_path / "z.txt")


def test_jsonl_fields_text_html_url_and_carried_fields(tmp_path):
    path = write_jsonl(tmp_path / "dump.jsonl", [
        {"id": 1, "text": "Plain text one.", "url": "https://a.example/1", "tags": ["x"]},
        "",
        {"id": 2, "text": "ignored teaser", "html": "<p>Page two.</p>", "url": "https://a.example/2"},
        {"id": 3, "html": None, "text": "Text three."},
    ])
    records = list(iter_records(path))
    assert [r.index for r in records] == [1, 3, 4]  # line numbers: the blank line counts
    assert [r.data for r in records] == ["Plain text one.", "<p>Page two.</p>", "Text three."]
    assert [r.url for r in records] == ["https://a.example/1", "https://a.example/2", None]
    assert records[0].fields == {"id": 1, "tags": ["x"]}
    assert records[1].fields == {"id": 2}  # the text field gives way to the HTML and is not carried
    assert records[2].fields == {"id": 3, "html": None}
    assert {r.kind for r in records} == {"jsonl"}


def test_jsonl_other_field_names(tmp_path):
    path = write_jsonl(tmp_path / "d.ndjson", [{"body": "Some body text.", "link": "https://b.example/", "url": 5}])
    (record,) = iter_records(path, text_field="body", url_field="link")
    assert (record.data, record.url, record.fields) == ("Some body text.", "https://b.example/", {"url": 5})


def test_bad_jsonl_lines_are_reported_with_their_line_and_reading_goes_on(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", [
        {"text": "First good record."},
        "{not json",
        "[1, 2]",
        {"title": "no text here"},
        {"text": 42},
        {"text": "Has a bad URL.", "url": ["x"]},
        {"text": "Last good record."},
    ])
    records = list(iter_records(path))
    assert [(r.index, r.error is None) for r in records] == [
        (1, True), (2, False), (3, False), (4, False), (5, False), (6, False), (7, True)]
    reasons = [r.error for r in records if r.error]
    assert reasons[0].startswith("not valid JSON")
    assert reasons[1] == "a JSON list, not an object"
    assert reasons[2] == "no document: the field 'html' or 'text' is missing"
    assert reasons[3] == "no document: the field 'html' or 'text' is a int, not a string"
    assert reasons[4] == "the URL field 'url' is a list, not a string"
    assert [r.data for r in iter_records(path, on_error="skip")] == ["First good record.", "Last good record."]
    with pytest.raises(ArchiveError, match=r"bad.jsonl, record 2: not valid JSON"):
        list(iter_records(path, on_error="raise"))


def test_gzip_is_recognised_by_its_bytes(tmp_path):
    write_jsonl(tmp_path / "a.jsonl.gz", [{"text": "Zipped record."}], gz=True)
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "odd-name.txt").write_bytes(gzip.compress(b"Zipped without saying so.\n"))
    records = list(iter_records(tmp_path))
    assert [(r.rel, r.kind) for r in records] == [("a.jsonl.gz", "jsonl"), ("odd-name.txt", "doc"),
                                                  ("page.html.gz", "doc")]
    assert [r.data for r in records] == ["Zipped record.", b"Zipped without saying so.\n", PAGE.encode()]


def test_truncated_gzip_is_a_bad_record_not_a_crash(tmp_path):
    lines = [{"text": f"Record number {i} of a long dump. " * 20} for i in range(300)]
    whole = gzip.compress("".join(json.dumps(x) + "\n" for x in lines).encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(b"A document." * 500)[:40])
    records = list(iter_records(tmp_path))
    good = [r for r in records if r.error is None]
    bad = [r for r in records if r.error]
    assert 0 < len(good) < 300 and [r.index for r in good] == list(range(1, len(good) + 1))
    assert [(r.rel, r.index) for r in bad] == [("cut.jsonl.gz", len(good) + 1), ("cut.txt.gz", 1)]
    assert all("compressed data ends early" in r.error for r in bad)
    assert "the rest of the file is skipped" in bad[0].error


def test_warc_html_responses_with_target_uri(tmp_path):
    path = make_warc(tmp_path / "crawl.warc.gz", [
        ("https://www.ft.com/content/one", PAGE, "text/html; charset=utf-8"),
        ("https://example.org/logo.png", b"\x89PNG....", "image/png"),
        ("https://example.org/gone", "<html><body>Not found</body></html>", "text/html", "404 Not Found"),
        ("https://example.org/latin", "<html><body><p>Caf\xe9 r\xe8gle</p></body></html>".encode("latin-1"),
         "text/html; charset=iso-8859-1"),
    ])
    records = list(iter_records(path))
    assert [r.url for r in records] == ["https://www.ft.com/content/one", "https://example.org/latin"]
    # Record numbers count every WARC record: warcinfo 1, request 2, response 3, ..., the latin page's response 9.
    assert [r.index for r in records] == [3, 9]
    assert records[0].data == PAGE.encode() and records[0].kind == "warc"
    assert records[1].encoding == "cp1252"  # the HTTP charset, as WHATWG maps it, for the cleaner to decode with
    assert "Café règle" in cleanser.clean(records[1].data, encoding=records[1].encoding).text
    assert set(records[0].fields) == {"warc_record_id", "warc_date", "warc_offset"}
    assert records[0].fields["warc_record_id"].startswith("<urn:uuid:")
    plain = make_warc(tmp_path / "plain.warc", [("https://example.org/a", PAGE, "text/html")], gz=False)
    assert [r.data for r in iter_records(plain)] == [PAGE.encode()]


def test_warc_recognised_by_content_and_truncated_warc_reported(tmp_path):
    path = make_warc(tmp_path / "crawl.warc.gz", [(f"https://example.org/{i}", PAGE, "text/html") for i in range(4)])
    (tmp_path / "no-suffix.bin").write_bytes(path.read_bytes())
    assert [r.kind for r in iter_records(tmp_path / "no-suffix.bin")] == ["warc"] * 4
    plain = make_warc(tmp_path / "p.warc", [(f"https://example.org/{i}", PAGE, "text/html") for i in range(4)],
                      gz=False)
    cut = tmp_path / "cut.warc"
    data = plain.read_bytes()
    cut.write_bytes(data[: data.rindex(b"Fishing crews")])  # a download that stopped inside the last page
    records = list(iter_records(cut))
    assert [(r.index, r.error) for r in records] == [
        (3, None), (5, None), (7, None), (9, "the record ends early: the file is cut short")]
    cut.write_bytes(data[: data.index(b"GET /", data.index(b"example.org/2")) + 3])  # inside a request record
    assert [(r.index, r.error) for r in iter_records(cut)] == [
        (3, None), (5, None), (6, "the record ends early: the file is cut short")]
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not a WARC file at all\n" * 10)
    (bad,) = iter_records(garbage)
    assert (bad.index, bad.error) == (1, "not a WARC file: it does not start with a WARC record")


def test_missing_input_is_a_bad_record(tmp_path):
    (record,) = iter_records(tmp_path / "missing.txt")
    assert record.error == "No such file or directory" and record.source == str(tmp_path / "missing.txt")


def test_input_format_forces_the_reader(tmp_path):
    path = tmp_path / "records.txt"
    write_jsonl(path, [{"text": "one"}, {"text": "two"}])
    assert [r.kind for r in iter_records(path)] == ["doc"]
    assert [r.data for r in iter_records(path, input_format="jsonl")] == ["one", "two"]
    with pytest.raises(ValueError, match="input format"):
        list(find_sources([path], input_format="csv"))


@settings(max_examples=40, deadline=None)
@given(
    lines=st.lists(st.text(alphabet="ab é\n", max_size=30).map(lambda t: t.replace("\n", " ")), min_size=1,
                   max_size=40),
    blocksize=st.integers(min_value=1, max_value=120),
)
def test_byte_range_partitions_read_each_line_once_with_its_number(tmp_path_factory, lines, blocksize):
    path = tmp_path_factory.mktemp("ranges") / "x.jsonl"
    write_jsonl(path, [{"text": t, "n": i + 1} for i, t in enumerate(lines)])
    size = path.stat().st_size
    source = Source(str(path), path, path.name, "jsonl")
    data = path.read_bytes()
    got = []
    for start in range(0, size, blocksize):
        # The first line of a partition: one more than the newlines before start-1 plus the one it follows.
        first = 1 if start == 0 else data[: start - 1].count(b"\n") + 2
        got += [(r.index, r.fields["n"], r.data) for r in read_jsonl_range(source, start, start + blocksize, first)]
    assert got == [(i + 1, i + 1, t) for i, t in enumerate(lines)]


def test_records_are_streamed_not_read_ahead(tmp_path):
    path = write_jsonl(tmp_path / "big.jsonl", [{"text": f"Record {i}. " + "x" * 1000} for i in range(50)])
    records = iter_records(path)
    assert next(records).data.startswith("Record 0.")
    path.write_bytes(b"")  # truncated under the reader: only what it had buffered is left to read
    rest = list(records)
    assert len(rest) < 20  # a reader that had read everything up front would still return all 49


def test_record_api_names_where_a_record_came_from():
    names = FieldNames()
    assert (names.text, names.html, names.url) == ("text", "html", "url")
    path = next(p for p in ARTICLES.glob("*.input.txt"))
    (record,) = iter_records(path)
    assert record.where == str(path) and record.data == path.read_bytes()
