"""The audit's offsets: a removal's `start` and `end` point at its text in the input, also when the input holds
characters the reader drops or maps (zero-width spaces, word joiners, byte order marks), soft hyphens and CRLF line
ends. `text[start:end]` is the removed text as written; read as the rules read it (odd spaces as spaces, invisible
characters dropped), it is the removal's `text`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleanser import Cleaner, ruleset_from_dict
from cleanser.plugins.manager import Plugins, load_plugins
from cleanser.read.text import normalize_spaces
from cleanser.testing import strategies as cst

ARTICLE = "The council met on Tuesday to discuss the harbour plans for the coming year and beyond."
OTHER = "Residents said the new quay would bring more visitors to the old town in the summer months."
PLUGIN = ruleset_from_dict({
    "name": "offsets", "domains": ["offsets.example"],
    "rule": [
        {"id": "signup", "match": "Sign up for our newsletter"},
        {"id": "unlock", "match": "Unlock the Harbour newsletter for free", "glued": "both"},
        {"id": "box", "kind": "block", "start": "Skip past newsletter promotion", "end": "After newsletter promotion"},
    ],
})
CLEANER = Cleaner(Plugins.from_rulesets(*load_plugins(entry_points=False).rulesets(), PLUGIN))
URL = "https://offsets.example/news/1"


def removals(text: str) -> list:
    result = CLEANER.clean(text, url=URL)
    return [*result.removed, *result.refused]


def lines_read(span: str) -> list[str]:
    return [t for t in (normalize_spaces(line).strip() for line in span.splitlines()) if t]


def assert_offsets(text: str) -> None:
    for r in removals(text):
        if r.start is None:
            continue
        span = text[r.start : r.end]
        if "\n" not in r.text:
            assert normalize_spaces(span) == r.text, (r.rule, span, r.text)
        else:  # a zone or a box over several lines: it starts at its first line and ends with its last
            read, want = lines_read(span), [t for t in r.text.split("\n") if t.strip()]
            assert read[:1] == want[:1] and read[-1:] == want[-1:], (r.rule, span, r.text)


def test_a_zero_width_space_before_a_removal_on_its_line_is_not_in_its_span():
    for text in (
        f"{ARTICLE}\n\n\u200b Sign up for our newsletter\n\n{OTHER}\n",
        f"{ARTICLE}\n\n\u200bSign up for our newsletter\n\n{OTHER}\n",
        f"\ufeffSign up for our newsletter\n\n{ARTICLE}\n\n{OTHER}\n",
        f"{ARTICLE}\u200b\u2060 Unlock the Harbour newsletter for free\n\n{OTHER}\n",
    ):
        (r,) = removals(text)
        assert text[r.start : r.end] == r.text


def test_offsets_after_invisible_characters_earlier_in_the_line():
    text = f"{ARTICLE}\n\n{OTHER[:20]}\u200b{OTHER[20:]}Unlock the Harbour newsletter for free\n\n{ARTICLE}\n"
    (r,) = removals(text)
    assert r.kind == "glued"
    assert text[r.start : r.end] == "Unlock the Harbour newsletter for free"


def test_soft_hyphens_crlf_and_a_byte_order_mark():
    text = f"\ufeff{ARTICLE}\r\n\r\nSign up for our newsletter\r\n\r\nSkip past newsletter promotion\r\n" \
           f"Get the Har\u00adbour briefing\r\nAfter newsletter promotion\r\n\r\n{OTHER}\r\n"
    found = {r.rule: r for r in removals(text)}
    assert text[found["offsets/signup"].start : found["offsets/signup"].end] == "Sign up for our newsletter"
    box = found["offsets/box"]
    assert text[box.start : box.end] == \
        "Skip past newsletter promotion\r\nGet the Har\u00adbour briefing\r\nAfter newsletter promotion"
    assert_offsets(text)


def test_a_removal_holding_a_zero_width_space_spans_it():
    text = f"{ARTICLE}\n\nSign up\u200b for our newsletter\n\n{OTHER}\n"
    (r,) = removals(text)
    assert text[r.start : r.end] == "Sign up\u200b for our newsletter"
    assert normalize_spaces(text[r.start : r.end]) == r.text


def test_an_article_with_invisible_characters_and_nothing_to_remove_comes_out_as_written():
    text = (f"\ufeff{ARTICLE}\r\n\r\n\u200b {OTHER[:20]}\u200b{OTHER[20:]}\r\n\r\n"
            "Sign up\u00ad for the council's list, she said.\r\n")
    result = CLEANER.clean(text, url=URL)
    assert [*result.removed, *result.refused] == []
    assert result.text == text


def test_a_line_after_a_removal_keeps_its_text():
    text = f"{ARTICLE}\n\nSign up for our newsletter\n\n\u200b{OTHER}\n"
    result = CLEANER.clean(text, url=URL)
    assert [r.rule for r in result.removed] == ["offsets/signup"]
    assert OTHER in result.text and ARTICLE in result.text


INVISIBLE = st.sampled_from(["\u200b", "\u2060", "\ufeff", "\u00ad", "\u00a0", "\u200b\u200b", " \u200b"])


@st.composite
def marked_inputs(draw) -> str:
    """A generated article with promo, in text form, with invisible characters, soft hyphens and odd spaces put in
    at random places, and CRLF line ends or a byte order mark now and then."""
    catalog = draw(st.just(CATALOG))
    text = draw(cst.samples(catalog, min_promos=1)).as_text()
    places = draw(st.lists(st.tuples(st.integers(0, len(text)), INVISIBLE), max_size=12))
    for at, chars in sorted(places, reverse=True):
        text = text[:at] + chars + text[at:]
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


CATALOG = cst.catalog_for(CLEANER)


@given(marked_inputs())
def test_every_removal_points_at_its_text_in_the_input(text):
    assert_offsets(text)
