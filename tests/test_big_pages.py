"""Big and deep pages keep every word: libxml2's 10 MB text-node limit and its nesting limits used to drop the rest
of a page silently (issue 14, "a 20 MB page"; the timing is in bench/big_page.py, not here)."""

from __future__ import annotations

import cleanser
from cleanser.read.page import parse
from cleanser.read.readability_fast import clean

AFTER = "After the deep part, the article goes on with more text."


def test_a_text_node_over_ten_megabytes_is_read_whole():
    words = "council " * 1_400_000  # 11.2 MB in one paragraph
    root = parse(f"<html><body><p>{words}</p><p>{AFTER}</p></body></html>")
    assert len(root.text_content()) == len(words) + len(AFTER)


def test_deep_nesting_keeps_its_text():
    for depth in (300, 700, 3000):  # past libxml2's old 256, past the walk's recursion, past libxml2's 2048
        page = ("<html><body><article>" + "<div>" * depth + "<p>Deep text that matters to the reader.</p>"
                + "</div>" * depth + f"<p>{AFTER}</p></article></body></html>")
        result = cleanser.clean(page)
        assert "Deep text that matters to the reader." in result.text, depth
        assert AFTER in result.text, depth


def test_readability_clean_in_one_pass_is_the_same():
    from readability.readability import clean as upstream

    for text in ["a  b", "a\t\tb", "a \n b", "a" + " " * 300 + "b", "a \xa0 b", " x ", "a\r\nb", "a \t\n\t b",
                 "a\x0b\x0b b", "\n\n", "a" + "\n " * 200 + "b"]:
        assert clean(text) == upstream(text), repr(text)
