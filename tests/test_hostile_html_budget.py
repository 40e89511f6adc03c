"""Issue 17, item 9: HTML rules are inside the word budget: a site rule that would empty an article is refused."""

from __future__ import annotations

from conftest import make_cleaner

PARAGRAPHS = [
    "The harbour authority said on Monday that the north pier would stay closed for at least another month while "
    "engineers finish checking the foundations that were damaged in the winter storms.",
    "Fishing crews who use the pier every morning said the closure had already cost them several days of work, "
    "and asked the council for a temporary landing stage near the old lifeboat station.",
    "A spokesperson for the council said the request would be discussed at the next meeting of the harbour "
    "committee, which is due to take place in the town hall at the end of the month.",
    "Local businesses along the seafront, including two cafes and a bait shop, said fewer visitors had come to "
    "the harbour since the pier was fenced off, although the weekend market had been busy.",
    "Engineers expect to publish their report in the spring, and the authority has promised to share the "
    "findings with residents at a public meeting before any decision about repairs is taken.",
]
PAGE = ("<html><body><article><h1>Pier stays closed</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + '<div class="promo">Subscribe to the Harbour Gazette for full access</div></article></body></html>')
URL = "https://harbour.example/news/pier"


def rules(selectors: list[str], trusted: bool = False) -> dict:
    return {"name": "harbour", "domains": ["harbour.example"],
            "rule": [{"id": "boxes", "kind": "html", "selectors": selectors, "trusted": trusted}]}


def test_an_html_rule_that_would_empty_the_article_is_refused_and_flagged():
    result = make_cleaner(rules(["p"])).clean(PAGE, url=URL)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    assert "budget" in result.flags["guard"]
    assert len(result.refused) == len(PARAGRAPHS) and all(r.refused for r in result.refused)


def test_an_html_rule_within_the_budget_still_removes():
    result = make_cleaner(rules([".promo"])).clean(PAGE, url=URL)
    assert "Subscribe to the Harbour Gazette" not in result.text
    assert all(p in result.text for p in PARAGRAPHS) and "guard" not in result.flags


def test_a_trusted_html_rule_is_exempt_from_the_budget():
    result = make_cleaner(rules(["p"], trusted=True)).clean(PAGE, url=URL)
    assert PARAGRAPHS[0] not in result.text
