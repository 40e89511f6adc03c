"""read/code.py: the spans of a page's code elements, the same as the plain pattern finds, in linear time."""

from __future__ import annotations

import re
import time

from hypothesis import given
from hypothesis import strategies as st

from cleanser import clean
from cleanser.read.code import code_spans, without_code

PLAIN = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
PIECES = ["<script>", "</script>", "<SCRIPT type=x>", "</Script >", "<style>", "</style>", "<template>",
          "</template>", "<noscript>", "</noscript>", "<scripts>", "<p>", "</p>", "text ", "<", ">", "\n"]


@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_the_spans_are_those_of_the_plain_pattern(pieces):
    html = "".join(pieces)
    assert code_spans(html) == [m.span() for m in PLAIN.finditer(html)]
    assert without_code(html) == PLAIN.sub(" ", html)


def test_unclosed_code_tags_cost_linear_time():
    # The plain pattern scans to the end of the source from every unclosed opening tag: minutes here.
    html = "<p>Kept.</p>" + "<script>x " * 100_000 + "<style>a</style><p>After.</p>"
    started = time.process_time()
    assert without_code(html).endswith(" <p>After.</p>")
    assert time.process_time() - started < 5


def test_a_page_declaring_a_long_text_with_unclosed_scripts_is_cleaned_quickly():
    # premium.py reads the source for a label when the declared wordCount is far above the text's words.
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "wordCount": 5000}</script>'
    page = f"<html><head>{ld}</head><body><p>{'Word ' * 60}.</p>" + "<script>x " * 30_000 + "</body></html>"
    started = time.process_time()
    clean(page)
    assert time.process_time() - started < 10  # 36 s before read/code.py
