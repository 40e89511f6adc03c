"""Bytes in, every character out: the browser's order (BOM, transport, <meta>, WHATWG labels, detection), and a
flag, never a silent U+FFFD, when the bytes disagree with what was declared (issue 14 item 3)."""

from __future__ import annotations

import cleanser
from cleanser.read.text import decode

ARTICLE = (
    "<p>The café on the corner reopened on Monday after a year of repairs, its owner said.</p>"
    "<p>“We kept every chair,” she said, pointing at the terrace — now twice as wide.</p>"
)


def page(charset: str, body: str = ARTICLE) -> str:
    return f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>T</title></head><body>{body}</body></html>'


def test_a_page_declared_utf8_but_saved_as_windows_1252_keeps_its_characters():
    result = cleanser.clean(page("utf-8").encode("cp1252"))
    assert "The café on the corner" in result.text
    assert "“We kept every chair,” she said" in result.text
    assert "\ufffd" not in result.text
    assert "declared UTF-8" in result.flags["encoding"]


def test_gb2312_means_gbk_and_more():
    body = "<p>镕基说，这座城市的新图书馆将于下个月开放，市民可以免费借阅。</p>"  # 镕 is in GBK, not in GB2312
    result = cleanser.clean(page("gb2312", body).encode("gbk"))
    assert "镕基说" in result.text
    assert "encoding" not in result.flags


def test_iso_8859_1_means_windows_1252():
    result = cleanser.clean(page("iso-8859-1").encode("cp1252"))
    assert "“We kept every chair,” she said" in result.text
    assert "encoding" not in result.flags


def test_the_transports_charset_outranks_the_meta():
    data = page("utf-8").encode("cp1252")
    result = cleanser.Cleaner().clean(data, encoding="windows-1252")
    assert "The café on the corner" in result.text
    assert "encoding" not in result.flags  # what the transport said is what the bytes are
    assert "The café" in cleanser.clean(data, encoding="cp1252").text


def test_a_page_declared_single_byte_but_written_in_utf8_is_read_as_utf8():
    result = cleanser.clean(page("iso-8859-1").encode("utf-8"))
    assert "The café on the corner" in result.text
    assert "bytes are UTF-8" in result.flags["encoding"]


def test_utf8_with_stray_windows_1252_bytes_keeps_both():
    data = page("utf-8").encode("utf-8").replace("— now".encode(), b"\x96 now")
    result = cleanser.clean(data)
    assert "The café on the corner" in result.text
    assert "terrace – now twice" in result.text
    assert result.flags["encoding"].startswith("declared UTF-8 by the page's <meta>, but 1 bytes are not UTF-8")


def test_bytes_no_encoding_decodes_are_replaced_and_flagged():
    data = page("shift_jis", "<p>東京の新しい図書館は来月開館する予定です。</p>").encode("shift_jis") + b"\x81\xff\x81"
    result = cleanser.clean(data)
    assert "東京の新しい図書館" in result.text
    assert "replaced by U+FFFD" in result.flags["encoding"] or "read as" in result.flags["encoding"]


def test_undeclared_cyrillic_is_detected():
    text = "Городской совет утвердил новый бюджет на следующий год. Депутаты обсуждали его три недели подряд."
    result = cleanser.clean(text.encode("cp1251"))
    assert result.text == text
    assert "encoding" not in result.flags


def test_utf16_without_bom_is_text_not_binary():
    text = "The council approved the new budget on Tuesday.\n\nIt takes effect in January, the mayor said."
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode(text.encode(codec)) == text
        assert cleanser.clean(text.encode(codec)).text == text


def test_binary_is_still_refused():
    import pytest

    with pytest.raises(cleanser.InputError):
        cleanser.clean(bytes(range(256)) * 8)


def test_plain_utf8_and_cp1252_text_carry_no_flag():
    assert "encoding" not in cleanser.clean("Le café est ouvert.".encode()).flags
    assert cleanser.clean("Le café est ouvert.".encode("cp1252")).text == "Le café est ouvert."


def test_a_records_encoding_field_is_the_transports_declaration():
    from cleanser.batch.jsonl import from_object
    from cleanser.batch.records import JSONL, Record
    from cleanser.batch.work import Options, Worker

    data = page("utf-8").encode("cp1252")  # the page says UTF-8; the server said windows-1252, rightly
    record = from_object({"id": 1, "html": data, "encoding": "windows-1252"}, Record("<bag>", 1, kind=JSONL))
    assert record.encoding == "windows-1252"
    out = Worker(Options(format="json", json="always")).to_object(record)
    assert "The café on the corner" in out["text"] and "encoding" not in out["cleanser"]["flags"]
    assert list(out) == ["id", "html", "encoding", "text", "cleanser"]


def test_a_warc_records_http_charset_reaches_the_cleaner(tmp_path):
    from test_archive import make_warc

    from cleanser.archive import iter_records

    body = page("utf-8").encode("cp1252")
    path = make_warc(tmp_path / "c.warc.gz", [("https://example.org/a", body, "text/html; charset=ISO-8859-1")])
    (record,) = iter_records(path)
    assert record.encoding == "cp1252"  # iso-8859-1, as WHATWG reads it
    result = cleanser.clean(record.data, encoding=record.encoding)
    assert "The café on the corner" in result.text and "encoding" not in result.flags
