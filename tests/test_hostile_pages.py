"""Issue 17, item 6: the HTML parser drops no text, however deep or large the page, and says when a limit was hit."""

from __future__ import annotations

from cleanser import clean
from cleanser.read.page import parse

DEEP = "The harbour master said the pier would reopen on Monday after repairs."
AFTER = "Fishing crews welcomed the news at a meeting on Tuesday evening."


def nested(depth: int) -> str:
    return (f"<html><body><article>{'<div>' * depth}<p>{DEEP}</p>{'</div>' * depth}"
            f"<p>{AFTER}</p></article></body></html>")


def test_nesting_past_libxml2s_default_depth_keeps_the_text():
    root = parse(nested(300))
    assert DEEP in root.text_content() and AFTER in root.text_content()
    result = clean(nested(300))
    assert DEEP in result.text and not result.flags


def test_absurd_nesting_is_flattened_and_flagged_not_truncated():
    result = clean(nested(5000))
    assert DEEP in result.text and AFTER in result.text
    assert "2048" in result.flags["parse_limit"]


def test_a_text_node_over_10_mb_and_what_follows_it_are_kept():
    words = "word " * 2_100_000  # 10.5 MB in one text node
    root = parse(f"<html><body><p>{words}</p><p>{AFTER}</p></body></html>")
    text = root.text_content()
    assert len(text) > len(words) and text.endswith(AFTER)
